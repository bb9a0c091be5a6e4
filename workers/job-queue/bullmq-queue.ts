import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Job, Queue, QueueEvents, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { decodeJobId, encodeJobId } from './job-id.js';
import type { JobHandler, JobQueue, JobRecord } from './job-queue.port.js';
import { assertQueueName, errorMessage, isPermanent } from './queue-name.js';

export interface BullmqQueueOptions {
  /** Redis URL, e.g. redis://127.0.0.1:6379. */
  connection: string;
  /** Namespace of every Redis key; lets deployments and test runs share one Redis. Default "sohoa". */
  prefix?: string;
  /** Finished jobs kept per queue (and so still idempotent by id). Default 10 000 each. */
  keepCompleted?: number;
  keepFailed?: number;
  /** Attempts / backoff base when a job does not say. Defaults 1 and 1000 ms. */
  defaultAttempts?: number;
  defaultBackoffMs?: number;
  /** close() grace when the caller gives none, in ms. Default 10 000. */
  defaultGraceMs?: number;
  /** waitFor re-reads the job state this often, besides listening to events, in ms. Default 200. */
  waitPollMs?: number;
}

type Counts = { waiting: number; active: number; completed: number; failed: number };

function mapState(state: string): JobRecord['state'] {
  if (state === 'active' || state === 'completed' || state === 'failed') return state;
  // delayed (backoff), prioritized and waiting-children are all "not started yet" for callers.
  return 'waiting';
}

/** Distributed job queue on BullMQ 6 + Redis: Queue, Worker and QueueEvents per queue name, created lazily. */
export function createBullmqQueue(options: BullmqQueueOptions): JobQueue {
  const prefix = options.prefix ?? 'sohoa';
  const defaultAttempts = options.defaultAttempts ?? 1;
  const defaultBackoffMs = options.defaultBackoffMs ?? 1000;
  const defaultGraceMs = options.defaultGraceMs ?? 10_000;
  const pollMs = options.waitPollMs ?? 200;
  const connections: Redis[] = [];
  // Workers and QueueEvents block on Redis: they need maxRetriesPerRequest null (BullMQ refuses otherwise).
  const connect = () => {
    const client = new Redis(options.connection, { maxRetriesPerRequest: null });
    connections.push(client);
    return client;
  };
  let shared: Redis | null = null;
  const sharedConnection = () => {
    shared ??= connect();
    return shared;
  };
  const queues = new Map<string, Queue>();
  const workers = new Map<string, Worker>();
  const events = new Map<string, Promise<QueueEvents>>();
  let closed = false;

  function queueFor(name: string): Queue {
    assertQueueName(name);
    if (closed) throw new Error(`job queue is closed: cannot use queue ${name}`);
    let queue = queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: sharedConnection(), prefix });
      queues.set(name, queue);
    }
    return queue;
  }

  function eventsFor(name: string): Promise<QueueEvents> {
    let ready = events.get(name);
    if (!ready) {
      const queueEvents = new QueueEvents(name, { connection: connect(), prefix });
      ready = queueEvents.waitUntilReady().then(() => queueEvents);
      events.set(name, ready);
    }
    return ready;
  }

  function toRecord(job: Job, state: string): JobRecord {
    return {
      id: decodeJobId(job.id ?? ''),
      name: job.name,
      data: job.data,
      state: mapState(state),
      attemptsMade: job.attemptsMade,
      ...(job.returnvalue !== undefined && job.returnvalue !== null ? { result: job.returnvalue } : {}),
      ...(job.failedReason ? { failedReason: job.failedReason } : {}),
    };
  }

  return {
    kind: 'bullmq',

    async add(queueName, name, data, opts = {}) {
      const id = opts.jobId ?? randomUUID();
      const attempts = opts.attempts ?? defaultAttempts;
      if (!Number.isInteger(attempts) || attempts < 1)
        throw new Error(`attempts must be an integer >= 1, got ${attempts}`);
      // BullMQ ignores an add whose jobId exists (until the finished job is trimmed by keepCompleted/keepFailed).
      await queueFor(queueName).add(name, data, {
        jobId: encodeJobId(id),
        attempts,
        backoff: { type: 'exponential', delay: opts.backoffMs ?? defaultBackoffMs },
        removeOnComplete: { count: options.keepCompleted ?? 10_000 },
        removeOnFail: { count: options.keepFailed ?? 10_000 },
      });
      return { id };
    },

    async process<T, R>(queueName: string, handler: JobHandler<T, R>, opts: { concurrency?: number } = {}) {
      assertQueueName(queueName);
      if (closed) throw new Error(`job queue is closed: cannot process ${queueName}`);
      if (workers.has(queueName)) throw new Error(`queue ${queueName} already has a handler in this process`);
      const concurrency = opts.concurrency ?? 1;
      if (!Number.isInteger(concurrency) || concurrency < 1) {
        throw new Error(`concurrency must be an integer >= 1, got ${concurrency}`);
      }
      const worker = new Worker<T, R>(
        queueName,
        async (job) => {
          try {
            return await handler(job.data, { id: decodeJobId(job.id ?? ''), attemptsMade: job.attemptsMade });
          } catch (error) {
            if (isPermanent(error)) throw new UnrecoverableError(errorMessage(error));
            throw error;
          }
        },
        { connection: connect(), prefix, concurrency },
      );
      // Without a listener an 'error' event (e.g. a lost connection) would crash the process; BullMQ reconnects.
      worker.on('error', () => {});
      workers.set(queueName, worker as Worker);
      await worker.waitUntilReady();
    },

    async getJob(queueName, id) {
      const job = await queueFor(queueName).getJob(encodeJobId(id));
      if (!job) return null;
      return toRecord(job, await job.getState());
    },

    async waitFor<R>(queueName: string, id: string, timeoutMs?: number): Promise<R> {
      const queue = queueFor(queueName);
      const stored = encodeJobId(id);
      if (!(await queue.getJob(stored))) throw new Error(`unknown job ${id} in queue ${queueName}`);
      const queueEvents = await eventsFor(queueName);
      // Events give prompt answers; a state poll covers an event published before the listener was reading
      // (QueueEvents reads from "now"), and a job trimmed from Redis meanwhile.
      return new Promise<R>((resolve, reject) => {
        let done = false;
        const timers: NodeJS.Timeout[] = [];
        const finish = (settle: () => void) => {
          if (done) return;
          done = true;
          timers.forEach(clearTimeout);
          clearInterval(poll);
          queueEvents.off('completed', onCompleted);
          queueEvents.off('failed', onFailed);
          settle();
        };
        const onCompleted = (args: { jobId: string; returnvalue: unknown }) => {
          if (args.jobId === stored) finish(() => resolve(args.returnvalue as R));
        };
        const onFailed = (args: { jobId: string; failedReason: string }) => {
          if (args.jobId === stored) finish(() => reject(new Error(args.failedReason)));
        };
        const check = async () => {
          const job = await queue.getJob(stored);
          if (!job) return finish(() => reject(new Error(`job ${id} in queue ${queueName} was removed`)));
          const state = await job.getState();
          if (state === 'completed') finish(() => resolve(job.returnvalue as R));
          else if (state === 'failed') finish(() => reject(new Error(job.failedReason)));
        };
        queueEvents.on('completed', onCompleted);
        queueEvents.on('failed', onFailed);
        const poll = setInterval(() => void check().catch(() => {}), pollMs);
        void check().catch(() => {});
        if (timeoutMs !== undefined) {
          timers.push(
            setTimeout(
              () =>
                finish(() =>
                  reject(new Error(`timed out after ${timeoutMs} ms waiting for job ${id} in queue ${queueName}`)),
                ),
              timeoutMs,
            ),
          );
        }
      });
    },

    async counts(queueName): Promise<Counts> {
      const c = await queueFor(queueName).getJobCounts(
        'waiting',
        'delayed',
        'prioritized',
        'waiting-children',
        'active',
        'completed',
        'failed',
      );
      const n = (key: string) => c[key] ?? 0;
      return {
        waiting: n('waiting') + n('delayed') + n('prioritized') + n('waiting-children'),
        active: n('active'),
        completed: n('completed'),
        failed: n('failed'),
      };
    },

    async close(graceMs = defaultGraceMs) {
      if (closed) return;
      closed = true;
      // Let active jobs finish within the grace period.
      await Promise.all(
        [...workers.values()].map(async (worker) => {
          let timer: NodeJS.Timeout | undefined;
          const graceful = worker.close().then(() => 'closed' as const);
          const expired = new Promise<'expired'>((resolve) => {
            timer = setTimeout(() => resolve('expired'), graceMs);
          });
          const outcome = await Promise.race([graceful, expired]);
          clearTimeout(timer);
          // A handler still running after the grace cannot be cancelled: cut the worker's connections so this
          // process can exit; the job's lock then expires and it is retried as a stalled job.
          if (outcome === 'expired') {
            graceful.catch(() => {});
            await Promise.race([worker.disconnect().catch(() => {}), sleep(1000)]);
          }
        }),
      );
      const readyEvents = await Promise.allSettled(events.values());
      await Promise.allSettled(readyEvents.flatMap((r) => (r.status === 'fulfilled' ? [r.value.close()] : [])));
      await Promise.allSettled([...queues.values()].map((q) => q.close()));
      await Promise.allSettled(connections.map((c) => c.quit()));
      workers.clear();
      queues.clear();
      events.clear();
    },
  };
}
