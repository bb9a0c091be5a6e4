import { describe, expect, it } from 'vitest';
import { type TextRun, textRunsToPageText } from './pdf-text-layer.js';

// pdf.js's viewport of an A4 page at 72 dpi: y grows downwards.
const viewport = { transform: [1, 0, 0, -1, 0, 842], scale: 1, width: 595, height: 842 };
const run = (str: string, x: number, y: number, size: number, width: number): TextRun => ({
  str,
  transform: [size, 0, 0, size, x, y],
  width,
});
const words = (runs: TextRun[]) => textRunsToPageText(runs, viewport)!.lines.map((l) => l.words.map((w) => w.text));

describe('text layer to words', () => {
  it('splits a large title from the small label it runs into on the same baseline', () => {
    const read = words([
      run('HÓA ĐƠN GIÁ TRỊ GIA TĂNG', 173, 790, 16, 250),
      run('Ký hiệu (Serial): 1C22TTM', 420, 790, 10, 130),
    ]);
    expect(read).toEqual([['HÓA', 'ĐƠN', 'GIÁ', 'TRỊ', 'GIA', 'TĂNG', 'Ký', 'hiệu', '(Serial):', '1C22TTM']]);
  });

  it('keeps one word drawn in runs of one size that touch or overlap a little', () => {
    expect(words([run('Nguy', 100, 700, 10, 20), run('ễn', 119.5, 700, 10, 10)])).toEqual([['Nguyễn']]);
  });

  it('keeps a superscript that abuts its word', () => {
    expect(words([run('120 m', 100, 700, 10, 25), run('2', 125, 702, 6, 3)])).toEqual([['120', 'm2']]);
  });

  it('splits runs of one size at a visible gap', () => {
    expect(words([run('Số', 100, 700, 10, 12), run('00014711', 115, 700, 10, 40)])).toEqual([['Số', '00014711']]);
  });
});
