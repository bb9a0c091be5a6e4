// Place names in addresses lose or swap tone marks under OCR with high confidence ("quận Hai Ba Trưng", "huyện
// Củ Chị"): the marks are not recoverable from the word alone, since "Ba", "Binh" and "Chị" are syllables too.
// Administrative units and common street names are a closed list (rules/places.json, plus the pack's provinces):
// a run of capitalised words that folds to exactly one listed name takes its marks; a run that folds to several
// listed names printed differently ("Thanh Tri": Thanh Trì or Thạnh Trị) and matches none is for a person to read.
import { canonicalTones, foldText } from './vietnamese-text.js';

/** Longest listed name compared, in words. */
export const PLACE_MAX_WORDS = 5;

/** Words (folded) that open an address part and name the unit after them: a run may start right after one. */
const UNIT_WORDS = new Set([
  'tinh',
  'quan',
  'huyen',
  'xa',
  'phuong',
  'duong',
  'pho',
  'thon',
  'xom',
  'ap',
  'to',
  'khu',
  'ngo',
  'ngach',
  'hem',
  'kiet',
  'ban',
  'buon',
  'tp',
  'tx',
  'tt',
  'ubnd',
  'tran',
  'so',
]);

export interface PlaceIndex {
  /** Folded name -> its printings (lower case, NFC). */
  byKey: Map<string, Set<string>>;
}

/**
 * Index of listed place names made of two or more words of letters (one word is too ambiguous: Vinh / Vĩnh). Built
 * once per pack, with its other folded phrases (compiled-pack.ts).
 */
export function placeIndex(names: readonly string[]): PlaceIndex {
  const byKey = new Map<string, Set<string>>();
  for (const name of names) {
    const printed = name.normalize('NFC').toLowerCase().trim();
    const words = printed.split(/\s+/);
    if (words.length < 2 || words.length > PLACE_MAX_WORDS || !words.every((w) => /^\p{L}+$/u.test(w))) continue;
    const key = foldText(printed);
    const set = byKey.get(key) ?? new Set<string>();
    set.add(printed);
    byKey.set(key, set);
  }
  return { byKey };
}

export interface PlaceRestore {
  value: string;
  /** "read -> restored" for each name changed. */
  restored: string[];
  /** Names read that fold to several listed names and match none of them. */
  ambiguous: string[];
}

const capitalised = (w: string) => /^\p{Lu}/u.test(w);

function withCaseOf(read: string, printed: string): string {
  if (read === read.toUpperCase()) return printed.toUpperCase();
  return printed[0]!.toUpperCase() + printed.slice(1);
}

/** Restores the marks of listed place names in an address or text (see the file comment). */
export function restorePlaceNames(value: string, { byKey }: PlaceIndex): PlaceRestore {
  const matches = [...value.matchAll(/\p{L}+/gu)];
  const words = matches.map((m) => m[0]);
  const folded = words.map((w) => foldText(w));
  const restored: string[] = [];
  const ambiguous: string[] = [];
  const joined = (i: number, j: number) =>
    matches
      .slice(i + 1, j)
      .every((m, k) => value.slice(matches[i + k]!.index + matches[i + k]![0].length, m.index) === ' ');
  // A word that may start a run: capitalised, and after a break, a lower-case word or a unit word.
  const opens = (i: number) => {
    if (!capitalised(words[i]!)) return false;
    if (i === 0 || !capitalised(words[i - 1]!) || !joined(i - 1, i + 1)) return true;
    return UNIT_WORDS.has(folded[i - 1]!);
  };
  // A run ends before a break, a lower-case word, a unit word or nothing.
  const closes = (j: number) =>
    j >= words.length || !joined(j - 1, j + 1) || !capitalised(words[j]!) || UNIT_WORDS.has(folded[j]!);
  let i = 0;
  while (i < words.length) {
    let step = 1;
    if (opens(i)) {
      for (let n = Math.min(PLACE_MAX_WORDS, words.length - i); n >= 2; n--) {
        const j = i + n;
        if (!words.slice(i, j).every(capitalised) || !joined(i, j) || !closes(j)) continue;
        const known = byKey.get(folded.slice(i, j).join(' '));
        if (!known) continue;
        const read = words.slice(i, j).join(' ');
        const readKey = canonicalTones(read.toLowerCase());
        const printings = [...known];
        if (!printings.some((p) => canonicalTones(p) === readKey)) {
          if (printings.length === 1) {
            const fixed = printings[0]!.split(' ').map((p, k) => withCaseOf(words[i + k]!, p));
            restored.push(`${read} -> ${fixed.join(' ')}`);
            fixed.forEach((w, k) => {
              words[i + k] = w;
            });
          } else ambiguous.push(read);
        }
        step = n;
        break;
      }
    }
    i += step;
  }
  if (restored.length === 0) return { value, restored, ambiguous };
  let text = '';
  let cursor = 0;
  matches.forEach((m, k) => {
    text += value.slice(cursor, m.index) + words[k];
    cursor = m.index + m[0].length;
  });
  return { value: text + value.slice(cursor), restored, ambiguous };
}
