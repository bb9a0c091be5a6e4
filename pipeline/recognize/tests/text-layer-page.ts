// Test helper: a PDF page's text layer as PageText (items grouped into lines by baseline, split at column gaps).
// The pipeline's own text-layer reader lives elsewhere; this keeps the recogniser's corpus test self-contained.
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { OcrLine, OcrWord, PageText } from '../../page-model.js';
import { normalizeText } from '../vietnamese-text.js';

interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Items within this vertical distance (PDF points) share a line. */
const SAME_LINE = 3;
/** A horizontal gap wider than this (points) separates columns. */
const COLUMN_GAP = 25;

export async function textLayerPages(path: string): Promise<PageText[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 }).promise;
  const pages: PageText[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const vp = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it) || !it.str.trim()) continue;
        const h = Math.abs(it.transform[3] ?? it.height) || it.height;
        items.push({ str: it.str, x: it.transform[4], y: vp.height - it.transform[5] - h, w: it.width, h });
      }
      pages.push(toPageText(items, vp.width, vp.height));
    }
  } finally {
    await doc.destroy();
  }
  return pages;
}

function toPageText(items: Item[], width: number, height: number): PageText {
  items.sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: Item[][] = [];
  for (const it of items) {
    const row = rows.find((r) => Math.abs(r[0]!.y - it.y) <= SAME_LINE);
    if (row) row.push(it);
    else rows.push([it]);
  }
  const lines: OcrLine[] = [];
  for (const row of rows.sort((a, b) => a[0]!.y - b[0]!.y)) {
    row.sort((a, b) => a.x - b.x);
    let group: Item[] = [];
    const flush = () => {
      if (group.length === 0) return;
      let text = '';
      const words: OcrWord[] = [];
      group.forEach((it, i) => {
        const gap = i === 0 ? 0 : it.x - (group[i - 1]!.x + group[i - 1]!.w);
        // Items split inside a word (no gap) are glued back together.
        text += i === 0 || gap < 0.8 ? it.str : ` ${it.str}`;
        for (const w of it.str.split(/\s+/).filter(Boolean)) {
          words.push({ text: w, confidence: 1, bbox: { x0: it.x, y0: it.y, x1: it.x + it.w, y1: it.y + it.h } });
        }
      });
      const bbox = {
        x0: group[0]!.x,
        y0: Math.min(...group.map((g) => g.y)),
        x1: group.at(-1)!.x + group.at(-1)!.w,
        y1: Math.max(...group.map((g) => g.y + g.h)),
      };
      lines.push({ text: normalizeText(text), confidence: 1, bbox, words });
      group = [];
    };
    for (const it of row) {
      const last = group.at(-1);
      if (last && it.x - (last.x + last.w) > COLUMN_GAP) flush();
      group.push(it);
    }
    flush();
  }
  return { width, height, lines, text: lines.map((l) => l.text).join('\n'), confidence: 1 };
}
