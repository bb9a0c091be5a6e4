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

describe('consumeDigitizeFlow', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('reads and parses a source once in a worker: its page jobs reuse what the start job opened', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sohoa-flow-'));
    dirs.push(dir);
    const config = loadConfig({ SOHOA_DATA_DIR: dir, DATABASE_URL: '', REDIS_URL: '', S3_ENDPOINT: '' });
    const runtime = await openRuntime(config);
    const queue = createInProcessQueue();
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
      const doc = await PDFDocument.create();
      for (let i = 0; i < 3; i++) doc.addPage([595, 842]);
      const pdf = Buffer.from(await doc.save());
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
});
