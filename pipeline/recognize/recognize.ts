// The recogniser: classify pages, split the stack into components, extract fields, cross-check, route to review.
import type { ComponentResult, RecognizablePage } from '../page-model.js';
import { bareNameWords, bareWordsInCapitals } from './bare-name-words.js';
import { classifyLines } from './classify.js';
import { restoreCodeSymbols } from './code-symbols.js';
import { compilePack } from './compiled-pack.js';
import { crossCheck } from './cross-checks.js';
import { extractFields, round } from './extract-fields.js';
import {
  betterNameReading,
  betterProperNameRuns,
  betterRunsReading,
  nameConsensus,
  restoreNameSyllables,
} from './name-consensus.js';
import { type PreparedLine, prepareLines } from './page-lines.js';
import { restorePhrases } from './phrase-restore.js';
import { restorePlaceNames } from './place-names.js';
import { routeForReview } from './review.js';
import type { PackSettings, RulePack } from './rule-pack.js';
import { splitComponents } from './split-components.js';
import { plausibilityProblems } from './value-plausibility.js';
import { foldKey, upperCaseRatio } from './vietnamese-text.js';
import { dossierWords } from './weak-words.js';

/** Confidence kept by a name whose other syllables may have lost their diacritics too. */
export const NAME_UNSURE_FACTOR = 0.6;

/** Share of capitals from which a text value is restored from its other printings like a name. */
export const CAPITALS_SHARE = 0.9;

export interface RecognizeOptions {
  /** Overrides of the pack's thresholds (e.g. stricter acceptance for a pilot). */
  thresholds?: Partial<PackSettings['thresholds']>;
}

export function recognize(
  pages: RecognizablePage[],
  pack: RulePack,
  options: RecognizeOptions = {},
): ComponentResult[] {
  const effective: RulePack = {
    ...pack,
    settings: { ...pack.settings, thresholds: { ...pack.settings.thresholds, ...options.thresholds } },
  };
  const ordered = [...pages].sort((a, b) => a.number - b.number);
  const prepared = new Map<number, PreparedLine[] | null>(
    ordered.map((p) => [p.number, p.text ? prepareLines(p.number, p.text) : null]),
  );
  const allLines = ordered.flatMap((p) => prepared.get(p.number) ?? []);
  const classes = ordered.map((p) => classifyLines(p.number, prepared.get(p.number) ?? null, effective));
  const dossier = dossierWords(allLines);
  const twoSided = new Set(effective.types.filter((t) => t.twoSided).map((t) => t.code));
  const { places } = compilePack(effective);
  return splitComponents(classes, twoSided).map((span) => {
    const type = effective.byCode.get(span.type) ?? effective.byCode.get('khac')!;
    const lines = ordered
      .filter((p) => p.number >= span.first && p.number <= span.last)
      .flatMap((p) => prepared.get(p.number) ?? []);
    const { fields, problems, trusted, words } = extractFields({
      type,
      lines,
      pack: effective,
      title: span.head.title,
    });
    // Names lose their diacritics to OCR more than anything else; the dossier's other printings restore them.
    for (const [key, rule] of Object.entries(type.fields)) {
      const field = fields[key];
      if (rule.type !== 'person_name' || !field || trusted.has(key)) continue;
      const consensus = nameConsensus(field.value, allLines);
      if (consensus.value) field.value = consensus.value;
      // The dossier prints the name several ways: the majority was taken over the richest, which is worth a look.
      if (consensus.outvoted.length > 0) problems.push(`${key}: printings disagree (${consensus.outvoted.join('; ')})`);
      const fix = restoreNameSyllables(field.value, effective.settings.names);
      if (fix.oddSurname) problems.push(`${key}: surname read ${field.value.split(' ')[0]}, check ${fix.oddSurname}`);
      // Words no other printing improved may still have lost their marks: restored or flagged all the same.
      if (fix.restored.length > 0) {
        field.value = fix.value;
        if (fix.misread.length > 0 || fix.unsure.length > 0)
          field.confidence = round(field.confidence * NAME_UNSURE_FACTOR);
        if (fix.misread.length > 0) problems.push(`${key}: OCR read Đ as P (${fix.misread.join(', ')})`);
        if (fix.unsure.length > 0)
          problems.push(`${key}: OCR dropped diacritics (${fix.restored.join(', ')}); check ${fix.unsure.join(' ')}`);
      }
      // A word that is no listed name while listed ones fold to it lost or gained marks ("HUNG": Hùng or Hưng?).
      const bare = bareNameWords(field.value, effective.settings.names.givenNames);
      if (bare.length > 0)
        problems.push(
          `${key}: ${bare.map((b) => `${b.word} is no known name (${b.candidates.join(', ')}?)`).join('; ')}`,
        );
    }
    // Headers and names of organisations in capitals lose marks like personal names; the body restores them.
    for (const [key, rule] of Object.entries(type.fields)) {
      const field = fields[key];
      if (rule.type !== 'text' || !field || trusted.has(key) || upperCaseRatio(field.value) < CAPITALS_SHARE) continue;
      const better = betterNameReading(field.value, allLines);
      if (better) field.value = better;
      const runs = betterRunsReading(field.value, allLines);
      if (runs) field.value = runs;
      if (rule.anchor === 'title' || rule.vocabulary.length > 0) continue;
      const bare = bareWordsInCapitals(field.value, effective.settings.names.givenNames);
      if (bare.length > 0)
        problems.push(
          `${key}: ${bare.map((b) => `${b.word} lost its marks (${b.candidates.join(', ')}?)`).join('; ')}`,
        );
    }
    // Names of places and people inside mixed-case addresses and text take their marks from other printings too.
    for (const [key, rule] of Object.entries(type.fields)) {
      const field = fields[key];
      if (!field || trusted.has(key) || (rule.type !== 'text' && rule.type !== 'address')) continue;
      if (upperCaseRatio(field.value) >= CAPITALS_SHARE) continue;
      field.value = betterProperNameRuns(field.value, allLines) ?? field.value;
    }
    // A value read from the title opens with one of the type's titles, a closed list: its marks come from there.
    for (const [key, rule] of Object.entries(type.fields)) {
      const field = fields[key];
      if (rule.anchor !== 'title' || !field || trusted.has(key)) continue;
      field.value = withTitleMarks(field.value, type.titles);
    }
    // Place names are a closed list: a listed unit or street printed with other marks takes the listed ones.
    for (const [key, rule] of Object.entries(type.fields)) {
      const field = fields[key];
      if (!field || trusted.has(key) || (rule.type !== 'text' && rule.type !== 'address')) continue;
      const restored = restorePlaceNames(field.value, places);
      field.value = restored.value;
      if (restored.ambiguous.length > 0)
        problems.push(`${key}: place name read ${restored.ambiguous.join(', ')} matches several listed places`);
    }
    // Text keeps its administrative phrases: a mark slipped on one is restored from the pack's phrases.
    for (const [key, rule] of Object.entries(type.fields)) {
      const field = fields[key];
      if (!field || trusted.has(key) || (rule.type !== 'text' && rule.type !== 'address')) continue;
      field.value = restorePhrases(field.value, effective).value;
    }
    // A document number's symbol is made of known abbreviations: an Đ read as D is put back ("QD-UBND").
    for (const [key, rule] of Object.entries(type.fields)) {
      const field = fields[key];
      if (rule.type === 'code' && field && !trusted.has(key))
        field.value = restoreCodeSymbols(field.value, effective).value;
    }
    problems.push(...crossCheck(type, fields, trusted));
    problems.push(...plausibilityProblems(type, fields, words, trusted, effective.settings, dossier));
    const confidence = round(span.head.score);
    const review = routeForReview({ type, confidence, fields, problems, settings: effective.settings });
    return {
      type: type.code,
      pages: [span.first, span.last] as [number, number],
      confidence,
      status: review.status,
      reasons: review.reasons,
      fields,
    };
  });
}

/** The words of `value` that fold to the longest of `titles` it opens with, printed as the title is. */
export function withTitleMarks(value: string, titles: readonly string[]): string {
  const words = value.split(' ');
  const key = foldKey(value);
  const title = titles
    .filter((t) => key === foldKey(t) || key.startsWith(`${foldKey(t)} `))
    .sort((a, b) => b.length - a.length)[0];
  if (!title) return value;
  const printed = title.split(' ');
  // Only when the words line up one to one (no glued or split word) and the case agrees.
  if (printed.some((w, i) => foldKey(w) !== foldKey(words[i] ?? ''))) return value;
  const upper = value === value.toUpperCase();
  return [...printed.map((w) => (upper ? w.toUpperCase() : w)), ...words.slice(printed.length)].join(' ');
}
