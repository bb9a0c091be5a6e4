import type { PageText } from '../page-model.js';
import { isVietnameseSyllable } from '../recognize/vietnamese-syllables.js';

export interface ReadingQuality {
  /** Letter-only tokens of two or more letters: the ones whose spelling says something. */
  words: number;
  /** Share of those tokens that are Vietnamese syllables, 0..1. */
  syllableShare: number;
}

/**
 * How much of an OCR reading is Vietnamese. A page read upside down or sideways comes out as letter soup
 * ("16H ¿10Z-/0-ZZ 'weu 'Buey)"), in which few tokens can be Vietnamese syllables; an upright reading of a Vietnamese
 * page, even a damaged one, keeps most of them. Cheap: no dictionary, no second OCR.
 */
export function readingQuality(text: Pick<PageText, 'text'>): ReadingQuality {
  let words = 0;
  let syllables = 0;
  for (const raw of text.text.normalize('NFC').split(/\s+/u)) {
    // Punctuation around a word ("Nam,", "(ông)") says nothing about the word itself.
    const token = raw.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    if ([...token].length < 2 || !/^\p{L}+$/u.test(token)) continue;
    words++;
    if (isVietnameseSyllable(token)) syllables++;
  }
  return { words, syllableShare: words > 0 ? syllables / words : 0 };
}
