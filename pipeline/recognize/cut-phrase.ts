// A value that stops inside a known administrative phrase was cut at a line break: "SỞ TÀI NGUYÊN VÀ MÔI" is
// "Sở Tài nguyên và Môi trường" without its last word, the rest of the header left on a line not read with it.
import type { PackSettings } from './rule-pack.js';
import { foldKey } from './vietnamese-text.js';

/** Fewest words of a phrase's opening the value must end with: two words ("thương mại") end names as they are. */
export const CUT_PHRASE_WORDS = 3;

interface Openings {
  /** Folded openings (CUT_PHRASE_WORDS words or more, not the whole phrase) → the phrase. */
  openings: Map<string, string>;
  /** Folded whole phrases: a value ending with one is complete whatever longer phrase it also opens. */
  whole: Set<string>;
  longest: number;
}

// Keyed by the plausibility settings, which threshold overrides keep (recognize() copies the settings every call).
const cache = new WeakMap<object, Openings>();

function openingsOf(settings: PackSettings): Openings {
  let o = cache.get(settings.plausibility);
  if (o) return o;
  o = { openings: new Map(), whole: new Set(), longest: 0 };
  for (const phrase of [...settings.plausibility.phrases, ...settings.notTitles]) {
    const words = foldKey(phrase).split(' ');
    o.whole.add(words.join(' '));
    o.longest = Math.max(o.longest, words.length);
    for (let n = CUT_PHRASE_WORDS; n < words.length; n++) o.openings.set(words.slice(0, n).join(' '), phrase);
  }
  cache.set(settings.plausibility, o);
  return o;
}

/** The known phrase `value` ends inside of (its opening words without the rest), or null. */
export function endsInsidePhrase(value: string, settings: PackSettings): string | null {
  const { openings, whole, longest } = openingsOf(settings);
  const words = foldKey(value).split(' ');
  for (let n = Math.min(longest - 1, words.length); n >= CUT_PHRASE_WORDS; n--) {
    const tail = words.slice(-n).join(' ');
    if (whole.has(tail)) return null;
    const phrase = openings.get(tail);
    if (phrase) return phrase;
  }
  return null;
}
