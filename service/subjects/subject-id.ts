import { checkPersonalId, isValidTaxCode } from '../../pipeline/recognize/index.js';

export type SubjectKind = 'citizen' | 'organisation';

export type SubjectCheck = { ok: true; id: string; kind: SubjectKind } | { ok: false; reason: string };

/**
 * A subject is a citizen by 12-digit personal ID (province or country prefix checked) or an organisation by tax
 * code (10 digits with check digit, or 13 as NNNNNNNNNN-NNN; stored without the hyphen as the warehouse does).
 */
export function checkSubjectId(input: string): SubjectCheck {
  const id = input.trim();
  if (/^\d{12}$/.test(id)) {
    const check = checkPersonalId(id);
    return check.valid ? { ok: true, id, kind: 'citizen' } : { ok: false, reason: check.problems.join('; ') };
  }
  const tax = /^(\d{10})-?(\d{3})?$/.exec(id);
  if (tax) {
    const formatted = tax[2] ? `${tax[1]}-${tax[2]}` : tax[1]!;
    return isValidTaxCode(formatted)
      ? { ok: true, id: id.replace('-', ''), kind: 'organisation' }
      : { ok: false, reason: `tax code ${id} fails its check digit` };
  }
  return {
    ok: false,
    reason: 'expected a 12-digit personal ID number or a tax code (10 digits, or 13 as NNNNNNNNNN-NNN)',
  };
}
