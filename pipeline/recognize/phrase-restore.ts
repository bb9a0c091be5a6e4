// Administrative text repeats a closed set of phrases ("chuyển nhượng quyền", "sở xây dựng"). Three words that
// fold to exactly one known phrase but are printed with other marks ("chuyến nhượng quyền", "SỞ XÂY DỤNG") are
// an OCR slip on a mark (two words are too ambiguous: "dẫn số" / "dân số"): the known phrase restores it. Known phrases are the pack's own titles, keywords, labels
// and continuation phrases plus `plausibility.phrases`.
import type { RulePack } from './rule-pack.js';
import { canonicalTones, foldText } from './vietnamese-text.js';

/** Words per known phrase compared. */
export const PHRASE_WORDS = 3;

type PairIndex = Map<string, Set<string>>;

// Keyed by the pack's type map, which option overrides (thresholds) keep: recognize() copies the pack on every call.
const indexes = new WeakMap<object, PairIndex>();

function pairIndex(pack: RulePack): PairIndex {
  let index = indexes.get(pack.byCode);
  if (index) return index;
  index = new Map();
  const s = pack.settings;
  const phrases = [
    ...s.plausibility.phrases,
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
    for (let i = 0; i + PHRASE_WORDS <= words.length; i++) {
      const pair = words.slice(i, i + PHRASE_WORDS).join(' ');
      const key = foldText(pair);
      const set = index.get(key) ?? new Set<string>();
      set.add(pair);
      index.set(key, set);
    }
  }
  indexes.set(pack.byCode, index);
  return index;
}

function withCaseOf(model: string, word: string): string {
  return model === model.toUpperCase()
    ? word.toUpperCase()
    : model[0] === model[0]!.toUpperCase()
      ? word[0]!.toUpperCase() + word.slice(1)
      : word;
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
    const known = index.get(foldText(read));
    if (known?.size !== 1) continue;
    const phrase = [...known][0]!;
    // "ỦY BAN" and "UỶ BAN" are one spelling with two tone placements.
    if (canonicalTones(phrase) === canonicalTones(read)) continue;
    const fixed = phrase.split(' ').map((w, k) => withCaseOf(words[k]!, w));
    restored.push(`${words.join(' ')} -> ${fixed.join(' ')}`);
    fixed.forEach((w, k) => {
      out[i + k] = w;
    });
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
