// A person named in running text ("… cho hộ ông Đinh Quang Nghĩa") opens with a surname, a closed vocabulary:
// a first word that folds to a listed surname but is printed with other marks ("ông Đỉnh Quang Nghĩa") is a slip.
import { nameIndex } from './bare-name-words.js';
import { canonicalTones, foldKey } from './vietnamese-text.js';

/** A capitalised word after a word that introduces a person. */
const INTRODUCED = /(?:^|[\s,;(])(?:ông|bà|anh|chị|Ông|Bà|Anh|Chị)\s+(\p{Lu}\p{Ll}*)(?=\s+\p{Lu})/gu;

export interface OddSurname {
  read: string;
  surname: string;
}

/** Surnames of people introduced in `text` printed with other marks than the listed surname they fold to. */
export function oddSurnamesInText(text: string, surnames: readonly string[]): OddSurname[] {
  const { printed, byFold } = nameIndex(surnames);
  const out: OddSurname[] = [];
  for (const m of text.normalize('NFC').matchAll(INTRODUCED)) {
    const read = m[1]!;
    const listed = byFold.get(foldKey(read));
    if (!listed || printed.has(canonicalTones(read.toLowerCase()))) continue;
    out.push({ read, surname: listed.join('/') });
  }
  return out;
}
