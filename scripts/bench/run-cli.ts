import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface CliRun {
  stdout: string;
  exitCode: number | null;
  seconds: number;
  /** Peak resident set size of the CLI process (every thread), bytes. */
  maxRssBytes: number;
}

/**
 * Runs the compiled CLI (`bin/sohoa.js`, as users run it, not through a TypeScript loader) in a child process and
 * reports its wall time and peak RSS.
 */
export async function runCli(args: string[], env: NodeJS.ProcessEnv, stderr: NodeJS.WritableStream): Promise<CliRun> {
  const dir = mkdtempSync(join(tmpdir(), 'sohoa-bench-rss-'));
  const rssFile = join(dir, 'max-rss');
  try {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      ['--import', join(root, 'scripts/bench/report-max-rss.mjs'), join(root, 'bin/sohoa.js'), ...args],
      { env: { ...env, SOHOA_BENCH_MAX_RSS_FILE: rssFile }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.pipe(stderr, { end: false });
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    const seconds = (performance.now() - started) / 1000;
    return {
      stdout: Buffer.concat(chunks).toString('utf8'),
      exitCode,
      seconds,
      maxRssBytes: Number(readFileSync(rssFile, 'utf8')),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
