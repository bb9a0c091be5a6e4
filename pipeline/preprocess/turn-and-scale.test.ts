import { describe, expect, it } from 'vitest';
import { binarise } from './bitmap.js';
import { levelTable } from './contrast-stretch.js';
import { detectSkew } from './deskew.js';
import { type GrayImage, turnAndScale } from './turn-and-scale.js';

/** A gray test pattern: values vary along both axes, so any shift or mirror shows. */
function pattern(width: number, height: number): GrayImage {
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels[y * width + x] = (x * 7 + y * 13) % 251;
  return { pixels, width, height };
}

/** Dark horizontal bars on white, like text lines. */
function lines(width: number, height: number): GrayImage {
  const pixels = new Uint8Array(width * height).fill(255);
  for (let y = 40; y < height - 40; y += 30) pixels.fill(20, y * width + 40, (y + 8) * width - 40);
  return { pixels, width, height };
}

describe('turnAndScale', () => {
  it('turns by right angles without changing a pixel', () => {
    const src = pattern(37, 23);
    const half = turnAndScale(src, 1, 1, 180);
    expect([half.width, half.height]).toEqual([37, 23]);
    expect([...half.pixels]).toEqual([...src.pixels].reverse());
    const quarter = turnAndScale(src, 1, 1, 90);
    expect([quarter.width, quarter.height]).toEqual([23, 37]);
    // Clockwise: the source's bottom-left corner becomes the top-left.
    expect(quarter.pixels[0]).toBe(src.pixels[(23 - 1) * 37]);
    const back = turnAndScale(turnAndScale(quarter, 1, 1, 90), 1, 1, 180);
    expect([...back.pixels]).toEqual([...src.pixels]);
  });

  it('scales with pixel centres aligned, exactly for a linear ramp', () => {
    // Bilinear sampling reproduces a linear ramp exactly, so every inner pixel's value is known.
    const width = 60;
    const height = 40;
    const src = { pixels: new Uint8Array(width * height), width, height };
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) src.pixels[y * width + x] = x * 2 + y * 3;
    const ours = turnAndScale(src, 1.5, 1.5, 0);
    expect([ours.width, ours.height]).toEqual([90, 60]);
    let worst = 0;
    for (let Y = 1; Y < 58; Y++) {
      for (let X = 1; X < 88; X++) {
        const expected = 2 * ((X + 0.5) / 1.5 - 0.5) + 3 * ((Y + 0.5) / 1.5 - 0.5);
        worst = Math.max(worst, Math.abs(ours.pixels[Y * 90 + X]! - expected));
      }
    }
    expect(worst).toBeLessThan(0.55);
  });

  it('straightens a skewed page to within a tenth of a degree and fills the uncovered corners white', () => {
    const src = lines(600, 800);
    const skewed = turnAndScale(src, 1, 1, 2.5);
    expect(skewed.width).toBeGreaterThan(600 + 800 * Math.sin((2.5 * Math.PI) / 180) - 2);
    expect(skewed.pixels[0]).toBe(255);
    expect(skewed.pixels[skewed.pixels.length - 1]).toBe(255);
    const found = detectSkew(binarise(skewed.pixels, skewed.width, skewed.height, 160), {
      maxDegrees: 5,
      stepDegrees: 0.1,
    });
    expect(Math.abs(found - 2.5)).toBeLessThanOrEqual(0.1);
    const straight = turnAndScale(skewed, 1, 1, -found);
    const after = detectSkew(binarise(straight.pixels, straight.width, straight.height, 160), {
      maxDegrees: 5,
      stepDegrees: 0.1,
    });
    expect(Math.abs(after)).toBeLessThanOrEqual(0.1);
  });

  it('puts every pixel through the levels table', () => {
    const src = pattern(50, 40);
    const invert = Uint8Array.from({ length: 256 }, (_, v) => 255 - v);
    const out = turnAndScale(src, 1, 1, 180, invert);
    expect(out.pixels[0]).toBe(255 - src.pixels[src.pixels.length - 1]!);
    const stretched = turnAndScale(src, 2, 2, 0.7, levelTable({ a: 2, b: 0 }));
    expect(Math.max(...stretched.pixels)).toBe(255);
  });

  it('keeps a page larger than 16,384 pixels on a side in place', () => {
    const width = 20_000;
    const src = { pixels: new Uint8Array(width * 3).fill(255), width, height: 3 };
    src.pixels[width + 19_990] = 0;
    const out = turnAndScale(src, 1, 1, 0.001);
    let darkest = 0;
    for (let x = 1; x < out.width; x++) if (out.pixels[out.width + x]! < out.pixels[out.width + darkest]!) darkest = x;
    expect(Math.abs(darkest - 19_990)).toBeLessThanOrEqual(1);
  });
});
