/**
 * Object key rules shared by every adapter, so a key valid for one store is valid for all.
 * Keys are NFC-normalised: a name typed on macOS (NFD) and on Windows (NFC) addresses the same object.
 */
export class InvalidObjectKeyError extends Error {
  constructor(
    readonly key: string,
    readonly reason: string,
  ) {
    super(`invalid object key ${JSON.stringify(key)}: ${reason}`);
    this.name = 'InvalidObjectKeyError';
  }
}

/** S3 caps keys at 1024 UTF-8 bytes; the same cap keeps fs paths well below PATH_MAX. */
export const MAX_KEY_BYTES = 1024;

function segmentProblem(segment: string): string | null {
  if (segment === '') return 'empty path segment';
  if (segment === '.' || segment === '..') return `"${segment}" segment`;
  // Leading dots are reserved: the fs adapter keeps temp files and metadata in dot-names.
  if (segment.startsWith('.')) return 'segment starts with "."';
  return null;
}

function commonProblem(value: string): string | null {
  if (value.includes('\\')) return 'backslash';
  if (value.includes('\0')) return 'NUL character';
  if (value.startsWith('/')) return 'absolute path';
  if (/^[A-Za-z]:/.test(value)) return 'drive letter';
  if (Buffer.byteLength(value, 'utf8') > MAX_KEY_BYTES) return `longer than ${MAX_KEY_BYTES} bytes`;
  return null;
}

/** Validates a key and returns its NFC form; throws InvalidObjectKeyError naming the reason. */
export function normalizeObjectKey(key: string): string {
  if (typeof key !== 'string' || key.length === 0) throw new InvalidObjectKeyError(String(key), 'empty key');
  const nfc = key.normalize('NFC');
  const problem =
    commonProblem(nfc) ??
    nfc
      .split('/')
      .map(segmentProblem)
      .find((p) => p !== null) ??
    null;
  if (problem) throw new InvalidObjectKeyError(key, problem);
  return nfc;
}

/**
 * Validates a list prefix: '' (everything), a directory-like prefix ending in '/', or a partial last segment.
 * Every complete segment follows the key rules.
 */
export function normalizeObjectPrefix(prefix: string): string {
  if (prefix === '') return '';
  const nfc = prefix.normalize('NFC');
  const segments = nfc.split('/');
  const last = segments.pop() ?? '';
  const problem =
    commonProblem(nfc) ??
    segments.map(segmentProblem).find((p) => p !== null) ??
    (last !== '' ? segmentProblem(last) : null);
  if (problem) throw new InvalidObjectKeyError(prefix, problem);
  return nfc;
}

/** Lexical order of keys as S3 defines it: by UTF-8 bytes (differs from JS string order for astral characters). */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
