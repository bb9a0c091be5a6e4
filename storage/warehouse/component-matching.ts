// Decides which stored components a new recognition run updates in place, so their ids (and the human-confirmed
// fields hanging off them) survive re-runs.

export interface ComponentIdentity {
  type: string;
  firstPage: number;
  lastPage: number;
}

export interface ComponentMatch {
  /** For each new component (same order), the stored id it replaces, or null for a new row. */
  reuse: Array<string | null>;
  /** Stored ids no new component took. */
  unmatched: string[];
}

/** Pairs components with the same type and page range; each stored component is used at most once. */
export function matchComponents(
  stored: Array<ComponentIdentity & { id: string }>,
  next: ComponentIdentity[],
): ComponentMatch {
  const free = new Map<string, string[]>();
  for (const c of stored) {
    const k = identityKey(c);
    free.set(k, [...(free.get(k) ?? []), c.id]);
  }
  const reuse = next.map((c) => free.get(identityKey(c))?.shift() ?? null);
  return { reuse, unmatched: [...free.values()].flat() };
}

/** The new component of the same type whose page range holds `page`, for re-homing a confirmed field. */
export function findHome<T extends ComponentIdentity>(candidates: T[], type: string, page: number): T | null {
  return candidates.find((c) => c.type === type && c.firstPage <= page && page <= c.lastPage) ?? null;
}

function identityKey(c: ComponentIdentity): string {
  return `${c.type}\u0000${c.firstPage}\u0000${c.lastPage}`;
}
