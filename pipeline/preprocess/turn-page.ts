import sharp from 'sharp';
import type { Rotation } from '../page-model.js';
import { encodePage, type PreparedPage } from './prepare-page.js';

/** Pixels of the binary PGM (P5, 8-bit) that preparePage writes for OCR. */
function pgmPixels(pgm: Buffer): { pixels: Buffer; width: number; height: number } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('page OCR image is not an 8-bit binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = pgm.subarray(header[0].length);
  if (pixels.length !== width * height)
    throw new Error(`page OCR image holds ${pixels.length} bytes, not ${width}×${height}`);
  return { pixels, width, height };
}

/**
 * The prepared page turned a further quarter-turn multiple clockwise, both copies, its rotation updated: used when the
 * OCR reading shows the orientation decided before OCR was wrong. Lossless (right angles only) for the OCR copy.
 */
export async function turnPreparedPage(page: PreparedPage, turn: Rotation, jpegQuality = 85): Promise<PreparedPage> {
  if (turn === 0) return page;
  const { pixels, width, height } = pgmPixels(page.ocrImage);
  const { data, info } = await sharp(pixels, { raw: { width, height, channels: 1 } })
    .rotate(turn)
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const encoded = await encodePage(data, info.width, info.height, page.dpi, jpegQuality);
  return { ...page, ...encoded, rotation: ((page.rotation + turn) % 360) as Rotation };
}
