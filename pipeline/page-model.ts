// Data shapes passed between stages. Stages are plain functions over these; nothing here knows about storage.

/** Pixel box in the normalised page image (origin top-left), or PDF points for text-layer pages scaled to pixels. */
export interface BBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  /** 0..1 */
  confidence: number;
  bbox: BBox;
}

export interface OcrLine {
  text: string;
  /** 0..1 */
  confidence: number;
  bbox: BBox;
  words: OcrWord[];
}

/** The text of one page, from OCR or from a PDF text layer, NFC-normalised. */
export interface PageText {
  /** Size of the coordinate space of the boxes (pixels of the normalised page image). */
  width: number;
  height: number;
  /** Lines in reading order. */
  lines: OcrLine[];
  /** Lines joined with '\n'. */
  text: string;
  /** Mean word confidence 0..1 (1 for a trusted text layer). */
  confidence: number;
}

export type Rotation = 0 | 90 | 180 | 270;
export type TextSource = 'ocr' | 'text-layer' | 'blank';

/** Versions that produced a result; stored with every result so rules can be re-applied to stored OCR. */
export interface Versions {
  pipeline: string;
  ocrEngine: string;
  ocrModel: string;
  rulePack: string;
}

export interface FieldResult {
  /** Normalised value in the catalog's value type format. */
  value: string;
  /** Text as read from the page (NFC). */
  raw: string;
  confidence: number;
  /** 1-based page number within the source. */
  page: number;
  bbox: BBox | null;
}

export type ComponentStatus = 'accepted' | 'needs_review';

export interface ComponentResult {
  /** Catalog code (schemas/catalog.json), `khac` when unrecognised. */
  type: string;
  /** Inclusive 1-based page range within the source. */
  pages: [number, number];
  confidence: number;
  status: ComponentStatus;
  /** Why the component needs review (empty when accepted). */
  reasons: string[];
  fields: Record<string, FieldResult>;
}

/** A page as the recogniser sees it: its number and its text (null when blank). */
export interface RecognizablePage {
  number: number;
  text: PageText | null;
}
