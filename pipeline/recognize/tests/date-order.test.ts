import { describe, expect, it } from 'vitest';
import type { FieldResult } from '../../page-model.js';
import { dateOrderProblems, daysBetween } from '../date-order.js';
import { loadRulePack } from '../index.js';

const pack = loadRulePack();
const receipt = pack.byCode.get('phieu_tiep_nhan_ho_so')!;
const death = pack.byCode.get('trich_luc_khai_tu')!;

const date = (value: string): FieldResult => ({ value, raw: value, confidence: 0.9, page: 1, bbox: null });

describe('date order', () => {
  it('counts whole days between ISO dates', () => {
    expect(daysBetween('2023-12-30', '2024-01-02')).toBe(3);
    expect(daysBetween('2024-01-02', '2023-12-30')).toBe(-3);
    expect(daysBetween('2024-01-02', 'not a date')).toBeNull();
  });

  it('accepts an appointment within the time limit after the receipt', () => {
    expect(dateOrderProblems(receipt, { ngay_nhan: date('2023-05-10'), ngay_hen_tra: date('2023-06-02') })).toEqual([]);
  });

  it('sends a year misread by one digit to review: too far after, or before', () => {
    const far = dateOrderProblems(receipt, { ngay_nhan: date('2023-05-10'), ngay_hen_tra: date('2025-06-02') });
    expect(far).toHaveLength(1);
    expect(far[0]).toMatch(/ngay_hen_tra .* more than 120/);
    expect(dateOrderProblems(death, { ngay_sinh: date('1958-03-01'), ngay_chet: date('1938-03-01') })[0]).toMatch(
      /ngay_chet .* is before ngay_sinh/,
    );
  });

  it('checks nothing when either date is missing', () => {
    expect(dateOrderProblems(receipt, { ngay_hen_tra: date('2025-06-02') })).toEqual([]);
  });
});
