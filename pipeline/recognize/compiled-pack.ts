// Folded forms of every phrase in a rule pack, computed once per pack rather than once per page: folding and
// regular expressions over the pack's ~1,000 phrases dominated recognition time when redone for each page.
import { type CompiledLabel, compileLabels, type LabelSpec } from './label-match.js';
import { type PlaceIndex, placeIndex } from './place-names.js';
import type { RulePack, TypeRule } from './rule-pack.js';
import { canonicalTones, foldKey } from './vietnamese-text.js';

/** A phrase folded for containment tests: `spaced` is " key " (whole words), `bare` has no spaces. */
export interface FoldedPhrase {
  text: string;
  key: string;
  spaced: string;
  bare: string;
}

export interface WeightedPhrase extends FoldedPhrase {
  weight: number;
}

export interface CompiledTitle extends FoldedPhrase {
  /** Number of words of the folded title. */
  words: number;
}

export interface CompiledType {
  rule: TypeRule;
  titles: CompiledTitle[];
  keywords: WeightedPhrase[];
  negative: WeightedPhrase[];
  continuation: FoldedPhrase[];
  /** "Số: 12/QĐ-UBND": the symbol after a number on a folded "so …" line. */
  symbols: RegExp[];
  /** Field labels plus the pack's stop labels. */
  labels: CompiledLabel[];
  /** Party block starts. */
  blockLabels: CompiledLabel[];
  /** Folded labels used by more than one field: they only count inside the field's block. */
  shared: Set<string>;
}

export interface CompiledPack {
  types: CompiledType[];
  byCode: ReadonlyMap<string, CompiledType>;
  motto: FoldedPhrase[];
  notTitles: FoldedPhrase[];
  continuation: FoldedPhrase[];
  mottoLabels: CompiledLabel[];
  /** Listed place names by folded form. */
  places: PlaceIndex;
  /** The pack's `wrapAfter` words, lower case with canonical tones: no value ends on one. */
  openEndings: Set<string>;
}

/** Owner of the pack's stop labels in compiled label lists. */
export const STOP_OWNER = '#stop';

/** A word lower case with canonical tone placement, for comparisons that keep its marks. */
export const toneKey = (word: string): string => canonicalTones(word.normalize('NFC').toLowerCase());

export function foldPhrase(text: string): FoldedPhrase {
  const key = foldKey(text);
  return { text, key, spaced: ` ${key} `, bare: key.replace(/ /g, '') };
}

/** A folded page or line prepared for `containsPhrase`. */
export interface FoldedHaystack {
  spaced: string;
  bare: string;
}

export function foldHaystack(key: string): FoldedHaystack {
  return { spaced: ` ${key} `, bare: key.replace(/ /g, '') };
}

/** Whole-word containment; OCR splits and glues words, so specific (long) phrases also match without spaces. */
export function containsPhrase(hay: FoldedHaystack, needle: FoldedPhrase): boolean {
  if (!needle.key) return false;
  // A whole-word hit is also a hit without spaces, so long phrases need only the second test.
  if (needle.key.length >= 8) return hay.bare.includes(needle.bare);
  return hay.spaced.includes(needle.spaced);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function sharedLabels(type: TypeRule): Set<string> {
  const count = new Map<string, number>();
  for (const f of Object.values(type.fields)) {
    for (const k of new Set(f.labels.map(foldKey))) count.set(k, (count.get(k) ?? 0) + 1);
  }
  return new Set([...count].filter(([, n]) => n > 1).map(([k]) => k));
}

function compileType(t: TypeRule, pack: RulePack): CompiledType {
  const specs: LabelSpec[] = [];
  for (const [key, f] of Object.entries(t.fields)) {
    for (const label of f.labels) specs.push({ owner: key, label, colonOptional: f.colonOptional });
  }
  for (const label of pack.settings.stopLabels) specs.push({ owner: STOP_OWNER, label, colonOptional: false });
  return {
    rule: t,
    titles: t.titles.map((title) => {
      const f = foldPhrase(title);
      return { ...f, words: f.key.split(' ').length };
    }),
    keywords: t.keywords.map((k) => ({ ...foldPhrase(k.text), weight: k.weight })),
    negative: t.negative.map((k) => ({ ...foldPhrase(k.text), weight: k.weight })),
    continuation: t.continuation.map(foldPhrase),
    symbols: t.symbols.map((s) => new RegExp(`\\d+ ${escapeRegExp(foldKey(s))}(?: |$)`)),
    labels: compileLabels(specs),
    blockLabels: compileLabels(
      t.blocks.flatMap((b) => b.starts.map((s) => ({ owner: b.name, label: s, colonOptional: true }))),
    ),
    shared: sharedLabels(t),
  };
}

// Keyed by the pack's type map, which option overrides (thresholds) keep: the phrases are the same.
const cache = new WeakMap<object, CompiledPack>();

export function compilePack(pack: RulePack): CompiledPack {
  const hit = cache.get(pack.byCode);
  if (hit) return hit;
  const types = pack.types.map((t) => compileType(t, pack));
  const compiled: CompiledPack = {
    types,
    byCode: new Map(types.map((t) => [t.rule.code, t])),
    motto: pack.settings.motto.map(foldPhrase),
    notTitles: pack.settings.notTitles.map(foldPhrase),
    continuation: pack.settings.continuation.map(foldPhrase),
    mottoLabels: compileLabels(pack.settings.motto.map((m) => ({ owner: 'motto', label: m, colonOptional: true }))),
    places: placeIndex(pack.places),
    openEndings: new Set(pack.settings.wrapAfter.map(toneKey)),
  };
  cache.set(pack.byCode, compiled);
  return compiled;
}
