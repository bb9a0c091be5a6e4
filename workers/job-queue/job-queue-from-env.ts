import { createBullmqQueue } from './bullmq-queue.js';
import { createInProcessQueue } from './in-process-queue.js';
import type { JobQueue } from './job-queue.port.js';

/** BullMQ on REDIS_URL when set (REDIS_PREFIX optional, default "sohoa"); else the in-process queue. */
export function createJobQueueFromEnv(env: Record<string, string | undefined> = process.env): JobQueue {
  const url = env.REDIS_URL;
  if (!url) return createInProcessQueue();
  if (!/^rediss?:\/\//.test(url))
    throw new Error(`REDIS_URL must look like redis://host:6379, got ${JSON.stringify(url)}`);
  return createBullmqQueue({ connection: url, prefix: env.REDIS_PREFIX || 'sohoa' });
}
