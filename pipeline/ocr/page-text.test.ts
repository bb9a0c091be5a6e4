import { describe, expect, it } from 'vitest';
import { pageTextFromTsv } from './page-text.js';

const row = (level: number, line: number, word: number, box: number[], conf: number, text = '') =>
  [level, 1, 1, 1, line, word, ...box, conf, text].join('\t');

describe('pageTextFromTsv', () => {
  it('keeps lines and words in order with boxes, NFC text and whole-percent confidences', () => {
    const decomposed = 'Nguye\u0302\u0303n';
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      row(1, 0, 0, [0, 0, 1000, 800], -1),
      row(2, 0, 0, [40, 30, 600, 120], -1),
      row(3, 0, 0, [40, 30, 600, 120], -1),
      row(4, 1, 0, [40, 30, 500, 40], -1),
      row(5, 1, 1, [40, 30, 90, 40], 96.71, 'Họ'),
      row(5, 1, 2, [140, 32, 200, 38], 90.2, decomposed),
      row(4, 2, 0, [40, 100, 300, 50], -1),
      row(5, 2, 1, [40, 100, 300, 50], 12.9, 'Văn'),
    ].join('\n');
    const page = pageTextFromTsv(tsv, 1000, 800);
    expect(page.width).toBe(1000);
    expect(page.text).toBe('Họ Nguyễn\nVăn');
    expect(page.lines).toHaveLength(2);
    const [first, second] = page.lines;
    expect(first!.bbox).toEqual({ x0: 40, y0: 30, x1: 540, y1: 70 });
    expect(first!.words.map((w) => w.text)).toEqual(['Họ', 'Nguyễn']);
    expect(first!.words[1]!.bbox).toEqual({ x0: 140, y0: 32, x1: 340, y1: 70 });
    expect(first!.words.map((w) => w.confidence)).toEqual([0.96, 0.9]);
    expect(first!.confidence).toBe(0.93); // mean 93.455, truncated
    expect(second!.confidence).toBe(0.12);
    expect(page.confidence).toBeCloseTo((0.96 + 0.9 + 0.12) / 3, 10);
  });

  it('drops empty words and lines without words, and counts no negative confidence', () => {
    const tsv = [
      row(4, 1, 0, [0, 0, 100, 20], -1),
      row(5, 1, 1, [0, 0, 10, 20], 80, ' '),
      row(5, 1, 2, [20, 0, 30, 20], 60, 'ab'),
      row(4, 2, 0, [0, 40, 100, 20], -1),
      row(5, 2, 1, [0, 40, 10, 20], 70, ''),
      row(4, 3, 0, [0, 80, 100, 20], -1),
      row(5, 3, 1, [0, 80, 10, 20], -5, 'x'),
      '',
    ].join('\n');
    const page = pageTextFromTsv(tsv, 100, 100);
    expect(page.lines.map((l) => l.text)).toEqual(['ab', 'x']);
    // The blank word still counts towards its line's confidence, as in Tesseract's own line confidence.
    expect(page.lines[0]!.confidence).toBe(0.7);
    expect(page.lines[1]!.words[0]!.confidence).toBe(0);
  });

  it('reads an empty page as no lines', () => {
    expect(pageTextFromTsv('', 10, 10)).toEqual({ width: 10, height: 10, lines: [], text: '', confidence: 0 });
  });
});
