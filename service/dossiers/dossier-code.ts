// Dossier code (TT 01/2018/TT-VPCP Đ19): <agency e-ID>-YYMMDD-XXXX, XXXX a daily sequence per agency of at least
// four digits (it may grow beyond four).

/** Agency e-ID (QCVN 102 / QĐ 20/2020): dot-separated groups ending in a letter + 2 digits, optional deeper groups. */
const AGENCY_CODE = /^(?:[0-9]{2,3}\.)*[A-Z][0-9]{2}(?:\.[0-9]{2,3})*$/;

export function checkAgencyCode(code: string): string | null {
  return AGENCY_CODE.test(code)
    ? null
    : `agency code "${code}" does not look like an e-ID such as 000.00.00.H49 or H56.14`;
}

/** YYMMDD of a Vietnam calendar date (YYYY-MM-DD). */
export function dossierDay(vietnamDate: string): string {
  return vietnamDate.slice(2, 4) + vietnamDate.slice(5, 7) + vietnamDate.slice(8, 10);
}

export function formatDossierCode(agencyCode: string, day: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`dossier sequence must be >= 1, got ${sequence}`);
  return `${agencyCode}-${day}-${String(sequence).padStart(4, '0')}`;
}

const DOSSIER_CODE = /^(.+)-(\d{6})-(\d{4,})$/;

export function parseDossierCode(code: string): { agencyCode: string; day: string; sequence: number } | null {
  const m = DOSSIER_CODE.exec(code);
  if (!m || checkAgencyCode(m[1]!) !== null) return null;
  return { agencyCode: m[1]!, day: m[2]!, sequence: Number(m[3]) };
}
