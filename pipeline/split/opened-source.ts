import type { PageText } from '../page-model.js';
import type { SourceKind } from './sniff.js';

export type TextLayerQuality = 'none' | 'usable' | 'garbage';

export interface PageImage {
  /** Image bytes that sharp can read (JPEG, PNG, WebP, TIFF). */
  data: Buffer;
  /** Resolution of the image, null when the source does not say. */
  dpi: number | null;
  /** Frame of a multi-page image (0-based) that is the page; absent for single images. */
  frame?: number;
}

export interface SplitPage {
  number: number;
  /** Text from the PDF text layer (null for images or pages without text), NFC, boxes in pixels at renderDpi. */
  textLayer: PageText | null;
  textLayerQuality: TextLayerQuality;
  /** Page image: for images the decoded frame; for PDFs the embedded full-page scan image when the page is one image, else a render at renderDpi (capped by maxPixels). */
  image(): Promise<PageImage>;
}

export interface OpenedSource {
  kind: SourceKind;
  pageCount: number;
  /** 1-based. */
  page(n: number): Promise<SplitPage>;
  close(): Promise<void>;
}

export function checkPageNumber(n: number, pageCount: number): void {
  if (!Number.isInteger(n) || n < 1 || n > pageCount) {
    throw new RangeError(`page ${n} does not exist: the source has ${pageCount} page(s), numbered from 1`);
  }
}
