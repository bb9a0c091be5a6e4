import { writeFile } from 'node:fs/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { PAGE_IMAGE_PREFIX, PAGE_OCR_PREFIX } from '../pipeline/object-keys.js';
import type { StageDeps } from '../pipeline/source-stages.js';
import { withRecentObjects } from '../storage/object-store/recent-objects.js';
import { consumeDigitizeFlow, FLOW_QUEUES, type FlowJobOptions } from '../workers/digitize-flow.js';
import { createInProcessQueue } from '../workers/job-queue/in-process-queue.js';
import type { JobQueue } from '../workers/job-queue/job-queue.port.js';
import { timeStageDeps } from '../workers/stage-timings.js';
import type { Config } from './config.js';
import { openRuntime, stageDepsOf } from './runtime.js';

/**
 * The job queue the configuration asks for: BullMQ when REDIS_URL is set, else in-process. BullMQ and its Redis client
 * load only then: the embedded deployment never needs them, nor their share of the heap.
 */
export async function openJobQueue(config: Config): Promise<JobQueue> {
  if (!config.redisUrl) return createInProcessQueue({ defaultGraceMs: config.shutdownGraceMs });
  const { createBullmqQueue } = await import('../workers/job-queue/bullmq-queue.js');
  return createBullmqQueue({
    connection: config.redisUrl,
    prefix: config.redisPrefix,
    lockDurationMs: config.jobLockMs,
    defaultGraceMs: config.shutdownGraceMs,
  });
}

export function flowJobOptionsOf(config: Config): FlowJobOptions {
  return { attempts: config.jobAttempts, backoffMs: config.jobBackoffMs };
}

export class WorkerSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerSetupError';
  }
}

// Page objects are rewritten only by re-OCR; ten minutes bounds how long another process's rewrite could go unseen.
const RECENT_PAGE_TTL_MS = 10 * 60_000;

/** The finish job of a source mostly runs where its pages were read: it finds them in memory. */
function withRecentPages(deps: StageDeps, cacheMb: number): StageDeps {
  if (cacheMb <= 0) return deps;
  const store = withRecentObjects(deps.store, {
    maxBytes: cacheMb * 1024 * 1024,
    ttlMs: RECENT_PAGE_TTL_MS,
    keep: (key) => key.startsWith(PAGE_IMAGE_PREFIX) || key.startsWith(PAGE_OCR_PREFIX),
  });
  return { ...deps, store };
}

/** Page jobs at once: one per OCR thread plus one whose page is rendered and preprocessed meanwhile. */
export function workerConcurrencyOf(config: Config, override?: number): number {
  return override ?? config.workerConcurrency ?? config.ocrWorkers + 1;
}

/**
 * `sohoa worker`: consumes the digitize queues until SIGTERM or SIGINT, then stops taking jobs, lets active ones
 * finish within SOHOA_SHUTDOWN_GRACE_MS (unfinished ones go back to the queue through their lapsed locks) and closes
 * its connections. A second signal exits at once.
 */
export async function runWorker(
  config: Config,
  options: { concurrency?: number; signal?: AbortSignal; timingsFile?: string },
  log: (line: string) => void,
): Promise<void> {
  if (!config.redisUrl) {
    throw new WorkerSetupError('sohoa worker needs REDIS_URL (the queue other processes submit to); it is not set');
  }
  const concurrency = workerConcurrencyOf(config, options.concurrency);
  const runtime = await openRuntime(config, { ocrIdleByDefault: true });
  const queue = await openJobQueue(config);
  let consumer: { close(): Promise<void> } | null = null;
  const stopHooks: Array<() => Promise<void>> = [];
  try {
    // Start the OCR threads before taking jobs: their start-up would otherwise count against the first job's lock.
    await runtime.ocr();
    const stageDeps = withRecentPages(stageDepsOf(runtime), config.workerCacheMb);
    const timing = options.timingsFile ? timeStageDeps(stageDeps) : null;
    const handlers: Record<string, { jobs: number; ms: number }> = {};
    consumer = await consumeDigitizeFlow(queue, timing?.deps ?? stageDeps, {
      pageConcurrency: concurrency,
      sourceConcurrency: config.sourceConcurrency,
      jobOptions: flowJobOptionsOf(config),
      ...(timing
        ? {
            onJobDone: (name: string, ms: number) => {
              handlers[name] ??= { jobs: 0, ms: 0 };
              handlers[name].jobs++;
              handlers[name].ms += ms;
            },
          }
        : {}),
    });
    if (timing && options.timingsFile) {
      const file = options.timingsFile;
      // How long ready callbacks (a store or database reply among them) waited for the main thread.
      const loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      stopHooks.push(() => {
        loop.disable();
        const ms = (ns: number) => Math.round(ns / 1e4) / 100;
        const eventLoopDelay = {
          meanMs: ms(loop.mean),
          p50Ms: ms(loop.percentile(50)),
          p99Ms: ms(loop.percentile(99)),
          maxMs: ms(loop.max),
        };
        return writeFile(
          file,
          `${JSON.stringify({ pid: process.pid, handlers, eventLoopDelay, ...timing.totals() })}\n`,
        );
      });
    }
    log(
      `sohoa worker ${process.pid}: consuming with ${concurrency} page jobs at once, ${config.ocrWorkers} OCR threads`,
    );
    const heartbeat = config.workerHeartbeatFile ? startHeartbeat(config.workerHeartbeatFile, queue) : null;
    const signalName = await waitForStop(options.signal);
    heartbeat?.stop();
    log(`sohoa worker ${process.pid}: ${signalName}, finishing active jobs (up to ${config.shutdownGraceMs} ms)`);
  } finally {
    await queue.close(config.shutdownGraceMs);
    await consumer?.close();
    await runtime.close();
    for (const hook of stopHooks) await hook();
  }
  log(`sohoa worker ${process.pid}: stopped`);
}

function waitForStop(signal?: AbortSignal): Promise<string> {
  return new Promise((resolve) => {
    let stopping = false;
    const onSignal = (name: NodeJS.Signals) => {
      if (stopping) process.exit(130);
      stopping = true;
      resolve(name);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    signal?.addEventListener('abort', () => onSignal('SIGTERM'), { once: true });
  });
}

/** Touches `file` every `everyMs` while the queue answers, so a container health check can tell a stuck worker. */
function startHeartbeat(file: string, queue: JobQueue, everyMs = 15_000): { stop(): void } {
  const beat = async () => {
    await queue.counts(FLOW_QUEUES.page);
    await writeFile(file, `${new Date().toISOString()}\n`);
  };
  void beat().catch(() => {});
  const timer = setInterval(() => void beat().catch(() => {}), everyMs);
  return { stop: () => clearInterval(timer) };
}
