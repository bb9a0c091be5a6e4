import { describe, expect, it } from 'vitest';
import { fontAvailable, renderTextPage, VIETNAMESE_PARAGRAPH } from '../pipeline/ocr/test-fixtures/render-text.js';
import { loadConfig } from './config.js';
import { readingThreadsOf } from './reading-threads.js';

describe.skipIf(!fontAvailable())('reading threads', () => {
  it('start() starts the OCR pool that pages then use; close() stops it and the preprocessing threads', async () => {
    const config = loadConfig({ ...process.env, SOHOA_OCR_WORKERS: '1' });
    const threads = readingThreadsOf(config);
    threads.start();
    const started = threads.ocr();
    expect(threads.ocr()).toBe(started);
    const pool = await started;
    const png = await renderTextPage(VIETNAMESE_PARAGRAPH, { fontPx: 22, margin: 80 });
    const page = await threads.prepare(
      { data: png, dpi: 150 },
      { targetDpi: 300, maxPixels: 40_000_000 },
      async () => ({ rotation: 0, confidence: 1 }),
    );
    expect((await pool.recognize(page.ocrImage)).lines.length).toBeGreaterThan(2);
    await threads.close();
    await expect(pool.recognize(page.ocrImage)).rejects.toThrow(/closed/);
    await expect(
      threads.prepare({ data: png, dpi: 150 }, { targetDpi: 300, maxPixels: 40_000_000 }, async () => ({
        rotation: 0,
        confidence: 1,
      })),
    ).rejects.toThrow(/closed/);
  }, 60_000);
});
