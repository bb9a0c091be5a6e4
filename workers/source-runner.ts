// One call per stored source, whichever deployment runs it: embedded (in-process digitize jobs in this process) or
// distributed (a flow for `sohoa worker` processes). Batch commands hand sources to it and await each result.
import type { DigitizeDeps } from '../pipeline/digitize-source.js';
import type { SourceJob } from '../pipeline/source-stages.js';
import type { SourceResult } from '../storage/warehouse/index.js';
import {
  FLOW_JOB_DEFAULTS,
  FLOW_QUEUES,
  type FlowJobOptions,
  type StartJobResult,
  submitSourceFlow,
  waitForSourceFlow,
} from './digitize-flow.js';
import { consumeDigitizeJobs, DIGITIZE_QUEUE, submitSource, waitForSource } from './digitize-jobs.js';
import type { JobQueue } from './job-queue/job-queue.port.js';

export interface SourceRunner {
  /** Queues the source and resolves with its stored result; `onPages` is told its page count once known. */
  run(job: SourceJob, onPages?: (pageCount: number) => void): Promise<SourceResult>;
}

/** A finished failure in the queue would answer a new submission with the old result; forget it so it runs again. */
async function forgetSettledFailure(queue: JobQueue, sha256: string): Promise<void> {
  const start = await queue.getJob(FLOW_QUEUES.start, sha256);
  if (start?.state !== 'completed') return;
  const result = start.result as StartJobResult | undefined;
  if (result?.kind === 'settled' && result.result.status === 'failed') {
    await queue.remove(FLOW_QUEUES.start, sha256);
    return;
  }
  const finish = await queue.getJob(FLOW_QUEUES.finish, sha256);
  if (finish?.state === 'completed' && (finish.result as SourceResult | undefined)?.status === 'failed') {
    await queue.remove(FLOW_QUEUES.finish, sha256);
    await queue.remove(FLOW_QUEUES.start, sha256);
  }
}

export async function createSourceRunner(
  queue: JobQueue,
  deps: DigitizeDeps,
  options: { sourceConcurrency: number; jobOptions?: FlowJobOptions },
): Promise<SourceRunner> {
  if (queue.kind === 'bullmq') {
    const jobOptions = options.jobOptions ?? FLOW_JOB_DEFAULTS;
    return {
      async run(job, onPages) {
        await forgetSettledFailure(queue, job.sha256);
        await submitSourceFlow(queue, job, jobOptions);
        return waitForSourceFlow(queue, job, { jobOptions, ...(onPages ? { onPages } : {}) });
      },
    };
  }
  const waiting = new Map<string, (pageCount: number) => void>();
  await consumeDigitizeJobs(
    queue,
    {
      ...deps,
      onProgress: (event) => {
        if (event.type === 'source-start') waiting.get(event.sha256)?.(event.pageCount);
        deps.onProgress?.(event);
      },
    },
    { concurrency: options.sourceConcurrency },
  );
  const inFlight = new Map<string, Promise<SourceResult>>();
  return {
    run(job, onPages) {
      // The same bytes under two paths: one job, both callers get its result.
      const running = inFlight.get(job.sha256);
      if (running) return running;
      if (onPages) waiting.set(job.sha256, onPages);
      const result = (async () => {
        try {
          return await waitForSource(queue, await submitSource(queue, job));
        } finally {
          waiting.delete(job.sha256);
          inFlight.delete(job.sha256);
          // Completed jobs would otherwise stay in this process's memory for the whole batch.
          await queue.remove(DIGITIZE_QUEUE, job.sha256);
        }
      })();
      inFlight.set(job.sha256, result);
      return result;
    },
  };
}
