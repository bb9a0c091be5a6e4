// PostgreSQL unreachable for a few seconds (a TCP proxy between the worker and the server is cut, then restored):
// the jobs fail, back off, retry and complete.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOW_QUEUES } from '../../workers/digitize-flow.js';
import { createBullmqQueue, type JobQueue } from '../../workers/job-queue/index.js';
import { deleteRedisKeys, randomRedisPrefix, TEST_REDIS_URL } from '../support/redis.js';
import { runCli } from '../support/run-cli.js';
import {
  createTestDatabase,
  missingServices,
  type Proc,
  REPO_ROOT,
  startTcpProxy,
  startWorker,
  type TcpProxy,
  type TestDatabase,
  until,
} from './cluster.js';

const INPUT = join(REPO_ROOT, 'samples', 'invoice-004-born-digital.pdf');
const skip = await missingServices(TEST_REDIS_URL);
if (skip) console.warn(`skipping the PostgreSQL outage test: ${skip}`);

describe.skipIf(skip !== null)('distributed: PostgreSQL unreachable for a while', () => {
  let db: TestDatabase;
  let dataDir: string;
  let proxy: TcpProxy;
  let worker: Proc | null = null;
  let queue: JobQueue;
  const prefix = randomRedisPrefix('pg-outage');

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'sohoa-pg-outage-'));
    const target = new URL(db.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    queue = createBullmqQueue({ connection: TEST_REDIS_URL, prefix });
  });

  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await queue?.close(0);
    await proxy?.close();
    await deleteRedisKeys(prefix);
    await db?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('retries with backoff while the database is away and completes once it is back', async () => {
    const viaProxy = new URL(db.url);
    viaProxy.port = String(proxy.port);
    const common = {
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
      SOHOA_DATA_DIR: dataDir,
      SOHOA_OCR_WORKERS: '1',
      SOHOA_JOB_BACKOFF_MS: '300',
      SOHOA_JOB_ATTEMPTS: '8',
    };
    worker = await startWorker({ ...common, DATABASE_URL: viaProxy.toString() });
    await proxy.cut();
    // The submitting client reaches the database directly; only the worker's path is cut.
    const run = runCli(['digitize', '--json', INPUT], { ...common, DATABASE_URL: db.url }, 120_000);
    // Keep the database away until the start job has failed at least once, and a little longer.
    const sha256 = createHash('sha256')
      .update(await readFile(INPUT))
      .digest('hex');
    await until(
      async () => ((await queue.getJob(FLOW_QUEUES.start, sha256))?.attemptsMade ?? 0) >= 1,
      60_000,
      'the start job to meet the outage',
    );
    await sleep(2000);
    await proxy.restore();

    const result = await run;
    expect(result.code, `${result.stderr}\n${worker.output()}`).toBe(0);
    const output = JSON.parse(result.stdout) as { sources: Array<{ sha256: string; status: string }> };
    expect(output.sources[0]?.status).toBe('done');
    // The start job met the outage: it took more than one attempt.
    const start = await queue.getJob(FLOW_QUEUES.start, output.sources[0]!.sha256);
    expect(start?.state).toBe('completed');
    expect(start?.attemptsMade).toBeGreaterThan(1);
    const rows = await db.query<{ status: string }>('select status from sources');
    expect(rows).toEqual([{ status: 'done' }]);
  }, 180_000);
});
