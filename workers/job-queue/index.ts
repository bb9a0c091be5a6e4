export { type BullmqQueueOptions, createBullmqQueue } from './bullmq-queue.js';
export { createInProcessQueue, type InProcessQueueOptions } from './in-process-queue.js';
export { decodeJobId, encodeJobId } from './job-id.js';
export {
  type ChildOutcomes,
  type FlowJob,
  type JobContext,
  type JobHandler,
  JobMissingError,
  type JobOptions,
  type JobQueue,
  type JobRecord,
  PermanentJobError,
  type QueueStats,
} from './job-queue.port.js';
export { createJobQueueFromEnv } from './job-queue-from-env.js';
export { assertQueueName } from './queue-name.js';
