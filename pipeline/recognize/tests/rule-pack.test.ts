import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../package-root.js';
import { loadRulePack, RulePackError } from '../index.js';

interface CatalogComponent {
  code: string;
  titles: string[];
  fields: Record<string, { type: string; labels: string[] }>;
}
const catalog = JSON.parse(readFileSync(join(packageRoot(), 'schemas', 'catalog.json'), 'utf8')) as {
  components: CatalogComponent[];
};
const rulesDir = join(packageRoot(), 'pipeline', 'recognize', 'rules');

describe('rule pack', () => {
  const pack = loadRulePack();

  it('has a version', () => {
    expect(pack.version).toMatch(/^\d{4}\.\d+\.\d+$/);
  });

  it('covers every catalog type and field with the catalog value type, titles and labels', () => {
    const missing: string[] = [];
    for (const c of catalog.components) {
      const t = pack.byCode.get(c.code);
      if (!t) {
        missing.push(c.code);
        continue;
      }
      for (const title of c.titles) if (!t.titles.includes(title)) missing.push(`${c.code} title ${title}`);
      for (const [key, f] of Object.entries(c.fields)) {
        const r = t.fields[key];
        if (!r) missing.push(`${c.code}.${key}`);
        else {
          if (r.type !== f.type) missing.push(`${c.code}.${key} type ${r.type} != ${f.type}`);
          for (const l of f.labels) if (!r.labels.includes(l)) missing.push(`${c.code}.${key} label ${l}`);
        }
      }
      // No invented field keys: the catalog is the public contract.
      for (const key of Object.keys(t.fields)) if (!c.fields[key]) missing.push(`${c.code}.${key} not in catalog`);
    }
    for (const t of pack.types) if (!catalog.components.some((c) => c.code === t.code)) missing.push(`extra ${t.code}`);
    expect(missing).toEqual([]);
  });

  it('names key fields for every recognisable type', () => {
    const without = pack.types.filter((t) => t.code !== 'khac' && t.keyFields.length === 0).map((t) => t.code);
    expect(without).toEqual([]);
  });

  describe('bad files', () => {
    const dirs: string[] = [];
    afterAll(() => {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    });
    const copy = () => {
      const d = mkdtempSync(join(tmpdir(), 'rules-'));
      dirs.push(d);
      cpSync(rulesDir, d, { recursive: true });
      return d;
    };

    it('fails with the file name and the reason for an unknown value type', () => {
      const d = copy();
      const file = join(d, 'can_cuoc.json');
      const data = JSON.parse(readFileSync(file, 'utf8'));
      data.fields.ho_ten.type = 'name';
      writeFileSync(file, JSON.stringify(data));
      expect(() => loadRulePack(d)).toThrow(RulePackError);
      expect(() => loadRulePack(d)).toThrow(/can_cuoc\.json: fields\.ho_ten\.type/);
    });

    it('fails on a key field that does not exist, broken JSON and a code/file mismatch', () => {
      const d = copy();
      const file = join(d, 'quyet_dinh.json');
      const data = JSON.parse(readFileSync(file, 'utf8'));
      data.keyFields = ['so_cong_van'];
      writeFileSync(file, JSON.stringify(data));
      expect(() => loadRulePack(d)).toThrow(/quyet_dinh\.json: .*keyField so_cong_van/);
      writeFileSync(file, '{ not json');
      expect(() => loadRulePack(d)).toThrow(/quyet_dinh\.json: cannot read JSON/);
      data.keyFields = [];
      data.code = 'cong_van';
      writeFileSync(file, JSON.stringify(data));
      expect(() => loadRulePack(d)).toThrow(/quyet_dinh\.json: code "cong_van" does not match/);
    });

    it('fails on an invalid pattern', () => {
      const d = copy();
      const file = join(d, 'gcn_quyen_su_dung_dat.json');
      const data = JSON.parse(readFileSync(file, 'utf8'));
      data.fields.so_phat_hanh.pattern = '([A-Z';
      writeFileSync(file, JSON.stringify(data));
      expect(() => loadRulePack(d)).toThrow(/gcn_quyen_su_dung_dat\.json: fields\.so_phat_hanh\.pattern: not a valid/);
    });

    it('adding a label variant is a data change', () => {
      const d = copy();
      const file = join(d, 'can_cuoc.json');
      const data = JSON.parse(readFileSync(file, 'utf8'));
      data.fields.ho_ten.labels.push('Tên đầy đủ');
      writeFileSync(file, JSON.stringify(data));
      expect(loadRulePack(d).byCode.get('can_cuoc')?.fields.ho_ten?.labels).toContain('Tên đầy đủ');
    });
  });
});
