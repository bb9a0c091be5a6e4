import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFsObjectStore } from '../storage/object-store/index.js';
import type { ObjectStore } from '../storage/object-store/object-store.port.js';
import { InfrastructureError } from './infrastructure-error.js';
import { objectKeys } from './object-keys.js';
import { readSourcePage, type StageDeps, type StoredPage } from './source-stages.js';
import type { OpenedSource } from './split/index.js';

const sha = 'b'.repeat(64);
const versions = { pipeline: 'p', ocrEngine: 'tesseract.js@test', ocrModel: 'vie+eng/test', rulePack: 'r' };
const stored: StoredPage = {
  page: 1,
  rotation: 0,
  textSource: 'blank',
  confidence: 1,
  width: 10,
  height: 10,
  dpi: 300,
  skewDegrees: 0,
  versions: { ocrEngine: versions.ocrEngine, ocrModel: versions.ocrModel },
  text: null,
};
// Reading the page again would need these; a stored page must not touch them.
const untouchable = {
  kind: 'pdf',
  pageCount: 1,
  page: () => Promise.reject(new Error('page read again')),
  close: async () => {},
} as OpenedSource;

function depsOf(store: ObjectStore): StageDeps {
  return { store, versions, ocr: () => Promise.reject(new Error('OCR started')) } as unknown as StageDeps;
}

describe('readSourcePage', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('returns a page already read by the same OCR model without reading it again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sohoa-stages-'));
    dirs.push(dir);
    const store = createFsObjectStore(dir, { fsync: false });
    await store.put(objectKeys.pageImage(sha, 1), Buffer.from('jpeg'));
    await store.put(objectKeys.pageOcr(sha, 1), Buffer.from(JSON.stringify(stored)));
    await expect(readSourcePage(sha, 1, untouchable, depsOf(store))).resolves.toEqual(stored);
  });

  it('reads a page with no stored OCR, and reports a failing store as an infrastructure error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sohoa-stages-'));
    dirs.push(dir);
    const store = createFsObjectStore(dir, { fsync: false });
    await expect(readSourcePage(sha, 1, untouchable, depsOf(store))).rejects.toThrow('page read again');
    const broken: ObjectStore = { ...store, get: () => Promise.reject(new Error('connection reset')) };
    const err = await readSourcePage(sha, 1, untouchable, depsOf(broken)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InfrastructureError);
    expect((err as Error).message).toContain('connection reset');
  });
});
