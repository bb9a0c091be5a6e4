import { describe, expect, it } from 'vitest';
import { loadRulePack, pageFromLines, recognize } from '../index.js';
import { parseTaxCode } from '../tax-code-parser.js';
import { DOANH_NGHIEP, type SampleDocument, TNCN } from './sample-documents.js';

// Real codes whose check digit is known good (domain.md §3.2): 0100109106, 0300588569, 0101245486.
describe('parseTaxCode with stray digits around the code', () => {
  it('takes the code apart from a stray number after or before it, where spacing and check digit agree', () => {
    expect(parseTaxCode('0100109106 5')).toMatchObject({ value: '0100109106', quality: 0.8 });
    expect(parseTaxCode('0100109106 5')?.notes).toBeUndefined();
    expect(parseTaxCode('4 0300588569')?.value).toBe('0300588569');
    expect(parseTaxCode('0100 109 106 7')?.value).toBe('0100109106');
  });

  it('drops a box border read as a digit before or after a code printed one digit per box, for review', () => {
    const before = parseTaxCode('1 0 1 0 0 1 0 9 1 0 6');
    expect(before?.value).toBe('0100109106');
    // Single-digit groups give no spacing evidence: another window could check by chance.
    expect(before?.notes?.join('')).toMatch(/extra digits/);
    expect(parseTaxCode('0 1 0 0 1 0 9 1 0 6 1')?.value).toBe('0100109106');
  });

  it('sends a speck glued before the code to review with the last ten digits', () => {
    const parsed = parseTaxCode('30100109106');
    expect(parsed?.value).toBe('0100109106');
    expect(parsed?.notes?.join('')).toMatch(/extra digits/);
  });

  it('drops one glued digit inside the code only when a single reading checks, for review', () => {
    const parsed = parseTaxCode('01001091066');
    expect(parsed?.value).toBe('0100109106');
    expect(parsed?.quality).toBeLessThan(0.6);
    // Two readings check: the one dropping the latest digit is offered, for review, with both in the note.
    const two = parseTaxCode('01001709106');
    expect(two?.value).toBe('0100109106');
    expect(two?.quality).toBeLessThan(0.3);
    expect(two?.notes?.join('')).toMatch(/readings that check: 0101709106, 0100109106/);
    // The branch suffix stays with the code.
    const branch = parseTaxCode('01001091066-001');
    expect(branch?.value).toBe('0100109106-001');
    expect(branch?.notes?.join('')).toMatch(/extra digit/);
  });
});

describe('parseTaxCode with look-alike letters', () => {
  it('reads S as 5, B as 8, Z as 2 and G as 6 inside the code', () => {
    expect(parseTaxCode('0300S88569')).toMatchObject({ value: '0300588569', quality: 0.8 });
    expect(parseTaxCode('03005B8569')?.value).toBe('0300588569');
    expect(parseTaxCode('01O124S486')?.value).toBe('0101245486');
  });

  it('reads the borders of one-digit boxes read as I or l as no digits when the digits alone check', () => {
    const parsed = parseTaxCode('I0I1I0I0I1I0I9I1I0I6I');
    expect(parsed?.value).toBe('0100109106');
    expect(parsed?.notes?.join('')).toMatch(/box borders/);
    // A 1 read as l inside a plain code stays a 1.
    expect(parseTaxCode('0l00l09l06')?.value).toBe('0100109106');
  });

  it('does not read a word after the code as digits', () => {
    expect(parseTaxCode('0100109106 Số ĐT: 0912')).toMatchObject({ value: '0100109106', quality: 1 });
    expect(parseTaxCode('0100109106 GIÁM ĐỐC')).toMatchObject({ value: '0100109106', quality: 1 });
    expect(parseTaxCode('0100109106 So')).toMatchObject({ value: '0100109106', quality: 1 });
  });

  it('finds no code in a short number or a word', () => {
    expect(parseTaxCode('SOBOOK')).toBeNull();
    expect(parseTaxCode('Điện thoại 0912')).toBeNull();
  });
});

describe('tax code fields in documents', () => {
  const pack = loadRulePack();
  const read = (doc: SampleDocument, lines: string[]) =>
    recognize([{ number: 1, text: pageFromLines(lines) }], pack).find((c) => c.type === doc.type)?.fields;
  const replace = (doc: SampleDocument, from: string, to: string[]) =>
    doc.pages[0]!.flatMap((l) => (l === from ? to : [l]));

  it('reads the business code under the "Mã số thuế" or "MST" label of a business certificate', () => {
    const line = 'Mã số doanh nghiệp: 0100112437';
    expect(read(DOANH_NGHIEP, replace(DOANH_NGHIEP, line, ['Mã số thuế: 0100112437']))?.ma_so_doanh_nghiep?.value).toBe(
      '0100112437',
    );
    expect(read(TNCN, replace(TNCN, '[05] Mã số thuế: 0100684378', ['MST: 0100684378']))?.ma_so_thue?.value).toBe(
      '0100684378',
    );
  });

  it('prefers a later reading that passes the check digit over one that fails it', () => {
    const lines = replace(DOANH_NGHIEP, 'Mã số doanh nghiệp: 0100112437', [
      'Mã số doanh nghiệp: 0100112433',
      'Đăng ký lần đầu: ngày 03 tháng 04 năm 2015',
      'Mã số thuế: 0100112437',
    ]);
    expect(read(DOANH_NGHIEP, lines)?.ma_so_doanh_nghiep?.value).toBe('0100112437');
  });

  it('keeps a reading that fails the check digit when no other reading passes, for review', () => {
    const lines = replace(TNCN, '[05] Mã số thuế: 0100684378', ['[05] Mã số thuế: 0100684377']);
    const component = recognize([{ number: 1, text: pageFromLines(lines) }], pack).find((c) => c.type === TNCN.type);
    // The first of the single-confusion repairs, and a look by a person.
    expect(component?.fields.ma_so_thue?.value).toBe('0100884377');
    expect(component?.status).toBe('needs_review');
  });
});
