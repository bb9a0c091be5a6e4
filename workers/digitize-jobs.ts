// Thin job wrappers around the pipeline: one queue, one job per source (job id = SHA-256, so re-submitting the
// same bytes is a no-op). The handler is the pipeline's digitizeSource; nothing here knows which adapter runs it.
import { type DigitizeDeps, digitizeSource } from '../pipeline/digitize-source.js';
import type { SourceJob } from '../pipeline/source-stages.js';
import type { SourceResult } from '../storage/warehouse/index.js';
import type { JobQueue } from './job-queue/job-queue.port.js';

export const DIGITIZE_QUEUE = 'digitize';

export interface DigitizeJobOptions {
  attempts: number;
  backoffMs: number;
}

export const DIGITIZE_JOB_DEFAULTS: DigitizeJobOptions = { attempts: 3, backoffMs: 1000 };

/** Starts consuming digitize jobs in this process. */
export async function consumeDigitizeJobs(
  queue: JobQueue,
  deps: DigitizeDeps,
  options: { concurrency: number },
): Promise<void> {
  await queue.process<SourceJob, SourceResult>(DIGITIZE_QUEUE, (job) => digitizeSource(job, deps), {
    concurrency: options.concurrency,
  });
}

/** Queues one stored source; resolves with the job id (its SHA-256). */
export async function submitSource(
  queue: JobQueue,
  job: SourceJob,
  options: DigitizeJobOptions = DIGITIZE_JOB_DEFAULTS,
): Promise<string> {
  const { id } = await queue.add(DIGITIZE_QUEUE, 'source', job, {
    jobId: job.sha256,
    attempts: options.attempts,
    backoffMs: options.backoffMs,
  });
  return id;
}

export function waitForSource(queue: JobQueue, id: string, timeoutMs?: number): Promise<SourceResult> {
  return queue.waitFor<SourceResult>(DIGITIZE_QUEUE, id, timeoutMs);
}
