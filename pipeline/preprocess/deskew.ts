import type { Bitmap } from './bitmap.js';

export interface DeskewOptions {
  /** Largest skew searched, degrees either way. */
  maxDegrees: number;
  /** Final angle resolution, degrees. */
  stepDegrees: number;
}

export const defaultDeskewOptions: DeskewOptions = { maxDegrees: 5, stepDegrees: 0.1 };

/**
 * Skew of the text lines in degrees, clockwise positive (lines descending to the right), found as the angle whose
 * row projection of the ink is sharpest (largest sum of squares): text lines collapse into peaks only when level.
 */
export function detectSkew(b: Bitmap, options: DeskewOptions = defaultDeskewOptions): number {
  let count = 0;
  for (let i = 0; i < b.ink.length; i++) if (b.ink[i]) count++;
  if (count < 50) return 0;
  // Typed coordinates: the score below walks every ink pixel some thirty times per page.
  const xs = new Int32Array(count);
  const ys = new Int32Array(count);
  let n = 0;
  for (let y = 0; y < b.height; y++) {
    const row = y * b.width;
    for (let x = 0; x < b.width; x++) {
      if (b.ink[row + x]) {
        xs[n] = x;
        ys[n++] = y;
      }
    }
  }
  const bins = new Float64Array(b.height + b.width + 2);
  const score = (deg: number): number => {
    const t = Math.tan((deg * Math.PI) / 180);
    bins.fill(0);
    const shift = b.width * Math.abs(t) + 1;
    for (let i = 0; i < xs.length; i++) {
      const r = (ys[i]! - xs[i]! * t + shift + 0.5) | 0;
      if (r >= 0 && r < bins.length) bins[r]! += 1;
    }
    let s = 0;
    for (let i = 0; i < bins.length; i++) s += bins[i]! * bins[i]!;
    return s;
  };
  const search = (from: number, to: number, step: number): number => {
    let best = 0;
    let bestScore = -1;
    for (let a = from; a <= to + 1e-9; a += step) {
      const s = score(a);
      if (s > bestScore) {
        bestScore = s;
        best = a;
      }
    }
    return best;
  };
  const coarse = search(-options.maxDegrees, options.maxDegrees, 0.5);
  const fine = search(coarse - 0.5, coarse + 0.5, options.stepDegrees);
  return Math.round(fine * 100) / 100;
}
