/** An 8-bit grayscale image, one byte per pixel, row-major. */
export interface GrayImage {
  pixels: Uint8Array;
  width: number;
  height: number;
}

/** Gray levels every output pixel goes through (256 entries), e.g. a contrast stretch. */
export type LevelTable = Uint8Array;

const WHITE = 255;

/** Output side from a computed extent: a size that is whole up to rounding noise stays whole. */
const side = (extent: number) => Math.max(1, Math.round(extent - 1e-6));

/**
 * The image scaled by `sx`, `sy` and then turned clockwise by `degrees` about its centre, in one bilinear pass, each
 * output pixel put through `table`. The output holds the whole turned page (its bounding box; the corners it uncovers
 * are white). One pass in typed arrays costs about half of libvips' general affine transform for the same pixels, and
 * folding the levels in saves a pass over the decoded page.
 */
export function turnAndScale(
  src: GrayImage,
  sx: number,
  sy: number,
  degrees: number,
  table: LevelTable | null = null,
): GrayImage {
  const theta = (degrees * Math.PI) / 180;
  // Right angles exactly, so a quarter turn is not smeared by a cosine of 6e-17.
  const quarter = Math.abs(degrees / 90 - Math.round(degrees / 90)) < 1e-12;
  const c = quarter ? Math.round(Math.cos(theta)) : Math.cos(theta);
  const s = quarter ? Math.round(Math.sin(theta)) : Math.sin(theta);
  const { width: w, height: h, pixels } = src;
  const outW = side(Math.abs(c) * sx * w + Math.abs(s) * sy * h);
  const outH = side(Math.abs(s) * sx * w + Math.abs(c) * sy * h);
  const out = new Uint8Array(outW * outH);
  const lut = table ?? identity;

  // Inverse map from an output pixel centre (relative to the output centre) to source pixel coordinates.
  const dxPerX = c / sx; // source x per output column
  const dyPerX = -s / sy; // source y per output column
  const dxPerY = s / sx;
  const dyPerY = c / sy;
  const x0 = w / 2 - 0.5 + (0.5 - outW / 2) * dxPerX + (0.5 - outH / 2) * dxPerY;
  const y0 = h / 2 - 0.5 + (0.5 - outW / 2) * dyPerX + (0.5 - outH / 2) * dyPerY;
  const maxX = w - 1;
  const maxY = h - 1;

  // Fixed point with as many fraction bits as the source's size leaves in 31 bits (16 up to 16,383 pixels a side).
  const frac = Math.min(16, 30 - Math.ceil(Math.log2(Math.max(w, h) + 2)));
  const one = 2 ** frac;
  const toWeight = frac - 8;
  const stepX = Math.round(dxPerX * one);
  const stepY = Math.round(dyPerX * one);

  for (let Y = 0; Y < outH; Y++) {
    const rowX = x0 + Y * dxPerY;
    const rowY = y0 + Y * dyPerY;
    // Columns whose four neighbours all lie inside the source: there the loop needs no bounds checks.
    let [from, to] = narrow(0, outW - 1, rowX, dxPerX, 0, maxX - 1);
    [from, to] = narrow(from, to, rowY, dyPerX, 0, maxY - 1);
    const line = Y * outW;
    if (from > to) {
      edgeRun(src, out, lut, line, 0, outW, rowX, rowY, dxPerX, dyPerX);
      continue;
    }
    edgeRun(src, out, lut, line, 0, from, rowX, rowY, dxPerX, dyPerX);
    let fx = Math.round((rowX + from * dxPerX) * one);
    let fy = Math.round((rowY + from * dyPerX) * one);
    for (let X = from; X <= to; X++) {
      const i = (fy >> frac) * w + (fx >> frac);
      // Weights in 1/256ths: integer arithmetic throughout.
      const ax = (fx >> toWeight) & 255;
      const ay = (fy >> toWeight) & 255;
      const p00 = pixels[i]!;
      const p01 = pixels[i + 1]!;
      const p10 = pixels[i + w]!;
      const p11 = pixels[i + w + 1]!;
      const top = (p00 << 8) + (p01 - p00) * ax;
      const bottom = (p10 << 8) + (p11 - p10) * ax;
      out[line + X] = lut[((top << 8) + (bottom - top) * ay + 32768) >> 16]!;
      fx = (fx + stepX) | 0;
      fy = (fy + stepY) | 0;
    }
    edgeRun(src, out, lut, line, to + 1, outW, rowX, rowY, dxPerX, dyPerX);
  }
  return { pixels: out, width: outW, height: outH };
}

/**
 * Output columns [from, to) of a row near the page's edges, sampled with bounds checks: white outside the source,
 * which is all there is in the corners a turn uncovers.
 */
function edgeRun(
  src: GrayImage,
  out: Uint8Array,
  lut: LevelTable,
  line: number,
  from: number,
  to: number,
  rowX: number,
  rowY: number,
  dx: number,
  dy: number,
): void {
  const { pixels, width: w, height: h } = src;
  const at = (x: number, y: number) => (x < 0 || y < 0 || x >= w || y >= h ? WHITE : pixels[y * w + x]!);
  for (let X = from; X < to; X++) {
    const fx = rowX + X * dx;
    const fy = rowY + X * dy;
    if (fx <= -1 || fy <= -1 || fx >= w || fy >= h) {
      out[line + X] = lut[WHITE]!;
      continue;
    }
    const ix = Math.floor(fx);
    const iy = Math.floor(fy);
    const ax = fx - ix;
    const ay = fy - iy;
    const top = at(ix, iy) + (at(ix + 1, iy) - at(ix, iy)) * ax;
    const bottom = at(ix, iy + 1) + (at(ix + 1, iy + 1) - at(ix, iy + 1)) * ax;
    out[line + X] = lut[Math.round(top + (bottom - top) * ay)]!;
  }
}

const identity = Uint8Array.from({ length: 256 }, (_, v) => v);

/**
 * The columns X in [from, to] for which start + X·step stays within [lo, hi], with a pixel's slack at each end so
 * floating-point drift along the row cannot step outside.
 */
function narrow(from: number, to: number, start: number, step: number, lo: number, hi: number): [number, number] {
  if (step === 0) return start >= lo && start <= hi ? [from, to] : [1, 0];
  const a = (lo - start) / step;
  const b = (hi - start) / step;
  const first = Math.ceil(Math.min(a, b)) + 1;
  const last = Math.floor(Math.max(a, b)) - 1;
  return [Math.max(from, first), Math.min(to, last)];
}
