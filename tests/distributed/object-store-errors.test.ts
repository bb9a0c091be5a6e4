// The object store failing (the S3 server is gone after the file was submitted): the job retries with backoff, then
// fails with a reason that names what could not be read; `sohoa status` lists the failure.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOW_QUEUES } from '../../workers/digitize-flow.js';
import { createBullmqQueue, type JobQueue } from '../../workers/job-queue/index.js';
import { deleteRedisKeys, randomRedisPrefix, TEST_REDIS_URL } from '../support/redis.js';
import { runCli } from '../support/run-cli.js';
import { startS3Server, type TestS3Server } from '../support/s3-server.js';
import {
  createTestDatabase,
  missingServices,
  type Proc,
  REPO_ROOT,
  startWorker,
  type TestDatabase,
} from './cluster.js';

const INPUT = join(REPO_ROOT, 'samples', 'invoice-004-born-digital.pdf');
const skip = await missingServices(TEST_REDIS_URL);
if (skip) console.warn(`skipping the object-store error test: ${skip}`);

describe.skipIf(skip !== null)('distributed: object store returning errors', () => {
  let db: TestDatabase;
  let dataDir: string;
  let s3: TestS3Server | null = null;
  let worker: Proc | null = null;
  let queue: JobQueue;
  const prefix = randomRedisPrefix('s3-errors');

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'sohoa-s3-errors-'));
    s3 = await startS3Server();
    queue = createBullmqQueue({ connection: TEST_REDIS_URL, prefix });
  });

  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await queue?.close(0);
    await s3?.stop().catch(() => {});
    await deleteRedisKeys(prefix);
    await db?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('retries, then fails the job with a clear reason', async () => {
    const bucket = s3!.config('dist');
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
      SOHOA_DATA_DIR: dataDir,
      S3_ENDPOINT: s3!.endpoint,
      S3_BUCKET: bucket.bucket,
      S3_ACCESS_KEY: bucket.accessKey,
      S3_SECRET_KEY: bucket.secretKey,
      SOHOA_OCR_WORKERS: '1',
      SOHOA_JOB_ATTEMPTS: '3',
      SOHOA_JOB_BACKOFF_MS: '200',
    };
    const submitted = await runCli(['digitize', '--no-wait', INPUT], env, 60_000);
    expect(submitted.code, submitted.stderr).toBe(0);
    const sha256 = submitted.stdout.trim().split(/\s+/)[0]!;
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);

    await s3!.stop();
    s3 = null;
    worker = await startWorker(env);
    const failure = await queue.waitFor(FLOW_QUEUES.start, sha256, 90_000).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failure).not.toBeNull();
    expect(failure).toMatch(/ECONNREFUSED|connect|socket|original/i);
    const job = await queue.getJob(FLOW_QUEUES.start, sha256);
    expect(job).toMatchObject({ state: 'failed', attemptsMade: 3 });

    const status = await runCli(['status', '--json'], env, 30_000);
    expect(status.code, status.stderr).toBe(0);
    const report = JSON.parse(status.stdout) as {
      queues: Array<{ name: string; counts: { failed: number }; recentFailures: Array<{ id: string }> }>;
    };
    const startQueue = report.queues.find((q) => q.name === FLOW_QUEUES.start);
    expect(startQueue?.counts.failed).toBe(1);
    expect(startQueue?.recentFailures.map((f) => f.id)).toEqual([sha256]);
  }, 180_000);
});
