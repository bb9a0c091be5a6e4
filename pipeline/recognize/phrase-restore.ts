// Administrative text repeats a closed set of phrases ("chuyển nhượng quyền", "sở xây dựng"). Three words that
// fold to exactly one known phrase but are printed with other marks ("chuyến nhượng quyền", "SỞ XÂY DỤNG") are
// an OCR slip on a mark (two words are too ambiguous: "dẫn số" / "dân số"), as are two words of one when OCR lost
// every mark of one of them: the known phrase restores it. Known phrases are the pack's own titles, keywords, labels
// and continuation phrases plus `plausibility.phrases` (company-name words, administrative phrases) and `provinces`.
import type { RulePack } from './rule-pack.js';
import { canonicalTones, foldText } from './vietnamese-text.js';

/** Words per known phrase compared. */
export const PHRASE_WORDS = 3;

/** Words of a known phrase compared when one of them lost every mark and the other kept its own. */
export const BARE_PHRASE_WORDS = 2;

type PairIndex = Map<string, Set<string>>;

// Keyed by the pack's type map, which option overrides (thresholds) keep: recognize() copies the pack on every call.
const indexes = new WeakMap<object, Map<number, PairIndex>>();

function pairIndex(pack: RulePack, size = PHRASE_WORDS): PairIndex {
  let bySize = indexes.get(pack.byCode);
  if (!bySize) {
    bySize = new Map();
    indexes.set(pack.byCode, bySize);
  }
  let index = bySize.get(size);
  if (index) return index;
  index = new Map();
  const s = pack.settings;
  const phrases = [
    ...s.plausibility.phrases,
    ...s.plausibility.provinces,
    ...s.notTitles,
    ...s.continuation,
    ...pack.types.flatMap((t) => [
      ...t.titles,
      ...t.keywords.map((k) => k.text),
      ...t.continuation,
      ...Object.values(t.fields).flatMap((f) => f.labels),
    ]),
  ];
  for (const phrase of phrases) {
    const words = [
      ...phrase
        .normalize('NFC')
        .toLowerCase()
        .matchAll(/\p{L}+/gu),
    ].map((m) => m[0]);
    // Two-word pairs come from two-word phrases only: inside a longer one they are no unit ("mại dịch" of
    // "thương mại dịch vụ" would turn the ward "Mai Dịch" into "Mại Dịch").
    if (size === BARE_PHRASE_WORDS && words.length !== size) continue;
    for (let i = 0; i + size <= words.length; i++) {
      const pair = words.slice(i, i + size).join(' ');
      const key = foldText(pair);
      const set = index.get(key) ?? new Set<string>();
      set.add(pair);
      index.set(key, set);
    }
  }
  bySize.set(size, index);
  return index;
}

function withCaseOf(model: string, word: string): string {
  return model === model.toUpperCase()
    ? word.toUpperCase()
    : model[0] === model[0]!.toUpperCase()
      ? word[0]!.toUpperCase() + word.slice(1)
      : word;
}

/** Initials OCR reads for a Đ whose bar it loses or joins to the bowl ("Bang ký", "PĂNG KÝ"). */
const D_LOOK_ALIKES = /^[bp]/;

/** Marks of each letter of a word after its first (NFD combining marks, canonical tone placement). */
function marksAfterInitial(word: string): string[] {
  const letters: string[] = [];
  for (const ch of canonicalTones(word).normalize('NFD').slice(1)) {
    if (/\p{M}/u.test(ch) && letters.length > 0) letters[letters.length - 1] += ch;
    else letters.push('');
  }
  return letters;
}

/** `read` carries no mark `printed` lacks, letter by letter: OCR lost marks there but invented none ("bang"/"đăng"). */
function onlyLostMarks(read: string, printed: string): boolean {
  const a = marksAfterInitial(read);
  const b = marksAfterInitial(printed);
  return a.length === b.length && a.every((m, i) => [...m].every((c) => b[i]!.includes(c)));
}

/**
 * The one known phrase `read` folds to, else the one it folds to with a word's B or P read back as the Đ the
 * phrase prints there, when OCR only lost marks on that word ("Bang ký khai" for "Đăng ký khai", not "bộ thửa
 * đất" for "đồ thửa đất"); null when none or several.
 */
function knownPhrase(index: PairIndex, read: string): string | null {
  const key = foldText(read);
  const known = index.get(key);
  if (known) return known.size === 1 ? [...known][0]! : null;
  const words = key.split(' ');
  const printed = read.split(' ');
  const found = new Set<string>();
  words.forEach((w, k) => {
    if (!D_LOOK_ALIKES.test(w)) return;
    const alt = [...words.slice(0, k), `d${w.slice(1)}`, ...words.slice(k + 1)].join(' ');
    for (const phrase of index.get(alt) ?? []) {
      const target = phrase.split(' ')[k]!;
      if (target.startsWith('đ') && onlyLostMarks(printed[k]!, target)) found.add(phrase);
    }
  });
  return found.size === 1 ? [...found][0]! : null;
}

export interface PhraseRestore {
  value: string;
  /** "read -> restored" for each pair changed. */
  restored: string[];
}

/** Restores runs of words of `value` that fold to exactly one known phrase printed with other marks. */
export function restorePhrases(value: string, pack: RulePack): PhraseRestore {
  const index = pairIndex(pack);
  const matches = [...value.matchAll(/\p{L}+/gu)];
  const out = matches.map((m) => m[0]);
  const restored: string[] = [];
  for (let i = 0; i + PHRASE_WORDS <= matches.length; i++) {
    const run = matches.slice(i, i + PHRASE_WORDS);
    // Only words separated by single spaces form a phrase.
    if (run.some((m, k) => k > 0 && value.slice(run[k - 1]!.index + run[k - 1]![0].length, m.index) !== ' ')) continue;
    const words = out.slice(i, i + PHRASE_WORDS);
    const read = words.join(' ').toLowerCase();
    const phrase = knownPhrase(index, read);
    if (!phrase) continue;
    // "ỦY BAN" and "UỶ BAN" are one spelling with two tone placements.
    if (canonicalTones(phrase) === canonicalTones(read)) continue;
    const fixed = phrase.split(' ').map((w, k) => withCaseOf(words[k]!, w));
    restored.push(`${words.join(' ')} -> ${fixed.join(' ')}`);
    fixed.forEach((w, k) => {
      out[i + k] = w;
    });
  }
  // Two words are too ambiguous when both carry marks ("dẫn số" / "dân số"), but a word printed with no mark at all
  // beside one that kept its own ("Đăng ky", "NÔNG SAN", "Đắk Lak") lost its marks to OCR.
  const pairs = pairIndex(pack, BARE_PHRASE_WORDS);
  const letters = value.replace(/[^\p{L}]/gu, '');
  const capitals = letters.length > 0 && letters === letters.toUpperCase();
  for (let i = 0; i + BARE_PHRASE_WORDS <= matches.length; i++) {
    const [a, b] = [matches[i]!, matches[i + 1]!];
    if (value.slice(a.index + a[0].length, b.index) !== ' ') continue;
    const words = [out[i]!, out[i + 1]!];
    const known = pairs.get(foldText(words.join(' ')));
    if (known?.size !== 1) continue;
    const phrase = [...known][0]!.split(' ');
    const differs = words.map((w, k) => canonicalTones(w.toLowerCase()) !== canonicalTones(phrase[k]!));
    const bare = (w: string) => foldText(w) === w.toLowerCase();
    const k = differs.indexOf(true);
    if (k < 0) continue;
    if (differs.lastIndexOf(true) !== k) {
      // Both words bare: a phrase lost every mark ("NONG SAN" in a company name), unless they are two capitalised
      // words of mixed-case text, a proper name ("ông Thanh Hoa") the phrase may only resemble.
      const name = !capitals && words.every((w) => /^\p{Lu}/u.test(w));
      if (!words.every(bare) || name) continue;
      const fixed = words.map((w, j) => withCaseOf(w, phrase[j]!));
      restored.push(`${words.join(' ')} -> ${fixed.join(' ')}`);
      out[i] = fixed[0]!;
      out[i + 1] = fixed[1]!;
      continue;
    }
    if (!bare(words[k]!) || bare(words[1 - k]!)) continue;
    const fixed = withCaseOf(words[k]!, phrase[k]!);
    restored.push(`${words.join(' ')} -> ${k === 0 ? `${fixed} ${words[1]}` : `${words[0]} ${fixed}`}`);
    out[i + k] = fixed;
  }
  if (restored.length === 0) return { value, restored };
  let text = '';
  let cursor = 0;
  matches.forEach((m, i) => {
    text += value.slice(cursor, m.index) + out[i];
    cursor = m.index + m[0].length;
  });
  return { value: text + value.slice(cursor), restored };
}
