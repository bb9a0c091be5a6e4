/** A binarised page copy for layout analysis: 1 = ink, row-major. */
export interface Bitmap {
  width: number;
  height: number;
  ink: Uint8Array;
}

/** Threshold an 8-bit grayscale buffer (0 = black) into an ink bitmap. */
export function binarise(gray: Uint8Array, width: number, height: number, threshold: number): Bitmap {
  const ink = new Uint8Array(width * height);
  for (let i = 0; i < ink.length; i++) ink[i] = (gray[i] ?? 255) < threshold ? 1 : 0;
  return { width, height, ink };
}

/** Rotate a bitmap clockwise by a multiple of 90°. */
export function rotateBitmap(b: Bitmap, rotation: 0 | 90 | 180 | 270): Bitmap {
  if (rotation === 0) return b;
  const { width: w, height: h } = b;
  const swap = rotation !== 180;
  const out = new Uint8Array(w * h);
  const ow = swap ? h : w;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let nx: number;
      let ny: number;
      if (rotation === 90) {
        nx = h - 1 - y;
        ny = x;
      } else if (rotation === 180) {
        nx = w - 1 - x;
        ny = h - 1 - y;
      } else {
        nx = y;
        ny = w - 1 - x;
      }
      out[ny * ow + nx] = b.ink[y * w + x]!;
    }
  }
  return { width: ow, height: swap ? w : h, ink: out };
}

/** Ink per row. */
export function rowProfile(b: Bitmap): Float64Array {
  const p = new Float64Array(b.height);
  for (let y = 0; y < b.height; y++) {
    let s = 0;
    const off = y * b.width;
    for (let x = 0; x < b.width; x++) s += b.ink[off + x]!;
    p[y] = s;
  }
  return p;
}

/** Ink per column. */
export function columnProfile(b: Bitmap): Float64Array {
  const p = new Float64Array(b.width);
  for (let y = 0; y < b.height; y++) {
    const off = y * b.width;
    for (let x = 0; x < b.width; x++) p[x]! += b.ink[off + x]!;
  }
  return p;
}

/** Drop isolated ink pixels (fewer than `minNeighbours` inked 8-neighbours): scanner speckle, not strokes. */
export function despeckle(b: Bitmap, minNeighbours = 2): Bitmap {
  const { width: w, height: h, ink } = b;
  const out = new Uint8Array(ink.length);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      if (!ink[i]) continue;
      const n =
        ink[i - w - 1]! +
        ink[i - w]! +
        ink[i - w + 1]! +
        ink[i - 1]! +
        ink[i + 1]! +
        ink[i + w - 1]! +
        ink[i + w]! +
        ink[i + w + 1]!;
      if (n >= minNeighbours) out[i] = 1;
    }
  }
  return { width: w, height: h, ink: out };
}
