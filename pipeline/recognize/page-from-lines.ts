// Builds a PageText from plain text lines with synthetic boxes: for tests, fixtures and stored plain text.
import type { OcrLine, OcrWord, PageText } from '../page-model.js';
import { normalizeText } from './vietnamese-text.js';

export interface SyntheticPageOptions {
  width?: number;
  height?: number;
  lineHeight?: number;
  charWidth?: number;
  /** Confidence given to every word (default 0.95). */
  confidence?: number;
  /** Per-word confidence override by word text. */
  wordConfidence?: Record<string, number>;
}

/**
 * One line per entry, top to bottom. A line may be placed in the right half by prefixing it with ">>" (the
 * motto column), so layouts with a left agency header and a right motto can be built.
 */
export function pageFromLines(lines: string[], options: SyntheticPageOptions = {}): PageText {
  const width = options.width ?? 2480;
  const lineHeight = options.lineHeight ?? 60;
  const height = options.height ?? Math.max(3508, (lines.length + 2) * lineHeight);
  const charWidth = options.charWidth ?? 24;
  const conf = options.confidence ?? 0.95;
  const ocrLines: OcrLine[] = [];
  lines.forEach((raw, i) => {
    const right = raw.startsWith('>>');
    const text = normalizeText(right ? raw.slice(2) : raw);
    if (!text) return;
    const y0 = 100 + i * lineHeight;
    let x = right ? width / 2 + 100 : 150;
    const words: OcrWord[] = text.split(' ').map((w) => {
      const box = { x0: x, y0, x1: x + w.length * charWidth, y1: y0 + lineHeight - 15 };
      x = box.x1 + charWidth;
      return { text: w, confidence: options.wordConfidence?.[w] ?? conf, bbox: box };
    });
    const confidence = words.reduce((s, w) => s + w.confidence, 0) / words.length;
    ocrLines.push({
      text,
      confidence,
      bbox: { x0: words[0]!.bbox.x0, y0, x1: words.at(-1)!.bbox.x1, y1: y0 + lineHeight - 15 },
      words,
    });
  });
  return {
    width,
    height,
    lines: ocrLines,
    text: ocrLines.map((l) => l.text).join('\n'),
    confidence: ocrLines.length ? ocrLines.reduce((s, l) => s + l.confidence, 0) / ocrLines.length : 0,
  };
}
