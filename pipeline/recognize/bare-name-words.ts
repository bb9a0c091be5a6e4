// A word of a name printed without any mark may be a name that has none ("LAN", "MINH") or one whose marks OCR
// dropped ("HUNG" for "HÙNG" or "HƯNG"). The pack's given-name vocabulary (common given and middle names, as
// printed) tells them apart: a bare word that is no name of the list while a marked name folds to it lost its marks.
import { diacriticCount } from './name-consensus.js';
import { foldKey } from './vietnamese-text.js';

export interface BareNameWord {
  word: string;
  /** Listed names with marks the word folds to. */
  candidates: string[];
}

// Keyed by the given-name list, which threshold overrides keep (recognize() copies the settings every call).
const indexes = new WeakMap<object, { bare: Set<string>; marked: Map<string, string[]> }>();

function nameIndex(names: readonly string[]) {
  let index = indexes.get(names);
  if (index) return index;
  const bare = new Set<string>();
  const marked = new Map<string, string[]>();
  for (const n of names) {
    const printed = n.normalize('NFC');
    if (diacriticCount(printed) === 0) bare.add(printed.toLowerCase());
    else marked.set(foldKey(printed), [...(marked.get(foldKey(printed)) ?? []), printed]);
  }
  index = { bare, marked };
  indexes.set(names, index);
  return index;
}

/** Words after the surname printed without marks where the vocabulary only knows the name with marks. */
export function bareNameWords(name: string, givenNames: readonly string[]): BareNameWord[] {
  const { bare, marked } = nameIndex(givenNames);
  const out: BareNameWord[] = [];
  for (const word of name.normalize('NFC').split(' ').slice(1)) {
    if (diacriticCount(word) > 0 || bare.has(word.toLowerCase())) continue;
    const candidates = marked.get(foldKey(word));
    if (candidates) out.push({ word, candidates });
  }
  return out;
}
