// Dates as printed on Vietnamese papers -> ISO YYYY-MM-DD (domain.md §3.5). Always day-month-year.

import { fixDigitRun } from './digit-runs.js';
import { parseNumberWords } from './number-words.js';
import { foldText } from './vietnamese-text.js';

export interface ParsedDate {
  iso: string;
  /** Where in the input the date was found (character offsets of the folded input, same length as the input). */
  index: number;
  form: 'digits' | 'words-digits' | 'words';
}

/** True for a real calendar date. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

function toIso(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 2999 || !isCalendarDate(year, month, day)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Dot leaders, ellipses and underscores around handwritten digits are noise. */
function stripLeaders(text: string): string {
  return text.replace(/\.{2,}|…|_+/g, ' ');
}

const WORDS_DIGITS =
  /(?:ngay\s*:?\s*)?(?<![\p{L}\d])([0-9olis|]{1,2})\s*thang\s*([0-9olis|]{1,2})\s*,?\s*nam\s*([0-9olis|]{4})/u;
const DIGITS = /(?<![\d])([0-9ol]{1,2})\s?([/.-])\s?([0-9ol]{1,2})\s?\2\s?([0-9ol]{4})(?![\d])/;
const COMPACT = /(?<![\d])(\d{2})(\d{2})(\d{4})(?![\d])/;

/** Finds the first date in the text: "ngày 15 tháng 10 năm 2023", "15/10/2023", "6-5-2025", "15.10.2023". */
export function parseDate(input: string, options: { allowCompact?: boolean } = {}): ParsedDate | null {
  // Bilingual forms put English glosses between the parts: "Ngày (date) 28 tháng (month) 08 năm (year) 2025".
  const folded = stripLeaders(foldText(input)).replace(/\((?:date|day|month|year|d|m|y)\)/g, ' ');
  const w = WORDS_DIGITS.exec(folded);
  if (w) {
    const iso = toIso(+fixDigitRun(w[3]!), +fixDigitRun(w[2]!), +fixDigitRun(w[1]!));
    if (iso) return { iso, index: w.index, form: 'words-digits' };
  }
  const d = DIGITS.exec(folded);
  if (d) {
    const iso = toIso(+fixDigitRun(d[4]!), +fixDigitRun(d[3]!), +fixDigitRun(d[1]!));
    if (iso) return { iso, index: d.index, form: 'digits' };
  }
  const spelled = parseSpelledDate(folded);
  if (spelled) return spelled;
  if (options.allowCompact) {
    const c = COMPACT.exec(folded);
    if (c) {
      const iso = toIso(+c[3]!, +c[2]!, +c[1]!);
      if (iso) return { iso, index: c.index, form: 'digits' };
    }
  }
  return null;
}

/** "ngày mười lăm tháng mười năm hai nghìn không trăm hai mươi ba" (birth certificates, "ghi bằng chữ"). */
function parseSpelledDate(folded: string): ParsedDate | null {
  const m = /ngay\s+([a-z ]+?)\s+thang\s+([a-z ]+)$/.exec(folded.replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' '));
  if (!m) return null;
  const day = parseNumberWords(m[1]!);
  // "năm" is both "five" and "year": the year part is the last "năm" followed by words worth >= 1000.
  const rest = m[2]!.split(' ');
  for (let k = rest.length - 1; k > 0; k--) {
    if (rest[k] !== 'nam') continue;
    const year = parseNumberWords(rest.slice(k + 1).join(' '));
    const month = parseNumberWords(rest.slice(0, k).join(' '));
    if (day !== null && year !== null && month !== null && year >= 1000) {
      const iso = toIso(year, month, day);
      if (iso) return { iso, index: folded.indexOf('ngay'), form: 'words' };
    }
  }
  return null;
}

/** A date is plausible for a document when it lies within [1900-01-01, today + maxFutureYears]. */
export function isPlausibleDate(
  iso: string,
  options: { notFuture?: boolean; maxFutureYears?: number; now?: Date } = {},
) {
  const now = options.now ?? new Date();
  const year = Number(iso.slice(0, 4));
  if (year < 1900) return false;
  const limit = new Date(now);
  if (!options.notFuture) limit.setUTCFullYear(limit.getUTCFullYear() + (options.maxFutureYears ?? 100));
  return iso <= limit.toISOString().slice(0, 10);
}
