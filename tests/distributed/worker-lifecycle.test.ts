// One real `sohoa worker`: a corrupt file fails once with its reason (no retries); submitting the same bytes again
// adds no job and returns the same result; SIGTERM lets the active page finish and exits cleanly.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  startWorker,
  type TestDatabase,
  until,
} from './cluster.js';

const skip = await missingServices(TEST_REDIS_URL);
if (skip) console.warn(`skipping the worker lifecycle tests: ${skip}`);

type Output = { sources: Array<{ sha256: string | null; status: string; error?: string }> };

describe.skipIf(skip !== null)(
  'distributed: worker lifecycle',
  () => {
    let db: TestDatabase;
    let dataDir: string;
    let queue: JobQueue;
    const workers: Proc[] = [];
    const prefix = randomRedisPrefix('lifecycle');
    let env: Record<string, string>;

    beforeAll(async () => {
      db = await createTestDatabase();
      dataDir = await mkdtemp(join(tmpdir(), 'sohoa-lifecycle-'));
      queue = createBullmqQueue({ connection: TEST_REDIS_URL, prefix });
      env = {
        DATABASE_URL: db.url,
        REDIS_URL: TEST_REDIS_URL,
        REDIS_PREFIX: prefix,
        SOHOA_DATA_DIR: dataDir,
        SOHOA_OCR_WORKERS: '1',
        SOHOA_JOB_BACKOFF_MS: '200',
        SOHOA_SHUTDOWN_GRACE_MS: '60000',
      };
      workers.push(await startWorker(env));
    });

    afterAll(async () => {
      await Promise.all(workers.map((w) => w.stop('SIGKILL')));
      await queue?.close(0);
      await deleteRedisKeys(prefix);
      await db?.drop();
      await rm(dataDir, { recursive: true, force: true });
    });

    it('fails a corrupt file once, with its reason', async () => {
      const broken = join(dataDir, 'broken.pdf');
      await writeFile(broken, Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(4000)]));
      const run = await runCli(['digitize', '--json', broken], env, 120_000);
      expect(run.code).toBe(1);
      const [source] = (JSON.parse(run.stdout) as Output).sources;
      expect(source?.status).toBe('failed');
      expect(source?.error).toBeTruthy();
      const start = await queue.getJob(FLOW_QUEUES.start, source!.sha256!);
      expect(start).toMatchObject({ state: 'completed', attemptsMade: 1 });
      // No page was queued for it.
      expect((await queue.counts(FLOW_QUEUES.page)).completed).toBe(0);
    });

    it('answers a re-submitted file from its finished jobs without adding any', async () => {
      const invoice = join(REPO_ROOT, 'samples', 'invoice-004-born-digital.pdf');
      const first = await runCli(['digitize', '--json', invoice], env, 120_000);
      expect(first.code, first.stderr).toBe(0);
      const before = await Promise.all(Object.values(FLOW_QUEUES).map((q) => queue.counts(q)));
      const again = await runCli(['digitize', '--json', invoice], env, 120_000);
      expect(again.code, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout)).toEqual(JSON.parse(first.stdout));
      const after = await Promise.all(Object.values(FLOW_QUEUES).map((q) => queue.counts(q)));
      expect(after).toEqual(before);
    });

    it('on SIGTERM finishes the active page, then exits 0; another worker completes the run', async () => {
      const scan = join(REPO_ROOT, 'samples', 'dossier-003-so_ho_khau.png');
      const run = runCli(['digitize', '--json', scan], env, 240_000);
      await until(async () => (await queue.counts(FLOW_QUEUES.page)).active > 0, 60_000, 'a page job to start');
      const pagesDone = (await queue.counts(FLOW_QUEUES.page)).completed;
      const worker = workers[0]!;
      expect(await worker.stop('SIGTERM')).toBe(0);
      expect(worker.output()).toMatch(/SIGTERM, finishing active jobs/);
      expect(worker.output()).toMatch(/stopped/);
      // The page it was reading completed before it left, rather than stalling.
      expect((await queue.counts(FLOW_QUEUES.page)).completed).toBe(pagesDone + 1);
      workers.push(await startWorker(env));
      const result = await run;
      expect(result.code, result.stderr).toBe(0);
      expect((JSON.parse(result.stdout) as Output).sources[0]?.status).toBe('done');
    });
  },
  400_000,
);
