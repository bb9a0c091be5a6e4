import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../package-root.js';
import type { ComponentResult } from '../../page-model.js';
import { dossierFindings, PERSON_FIELDS } from '../index.js';

function component(type: string, pages: [number, number], values: Record<string, string>): ComponentResult {
  const fields = Object.fromEntries(
    Object.entries(values).map(([k, value]) => [k, { value, raw: value, confidence: 0.9, page: pages[0], bbox: null }]),
  );
  return { type, pages, confidence: 0.9, status: 'accepted', reasons: [], fields };
}

const application = (id: string, name: string) =>
  component('don_to_khai', [1, 1], { tieu_de: 'TỜ KHAI', nguoi_yeu_cau: name, so_dinh_danh: id });
const card = (id: string, name: string, birth = '1990-05-12') =>
  component('can_cuoc', [2, 3], { so_dinh_danh: id, ho_ten: name, ngay_sinh: birth });
const certificate = (id: string, name: string, birth = '1990-05-12') =>
  component('xac_nhan_tinh_trang_hon_nhan', [4, 4], { so_dinh_danh: id, ho_ten: name, ngay_sinh: birth });

describe('dossierFindings', () => {
  it('finds nothing when application, card and certificate agree (case and tone placement aside)', () => {
    const findings = dossierFindings([
      application('079090001234', 'Nguyễn Thị Hoà'),
      card('079090001234', 'NGUYỄN THỊ HÒA'),
      certificate('079090001234', 'Nguyễn Thị Hòa'),
    ]);
    expect(findings).toEqual([]);
  });

  it('reports one ID number printed with two names, naming both components and fields', () => {
    const findings = dossierFindings([
      application('079090001234', 'Trần Văn Bình'),
      card('079090001234', 'TRẦN VĂN MINH'),
    ]);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f!.kind).toBe('name-mismatch');
    expect(f!.components).toEqual([
      { type: 'don_to_khai', pages: [1, 1] },
      { type: 'can_cuoc', pages: [2, 3] },
    ]);
    expect(f!.fields).toEqual(['nguoi_yeu_cau', 'ho_ten']);
    expect(f!.message).toContain('Trần Văn Bình');
    expect(f!.message).toContain('TRẦN VĂN MINH');
    expect(f!.message).not.toContain('diacritics');
  });

  it('says when two names differ only in diacritics', () => {
    const [f] = dossierFindings([application('079090001234', 'Lê Văn An'), card('079090001234', 'LÊ VĂN ÂN')]);
    expect(f!.kind).toBe('name-mismatch');
    expect(f!.message).toContain('diacritics');
  });

  it('reports the same person with two ID numbers, and a near-identical ID with the name missing', () => {
    const byName = dossierFindings([
      card('079090001234', 'PHẠM MINH TUẤN'),
      certificate('001190009999', 'Phạm Minh Tuấn'),
    ]);
    expect(byName.map((f) => [f.kind, f.fields])).toEqual([['id-mismatch', ['so_dinh_danh', 'so_dinh_danh']]]);
    expect(byName[0]!.message).toContain('079090001234');
    expect(byName[0]!.message).toContain('001190009999');
    const near = dossierFindings([
      card('079090001234', 'PHẠM MINH TUẤN'),
      component('phieu_tiep_nhan_ho_so', [5, 5], { so_dinh_danh: '079090001284' }),
    ]);
    expect(near.map((f) => f.kind)).toEqual(['id-mismatch']);
  });

  it('does not confuse two different people (different names and distant ID numbers)', () => {
    const findings = dossierFindings([
      component('giay_chung_nhan_ket_hon', [1, 1], {
        ho_ten_chong: 'Võ Văn Hải',
        so_dinh_danh_chong: '052088001111',
        ho_ten_vo: 'Đặng Thị Lan',
        so_dinh_danh_vo: '052190002222',
      }),
      card('052088001111', 'VÕ VĂN HẢI', '1988-02-03'),
      card('052190002222', 'ĐẶNG THỊ LAN', '1990-07-08'),
    ]);
    expect(findings).toEqual([]);
  });

  it('reports one ID number with two birth dates, with the role on a two-person certificate', () => {
    const findings = dossierFindings([
      component('giay_chung_nhan_ket_hon', [1, 1], {
        ho_ten_chong: 'Võ Văn Hải',
        ngay_sinh_chong: '1988-02-03',
        so_dinh_danh_chong: '052088001111',
      }),
      card('052088001111', 'VÕ VĂN HẢI', '1988-03-02'),
    ]);
    expect(findings.map((f) => f.kind)).toEqual(['birth-date-mismatch']);
    expect(findings[0]!.message).toContain('chồng');
    expect(findings[0]!.fields).toEqual(['ngay_sinh_chong', 'ngay_sinh']);
  });

  it('names only catalog fields of the right value types', () => {
    const catalog = JSON.parse(readFileSync(join(packageRoot(), 'schemas', 'catalog.json'), 'utf8')) as {
      components: Array<{ code: string; fields: Record<string, { type: string }> }>;
    };
    const byCode = new Map(catalog.components.map((c) => [c.code, c.fields]));
    for (const [code, groups] of Object.entries(PERSON_FIELDS)) {
      const fields = byCode.get(code);
      expect(fields, code).toBeDefined();
      for (const g of groups) {
        expect(fields![g.id]?.type, `${code}.${g.id}`).toBe('id_number');
        expect(fields![g.name]?.type, `${code}.${g.name}`).toBe('person_name');
        if (g.birthDate) expect(fields![g.birthDate]?.type, `${code}.${g.birthDate}`).toBe('date');
      }
    }
  });
});
