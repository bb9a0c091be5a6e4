import { describe, expect, it } from 'vitest';
import { applyLevels, contrastStretch } from './contrast-stretch.js';

function page(paper: number[], ink: number, inkShare: number, size = 10_000): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = i < size * inkShare ? ink : paper[i % paper.length]!;
  return out;
}

describe('contrastStretch', () => {
  it('maps the ink level to black and the paper level to white on tinted noisy paper', () => {
    const gray = page([209, 221, 235, 236, 238], 36, 0.05);
    const s = contrastStretch(gray)!;
    const apply = (v: number) => Math.max(0, Math.min(255, s.a * v + s.b));
    expect(apply(36)).toBeCloseTo(0);
    expect(apply(238)).toBe(255);
    // Most paper ends up near white, far from the mid-grey a percentile-blind stretch produced.
    const mean = gray.reduce((n, v) => n + apply(v), 0) / gray.length;
    expect(mean).toBeGreaterThan(200);
  });

  it('leaves a page without contrast alone', () => {
    expect(contrastStretch(page([240, 242], 235, 0.02))).toBeNull();
  });

  it('applies levels in place, rounded and clamped to 0..255', () => {
    const pixels = Uint8Array.from([0, 10, 100, 200, 255]);
    applyLevels(pixels, { a: 1.5, b: -20 });
    expect([...pixels]).toEqual([0, 0, 130, 255, 255]);
  });
});
