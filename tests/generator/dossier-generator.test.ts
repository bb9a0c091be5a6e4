import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../pipeline/package-root.js';
import { BUILDERS } from '../../scripts/generator/documents/registry.js';
import { generate, type Truth } from '../../scripts/generator/generate.js';
import { isValidTaxCode, personalIdProblem } from '../../scripts/generator/identity-numbers.js';
import { moneyToWords, numberToWords, wordsToNumber } from '../../scripts/generator/number-words.js';
import { PROVINCE_CODES } from '../../scripts/generator/vn-data.js';

interface Catalog {
  valueTypes: Record<string, string>;
  components: { code: string; fields: Record<string, { type: string }> }[];
}

const catalog = JSON.parse(readFileSync(join(packageRoot(), 'schemas', 'catalog.json'), 'utf8')) as Catalog;
const fieldTypes = new Map(
  catalog.components.map((c) => [c.code, new Map(Object.entries(c.fields).map(([k, f]) => [k, f.type]))]),
);

const FORMAT_CHECKS: Record<string, RegExp> = {
  date: /^\d{4}-\d{2}-\d{2}$/,
  id_number: /^(\d{12}|\d{9})$/,
  tax_code: /^\d{10}(-\d{3})?$/,
  money: /^[1-9]\d*$/,
  area: /^\d+(\.\d+)?$/,
  sex: /^(Nam|Nữ)$/,
};

describe('number words', () => {
  it.each([0, 5, 15, 21, 105, 1005, 2_050_000, 1_500_000, 37_500_000_000, 1_000_000_000_000, 987_654_321])(
    'round-trips %i',
    (n) => {
      expect(wordsToNumber(numberToWords(n))).toBe(n);
    },
  );
  it('reads the conventional forms', () => {
    expect(numberToWords(1005)).toBe('một nghìn không trăm linh năm');
    expect(numberToWords(25)).toBe('hai mươi lăm');
    expect(numberToWords(21)).toBe('hai mươi mốt');
    expect(moneyToWords(1_500_000, { even: true })).toBe('Một triệu năm trăm nghìn đồng chẵn');
  });
});

describe('tax codes', () => {
  it('accepts published codes and rejects a changed digit', () => {
    for (const c of ['0100109106', '0100684378', '0300588569']) expect(isValidTaxCode(c)).toBe(true);
    expect(isValidTaxCode('0100109107')).toBe(false);
  });
});

describe('generated set', () => {
  let dir = '';
  let truth: Truth;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sohoa-gen-'));
    truth = await generate({
      outDir: dir,
      seed: 11,
      pages: 12,
      formats: ['pdf', 'jpeg', 'png', 'tiff'],
      limits: { rotatedShare: 0.3, maxSkewDeg: 3, dpis: [150] },
    });
  }, 120_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('has a builder for every catalog type', () => {
    expect(Object.keys(BUILDERS).sort()).toEqual(catalog.components.map((c) => c.code).sort());
  });

  it('writes every file named in truth.json with the right page count', async () => {
    expect(JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'))).toEqual(truth);
    expect(truth.sources.length).toBeGreaterThan(3);
    for (const s of truth.sources) {
      const file = join(dir, s.path);
      expect(existsSync(file), s.path).toBe(true);
      expect(statSync(file).size).toBeGreaterThan(1000);
      expect(s.pages.map((p) => p.number)).toEqual(Array.from({ length: s.pageCount }, (_, i) => i + 1));
      if (s.path.endsWith('.pdf'))
        expect((await PDFDocument.load(readFileSync(file))).getPageCount()).toBe(s.pageCount);
      else expect((await sharp(file).metadata()).pages ?? 1).toBe(s.pageCount);
    }
    expect(truth.sources.some((s) => s.pages.some((p) => p.textSource === 'text-layer'))).toBe(true);
  });

  it('uses catalog types and field keys with values in the normalised formats', () => {
    for (const s of truth.sources) {
      for (const c of s.components) {
        const types = fieldTypes.get(c.type);
        expect(types, c.type).toBeDefined();
        expect(c.pages[0]).toBeGreaterThanOrEqual(1);
        expect(c.pages[1]).toBeLessThanOrEqual(s.pageCount);
        for (const [key, { value }] of Object.entries(c.fields)) {
          const type = types?.get(key);
          expect(type, `${c.type}.${key}`).toBeDefined();
          expect(value, `${c.type}.${key}`).toBe(value.normalize('NFC').replace(/\s+/g, ' ').trim());
          const re = FORMAT_CHECKS[type as string];
          if (re) expect(value, `${c.type}.${key}`).toMatch(re);
          if (type === 'person_name') expect(value).toBe(value.toLocaleUpperCase('vi'));
          if (type === 'tax_code') expect(isValidTaxCode(value), value).toBe(true);
          if (type === 'id_number' && value.length === 12)
            expect(PROVINCE_CODES.has(value.slice(1, 3)), value).toBe(true);
        }
        // ID numbers agree with the birth date printed beside them.
        const id = c.fields.so_dinh_danh?.value;
        const birth = c.fields.ngay_sinh?.value;
        const sex = c.fields.gioi_tinh?.value;
        if (id?.length === 12 && birth && (sex === 'Nam' || sex === 'Nữ'))
          expect(personalIdProblem(id, birth, sex, PROVINCE_CODES)).toBeNull();
        const words = c.fields.so_tien_bang_chu?.value;
        const amount = c.fields.so_tien?.value ?? c.fields.tong_tien_thanh_toan?.value;
        if (words && amount) expect(wordsToNumber(words)).toBe(Number(amount));
      }
    }
  });

  it('is deterministic for a seed', async () => {
    const again = await mkdtemp(join(tmpdir(), 'sohoa-gen-'));
    try {
      const second = await generate({
        outDir: again,
        seed: 11,
        pages: 12,
        formats: ['pdf', 'jpeg', 'png', 'tiff'],
        limits: { rotatedShare: 0.3, maxSkewDeg: 3, dpis: [150] },
      });
      expect(second).toEqual(truth);
      const first = truth.sources[0]?.path as string;
      expect(readFileSync(join(again, first)).equals(readFileSync(join(dir, first)))).toBe(true);
    } finally {
      await rm(again, { recursive: true, force: true });
    }
  }, 120_000);
});
