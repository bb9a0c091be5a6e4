// OCR reads digits as look-alike letters (0/O, 1/l/I, 5/S, 8/B). Repairs apply only inside runs that are
// mostly digits, never to words (domain.md §5.4).

const LETTER_TO_DIGIT: Record<string, string> = {
  O: '0',
  o: '0',
  Q: '0',
  D: '0',
  l: '1',
  I: '1',
  i: '1',
  '|': '1',
  S: '5',
  s: '5',
  B: '8',
  Z: '2',
  z: '2',
  G: '6',
};

/** Replaces look-alike letters by digits in a token. */
export function fixDigitRun(token: string): string {
  return token.replace(/[OoQDlIi|SsBZzG]/g, (c) => LETTER_TO_DIGIT[c] ?? c);
}

/** True when a token is mostly digits, so letters in it are probably misread digits. */
export function looksNumeric(token: string, minDigitShare = 0.6): boolean {
  const compact = token.replace(/[\s.]/g, '');
  if (compact.length === 0) return false;
  const digits = (compact.match(/\d/g) ?? []).length;
  return digits / compact.length >= minDigitShare && /^[\dOoQDlIi|SsBZzG]+$/.test(compact);
}

/** Digit pairs OCR confuses on printed numbers, used to look for a valid neighbour of an invalid number. */
export const DIGIT_CONFUSIONS: Record<string, string[]> = {
  '0': ['8', '6', '9'],
  '8': ['0', '3', '6', '9'],
  '1': ['7', '4'],
  '7': ['1'],
  '3': ['8'],
  '5': ['6', '3'],
  '6': ['5', '8', '0'],
  '9': ['0', '8'],
  '4': ['1'],
  '2': ['7'],
};

/** Every number one confusable substitution away, in position order. */
export function confusableNeighbours(digits: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < digits.length; i++) {
    for (const alt of DIGIT_CONFUSIONS[digits[i]!] ?? []) out.push(digits.slice(0, i) + alt + digits.slice(i + 1));
  }
  return out;
}
