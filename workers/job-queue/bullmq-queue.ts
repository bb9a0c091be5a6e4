import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { FlowProducer, type Job, Queue, QueueEvents, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { decodeJobId, encodeJobId } from './job-id.js';
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
  /**
   * waitFor re-reads the job state, besides listening to events, first after this many ms, then twice as long after
   * each read up to waitPollMaxMs. Default 200.
   */
  waitPollMs?: number;
  /** Longest wait between two state reads of waitFor, ms. Default 2000. */
  waitPollMaxMs?: number;
  /**
   * A worker holds a lock on each active job for this long and renews it at half that; a job whose lock lapses (its
   * process died or froze) is taken back by the stalled-job check and run again. Default 30 000 ms.
   */
  lockDurationMs?: number;
  /** How often workers look for stalled jobs, in ms. Default: lockDurationMs. */
  stalledIntervalMs?: number;
  /** Times a job may stall (its worker die) before it fails for good. Default 2. */
  maxStalledCount?: number;
  /** Per-minute completion counts kept for `stats`, in minutes. Default 1440 (a day). */
  metricsMinutes?: number;
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
  const pollMaxMs = Math.max(pollMs, options.waitPollMaxMs ?? 2000);
  const lockDuration = options.lockDurationMs ?? 30_000;
  const workerTuning = {
    lockDuration,
    stalledInterval: options.stalledIntervalMs ?? lockDuration,
    maxStalledCount: options.maxStalledCount ?? 2,
    metrics: { maxDataPoints: options.metricsMinutes ?? 1440 },
  };
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
  let flowProducer: FlowProducer | null = null;
  let closed = false;

  function jobOptions(opts: JobOptions, id: string) {
    const attempts = opts.attempts ?? defaultAttempts;
    if (!Number.isInteger(attempts) || attempts < 1)
      throw new Error(`attempts must be an integer >= 1, got ${attempts}`);
    return {
      jobId: encodeJobId(id),
      attempts,
      backoff: { type: 'exponential', delay: opts.backoffMs ?? defaultBackoffMs },
      removeOnComplete: { count: options.keepCompleted ?? 10_000 },
      removeOnFail: { count: options.keepFailed ?? 10_000 },
    };
  }

  /** Child keys look like `<prefix>:<queue>:<encoded id>`; encoded ids never hold ':'. */
  function childId(key: string): string {
    return decodeJobId(key.slice(key.lastIndexOf(':') + 1));
  }

  async function childOutcomes(job: Job): Promise<ChildOutcomes> {
    const [values, failures] = await Promise.all([job.getChildrenValues(), job.getIgnoredChildrenFailures()]);
    return {
      results: Object.fromEntries(Object.entries(values).map(([key, value]) => [childId(key), value])),
      failures: Object.fromEntries(Object.entries(failures).map(([key, reason]) => [childId(key), String(reason)])),
    };
  }

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
      // BullMQ ignores an add whose jobId exists (until the finished job is trimmed by keepCompleted/keepFailed).
      await queueFor(queueName).add(name, data, jobOptions(opts, id));
      return { id };
    },

    async addFlow(parent: FlowJob, children: FlowJob[]) {
      const parentQueue = queueFor(parent.queue);
      for (const child of children) assertQueueName(child.queue);
      const id = parent.options?.jobId ?? randomUUID();
      // A known parent means the flow was added before: adding it again would re-link finished children.
      if (await parentQueue.getJob(encodeJobId(id))) return { id };
      flowProducer ??= new FlowProducer({ connection: sharedConnection(), prefix });
      await flowProducer.add({
        name: parent.name,
        queueName: parent.queue,
        data: parent.data,
        opts: jobOptions(parent.options ?? {}, id),
        children: children.map((child) => ({
          name: child.name,
          queueName: child.queue,
          data: child.data,
          // A child that fails for good is reported to the parent (childOutcomes) instead of blocking it forever.
          opts: {
            ...jobOptions(child.options ?? {}, child.options?.jobId ?? randomUUID()),
            ignoreDependencyOnFailure: true,
          },
        })),
      });
      return { id };
    },

    async remove(queueName, id) {
      const queue = queueFor(queueName);
      // BullMQ answers 1 for an unknown id too: look first.
      if (!(await queue.getJob(encodeJobId(id)))) return false;
      const removed = await queue.remove(encodeJobId(id), { removeChildren: true });
      if (removed !== 1) throw new Error(`job ${id} in queue ${queueName} is locked (active): cannot remove it`);
      return true;
    },

    async stats(queueName, opts = {}) {
      const queue = queueFor(queueName);
      const minutes = opts.minutes ?? 10;
      const [counts, workersList, failed, metrics] = await Promise.all([
        this.counts(queueName),
        queue.getWorkers(),
        queue.getFailed(0, (opts.failures ?? 10) - 1),
        queue.getMetrics('completed', 0, minutes - 2),
      ]);
      const perMinute = new Array<number>(minutes).fill(0);
      // The current minute is what completed since the last data point; closed minutes are newest first.
      perMinute[minutes - 1] = Math.max(0, Number(metrics.meta.count) - Number(metrics.meta.prevCount)) || 0;
      metrics.data.slice(0, minutes - 1).forEach((n, i) => {
        perMinute[minutes - 2 - i] = Number(n) || 0;
      });
      return {
        counts,
        consumers: workersList.length,
        recentFailures: failed
          .filter((job): job is Job => Boolean(job))
          .map((job) => ({
            id: decodeJobId(job.id ?? ''),
            reason: job.failedReason ?? '',
            finishedAt: job.finishedOn ?? null,
          })),
        completedPerMinute: perMinute,
      };
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
            return await handler(job.data, {
              id: decodeJobId(job.id ?? ''),
              attemptsMade: job.attemptsMade,
              childOutcomes: () => childOutcomes(job),
            });
          } catch (error) {
            if (isPermanent(error)) throw new UnrecoverableError(errorMessage(error));
            throw error;
          }
        },
        { connection: connect(), prefix, concurrency, ...workerTuning },
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
      if (!(await queue.getJob(stored))) throw new JobMissingError(`unknown job ${id} in queue ${queueName}`);
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
          clearTimeout(poll);
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
          if (!job) return finish(() => reject(new JobMissingError(`job ${id} in queue ${queueName} was removed`)));
          const state = await job.getState();
          if (state !== 'completed' && state !== 'failed') return;
          // The job may have finished between reading it and reading its state: read it again for its outcome.
          const settled = (await queue.getJob(stored)) ?? job;
          if (state === 'completed') finish(() => resolve(settled.returnvalue as R));
          else finish(() => reject(new Error(settled.failedReason)));
        };
        queueEvents.on('completed', onCompleted);
        queueEvents.on('failed', onFailed);
        // The events answer; the reads are a safety net, so they thin out: a batch of sources waited for side by side
        // would otherwise keep the client and Redis busy with reads several times a second each.
        let delay = pollMs;
        let poll: NodeJS.Timeout;
        const schedule = () => {
          poll = setTimeout(() => {
            void check()
              .catch(() => {})
              .finally(() => {
                if (!done) schedule();
              });
          }, delay);
          delay = Math.min(pollMaxMs, delay * 2);
        };
        schedule();
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
      if (flowProducer) await flowProducer.close().catch(() => {});
      await Promise.allSettled(connections.map((c) => c.quit()));
      workers.clear();
      queues.clear();
      events.clear();
    },
  };
}
