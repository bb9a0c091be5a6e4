import { type Bitmap, despeckle } from './bitmap.js';

export interface BlankOptions {
  /** Fraction of the inner page that must carry ink for the page to count as written. */
  threshold: number;
  /** Fraction of each side ignored: scanner borders and punched holes live there. */
  margin: number;
}

export const defaultBlankOptions: BlankOptions = { threshold: 0.0005, margin: 0.1 };

/** Ink fraction of the inner page after speckle removal. */
export function inkFraction(b: Bitmap, margin: number): number {
  const clean = despeckle(b);
  const x0 = Math.floor(b.width * margin);
  const x1 = Math.ceil(b.width * (1 - margin));
  const y0 = Math.floor(b.height * margin);
  const y1 = Math.ceil(b.height * (1 - margin));
  let ink = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) ink += clean.ink[y * b.width + x]!;
  const area = Math.max(1, (x1 - x0) * (y1 - y0));
  return ink / area;
}

export function isBlank(b: Bitmap, options: BlankOptions = defaultBlankOptions): boolean {
  return inkFraction(b, options.margin) < options.threshold;
}
