import { readdirSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { startWithLowerPriority } from './thread-priority.js';

/** Niceness of each thread of this process (field 19 of /proc/self/task/<tid>/stat). */
function niceness(): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out.set(tid, Number(fields[16]));
  }
  return out;
}

describe.skipIf(process.platform !== 'linux')('startWithLowerPriority', () => {
  it('lowers the threads it started, and only those', async () => {
    const before = niceness();
    const worker = await startWithLowerPriority(async () => {
      const w = new Worker('setInterval(() => {}, 1000)', { eval: true });
      await new Promise((resolve) => w.once('online', resolve));
      return w;
    }, 5);
    try {
      const after = niceness();
      const added = [...after].filter(([tid]) => !before.has(tid));
      expect(added.length).toBeGreaterThan(0);
      for (const [, nice] of added) expect(nice).toBe(Math.min(19, (before.get(String(process.pid)) ?? 0) + 5));
      for (const [tid, nice] of before) if (after.has(tid)) expect(after.get(tid)).toBe(nice);
    } finally {
      await worker.terminate();
    }
  });

  it('gives threads started side by side the same niceness', async () => {
    const base = niceness().get(String(process.pid)) ?? 0;
    const start = () =>
      startWithLowerPriority(async () => {
        const w = new Worker('setInterval(() => {}, 1000)', { eval: true });
        await new Promise((resolve) => w.once('online', resolve));
        return w;
      }, 5);
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
});
