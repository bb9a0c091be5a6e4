import { execFile, execFileSync } from 'node:child_process';
import { readdirSync, readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ThreadPriority {
  /** Niceness added to the new threads (0: unchanged). */
  niceness: number;
  /**
   * Also put them under Linux's idle scheduling policy (SCHED_IDLE): any other thread that wakes up takes the core at
   * once, where a niced thread may still finish its time slice first.
   */
  idle: boolean;
}

function threadIds(): Set<string> | null {
  try {
    return new Set(readdirSync('/proc/self/task'));
  } catch {
    return null;
  }
}

/** Lowers the threads that are not in `before` (threads of this process that existed before they were started). */
function lowerNewThreads(before: Set<string>, target: number, idle: boolean): Promise<void> {
  const added = [...(threadIds() ?? [])].filter((tid) => !before.has(tid));
  for (const tid of added) {
    try {
      const id = Number(tid);
      if (getPriority(id) < target) setPriority(id, target);
    } catch {
      // The thread may have ended already, or lowering is not allowed: priority is an optimisation only.
    }
  }
  // Node has no binding for sched_setscheduler; util-linux's chrt sets it per thread (absent or refused: no change).
  if (!idle) return Promise.resolve();
  return Promise.all(added.map((tid) => run('chrt', ['--idle', '--pid', '0', tid]).catch(() => {}))).then(() => {});
}

/** Thread ids now, when `priority` lowers anything on this system (Linux); null otherwise. */
function snapshot(priority: ThreadPriority): { before: Set<string>; target: number } | null {
  const lower = priority.niceness > 0 || priority.idle;
  const before = lower && process.platform === 'linux' ? threadIds() : null;
  // An absolute target, not a step down from each thread's current value: starts that overlap see each other's new
  // threads, and stepping twice would leave one OCR thread at a tenth of the other's share of a core.
  return before ? { before, target: Math.min(19, getPriority() + priority.niceness) } : null;
}

/**
 * Runs `start` (which creates threads) and lowers the priority of the threads it created. OCR threads run flat out
 * for seconds per page; lowered, they give way at once to the main thread's storage, database and queue work (BullMQ
 * lock renewals among it) and to preprocessing, which then never keeps OCR waiting for its next page. On a machine
 * with idle cores nothing changes. Linux only (threads are tasks with their own priority); elsewhere, or when the
 * system refuses, threads keep the process priority.
 */
export async function startWithLowerPriority<T>(start: () => Promise<T>, priority: ThreadPriority): Promise<T> {
  const taken = snapshot(priority);
  const result = await start();
  if (taken) await lowerNewThreads(taken.before, taken.target, priority.idle);
  return result;
}

/**
 * Lowers the calling thread itself, before it starts work of its own (a worker thread at its start): threads it
 * creates afterwards, libvips' pool among them, inherit its priority. Synchronous, so nothing runs before it.
 */
export function lowerCurrentThread(priority: ThreadPriority): void {
  if (process.platform !== 'linux') return;
  try {
    // On Linux, priority calls on "process" 0 act on the calling thread.
    const target = Math.min(19, getPriority() + priority.niceness);
    if (getPriority() < target) setPriority(target);
    if (priority.idle) {
      const tid = readlinkSync('/proc/thread-self').split('/').pop() ?? '';
      execFileSync('chrt', ['--idle', '--pid', '0', tid], { stdio: 'ignore' });
    }
  } catch {
    // Lowering refused or chrt absent: priority is an optimisation only.
  }
}
