// Tax codes (MST, domain.md §3.2): ten digits whose last is a check digit, a branch suffix "-001" after a hyphen.
// The check digit decides between readings: OCR glues stray digits to the code (a box border read as "1", the
// next field's number), splits it ("0100 109 106", one digit per box) and reads digits as look-alike letters.
import { fixDigitRun } from './digit-runs.js';
import { isValidTaxCode, repairByConfusion } from './validators.js';
import type { ParsedValue } from './value-parsers.js';

// Look-alike letters of digits (0/O/Q/D, 1/l/I, 5/S, 8/B, 2/Z, 6/G) count as digits only before no other letter,
// so a word after the code is not glued to it; a group of them with no digit at either end of the run is dropped.
const LOOK_ALIKE = 'OoQDIlSBZG';
const TAX_DIGIT = String.raw`(?:\d|[${LOOK_ALIKE}](?![^\P{L}${LOOK_ALIKE}]))`;
// Plain ("0100109106"), grouped ("0100 109 106"), one digit per box ("0 1 0 0 …", "|0|1|0|…"), and a branch
// suffix after a hyphen or a dash OCR read for one ("-001", "–001").
const TAX_RUN = new RegExp(
  String.raw`(?<![\p{L}\d])${TAX_DIGIT}(?:${TAX_DIGIT}|[ .|]{1,3}(?=${TAX_DIGIT}))*(?:\s*[-–—‐]\s*(${TAX_DIGIT}(?:[ |]?${TAX_DIGIT}){2})(?![\d]))?`,
  'gu',
);
const LOOK_ALIKE_RE = new RegExp(`[${LOOK_ALIKE}]`);

/** Groups of a run split at its spaces, dots and bars, with letter-only groups at either end dropped. */
function digitGroups(run: string): string[] {
  const groups = run.split(/[ .|]+/).filter(Boolean);
  while (groups.length > 0 && !/\d/.test(groups[0]!)) groups.shift();
  while (groups.length > 0 && !/\d/.test(groups[groups.length - 1]!)) groups.pop();
  return groups;
}

/**
 * Codes made of whole consecutive groups of a run longer than ten digits that check: the code printed apart from a
 * stray number before or after it ("0100109106 5", "2 0 1 0 0 1 0 9 1 0 6" with a box border read as a digit).
 * `boxed`: the code's own groups include single digits, so the spacing says little about where it ends.
 */
function groupAlignedCodes(groups: string[]): Array<{ code: string; boxed: boolean }> {
  const found = new Map<string, boolean>();
  for (let i = 0; i < groups.length; i++) {
    let digits = '';
    for (let j = i; j < groups.length && digits.length < 10; j++) {
      digits += groups[j];
      if (digits.length === 10 && (i > 0 || j < groups.length - 1) && isValidTaxCode(digits))
        found.set(
          digits,
          groups.slice(i, j + 1).some((g) => g.length === 1),
        );
    }
  }
  return [...found].map(([code, boxed]) => ({ code, boxed }));
}

/** Ten-digit codes that check left after dropping one digit of an eleven-digit read: a speck read as a digit. */
function oneDigitDropped(digits: string): string[] {
  const found = new Set<string>();
  for (let i = 0; i < digits.length; i++) {
    const code = digits.slice(0, i) + digits.slice(i + 1);
    if (isValidTaxCode(code)) found.add(code);
  }
  return [...found];
}

/** The first run that may hold a tax code: ten or more digits or look-alikes, at least half of them digits. */
function findRun(input: string): { main: string; raw: string; suffix?: string; lookAlike: boolean } | null {
  for (const r of input.matchAll(TAX_RUN)) {
    const mainText = r[1] ? r[0].slice(0, r[0].search(/\s*[-–—‐]/)) : r[0];
    const groups = digitGroups(mainText);
    const compact = groups.join('');
    const digits = (compact.match(/\d/g) ?? []).length;
    // Half of it digits, or ten digits between box borders read as letters.
    const boxed = digits >= 10 && /^[\dIl]+$/.test(compact);
    if (compact.length < 10 || (digits < compact.length * 0.5 && !boxed)) continue;
    const main = groups.map(fixDigitRun).join(' ');
    const suffix = r[1] ? fixDigitRun(r[1].replace(/[ |]/g, '')) : undefined;
    return { main, raw: compact, ...(suffix ? { suffix } : {}), lookAlike: LOOK_ALIKE_RE.test(compact) };
  }
  return null;
}

/** A reading that needs a look: the value and why. */
const forReview = (value: string, quality: number, note: string): ParsedValue => ({ value, quality, notes: [note] });

/** The code in a run of more than ten digits, where the spacing or the check digit points to one reading. */
function withoutExtraDigits(groups: string[], main: string, lookAlikeQuality: number): ParsedValue | null {
  // A code standing apart from a stray number: the spacing and the check digit agree on where it is.
  const aligned = groupAlignedCodes(groups);
  if (aligned.length === 1 && !aligned[0]!.boxed) return { value: aligned[0]!.code, quality: 0.8 * lookAlikeQuality };
  // One digit a box: a speck between boxes reads like one more digit, so the choice is a person's to confirm.
  const extra = `tax code read with extra digits (${main})`;
  if (aligned.length === 1) return forReview(aligned[0]!.code, 0.5, extra);
  if (main.length > 13) return null;
  // Digits glued after the code (a box of the form, the next item's number) or before it (a speck).
  const glued = [main.slice(0, 10), main.slice(-10)].find(isValidTaxCode);
  if (glued) return forReview(glued, 0.5, extra);
  const dropped = main.length === 11 ? oneDigitDropped(main) : [];
  if (dropped.length === 1) return forReview(dropped[0]!, 0.3, `tax code read with an extra digit (${main})`);
  // Several readings check: the one dropping the latest digit is offered (a border or the next box glued after
  // the code is likelier than a speck inside it), and a person chooses.
  if (dropped.length > 1)
    return forReview(
      dropped.at(-1)!,
      0.2,
      `tax code read with an extra digit (${main}); readings that check: ${dropped.join(', ')}`,
    );
  return null;
}

/** 10-digit or 10-3-digit tax code; an invalid check digit is repaired when one confusable digit explains it. */
export function parseTaxCode(input: string): ParsedValue | null {
  const run = findRun(input);
  if (!run) return null;
  const groups = run.main.split(' ');
  const main = groups.join('');
  const { suffix } = run;
  if (!/^\d+$/.test(main)) return null;
  const lookAlikeQuality = run.lookAlike ? 0.8 : 1;
  // The borders of a code printed one digit per box read as I or l between the digits ("0I1I0I0I…"): the digits
  // alone check where the reading of every border as a 1 does not.
  const unboxed = run.raw.replace(/[Il]/g, '');
  if (unboxed !== run.raw && /^\d{10}$/.test(unboxed) && isValidTaxCode(unboxed) && !isValidTaxCode(main))
    return forReview(suffix ? `${unboxed}-${suffix}` : unboxed, 0.5, `tax code read between box borders (${run.raw})`);
  // Thirteen digits with the first ten checking: a branch code whose hyphen OCR lost, for review.
  if (main.length === 13 && !suffix && isValidTaxCode(main.slice(0, 10)))
    return forReview(`${main.slice(0, 10)}-${main.slice(10)}`, 0.5, `tax code read without its hyphen (${main})`);
  if (main.length > 10) {
    const found = withoutExtraDigits(groups, main, lookAlikeQuality);
    return found && suffix ? { ...found, value: `${found.value}-${suffix}` } : found;
  }
  if (main.length !== 10) return null;
  const code = suffix ? `${main}-${suffix}` : main;
  if (isValidTaxCode(code)) return { value: code, quality: lookAlikeQuality };
  const fixes = repairByConfusion(main, isValidTaxCode);
  const result: ParsedValue = { value: code, quality: 0.3, notes: ['tax code check digit fails'] };
  if (fixes.length > 0) {
    const fixed = suffix ? `${fixes[0]}-${suffix}` : fixes[0]!;
    const q = lookAlikeQuality * (fixes.length === 1 ? 0.6 : 0.4);
    result.repair = {
      value: fixed,
      quality: q,
      note: `tax code check digit fails; read ${code}, corrected to ${fixed}`,
    };
  }
  return result;
}
