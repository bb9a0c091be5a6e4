import type { PageText, Rotation } from '../page-model.js';
import { type PreparedPage, turnPreparedPage } from '../preprocess/index.js';
import { type ReadingQuality, readingQuality } from './reading-quality.js';

export interface ReadingCheckOptions {
  /** Tokens of two letters or more a reading needs before its spelling is judged (default 8). */
  minWords: number;
  /** Share of Vietnamese syllables below which a reading is taken for a page read in the wrong orientation (default 0.45). */
  minSyllableShare: number;
  /** Extra quarter turns tried, in order, while the reading stays below minSyllableShare (default 180, 90, 270). */
  turns: Rotation[];
}

export const defaultReadingCheckOptions: ReadingCheckOptions = {
  minWords: 8,
  // Measured on generated tuning dossiers: upright readings 0.59 and up (ID cards included), pages read upside down
  // or sideways 0.00..0.30.
  minSyllableShare: 0.45,
  turns: [180, 90, 270],
};

const looksWrong = (q: ReadingQuality, o: ReadingCheckOptions) =>
  q.words >= o.minWords && q.syllableShare < o.minSyllableShare;
const looksRight = (q: ReadingQuality, o: ReadingCheckOptions) =>
  q.words >= o.minWords && q.syllableShare >= o.minSyllableShare;

/**
 * The last guard against a page reaching recognition upside down or sideways: the orientation decided before OCR
 * (projection heuristic, OSD) can be wrong, chiefly on sparse pages such as an ID card laid on a sheet. When the OCR
 * reading is letter soup, the page is read again turned, and the turn whose reading is Vietnamese is kept. Upright
 * readings, the great majority, cost nothing more than counting syllables.
 */
export async function confirmOrientation(
  page: PreparedPage,
  text: PageText,
  recognize: (ocrImage: Buffer) => Promise<PageText>,
  options: ReadingCheckOptions = defaultReadingCheckOptions,
  jpegQuality?: number,
): Promise<{ page: PreparedPage; text: PageText }> {
  const first = readingQuality(text);
  if (!looksWrong(first, options)) return { page, text };
  let best = { page, text, quality: first };
  for (const turn of options.turns) {
    const turned = await turnPreparedPage(page, turn, jpegQuality);
    const reading = await recognize(turned.ocrImage);
    const quality = readingQuality(reading);
    if (looksRight(quality, options) && quality.syllableShare > best.quality.syllableShare) {
      best = { page: turned, text: reading, quality };
      break;
    }
  }
  // A turn is kept only when its reading clears the bar: letter soup every way round (a page in another script, a
  // photo) keeps the orientation decided before OCR.
  return { page: best.page, text: best.text };
}
