import { confirmOrientation, type OcrPool, type ReadingCheckOptions } from './ocr/index.js';
import type { BBox, PageText, Rotation, TextSource } from './page-model.js';
import { cropPgm, type PreparedPage, type PreprocessOptions, preparePage } from './preprocess/index.js';
import type { PreparePage } from './preprocess/preprocess-pool.js';
import type { SplitPage } from './split/index.js';

/** One page after the split, preprocess and OCR stages. */
export interface ReadPage {
  number: number;
  rotation: Rotation;
  textSource: TextSource;
  /** null for blank pages. */
  text: PageText | null;
  confidence: number;
  /** The normalised page image (grayscale JPEG) the text boxes refer to. */
  image: Buffer;
  width: number;
  height: number;
  dpi: number;
  skewDegrees: number;
}

export interface ReadPageDeps {
  /** Started on first use. */
  ocr: () => Promise<OcrPool>;
  preprocess: PreprocessOptions;
  /** Where preprocessing runs (default: on the calling thread); see preprocess-pool.ts. */
  prepare?: PreparePage;
  /** When an OCR reading counts as letter soup and which turns are tried then (default: defaultReadingCheckOptions). */
  readingCheck?: ReadingCheckOptions;
}

function scaleText(text: PageText, fx: number, fy: number): PageText {
  const box = (b: BBox): BBox => ({ x0: b.x0 * fx, y0: b.y0 * fy, x1: b.x1 * fx, y1: b.y1 * fy });
  return {
    ...text,
    width: text.width * fx,
    height: text.height * fy,
    lines: text.lines.map((l) => ({
      ...l,
      bbox: box(l.bbox),
      words: l.words.map((w) => ({ ...w, bbox: box(w.bbox) })),
    })),
  };
}

/** A reading of a page region moved to the page's own coordinates. */
export function placeOnPage(text: PageText, page: Pick<PreparedPage, 'ocrRegion' | 'width' | 'height'>): PageText {
  const { x, y } = page.ocrRegion;
  const box = (b: BBox): BBox => ({ x0: b.x0 + x, y0: b.y0 + y, x1: b.x1 + x, y1: b.y1 + y });
  return {
    ...text,
    width: page.width,
    height: page.height,
    lines: text.lines.map((l) => ({
      ...l,
      bbox: box(l.bbox),
      words: l.words.map((w) => ({ ...w, bbox: box(w.bbox) })),
    })),
  };
}

/**
 * Reads one page: a usable PDF text layer is taken as is (no OCR); anything else (images, scanned PDF pages,
 * garbage text layers) is preprocessed and OCR'd. Blank pages are detected and not OCR'd.
 */
export async function readPage(page: SplitPage, deps: ReadPageDeps): Promise<ReadPage> {
  const source = await page.image();
  const prepare = deps.prepare ?? preparePage;
  if (page.textLayer && page.textLayerQuality === 'usable') {
    // Born-digital page: keep its exact text; the image is only for storage and the searchable PDF.
    const prepared = await prepare(source, deps.preprocess, async () => ({ rotation: 0, confidence: 1 }));
    const text = scaleText(
      page.textLayer,
      prepared.width / page.textLayer.width || 1,
      prepared.height / page.textLayer.height || 1,
    );
    return {
      ...pageFields(page.number, prepared),
      rotation: 0,
      skewDegrees: 0,
      textSource: 'text-layer',
      text,
      confidence: text.confidence,
    };
  }
  const oriented = await prepare(source, deps.preprocess, async (png) => (await deps.ocr()).detectOrientation(png));
  if (oriented.blank) return { ...pageFields(page.number, oriented), textSource: 'blank', text: null, confidence: 1 };
  const pool = await deps.ocr();
  // OCR reads the inked region; its boxes are put back in page coordinates.
  const read = async (p: PreparedPage) => placeOnPage(await pool.recognize(cropPgm(p.ocrImage, p.ocrRegion)), p);
  const { page: prepared, text } = await confirmOrientation(
    oriented,
    await read(oriented),
    read,
    deps.readingCheck,
    deps.preprocess.jpegQuality,
  );
  return { ...pageFields(page.number, prepared), textSource: 'ocr', text, confidence: text.confidence };
}

function pageFields(number: number, prepared: PreparedPage) {
  return {
    number,
    rotation: prepared.rotation,
    image: prepared.image,
    width: prepared.width,
    height: prepared.height,
    dpi: prepared.dpi,
    skewDegrees: prepared.skewDegrees,
  };
}
