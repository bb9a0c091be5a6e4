// A word of a name may be a name printed as listed ("LAN", "HÙNG") or one whose marks OCR dropped or added ("HUNG"
// for "HÙNG" or "HƯNG", "NHƯNG" for "NHUNG"). The pack's given-name vocabulary (common given and middle names, as
// printed) tells them apart: a word that is no name of the list while listed names fold to it was misread.
import { canonicalTones, foldKey } from './vietnamese-text.js';

export interface BareNameWord {
  word: string;
  /** Listed names the word folds to. */
  candidates: string[];
}

// Keyed by the given-name list, which threshold overrides keep (recognize() copies the settings every call).
const indexes = new WeakMap<object, { printed: Set<string>; byFold: Map<string, string[]> }>();

/** A name list's printings (tones canonical, lower case) and its names by folded form; built once per list. */
export function nameIndex(names: readonly string[]) {
  let index = indexes.get(names);
  if (index) return index;
  const printed = new Set<string>();
  const byFold = new Map<string, string[]>();
  for (const n of names) {
    const name = n.normalize('NFC');
    printed.add(canonicalTones(name.toLowerCase()));
    byFold.set(foldKey(name), [...(byFold.get(foldKey(name)) ?? []), name]);
  }
  index = { printed, byFold };
  indexes.set(names, index);
  return index;
}

/** Words after the surname that no listed name prints so while listed names fold to them ("HUNG", "NHƯNG"). */
export function bareNameWords(name: string, givenNames: readonly string[]): BareNameWord[] {
  const { printed, byFold } = nameIndex(givenNames);
  const out: BareNameWord[] = [];
  for (const word of name.normalize('NFC').split(' ').slice(1)) {
    if (printed.has(canonicalTones(word.toLowerCase()))) continue;
    const candidates = byFold.get(foldKey(word));
    if (candidates) out.push({ word, candidates });
  }
  return out;
}

/**
 * Words without any mark in a name of an organisation or place printed in capitals ("NÔNG SẢN HUNG THỊNH") that no
 * listed name prints so while listed names fold to them: the marks were lost ("HƯNG" or "HÙNG"). Marked words are
 * left alone: "XÂY DỰNG" is no misread "DŨNG".
 */
export function bareWordsInCapitals(text: string, givenNames: readonly string[]): BareNameWord[] {
  return bareNameWords(`- ${text}`, givenNames).filter((b) => foldKey(b.word) === b.word.toLowerCase());
}
