// Vietnamese syllable structure: onset + rhyme + one tone, with the orthographic rules that bind them (k/gh/ngh
// before front vowels, stop finals p/t/c/ch only with the sắc or nặng tone, one tone mark at most). OCR damage
// that drops or swaps marks often leaves a string no Vietnamese syllable can be ("XUAN", "BIEN", "dat", "đòo") or
// two syllables glued together ("THỊPHƯỢNG"); this check finds them without a dictionary.

const TONE_MARKS: Record<string, string> = {
  '\u0300': 'huyen',
  '\u0301': 'sac',
  '\u0303': 'nga',
  '\u0309': 'hoi',
  '\u0323': 'nang',
};

/** Onsets, longest first so "ngh" is tried before "ng" and "n". */
const ONSETS = [
  'ngh',
  'ng',
  'nh',
  'ch',
  'gh',
  'gi',
  'kh',
  'ph',
  'qu',
  'th',
  'tr',
  'b',
  'c',
  'd',
  'đ',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'x',
  '',
];

const OPEN_RHYMES =
  'a e ê i y o ô ơ u ư ia ua ưa ai ay ao au âu ây eo êu iu oi ôi ơi ui ưi ưu iêu yêu uôi ươi ươu ' +
  'oa oe uê uy uơ oai oay oao oeo uây uya uyu';

/** Nucleus (with its medial) -> finals it takes. */
const CLOSED_RHYMES: Record<string, string> = {
  a: 'm n ng nh p t c ch',
  ă: 'm n ng p t c',
  â: 'm n ng p t c',
  e: 'm n ng p t c',
  ê: 'm n nh p t ch',
  i: 'm n nh p t ch',
  o: 'm n ng p t c',
  ô: 'm n ng p t c',
  ơ: 'm n p t',
  u: 'm n ng p t c',
  ư: 'm n ng t c',
  iê: 'm n ng p t c',
  yê: 'm n ng p t',
  uô: 'm n ng t c',
  ươ: 'm n ng p t c',
  oa: 'm n ng nh p t c ch',
  oă: 'm n ng t c',
  oe: 'n t',
  uâ: 'n ng t',
  uê: 'nh ch n',
  uy: 'n nh t ch p',
  uyê: 'n t',
  oo: 'ng c',
};

const RHYMES: ReadonlySet<string> = new Set([
  ...OPEN_RHYMES.split(' '),
  ...Object.entries(CLOSED_RHYMES).flatMap(([nucleus, finals]) => finals.split(' ').map((f) => nucleus + f)),
]);

const FRONT = /^[ieêy]/;

export interface SyllableParse {
  onset: string;
  rhyme: string;
  tone: string;
}

/**
 * The onset, rhyme and tone of a lower- or upper-case Vietnamese syllable, or null when the letters cannot form
 * one. Letters outside the Vietnamese alphabet (f, j, w, z) make it null too.
 */
export function parseSyllable(word: string): SyllableParse | null {
  let tone = 'ngang';
  let tones = 0;
  let base = '';
  for (const ch of word.normalize('NFD').toLowerCase()) {
    const t = TONE_MARKS[ch];
    if (t) {
      tone = t;
      tones++;
    } else base += ch;
  }
  if (tones > 1) return null;
  base = base.normalize('NFC');
  if (!/^[aăâbcdđeêghiklmnoôơpqrstuưvxy]+$/u.test(base)) return null;
  for (const onset of ONSETS) {
    if (!base.startsWith(onset)) continue;
    const rest = base.slice(onset.length);
    // "gì", "gìn", "giêng": the i of gi doubles as the vowel.
    // "quy", "quyết", "Quỳnh": after qu the y belongs to the rhyme uy.
    const rhymes = onset === 'gi' ? [rest, `i${rest}`] : onset === 'qu' && rest.startsWith('y') ? [`u${rest}`] : [rest];
    for (const rhyme of rhymes) {
      if (!RHYMES.has(rhyme) || !spellingAllows(onset, rhyme)) continue;
      if (/(?:p|t|c|ch)$/.test(rhyme) && tone !== 'sac' && tone !== 'nang') continue;
      return { onset, rhyme, tone };
    }
  }
  return null;
}

function spellingAllows(onset: string, rhyme: string): boolean {
  const front = FRONT.test(rhyme);
  switch (onset) {
    case 'k':
    case 'gh':
    case 'ngh':
      return front;
    case 'c':
    case 'g':
    case 'ng':
      return !front;
    case 'qu':
      // The u of qu is the medial: no second medial follows (except the uy family, spelled with the u of qu).
      return !/^[oư]/.test(rhyme) && (!rhyme.startsWith('u') || rhyme.startsWith('uy'));
    default:
      // "yê" opens a syllable without an onset or follows the medial u ("uyên").
      return !(onset !== '' && rhyme.startsWith('yê'));
  }
}

export function isVietnameseSyllable(word: string): boolean {
  return parseSyllable(word) !== null;
}

/** The two syllables a token glued from two splits into ("THỊPHƯỢNG" -> ["THỊ", "PHƯỢNG"]), else null. */
export function splitGluedSyllables(word: string): [string, string] | null {
  const chars = [...word.normalize('NFC')];
  for (let i = 1; i < chars.length; i++) {
    const a = chars.slice(0, i).join('');
    const b = chars.slice(i).join('');
    // The second syllable starts with a consonant: "XUAN" is a damaged "XUÂN", not "XU" + "AN".
    if (/^[aăâeêioôơuưy]/iu.test(b.normalize('NFD'))) continue;
    if (isVietnameseSyllable(a) && isVietnameseSyllable(b)) return [a, b];
  }
  return null;
}
