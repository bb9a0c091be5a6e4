import { afterAll, describe, expect, it } from 'vitest';
import { deleteRedisKeys, randomRedisPrefix, redisAvailable, TEST_REDIS_URL } from '../../tests/support/redis.js';
import { createBullmqQueue } from './bullmq-queue.js';
import { createInProcessQueue } from './in-process-queue.js';
import { decodeJobId, encodeJobId } from './job-id.js';
import { describeJobQueueContract } from './job-queue.contract.js';
import { JobMissingError } from './job-queue.port.js';
import { createJobQueueFromEnv } from './job-queue-from-env.js';

describeJobQueueContract('in-process', async () => createInProcessQueue());

const hasRedis = await redisAvailable(TEST_REDIS_URL);
const prefix = randomRedisPrefix('jobq');
if (!hasRedis) console.warn(`skipping the BullMQ contract: no Redis answers at ${TEST_REDIS_URL}`);

describe.skipIf(!hasRedis)('bullmq on Redis', () => {
  afterAll(async () => {
    const deleted = await deleteRedisKeys(prefix);
    expect(deleted).toBeGreaterThan(0);
  });
  describeJobQueueContract('bullmq', async () => createBullmqQueue({ connection: TEST_REDIS_URL, prefix }));

  it('keeps reading the state of a waited job, ever less often, so a job gone without an event is reported', async () => {
    const jobs = createBullmqQueue({ connection: TEST_REDIS_URL, prefix, waitPollMs: 20, waitPollMaxMs: 60 });
    try {
      const { id } = await jobs.add('poll-thinning', 'nobody-takes-it', {});
      const waiting = jobs.waitFor('poll-thinning', id, 5000);
      waiting.catch(() => {});
      // Past the longest interval: the reads have thinned out to it and must go on.
      await new Promise((resolve) => setTimeout(resolve, 400));
      const removedAt = Date.now();
      // A removal publishes no completed or failed event: only a state read can notice it.
      expect(await jobs.remove('poll-thinning', id)).toBe(true);
      await expect(waiting).rejects.toBeInstanceOf(JobMissingError);
      expect(Date.now() - removedAt).toBeLessThan(1000);
    } finally {
      await jobs.close();
    }
  });
});

describe('job ids for BullMQ', () => {
  it('passes safe ids through and maps unsafe ones reversibly', () => {
    for (const id of ['page-0001', 'a.b_c~d', 'dossier:1', '123', 'b64.x', 'hồ sơ', 'a/b']) {
      const stored = encodeJobId(id);
      expect(stored).not.toMatch(/:/);
      expect(stored).not.toMatch(/^\d+$/);
      expect(decodeJobId(stored)).toBe(id);
    }
    expect(encodeJobId('page-0001')).toBe('page-0001');
    expect(() => encodeJobId('')).toThrow(/empty/);
  });
});

describe('createJobQueueFromEnv', () => {
  it('picks in-process without REDIS_URL and bullmq with it', async () => {
    const local = createJobQueueFromEnv({});
    expect(local.kind).toBe('in-process');
    await local.close(0);
    const remote = createJobQueueFromEnv({ REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix });
    expect(remote.kind).toBe('bullmq');
    await remote.close(0);
    expect(() => createJobQueueFromEnv({ REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL/);
  });
});
