import { describe, expect, it } from 'vitest';
import { compareVersions, parseDateBound, SelectionError, selectionFilter } from './reprocess-selection.js';

const context = { runningRulePack: '2026.11.4', storedRulePacks: ['2026.9.1', '2026.10.12', '2026.11.4', 'bench-old'] };

describe('re-processing selection', () => {
  it('refuses an empty selection', () => {
    expect(() => selectionFilter({}, context)).toThrow(SelectionError);
    expect(selectionFilter({ all: true }, context)).toEqual({ status: 'done' });
  });

  it('orders rule-pack versions by their numeric parts', () => {
    expect(compareVersions('2026.9.1', '2026.10.12')).toBe(-1);
    expect(compareVersions('2026.11.4', '2026.11.4')).toBe(0);
    expect(compareVersions('2026.11.4.1', '2026.11.4')).toBe(1);
  });

  it('turns version ranges into the stored versions they cover', () => {
    expect(selectionFilter({ rulePackBefore: '2026.11' }, context).rulePackVersions).toEqual([
      '2026.9.1',
      '2026.10.12',
    ]);
    expect(selectionFilter({ rulePack: '2026.9.1' }, context).rulePackVersions).toEqual(['2026.9.1']);
    expect(selectionFilter({ rulePack: '1.0' }, context).rulePackVersions).toEqual([]);
    expect(selectionFilter({ stale: true, needsReview: true, type: 'can_cuoc' }, context)).toEqual({
      status: 'done',
      notRulePackVersion: '2026.11.4',
      needsReview: true,
      componentType: 'can_cuoc',
    });
  });

  it('reads days in Vietnam time, --until inclusive, on received or processed time', () => {
    expect(parseDateBound('2026-11-26', '--since', false).toISOString()).toBe('2026-11-25T17:00:00.000Z');
    const filter = selectionFilter({ since: '2026-11-01', until: '2026-11-30' }, context);
    expect(filter.receivedFrom?.toISOString()).toBe('2026-10-31T17:00:00.000Z');
    expect(filter.receivedTo?.toISOString()).toBe('2026-11-30T17:00:00.000Z');
    const processed = selectionFilter({ since: '2026-11-26T08:00:00Z', dateOf: 'processed' }, context);
    expect(processed.processedFrom?.toISOString()).toBe('2026-11-26T08:00:00.000Z');
    expect(processed.receivedFrom).toBeUndefined();
    expect(() => selectionFilter({ since: '2026-02-30' }, context)).toThrow(/--since 2026-02-30/);
    expect(() => selectionFilter({ since: '2026-12-01', until: '2026-11-01' }, context)).toThrow(/not before/);
  });

  it('selects an import run by its id and refuses anything else', () => {
    const id = '0b9f4c2e-5d7a-4e21-9a3b-6f1c2d3e4a5b';
    expect(selectionFilter({ run: id }, context)).toEqual({ status: 'done', runId: id });
    expect(() => selectionFilter({ run: 'last' }, context)).toThrow(/--run takes a run id/);
  });
});
