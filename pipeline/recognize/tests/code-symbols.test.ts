import { describe, expect, it } from 'vitest';
import type { RecognizablePage } from '../../page-model.js';
import { restoreCodeSymbols } from '../code-symbols.js';
import { loadRulePack, pageFromLines, recognize } from '../index.js';
import { QUYET_DINH } from './sample-documents.js';

const pack = loadRulePack();

describe('document number symbols', () => {
  it('puts back an Đ read as D in a known abbreviation of the symbol', () => {
    expect(restoreCodeSymbols('1234/QD-UBND', pack).value).toBe('1234/QĐ-UBND');
    expect(restoreCodeSymbols('56/NQ-HDND', pack).value).toBe('56/NQ-HĐND');
    expect(restoreCodeSymbols('1234/QD-UBND', pack).restored).toEqual(['QD -> QĐ']);
  });

  it('leaves parts that are abbreviations as read, ambiguous or unknown', () => {
    // "HD" (hướng dẫn) and "HĐ" (hợp đồng) are both symbols; "XYZ" is none.
    expect(restoreCodeSymbols('12/HD-UBND', pack).value).toBe('12/HD-UBND');
    expect(restoreCodeSymbols('12/XYZ-UBND', pack).value).toBe('12/XYZ-UBND');
    expect(restoreCodeSymbols('12/QĐ-UBND', pack).restored).toEqual([]);
    expect(restoreCodeSymbols('12/Qd-UBND', pack).value).toBe('12/Qd-UBND');
  });

  it('restores the decision number of a recognised decision', () => {
    const damaged = QUYET_DINH.pages.map((p) => p.map((l) => l.replace('1234/QĐ-UBND', '1234/QD-UBND')));
    const pages: RecognizablePage[] = damaged.map((lines, i) => ({ number: i + 1, text: pageFromLines(lines) }));
    const [c] = recognize(pages, pack);
    expect(c!.fields.so_quyet_dinh?.value).toBe('1234/QĐ-UBND');
  });
});
