import type { PageText, Rotation } from '../page-model.js';
import { type PreparedPage, turnPreparedPage } from '../preprocess/index.js';
import { type ReadingQuality, readingQuality } from './reading-quality.js';

export interface ReadingCheckOptions {
  /** Tokens of two letters or more a reading needs before its spelling is judged (default 8). */
  minWords: number;
  /** Share of Vietnamese syllables below which a reading is taken for a page read the wrong way up (default 0.45). */
  minSyllableShare: number;
  /** Share of the text on upright-standing lines above which the page was read on its side (default 0.5). */
  maxVerticalShare: number;
}

export const defaultReadingCheckOptions: ReadingCheckOptions = {
  minWords: 8,
  // Measured on generated tuning dossiers: upright readings 0.59 and up (ID cards included), pages read upside down
  // or sideways 0.00..0.30.
  minSyllableShare: 0.45,
  maxVerticalShare: 0.5,
};

const judged = (q: ReadingQuality, o: ReadingCheckOptions) => q.words >= o.minWords;
const isVietnamese = (q: ReadingQuality, o: ReadingCheckOptions) =>
  judged(q, o) && q.syllableShare >= o.minSyllableShare;
const sideways = (q: ReadingQuality, o: ReadingCheckOptions) => q.verticalShare > o.maxVerticalShare;

/**
 * Further turns to try, most likely first. Tesseract reads lines standing on the page as if turned a quarter
 * counter-clockwise: when that made sense the page needs that quarter turn (270), when it made soup the other one (90).
 */
function turnsToTry(first: ReadingQuality, o: ReadingCheckOptions): Rotation[] {
  if (!sideways(first, o)) return [180, 90, 270];
  return isVietnamese(first, o) ? [270, 90, 180] : [90, 270, 180];
}

/**
 * The last guard against a page reaching recognition upside down or sideways: the orientation decided before OCR
 * (projection heuristic, OSD) can be wrong, chiefly on sparse pages such as an ID card laid on a sheet. When the OCR
 * reading is letter soup, or its lines stand upright on the page, the page is read again turned, and the first turn
 * read as Vietnamese across the page is kept with its image and rotation. Upright readings, the great majority, cost
 * only a syllable count.
 */
export async function confirmOrientation(
  page: PreparedPage,
  text: PageText,
  recognize: (page: PreparedPage) => Promise<PageText>,
  options: ReadingCheckOptions = defaultReadingCheckOptions,
  jpegQuality?: number,
): Promise<{ page: PreparedPage; text: PageText }> {
  const first = readingQuality(text);
  if (!judged(first, options) || (isVietnamese(first, options) && !sideways(first, options))) return { page, text };
  let best = { page, text, quality: first };
  for (const turn of turnsToTry(first, options)) {
    const turned = await turnPreparedPage(page, turn, jpegQuality);
    const reading = await recognize(turned);
    const quality = readingQuality(reading);
    if (isVietnamese(quality, options) && !sideways(quality, options)) return { page: turned, text: reading };
    // No turn reads right across the page: keep the most Vietnamese reading (letter soup every way round, as for a
    // page in another script or a photo, keeps the orientation decided before OCR).
    if (isVietnamese(quality, options) && quality.syllableShare > best.quality.syllableShare) {
      best = { page: turned, text: reading, quality };
    }
  }
  return { page: best.page, text: best.text };
}
