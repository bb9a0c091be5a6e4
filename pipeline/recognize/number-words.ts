// Vietnamese number words ("Một triệu năm trăm nghìn đồng chẵn") -> integer (domain.md §3.6).
// Works on folded tokens so dropped accents still parse; "mười" vs "mươi" is told apart by context.
import { foldKey } from './vietnamese-text.js';

const DIGITS: Record<string, number> = {
  khong: 0,
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  nam: 5,
  sau: 6,
  bay: 7,
  bam: 7,
  tam: 8,
  chin: 9,
  tu: 4,
};
/** Unit words used only after a tens word: mốt = 1, tư = 4, lăm/nhăm = 5. */
const AFTER_TENS: Record<string, number> = { mot: 1, tu: 4, lam: 5, nham: 5 };
const SCALES: Record<string, number> = { nghin: 1e3, ngan: 1e3, trieu: 1e6, ty: 1e9, ti: 1e9 };
/** Words that end the amount ("đồng Việt Nam" must not read "nam" as 5). */
const STOP = new Set(['dong', 'vnd', 'vnđ', 'chan', 'phay', 'met', 'usd']);
/** Words that may precede the amount inside a "bằng chữ" span. */
const LEADING = new Set(['bang', 'chu', 'viet', 'so', 'tien', 'la', 'tong', 'cong']);

/** Parses Vietnamese number words to a non-negative integer; null when the span holds no number words. */
export function parseNumberWords(input: string): number | null {
  const tokens = foldKey(input).split(' ').filter(Boolean);
  let i = 0;
  while (i < tokens.length && LEADING.has(tokens[i]!)) i++;
  const parts: { value: number; scale: number }[] = [];
  let cur = 0;
  let pending: number | null = null;
  let afterTens = false;
  let seen = false;
  let consumed = 0;
  let last: 'digit' | 'tram' | 'tens' | 'scale' | 'linh' | null = null;
  let lastScale = 0;

  const closeGroup = (): number => {
    const v = cur + (pending ?? 0);
    cur = 0;
    pending = null;
    afterTens = false;
    return v;
  };

  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (STOP.has(t)) break;
    if (t === 'muoi' || t === 'chuc') {
      // "hai mươi" multiplies the digit before it; a bare "mười" is ten.
      cur += pending !== null && pending >= 2 ? pending * 10 : 10;
      pending = null;
      afterTens = true;
      last = 'tens';
    } else if (afterTens && t in AFTER_TENS) {
      cur += AFTER_TENS[t]!;
      afterTens = false;
      last = 'digit';
    } else if (t in DIGITS) {
      if (afterTens || last === 'linh') {
        cur += DIGITS[t]!;
        afterTens = false;
      } else {
        pending = DIGITS[t]!;
      }
      last = 'digit';
    } else if (t === 'tram') {
      cur += (pending ?? 1) * 100;
      pending = null;
      afterTens = false;
      last = 'tram';
    } else if (t === 'linh' || t === 'le') {
      last = 'linh';
    } else if (t in SCALES) {
      const scale = SCALES[t]!;
      let value = closeGroup();
      if (value === 0 && !seen) value = 1;
      // "một nghìn tỷ": a larger scale absorbs the groups of smaller scales before it.
      while (parts.length > 0 && parts[parts.length - 1]!.scale < scale) {
        const p = parts.pop()!;
        value += p.value * p.scale;
      }
      parts.push({ value, scale });
      last = 'scale';
      lastScale = scale;
    } else if (t === 'ruoi') {
      if (last === 'scale') parts.push({ value: lastScale / 2, scale: 1 });
      else if (last === 'tram') cur += 50;
      else return null;
    } else if (t !== 'va') {
      // A single number word before ordinary text ("không thời hạn") is not an amount.
      if (consumed < 2) return null;
      break;
    }
    seen = true;
    consumed++;
  }
  if (!seen) return null;
  let total = closeGroup();
  for (const p of parts) total += p.value * p.scale;
  return total;
}

// Printed forms of the closed amount-in-words vocabulary by folded key; "mươi/mười" and "mốt/một" by context.
const PRINTED: Record<string, string> = {
  khong: 'không',
  hai: 'hai',
  ba: 'ba',
  bon: 'bốn',
  nam: 'năm',
  sau: 'sáu',
  bay: 'bảy',
  tam: 'tám',
  chin: 'chín',
  tu: 'tư',
  lam: 'lăm',
  nham: 'nhăm',
  tram: 'trăm',
  linh: 'linh',
  le: 'lẻ',
  nghin: 'nghìn',
  ngan: 'ngàn',
  trieu: 'triệu',
  ty: 'tỷ',
  ti: 'tỉ',
  dong: 'đồng',
  chan: 'chẵn',
  viet: 'Việt',
};
const DIGIT_WORDS = new Set(['mot', 'hai', 'ba', 'bon', 'nam', 'sau', 'bay', 'tam', 'chin']);

const marks = (w: string) => (w.normalize('NFD').match(/\p{M}|[đĐ]/gu) ?? []).length;

export interface CanonicalWords {
  value: string;
  /** Words outside the amount vocabulary: an OCR error or another text read as the amount. */
  unknown: string[];
}

/**
 * Puts back diacritics OCR dropped from an amount in words ("đồng chan" -> "đồng chẵn", "ba mươi lam" -> "ba mươi
 * lăm"). Only words with fewer marks than their printed form change; capitalisation is kept.
 */
export function canonicalNumberWords(input: string): CanonicalWords {
  const words = input.split(/\s+/).filter(Boolean);
  const unknown: string[] = [];
  const folded = words.map((w) => foldKey(w));
  const out = words.map((w, i) => {
    const f = folded[i]!;
    if (!f) return w;
    const prev = folded[i - 1];
    let printed = PRINTED[f];
    if (f === 'muoi') printed = prev && DIGIT_WORDS.has(prev) ? 'mươi' : 'mười';
    // "hai mươi mốt" (21) but "mười một" (11): mốt only after a tens word that follows a digit.
    const tens = prev === 'muoi' && DIGIT_WORDS.has(folded[i - 2] ?? '');
    if (f === 'mot') printed = tens ? 'mốt' : 'một';
    if (f === 'nam' && prev === 'viet') printed = 'Nam';
    if (!printed) {
      unknown.push(w);
      return w;
    }
    if (marks(w) >= marks(printed)) return w;
    const upper = w[0] === w[0]!.toUpperCase() && w[0] !== w[0]!.toLowerCase();
    return upper ? printed[0]!.toUpperCase() + printed.slice(1) : printed;
  });
  return { value: out.join(' '), unknown };
}
