import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcrPool, type OcrPool } from './ocr/index.js';
import { fontAvailable, renderTextPage, VIETNAMESE_PARAGRAPH } from './ocr/test-fixtures/render-text.js';
import { readPage } from './read-page.js';

describe.skipIf(!fontAvailable())('readPage', () => {
  let pool: OcrPool;
  beforeAll(async () => {
    pool = await createOcrPool({ size: 1 });
  }, 60_000);
  afterAll(() => pool?.close());

  it('reads the inked region and gives its boxes in the coordinates of the stored page', async () => {
    // Text far from the top-left corner, so the region OCR reads starts well inside the page.
    const lines = VIETNAMESE_PARAGRAPH;
    const png = await renderTextPage(lines, { fontPx: 20, margin: 350 });
    const page = await readPage(
      { number: 1, textLayer: null, textLayerQuality: 'none', image: async () => ({ data: png, dpi: 150 }) },
      { ocr: async () => pool, preprocess: { targetDpi: 300, maxPixels: 40_000_000 } },
    );
    expect(page.textSource).toBe('ocr');
    expect(page.text?.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect([page.text?.width, page.text?.height]).toEqual([page.width, page.height]);
    const word = page.text?.lines.flatMap((l) => l.words).find((w) => w.text === 'CỘNG');
    if (!word) throw new Error('word not read');
    // The stored page has ink inside the word's box and none just left of the text block.
    const { data, info } = await sharp(page.image).raw().toBuffer({ resolveWithObject: true });
    const darkest = (x0: number, y0: number, x1: number, y1: number) => {
      let min = 255;
      for (let y = Math.round(y0); y < y1; y++) {
        for (let x = Math.round(x0); x < x1; x++) min = Math.min(min, data[(y * info.width + x) * info.channels]!);
      }
      return min;
    };
    expect(word.bbox.x0).toBeGreaterThan(600);
    expect(darkest(word.bbox.x0, word.bbox.y0, word.bbox.x1, word.bbox.y1)).toBeLessThan(100);
    expect(darkest(word.bbox.x0 - 400, word.bbox.y0, word.bbox.x0 - 300, word.bbox.y1)).toBeGreaterThan(200);
  }, 60_000);
});
