// The kill-and-resume scenario of `sohoa import`, shared by the embedded and distributed tests: import a generated
// archive, SIGKILL the importer part-way, run the same command again, and check every page was processed once.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { BIN, REPO_ROOT, spawnProcess, until } from '../distributed/cluster.js';
import { runCli } from './run-cli.js';

export interface GeneratedArchive {
  files: Array<{ path: string; pageCount: number }>;
  pages: number;
}

/** Small, low-resolution single-page scans from the dossier generator (seed in the tuning range). */
export function generateArchive(outDir: string, seed: number, pages: number): GeneratedArchive {
  const gen = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(REPO_ROOT, 'scripts', 'generate-dossiers.ts'),
      ...['--out', outDir, '--seed', String(seed), '--pages', String(pages)],
      ...['--dpi', '100', '--formats', 'jpeg,png', '--quiet'],
    ],
    { cwd: REPO_ROOT, encoding: 'utf8' },
  );
  if (gen.status !== 0) throw new Error(`generator failed: ${gen.stderr}`);
  const truth = JSON.parse(readFileSync(join(outDir, 'truth.json'), 'utf8')) as {
    sources: Array<{ path: string; pageCount: number }>;
  };
  return {
    files: truth.sources.map((s) => ({ path: s.path, pageCount: s.pageCount })),
    pages: truth.sources.reduce((n, s) => n + s.pageCount, 0),
  };
}

/** Modification times of the stored OCR JSON objects (fs object store): written once per page read. */
export function ocrObjectTimes(objectsDir: string): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (dir: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.json') && !e.name.startsWith('.')) out.set(full, statSync(full).mtimeMs);
    }
  };
  walk(join(objectsDir, 'ocr'));
  return out;
}

interface ProgressLine {
  progress: { run: string; files: number; pages: number };
}

/** Starts the import, SIGKILLs it once `killAfterFiles` files are finished, and returns the run id it printed. */
export async function importAndKill(
  args: string[],
  env: Record<string, string>,
  killAfterFiles: number,
): Promise<{ runId: string; filesAtKill: number }> {
  const importer = spawnProcess(process.execPath, [BIN, 'import', ...args, '--progress-interval', '1'], env);
  let last: ProgressLine['progress'] | null = null;
  await until(
    () => {
      const lines = importer
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{"progress"'));
      const tail = lines.at(-1);
      if (tail) last = (JSON.parse(tail) as ProgressLine).progress;
      if (importer.child.exitCode !== null)
        throw new Error(`the importer ended before the kill:\n${importer.output()}`);
      return (last?.files ?? 0) >= killAfterFiles;
    },
    600_000,
    `${killAfterFiles} files imported`,
  );
  importer.child.kill('SIGKILL');
  await importer.exited;
  const progress = last as ProgressLine['progress'] | null;
  if (!progress) throw new Error('no progress line');
  return { runId: progress.run, filesAtKill: progress.files };
}

export interface ImportJson {
  runId: string;
  resumed: boolean;
  counters: Record<string, number>;
  session: { files: number; newPages: number; knownPages: number };
}

/** Runs the same import to the end; checks the run continued and its counters match the archive. */
export async function resumeImport(
  args: string[],
  env: Record<string, string>,
  expected: { runId: string; files: number; pages: number; dossiers: number; failed: number },
): Promise<ImportJson> {
  const run = await runCli(['import', ...args, '--json'], env, 900_000);
  expect(run.stderr).not.toMatch(/TypeError|ReferenceError|at .*\.js:\d+/);
  const report = JSON.parse(run.stdout) as ImportJson;
  expect(run.code, run.stderr).toBe(expected.failed > 0 ? 1 : 0);
  expect(report.runId).toBe(expected.runId);
  expect(report.resumed).toBe(true);
  expect(report.counters).toMatchObject({
    files: expected.files,
    done: expected.files - expected.failed,
    failed: expected.failed,
    pending: 0,
    queued: 0,
    pages: expected.pages,
    dossiers: expected.dossiers,
    dossiersDone: expected.dossiers - expected.failed,
  });
  return report;
}
