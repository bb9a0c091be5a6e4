import type { BBox, OcrLine, OcrWord, PageText } from '../page-model.js';

/** Tesseract's TSV levels: 1 page, 2 block, 3 paragraph, 4 line, 5 word. */
const LINE = 4;
const WORD = 5;

/**
 * Convert Tesseract's TSV output into the page model: confidences 0..1, NFC, empty lines dropped.
 *
 * TSV rather than tesseract.js' block tree: the tree is built as JSON with every symbol and its choices, then parsed,
 * which costs about 4 % of a page's reading; the page model needs only lines and words. Confidences are truncated to
 * whole percents as the tree reports them, and a line's is the mean of its words' (Tesseract's own line confidence is
 * the same mean before clipping at 0).
 */
export function pageTextFromTsv(tsv: string, width: number, height: number): PageText {
  const lines: OcrLine[] = [];
  let lineBox: BBox | null = null;
  let words: OcrWord[] = [];
  let confSum = 0;
  let confCount = 0;
  const flush = (): void => {
    if (lineBox && words.length > 0) {
      lines.push({
        text: words.map((w) => w.text).join(' '),
        confidence: unit(confSum / confCount),
        bbox: lineBox,
        words,
      });
    }
    lineBox = null;
    words = [];
    confSum = 0;
    confCount = 0;
  };
  for (const row of tsv.split('\n')) {
    const cells = row.split('\t');
    if (cells.length < 12) continue;
    const level = Number(cells[0]);
    if (level !== LINE && level !== WORD) continue;
    const left = Number(cells[6]);
    const top = Number(cells[7]);
    const bbox: BBox = { x0: left, y0: top, x1: left + Number(cells[8]), y1: top + Number(cells[9]) };
    if (level === LINE) {
      flush();
      lineBox = bbox;
      continue;
    }
    const conf = Math.max(0, Number(cells[10]));
    confSum += conf;
    confCount += 1;
    const text = cells.slice(11).join('\t').normalize('NFC').trim();
    if (text.length > 0) words.push({ text, confidence: unit(conf), bbox });
  }
  flush();
  const all = lines.flatMap((l) => l.words);
  const confidence = all.length ? all.reduce((s, w) => s + w.confidence, 0) / all.length : 0;
  return { width, height, lines, text: lines.map((l) => l.text).join('\n'), confidence };
}

/** A whole percent (as Tesseract's block tree reports it) to 0..1. */
const unit = (percent: number): number => Math.min(1, Math.max(0, Math.trunc(percent) / 100));
