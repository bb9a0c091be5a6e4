/** A rectangle of the normalised page, in its pixels. */
export interface PageRegion {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface InkRegionOptions {
  /** Margin kept around the ink, pixels. */
  pad: number;
  /** Gray level below which a sample counts as ink (default 160, as the layout analysis). */
  threshold?: number;
  /** Sampling pitch, pixels (default 2: thinner than any printed stroke at 300 dpi). */
  step?: number;
  /** Ink samples a row or column needs to count, so lone specks of scanner noise do not (default 3). */
  minSamples?: number;
}

/**
 * The inked part of a page with a margin: what OCR needs to read. Blank margins cost Tesseract its per-pixel passes
 * (thresholding, connected components, line finding) for nothing; on A4 dossier pages they are about half the page.
 * A page without ink gives the whole page.
 */
export function inkRegion(gray: Uint8Array, width: number, height: number, options: InkRegionOptions): PageRegion {
  const threshold = options.threshold ?? 160;
  const step = Math.max(1, Math.floor(options.step ?? 2));
  const minSamples = options.minSamples ?? 3;
  const rows = new Uint32Array(Math.ceil(height / step));
  const cols = new Uint32Array(Math.ceil(width / step));
  for (let y = 0, r = 0; y < height; y += step, r++) {
    const line = y * width;
    for (let x = 0, c = 0; x < width; x += step, c++) {
      if (gray[line + x]! < threshold) {
        rows[r]!++;
        cols[c]!++;
      }
    }
  }
  const first = (a: Uint32Array) => a.findIndex((n) => n >= minSamples);
  const last = (a: Uint32Array) => a.findLastIndex((n) => n >= minSamples);
  const top = first(rows);
  const left = first(cols);
  if (top < 0 || left < 0) return { x: 0, y: 0, width, height };
  const x0 = Math.max(0, left * step - options.pad);
  const y0 = Math.max(0, top * step - options.pad);
  const x1 = Math.min(width, last(cols) * step + step + options.pad);
  const y1 = Math.min(height, last(rows) * step + step + options.pad);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Pixels of a binary 8-bit PGM (P5) and where they start. */
export function pgmLayout(pgm: Uint8Array): { width: number; height: number; offset: number } {
  const head = Buffer.from(pgm.buffer, pgm.byteOffset, Math.min(64, pgm.byteLength)).toString('latin1');
  const match = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(head);
  if (!match) throw new Error('page OCR image is not an 8-bit binary PGM');
  const width = Number(match[1]);
  const height = Number(match[2]);
  const offset = match[0].length;
  if (pgm.byteLength - offset !== width * height) {
    throw new Error(`page OCR image holds ${pgm.byteLength - offset} bytes, not ${width}×${height}`);
  }
  return { width, height, offset };
}

/** An empty PGM in shared memory, and a view of its pixels: it reaches an OCR thread without a copy. */
function newSharedPgm(width: number, height: number): { pgm: Buffer; pixels: Buffer } {
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`, 'latin1');
  const pgm = Buffer.from(new SharedArrayBuffer(header.length + width * height));
  pgm.set(header, 0);
  return { pgm, pixels: pgm.subarray(header.length) };
}

/** A PGM of the given 8-bit pixels, in shared memory. */
export function sharedPgm(pixels: Uint8Array, width: number, height: number): Buffer {
  const out = newSharedPgm(width, height);
  out.pixels.set(pixels.subarray(0, width * height));
  return out.pgm;
}

/** The region of a page PGM as a PGM of its own (the page itself when the region is all of it). */
export function cropPgm(pgm: Buffer, region: PageRegion): Buffer {
  const { width, height, offset } = pgmLayout(pgm);
  if (region.x === 0 && region.y === 0 && region.width === width && region.height === height) return pgm;
  if (region.x < 0 || region.y < 0 || region.x + region.width > width || region.y + region.height > height) {
    throw new Error(`region ${JSON.stringify(region)} lies outside the ${width}×${height} page`);
  }
  const out = newSharedPgm(region.width, region.height);
  for (let r = 0; r < region.height; r++) {
    const from = offset + (region.y + r) * width + region.x;
    out.pixels.set(pgm.subarray(from, from + region.width), r * region.width);
  }
  return out.pgm;
}
