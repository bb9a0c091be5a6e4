// What the repository would store for a new recognition run, predicted without writing: re-recognition compares it
// with what is stored to skip unchanged sources and to report exactly the changes a write would make.
import type { BBox, ComponentResult } from '../../pipeline/page-model.js';
import type { FieldState } from '../../schemas/warehouse.schema.js';
import { findHome, matchComponents } from './component-matching.js';

/** Reason given to a component that a re-run no longer finds but that carries human-confirmed fields. */
export const KEPT_FOR_CONFIRMED_REASON = 'not found by the latest recognition run; kept for its confirmed fields';

/** A stored field as re-recognition reads it (the evidence box is kept, never compared). */
export interface StoredFieldState {
  value: string;
  confidence: number;
  page: number;
  bbox?: BBox | null;
  state: FieldState;
}

/** A stored component as re-recognition reads it: with its searchable PDF's key. */
export interface StoredComponentState {
  id: string;
  type: string;
  pages: [number, number];
  confidence: number;
  status: ComponentResult['status'];
  reasons: string[];
  pdfKey: string | null;
  fields: Record<string, StoredFieldState>;
}

/** A component as stored, without ids and keys: what is compared. */
export interface ComponentOutcome {
  type: string;
  pages: [number, number];
  confidence: number;
  status: ComponentResult['status'];
  reasons: string[];
  fields: Record<string, { value: string; confidence: number; page: number }>;
}

const identity = (c: { type: string; pages: [number, number] }) => ({
  type: c.type,
  firstPage: c.pages[0],
  lastPage: c.pages[1],
});

const plain = (f: { value: string; confidence: number; page: number }) => ({
  value: f.value,
  confidence: f.confidence,
  page: f.page,
});

/**
 * Mirrors the repository's write: components with the same type and range keep their id and confirmed fields;
 * confirmed fields of dropped components move to the new component of the same type holding their page, or keep
 * their component (needs review) when there is none. `next` has the component corrections applied already.
 */
export function predictStoredComponents(stored: StoredComponentState[], next: ComponentResult[]): ComponentOutcome[] {
  const match = matchComponents(
    stored.map((c) => ({ id: c.id, ...identity(c) })),
    next.map(identity),
  );
  const byId = new Map(stored.map((c) => [c.id, c]));
  const outcome: ComponentOutcome[] = next.map((c, i) => {
    const fields: ComponentOutcome['fields'] = {};
    for (const [key, f] of Object.entries(c.fields)) fields[key] = { ...plain(f), value: f.value.normalize('NFC') };
    const previous = byId.get(match.reuse[i] ?? '');
    for (const [key, f] of Object.entries(previous?.fields ?? {})) if (f.state === 'confirmed') fields[key] = plain(f);
    return {
      type: c.type,
      pages: c.pages,
      confidence: c.confidence,
      status: c.status,
      reasons: c.reasons,
      fields,
    };
  });
  const homes = outcome.map((c, i) => ({ ...identity(c), i }));
  const confirmedKeys = outcome.map((_, i) => {
    const previous = byId.get(match.reuse[i] ?? '');
    return new Set(Object.entries(previous?.fields ?? {}).flatMap(([k, f]) => (f.state === 'confirmed' ? [k] : [])));
  });
  for (const id of match.unmatched) {
    const dropped = byId.get(id)!;
    const kept: ComponentOutcome['fields'] = {};
    for (const [key, f] of Object.entries(dropped.fields)) {
      if (f.state !== 'confirmed') continue;
      const home = findHome(homes, dropped.type, f.page);
      if (!home) kept[key] = plain(f);
      else if (!confirmedKeys[home.i]!.has(key)) {
        outcome[home.i]!.fields[key] = plain(f);
        confirmedKeys[home.i]!.add(key);
      }
    }
    if (Object.keys(kept).length === 0) continue;
    outcome.push({
      type: dropped.type,
      pages: dropped.pages,
      confidence: dropped.confidence,
      status: 'needs_review',
      reasons: [KEPT_FOR_CONFIRMED_REASON],
      fields: kept,
    });
  }
  return outcome;
}

/** Canonical text of a source's components: equal texts mean a write would change nothing. */
export function outcomeKey(components: ComponentOutcome[]): string {
  const sorted = [...components].sort(
    (a, b) => a.pages[0] - b.pages[0] || a.pages[1] - b.pages[1] || a.type.localeCompare(b.type),
  );
  return JSON.stringify(
    sorted.map((c) => [
      c.type,
      c.pages,
      c.status,
      c.reasons,
      c.confidence,
      Object.keys(c.fields)
        .sort()
        .map((k) => [k, c.fields[k]!.value, c.fields[k]!.confidence, c.fields[k]!.page]),
    ]),
  );
}
