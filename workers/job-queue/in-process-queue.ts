import { randomUUID } from 'node:crypto';
import {
  type ChildOutcomes,
  type FlowJob,
  type JobHandler,
  JobMissingError,
  type JobOptions,
  type JobQueue,
  type JobRecord,
} from './job-queue.port.js';
import { assertQueueName, errorMessage, isPermanent } from './queue-name.js';

/**
 * Single-process job queue: jobs live in memory and are lost when the process ends (the embedded mode re-derives
 * work from the warehouse on start). Finished jobs are kept, up to `maxFinishedJobs` per queue, so adding a known
 * id stays a no-op; beyond that the oldest finished jobs are forgotten.
 */
export interface InProcessQueueOptions {
  /** Finished (completed or failed) jobs remembered per queue. Default 10 000. */
  maxFinishedJobs?: number;
  /** Attempts when a job does not say. Default 1. */
  defaultAttempts?: number;
  /** Backoff base when a job does not say, in ms. Default 1000. */
  defaultBackoffMs?: number;
  /** close() grace when the caller gives none, in ms. Default 10 000. */
  defaultGraceMs?: number;
}

interface Job {
  record: JobRecord;
  attempts: number;
  backoffMs: number;
  finishedAt?: number;
  /** Set on a flow's children: the parent to tell when this job finishes for good. */
  parent?: { queue: string; id: string };
  /** Set on a flow's parent: children still running, and what the finished ones left. */
  pendingChildren?: number;
  outcomes?: ChildOutcomes;
}

interface Waiter {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

interface QueueState {
  jobs: Map<string, Job>;
  ready: string[];
  finished: string[];
  handler?: JobHandler<unknown, unknown>;
  concurrency: number;
  active: number;
  waiters: Map<string, Set<Waiter>>;
}

export function createInProcessQueue(options: InProcessQueueOptions = {}): JobQueue {
  const maxFinished = options.maxFinishedJobs ?? 10_000;
  const defaultAttempts = options.defaultAttempts ?? 1;
  const defaultBackoffMs = options.defaultBackoffMs ?? 1000;
  const defaultGraceMs = options.defaultGraceMs ?? 10_000;
  const queues = new Map<string, QueueState>();
  const backoffTimers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  let closed = false;

  function stateOf(queue: string): QueueState {
    assertQueueName(queue);
    let state = queues.get(queue);
    if (!state) {
      state = { jobs: new Map(), ready: [], finished: [], concurrency: 1, active: 0, waiters: new Map() };
      queues.set(queue, state);
    }
    return state;
  }

  function newJob(name: string, id: string, data: unknown, opts: JobOptions): Job {
    const attempts = opts.attempts ?? defaultAttempts;
    if (!Number.isInteger(attempts) || attempts < 1)
      throw new Error(`attempts must be an integer >= 1, got ${attempts}`);
    return {
      record: { id, name, data, state: 'waiting', attemptsMade: 0 },
      attempts,
      backoffMs: opts.backoffMs ?? defaultBackoffMs,
    };
  }

  function settle(state: QueueState, job: Job): void {
    const { id } = job.record;
    job.finishedAt = Date.now();
    if (job.parent) childFinished(job.parent, job);
    state.finished.push(id);
    while (state.finished.length > maxFinished) state.jobs.delete(state.finished.shift()!);
    const waiters = state.waiters.get(id);
    state.waiters.delete(id);
    for (const waiter of waiters ?? []) {
      clearTimeout(waiter.timer);
      if (job.record.state === 'completed') waiter.resolve(job.record.result);
      else waiter.reject(new Error(job.record.failedReason ?? 'job failed'));
    }
  }

  async function run(state: QueueState, job: Job, handler: JobHandler<unknown, unknown>): Promise<void> {
    const record = job.record;
    record.state = 'active';
    state.active++;
    try {
      const outcomes = job.outcomes ?? { results: {}, failures: {} };
      record.result = await handler(record.data, {
        id: record.id,
        attemptsMade: record.attemptsMade,
        childOutcomes: async () => structuredClone(outcomes),
      });
      record.attemptsMade++;
      record.state = 'completed';
      settle(state, job);
    } catch (error) {
      record.attemptsMade++;
      record.failedReason = errorMessage(error);
      if (isPermanent(error) || record.attemptsMade >= job.attempts) {
        record.state = 'failed';
        settle(state, job);
      } else {
        record.state = 'waiting';
        const delay = job.backoffMs * 2 ** (record.attemptsMade - 1);
        const timer = setTimeout(() => {
          backoffTimers.delete(timer);
          state.ready.push(record.id);
          pump(state);
        }, delay);
        backoffTimers.add(timer);
      }
    } finally {
      state.active--;
    }
  }

  /** Records a child's outcome on its parent and releases the parent once no child is left. */
  function childFinished(parentRef: { queue: string; id: string }, child: Job): void {
    const parentState = stateOf(parentRef.queue);
    const parent = parentState.jobs.get(parentRef.id);
    if (!parent?.outcomes || parent.pendingChildren === undefined) return;
    if (child.record.state === 'completed') parent.outcomes.results[child.record.id] = child.record.result;
    else parent.outcomes.failures[child.record.id] = child.record.failedReason ?? 'job failed';
    parent.pendingChildren--;
    if (parent.pendingChildren === 0) {
      parentState.ready.push(parent.record.id);
      queueMicrotask(() => pump(parentState));
    }
  }

  /** Starts ready jobs while the queue has a handler and free slots. */
  function pump(state: QueueState): void {
    const handler = state.handler;
    while (!closed && handler && state.active < state.concurrency && state.ready.length > 0) {
      const job = state.jobs.get(state.ready.shift()!);
      if (!job) continue;
      const task = run(state, job, handler).finally(() => {
        running.delete(task);
        pump(state);
      });
      running.add(task);
    }
  }

  return {
    kind: 'in-process',

    async add(queue, name, data, opts: JobOptions = {}) {
      if (closed) throw new Error(`job queue is closed: cannot add ${name} to ${queue}`);
      const state = stateOf(queue);
      const id = opts.jobId ?? randomUUID();
      if (state.jobs.has(id)) return { id };
      state.jobs.set(id, newJob(name, id, data, opts));
      state.ready.push(id);
      // Dispatch after the caller's await resumes, as a remote queue would.
      queueMicrotask(() => pump(state));
      return { id };
    },

    async process(queue, handler, opts = {}) {
      if (closed) throw new Error(`job queue is closed: cannot process ${queue}`);
      const state = stateOf(queue);
      if (state.handler) throw new Error(`queue ${queue} already has a handler in this process`);
      const concurrency = opts.concurrency ?? 1;
      if (!Number.isInteger(concurrency) || concurrency < 1) {
        throw new Error(`concurrency must be an integer >= 1, got ${concurrency}`);
      }
      state.concurrency = concurrency;
      state.handler = handler as JobHandler<unknown, unknown>;
      pump(state);
    },

    async getJob(queue, id) {
      const job = stateOf(queue).jobs.get(id);
      return job ? { ...job.record } : null;
    },

    waitFor<R>(queue: string, id: string, timeoutMs?: number): Promise<R> {
      const state = stateOf(queue);
      const job = state.jobs.get(id);
      if (!job) return Promise.reject(new JobMissingError(`unknown job ${id} in queue ${queue}`));
      if (job.record.state === 'completed') return Promise.resolve(job.record.result as R);
      if (job.record.state === 'failed') return Promise.reject(new Error(job.record.failedReason ?? 'job failed'));
      return new Promise<R>((resolve, reject) => {
        const waiter: Waiter = { resolve: resolve as (value: unknown) => void, reject };
        let set = state.waiters.get(id);
        if (!set) {
          set = new Set();
          state.waiters.set(id, set);
        }
        const waiters = set;
        waiters.add(waiter);
        if (timeoutMs !== undefined) {
          waiter.timer = setTimeout(() => {
            waiters.delete(waiter);
            reject(new Error(`timed out after ${timeoutMs} ms waiting for job ${id} in queue ${queue}`));
          }, timeoutMs);
        }
      });
    },

    async counts(queue) {
      const state = stateOf(queue);
      const result = { waiting: 0, active: 0, completed: 0, failed: 0 };
      for (const job of state.jobs.values()) result[job.record.state]++;
      return result;
    },

    async addFlow(parent: FlowJob, children: FlowJob[]) {
      if (closed) throw new Error(`job queue is closed: cannot add flow ${parent.name} to ${parent.queue}`);
      const parentState = stateOf(parent.queue);
      const parentId = parent.options?.jobId ?? randomUUID();
      if (parentState.jobs.has(parentId)) return { id: parentId };
      const parentJob = newJob(parent.name, parentId, parent.data, parent.options ?? {});
      parentJob.pendingChildren = 0;
      parentJob.outcomes = { results: {}, failures: {} };
      parentState.jobs.set(parentId, parentJob);
      const ref = { queue: parent.queue, id: parentId };
      const finishedChildren: Job[] = [];
      for (const child of children) {
        const childState = stateOf(child.queue);
        const childId = child.options?.jobId ?? randomUUID();
        const known = childState.jobs.get(childId);
        parentJob.pendingChildren++;
        if (known && (known.record.state === 'completed' || known.record.state === 'failed')) {
          finishedChildren.push(known);
          continue;
        }
        if (known) {
          known.parent ??= ref;
          continue;
        }
        const job = newJob(child.name, childId, child.data, child.options ?? {});
        job.parent = ref;
        childState.jobs.set(childId, job);
        childState.ready.push(childId);
        queueMicrotask(() => pump(childState));
      }
      for (const child of finishedChildren) childFinished(ref, child);
      if (children.length === 0) {
        parentState.ready.push(parentId);
        queueMicrotask(() => pump(parentState));
      }
      return { id: parentId };
    },

    async remove(queue, id) {
      const state = stateOf(queue);
      const job = state.jobs.get(id);
      if (!job) return false;
      if (job.record.state === 'active') throw new Error(`job ${id} in queue ${queue} is active: cannot remove it`);
      // A flow parent takes its children with it, as in BullMQ.
      for (const other of queues.values()) {
        for (const [childId, child] of other.jobs) {
          if (child.parent?.queue === queue && child.parent.id === id && child.record.state !== 'active') {
            other.jobs.delete(childId);
            other.ready = other.ready.filter((r) => r !== childId);
            other.finished = other.finished.filter((r) => r !== childId);
          } else if (child.parent?.queue === queue && child.parent.id === id) {
            delete child.parent;
          }
        }
      }
      state.jobs.delete(id);
      state.ready = state.ready.filter((r) => r !== id);
      state.finished = state.finished.filter((r) => r !== id);
      return true;
    },

    async stats(queue, opts = {}) {
      const state = stateOf(queue);
      const minutes = opts.minutes ?? 10;
      const counts = { waiting: 0, active: 0, completed: 0, failed: 0 };
      const perMinute = new Array<number>(minutes).fill(0);
      const now = Date.now();
      const failures: Array<{ id: string; reason: string; finishedAt: number | null }> = [];
      for (const job of state.jobs.values()) {
        counts[job.record.state]++;
        const at = job.finishedAt;
        if (job.record.state === 'completed' && at !== undefined) {
          const ago = Math.floor(now / 60_000) - Math.floor(at / 60_000);
          if (ago < minutes) perMinute[minutes - 1 - ago]!++;
        }
        if (job.record.state === 'failed') {
          failures.push({ id: job.record.id, reason: job.record.failedReason ?? '', finishedAt: at ?? null });
        }
      }
      failures.sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0));
      return {
        counts,
        consumers: state.handler && !closed ? 1 : 0,
        recentFailures: failures.slice(0, opts.failures ?? 10),
        completedPerMinute: perMinute,
      };
    },

    async close(graceMs = defaultGraceMs) {
      closed = true;
      for (const timer of backoffTimers) clearTimeout(timer);
      backoffTimers.clear();
      let graceTimer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        graceTimer = setTimeout(resolve, graceMs);
      });
      await Promise.race([Promise.allSettled([...running]), grace]);
      clearTimeout(graceTimer);
      // Nobody will settle the remaining waiters now.
      for (const [name, state] of queues) {
        for (const [id, waiters] of state.waiters) {
          for (const waiter of waiters) {
            clearTimeout(waiter.timer);
            waiter.reject(new Error(`job queue closed while waiting for job ${id} in queue ${name}`));
          }
        }
        state.waiters.clear();
      }
    },
  };
}
