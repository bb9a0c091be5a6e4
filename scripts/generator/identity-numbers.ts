// Personal ID numbers and tax codes built to the published rules, so generated values pass the project's validators.
import type { Rng } from './prng.js';

export type Sex = 'Nam' | 'Nữ';

/** Century+sex digit: 0/1 for 1900s, 2/3 for 2000s, ... (even = male). */
export function centurySexDigit(birthYear: number, sex: Sex): number {
  const century = Math.floor(birthYear / 100) - 19;
  if (century < 0 || century > 4) throw new Error(`centurySexDigit: birth year out of range: ${birthYear}`);
  return century * 2 + (sex === 'Nữ' ? 1 : 0);
}

/** 12-digit số định danh: "0" + 2-digit GSO province code of the birth registration, G, YY, 6 random digits. */
export function makePersonalId(rng: Rng, provinceCode: string, birthYear: number, sex: Sex): string {
  if (!/^\d{2}$/.test(provinceCode)) throw new Error(`makePersonalId: province code must be 2 digits: ${provinceCode}`);
  const yy = String(birthYear % 100).padStart(2, '0');
  return `0${provinceCode}${centurySexDigit(birthYear, sex)}${yy}${rng.digits(6)}`;
}

/** Checks a 12-digit ID against a birth date (ISO) and sex; returns the reason it fails, or null. */
export function personalIdProblem(
  id: string,
  birthDateIso: string,
  sex: Sex,
  knownProvinceCodes: Set<string>,
): string | null {
  if (!/^\d{12}$/.test(id)) return 'not 12 digits';
  if (!knownProvinceCodes.has(id.slice(1, 3)) || id[0] !== '0') return `unknown province prefix ${id.slice(0, 3)}`;
  const year = Number(birthDateIso.slice(0, 4));
  if (Number(id[3]) !== centurySexDigit(year, sex)) return `century/sex digit ${id[3]} disagrees with ${year} ${sex}`;
  if (id.slice(4, 6) !== String(year % 100).padStart(2, '0'))
    return `year digits ${id.slice(4, 6)} disagree with ${year}`;
  return null;
}

const TAX_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/** Check digit N10 of a tax code from its first 9 digits, or null when no valid digit exists (remainder 0). */
export function taxCheckDigit(first9: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (TAX_WEIGHTS[i] as number);
  const digit = 10 - (sum % 11);
  return digit === 10 || digit === 11 ? null : digit;
}

export function isValidTaxCode(code: string): boolean {
  const m = /^(\d{10})(?:-(\d{3}))?$/.exec(code);
  if (!m) return false;
  const main = m[1] as string;
  return taxCheckDigit(main.slice(0, 9)) === Number(main[9]);
}

/** A 10-digit tax code with a valid check digit; `prefix` is the 2-digit range (e.g. "01" Hà Nội, "03" TP.HCM). */
export function makeTaxCode(rng: Rng, prefix: string, branch = false): string {
  for (;;) {
    const first9 = prefix + rng.digits(7);
    const check = taxCheckDigit(first9);
    if (check === null) continue;
    const code = first9 + String(check);
    return branch ? `${code}-${String(rng.int(1, 20)).padStart(3, '0')}` : code;
  }
}
