import { existsSync, readdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { fontAvailable, renderTextPage, VIETNAMESE_PARAGRAPH } from '../ocr/test-fixtures/render-text.js';
import { type OrientationDetector, preparePage } from './prepare-page.js';
import { createPreprocessPool } from './preprocess-pool.js';

const options = { targetDpi: 300, maxPixels: 40_000_000 };

describe.skipIf(!fontAvailable())('preprocessing pool', () => {
  const pool = createPreprocessPool({ size: 2 });
  afterAll(() => pool.close());

  it('gives the same page as preprocessing on the calling thread', async () => {
    const png = await renderTextPage([...VIETNAMESE_PARAGRAPH, ...VIETNAMESE_PARAGRAPH], { fontPx: 20, margin: 100 });
    const refuse: OrientationDetector = async () => {
      throw new Error('not asked for an upright page');
    };
    const [inPool, here] = await Promise.all([
      pool.prepare({ data: png, dpi: 150 }, options, refuse),
      preparePage({ data: png, dpi: 150 }, options, refuse),
    ]);
    expect(inPool).toMatchObject({ rotation: here.rotation, width: here.width, height: here.height, dpi: 300 });
    expect(inPool.skewDegrees).toBe(here.skewDegrees);
    expect(Buffer.compare(inPool.ocrImage, here.ocrImage)).toBe(0);
    expect((await sharp(inPool.image).metadata()).format).toBe('jpeg');
  });

  it('asks the calling thread for orientation and applies its answer', async () => {
    // A sideways page of a few lines: too little for the cheap test, so the detector is asked.
    const png = await renderTextPage(VIETNAMESE_PARAGRAPH.slice(0, 3), { fontPx: 20, margin: 300 });
    const turned = await sharp(png).rotate(90).png().toBuffer();
    const asked: number[] = [];
    const detector: OrientationDetector = async (small) => {
      asked.push((await sharp(small).metadata()).width ?? 0);
      return { rotation: 270, confidence: 1 };
    };
    const page = await pool.prepare({ data: turned, dpi: 150 }, options, detector);
    expect(asked.length).toBe(1);
    expect(asked[0]).toBeGreaterThan(0);
    expect(page.rotation).toBe(270);
    expect(page.height).toBeGreaterThan(page.width);
  });

  it('fails the pages of a thread that stops with the reason, and refuses work once closed', async () => {
    const own = createPreprocessPool({ size: 1 });
    const png = await renderTextPage(VIETNAMESE_PARAGRAPH, { fontPx: 20, margin: 100 });
    const pending = own.prepare({ data: png, dpi: 150 }, options, async () => ({ rotation: 0, confidence: 0 }));
    await own.close();
    await expect(pending).rejects.toThrow(/page preprocessing stopped/);
    await expect(
      own.prepare({ data: png, dpi: 150 }, options, async () => ({ rotation: 0, confidence: 0 })),
    ).rejects.toThrow(/closed/);
  });

  it('fails a page that cannot be read with the reason, and goes on with the next', async () => {
    const refuse: OrientationDetector = async () => ({ rotation: 0, confidence: 0 });
    await expect(pool.prepare({ data: Buffer.from('not an image'), dpi: null }, options, refuse)).rejects.toThrow(
      /cannot be read/,
    );
    const png = await renderTextPage(VIETNAMESE_PARAGRAPH, { fontPx: 20, margin: 100 });
    await expect(pool.prepare({ data: png, dpi: 150 }, options, refuse)).resolves.toMatchObject({ blank: false });
  });
});

// Linux lists a process's threads under /proc/self/task.
const threadCount = () => readdirSync('/proc/self/task').length;

describe.skipIf(!fontAvailable() || !existsSync('/proc/self/task'))('preprocessing pool started ahead', () => {
  it('starts its threads on start(), and prepares pages on them; once closed, start() is a no-op', async () => {
    const pool = createPreprocessPool({ size: 2 });
    try {
      const before = threadCount();
      pool.start();
      pool.start();
      // Threads come up when the machine gets to them: on a loaded one that can take more than a moment.
      for (let waited = 0; threadCount() - before < 2 && waited < 10_000; waited += 100) await sleep(100);
      const started = threadCount() - before;
      // Each worker is a thread of its own, plus the threads its V8 and libvips start.
      expect(started).toBeGreaterThanOrEqual(2);
      const png = await renderTextPage(VIETNAMESE_PARAGRAPH, { fontPx: 20, margin: 100 });
      const upright: OrientationDetector = async () => ({ rotation: 0, confidence: 1 });
      const pages = await Promise.all([1, 2].map(() => pool.prepare({ data: png, dpi: 150 }, options, upright)));
      expect(pages.map((p) => p.dpi)).toEqual([300, 300]);
    } finally {
      await pool.close();
    }
    pool.start();
    await expect(
      pool.prepare({ data: Buffer.alloc(1), dpi: null }, options, async () => ({ rotation: 0, confidence: 0 })),
    ).rejects.toThrow(/closed/);
  }, 60_000);
});
