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

/** What a finished flow's children left behind, keyed by child job id (ids are unique within one flow). */
export interface ChildOutcomes {
  results: Record<string, unknown>;
  /** Children that failed for good, with their last reason; the parent still runs (it decides what that means). */
  failures: Record<string, string>;
}

export interface JobContext {
  id: string;
  attemptsMade: number;
  /** The outcomes of this job's children when it is the parent of a flow; empty otherwise. */
  childOutcomes(): Promise<ChildOutcomes>;
}

export type JobHandler<T = unknown, R = unknown> = (data: T, job: JobContext) => Promise<R>;

/** One job of a flow. */
export interface FlowJob<T = unknown> {
  queue: string;
  name: string;
  data: T;
  options?: JobOptions;
}

/** A queue's state for monitoring (`sohoa status`). */
export interface QueueStats {
  counts: { waiting: number; active: number; completed: number; failed: number };
  /** Processes consuming the queue right now (as far as the adapter can tell). */
  consumers: number;
  /** The most recent failures, newest first. */
  recentFailures: Array<{ id: string; reason: string; finishedAt: number | null }>;
  /** Jobs completed in each of the last minutes, oldest first; the current minute last. */
  completedPerMinute: number[];
}

export interface JobQueue {
  readonly kind: 'in-process' | 'bullmq';
  add<T>(queue: string, name: string, data: T, options?: JobOptions): Promise<{ id: string }>;
  /** Starts consuming `queue` with the handler; resolves once the consumer is running. */
  process<T, R>(queue: string, handler: JobHandler<T, R>, options?: { concurrency?: number }): Promise<void>;
  getJob(queue: string, id: string): Promise<JobRecord | null>;
  /** Resolves with the job's result when it completes; rejects with its failure reason when it fails for good. */
  waitFor<R>(queue: string, id: string, timeoutMs?: number): Promise<R>;
  counts(queue: string): Promise<{ waiting: number; active: number; completed: number; failed: number }>;
  /**
   * Adds a parent job that runs once every child has finished (completed, or failed for good). Adding a flow whose
   * parent id is already known is a no-op; so is adding a child whose id is known.
   */
  addFlow<P, C>(parent: FlowJob<P>, children: Array<FlowJob<C>>): Promise<{ id: string }>;
  /**
   * Forgets a job that is not active (a flow parent together with its children), so its id can be added again.
   * Resolves false when the queue does not hold it.
   */
  remove(queue: string, id: string): Promise<boolean>;
  /** Monitoring snapshot: counts, consumers, recent failures, throughput over the last `minutes` (default 10). */
  stats(queue: string, options?: { minutes?: number; failures?: number }): Promise<QueueStats>;
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

/** A job id the queue does not hold (never added, trimmed, or lost with the queue's storage). */
export class JobMissingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobMissingError';
  }
}
