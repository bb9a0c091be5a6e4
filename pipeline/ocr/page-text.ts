import type { Page } from 'tesseract.js';
import type { BBox, OcrLine, OcrWord, PageText } from '../page-model.js';

const box = (b: { x0: number; y0: number; x1: number; y1: number }): BBox => ({
  x0: b.x0,
  y0: b.y0,
  x1: b.x1,
  y1: b.y1,
});
const unit = (confidence: number): number => Math.min(1, Math.max(0, confidence / 100));

/** Convert tesseract.js block output (confidences 0..100) into the page model (0..1, NFC, empty lines dropped). */
export function pageTextFromTesseract(page: Pick<Page, 'blocks'>, width: number, height: number): PageText {
  const lines: OcrLine[] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const words: OcrWord[] = line.words
          .map((w) => ({ text: w.text.normalize('NFC').trim(), confidence: unit(w.confidence), bbox: box(w.bbox) }))
          .filter((w) => w.text.length > 0);
        if (words.length === 0) continue;
        lines.push({
          text: words.map((w) => w.text).join(' '),
          confidence: unit(line.confidence),
          bbox: box(line.bbox),
          words,
        });
      }
    }
  }
  const all = lines.flatMap((l) => l.words);
  const confidence = all.length ? all.reduce((s, w) => s + w.confidence, 0) / all.length : 0;
  return { width, height, lines, text: lines.map((l) => l.text).join('\n'), confidence };
}
