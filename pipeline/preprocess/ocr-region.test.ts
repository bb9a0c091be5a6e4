import { describe, expect, it } from 'vitest';
import { cropPgm, inkRegion, pgmLayout, sharedPgm } from './ocr-region.js';

/** A white page with dark rectangles drawn on it. */
function page(width: number, height: number, marks: Array<[number, number, number, number]>): Uint8Array {
  const gray = new Uint8Array(width * height).fill(235);
  for (const [x, y, w, h] of marks) {
    for (let r = y; r < y + h; r++) gray.fill(20, r * width + x, r * width + x + w);
  }
  return gray;
}

describe('inkRegion', () => {
  it('is the ink with its margin, clipped to the page', () => {
    const gray = page(600, 800, [
      [100, 120, 300, 20],
      [100, 400, 50, 300],
    ]);
    expect(inkRegion(gray, 600, 800, { pad: 30 })).toEqual({ x: 70, y: 90, width: 360, height: 640 });
    expect(inkRegion(gray, 600, 800, { pad: 500 })).toEqual({ x: 0, y: 0, width: 600, height: 800 });
  });

  it('keeps a thin, short line far from the rest, such as a page number', () => {
    const gray = page(600, 800, [
      [100, 100, 300, 200],
      [280, 760, 3, 12],
      [290, 760, 3, 12],
    ]);
    const region = inkRegion(gray, 600, 800, { pad: 10 });
    expect(region.y + region.height).toBeGreaterThanOrEqual(772);
  });

  it('ignores lone specks, and gives a page without ink whole', () => {
    const specks = page(600, 800, [
      [100, 100, 300, 200],
      [5, 790, 1, 1],
      [590, 6, 1, 1],
    ]);
    expect(inkRegion(specks, 600, 800, { pad: 0 })).toEqual({ x: 100, y: 100, width: 300, height: 200 });
    expect(inkRegion(page(600, 800, []), 600, 800, { pad: 0 })).toEqual({ x: 0, y: 0, width: 600, height: 800 });
  });
});

describe('cropPgm', () => {
  const width = 7;
  const height = 5;
  const pixels = Uint8Array.from({ length: width * height }, (_, i) => i);
  const pgm = sharedPgm(pixels, width, height);

  it('copies the region row by row into a PGM of its own, in shared memory', () => {
    const crop = cropPgm(pgm, { x: 2, y: 1, width: 3, height: 2 });
    const { width: w, height: h, offset } = pgmLayout(crop);
    expect([w, h]).toEqual([3, 2]);
    expect([...crop.subarray(offset)]).toEqual([9, 10, 11, 16, 17, 18]);
    expect(crop.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('hands back the page itself for the whole page, and refuses a region outside it', () => {
    expect(cropPgm(pgm, { x: 0, y: 0, width, height })).toBe(pgm);
    expect(() => cropPgm(pgm, { x: 5, y: 0, width: 3, height: 1 })).toThrow(/outside/);
    expect(() => pgmLayout(Buffer.from('P6\n1 1\n255\nabc'))).toThrow(/PGM/);
  });
});
