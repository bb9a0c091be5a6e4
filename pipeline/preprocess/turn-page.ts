import sharp from 'sharp';
import type { Rotation } from '../page-model.js';
import { pgmLayout } from './ocr-region.js';
import { encodePage, type PreparedPage } from './prepare-page.js';

/**
 * The prepared page turned a further quarter-turn multiple clockwise, both copies, its rotation updated: used when the
 * OCR reading shows the orientation decided before OCR was wrong. Lossless (right angles only) for the OCR copy.
 */
export async function turnPreparedPage(page: PreparedPage, turn: Rotation, jpegQuality = 85): Promise<PreparedPage> {
  if (turn === 0) return page;
  const { width, height, offset } = pgmLayout(page.ocrImage);
  const pixels = page.ocrImage.subarray(offset);
  const { data, info } = await sharp(pixels, { raw: { width, height, channels: 1 } })
    .rotate(turn)
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const encoded = await encodePage(data, info.width, info.height, page.dpi, jpegQuality);
  return { ...page, ...encoded, rotation: ((page.rotation + turn) % 360) as Rotation };
}
