// Vietnamese text handling for matching: Unicode normalisation, tone-mark placement, accent folding and an
// OCR-aware edit distance. Stored values keep their accents; folded keys are for comparison only (domain.md §5).

const LOOKALIKE_D: Record<string, string> = { Ð: 'Đ', ð: 'đ', Ɖ: 'Đ', ɖ: 'đ' };
const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

// Anything normalizeText would change after NFC; most OCR lines contain none of it.
const NEEDS_NORMALIZING = /[^\S ]| {2}|^ | $|[ÐðƉɖ\u200B-\u200D\uFEFF\u2010-\u2015\u2212\u2026]/;

/** NFC, Đ look-alikes mapped, exotic spaces/dashes/ellipsis unified, white space collapsed, trimmed. */
export function normalizeText(input: string): string {
  const nfc = input.normalize('NFC');
  if (!NEEDS_NORMALIZING.test(nfc)) return nfc;
  return nfc
    .replace(/[ÐðƉɖ]/g, (c) => LOOKALIKE_D[c] ?? c)
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/[\u00A0\u2007\u202F\t]/g, ' ')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Moves the tone mark of open "oa/oe/uy" syllables onto the first vowel (hoà -> hòa, thuỷ -> thủy), so both
 * placement conventions compare equal. "qu" onsets are left alone (quý).
 */
export function canonicalTones(input: string): string {
  return normalizeText(input).replace(/\p{L}+/gu, (word) => {
    const chars = [...word.normalize('NFD')];
    // Group base letters with their combining marks.
    const clusters: string[][] = [];
    for (const ch of chars) {
      if (/\p{M}/u.test(ch) && clusters.length > 0) clusters[clusters.length - 1]!.push(ch);
      else clusters.push([ch]);
    }
    const n = clusters.length;
    if (n < 2) return word;
    const first = clusters[n - 2]!;
    const last = clusters[n - 1]!;
    const pair = `${first[0]!.toLowerCase()}${last[0]!.toLowerCase()}`;
    if (pair !== 'oa' && pair !== 'oe' && pair !== 'uy') return word;
    if (pair === 'uy' && n >= 3 && clusters[n - 3]![0]!.toLowerCase() === 'q') return word;
    const tone = last.find((m) => TONE_MARKS.has(m));
    if (!tone || first.some((m) => TONE_MARKS.has(m))) return word;
    last.splice(last.indexOf(tone), 1);
    first.push(tone);
    return clusters
      .map((c) => c.join(''))
      .join('')
      .normalize('NFC');
  });
}

/** Accent and case folding: no diacritics, đ -> d, lower case, single spaces. Punctuation is kept. */
export function foldText(input: string): string {
  return normalizeText(input).normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** Folded comparison key: folding plus punctuation removed (letters, digits and single spaces only). */
export function foldKey(input: string): string {
  return foldText(input)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Two strings are the same text up to tone placement and Unicode form. */
export function sameVietnamese(a: string, b: string): boolean {
  return canonicalTones(a) === canonicalTones(b);
}

// Character pairs OCR swaps often on folded text (domain.md §5.4); substituting them costs less.
const CONFUSABLE = new Set([
  '0o',
  'o0',
  '1l',
  'l1',
  '1i',
  'i1',
  'li',
  'il',
  '5s',
  's5',
  '8b',
  'b8',
  '2z',
  'z2',
  '6g',
  'g6',
  // "ố" read as a 6 ("Mã s6 thuế").
  '6o',
  'o6',
]);
export const CONFUSION_COST = 0.4;
// Folded text is ASCII: a 128 x 128 table answers "confusable?" without hashing.
const CONFUSABLE_TABLE = new Uint8Array(128 * 128);
for (const p of CONFUSABLE) CONFUSABLE_TABLE[p.charCodeAt(0) * 128 + p.charCodeAt(1)] = 1;

function isConfusable(a: number, b: number): boolean {
  return a < 128 && b < 128 && CONFUSABLE_TABLE[a * 128 + b] === 1;
}

// Row buffers reused across calls: edit distance runs thousands of times per page and allocation showed in profiles.
let rowA = new Float64Array(64);
let rowB = new Float64Array(64);

/**
 * Levenshtein distance with cheaper substitutions for OCR-confusable characters. With `max`, only the diagonal band
 * |i - j| <= max is computed (a cell outside it costs more than `max` indels) and the scan stops as soon as the
 * distance must exceed `max`, returning a value above `max`.
 */
export function ocrEditDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > max) return max + 1;
  if (m === 0 || n === 0) return Math.max(m, n);
  if (rowA.length <= n) {
    rowA = new Float64Array(2 * n + 2);
    rowB = new Float64Array(2 * n + 2);
  }
  let prev = rowA;
  let cur = rowB;
  const band = Number.isFinite(max) ? Math.floor(max) : Math.max(m, n);
  for (let j = 0; j <= n; j++) prev[j] = j <= band ? j : Number.POSITIVE_INFINITY;
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(1, i - band);
    const hi = Math.min(n, i + band);
    cur[lo - 1] = lo === 1 && i <= band ? i : Number.POSITIVE_INFINITY;
    let rowMin = cur[lo - 1]!;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const cb = b.charCodeAt(j - 1);
      const sub = ca === cb ? 0 : isConfusable(ca, cb) ? CONFUSION_COST : 1;
      const up = j <= i - 1 + band ? prev[j]! : Number.POSITIVE_INFINITY;
      let v = prev[j - 1]! + sub;
      if (up + 1 < v) v = up + 1;
      if (cur[j - 1]! + 1 < v) v = cur[j - 1]! + 1;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < n) cur[hi + 1] = Number.POSITIVE_INFINITY;
    if (rowMin > max) return max + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[n]!;
}

/** Allowed edit distance for a folded key of this length: none for very short keys, ~15% for long ones. */
export function allowedDistance(length: number): number {
  if (length <= 3) return 0;
  if (length <= 6) return 1;
  if (length <= 12) return 2;
  return Math.floor(length * 0.17);
}

/**
 * Similarity 0..1 of two folded keys, spaces ignored (OCR splits and glues words). 0 when the distance exceeds
 * the length-scaled threshold.
 */
export function fuzzySimilarity(candidate: string, target: string): number {
  return bareSimilarity(candidate.replace(/ /g, ''), target.replace(/ /g, ''));
}

/** `fuzzySimilarity` of keys already stripped of spaces (the hot path: callers strip once). */
export function bareSimilarity(a: string, b: string): number {
  if (b.length === 0) return 0;
  const allowed = allowedDistance(b.length);
  const d = ocrEditDistance(a, b, allowed);
  if (d > allowed) return 0;
  return Math.max(0, 1 - d / b.length);
}

/** Share of letters that are upper case (titles are printed in capitals). */
export function upperCaseRatio(input: string): number {
  const letters = input.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return 0;
  const upper = letters.filter((c) => c !== c.toLowerCase() && c === c.toUpperCase()).length;
  return upper / letters.length;
}
