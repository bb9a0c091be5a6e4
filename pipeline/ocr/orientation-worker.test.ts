import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createOrientationWorker } from './orientation-worker.js';

const page = () =>
  sharp({ create: { width: 200, height: 100, channels: 3, background: '#ffffff' } })
    .png()
    .toBuffer();

describe('orientation worker that cannot start', () => {
  it('reports the reason once and refuses at once until the retry delay has passed', async () => {
    const reasons: string[] = [];
    // No tesseract.js worker starts within 1 ms: every start fails by the init timeout.
    const osd = createOrientationWorker({
      initTimeoutMs: 1,
      jobTimeoutMs: 10_000,
      onUnavailable: (r) => reasons.push(r),
    });
    try {
      const png = await page();
      await expect(osd.detect(png)).rejects.toThrow(
        /orientation detection is unavailable: .*did not initialise in 1 ms/,
      );
      const started = performance.now();
      await expect(osd.detect(png)).rejects.toThrow(/orientation detection is unavailable: .*did not initialise/);
      expect(performance.now() - started).toBeLessThan(500);
      expect(reasons).toHaveLength(1);
      expect(reasons[0]).toMatch(/did not initialise in 1 ms/);
    } finally {
      await osd.close();
    }
  }, 30_000);

  it('tries a new start once the retry delay has passed', async () => {
    const reasons: string[] = [];
    const osd = createOrientationWorker({
      initTimeoutMs: 1,
      jobTimeoutMs: 10_000,
      retryAfterMs: 0,
      onUnavailable: (r) => reasons.push(r),
    });
    try {
      const png = await page();
      await expect(osd.detect(png)).rejects.toThrow(/unavailable/);
      await expect(osd.detect(png)).rejects.toThrow(/unavailable/);
      expect(reasons).toHaveLength(2);
    } finally {
      await osd.close();
    }
  }, 30_000);
});
