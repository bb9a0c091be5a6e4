// The distributed runner: per source, a start job (register, open, count pages), then a flow whose children read one
// page each (split, preprocess, OCR) and whose parent recognizes and publishes once every page is in. Job ids derive
// from the SHA-256, so submitting the same bytes again is a no-op; pages already read are never read again.
import { InfrastructureError, infrastructure } from '../pipeline/infrastructure-error.js';
import { objectKeys } from '../pipeline/object-keys.js';
import {
  failSource,
  finishSource,
  readSourcePage,
  type SourceJob,
  type StageDeps,
  startSource,
} from '../pipeline/source-stages.js';
import { openSource } from '../pipeline/split/index.js';
import type { SourceResult } from '../storage/warehouse/index.js';
import { type JobContext, JobMissingError, type JobQueue, PermanentJobError } from './job-queue/job-queue.port.js';
import {
  createOpenedSourceCache,
  type OPENED_SOURCE_CACHE_DEFAULTS,
  type OpenedSourceCache,
} from './opened-source-cache.js';

export const FLOW_QUEUES = { start: 'digitize-start', page: 'digitize-page', finish: 'digitize-finish' } as const;

export interface FlowJobOptions {
  /** Tries per job; only infrastructure errors are retried. */
  attempts: number;
  /** First retry delay, doubled on each retry, ms. */
  backoffMs: number;
}

export const FLOW_JOB_DEFAULTS: FlowJobOptions = { attempts: 6, backoffMs: 1000 };

export interface PageJob {
  sha256: string;
  page: number;
  /** The start job found no stored OCR for this page: its first try need not look for it. */
  unread?: boolean;
}

/** Pages of a source whose OCR is stored: one listing instead of one lookup per page job. */
async function storedOcrPages(sha256: string, store: StageDeps['store']): Promise<Set<number>> {
  const prefix = objectKeys.pageOcrFolder(sha256);
  const pages = new Set<number>();
  await infrastructure(`listing ${prefix}`, async () => {
    for await (const key of store.list(prefix)) {
      const page = objectKeys.pageOfOcrKey(key);
      if (page !== null) pages.add(page);
    }
  });
  return pages;
}

export interface FinishJob {
  sha256: string;
  sourceId: string;
  pageCount: number;
}

/** A start job either answers at once (known or unreadable source) or hands over to the source's flow. */
export type StartJobResult =
  | { kind: 'settled'; result: SourceResult }
  | { kind: 'flow'; sourceId: string; pageCount: number };

/** A page that cannot be read is a property of the file: reported to the parent, not retried. */
export type PageJobResult = { page: number; textSource: string } | { page: number; error: string };

export function pageJobId(sha256: string, page: number): string {
  return `${sha256}.p${String(page).padStart(4, '0')}`;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface ConsumeFlowOptions {
  /** Page jobs run at once in this process (render and preprocess of one overlap OCR of another). */
  pageConcurrency: number;
  /** Finish jobs run at once in this process (start jobs run one at a time, see below). */
  sourceConcurrency: number;
  jobOptions?: FlowJobOptions;
  openedSources?: typeof OPENED_SOURCE_CACHE_DEFAULTS;
  /** Told how long each handler ran (measurements; see stage-timings.ts). */
  onJobDone?: (queue: string, ms: number) => void;
}

function timedHandler<T, R>(
  queue: string,
  handler: (data: T, job: JobContext) => Promise<R>,
  onJobDone?: (queue: string, ms: number) => void,
): (data: T, job: JobContext) => Promise<R> {
  if (!onJobDone) return handler;
  return async (data, job) => {
    const started = performance.now();
    try {
      return await handler(data, job);
    } finally {
      onJobDone(queue, performance.now() - started);
    }
  };
}

/** Consumes the three digitize queues in this process; the returned close() releases the sources it holds open. */
export async function consumeDigitizeFlow(
  queue: JobQueue,
  deps: StageDeps,
  options: ConsumeFlowOptions,
): Promise<{ close(): Promise<void> }> {
  const jobOptions = options.jobOptions ?? FLOW_JOB_DEFAULTS;
  const cache: OpenedSourceCache = createOpenedSourceCache(async (sha256) => {
    // Reading the original is infrastructure (retried); what the bytes hold is the file's business.
    const bytes = await infrastructure(`reading the original ${sha256}`, () =>
      deps.store.get(objectKeys.original(sha256)),
    );
    return openSource(bytes, deps.limits);
  }, options.openedSources);

  await queue.process<SourceJob, StartJobResult>(
    FLOW_QUEUES.start,
    timedHandler(
      FLOW_QUEUES.start,
      async (job) => {
        // Opened through the cache the page jobs use: the original is read and parsed once per worker, not twice.
        const start = await startSource(job, deps, async (sha256) => {
          const { opened, release } = await cache.acquire(sha256);
          return {
            kind: opened.kind,
            pageCount: opened.pageCount,
            page: (n) => opened.page(n),
            close: async () => release(),
          };
        });
        if (start.kind !== 'ready') return { kind: 'settled', result: start.result };
        await start.opened.close();
        const { sourceId, pageCount } = start;
        const stored = await storedOcrPages(job.sha256, deps.store);
        await queue.addFlow<FinishJob, PageJob>(
          {
            queue: FLOW_QUEUES.finish,
            name: 'finish',
            data: { sha256: job.sha256, sourceId, pageCount },
            options: { jobId: job.sha256, ...jobOptions },
          },
          Array.from({ length: pageCount }, (_, i) => ({
            queue: FLOW_QUEUES.page,
            name: 'page',
            data: { sha256: job.sha256, page: i + 1, ...(stored.has(i + 1) ? {} : { unread: true }) },
            options: { jobId: pageJobId(job.sha256, i + 1), ...jobOptions },
          })),
        );
        return { kind: 'flow', sourceId, pageCount };
      },
      options.onJobDone,
    ),
    // One at a time: a start job is short (register, open, count pages), and a batch submitted at once then does not
    // crowd out the page work and the database with a burst of registrations and opened files.
    { concurrency: 1 },
  );

  await queue.process<PageJob, PageJobResult>(
    FLOW_QUEUES.page,
    timedHandler(
      FLOW_QUEUES.page,
      async ({ sha256, page, unread }, job) => {
        const { opened, release } = await cache.acquire(sha256).catch((error: unknown) => {
          if (error instanceof InfrastructureError) throw error;
          // The start step opened this file; failing now means the bytes changed or a limit moved: not retryable.
          throw new PermanentJobError(message(error));
        });
        try {
          // A retried or re-delivered job may have stored its page before it stopped: it looks first.
          const read = await readSourcePage(sha256, page, opened, deps, {
            assumeUnread: unread === true && job.attemptsMade === 0,
          });
          return { page, textSource: read.textSource };
        } catch (error) {
          if (error instanceof InfrastructureError) throw error;
          // Same rule as the embedded runner: a page that fails for another reason fails the source with its reason.
          return { page, error: message(error) };
        } finally {
          release();
        }
      },
      options.onJobDone,
    ),
    { concurrency: options.pageConcurrency },
  );

  await queue.process<FinishJob, SourceResult>(
    FLOW_QUEUES.finish,
    timedHandler(
      FLOW_QUEUES.finish,
      async (data, job) => {
        const { results, failures } = await job.childOutcomes();
        const lost = Object.entries(failures);
        if (lost.length > 0) {
          // Pages that ran out of retries on infrastructure errors: the file may be fine, so the source is not marked
          // failed; submitting it again redoes only the missing pages.
          throw new PermanentJobError(
            `${lost.length} of ${data.pageCount} pages could not be read: ${lost.map(([id, r]) => `${id}: ${r}`).join('; ')}`,
          );
        }
        const unreadable = Object.values(results as Record<string, PageJobResult>)
          .flatMap((r) => ('error' in r ? [r] : []))
          .sort((a, b) => a.page - b.page);
        if (unreadable.length > 0) {
          const reason = `${unreadable.length} of ${data.pageCount} pages could not be read: ${unreadable
            .map((r) => `page ${r.page}: ${r.error}`)
            .join('; ')}`;
          return failSource(data.sourceId, reason, data.pageCount, deps);
        }
        return finishSource(data, deps);
      },
      options.onJobDone,
    ),
    { concurrency: options.sourceConcurrency },
  );

  return { close: () => cache.close() };
}

/**
 * Queues one stored source for the distributed runner; resolves with its id (the SHA-256). A source whose jobs are
 * known is left alone, unless they failed for good: only infrastructure failures end that way, so its failed jobs
 * are removed and it is queued afresh (pages already stored are not read again).
 */
export async function submitSourceFlow(
  queue: JobQueue,
  job: SourceJob,
  options: FlowJobOptions = FLOW_JOB_DEFAULTS,
): Promise<string> {
  const start = await queue.getJob(FLOW_QUEUES.start, job.sha256);
  if (start?.state === 'failed') {
    await queue.remove(FLOW_QUEUES.start, job.sha256);
  } else if (start?.state === 'completed' && (start.result as StartJobResult | undefined)?.kind === 'flow') {
    const finish = await queue.getJob(FLOW_QUEUES.finish, job.sha256);
    if (finish?.state === 'failed') {
      await queue.remove(FLOW_QUEUES.finish, job.sha256);
      await queue.remove(FLOW_QUEUES.start, job.sha256);
    }
  }
  const { id } = await queue.add(FLOW_QUEUES.start, 'source', job, { jobId: job.sha256, ...options });
  return id;
}

export interface WaitForSourceFlowOptions {
  jobOptions?: FlowJobOptions;
  /** Per wait (start, then finish), ms; unset waits as long as it takes. */
  timeoutMs?: number;
  /**
   * Times the source is queued again when its jobs vanished (Redis restarted without persistence, or trimmed).
   * Default 5.
   */
  resubmits?: number;
  /** Called once the source's pages are queued. */
  onPages?: (pageCount: number) => void;
}

/** Waits for a submitted source's result; re-submits it when its jobs were lost, so a run survives a Redis restart. */
export async function waitForSourceFlow(
  queue: JobQueue,
  job: SourceJob,
  options: WaitForSourceFlowOptions = {},
): Promise<SourceResult> {
  const resubmits = options.resubmits ?? 5;
  for (let attempt = 0; ; attempt++) {
    try {
      const started = await queue.waitFor<StartJobResult>(FLOW_QUEUES.start, job.sha256, options.timeoutMs);
      if (started.kind === 'settled') return started.result;
      options.onPages?.(started.pageCount);
      return await queue.waitFor<SourceResult>(FLOW_QUEUES.finish, job.sha256, options.timeoutMs);
    } catch (error) {
      if (!(error instanceof JobMissingError) || attempt >= resubmits) throw error;
      await submitSourceFlow(queue, job, options.jobOptions);
    }
  }
}

/** Processes consuming the start queue right now; a submitter that finds none should say so rather than hang quietly. */
export async function flowConsumers(queue: JobQueue): Promise<number> {
  return (await queue.stats(FLOW_QUEUES.start, { minutes: 1, failures: 1 })).consumers;
}
