import { describe, expect, it } from 'vitest';
import { findHome, matchComponents } from './component-matching.js';

describe('matchComponents', () => {
  it('reuses stored rows with the same type and page range, each at most once', () => {
    const stored = [
      { id: 's1', type: 'a', firstPage: 1, lastPage: 2 },
      { id: 's2', type: 'b', firstPage: 3, lastPage: 3 },
      { id: 's3', type: 'a', firstPage: 1, lastPage: 2 },
    ];
    const next = [
      { type: 'a', firstPage: 1, lastPage: 2 },
      { type: 'a', firstPage: 1, lastPage: 2 },
      { type: 'a', firstPage: 1, lastPage: 2 },
      { type: 'b', firstPage: 3, lastPage: 4 },
    ];
    expect(matchComponents(stored, next)).toEqual({ reuse: ['s1', 's3', null, null], unmatched: ['s2'] });
  });

  it('finds the new component of the same type covering a page', () => {
    const placed = [
      { id: 'n1', type: 'a', firstPage: 1, lastPage: 1 },
      { id: 'n2', type: 'b', firstPage: 2, lastPage: 4 },
    ];
    expect(findHome(placed, 'b', 3)?.id).toBe('n2');
    expect(findHome(placed, 'a', 3)).toBeNull();
  });
});
