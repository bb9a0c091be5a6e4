// Redis restarted (without persistence, so every queued job is lost) while a page is being read: the worker
// reconnects, the waiting `sohoa digitize` re-submits the vanished source, pages already stored are not read again,
// and the run completes.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOW_QUEUES } from '../../workers/digitize-flow.js';
import { TEST_REDIS_URL } from '../support/redis.js';
import { runCli } from '../support/run-cli.js';
import {
  createTestDatabase,
  freePort,
  missingServices,
  type Proc,
  REPO_ROOT,
  startRedisServer,
  startWorker,
  type TestDatabase,
  until,
} from './cluster.js';

const INPUTS = ['dossier-002-giay_uy_quyen.jpg', 'dossier-003-so_ho_khau.png'].map((f) =>
  join(REPO_ROOT, 'samples', f),
);
const skip =
  (await missingServices(TEST_REDIS_URL)) ?? ((await hasRedisServer()) ? null : 'redis-server is not installed');
if (skip) console.warn(`skipping the Redis restart test: ${skip}`);

async function hasRedisServer(): Promise<boolean> {
  const { spawnSync } = await import('node:child_process');
  return spawnSync('redis-server', ['--version']).status === 0;
}

describe.skipIf(skip !== null)('distributed: Redis restarted during a run', () => {
  let db: TestDatabase;
  let dataDir: string;
  let redisServer: Proc | null = null;
  let worker: Proc | null = null;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'sohoa-redis-restart-'));
  });

  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await redisServer?.stop('SIGKILL');
    await db?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('completes the run after Redis comes back empty', async () => {
    const port = await freePort();
    redisServer = await startRedisServer(port);
    const redisUrl = `redis://127.0.0.1:${port}`;
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: 'sohoa',
      SOHOA_DATA_DIR: dataDir,
      SOHOA_OCR_WORKERS: '1',
      SOHOA_JOB_LOCK_MS: '3000',
      SOHOA_JOB_BACKOFF_MS: '300',
    };
    worker = await startWorker(env);
    const run = runCli(['digitize', '--json', ...INPUTS], env, 300_000);

    const probe = new Redis(redisUrl, { maxRetriesPerRequest: null });
    const pages = new Queue(FLOW_QUEUES.page, { connection: probe, prefix: 'sohoa' });
    await until(async () => (await pages.getActiveCount()) > 0, 60_000, 'a page job to start');
    await pages.close();
    probe.disconnect();
    await sleep(1000);

    await redisServer.stop('SIGTERM');
    await sleep(2000);
    redisServer = await startRedisServer(port);

    const result = await run;
    expect(result.code, `${result.stderr}\n${worker.output()}`).toBe(0);
    const output = JSON.parse(result.stdout) as { sources: Array<{ status: string; pageCount: number }> };
    expect(output.sources.map((s) => [s.status, s.pageCount])).toEqual([
      ['done', 1],
      ['done', 1],
    ]);
    // The worker rode out the restart rather than dying with it.
    expect(worker.child.exitCode).toBeNull();
    const rows = await db.query<{ status: string }>('select status from sources order by status');
    expect(rows.map((r) => r.status)).toEqual(['done', 'done']);
    const [pageRows] = await db.query<{ n: string }>('select count(*) as n from pages');
    expect(Number(pageRows?.n)).toBe(2);
  }, 300_000);
});
