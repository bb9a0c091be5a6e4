import { describe, expect, it } from 'vitest';
import { CCCD_PROVINCE_CODES, checkPersonalId, isValidTaxCode, repairByConfusion } from '../index.js';

describe('personal ID structure', () => {
  it('knows the 63 province prefixes', () => {
    expect(CCCD_PROVINCE_CODES.size).toBe(63);
    expect(CCCD_PROVINCE_CODES.has('001')).toBe(true);
    expect(CCCD_PROVINCE_CODES.has('096')).toBe(true);
    expect(CCCD_PROVINCE_CODES.has('003')).toBe(false);
  });

  it('checks century/sex digit and birth year against the printed data', () => {
    expect(checkPersonalId('001089012345', { birthDate: '1989-10-15', sex: 'Nam' }).valid).toBe(true);
    expect(checkPersonalId('054315001234', { birthDate: '2015-01-05', sex: 'Nữ' }).valid).toBe(true);
    const wrongSex = checkPersonalId('001089012345', { sex: 'Nữ' });
    expect(wrongSex.valid).toBe(false);
    expect(wrongSex.problems.join()).toMatch(/sex/);
    expect(checkPersonalId('001089012345', { birthDate: '1990-01-01' }).valid).toBe(false);
    expect(checkPersonalId('003089012345').problems.join()).toMatch(/province/);
    // Births registered abroad use country codes 101–295.
    expect(checkPersonalId('175089012345').valid).toBe(true);
    expect(checkPersonalId('212345678').valid).toBe(true);
  });

  it('finds the valid confusable reading of an invalid ID', () => {
    // 0 read as 8 in the province code: 081 is not a province, 001 is.
    const ctx = { birthDate: '1989-10-15', sex: 'Nam' };
    expect(repairByConfusion('801089012345', (c) => checkPersonalId(c, ctx).valid)).toEqual(['001089012345']);
  });
});

describe('tax code check digit', () => {
  it.each(['0100109106', '0100684378', '0100112437', '0300588569', '0101245486', '0100109106-001'])(
    '%s is valid',
    (c) => {
      expect(isValidTaxCode(c)).toBe(true);
    },
  );
  it('rejects a wrong check digit and malformed codes', () => {
    expect(isValidTaxCode('0100109107')).toBe(false);
    expect(isValidTaxCode('010010910')).toBe(false);
    expect(isValidTaxCode('0100109106-01')).toBe(false);
  });
});
