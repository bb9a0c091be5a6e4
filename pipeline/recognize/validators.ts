// Structural checks that feed confidence: personal ID (CCCD), tax code check digit (domain.md §3.1, §3.2, §3.8).
import { confusableNeighbours } from './digit-runs.js';

/** Personal-ID province prefixes: "0" + the 63 old GSO codes (they do not change with the 2025 merger). */
export const CCCD_PROVINCE_CODES: ReadonlySet<string> = new Set(
  [
    '01',
    '02',
    '04',
    '06',
    '08',
    '10',
    '11',
    '12',
    '14',
    '15',
    '17',
    '19',
    '20',
    '22',
    '24',
    '25',
    '26',
    '27',
    '30',
    '31',
    '33',
    '34',
    '35',
    '36',
    '37',
    '38',
    '40',
    '42',
    '44',
    '45',
    '46',
    '48',
    '49',
    '51',
    '52',
    '54',
    '56',
    '58',
    '60',
    '62',
    '64',
    '66',
    '67',
    '68',
    '70',
    '72',
    '74',
    '75',
    '77',
    '79',
    '80',
    '82',
    '83',
    '84',
    '86',
    '87',
    '89',
    '91',
    '92',
    '93',
    '94',
    '95',
    '96',
  ].map((c) => `0${c}`),
);

export interface IdCheck {
  valid: boolean;
  problems: string[];
}

/**
 * Checks a 12-digit personal ID: province (or 101–295 country) prefix, and when known the century/sex digit and
 * two-digit birth year against the printed date of birth and sex. 9-digit old CMND numbers have no checkable
 * structure and pass.
 */
export function checkPersonalId(id: string, context: { birthDate?: string; sex?: string } = {}): IdCheck {
  const problems: string[] = [];
  if (/^\d{9}$/.test(id)) return { valid: true, problems };
  if (!/^\d{12}$/.test(id)) return { valid: false, problems: ['not 12 or 9 digits'] };
  const prefix = id.slice(0, 3);
  const country = Number(prefix) >= 101 && Number(prefix) <= 295;
  if (!CCCD_PROVINCE_CODES.has(prefix) && !country) problems.push(`unknown province code ${prefix}`);
  const g = Number(id[3]);
  if (context.birthDate) {
    const year = Number(context.birthDate.slice(0, 4));
    const century = Math.floor(year / 100);
    if (Math.floor(g / 2) !== century - 19) problems.push(`century digit ${g} does not fit birth year ${year}`);
    if (id.slice(4, 6) !== String(year % 100).padStart(2, '0'))
      problems.push(`birth-year digits ${id.slice(4, 6)} do not fit ${year}`);
  }
  if (context.sex === 'Nam' && g % 2 !== 0) problems.push('sex digit says female, printed sex is Nam');
  if (context.sex === 'Nữ' && g % 2 !== 1) problems.push('sex digit says male, printed sex is Nữ');
  return { valid: problems.length === 0, problems };
}

const MST_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/** Tax code (MST) check digit: N10 = 10 − (Σ Ni·wi mod 11); remainder 0 (result 10) is invalid. */
export function isValidTaxCode(code: string): boolean {
  const m = /^(\d{10})(?:-(\d{3}))?$/.exec(code);
  if (!m) return false;
  const d = m[1]!;
  const sum = MST_WEIGHTS.reduce((acc, w, i) => acc + w * Number(d[i]), 0);
  const check = 10 - (sum % 11);
  return check !== 10 && check === Number(d[9]);
}

/**
 * When a number fails its check: the single confusable-digit substitutions (0/8, 1/7, …) that pass, most likely
 * confusion first. Several results mean the repair is ambiguous.
 */
export function repairByConfusion(digits: string, isValid: (candidate: string) => boolean): string[] {
  return [...new Set(confusableNeighbours(digits).filter(isValid))];
}
