// The procedure catalog: national codes in the national format, local ones marked provincial, every component type
// from the public catalog, and a province's own file loaded in place of the bundled one.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadComponentCatalog } from '../../service/component-catalog.js';
import { loadProcedureCatalog, parseProcedureCatalog } from '../../service/procedures/procedure-catalog.js';

const codes = loadComponentCatalog().codes;
const entry = { name: 'Thủ tục thử', field: 'Hộ tịch', processingWorkingDays: 3, required: ['can_cuoc'], optional: [] };

describe('procedure catalog', () => {
  it('ships the issue procedures with national codes, or marked provincial', () => {
    const list = loadProcedureCatalog(codes).list();
    for (const p of list) {
      if (p.codeScope === 'national') expect(p.code).toMatch(/^\d\.\d{6}$/);
      else expect(p.code).not.toMatch(/^\d\.\d{6}$/);
    }
    const byName = (text: RegExp) => list.find((p) => text.test(p.name));
    expect(byName(/^Đăng ký khai sinh$/)?.code).toBe('1.001193');
    expect(byName(/^Đăng ký kết hôn$/)?.code).toBe('1.000894');
    expect(byName(/xác nhận tình trạng hôn nhân/)?.code).toBe('1.004873');
    expect(byName(/thành lập hộ kinh doanh/)?.code).toBe('1.001612');
    expect(byName(/biến động/)?.codeScope).toBe('national');
    expect(byName(/lần đầu/)?.codeScope).toBe('provincial');
  });

  it('refuses a national entry with a code outside the national format, and unknown component types', () => {
    expect(() => parseProcedureCatalog({ procedures: [{ ...entry, code: 'HT-01' }] }, codes)).toThrow(
      /HT-01 is not a national procedure code/,
    );
    expect(
      parseProcedureCatalog({ procedures: [{ ...entry, code: 'HT-01', codeScope: 'provincial' }] }, codes).get('HT-01')
        ?.codeScope,
    ).toBe('provincial');
    expect(() =>
      parseProcedureCatalog({ procedures: [{ ...entry, code: '1.000001', required: ['so_do'] }] }, codes),
    ).toThrow(/"so_do"/);
    expect(() =>
      parseProcedureCatalog({ procedures: [{ ...entry, code: '1.000001', processingWorkingDays: '3' }] }, codes),
    ).toThrow(/\/procedures\/0\/processingWorkingDays/);
    expect(() => parseProcedureCatalog({ procedures: [{ ...entry, code: '1.000001', fee: 0 }] }, codes)).toThrow(
      /procedure catalog/,
    );
  });

  it("loads a province's own catalog file", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sohoa-procedures-'));
    try {
      const file = join(dir, 'procedures.json');
      await writeFile(file, JSON.stringify({ procedures: [{ ...entry, code: '1.004227' }] }));
      expect(
        loadProcedureCatalog(codes, file)
          .list()
          .map((p) => p.code),
      ).toEqual(['1.004227']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
