export type SourceKind = 'pdf' | 'jpeg' | 'png' | 'webp' | 'tiff';

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  return sig.every((b, i) => bytes[at + i] === b);
}

function ascii(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0));
}

/** The kind of a source, judged by its content (magic bytes), never by its file name. */
export function sniffSourceKind(bytes: Uint8Array): SourceKind | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  // BigTIFF
  if (startsWith(bytes, [0x49, 0x49, 0x2b, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2b])) return 'tiff';
  // PDF readers accept a header anywhere in the first KiB (some files carry junk before it).
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  return null;
}

const OTHER_SIGNATURES: [string, (b: Uint8Array) => boolean][] = [
  ['a GIF image', (b) => startsWith(b, ascii('GIF8'))],
  ['a BMP image', (b) => startsWith(b, ascii('BM')) && b.length > 26],
  [
    'a JPEG 2000 image',
    (b) => startsWith(b, [0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20]) || startsWith(b, [0xff, 0x4f, 0xff, 0x51]),
  ],
  [
    'a HEIF/HEIC image',
    (b) =>
      startsWith(b, ascii('ftyp'), 4) &&
      /^(heic|heix|mif1|msf1|heim|heis|avif)/.test(Buffer.from(b.subarray(8, 12)).toString('latin1')),
  ],
  ['a ZIP archive (or DOCX/ODT/XLSX document)', (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04])],
  ['an OLE2 document (old Word/Excel)', (b) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])],
  ['a gzip archive', (b) => startsWith(b, [0x1f, 0x8b])],
  ['a RAR archive', (b) => startsWith(b, ascii('Rar!'))],
  ['a 7z archive', (b) => startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])],
  ['an SVG image', (b) => /<svg[\s>]/i.test(Buffer.from(b.subarray(0, 2048)).toString('latin1'))],
  [
    'an HTML/XML document',
    (b) => /^\s*(<!doctype html|<html|<\?xml)/i.test(Buffer.from(b.subarray(0, 512)).toString('latin1')),
  ],
];

/** A short description of what unsupported content looks like, for error messages. */
export function describeContent(bytes: Uint8Array): string {
  for (const [name, test] of OTHER_SIGNATURES) if (test(bytes)) return name;
  const sample = bytes.subarray(0, 4096);
  const text = Buffer.from(sample).toString('utf8');
  if (!text.includes('\uFFFD') && !/[\x00-\x08\x0e-\x1f]/.test(text)) {
    const trimmed = text.trimStart();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) return 'JSON or other plain text';
    return 'plain text';
  }
  const hex = Buffer.from(bytes.subarray(0, 8)).toString('hex');
  return `unknown binary data (starts with ${hex})`;
}
