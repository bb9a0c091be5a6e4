// Vietnamese number words ("bằng chữ") for amounts on receipts, invoices and contracts.

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const SCALES = ['', 'nghìn', 'triệu', 'tỷ'] as const;

export interface NumberWordsStyle {
  /** Word for a zero tens digit before a unit: 'linh' (northern) or 'lẻ' (southern). */
  zeroTens: 'linh' | 'lẻ';
  /** 'nghìn' or 'ngàn'. */
  thousand: 'nghìn' | 'ngàn';
  /** Unit 4 after 'mươi': 'bốn' or 'tư'. */
  fourAfterTens: 'bốn' | 'tư';
}

export const DEFAULT_STYLE: NumberWordsStyle = { zeroTens: 'linh', thousand: 'nghìn', fourAfterTens: 'bốn' };

/** Words for 0..999; `full` forces "không trăm" / "linh" when a higher group precedes. */
function readTriple(n: number, full: boolean, style: NumberWordsStyle): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const out: string[] = [];
  if (h > 0 || full) out.push(DIGITS[h] as string, 'trăm');
  if (t === 0) {
    if (u > 0 && (h > 0 || full)) out.push(style.zeroTens);
  } else if (t === 1) {
    out.push('mười');
  } else {
    out.push(DIGITS[t] as string, 'mươi');
  }
  if (u > 0) {
    if (u === 1 && t > 1) out.push('mốt');
    else if (u === 5 && t > 0) out.push('lăm');
    else if (u === 4 && t > 1) out.push(style.fourAfterTens);
    else out.push(DIGITS[u] as string);
  }
  return out;
}

/** Lower-case words for a non-negative integer, e.g. 1500000 -> "một triệu năm trăm nghìn". */
export function numberToWords(value: number, style: NumberWordsStyle = DEFAULT_STYLE): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`numberToWords: not a non-negative integer: ${value}`);
  if (value === 0) return 'không';
  // Billions repeat: 10^12 is "nghìn tỷ", so read the part above a billion recursively.
  const billions = Math.floor(value / 1e9);
  const rest = value % 1e9;
  const words: string[] = [];
  if (billions > 0) words.push(numberToWords(billions, style), 'tỷ');
  const groups = [Math.floor(rest / 1e6), Math.floor((rest % 1e6) / 1e3), rest % 1e3];
  let started = billions > 0;
  groups.forEach((g, i) => {
    if (g === 0) return;
    words.push(...readTriple(g, started, style));
    const scale = SCALES[2 - i] as string;
    if (scale) words.push(scale === 'nghìn' ? style.thousand : scale);
    started = true;
  });
  return words.join(' ');
}

/** Amount in words as printed: capitalised, with "đồng" and optionally "chẵn". */
export function moneyToWords(amount: number, options: { style?: NumberWordsStyle; even?: boolean } = {}): string {
  const words = numberToWords(amount, options.style);
  const text = `${words} đồng${options.even && amount % 1000 === 0 ? ' chẵn' : ''}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const WORD_VALUES: Record<string, number> = {
  không: 0,
  một: 1,
  mốt: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  tư: 4,
  năm: 5,
  lăm: 5,
  nhăm: 5,
  sáu: 6,
  bảy: 7,
  bẩy: 7,
  tám: 8,
  chín: 9,
};

/** Parses number words back to an integer (used to check the formatter). Returns null on an unknown word. */
export function wordsToNumber(text: string): number | null {
  const tokens = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[.,()]/g, ' ')
    .split(/\s+/)
    // Fillers carry no value: zero-tens words, the currency and "chẵn" (round amount).
    .filter((w) => w && !['đồng', 'chẵn', 'việt', 'nam', 'linh', 'lẻ'].includes(w));
  let total = 0;
  let million = 0;
  let group = 0;
  let current = 0;
  for (const w of tokens) {
    if (w in WORD_VALUES) current = WORD_VALUES[w] as number;
    else if (w === 'mười') group += 10;
    else if (w === 'mươi') {
      group += current * 10;
      current = 0;
    } else if (w === 'trăm') {
      group += current * 100;
      current = 0;
    } else if (w === 'nghìn' || w === 'ngàn') {
      million += (group + current) * 1000;
      group = 0;
      current = 0;
    } else if (w === 'triệu') {
      million += (group + current) * 1e6;
      group = 0;
      current = 0;
    } else if (w === 'tỷ' || w === 'tỉ') {
      total = (total + million + group + current) * 1e9;
      million = 0;
      group = 0;
      current = 0;
    } else return null;
  }
  return total + million + group + current;
}
