// One parser per catalog value type (schemas/catalog.json valueTypes; domain.md §3). Each returns the normalised
// value and a quality 0..1 (1 = read cleanly; lower when OCR repairs were needed), or null when the text holds none.
import { isPlausibleDate, parseDate } from './date-parser.js';
import { fixDigitRun } from './digit-runs.js';
import { parseTaxCode } from './tax-code-parser.js';
import { isVietnameseSyllable } from './vietnamese-syllables.js';
import { foldKey, foldText, normalizeText } from './vietnamese-text.js';

export type ValueType =
  | 'text'
  | 'person_name'
  | 'address'
  | 'date'
  | 'id_number'
  | 'tax_code'
  | 'money'
  | 'area'
  | 'sex'
  | 'code'
  | 'dossier_code';

export interface ParsedValue {
  value: string;
  quality: number;
  /** Characters of the input the value came from (for word boxes); the whole input when unknown. */
  span?: [number, number];
  notes?: string[];
  /**
   * A valid reading one OCR confusion away from an invalid value. Callers use it for OCR text, not for a trusted
   * text layer, where the printed (invalid) value is what the paper says.
   */
  repair?: { value: string; quality: number /** Why, for review; empty for a sure repair. */; note: string };
}

/** Surrounding noise: dot leaders, colons, bullets, stray punctuation. */
export function cleanText(input: string): string {
  return (
    normalizeText(
      input
        .replace(/\.{2,}|(?:\.\s){2,}\.?|…|_{2,}/g, ' ')
        // The rule printed under an agency's name or a heading reaches OCR as an underscore stuck to a word.
        .replace(/(?<![\p{L}\p{N}])_(?=\p{L})|(?<=\p{L})_(?![\p{L}\p{N}])/gu, ''),
    )
      // Broken spacing: no space is printed inside brackets, nor inside the month of a d/m/y date.
      .replace(/([([])\s+/g, '$1')
      .replace(/\s+([)\]])/g, '$1')
      .replace(/(?<![\d/])(\d{1,2})\/(\d) (\d)\/(\d{4})(?!\d)/g, '$1/$2$3/$4')
      .replace(/^[\s:;,.\-–*•]+/, '')
      .replace(/[\s:;,\-–*•]+$/, '')
      .trim()
  );
}

export function parseText(input: string): ParsedValue | null {
  const value = cleanText(input);
  return value ? { value, quality: 1 } : null;
}

// Administrative-unit and street words of addresses (domain.md §3.9) by folded form: a closed vocabulary, so a
// form OCR printed without its diacritics ("tinh Bình Định") can be put back. Two-word units first.
const ADDRESS_WORDS: Array<[RegExp, string]> = [
  ['thanh pho', 'thành phố'],
  ['thi tran', 'thị trấn'],
  ['thi xa', 'thị xã'],
  ['to dan pho', 'tổ dân phố'],
  ['khu pho', 'khu phố'],
  ['tinh', 'tỉnh'],
  ['huyen', 'huyện'],
  ['quan', 'quận'],
  ['phuong', 'phường'],
  ['xa', 'xã'],
  ['thon', 'thôn'],
  ['xom', 'xóm'],
  ['duong', 'đường'],
  ['ngo', 'ngõ'],
  ['pho', 'phố'],
].map(([folded, printed]) => [
  new RegExp(`(?<![\\p{L}])${folded!.replace(/ /g, '\\s+')}(?![\\p{L}])`, 'giu'),
  printed!,
]);

function restoreAddressWords(text: string): string {
  let out = text;
  for (const [re, printed] of ADDRESS_WORDS) {
    out = out.replace(re, (m) => {
      // Only forms with no diacritics at all are OCR losses; "Quán", "Phó" are other words.
      if (m.normalize('NFD') !== m || /[đĐ]/.test(m)) return m;
      const upper = m[0] !== m[0]!.toLowerCase();
      return upper ? printed[0]!.toUpperCase() + printed.slice(1) : printed;
    });
  }
  return restoreSwappedUnitWords(out);
}

/** Unit words that open an address part and name the place after it: "…, tỉnh Nghệ An", "thị xã An Nhơn". */
const NAMING_UNITS = new Map(
  ['tỉnh', 'huyện', 'quận', 'phường', 'xã', 'thị trấn', 'thành phố', 'thị xã', 'thôn', 'xóm'].map((u) => [
    foldKey(u),
    u,
  ]),
);

/**
 * A lower-case word opening an address part before a name in capitals is a unit word: one that folds to a unit
 * word with other marks is that word with a mark OCR swapped ("tính Nghệ An", "huyên Nghi Lộc"). Place names are
 * capitalised, so "Quán Hành" is left alone.
 */
export function restoreSwappedUnitWords(text: string): string {
  return text.replace(/(^|,\s*)(\p{Ll}+(?: \p{Ll}+)?)(?= \p{Lu})/gu, (whole, before: string, words: string) => {
    const unit = NAMING_UNITS.get(foldKey(words));
    return unit && unit !== words ? before + unit : whole;
  });
}

/** Address as printed; unit words OCR read without diacritics are offered as a repair. */
export function parseAddress(input: string): ParsedValue | null {
  const parsed = parseText(input);
  if (!parsed) return null;
  const restored = restoreAddressWords(parsed.value);
  if (restored === parsed.value) return parsed;
  // A closed vocabulary restores with certainty: no note, so no review for it.
  return { ...parsed, repair: { value: restored, quality: 1, note: '' } };
}

const HONORIFIC =
  /^(?:(?:ông|bà|anh|chị|ong|ba)\s*(?:\/|\(|\s)\s*(?:bà|ông|ba|ong)?\)?\s*|(?:ông|bà|ong)\s*[:.]?\s+|mr\.?\s+|mrs\.?\s+|ms\.?\s+)/iu;

const HORNED: Record<string, string> = { u: 'ư', U: 'Ư', o: 'ơ', O: 'Ơ' };

/**
 * OCR reads the horn of ư/ơ as an apostrophe after the letter ("THU’" for "THƯ"). Apostrophes in names follow a
 * consonant ("K'Ho", "H'Mông"); one after u or o is the horn when that makes the word a Vietnamese syllable.
 */
export function hornFromApostrophe(word: string): string {
  if (!/[uUoO]['’ʼ`]/u.test(word)) return word;
  const horned = word.replace(/([uUoO])['’ʼ`]/gu, (_m, v: string) => HORNED[v]!).normalize('NFC');
  return isVietnameseSyllable(horned) ? horned : word;
}

/** NFC upper case, single spaces; honorifics ("Ông/Bà:") dropped; stops at ", sinh năm", " và vợ", "(". */
export function parsePersonName(input: string): ParsedValue | null {
  // Specks before a name ("& MAI VĂN TÙNG" beside a card photo) are not part of it.
  let s = cleanText(input).replace(/^[^\p{L}]+/u, '');
  for (let k = 0; k < 2; k++) s = s.replace(HONORIFIC, '').replace(/^[:\s]+/, '');
  s = s.split(/\s*[,;(]|\s+(?:và|va|sinh|năm sinh|ngày sinh)\s/iu)[0] ?? '';
  s = s.replace(/[.:]+$/, '').trim();
  const words = s.split(/\s+/).filter(Boolean).map(hornFromApostrophe);
  if (words.length < 2 || words.length > 7) return null;
  if (!words.every((w) => /^[\p{L}'’-]+$/u.test(w))) return null;
  // Names are capitalised word by word; a lower-case word means body text was read as a name.
  if (!words.every((w) => w[0] === w[0]!.toUpperCase())) return null;
  return { value: words.join(' ').toUpperCase(), quality: 1 };
}

/** "Nam" / "Nữ" (also "Male"/"Female", and OCR that lost the accent on Nữ). */
export function parseSex(input: string): ParsedValue | null {
  const first = foldKey(input).split(' ')[0] ?? '';
  if (first === 'nam' || first === 'male') return { value: 'Nam', quality: 1 };
  if (first === 'nu' || first === 'female') return { value: 'Nữ', quality: input.includes('ữ') ? 1 : 0.9 };
  return null;
}

export function parseDateValue(input: string, options: { notFuture?: boolean } = {}): ParsedValue | null {
  const d = parseDate(input, { allowCompact: true });
  if (!d) return null;
  const plausible = isPlausibleDate(d.iso, options);
  return { value: d.iso, quality: plausible ? 1 : 0.3, notes: plausible ? [] : ['implausible date'] };
}

type ReadNumber = { integer: string; fraction: string; index: number; end: number; repaired: boolean };

const NUMBER_RUN = /(?<![\p{L}\d])[\dOoIl](?:[\dOoIl]|[.,](?=[\dOoIl])|\s(?=\d{3}(?!\d)))*/gu;

/** Every number printed with Vietnamese separators: dot thousands, comma decimals (or comma thousands). */
function readNumbers(input: string): ReadNumber[] {
  const out: ReadNumber[] = [];
  for (const m of input.matchAll(NUMBER_RUN)) {
    if (!/\d/.test(m[0][0]!)) continue;
    const raw = m[0].replace(/\s/g, '');
    const fixed = fixDigitRun(raw);
    const repaired = fixed !== raw;
    const index = m.index!;
    const end = index + m[0].length;
    const seps = [...fixed.matchAll(/[.,]/g)];
    if (seps.length === 0) {
      out.push({ integer: fixed, fraction: '', index, end, repaired });
      continue;
    }
    const last = seps[seps.length - 1]!;
    const tail = fixed.slice(last.index! + 1);
    const mixed = fixed.includes('.') && fixed.includes(',');
    // Groups of exactly three digits after a separator are thousands (domain.md §3.6).
    if ((mixed || tail.length !== 3) && (mixed || seps.length === 1)) {
      out.push({ integer: fixed.slice(0, last.index).replace(/[.,]/g, ''), fraction: tail, index, end, repaired });
    } else {
      out.push({ integer: fixed.replace(/[.,]/g, ''), fraction: '', index, end, repaired });
    }
  }
  return out;
}

function readNumber(input: string): ReadNumber | null {
  return readNumbers(input)[0] ?? null;
}

const CURRENCY_AFTER = /^\s*(?:đồng|đ\b|dong\b|vnđ|vnd)/iu;

/**
 * No fee, tax, price or payment in a dossier is below a thousand đồng; such a figure is the first group of a longer
 * one ("1" of "1 167.000.000", the space read as the end of the number) or another number of the sentence ("Điều 1").
 */
export const SMALLEST_AMOUNT = 1000;

/** A parsed money value (a digit string) below SMALLEST_AMOUNT. */
export function isImplausiblySmallAmount(value: string): boolean {
  return /^\d+$/.test(value) && Number(value) < SMALLEST_AMOUNT;
}

/** Money in digits -> integer đồng as a digit string ("1.500.000 đồng", "1.500.000đ", "1,500,000 VND"). */
export function parseMoney(input: string): ParsedValue | null {
  // A label in running text ("Giá chuyển nhượng … tại Điều 1 là: 1.135.000.000 đồng") is followed by other numbers
  // first: the amount is the one the currency follows, else the first grouped in thousands, else the first.
  const all = readNumbers(input);
  const n =
    all.find((x) => CURRENCY_AFTER.test(input.slice(x.end))) ??
    all.find((x) => x.integer.length >= 4 && /\d[.,\s]\d{3}/.test(input.slice(x.index, x.end))) ??
    all[0];
  if (!n) return null;
  const value = n.integer.replace(/^0+(?=\d)/, '');
  return { value, quality: n.repaired ? 0.8 : 1 };
}

/** Area in m² -> decimal with '.' ("125,5 m²", "m2", "rn2" -> "125.5"). */
export function parseArea(input: string): ParsedValue | null {
  const n = readNumber(input);
  if (!n) return null;
  const integer = n.integer.replace(/^0+(?=\d)/, '');
  const fraction = n.fraction.replace(/0+$/, '');
  return { value: fraction ? `${integer}.${fraction}` : integer, quality: n.repaired ? 0.8 : 1 };
}

/** Digit runs with spaces/dots between groups, look-alike letters repaired inside the run. */
function readDigitRun(input: string, minDigits: number): { digits: string; repaired: boolean } | null {
  const re = /[\dOoQDlI|SsBZ](?:[\dOoQDlI|SsBZ]|[ .](?=[\dOoQDlI|SsBZ]))*/g;
  for (const m of input.matchAll(re)) {
    const compact = m[0].replace(/[ .]/g, '');
    const digits = (compact.match(/\d/g) ?? []).length;
    if (digits < minDigits || digits / compact.length < 0.7) continue;
    const fixed = fixDigitRun(compact);
    if (/^\d+$/.test(fixed)) return { digits: fixed, repaired: fixed !== compact };
  }
  return null;
}

/** 12-digit personal ID or 9-digit old CMND; an 11-digit read gets back its dropped leading zero. */
export function parseIdNumber(input: string): ParsedValue | null {
  const run = readDigitRun(input, 8);
  if (!run) return null;
  const q = run.repaired ? 0.8 : 1;
  if (run.digits.length === 12 || run.digits.length === 9) return { value: run.digits, quality: q };
  if (run.digits.length === 11) return { value: `0${run.digits}`, quality: q * 0.6, notes: ['leading zero restored'] };
  return null;
}

export { parseTaxCode };

/** Register/document number: "123/QĐ-UBND", "CS 123456" (inner space kept), spaces around '/' and '-' removed. */
export function parseCode(input: string): ParsedValue | null {
  const s = cleanText(input).replace(/\s*([/-])\s*/g, '$1');
  const serial = /^[A-Z]{2} ?\d{6,8}(?!\d)/u.exec(s);
  if (serial) return { value: serial[0].replace(/^([A-Z]{2})(\d)/, '$1 $2'), quality: 1 };
  // A register entry "CS 04145" (số vào sổ cấp GCN) keeps its printed inner space.
  const entry = /^[A-Z]{2} \d{4,5}(?!\d)/u.exec(s);
  if (entry) return { value: entry[0], quality: 1 };
  const m = /^[\p{L}\d]+(?:[/.-][\p{L}\d]+)*/u.exec(s);
  if (!m || !/\d/.test(m[0])) return null;
  return { value: m[0], quality: 1 };
}

/** Dossier code "000.00.20.H08-231015-0001" (also short agency forms "H56.14-…"); the date part must be real. */
export function parseDossierCode(input: string): ParsedValue | null {
  const s = normalizeText(input).replace(/\s*([.-])\s*/g, '$1');
  const m = /((?:[A-Z0-9]{1,4}\.)*[A-Z]\d{2}(?:\.\d{1,3})*)-([\dOoIl]{6})-([A-Z]{0,2}[\dOoIl]{4,})/u.exec(s);
  if (!m) return null;
  const date = fixDigitRun(m[2]!);
  const agency = m[1]!.replace(/(?<=\d)O|O(?=\d)/g, '0');
  const value = `${agency}-${date}-${fixDigitRun(m[3]!)}`;
  const valid = /^\d{6}$/.test(date) && Number(date.slice(2, 4)) >= 1 && Number(date.slice(2, 4)) <= 12;
  return { value, quality: valid ? (value === m[0] ? 1 : 0.8) : 0.4 };
}

/** An entry of a closed vocabulary in the case the value was printed in: "con đẻ", "Con đẻ", "CON ĐẺ". */
function inCaseOf(read: string, entry: string): string {
  const letters = read.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return entry.toUpperCase();
  if (letters && letters === letters.toLowerCase()) return entry.toLowerCase();
  return entry;
}

/**
 * A value of a field with a closed vocabulary: the entry it folds to (marks restored), or the one entry it is the
 * first words of (a line cut short: "Việt" -> "Việt Nam"); otherwise the value as read with a note for review.
 */
export function fromVocabulary(value: string, vocabulary: readonly string[]): { value: string; note: string } {
  const key = foldKey(value);
  const exact = vocabulary.find((v) => foldKey(v) === key);
  if (exact) return { value: inCaseOf(value, exact), note: '' };
  const longer = vocabulary.filter((v) => key && foldKey(v).startsWith(`${key} `));
  if (longer.length === 1) return { value: inCaseOf(value, longer[0]!), note: '' };
  return { value, note: `"${value}" is not one of the known values` };
}

/** Dispatches to the parser of a catalog value type. */
export function parseValue(type: ValueType, input: string, options: { notFuture?: boolean } = {}): ParsedValue | null {
  switch (type) {
    case 'text':
      return parseText(input);
    case 'address':
      return parseAddress(input);
    case 'person_name':
      return parsePersonName(input);
    case 'sex':
      return parseSex(input);
    case 'date':
      return parseDateValue(input, options);
    case 'money':
      return parseMoney(input);
    case 'area':
      return parseArea(input);
    case 'id_number':
      return parseIdNumber(input);
    case 'tax_code':
      return parseTaxCode(input);
    case 'code':
      return parseCode(input);
    case 'dossier_code':
      return parseDossierCode(input);
  }
}

/** Folded form of a value, for comparisons in tests and cross-checks. */
export const valueKey = (v: string) => foldText(v);
