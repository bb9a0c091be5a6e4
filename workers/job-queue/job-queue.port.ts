/**
 * Job queue port. Adapters: in-process (embedded default) and BullMQ (distributed).
 * Handlers are thin wrappers around pipeline stages; a handler that throws fails the job
 * (retried per `attempts` unless the error is a PermanentJobError).
 */
export interface JobOptions {
  /** Deterministic id: adding a job whose id is already known is a no-op that returns the existing job. */
  jobId?: string;
  attempts?: number;
  /** Base delay of the exponential backoff between attempts, in ms. */
  backoffMs?: number;
}

export interface JobRecord<T = unknown, R = unknown> {
  id: string;
  name: string;
  data: T;
  state: 'waiting' | 'active' | 'completed' | 'failed';
  attemptsMade: number;
  result?: R;
  failedReason?: string;
}

export type JobHandler<T = unknown, R = unknown> = (data: T, job: { id: string; attemptsMade: number }) => Promise<R>;

export interface JobQueue {
  readonly kind: 'in-process' | 'bullmq';
  add<T>(queue: string, name: string, data: T, options?: JobOptions): Promise<{ id: string }>;
  /** Starts consuming `queue` with the handler; resolves once the consumer is running. */
  process<T, R>(queue: string, handler: JobHandler<T, R>, options?: { concurrency?: number }): Promise<void>;
  getJob(queue: string, id: string): Promise<JobRecord | null>;
  /** Resolves with the job's result when it completes; rejects with its failure reason when it fails for good. */
  waitFor<R>(queue: string, id: string, timeoutMs?: number): Promise<R>;
  counts(queue: string): Promise<{ waiting: number; active: number; completed: number; failed: number }>;
  /** Stops consuming, lets active jobs finish (up to graceMs), closes connections. */
  close(graceMs?: number): Promise<void>;
}

/** Thrown by a handler for failures that retrying cannot fix (corrupt file, limit exceeded). */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}
