import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { spawnModuleWorker } from '../spawn-worker.js';
import { startWithLowerPriority, type ThreadPriority } from './thread-priority.js';

/** Field `n` (1-based, as in proc(5)) of /proc/self/task/<tid>/stat for each thread of this process. */
function statField(n: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // Fields after the command name start at field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out.set(tid, Number(fields[n - 3]));
  }
  return out;
}
const niceness = () => statField(19);
/** Scheduling policy of each thread (field 41): 0 normal, 5 idle. */
const policy = () => statField(41);
const SCHED_IDLE = 5;

/** A worker thread that stays alive until terminated. */
async function startThread(): Promise<Worker> {
  const w = new Worker('setInterval(() => {}, 1000)', { eval: true });
  await new Promise((resolve) => w.once('online', resolve));
  return w;
}
const hasChrt = (() => {
  try {
    execFileSync('chrt', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(process.platform !== 'linux')('startWithLowerPriority', () => {
  /** Starts a thread with `priority`; `read` before and after; the new threads' values and the old ones' changes. */
  async function startAndRead(priority: ThreadPriority, read: () => Map<string, number>) {
    const before = read();
    const worker = await startWithLowerPriority(startThread, priority);
    try {
      const after = read();
      const added = [...after].filter(([tid]) => !before.has(tid));
      const changed = [...before].filter(([tid, v]) => after.has(tid) && after.get(tid) !== v);
      return { added, changed, base: before.get(String(process.pid)) ?? 0, policies: policy() };
    } finally {
      await worker.terminate();
    }
  }

  it('lowers the threads it started, and only those', async () => {
    const { added, changed, base, policies } = await startAndRead({ niceness: 5, idle: false }, niceness);
    expect(added.length).toBeGreaterThan(0);
    for (const [, nice] of added) expect(nice).toBe(Math.min(19, base + 5));
    expect(changed).toEqual([]);
    for (const [tid] of added) expect(policies.get(tid)).toBe(0);
  });

  it.skipIf(!hasChrt)('puts the threads it started, and only those, under the idle policy when asked', async () => {
    const { added, changed } = await startAndRead({ niceness: 0, idle: true }, policy);
    expect(added.length).toBeGreaterThan(0);
    for (const [, p] of added) expect(p).toBe(SCHED_IDLE);
    expect(changed).toEqual([]);
  });

  it('gives threads started side by side the same niceness', async () => {
    const base = niceness().get(String(process.pid)) ?? 0;
    const start = () => startWithLowerPriority(startThread, { niceness: 5, idle: false });
    const before = niceness();
    const workers = await Promise.all([start(), start()]);
    try {
      const added = [...niceness()].filter(([tid]) => !before.has(tid));
      expect(added.length).toBeGreaterThanOrEqual(2);
      for (const [, nice] of added) expect(nice).toBe(Math.min(19, base + 5));
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
  });

  it.skipIf(!hasChrt)('lets a thread lower itself, niceness and idle policy', async () => {
    const base = niceness().get(String(process.pid)) ?? 0;
    const worker = spawnModuleWorker(new URL('./test-fixtures/lowered-thread.js', import.meta.url), import.meta.url, {
      workerData: { niceness: 3, idle: true } satisfies ThreadPriority,
    });
    try {
      const tid = await new Promise<string>((resolve) => worker.once('message', resolve));
      expect(niceness().get(tid)).toBe(Math.min(19, base + 3));
      expect(policy().get(tid)).toBe(SCHED_IDLE);
      expect(policy().get(String(process.pid))).toBe(0);
    } finally {
      await worker.terminate();
    }
  });
});
