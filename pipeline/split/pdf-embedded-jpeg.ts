// The scan inside a PDF page, taken as the JPEG bytes the scanner wrote. pdf.js decodes every image of a page in
// JavaScript before anything can be asked about it (about half a second per 300-dpi scan); a page drawn as one
// upright JPEG and nothing else needs no decoding here at all: sharp decodes the stream during preprocessing.
// Anything less plain (rotated pages, text, vector marks, masks, CMYK, other filters) returns null and is left to
// pdf.js, which handles every case.
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRawStream,
  PDFRef,
} from 'pdf-lib';
import sharp from 'sharp';
import type { SourceLimits } from './limits.js';
import type { PageImage } from './opened-source.js';

type Matrix = [number, number, number, number, number, number];

const name = (n: string) => PDFName.of(n);

/** PDF matrix product m1 × m2 (m1 applied first). */
function concat(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[1] * m2[2],
    m1[0] * m2[1] + m1[1] * m2[3],
    m1[2] * m2[0] + m1[3] * m2[2],
    m1[2] * m2[1] + m1[3] * m2[3],
    m1[4] * m2[0] + m1[5] * m2[2] + m2[4],
    m1[4] * m2[1] + m1[5] * m2[3] + m2[5],
  ];
}

/**
 * The one image a content stream paints, with its matrix, when the stream holds nothing but q/Q/cm/Do;
 * null for anything else (text, paths, inline images, several images).
 */
export function singleImagePlacement(content: string): { name: string; matrix: Matrix } | null {
  const tokens = content.match(/\/[^\s/[\]()<>{}%]+|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'"*]+|\S/g) ?? [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const operands: string[] = [];
  let placed: { name: string; matrix: Matrix } | null = null;
  for (const token of tokens) {
    if (token.startsWith('/') || /^[-+]?[\d.]/.test(token)) {
      operands.push(token);
      continue;
    }
    switch (token) {
      case 'q':
        stack.push(ctm);
        break;
      case 'Q':
        ctm = stack.pop() ?? ctm;
        break;
      case 'cm': {
        const m = operands.slice(-6).map(Number);
        if (m.length !== 6 || m.some((v) => !Number.isFinite(v))) return null;
        ctm = concat(m as Matrix, ctm);
        break;
      }
      case 'Do': {
        const xobject = operands.at(-1);
        if (placed || !xobject?.startsWith('/')) return null;
        placed = { name: xobject.slice(1), matrix: ctm };
        break;
      }
      default:
        return null;
    }
    operands.length = 0;
  }
  return placed;
}

function contentOf(doc: PDFDocument, contents: PDFObject | undefined): string | null {
  const parts: PDFObject[] = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  let text = '';
  for (const part of parts) {
    const stream = part instanceof PDFRef ? doc.context.lookup(part) : part;
    if (!(stream instanceof PDFRawStream)) return null;
    text += `${Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1')}\n`;
  }
  return text;
}

const GREY_OR_RGB = new Set(['DeviceGray', 'DeviceRGB']);

function plainColourSpace(value: PDFObject | undefined): boolean {
  if (value instanceof PDFName) return GREY_OR_RGB.has(value.decodeText());
  // [/ICCBased stream] with 1 or 3 components: sharp reads the JPEG's own colour data the same way.
  if (value instanceof PDFArray && value.size() === 2 && value.lookup(0) === name('ICCBased')) {
    const profile = value.lookup(1);
    const n = profile instanceof PDFRawStream ? profile.dict.lookup(name('N')) : undefined;
    return n instanceof PDFNumber && (n.asNumber() === 1 || n.asNumber() === 3);
  }
  return false;
}

/** The JPEG stream of an image XObject drawn as is (8-bit grey or RGB, no mask, no decode array), else null. */
function plainJpeg(stream: PDFObject | undefined): { bytes: Uint8Array; width: number } | null {
  if (!(stream instanceof PDFRawStream)) return null;
  const dict = stream.dict;
  if (dict.lookup(name('Subtype')) !== name('Image')) return null;
  const filter = dict.lookup(name('Filter'));
  const filters = filter instanceof PDFArray ? filter.asArray() : [filter];
  if (filters.length !== 1 || filters[0] !== name('DCTDecode')) return null;
  for (const key of ['SMask', 'Mask', 'Decode', 'ImageMask', 'DecodeParms']) {
    if (dict.has(name(key))) return null;
  }
  const bits = dict.lookup(name('BitsPerComponent'));
  if (!(bits instanceof PDFNumber) || bits.asNumber() !== 8) return null;
  if (!plainColourSpace(dict.lookup(name('ColorSpace')))) return null;
  const width = dict.lookup(name('Width'));
  if (!(width instanceof PDFNumber)) return null;
  return { bytes: stream.contents, width: width.asNumber() };
}

/**
 * Page `n` (1-based) as its embedded JPEG, when the page is exactly one upright JPEG covering at least
 * `minCoverage` of the crop box; null when pdf.js must interpret the page.
 */
export async function embeddedPageJpeg(
  doc: PDFDocument,
  n: number,
  limits: SourceLimits,
  minCoverage = 0.95,
): Promise<PageImage | null> {
  const page = doc.getPage(n - 1);
  if (page.getRotation().angle % 360 !== 0) return null;
  const content = contentOf(doc, page.node.Contents());
  const placement = content === null ? null : singleImagePlacement(content);
  if (!placement) return null;
  const [a, b, c, d, e, f] = placement.matrix;
  if (b !== 0 || c !== 0 || a <= 0 || d <= 0) return null;
  const box = page.getCropBox();
  const w = Math.max(0, Math.min(box.x + box.width, e + a) - Math.max(box.x, e));
  const h = Math.max(0, Math.min(box.y + box.height, f + d) - Math.max(box.y, f));
  if ((w * h) / (box.width * box.height) < minCoverage) return null;

  const xobjects = page.node.Resources()?.lookup(name('XObject'));
  if (!(xobjects instanceof PDFDict)) return null;
  const jpeg = plainJpeg(xobjects.lookup(name(placement.name)));
  if (!jpeg) return null;
  const data = Buffer.from(jpeg.bytes.buffer, jpeg.bytes.byteOffset, jpeg.bytes.byteLength);
  const meta = await sharp(data, { limitInputPixels: false })
    .metadata()
    .catch(() => null);
  // The stream must be what its dictionary says, with nothing for a decoder to reinterpret (EXIF turns, CMYK).
  if (meta?.format !== 'jpeg' || meta.width !== jpeg.width || !meta.height) return null;
  if ((meta.orientation ?? 1) !== 1 || (meta.space !== 'b-w' && meta.space !== 'srgb')) return null;
  if (meta.width * meta.height > limits.maxPixels) return null;
  const dpi = Math.round(((meta.width * 72) / a) * 10) / 10;
  return { data, dpi };
}

/** The PDF parsed for embedded-scan extraction; null when pdf-lib cannot read it (encrypted, damaged): pdf.js will. */
export async function loadEmbeddedImageReader(bytes: Uint8Array): Promise<PDFDocument | null> {
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
    return doc.isEncrypted ? null : doc;
  } catch {
    return null;
  }
}
