import { describe, expect, it } from 'vitest';
import { catalogCoverage, formatCatalog } from '../cli/catalog-command.js';

describe('sohoa catalog', () => {
  it('covers every catalog type and field with the running rule pack', () => {
    const coverage = catalogCoverage();
    expect(coverage.missingTypes).toEqual([]);
    expect(coverage.types.length).toBeGreaterThanOrEqual(25);
    for (const t of coverage.types) expect(t.missingFields, t.code).toEqual([]);
    const text = formatCatalog(coverage);
    expect(text).toContain(`rule pack ${coverage.rulePackVersion}`);
    expect(text).toMatch(/can_cuoc .*\n\s+so_dinh_danh \*/);
  });
});
