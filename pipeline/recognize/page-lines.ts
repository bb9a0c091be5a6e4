// Lines prepared for matching: normalised text, folded tokens with their character offsets, and the OCR words
// located in the text so a value's characters map back to word boxes and confidences.
import type { BBox, OcrLine, OcrWord, PageText } from '../page-model.js';
import { foldText, normalizeText } from './vietnamese-text.js';

export interface Token {
  /** Folded form (no accents, lower case). */
  fold: string;
  start: number;
  end: number;
}

export interface PreparedLine {
  /** 1-based page number within the source. */
  page: number;
  /** Index of the line on its page. */
  index: number;
  text: string;
  /** Folded key of the whole line (foldKey). */
  key: string;
  tokens: Token[];
  words: { word: OcrWord; start: number; end: number }[];
  line: OcrLine;
  /**
   * Vertical position of the line top below the first line read, as a share of the page height (reading order
   * share when no boxes).
   */
  yRel: number;
  pageWidth: number;
}

// Words repeat across pages (labels, place names): folding and normalising each distinct word once saves most of
// the work. Normalised forms are kept under a NUL-prefixed key in the same bounded map.
const FOLD_CACHE_LIMIT = 50_000;
const foldCache = new Map<string, string>();

function foldWord(word: string): string {
  let f = foldCache.get(word);
  if (f === undefined) {
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
    f = foldText(word);
    foldCache.set(word, f);
  }
  return f;
}

function normalizeWord(word: string): string {
  const key = `\u0000${word}`;
  let n = foldCache.get(key);
  if (n === undefined) {
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
    n = normalizeText(word);
    foldCache.set(key, n);
  }
  return n;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    out.push({ fold: foldWord(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export function prepareLines(pageNumber: number, page: PageText): PreparedLine[] {
  const n = page.lines.length;
  // Measured from the first line read: a receipt printed on the lower half of a sheet has its title zone there.
  const boxed = page.lines.filter((l) => l.bbox.y1 > l.bbox.y0);
  const top = boxed.length > 0 ? Math.min(...boxed.map((l) => l.bbox.y0)) : 0;
  return page.lines.map((line, index) => {
    const hasBoxes = page.height > 0 && line.bbox.y1 > line.bbox.y0;
    const yRel = hasBoxes ? (line.bbox.y0 - top) / page.height : index / Math.max(1, n);
    return prepareLine(pageNumber, index, line, yRel, page.width);
  });
}

/** One OCR line prepared for matching, at `index` on its page. */
export function prepareLine(
  pageNumber: number,
  index: number,
  line: OcrLine,
  yRel: number,
  pageWidth: number,
): PreparedLine {
  const text = normalizeText(line.text);
  const words: PreparedLine['words'] = [];
  let cursor = 0;
  for (const word of line.words) {
    const w = normalizeWord(word.text);
    if (!w) continue;
    const at = text.indexOf(w, cursor);
    if (at < 0) continue;
    words.push({ word, start: at, end: at + w.length });
    cursor = at + w.length;
  }
  const tokens = tokenize(text);
  return {
    page: pageNumber,
    index,
    text,
    key: tokens.map((t) => t.fold).join(' '),
    tokens,
    words,
    line,
    yRel,
    pageWidth,
  };
}

/** Union of boxes; null for none. */
export function unionBoxes(boxes: BBox[]): BBox | null {
  if (boxes.length === 0) return null;
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

/** Box and mean word confidence of the characters [start, end) of a line; the whole line when no word maps. */
export function spanEvidence(
  line: PreparedLine,
  start: number,
  end: number,
): { bbox: BBox | null; confidence: number } {
  const hit = line.words.filter((w) => w.end > start && w.start < end);
  if (hit.length === 0) return { bbox: line.line.bbox, confidence: line.line.confidence };
  return {
    bbox: unionBoxes(hit.map((w) => w.word.bbox)),
    confidence: hit.reduce((s, w) => s + w.word.confidence, 0) / hit.length,
  };
}
