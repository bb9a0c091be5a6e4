import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Generates a benchmark corpus with the dossier generator in a child process (its own memory, not the bench's). */
export function generateCorpus(
  outDir: string,
  options: { seed: string; pages: string; types?: string; quiet?: boolean; dpi?: string; formats?: string },
): void {
  const gen = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(import.meta.dirname, '..', 'generate-dossiers.ts'),
      '--out',
      outDir,
      '--seed',
      options.seed,
      '--pages',
      options.pages,
      ...(options.types ? ['--types', options.types] : []),
      ...(options.dpi ? ['--dpi', options.dpi] : []),
      ...(options.formats ? ['--formats', options.formats] : []),
      ...(options.quiet ? ['--quiet'] : []),
    ],
    // From the package root, where `--import tsx` resolves.
    { cwd: join(import.meta.dirname, '..', '..'), stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (gen.status !== 0) throw new Error(`corpus generation failed (seed ${options.seed})`);
}
