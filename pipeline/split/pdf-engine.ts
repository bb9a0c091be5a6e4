// PDF parsing, text extraction and page images with pdf.js. Runs inside the split worker thread (pdf-worker.ts),
// so a hostile file can only stall or crash that thread, never the caller.
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import sharp from 'sharp';
import type { PageText } from '../page-model.js';
import type { SourceLimits } from './limits.js';
import type { PageImage, TextLayerQuality } from './opened-source.js';
import { type FullPageImage, type PageOpsSummary, summarizePageOps } from './pdf-page-ops.js';
import { type TextRun, textRunsToPageText } from './pdf-text-layer.js';
import { limitError, SourceError } from './source-error.js';
import { judgeTextLayer } from './text-quality.js';

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
// pdf.js in Node reads these with fs.readFile(string): plain paths with a trailing separator, not file:// URLs.
const asDirUrl = (sub: string) => `${join(pdfjsRoot, sub)}${sep}`;

// Images above this many pixels are dropped by pdf.js before decoding (a 35000x35000 JBIG2 page would need
// gigabytes). Larger than maxPixels so oversized scans can still be extracted and scaled down.
const IMAGE_DECODE_FACTOR = 4;

const OPS = pdfjs.OPS as unknown as Record<string, number>;

export interface PdfPageText {
  textLayer: PageText | null;
  textLayerQuality: TextLayerQuality;
}

/** pdf.js reports problems through console warnings; the worker feeds them here to detect dropped images. */
export const pdfWarnings: string[] = [];

export async function loadPdf(bytes: Uint8Array, limits: SourceLimits): Promise<PDFDocumentProxy> {
  const task = pdfjs.getDocument({
    data: bytes,
    password: '',
    standardFontDataUrl: asDirUrl('standard_fonts'),
    cMapUrl: asDirUrl('cmaps'),
    cMapPacked: true,
    iccUrl: asDirUrl('iccs'),
    wasmUrl: asDirUrl('wasm'),
    isEvalSupported: false,
    useSystemFonts: false,
    maxImageSize: Math.floor(limits.maxPixels * IMAGE_DECODE_FACTOR),
    verbosity: pdfjs.VerbosityLevel.WARNINGS,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => {});
    const err = e as { name?: string; message?: string };
    if (err.name === 'PasswordException') {
      throw new SourceError('password-required', 'PDF is protected by a password', { cause: e });
    }
    throw new SourceError('corrupt', `PDF cannot be parsed: ${err.message ?? String(e)}`, { cause: e });
  }
  if (doc.numPages > limits.maxPages) {
    const n = doc.numPages;
    await doc.destroy().catch(() => {});
    throw limitError('too-many-pages', `PDF has ${n} pages`, 'maxPages', limits);
  }
  if (doc.numPages < 1) {
    await doc.destroy().catch(() => {});
    throw new SourceError('corrupt', 'PDF has no pages');
  }
  return doc;
}

async function getPage(doc: PDFDocumentProxy, n: number): Promise<PDFPageProxy> {
  try {
    return await doc.getPage(n);
  } catch (e) {
    throw new SourceError('corrupt', `PDF page ${n} cannot be read: ${(e as Error).message ?? e}`, { cause: e });
  }
}

const viewportAt = (page: PDFPageProxy, dpi: number) => page.getViewport({ scale: dpi / 72 });

// Building an operator list decodes every image on the page (seconds for JPEG 2000 or JBIG2), so the summary
// from the text step is kept for the image step of the same page.
const summaries = new WeakMap<PDFPageProxy, Promise<PageOpsSummary>>();

function summarize(page: PDFPageProxy, dpi: number): Promise<PageOpsSummary> {
  let summary = summaries.get(page);
  if (!summary) {
    summary = page.getOperatorList().then((ops) => summarizePageOps(ops, OPS, viewportAt(page, dpi)));
    summary.catch(() => summaries.delete(page));
    summaries.set(page, summary);
  }
  return summary;
}

export async function readPageText(doc: PDFDocumentProxy, n: number, limits: SourceLimits): Promise<PdfPageText> {
  const page = await getPage(doc, n);
  const vp = viewportAt(page, limits.renderDpi);
  let content: Awaited<ReturnType<PDFPageProxy['getTextContent']>>;
  try {
    content = await page.getTextContent();
  } catch (_e) {
    // A broken text layer should not lose the page: the image can still be OCRed.
    return { textLayer: null, textLayerQuality: 'none' };
  }
  const runs: TextRun[] = content.items.filter((it): it is TextRun & typeof it => 'str' in it);
  const textLayer = textRunsToPageText(runs, vp);
  if (!textLayer) return { textLayer: null, textLayerQuality: 'none' };
  const byText = judgeTextLayer({ text: textLayer.text, invisibleGlyphs: 0, totalGlyphs: 0 });
  if (byText.quality !== 'usable') return { textLayer, textLayerQuality: byText.quality };
  // Good-looking text may still be an invisible OCR layer over a scan: only the operator list tells.
  const ops = await summarize(page, limits.renderDpi).catch(() => null);
  const verdict = judgeTextLayer({
    text: textLayer.text,
    invisibleGlyphs: ops?.invisibleGlyphs ?? 0,
    totalGlyphs: ops?.totalGlyphs ?? 0,
  });
  return { textLayer, textLayerQuality: verdict.quality };
}

interface RawImage {
  width: number;
  height: number;
  kind: number;
  data: Uint8Array | Uint8ClampedArray;
}

async function resolveImage(page: PDFPageProxy, image: FullPageImage): Promise<RawImage | null> {
  let obj: unknown;
  if ('inline' in image.source) obj = image.source.inline;
  else {
    const id = image.source.objId;
    const store = id.startsWith('g_') ? page.commonObjs : page.objs;
    obj = await new Promise((resolve) => store.get(id, resolve));
  }
  const o = obj as Partial<RawImage> | null;
  if (!o?.data || !o.width || !o.height || !o.kind) return null;
  return o as RawImage;
}

/** Raw pixels of a pdf.js image as sharp input (1-bit rows expanded to 8-bit grey). */
function toSharpInput(img: RawImage): { data: Buffer; channels: 1 | 3 | 4 } | null {
  const { width: w, height: h } = img;
  const src = img.data;
  if (img.kind === pdfjs.ImageKind.GRAYSCALE_1BPP) {
    const rowBytes = Math.ceil(w / 8);
    if (src.length < rowBytes * h) return null;
    const out = Buffer.alloc(w * h);
    for (let y = 0; y < h; y++) {
      const row = y * rowBytes;
      const dst = y * w;
      for (let x = 0; x < w; x++) if ((src[row + (x >> 3)]! >> (7 - (x & 7))) & 1) out[dst + x] = 255;
    }
    return { data: out, channels: 1 };
  }
  const channels = img.kind === pdfjs.ImageKind.RGB_24BPP ? 3 : img.kind === pdfjs.ImageKind.RGBA_32BPP ? 4 : 0;
  if (channels === 0 || src.length < w * h * channels) return null;
  return { data: Buffer.from(src.buffer, src.byteOffset, w * h * channels), channels };
}

type Orientation = 'none' | 'flip' | 'flop' | 90 | 180 | 270;

/** How to turn the stored image so it looks as placed on the page; null for transposed placements. */
function orientation(m: readonly number[]): Orientation | null {
  const [a = 0, b = 0, c = 0, d = 0] = m;
  const dir = (x: number, y: number) => (Math.abs(x) >= Math.abs(y) ? (x > 0 ? '+X' : '-X') : y > 0 ? '+Y' : '-Y');
  // Image rows run top to bottom, i.e. from unit-square y=1 to y=0.
  const key = `${dir(a, b)}${dir(-c, -d)}`;
  const table: Record<string, Orientation> = {
    '+X+Y': 'none',
    '-X+Y': 'flop',
    '+X-Y': 'flip',
    '-X-Y': 180,
    '+Y-X': 90,
    '-Y+X': 270,
  };
  return table[key] ?? null;
}

async function extractImage(page: PDFPageProxy, image: FullPageImage, limits: SourceLimits): Promise<PageImage | null> {
  const orient = orientation(image.matrix);
  if (orient === null) return null;
  const raw = await resolveImage(page, image);
  if (!raw) return null;
  const input = toSharpInput(raw);
  if (!input) return null;
  const [a, b] = image.matrix;
  let dpi = (raw.width * limits.renderDpi) / Math.hypot(a, b);
  const pixels = raw.width * raw.height;
  const factor = pixels > limits.maxPixels ? Math.sqrt(limits.maxPixels / pixels) : 1;
  dpi *= factor;
  const sharpOpts = {
    raw: { width: raw.width, height: raw.height, channels: input.channels },
    limitInputPixels: false,
  };
  let pipeline = sharp(input.data, sharpOpts);
  if (input.channels === 4) pipeline = pipeline.flatten({ background: '#ffffff' });
  if (factor < 1) {
    // Resize in its own pass so the orientation step below cannot change which side is scaled.
    const resized = await pipeline
      .resize({ width: Math.max(1, Math.floor(raw.width * factor)) })
      .raw()
      .toBuffer({ resolveWithObject: true });
    pipeline = sharp(resized.data, { raw: resized.info as sharp.CreateRaw, limitInputPixels: false });
  }
  if (orient === 'flip') pipeline = pipeline.flip();
  else if (orient === 'flop') pipeline = pipeline.flop();
  else if (orient !== 'none') pipeline = pipeline.rotate(orient);
  const rounded = Math.round(dpi * 10) / 10;
  const data = await pipeline.withMetadata({ density: rounded }).png({ compressionLevel: 3 }).toBuffer();
  return { data, dpi: rounded };
}

async function renderPage(page: PDFPageProxy, limits: SourceLimits, doc: PDFDocumentProxy): Promise<PageImage> {
  const base = viewportAt(page, limits.renderDpi);
  const area = base.width * base.height;
  // Lower the resolution rather than exceed maxPixels (giant pages).
  const dpi = area > limits.maxPixels ? limits.renderDpi * Math.sqrt(limits.maxPixels / area) : limits.renderDpi;
  const vp = viewportAt(page, dpi);
  const width = Math.max(1, Math.floor(vp.width));
  const height = Math.max(1, Math.floor(vp.height));
  const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
  const { canvas, context } = factory.create(width, height);
  try {
    await page.render({ canvas, canvasContext: context, viewport: vp, background: '#ffffff' } as never).promise;
    const data: Buffer = await canvas.encode('png');
    return { data, dpi: Math.round(dpi * 10) / 10 };
  } finally {
    factory.destroy({ canvas, context });
  }
}

interface CanvasFactory {
  // biome-ignore lint/suspicious/noExplicitAny: @napi-rs/canvas objects created by pdf.js
  create(w: number, h: number): { canvas: any; context: any };
  // biome-ignore lint/suspicious/noExplicitAny: see above
  destroy(c: { canvas: any; context: any }): void;
}

/** The page image: the embedded scan when the page is one full-page image, else a render. */
export async function readPageImage(doc: PDFDocumentProxy, n: number, limits: SourceLimits): Promise<PageImage> {
  const page = await getPage(doc, n);
  pdfWarnings.length = 0;
  let ops: PageOpsSummary;
  try {
    ops = await summarize(page, limits.renderDpi);
  } catch (e) {
    throw new SourceError('corrupt', `PDF page ${n} cannot be interpreted: ${(e as Error).message ?? e}`, { cause: e });
  }
  if (pdfWarnings.some((w) => /exceeded maximum allowed size/i.test(w))) {
    throw limitError(
      'too-many-pixels',
      `PDF page ${n} holds an image over ${IMAGE_DECODE_FACTOR}x the pixel limit`,
      'maxPixels',
      limits,
    );
  }
  try {
    if (ops.fullPageImage) {
      const extracted = await extractImage(page, ops.fullPageImage, limits);
      if (extracted) return extracted;
    }
    return await renderPage(page, limits, doc);
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw new SourceError('unreadable', `PDF page ${n} cannot be drawn: ${(e as Error).message ?? e}`, { cause: e });
  } finally {
    summaries.delete(page);
    page.cleanup();
  }
}
