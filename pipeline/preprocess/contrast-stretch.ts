/**
 * Linear contrast stretch for a grayscale page: the ink level (a low percentile) goes to black and the paper level
 * (a high percentile) to white. sharp's normalise() misjudges palette-quantised scans with noisy tinted paper (it
 * turned such a page mid-grey, which Tesseract then read as nothing), so the levels are taken from our own histogram.
 */
export interface StretchOptions {
  /** Percentile taken as ink (default 1). */
  inkPercentile: number;
  /** Percentile taken as paper; documents are mostly paper (default 90). */
  paperPercentile: number;
  /** Below this spread between ink and paper the page is left as it is (default 24 grey levels). */
  minSpread: number;
}

const SAMPLE_ABOVE = 1_000_000;

export const DEFAULT_STRETCH: StretchOptions = { inkPercentile: 1, paperPercentile: 90, minSpread: 24 };

/** Levels `{ a, b }` (out = a·in + b) for applyLevels, or null when the page should be left alone. */
export function contrastStretch(
  gray: Uint8Array,
  options: StretchOptions = DEFAULT_STRETCH,
): { a: number; b: number } | null {
  // Every few pixels give the same percentiles on a page of millions; an odd stride keeps clear of dither patterns.
  const stride = gray.length > SAMPLE_ABOVE ? 5 : 1;
  const histogram = new Uint32Array(256);
  let samples = 0;
  for (let i = 0; i < gray.length; i += stride) {
    histogram[gray[i]!]!++;
    samples++;
  }
  const level = (percentile: number) => {
    const target = (samples * percentile) / 100;
    let seen = 0;
    for (let v = 0; v < 256; v++) {
      seen += histogram[v]!;
      if (seen >= target) return v;
    }
    return 255;
  };
  const ink = level(options.inkPercentile);
  const paper = level(options.paperPercentile);
  if (paper - ink < options.minSpread) return null;
  const a = 255 / (paper - ink);
  return { a, b: -ink * a };
}

/** `out = a·in + b`, clamped, applied in place through a lookup table (sharp's linear() works in floats). */
export function applyLevels(pixels: Uint8Array, levels: { a: number; b: number }): void {
  const table = new Uint8Array(256);
  for (let v = 0; v < 256; v++) table[v] = Math.max(0, Math.min(255, Math.round(levels.a * v + levels.b)));
  for (let i = 0; i < pixels.length; i++) pixels[i] = table[pixels[i]!]!;
}
