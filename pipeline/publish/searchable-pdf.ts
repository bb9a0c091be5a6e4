// Builds a searchable PDF for one component: each page image drawn full-page with an invisible OCR text layer on top,
// so viewers can search and select text at the place where it appears on the scan.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import {
  beginText,
  concatTransformationMatrix,
  drawObject,
  endText,
  PDFDocument,
  type PDFFont,
  type PDFImage,
  type PDFName,
  type PDFOperator,
  type PDFPage,
  type PDFRef,
  popGraphicsState,
  pushGraphicsState,
  setCharacterSqueeze,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  TextRenderingMode,
} from 'pdf-lib';
import sharp from 'sharp';
import type { BBox, OcrLine, PageText } from '../page-model.js';

export interface SearchablePage {
  /** PNG or JPEG page image (any format sharp reads is accepted; non-JPEG is re-encoded). */
  image: Buffer;
  dpi: number;
  /** Boxes in pixels of that image (or of a space `text.width` x `text.height` scaled onto it). Null: image only. */
  text: PageText | null;
}

export interface SearchablePdfOptions {
  title?: string;
  subject?: string;
  /** Defaults to "sohoa". */
  producer?: string;
  /** JPEG quality used when a non-JPEG page image is re-encoded. Default 75. */
  jpegQuality?: number;
  /** Largest page image accepted, in pixels (A3 at 600 dpi is about 70 MP). Default 100 MP. */
  maxPagePixels?: number;
  /** Largest number of pages in one PDF; pdf-lib keeps every embedded image in memory until saving. Default 500. */
  maxPages?: number;
  /** TrueType font covering Vietnamese for the text layer. Default: DejaVu Sans from the dejavu-fonts-ttf package. */
  fontPath?: string;
}

export const SEARCHABLE_PDF_DEFAULTS = {
  producer: 'sohoa',
  jpegQuality: 75,
  maxPagePixels: 100_000_000,
  maxPages: 500,
} as const;

/** Font bytes and the vertical metrics the text layer needs, as fractions of the font size. */
interface TextFont {
  bytes: Uint8Array;
  ascent: number;
  /** Positive: depth below the baseline. */
  descent: number;
}

const fontCache = new Map<string, Promise<TextFont>>();

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type FontkitFont = ReturnType<Fontkit['create']>;
const parsedFonts = new WeakMap<Uint8Array, FontkitFont>();

/**
 * The font with a layout that maps each character to its glyph through the font's character map, without OpenType
 * shaping. The text layer is invisible and every word is stretched to its box, so ligatures and kerning change
 * nothing a reader sees, while shaping each word (fontkit walks every substitution and positioning lookup) made most
 * of the searchable PDF's cost and of the garbage the main thread's collector had to trace. Without ligatures, text
 * copied from the PDF keeps its letters ("fi" stays two glyphs).
 *
 * Each character gets a glyph of its own that names it: pdf-lib writes the PDF's text map (ToUnicode) from the
 * glyphs' code points, and fontkit's shared glyph objects lose theirs once a glyph was first met as part of another
 * (the "e" inside "ễ" while an earlier PDF was subset), which dropped those letters from the text of later PDFs.
 */
function withCharacterMapLayout(font: FontkitFont): FontkitFont {
  type Glyph = ReturnType<FontkitFont['glyphForCodePoint']>;
  const byCodePoint = new Map<number, Glyph>();
  const glyphOf = (codePoint: number): Glyph => {
    let glyph = byCodePoint.get(codePoint);
    if (!glyph) {
      glyph = Object.create(font.glyphForCodePoint(codePoint), { codePoints: { value: [codePoint] } }) as Glyph;
      byCodePoint.set(codePoint, glyph);
    }
    return glyph;
  };
  const layout = (text: string) => {
    const glyphs: Glyph[] = [];
    for (const ch of text) glyphs.push(glyphOf(ch.codePointAt(0) ?? 0));
    return { glyphs };
  };
  return Object.create(font, { layout: { value: layout } }) as FontkitFont;
}

/**
 * fontkit that parses each font once per process: pdf-lib asks for a fresh parse in every PDF, and the parse plus
 * glyph decoding, not the subsetting, was most of the cost of a component's PDF. Fonts are only read, never changed.
 */
const sharedFontkit: Fontkit = {
  create(data, postscriptName) {
    if (!(data instanceof Uint8Array) || postscriptName !== undefined) return fontkit.create(data, postscriptName);
    let font = parsedFonts.get(data);
    if (!font) {
      font = withCharacterMapLayout(fontkit.create(data));
      parsedFonts.set(data, font);
    }
    return font;
  },
};

/** Path of the default text-layer font; DejaVu Sans has every Vietnamese precomposed letter (U+1EA0–U+1EF9, ơ ư đ ă). */
export function defaultFontPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf');
}

/** Font bytes and metrics, read once per process per path. */
function loadFont(path: string): Promise<TextFont> {
  let font = fontCache.get(path);
  if (!font) {
    font = readFile(path).then(
      (b) => {
        // Own metrics: pdf-lib 1.17's heightAtSize subtracts the descent in font units from a height in 1/1000 em.
        const parsed = fontkit.create(b);
        const em = parsed.unitsPerEm;
        return { bytes: new Uint8Array(b), ascent: parsed.ascent / em, descent: Math.abs(parsed.descent) / em };
      },
      (err: unknown) => {
        fontCache.delete(path);
        throw new Error(`searchable PDF: cannot read the text-layer font ${path}: ${(err as Error).message}`);
      },
    );
    fontCache.set(path, font);
  }
  return font;
}

export async function buildSearchablePdf(
  pages: SearchablePage[],
  options: SearchablePdfOptions = {},
): Promise<Uint8Array> {
  const maxPages = options.maxPages ?? SEARCHABLE_PDF_DEFAULTS.maxPages;
  if (pages.length === 0) throw new Error('searchable PDF: no pages given');
  if (pages.length > maxPages) throw new Error(`searchable PDF: ${pages.length} pages exceed the limit of ${maxPages}`);

  const doc = await PDFDocument.create();
  doc.registerFontkit(sharedFontkit);
  doc.setProducer(options.producer ?? SEARCHABLE_PDF_DEFAULTS.producer);
  doc.setCreator(SEARCHABLE_PDF_DEFAULTS.producer);
  if (options.title) doc.setTitle(options.title, { showInWindowTitleBar: true });
  if (options.subject) doc.setSubject(options.subject);
  doc.setLanguage('vi-VN');

  // Embedded only if some page has words, so image-only PDFs carry no font.
  let font: EmbeddedFont | null = null;
  const fontFor = async (): Promise<EmbeddedFont> => {
    if (!font) {
      const loaded = await loadFont(options.fontPath ?? defaultFontPath());
      font = { ...loaded, pdf: await doc.embedFont(loaded.bytes, { subset: true }) };
    }
    return font;
  };

  for (const [i, page] of pages.entries()) {
    try {
      await addPage(doc, page, options, fontFor);
    } catch (err) {
      throw new Error(`searchable PDF: page ${i + 1}: ${(err as Error).message}`, { cause: err });
    }
  }
  return doc.save();
}

async function addPage(
  doc: PDFDocument,
  page: SearchablePage,
  options: SearchablePdfOptions,
  fontFor: () => Promise<EmbeddedFont>,
): Promise<void> {
  if (!Number.isFinite(page.dpi) || page.dpi <= 0) throw new Error(`invalid dpi ${page.dpi}`);
  const { image, width, height } = await embedPageImage(doc, page.image, options);
  const pageWidth = (width * 72) / page.dpi;
  const pageHeight = (height * 72) / page.dpi;
  const pdfPage = doc.addPage([pageWidth, pageHeight]);
  drawPageImage(pdfPage, image, pageWidth, pageHeight);

  const text = page.text;
  if (!text || text.width <= 0 || text.height <= 0 || !text.lines.some((l) => l.words.length > 0)) return;
  const font = await fontFor();
  const fontKey = pdfPage.node.newFontDictionary(font.pdf.name, font.pdf.ref);
  const ops = textLayerOperators(text, font, fontKey, {
    scaleX: pageWidth / text.width,
    scaleY: pageHeight / text.height,
    pageHeight,
  });
  pushOperators(pdfPage, ops);
}

/** In chunks: a dense page has thousands of operators, too many for one spread call's arguments. */
function pushOperators(page: PDFPage, ops: PDFOperator[], chunk = 2000): void {
  for (let i = 0; i < ops.length; i += chunk) page.pushOperators(...ops.slice(i, i + chunk));
}

type PageImage = { kind: 'image'; image: PDFImage } | { kind: 'xobject'; ref: PDFRef };

/**
 * JPEG goes in as is. Two-colour scans (1-bit PNG/TIFF) go in as 1-bit Flate images: JPEG would make them about eight
 * times larger. Anything else is re-encoded as JPEG (grey stays one channel) to keep the PDF small.
 */
async function embedPageImage(
  doc: PDFDocument,
  bytes: Buffer,
  options: SearchablePdfOptions,
): Promise<{ image: PageImage; width: number; height: number }> {
  const limitInputPixels = options.maxPagePixels ?? SEARCHABLE_PDF_DEFAULTS.maxPagePixels;
  // Header only: checked against the limit before any decoding.
  const meta = await sharp(bytes).metadata();
  const { width, height } = meta;
  if (!width || !height) throw new Error('page image has no size');
  if (width * height > limitInputPixels) {
    throw new Error(`page image ${width}x${height} exceeds the limit of ${limitInputPixels} pixels`);
  }
  // CMYK JPEGs embed badly (inverted in some viewers) and the PDF ignores EXIF orientation: re-encode those.
  if (meta.format === 'jpeg' && meta.space !== 'cmyk' && (meta.orientation ?? 1) === 1) {
    return { image: { kind: 'image', image: await doc.embedJpg(bytes) }, width, height };
  }
  // EXIF orientation applied here, as the PDF would ignore it; width and height are taken after it.
  const decode = () => sharp(bytes, { limitInputPixels, failOn: 'error' }).rotate().flatten({ background: '#ffffff' });
  if (meta.bitsPerSample === 1) {
    const { data, info } = await decode().toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    // Node's zlib rather than pdf-lib's JavaScript deflate: several times faster on a 300-dpi page.
    const stream = doc.context.stream(deflateSync(packBits(data, info.width, info.height, info.channels)), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: info.width,
      Height: info.height,
      ColorSpace: 'DeviceGray',
      BitsPerComponent: 1,
      Filter: 'FlateDecode',
    });
    return { image: { kind: 'xobject', ref: doc.context.register(stream) }, width: info.width, height: info.height };
  }
  // Grey scans stay one channel: a third of the bytes of RGB.
  const grey = meta.channels !== undefined && meta.channels <= 2;
  const { data, info } = await (grey ? decode().toColourspace('b-w') : decode())
    .jpeg({ quality: options.jpegQuality ?? SEARCHABLE_PDF_DEFAULTS.jpegQuality })
    .toBuffer({ resolveWithObject: true });
  return { image: { kind: 'image', image: await doc.embedJpg(data) }, width: info.width, height: info.height };
}

/** One bit per pixel, rows padded to a byte, 1 = white (DeviceGray), from 8-bit grey samples thresholded at half. */
export function packBits(grey: Uint8Array, width: number, height: number, channels = 1): Uint8Array {
  const rowBytes = Math.ceil(width / 8);
  const out = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    const row = y * width * channels;
    let byte = 0;
    for (let x = 0; x < width; x++) {
      if ((grey[row + x * channels] ?? 0) >= 128) byte |= 0x80 >> (x & 7);
      if ((x & 7) === 7 || x === width - 1) {
        out[y * rowBytes + (x >> 3)] = byte;
        byte = 0;
      }
    }
  }
  return out;
}

function drawPageImage(page: PDFPage, image: PageImage, width: number, height: number): void {
  if (image.kind === 'image') {
    page.drawImage(image.image, { x: 0, y: 0, width, height });
    return;
  }
  const name = page.node.newXObject('Image', image.ref);
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(width, 0, 0, height, 0, 0),
    drawObject(name),
    popGraphicsState(),
  );
}

interface EmbeddedFont extends TextFont {
  pdf: PDFFont;
}

interface Placement {
  scaleX: number;
  scaleY: number;
  pageHeight: number;
}

/**
 * Operators drawing every word invisibly (render mode 3) over its box: the font size makes the font's ascent-to-descent
 * span the line's height, and horizontal scaling (Tz) stretches the word's advance to its box width, so a viewer's
 * selection highlight covers the word on the scan. A scaled space fills the gap to the next word so copied text keeps
 * its spaces.
 */
function textLayerOperators(text: PageText, font: EmbeddedFont, fontKey: PDFName, at: Placement): PDFOperator[] {
  const ops: PDFOperator[] = [];
  const fullHeight = font.ascent + font.descent;
  const descent = font.descent;
  const spaceWidth = font.pdf.widthOfTextAtSize(' ', 1);
  const space = font.pdf.encodeText(' ');

  for (const line of text.lines) {
    const words = line.words
      .map((w) => ({ text: w.text.normalize('NFC').trim(), bbox: w.bbox }))
      .filter((w) => w.text.length > 0 && w.bbox.x1 > w.bbox.x0 && w.bbox.y1 > w.bbox.y0);
    if (words.length === 0) continue;
    const band = lineBand(line, words);
    const bandHeight = (band.y1 - band.y0) * at.scaleY;
    const size = bandHeight / fullHeight;
    if (!(size > 0)) continue;
    const baseline = at.pageHeight - band.y1 * at.scaleY + descent * size;

    ops.push(pushGraphicsState(), beginText(), setTextRenderingMode(TextRenderingMode.Invisible));
    ops.push(setFontAndSize(fontKey, size));
    for (const [i, word] of words.entries()) {
      const x0 = word.bbox.x0 * at.scaleX;
      const boxWidth = (word.bbox.x1 - word.bbox.x0) * at.scaleX;
      const advance = font.pdf.widthOfTextAtSize(word.text, size);
      ops.push(setTextMatrix(1, 0, 0, 1, x0, baseline));
      ops.push(setCharacterSqueeze(advance > 0 ? (100 * boxWidth) / advance : 100));
      ops.push(showText(font.pdf.encodeText(word.text)));
      const next = words[i + 1];
      if (next) {
        // After the word the pen sits at its box's right edge; a space scaled to the gap ends at the next word.
        const gap = next.bbox.x0 * at.scaleX - (x0 + boxWidth);
        if (gap > 0) {
          ops.push(setCharacterSqueeze((100 * gap) / (spaceWidth * size)));
          ops.push(showText(space));
        }
      }
    }
    ops.push(endText(), popGraphicsState());
  }
  return ops;
}

/** Vertical extent shared by a line's words: the line box when it has one, else the union of the word boxes. */
function lineBand(line: OcrLine, words: { bbox: BBox }[]): { y0: number; y1: number } {
  if (line.bbox.y1 > line.bbox.y0) return { y0: line.bbox.y0, y1: line.bbox.y1 };
  return {
    y0: Math.min(...words.map((w) => w.bbox.y0)),
    y1: Math.max(...words.map((w) => w.bbox.y1)),
  };
}
