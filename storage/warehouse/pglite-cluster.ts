import { once } from 'node:events';
import { PGlite } from '@electric-sql/pglite';
import { forkModuleProcess } from '../../pipeline/spawn-worker.js';

export interface PgliteMemoryOptions {
  /** PostgreSQL shared_buffers of the embedded warehouse, MB (PostgreSQL's own default, 128, is sized for a server). */
  sharedBuffersMb: number;
  /** Longest time creating a new warehouse folder may take, ms. */
  createTimeoutMs: number;
}

export const PGLITE_MEMORY_DEFAULTS: PgliteMemoryOptions = { sharedBuffersMb: 16, createTimeoutMs: 120_000 };

/** PGlite's start parameters with the warehouse's memory settings added. */
export function pgliteStartParams(options: Pick<PgliteMemoryOptions, 'sharedBuffersMb'>): string[] {
  const defaults = (PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams;
  return [...defaults, '-c', `shared_buffers=${options.sharedBuffersMb}MB`];
}

/**
 * Creates a new PGlite database folder in a short-lived child process. Creating a cluster (initdb) grows PGlite's
 * WebAssembly memory to ~0.8 GB, which a process never gives back; the child takes that peak and returns it on exit,
 * so the process that then opens the folder only holds what an opened database needs.
 */
export async function createPgliteCluster(folder: string, options: PgliteMemoryOptions): Promise<void> {
  const child = forkModuleProcess(
    new URL('./pglite-cluster-process.js', import.meta.url),
    import.meta.url,
    [folder, String(options.sharedBuffersMb)],
    { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] },
  );
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), options.createTimeoutMs);
  try {
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    if (code !== 0) {
      const why = signal ? `stopped by ${signal}` : `exit code ${code}`;
      const timedOut = signal === 'SIGKILL' ? ` after ${options.createTimeoutMs} ms` : '';
      throw new Error(`creating the database folder failed (${why}${timedOut}): ${stderr.trim() || 'no message'}`);
    }
  } finally {
    clearTimeout(timer);
  }
}
