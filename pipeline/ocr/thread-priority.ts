import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

function threadIds(): Set<string> | null {
  try {
    return new Set(readdirSync('/proc/self/task'));
  } catch {
    return null;
  }
}

/**
 * Runs `start` (which creates threads) and lowers the priority of the threads it created by `niceness`. OCR threads
 * run flat out for seconds per page; lowered, they give way at once to the main thread's storage, database and
 * queue work (BullMQ lock renewals among it) and to preprocessing, which then never keeps OCR waiting for its next
 * page. On a machine with idle cores nothing changes. Linux only (threads are tasks with their own niceness);
 * elsewhere, or when the system refuses, threads keep the process priority.
 */
export async function startWithLowerPriority<T>(start: () => Promise<T>, niceness: number): Promise<T> {
  const before = niceness > 0 && process.platform === 'linux' ? threadIds() : null;
  // An absolute target, not a step down from each thread's current value: starts that overlap see each other's new
  // threads, and stepping twice would leave one OCR thread at a tenth of the other's share of a core.
  const target = before ? Math.min(19, getPriority() + niceness) : 0;
  const result = await start();
  if (!before) return result;
  for (const tid of threadIds() ?? []) {
    if (before.has(tid)) continue;
    try {
      const id = Number(tid);
      if (getPriority(id) < target) setPriority(id, target);
    } catch {
      // The thread may have ended already, or lowering is not allowed: priority is an optimisation only.
    }
  }
  return result;
}
