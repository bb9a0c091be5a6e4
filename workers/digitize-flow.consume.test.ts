import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../cli/config.js';
import { openRuntime, stageDepsOf } from '../cli/runtime.js';
import { objectKeys } from '../pipeline/object-keys.js';
import type { ObjectStore } from '../storage/object-store/object-store.port.js';
import { consumeDigitizeFlow, submitSourceFlow, waitForSourceFlow } from './digitize-flow.js';
import { createInProcessQueue } from './job-queue/index.js';

/** A PDF of blank A4 pages: every page job needs the opened file, none needs OCR. */
async function blankPdf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]);
  return Buffer.from(await doc.save());
}

describe('consumeDigitizeFlow', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  /** An embedded runtime in a fresh data folder, and an in-process queue. */
  const openEmbedded = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sohoa-flow-'));
    dirs.push(dir);
    const config = loadConfig({ SOHOA_DATA_DIR: dir, DATABASE_URL: '', REDIS_URL: '', S3_ENDPOINT: '' });
    return { runtime: await openRuntime(config), queue: createInProcessQueue() };
  };

  it('reads and parses a source once in a worker: its page jobs reuse what the start job opened', async () => {
    const { runtime, queue } = await openEmbedded();
    try {
      const originalReads: string[] = [];
      const store: ObjectStore = {
        ...runtime.store,
        get: (key) => {
          if (key.startsWith('originals/')) originalReads.push(key);
          return runtime.store.get(key);
        },
      };
      // Three blank pages: no OCR needed, but every page job needs the opened PDF.
      const pdf = await blankPdf(3);
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      await store.put(objectKeys.original(sha256), pdf, { contentType: 'application/pdf' });
      const consumer = await consumeDigitizeFlow(
        queue,
        { ...stageDepsOf(runtime), store },
        { pageConcurrency: 2, sourceConcurrency: 1 },
      );
      const job = { sha256, path: 'three-blank-pages.pdf', byteSize: pdf.length, mediaType: 'application/pdf' };
      await submitSourceFlow(queue, job, { attempts: 1, backoffMs: 10 });
      const result = await waitForSourceFlow(queue, job, { timeoutMs: 60_000 });
      expect(result).toMatchObject({ status: 'done', pageCount: 3 });
      expect(result.pages.map((p) => p.textSource)).toEqual(['blank', 'blank', 'blank']);
      expect(originalReads).toEqual([objectKeys.original(sha256)]);
      await consumer.close();
    } finally {
      await queue.close(0);
      await runtime.close();
    }
  }, 90_000);

  it('takes start jobs one at a time, whatever the finish concurrency', async () => {
    const { runtime, queue } = await openEmbedded();
    try {
      const deps = stageDepsOf(runtime);
      let registering = 0;
      let most = 0;
      const repo = {
        ...deps.repo,
        beginSource: async (...args: Parameters<typeof deps.repo.beginSource>) => {
          most = Math.max(most, ++registering);
          try {
            return await deps.repo.beginSource(...args);
          } finally {
            registering--;
          }
        },
      };
      const consumer = await consumeDigitizeFlow(
        queue,
        { ...deps, repo },
        { pageConcurrency: 2, sourceConcurrency: 3 },
      );
      // Three blank PDFs of one to three pages: three sources, no OCR.
      const jobs = [];
      for (let pages = 1; pages <= 3; pages++) {
        const pdf = await blankPdf(pages);
        const sha256 = createHash('sha256').update(pdf).digest('hex');
        await runtime.store.put(objectKeys.original(sha256), pdf, { contentType: 'application/pdf' });
        jobs.push({ sha256, path: `blank-${pages}.pdf`, byteSize: pdf.length, mediaType: 'application/pdf' });
      }
      for (const job of jobs) await submitSourceFlow(queue, job, { attempts: 1, backoffMs: 10 });
      const results = await Promise.all(jobs.map((job) => waitForSourceFlow(queue, job, { timeoutMs: 60_000 })));
      expect(results.map((r) => [r.status, r.pageCount])).toEqual([
        ['done', 1],
        ['done', 2],
        ['done', 3],
      ]);
      expect(most).toBe(1);
      await consumer.close();
    } finally {
      await queue.close(0);
      await runtime.close();
    }
  }, 90_000);
});
