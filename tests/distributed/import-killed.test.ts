// `sohoa import` distributed (PostgreSQL, BullMQ on Redis, `sohoa worker`, fs objects shared by the processes):
// the importer is SIGKILLed part-way while workers go on; the same command run again continues the same run, every
// page is read once, and the run's counters match the archive.
import { mkdirSync, renameSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive, importAndKill, ocrObjectTimes, resumeImport } from '../support/import-scenario.js';
import { deleteRedisKeys, randomRedisPrefix, TEST_REDIS_URL } from '../support/redis.js';
import { createTestDatabase, missingServices, type Proc, startWorker, type TestDatabase } from './cluster.js';

const skip = await missingServices(TEST_REDIS_URL);
if (skip) console.warn(`skipping the distributed import test: ${skip}`);

describe.skipIf(skip !== null)('distributed: sohoa import killed and resumed', () => {
  let db: TestDatabase;
  let work: string;
  const prefix = randomRedisPrefix('import');
  let worker: Proc | null = null;

  beforeAll(async () => {
    db = await createTestDatabase();
    work = await mkdtemp(join(tmpdir(), 'sohoa-import-dist-'));
  });

  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await deleteRedisKeys(prefix);
    await db?.drop();
    await rm(work, { recursive: true, force: true });
  });

  it('continues the same run after SIGKILL; every page once; counters match', async () => {
    // One folder per dossier (the folder rule), as archives scanned by dossier are kept.
    const flat = join(work, 'generated');
    const archive = generateArchive(flat, 132, 32);
    expect(archive.files.length).toBeGreaterThanOrEqual(30);
    const root = join(work, 'archive');
    for (const file of archive.files) {
      const folder = join(root, file.path.replace(/^(dossier-\d+).*$/, '$1').replace(/^(invoice-\d+).*$/, '$1'));
      mkdirSync(folder, { recursive: true });
      renameSync(join(flat, file.path), join(folder, file.path));
    }
    const dataDir = join(work, 'data');
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
      SOHOA_DATA_DIR: dataDir,
      S3_ENDPOINT: '',
      SOHOA_OCR_WORKERS: '2',
      SOHOA_JOB_LOCK_MS: '5000',
    };
    worker = await startWorker(env);
    const args = [root, '--group', 'folder', '--max-in-flight', '4'];

    const { runId, filesAtKill } = await importAndKill(args, env, 8);
    expect(filesAtKill).toBeLessThan(archive.files.length);
    const readBeforeKill = ocrObjectTimes(join(dataDir, 'objects'));

    await resumeImport(args, env, {
      runId,
      files: archive.files.length,
      pages: archive.pages,
      dossiers: archive.files.length,
      failed: 0,
    });

    const readAfter = ocrObjectTimes(join(dataDir, 'objects'));
    expect(readAfter.size).toBe(archive.pages);
    for (const [file, mtime] of readBeforeKill) expect(readAfter.get(file), file).toBe(mtime);
    const [pages] = await db.query<{ n: number; d: number }>(
      'select count(*)::int as n, count(distinct (source_id, number))::int as d from pages',
    );
    expect(pages).toEqual({ n: archive.pages, d: archive.pages });
    const [files] = await db.query<{ n: number; done: number; known: number }>(
      `select count(*)::int as n, count(*) filter (where state = 'done')::int as done,
              count(*) filter (where known = 1)::int as known from run_files where run_id = '${runId}'`,
    );
    expect(files).toEqual({ n: archive.files.length, done: archive.files.length, known: 0 });
    const [run] = await db.query<{ status: string; counters: Record<string, number> }>(
      `select status, counters from runs where id = '${runId}'`,
    );
    expect(run?.status).toBe('done');
    expect(run?.counters.pages).toBe(archive.pages);
  }, 1_500_000);
});
