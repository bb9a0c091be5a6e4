// A worker SIGKILLed in the middle of OCR: its pages go back to the queue (lapsed lock, stalled-job check) and another
// worker redoes them; the run completes with every page once, and the results equal the embedded run's.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOW_QUEUES } from '../../workers/digitize-flow.js';
import { deleteRedisKeys, randomRedisPrefix, TEST_REDIS_URL } from '../support/redis.js';
import { runCli } from '../support/run-cli.js';
import {
  createTestDatabase,
  missingServices,
  type Proc,
  REPO_ROOT,
  startWorker,
  type TestDatabase,
  until,
} from './cluster.js';

const SAMPLES = join(REPO_ROOT, 'samples');
const skip = await missingServices(TEST_REDIS_URL);
if (skip) console.warn(`skipping the worker-killed test: ${skip}`);

type Output = { sources: Array<{ path: string; status: string; pageCount: number; components: unknown[] }> };

describe.skipIf(skip !== null)('distributed: a worker killed mid-OCR', () => {
  let db: TestDatabase;
  let dataDir: string;
  let embeddedDir: string;
  const prefix = randomRedisPrefix('killed');
  const workers: Proc[] = [];
  let redis: Redis;
  let pageQueue: Queue;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'sohoa-dist-'));
    embeddedDir = await mkdtemp(join(tmpdir(), 'sohoa-embedded-'));
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    pageQueue = new Queue(FLOW_QUEUES.page, { connection: redis, prefix });
  });

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop('SIGKILL')));
    await pageQueue?.close();
    redis?.disconnect();
    await deleteRedisKeys(prefix);
    await db?.drop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(embeddedDir, { recursive: true, force: true });
  });

  it('redoes the killed pages on another worker; no page lost or duplicated; same results as embedded', async () => {
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
      SOHOA_DATA_DIR: dataDir,
      SOHOA_OCR_WORKERS: '1',
      // A short lock so the dead worker's pages come back within seconds instead of the production 30 s.
      SOHOA_JOB_LOCK_MS: '3000',
      SOHOA_JOB_BACKOFF_MS: '300',
    };
    const first = await startWorker(env);
    workers.push(first);
    const run = runCli(['digitize', '--json', SAMPLES], env, 400_000);
    await until(async () => (await pageQueue.getActiveCount()) > 0, 120_000, 'a page job to start');
    // Well into that page's preprocessing and OCR.
    await sleep(2000);
    const killedJobs = (await pageQueue.getActive()).map((j) => j.id ?? '');
    expect(killedJobs.length).toBeGreaterThan(0);
    first.child.kill('SIGKILL');
    await first.exited;
    const second = await startWorker(env);
    workers.push(second);

    const result = await run;
    expect(result.code, result.stderr).toBe(0);
    const distributed = JSON.parse(result.stdout) as Output;
    expect(distributed.sources.map((s) => s.status)).toEqual(['done', 'done', 'done', 'done']);
    const pageTotal = distributed.sources.reduce((n, s) => n + s.pageCount, 0);
    expect(pageTotal).toBe(9);

    // The pages the dead worker held were taken back as stalled and completed by the other worker.
    for (const id of killedJobs) {
      const job = await pageQueue.getJob(id);
      expect(await job?.getState()).toBe('completed');
      expect(job?.stalledCounter ?? 0).toBeGreaterThanOrEqual(1);
    }
    // Every page once in the warehouse, no duplicate component.
    const [pages] = await db.query<{ n: string }>('select count(*) as n from pages');
    expect(Number(pages?.n)).toBe(pageTotal);
    const duplicates = await db.query('select source_id, number from pages group by 1, 2 having count(*) > 1');
    expect(duplicates).toEqual([]);
    const [components] = await db.query<{ n: string }>('select count(*) as n from components');
    expect(Number(components?.n)).toBe(distributed.sources.reduce((n, s) => n + s.components.length, 0));

    // The same files in embedded mode (PGlite, in-process queue, its own object files) give the same results.
    const embeddedRun = await runCli(
      ['digitize', '--json', SAMPLES],
      { SOHOA_DATA_DIR: embeddedDir, DATABASE_URL: '', REDIS_URL: '', S3_ENDPOINT: '', SOHOA_OCR_WORKERS: '2' },
      400_000,
    );
    expect(embeddedRun.code, embeddedRun.stderr).toBe(0);
    const embedded = JSON.parse(embeddedRun.stdout) as Output;
    expect(distributed).toEqual(embedded);
  }, 600_000);
});
