// OCR drops diacritics on capitals ("NGUYEN VAN ĐẠT") far more often than on title-case text. A dossier prints the
// same person's name several times (party block, signature, other documents): the reading of that name with the
// most diacritics, when it is unambiguous, replaces a poorer one. Word spacing follows the better reading too.
import type { PreparedLine } from './page-lines.js';
import { canonicalTones } from './vietnamese-text.js';

/** Diacritic marks and đ in a string: the evidence a reading carries. */
export function diacriticCount(text: string): number {
  let n = 0;
  for (const ch of text.normalize('NFD')) if (/\p{M}|[đĐ]/u.test(ch)) n++;
  return n;
}

export interface NameReading {
  value: string;
  line: PreparedLine;
}

/**
 * Every printed run of words on `lines` that folds to the same letters as `name` (spaces ignored), upper-cased.
 * `maxExtraWords` bounds how many words more or fewer than the name a run may have (split or glued words).
 */
export function sameNameReadings(name: string, lines: PreparedLine[], maxExtraWords = 1): NameReading[] {
  const target = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
  const words = name.split(/\s+/).filter(Boolean).length;
  const out: NameReading[] = [];
  if (!target) return out;
  for (const line of lines) {
    const toks = line.tokens;
    for (let i = 0; i < toks.length; i++) {
      if (!target.startsWith(toks[i]!.fold)) continue;
      let bare = '';
      for (let k = i; k < toks.length && k - i < words + maxExtraWords; k++) {
        bare += toks[k]!.fold;
        if (!target.startsWith(bare)) break;
        if (bare === target && k - i + 1 >= words - maxExtraWords) {
          // Only letters and spaces between the words: "Nguyễn Văn Đạt", not "Nguyễn, Văn".
          const printed = line.text.slice(toks[i]!.start, toks[k]!.end);
          if (/^[\p{L}\p{M} ]+$/u.test(printed)) out.push({ value: printed.toUpperCase(), line });
          break;
        }
      }
    }
  }
  return out;
}

/**
 * The better reading of an upper-case name from the other places it is printed, or null when no reading carries
 * more diacritics or the richest readings disagree (two people may share the letters but not the accents).
 * Readings with the same words are merged word by word: OCR drops marks from different words in each printing
 * ("VO VĂN THÀNH LAM" and "VÕ VĂN THANH LÂM" give "VÕ VĂN THÀNH LÂM").
 */
export function betterNameReading(name: string, lines: PreparedLine[]): string | null {
  return nameConsensus(name, lines).value;
}

export interface NameConsensus {
  /** The better reading, or null when nothing improves on the name as read. */
  value: string | null;
  /** Words whose richest printing was outnumbered by another printing: the majority was taken, for review. */
  outvoted: string[];
}

/** `betterNameReading` with the words where the dossier's printings disagreed and the majority overruled. */
export function nameConsensus(name: string, lines: PreparedLine[]): NameConsensus {
  const readings = sameNameReadings(name, lines);
  const merged = mergeByWord(name, readings);
  if (merged !== undefined) return merged;
  let best = diacriticCount(name);
  let choice: string | null = null;
  let tie = false;
  for (const r of readings) {
    const n = diacriticCount(r.value);
    if (n > best) {
      best = n;
      choice = r.value;
      tie = false;
    } else if (n === best && choice !== null && r.value !== choice) {
      tie = true;
    }
  }
  return { value: choice && !tie ? choice : null, outvoted: [] };
}

/**
 * Word-by-word merge of readings that split into the same words as `name`: each word takes its printing with the
 * most marks, unless another printing of it is more frequent: OCR also adds marks ("NHƯNG" once beside "NHUNG"
 * three times), so the majority is taken and the word reported. Null value when a word's richest printings
 * disagree or nothing improves; undefined when the readings do not line up word for word (glued or split words).
 */
function mergeByWord(name: string, readings: NameReading[]): NameConsensus | undefined {
  const words = name.split(' ');
  const aligned = readings.map((r) => r.value.split(' '));
  if (aligned.length === 0 || aligned.some((a) => a.length !== words.length)) return undefined;
  if (aligned.some((a) => a.some((w, i) => foldWord(w) !== foldWord(words[i]!)))) return undefined;
  const outvoted: string[] = [];
  const out = words.map((w, i) => {
    let best = w;
    let tie = false;
    const counts = new Map<string, { form: string; n: number }>();
    for (const a of aligned) {
      const x = a[i]!;
      const c = counts.get(canonicalTones(x)) ?? { form: x, n: 0 };
      c.n++;
      counts.set(canonicalTones(x), c);
      if (diacriticCount(x) > diacriticCount(best)) {
        best = x;
        tie = false;
      } else if (diacriticCount(x) === diacriticCount(best) && canonicalTones(x) !== canonicalTones(best)) tie = true;
    }
    const top = [...counts.values()].sort((a, b) => b.n - a.n)[0]!;
    const bestCount = counts.get(canonicalTones(best))?.n ?? 0;
    if (top.n > bestCount) {
      outvoted.push(`${top.form} printed ${top.n} times, ${best} ${bestCount}`);
      return top.form;
    }
    return tie ? null : best;
  });
  if (out.some((w) => w === null)) return { value: null, outvoted };
  const value = out.join(' ');
  return { value: value === name ? null : value, outvoted };
}

/** Words per run compared across printings when a long header is printed whole nowhere else. */
export const HEADER_RUN_WORDS = 3;

/**
 * A long value in capitals ("UỶ BAN NHÂN DÂN PHƯỜNG HUNG BÌNH") is rarely printed whole again, but its runs of
 * words are ("PHƯỜNG HƯNG BÌNH" in another header, "phường Hưng Bình" in an address): each run of
 * `HEADER_RUN_WORDS` words takes its richer printing when the printings agree on it, word by word.
 */
export function betterRunsReading(value: string, lines: PreparedLine[]): string | null {
  const words = value.split(' ');
  if (words.length <= HEADER_RUN_WORDS) return null;
  let changed = false;
  for (let i = 0; i + HEADER_RUN_WORDS <= words.length; i++) {
    const run = words.slice(i, i + HEADER_RUN_WORDS);
    if (!run.every((w) => /^\p{L}+$/u.test(w))) continue;
    const merged = mergeByWord(run.join(' '), sameNameReadings(run.join(' '), lines, 0));
    if (!merged?.value || merged.outvoted.length > 0) continue;
    merged.value.split(' ').forEach((w, k) => {
      words[i + k] = w;
    });
    changed = true;
  }
  return changed ? words.join(' ') : null;
}

/**
 * Place and person names inside a mixed-case address or text ("huyện Hoang Hóa", "Núi Deo") are printed again
 * elsewhere in the dossier ("huyện Hoằng Hóa" in another form): each pair of capitalised words takes its richer
 * printing when the printings agree on it, word by word. Lower-case words (unit words, prose) are left alone.
 */
export function betterProperNameRuns(value: string, lines: PreparedLine[]): string | null {
  const words = [...value.matchAll(/\p{L}+/gu)];
  const out = words.map((m) => m[0]);
  let changed = false;
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i]!, words[i + 1]!];
    if (value.slice(a.index + a[0].length, b.index) !== ' ') continue;
    if (!/^\p{Lu}/u.test(out[i]!) || !/^\p{Lu}/u.test(out[i + 1]!)) continue;
    const run = `${out[i]} ${out[i + 1]}`.toUpperCase();
    const merged = mergeByWord(run, sameNameReadings(run, lines, 0));
    if (!merged?.value || merged.outvoted.length > 0) continue;
    merged.value.split(' ').forEach((w, k) => {
      const read = out[i + k]!;
      if (w === read.toUpperCase()) return;
      out[i + k] = read === read.toUpperCase() ? w : w[0] + w.slice(1).toLowerCase();
      changed = true;
    });
  }
  if (!changed) return null;
  let text = '';
  let cursor = 0;
  words.forEach((m, i) => {
    text += value.slice(cursor, m.index) + out[i];
    cursor = m.index + m[0].length;
  });
  return text + value.slice(cursor);
}

export interface NameVocabulary {
  surnames: string[];
  middleNames: string[];
}

export interface SyllableRestore {
  value: string;
  /** Syllables taken from the vocabulary: the OCR lost diacritics on this name. */
  restored: string[];
  /** Other syllables without any diacritic in a name that lost some: they may have lost theirs too. */
  unsure: string[];
  /** The listed surname the first word resembles without being it, or null. */
  oddSurname: string | null;
  /** Restorations of a Đ that OCR read as P ("PANG -> ĐẶNG"): a letter, not only marks, was taken from the list. */
  misread: string[];
}

const foldWord = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

/**
 * The listed Đ-word a word opening with a bare P stands for: OCR reads the capital Đ as P ("PẶNG", "POÀN", "PỖ"),
 * and no Vietnamese syllable opens with P but for PH.
 */
function listedDWord(word: string, list: Map<string, string> | null | undefined): string | undefined {
  if (!list || !/^P(?!H)/iu.test(word)) return undefined;
  const listed = list.get(foldWord(`D${word.slice(1)}`));
  if (!listed?.startsWith('Đ')) return undefined;
  // Marks the word has that the listed one lacks make it another name ("PÁO" is no "ĐÀO").
  const marks = (w: string): string[] => w.slice(1).normalize('NFD').match(/\p{M}/gu) ?? [];
  const listedMarks = marks(listed);
  return marks(word).every((m) => listedMarks.includes(m)) ? listed : undefined;
}

/**
 * Restores the surname (first word) and middle names (inner words) of an upper-case name from closed vocabularies
 * when OCR printed them with fewer diacritics ("NGUYEN", "NGUYÊN" -> "NGUYỄN"; "VAN" -> "VĂN").
 */
export function restoreNameSyllables(name: string, vocabulary: NameVocabulary): SyllableRestore {
  const words = name.split(' ');
  const index = (list: string[]) => new Map(list.map((w) => [foldWord(w), w.toUpperCase()]));
  const surnames = index(vocabulary.surnames);
  const middles = index(vocabulary.middleNames);
  const restored: string[] = [];
  const misread: string[] = [];
  const touched = new Set<number>();
  words.forEach((w, i) => {
    const list = i === 0 ? surnames : i < words.length - 1 ? middles : null;
    const listed = list?.get(foldWord(w));
    const proper = listed ?? listedDWord(w, list);
    if (proper && proper !== w && diacriticCount(w) < diacriticCount(proper)) {
      if (!listed) misread.push(`${w} -> ${proper}`);
      restored.push(`${w} -> ${proper}`);
      words[i] = proper;
      touched.add(i);
    }
  });
  const unsure =
    restored.length === 0 ? [] : words.filter((w, i) => !touched.has(i) && diacriticCount(w) === 0 && w.length > 1);
  // A first word that is no listed surname but has a listed surname's letters ("ĐỈNH" for "ĐINH") is checked.
  const first = words[0] ?? '';
  const surname = surnames.get(foldWord(first));
  const oddSurname = surname && surname !== first && !touched.has(0) ? surname : null;
  return { value: words.join(' '), restored, unsure, oddSurname, misread };
}
