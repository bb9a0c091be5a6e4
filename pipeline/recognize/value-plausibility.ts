// Plausibility of OCR-read words: damage the rules cannot repair (lost or swapped marks, glued words, stray
// punctuation, uncertain words) sends the component to review instead of being accepted as read.
import type { FieldResult } from '../page-model.js';
import { endsInsidePhrase } from './cut-phrase.js';
import type { ValueWord } from './extract-fields.js';
import type { PackSettings, TypeRule } from './rule-pack.js';
import { oddSurnamesInText } from './text-surnames.js';
import { isVietnameseSyllable, splitGluedSyllables } from './vietnamese-syllables.js';
import { foldKey, upperCaseRatio } from './vietnamese-text.js';
import { type DossierWords, dossierWords, weakWords } from './weak-words.js';

/** Value types made of words, where every word can be checked. */
export const WORD_VALUE_TYPES: ReadonlySet<string> = new Set(['person_name', 'address', 'text']);

/** Shortest run of words whose repetition inside one value means a line was read twice. */
export const REPEATED_RUN_WORDS = 3;

const VOWEL = /[aăâeêioôơuưy]/iu;

/** Share of capitals from which a value is a header or a name printed in capitals. */
export const CAPITALS_VALUE = 0.9;

export interface WordVocabulary {
  /** Lower-case syllables accepted outside the standard structure. */
  extra: ReadonlySet<string>;
  /** Abbreviations as printed. */
  abbreviations: ReadonlySet<string>;
  /** Lower-case address unit words that precede a number. */
  numbered: ReadonlySet<string>;
  /** Lower-case words a value cannot end with. */
  dangling: ReadonlySet<string>;
  /** Folded province names (foldKey), one of which ends an address. */
  provinces: readonly string[];
}

// Keyed by the plausibility settings, which threshold overrides keep (recognize() copies the settings every call).
const vocabularies = new WeakMap<object, WordVocabulary>();

export function wordVocabulary(settings: PackSettings): WordVocabulary {
  let v = vocabularies.get(settings.plausibility);
  if (!v) {
    const p = settings.plausibility;
    v = {
      extra: new Set(p.extraSyllables.map((w) => w.normalize('NFC').toLowerCase())),
      abbreviations: new Set(p.abbreviations.map((w) => w.normalize('NFC'))),
      numbered: new Set(p.numberedAddressWords.map((w) => w.normalize('NFC').toLowerCase())),
      dangling: new Set(p.danglingWords.map((w) => w.normalize('NFC').toLowerCase())),
      provinces: p.provinces.map(foldKey),
    };
    vocabularies.set(settings.plausibility, v);
  }
  return v;
}

export interface ImplausibleWord {
  word: string;
  reason: 'glued' | 'not a syllable' | 'stray mark';
}

/** Words of a value that no correct printing would contain. */
export function implausibleWords(value: string, vocabulary: WordVocabulary): ImplausibleWord[] {
  const out: ImplausibleWord[] = [];
  const text = value.normalize('NFC');
  const capitals = upperCaseRatio(text) >= CAPITALS_VALUE;
  for (const m of text.matchAll(/\p{L}+/gu)) {
    const word = m[0];
    if (isVietnameseSyllable(word) || vocabulary.extra.has(word.toLowerCase())) continue;
    if (vocabulary.abbreviations.has(word)) continue;
    // "TNHH", "QĐ", "TP": abbreviations are capitals; the v of "V/v" follows a slash. In a value printed in capitals
    // (an agency header, a company name) only listed abbreviations: "MÔI HC" is a cut "MÔI TRƯỜNG".
    if (
      !VOWEL.test(word) &&
      ((word === word.toUpperCase() && !capitals) || (word.length === 1 && text[m.index - 1] === '/'))
    )
      continue;
    out.push({ word, reason: splitGluedSyllables(word) ? 'glued' : 'not a syllable' });
  }
  // A separator with nothing before it ("Bình Thạnh, ; TP.") is a speck read as punctuation.
  for (const m of text.matchAll(/[,;:]\s*[;:]|(?:^|\s)[;|]/g)) out.push({ word: m[0].trim(), reason: 'stray mark' });
  return out;
}

/** Words that need a complement: a value ending with one was cut short ("… từ bà", "… năm"). */
export function danglingEnd(value: string, danglingWords: ReadonlySet<string>): string | null {
  const last = /(\p{L}+)[\s.,;:]*$/u.exec(value.normalize('NFC'))?.[1];
  return last && danglingWords.has(last.toLowerCase()) ? last : null;
}

/** Words that introduce a person by name in running text ("từ ông Hồ Văn Thành sang bà …"). */
const HONORIFICS = /(?:^|\s)(?:ông|bà|anh|chị|Ông|Bà|Anh|Chị)\s+(\p{Lu}\p{Ll}*)[\s.,;:]*$/u;

/**
 * A value ending with a person introduced by one capitalised word ("… từ ông Hồ") was cut inside the name: a
 * Vietnamese full name has a surname and a given name at least. Returns the cut words, or null.
 */
export function cutName(value: string): string | null {
  const m = HONORIFICS.exec(value.normalize('NFC'));
  return m ? m[0].trim() : null;
}

/** In an address the word before a house or unit number is a unit word ("hẻm 12", "Phường 14"); another word
 * there ("hỏm 12") is a misread. */
export function unknownNumberedWord(value: string, unitWords: ReadonlySet<string>): string | null {
  for (const m of value.normalize('NFC').matchAll(/(\p{L}+)\s+\d/gu)) {
    if (!unitWords.has(m[1]!.toLowerCase())) return m[1]!;
  }
  return null;
}

/**
 * The words after the last province an address names, or null when it ends with one. Addresses on the dossier's
 * papers run down to the province ("…, tỉnh Nghệ An", "TP. HCM"): one ending elsewhere was cut at a line break
 * or took words of the next column ("… Quận 3 hạn"). Null too when no province is listed.
 */
export function afterProvince(value: string, provinces: readonly string[]): string | null {
  if (provinces.length === 0) return null;
  const key = ` ${foldKey(value)}`;
  if (provinces.some((p) => key.endsWith(` ${p}`))) return null;
  return value.split(/\s+/).slice(-2).join(' ');
}

/** Words repeated as a run of `minRun` or more: a line read twice ("… Hồ Chí Minh Thành phố Hồ Chí"). */
export function repeatedRun(value: string, minRun: number): string | null {
  const words = [...value.normalize('NFC').matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0].toLowerCase());
  const seen = new Set<string>();
  for (let i = 0; i + minRun <= words.length; i++) {
    const run = words.slice(i, i + minRun).join(' ');
    if (seen.has(run)) return run;
    seen.add(run);
  }
  return null;
}

/**
 * Review reasons for the word-valued fields of a component read by OCR: implausible words, and words whose OCR
 * confidence is below the pack's `minWordConfidence`, and words kept as read below `unsureWordConfidence` that
 * the dossier's surest reading of each word does not confirm. Trusted (text-layer) fields are not checked.
 */
export function plausibilityProblems(
  type: TypeRule,
  fields: Record<string, FieldResult>,
  words: Record<string, ValueWord[]>,
  trusted: ReadonlySet<string>,
  settings: PackSettings,
  dossier: DossierWords = dossierWords([]),
): string[] {
  const problems: string[] = [];
  const vocabulary = wordVocabulary(settings);
  const minConfidence = settings.plausibility.minWordConfidence;
  for (const [key, rule] of Object.entries(type.fields)) {
    const field = fields[key];
    if (!field || trusted.has(key)) continue;
    if (WORD_VALUE_TYPES.has(rule.type)) {
      const bad = implausibleWords(field.value, vocabulary);
      if (bad.length > 0)
        problems.push(`${key}: implausible words (${bad.map((b) => `${b.word}: ${b.reason}`).join(', ')})`);
      // "P" alone opens loanwords (pin, Pắc), never a syllable of a Vietnamese name: "PANG" is a misread "ĐẶNG".
      const loan = rule.type === 'person_name' ? /(?:^|\s)(P(?!H)\p{L}*)/iu.exec(field.value.normalize('NFC')) : null;
      if (loan) problems.push(`${key}: "${loan[1]}" is no syllable of a Vietnamese name`);
      const cut = rule.type === 'person_name' ? null : danglingEnd(field.value, vocabulary.dangling);
      if (cut) problems.push(`${key}: value ends with "${cut}", it looks cut short`);
      const name = rule.type === 'text' ? cutName(field.value) : null;
      if (name) problems.push(`${key}: value ends with "${name}", a name cut short`);
      const surnames = rule.type === 'text' ? oddSurnamesInText(field.value, settings.names.surnames) : [];
      for (const s of surnames) problems.push(`${key}: surname read ${s.read}, check ${s.surname}`);
      const unit = rule.type === 'address' ? unknownNumberedWord(field.value, vocabulary.numbered) : null;
      if (unit) problems.push(`${key}: "${unit}" before a number is no address unit word`);
      const tail = rule.type === 'address' ? afterProvince(field.value, vocabulary.provinces) : null;
      if (tail) problems.push(`${key}: address ends with "${tail}", not a province: cut short or run on`);
      const inside =
        rule.type === 'person_name' || rule.anchor === 'title' ? null : endsInsidePhrase(field.value, settings);
      if (inside) problems.push(`${key}: value ends inside "${inside}", it looks cut short`);
      const twice = repeatedRun(field.value, REPEATED_RUN_WORDS);
      if (twice) problems.push(`${key}: "${twice}" read twice`);
      // Titles and closed vocabularies print their words from the pack, not as read.
      const unsure =
        rule.anchor === 'title' || rule.vocabulary.length > 0
          ? []
          : weakWords(
              field.value,
              words[key] ?? [],
              settings.plausibility.unsureWordConfidence,
              dossier,
              vocabulary.numbered,
            );
      if (unsure.length > 0)
        problems.push(
          `${key}: words read unsurely and nowhere surer (${unsure.map((w) => `${w.text} ${w.confidence.toFixed(2)}`).join(', ')})`,
        );
    }
    const read = (words[key] ?? []).filter((w) => /^\p{L}+$/u.test(w.text));
    // A word read much less surely than the rest of its value is the likely misread ("DŨNG" among sure words).
    const sorted = read.map((w) => w.confidence).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 1;
    const dip = settings.plausibility.confidenceDip;
    const weak = read.filter(
      (w) =>
        w.confidence < minConfidence || (WORD_VALUE_TYPES.has(rule.type) && dip > 0 && median - w.confidence >= dip),
    );
    if (weak.length > 0)
      problems.push(
        `${key}: words read with low confidence (${weak.map((w) => `${w.text} ${w.confidence.toFixed(2)}`).join(', ')})`,
      );
  }
  return problems;
}
