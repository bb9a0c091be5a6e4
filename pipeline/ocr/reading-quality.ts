import type { PageText } from '../page-model.js';
import { isVietnameseSyllable } from '../recognize/vietnamese-syllables.js';

export interface ReadingQuality {
  /** Letter-only tokens of two or more letters: the ones whose spelling says something. */
  words: number;
  /** Share of those tokens that are Vietnamese syllables, 0..1. */
  syllableShare: number;
  /** Share of the text (by characters) on lines taller than wide, 0..1: high when the page was read sideways. */
  verticalShare: number;
}

/** Lines shorter than this say nothing about their direction (a lone digit is as tall as it is wide). */
const MIN_LINE_CHARS = 4;

/**
 * How much of an OCR reading is Vietnamese, and whether its lines ran across the page. A page read upside down comes
 * out as letter soup ("16H ¿10Z-/0-ZZ 'weu 'Buey)") in which few tokens can be Vietnamese syllables, while an
 * upright reading, even a damaged one, keeps most of them. A page lying on its side is read by Tesseract line by line
 * turned, so its text can be right while its lines stand upright on the page. Cheap: no dictionary, no second OCR.
 */
export function readingQuality(text: Pick<PageText, 'text'> & Partial<Pick<PageText, 'lines'>>): ReadingQuality {
  let words = 0;
  let syllables = 0;
  for (const raw of text.text.normalize('NFC').split(/\s+/u)) {
    // Punctuation around a word ("Nam,", "(ông)") says nothing about the word itself.
    const token = raw.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    if ([...token].length < 2 || !/^\p{L}+$/u.test(token)) continue;
    words++;
    if (isVietnameseSyllable(token)) syllables++;
  }
  let chars = 0;
  let vertical = 0;
  for (const line of text.lines ?? []) {
    const n = line.text.trim().length;
    if (n < MIN_LINE_CHARS) continue;
    chars += n;
    if (line.bbox.y1 - line.bbox.y0 > line.bbox.x1 - line.bbox.x0) vertical += n;
  }
  return {
    words,
    syllableShare: words > 0 ? syllables / words : 0,
    verticalShare: chars > 0 ? vertical / chars : 0,
  };
}
