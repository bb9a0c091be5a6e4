// A document number's symbol ("12/QĐ-UBND") is built from a closed set of abbreviations (NĐ 30/2020 Phụ lục III:
// document kinds, agencies). OCR reads Đ as D ("QD-UBND"): a part that folds to exactly one known abbreviation and
// is itself none is that abbreviation. "HD" (hướng dẫn) beside "HĐ" (hợp đồng) is left as read.
import type { RulePack } from './rule-pack.js';

const foldSymbol = (s: string) => s.normalize('NFC').replace(/đ/g, 'd').replace(/Đ/g, 'D').toUpperCase();

// Keyed by the pack's type map, which option overrides (thresholds) keep: recognize() copies the pack on every call.
const indexes = new WeakMap<object, { known: Set<string>; byFold: Map<string, Set<string>> }>();

function symbolIndex(pack: RulePack) {
  let index = indexes.get(pack.byCode);
  if (index) return index;
  const known = new Set(
    [
      ...pack.settings.plausibility.abbreviations,
      ...pack.settings.plausibility.documentSymbols,
      ...pack.types.flatMap((t) => t.symbols.flatMap((s) => s.split('-'))),
    ].map((s) => s.normalize('NFC')),
  );
  const byFold = new Map<string, Set<string>>();
  for (const s of known) {
    const key = foldSymbol(s);
    byFold.set(key, (byFold.get(key) ?? new Set()).add(s));
  }
  index = { known, byFold };
  indexes.set(pack.byCode, index);
  return index;
}

/** `value` with each letter part of its symbol printed as the one known abbreviation it folds to. */
export function restoreCodeSymbols(value: string, pack: RulePack): { value: string; restored: string[] } {
  const { known, byFold } = symbolIndex(pack);
  const restored: string[] = [];
  // Letter parts between the separators of a symbol; "Số" or words of a sentence never reach a code value.
  const out = value.replace(/(?<=^|[/\-.])[\p{L}]+(?=$|[/\-.])/gu, (part) => {
    if (known.has(part)) return part;
    const options = byFold.get(foldSymbol(part));
    if (options?.size !== 1) return part;
    const symbol = [...options][0]!;
    // Symbol parts are printed in capitals: a mixed-case part is no OCR loss of one.
    if (part !== part.toUpperCase()) return part;
    restored.push(`${part} -> ${symbol}`);
    return symbol;
  });
  return { value: out, restored };
}
