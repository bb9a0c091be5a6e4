import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../package-root.js';
import { createOcrPool, type OcrPool } from './index.js';
import { fontAvailable, renderTextPage } from './test-fixtures/render-text.js';

const here = dirname(fileURLToPath(import.meta.url));
const corpus = join(packageRoot(), '..', 'shared', 'corpora');

describe.skipIf(!fontAvailable())('OCR pool', () => {
  let pool: OcrPool;
  beforeAll(async () => {
    // One worker, replaced after every page, so the recycling path runs in every test below.
    pool = await createOcrPool({ size: 1, recycleAfterJobs: 1 });
  }, 60_000);
  afterAll(() => pool?.close());

  it('reads a rendered Vietnamese line with word boxes, NFC and confidences 0..1', async () => {
    const png = await renderTextPage(['Họ và tên: Nguyễn Văn Thắng'], { width: 900, height: 160, margin: 40 });
    const page = await pool.recognize(png);
    expect(page.width).toBe(900);
    expect(page.height).toBe(160);
    expect(page.text).toBe(page.text.normalize('NFC'));
    const words = page.lines.flatMap((l) => l.words.map((w) => w.text));
    for (const expected of ['Họ', 'và', 'tên:', 'Nguyễn', 'Văn', 'Thắng']) expect(words).toContain(expected);
    for (const w of page.lines.flatMap((l) => l.words)) {
      expect(w.confidence).toBeGreaterThan(0);
      expect(w.confidence).toBeLessThanOrEqual(1);
      expect(w.bbox.x1).toBeGreaterThan(w.bbox.x0);
      expect(w.bbox.y1).toBeGreaterThan(w.bbox.y0);
      expect(w.bbox.x1).toBeLessThanOrEqual(900);
    }
    const nguyen = page.lines[0]!.words.find((w) => w.text === 'Nguyễn')!;
    const thang = page.lines[0]!.words.find((w) => w.text === 'Thắng')!;
    expect(thang.bbox.x0).toBeGreaterThan(nguyen.bbox.x1);
    expect(pool.engineVersion).toMatch(/^tesseract\.js@\d+\.\d+\.\d+$/);
    expect(pool.modelVersion).toBe('vie+eng/4.0.0_best_int');
  }, 60_000);

  it('rejects a corrupt page and keeps serving the next ones', async () => {
    const good = await renderTextPage(['Số định danh 001187012345'], { width: 900, height: 160, margin: 40 });
    const truncated = good.subarray(0, Math.floor(good.length / 2));
    const results = await Promise.allSettled([
      pool.recognize(Buffer.from('not an image at all')),
      pool.recognize(truncated),
      pool.recognize(good),
    ]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: { message: /not a decodable image/ } });
    expect(results[1]).toMatchObject({ status: 'rejected', reason: { message: /OCR failed/ } });
    expect(results[2].status).toBe('fulfilled');
    const after = await pool.recognize(good);
    expect(after.text).toContain('001187012345');
  }, 60_000);

  it.skipIf(!existsSync(join(corpus, 'tesseract-test', 'viet.tif')))(
    'reads the corpus word "tiếng"',
    async () => {
      const png = await sharp(join(corpus, 'tesseract-test', 'viet.tif'))
        .png()
        .toBuffer();
      const expected = readFileSync(join(corpus, 'tesseract-test', 'viet.gt.txt'), 'utf8')
        .trim()
        .normalize('NFC');
      const page = await pool.recognize(png);
      expect(page.text.trim()).toBe(expected);
    },
    60_000,
  );

  it('times out a page that takes too long and replaces the worker', async () => {
    const slow = await createOcrPool({ size: 1, jobTimeoutMs: 1 });
    try {
      const png = await renderTextPage(['Hộ khẩu thường trú'], { width: 900, height: 160, margin: 40 });
      await expect(slow.recognize(png)).rejects.toThrow(/exceeded 1 ms/);
    } finally {
      await slow.close();
    }
  }, 60_000);
});

const tsxLoader = join(packageRoot(), 'node_modules', 'tsx', 'dist', 'loader.mjs');

describe.skipIf(!fontAvailable() || !existsSync(tsxLoader))('OCR offline', () => {
  it('runs with every network path disabled in the main thread and the worker threads', async () => {
    const run = promisify(execFile);
    const { stdout, stderr } = await run(
      process.execPath,
      [
        '--require',
        join(here, 'test-fixtures', 'no-network.cjs'),
        '--import',
        'tsx',
        join(here, 'test-fixtures', 'ocr-offline-run.ts'),
      ],
      { cwd: packageRoot(), timeout: 90_000 },
    );
    expect(stderr).toContain('no-network preload active in main thread');
    expect(stderr).toContain('no-network preload active in worker thread');
    expect(stderr).not.toContain('NETWORK ATTEMPT');
    const out = JSON.parse(stdout) as { text: string };
    expect(out.text).toContain('quyền sử dụng đất');
  }, 120_000);
});
