// Scores `sohoa digitize --json` output against generator ground truth (same shape).
import { sameVietnamese } from '../../pipeline/recognize/vietnamese-text.js';

export interface TruthSource {
  path: string;
  pageCount: number;
  pages: Array<{ number: number; rotation: number; textSource: string }>;
  components: Array<{ type: string; pages: [number, number]; fields: Record<string, { value: string }> }>;
}

export interface ResultSource {
  path: string;
  status: string;
  pages: Array<{ number: number; rotation: number; textSource: string }>;
  components: Array<{
    type: string;
    pages: [number, number];
    status: string;
    fields: Record<string, { value: string; confidence: number }>;
  }>;
}

export interface FieldTally {
  total: number;
  correct: number;
}

export interface Score {
  pages: { total: number; typeCorrect: number; rotationCorrect: number; rotationTotal: number };
  components: { total: number; exact: number; predicted: number };
  fields: { total: number; correct: number; byType: Record<string, FieldTally>; byKind: Record<string, FieldTally> };
  accepted: { fields: number; correct: number; totalPredicted: number };
  confusions: Record<string, number>;
  fieldErrors: FieldError[];
  /** Wrong values of components that were accepted: the errors review routing let through. */
  acceptedErrors: FieldError[];
}

export interface FieldError {
  path: string;
  type: string;
  key: string;
  expected: string;
  got: string | null;
}

function pageTypes(components: Array<{ type: string; pages: [number, number] }>, pageCount: number): string[] {
  const types = new Array<string>(pageCount).fill('khac');
  for (const c of components) for (let p = c.pages[0]; p <= c.pages[1]; p++) types[p - 1] = c.type;
  return types;
}

/** Catalog value type ("date", "money", …) of a component type's field; `unknown` when the catalog lacks it. */
export type FieldKind = (type: string, key: string) => string;

export function scoreRun(
  truth: TruthSource[],
  results: ResultSource[],
  focusTypes?: Set<string>,
  kindOf: FieldKind = () => 'unknown',
): Score {
  const byPath = new Map(results.map((r) => [r.path, r]));
  const score: Score = {
    pages: { total: 0, typeCorrect: 0, rotationCorrect: 0, rotationTotal: 0 },
    components: { total: 0, exact: 0, predicted: 0 },
    fields: { total: 0, correct: 0, byType: {}, byKind: {} },
    accepted: { fields: 0, correct: 0, totalPredicted: 0 },
    confusions: {},
    fieldErrors: [],
    acceptedErrors: [],
  };
  for (const t of truth) {
    const r = byPath.get(t.path);
    const got = r && r.status === 'done' ? r : null;
    const truthTypes = pageTypes(t.components, t.pageCount);
    const homes = new Set<ResultSource['components'][number]>();
    const gotTypes = got ? pageTypes(got.components, t.pageCount) : [];
    truthTypes.forEach((type, i) => {
      if (focusTypes && !focusTypes.has(type)) return;
      score.pages.total++;
      if (gotTypes[i] === type) score.pages.typeCorrect++;
      else {
        const key = `${type} -> ${gotTypes[i] ?? 'failed'}`;
        score.confusions[key] = (score.confusions[key] ?? 0) + 1;
      }
    });
    for (const tp of t.pages) {
      if (tp.textSource === 'blank') continue;
      score.pages.rotationTotal++;
      const gp = got?.pages.find((p) => p.number === tp.number);
      if (gp && gp.rotation === tp.rotation) score.pages.rotationCorrect++;
    }
    for (const tc of t.components) {
      if (focusTypes && !focusTypes.has(tc.type)) continue;
      score.components.total++;
      const match = got?.components.find(
        (c) => c.type === tc.type && c.pages[0] === tc.pages[0] && c.pages[1] === tc.pages[1],
      );
      if (match) score.components.exact++;
      // Fields are judged on the component of the same type that covers the truth's first page.
      const home = got?.components.find(
        (c) => c.type === tc.type && c.pages[0] <= tc.pages[0] && c.pages[1] >= tc.pages[0],
      );
      if (home) homes.add(home);
      const tally = score.fields.byType[tc.type] ?? { total: 0, correct: 0 };
      score.fields.byType[tc.type] = tally;
      for (const [key, expected] of Object.entries(tc.fields)) {
        const kind = kindOf(tc.type, key);
        const kindTally = score.fields.byKind[kind] ?? { total: 0, correct: 0 };
        score.fields.byKind[kind] = kindTally;
        tally.total++;
        kindTally.total++;
        score.fields.total++;
        const value = home?.fields[key]?.value ?? null;
        // Tone-mark placement (ủy/uỷ, hòa/hoà) is a spelling convention, not a different value.
        const right = value !== null && sameVietnamese(value, expected.value);
        if (right) {
          tally.correct++;
          kindTally.correct++;
          score.fields.correct++;
        } else {
          score.fieldErrors.push({ path: t.path, type: tc.type, key, expected: expected.value, got: value });
        }
        if (home && home.status === 'accepted' && value !== null) {
          score.accepted.fields++;
          if (right) score.accepted.correct++;
          else score.acceptedErrors.push({ path: t.path, type: tc.type, key, expected: expected.value, got: value });
        }
      }
      if (home) score.accepted.totalPredicted += Object.keys(home.fields).length;
      // An accepted value for a field the document does not carry is wrong too.
      if (home && home.status === 'accepted') {
        for (const [key, f] of Object.entries(home.fields)) {
          if (key in tc.fields) continue;
          score.accepted.fields++;
          score.acceptedErrors.push({ path: t.path, type: tc.type, key, expected: '(none)', got: f.value });
        }
      }
    }
    if (got) score.components.predicted += got.components.length;
    // An accepted component that is no document of the truth (a type invented over other pages): its values are wrong.
    for (const c of got?.components ?? []) {
      if (c.status !== 'accepted' || homes.has(c) || (focusTypes && !focusTypes.has(c.type))) continue;
      for (const [key, f] of Object.entries(c.fields)) {
        score.accepted.fields++;
        score.acceptedErrors.push({ path: t.path, type: c.type, key, expected: '(no such document)', got: f.value });
      }
    }
  }
  return score;
}

export const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
