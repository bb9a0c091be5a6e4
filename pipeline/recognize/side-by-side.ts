// Party blocks printed side by side ("Thông tin về người chồng" | "Thông tin về người vợ"): OCR reads each printed
// row across both columns as one line, so the husband's name wraps into the wife's column and the husband's label
// takes the wife's value. When two block headers share a line, the rows below are cut at the right header's left
// edge and read column by column, the left column first, until a row runs across the edge, its right part does not
// start on it, or it opens with a label of a field outside the blocks.
import type { OcrLine, OcrWord } from '../page-model.js';
import { STOP_OWNER } from './compiled-pack.js';
import { type CompiledLabel, matchLabels } from './label-match.js';
import { type PreparedLine, prepareLine, unionBoxes } from './page-lines.js';

/** Tolerance around the column edge, as a share of the page width. */
export const COLUMN_TOLERANCE = 0.01;
/** Share of the page width left of which the right header cannot start. */
export const RIGHT_COLUMN_FROM = 0.3;

function pieceOf(words: OcrWord[]): OcrLine {
  return {
    text: words.map((w) => w.text).join(' '),
    confidence: words.reduce((s, w) => s + w.confidence, 0) / words.length,
    bbox: unionBoxes(words.map((w) => w.bbox))!,
    words,
  };
}

/** Left edge of the right-hand header when one line holds the headers of two different blocks. */
function columnEdge(line: PreparedLine, headers: CompiledLabel[]): number | null {
  const width = line.pageWidth;
  if (!(width > 0)) return null;
  // A longer stop label wins over a header it contains: "Người mua hàng" over "Người mua" (signature captions).
  const hits = matchLabels(line, headers).filter((h) => !h.owners.includes(STOP_OWNER));
  const first = hits[0];
  const second = hits.find((h) => first && !h.owners.some((o) => first.owners.includes(o)));
  if (!first || !second) return null;
  const word = line.words.find((w) => w.end > second.start);
  if (!word || word.word.bbox.x0 < width * RIGHT_COLUMN_FROM) return null;
  return word.word.bbox.x0;
}

/** Words left and right of the edge, or null when a word runs across the gutter (the columns ended). */
function cut(line: OcrLine, edge: number, width: number): { left: OcrWord[]; right: OcrWord[] } | null {
  const tol = width * COLUMN_TOLERANCE;
  const left = line.words.filter((w) => w.bbox.x0 < edge - tol);
  const right = line.words.filter((w) => w.bbox.x0 >= edge - tol);
  if (left.some((w) => w.bbox.x1 > edge)) return null;
  // The right column is left-aligned on the edge; the gutter may be no wider than a space, so it proves nothing.
  const first = right[0];
  if (first && Math.abs(first.bbox.x0 - edge) > tol) return null;
  return { left, right };
}

/**
 * Lines in column order where two party blocks sit side by side; other lines unchanged. `outside`: labels of the
 * fields that belong to no block; `stops`: the pack's stop labels. Lines of a page are re-indexed so that "the next
 * line" follows its column.
 */
export function splitSideBySide(
  lines: PreparedLine[],
  headers: CompiledLabel[],
  outside: CompiledLabel[] = [],
  stops: CompiledLabel[] = [],
): PreparedLine[] {
  if (headers.length === 0) return lines;
  const headersAndStops = [...headers, ...stops];
  const out: PreparedLine[] = [];
  let i = 0;
  let changed = false;
  while (i < lines.length) {
    const line = lines[i]!;
    const edge = columnEdge(line, headersAndStops);
    if (edge === null) {
      out.push(line);
      i++;
      continue;
    }
    const left: PreparedLine[] = [];
    const right: PreparedLine[] = [];
    let j = i;
    for (; j < lines.length && lines[j]!.page === line.page; j++) {
      const row = lines[j]!;
      // A row opening with the label of a field outside the blocks ("Nơi đăng ký") is below them.
      if (j > i && matchLabels(row, outside).some((h) => h.atLineStart)) break;
      const parts = cut(row.line, edge, row.pageWidth);
      if (!parts) break;
      if (parts.left.length > 0)
        left.push(prepareLine(row.page, row.index, pieceOf(parts.left), row.yRel, row.pageWidth));
      if (parts.right.length > 0)
        right.push(prepareLine(row.page, row.index, pieceOf(parts.right), row.yRel, row.pageWidth));
    }
    // Headers alone (the first row already runs across, "KIÊNHg, chữ đệm"): the columns cannot be told apart.
    if (j <= i + 1) {
      out.push(line);
      i++;
      continue;
    }
    out.push(...left, ...right);
    changed = true;
    i = j;
  }
  if (!changed) return lines;
  const next = new Map<number, number>();
  return out.map((l) => {
    const index = next.get(l.page) ?? 0;
    next.set(l.page, index + 1);
    return index === l.index ? l : { ...l, index };
  });
}
