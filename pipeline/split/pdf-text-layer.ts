import type { BBox, OcrLine, OcrWord, PageText } from '../page-model.js';

/** The parts of a pdf.js TextItem used here. */
export interface TextRun {
  str: string;
  /** Text matrix in PDF user space. */
  transform: number[];
  /** Advance width in PDF user space. */
  width: number;
}

type Matrix = [number, number, number, number, number, number];

function multiply(m1: readonly number[], m2: readonly number[]): Matrix {
  const [a1 = 0, b1 = 0, c1 = 0, d1 = 0, e1 = 0, f1 = 0] = m1;
  const [a2 = 0, b2 = 0, c2 = 0, d2 = 0, e2 = 0, f2 = 0] = m2;
  return [
    a1 * a2 + c1 * b2,
    b1 * a2 + d1 * b2,
    a1 * c2 + c1 * d2,
    b1 * c2 + d1 * d2,
    a1 * e2 + c1 * f2 + e1,
    b1 * e2 + d1 * f2 + f1,
  ];
}

interface PlacedRun {
  text: string;
  box: BBox;
  baseline: number;
  size: number;
}

// Share of the font size above / below the baseline covered by a glyph box.
const ASCENT = 0.8;
const DESCENT = 0.2;

function place(run: TextRun, viewportTransform: readonly number[], scale: number): PlacedRun | null {
  const m = multiply(viewportTransform, run.transform);
  const size = Math.hypot(m[2], m[3]);
  const length = run.width * scale;
  if (!Number.isFinite(size) || size <= 0 || !Number.isFinite(length)) return null;
  const angle = Math.atan2(m[1], m[0]);
  const [ux, uy] = [Math.cos(angle), Math.sin(angle)];
  const [vx, vy] = [Math.sin(angle), -Math.cos(angle)];
  const xs: number[] = [];
  const ys: number[] = [];
  for (const along of [0, length]) {
    for (const up of [-DESCENT * size, ASCENT * size]) {
      xs.push(m[4] + ux * along + vx * up);
      ys.push(m[5] + uy * along + vy * up);
    }
  }
  return {
    text: run.str,
    box: { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) },
    baseline: m[5],
    size,
  };
}

interface Char {
  c: string;
  box: BBox | null;
}

function union(boxes: BBox[]): BBox {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

const round = (b: BBox): BBox => ({
  x0: Math.round(b.x0),
  y0: Math.round(b.y0),
  x1: Math.round(b.x1),
  y1: Math.round(b.y1),
});

/**
 * Runs separated by a visible gap are separate words even when the PDF has no space glyph between them. So are runs of
 * different sizes that overlap: a large centred title running into a small label beside it ("TĂNG" into "Ký hiệu").
 * A mark or a letter drawn apart overlaps its neighbour in the same size, and a superscript abuts it: neither splits.
 */
function separateWords(prev: PlacedRun, run: PlacedRun): boolean {
  const gap = run.box.x0 - prev.box.x1;
  const size = Math.min(run.size, prev.size);
  if (gap > 0.15 * size) return true;
  return gap < -0.1 * size && Math.max(run.size, prev.size) > 1.2 * size;
}

function lineToWords(runs: PlacedRun[]): OcrWord[] {
  const chars: Char[] = [];
  let prev: PlacedRun | null = null;
  for (const run of runs) {
    if (prev && separateWords(prev, run)) chars.push({ c: ' ', box: null });
    const glyphs = [...run.text];
    const w = (run.box.x1 - run.box.x0) / Math.max(1, glyphs.length);
    glyphs.forEach((c, i) => {
      chars.push({ c, box: { x0: run.box.x0 + i * w, y0: run.box.y0, x1: run.box.x0 + (i + 1) * w, y1: run.box.y1 } });
    });
    prev = run;
  }
  const words: OcrWord[] = [];
  let current: Char[] = [];
  const flush = () => {
    const boxes = current.map((ch) => ch.box).filter((b): b is BBox => b !== null);
    const text = current
      .map((ch) => ch.c)
      .join('')
      .normalize('NFC');
    if (text && boxes.length > 0) words.push({ text, confidence: 1, bbox: round(union(boxes)) });
    current = [];
  };
  for (const ch of chars) {
    if (/\s/u.test(ch.c)) flush();
    else current.push(ch);
  }
  flush();
  return words;
}

/**
 * Builds PageText from text-layer runs: runs are placed with the viewport transform (pixels at the render dpi),
 * grouped into lines by baseline, ordered left to right, and split into words at spaces and visible gaps.
 */
export function textRunsToPageText(
  runs: TextRun[],
  viewport: { transform: readonly number[]; scale: number; width: number; height: number },
): PageText | null {
  const placed = runs
    .filter((r) => r.str.length > 0)
    .map((r) => place(r, viewport.transform, viewport.scale))
    .filter((r): r is PlacedRun => r !== null && r.text.trim().length > 0)
    .sort((a, b) => a.baseline - b.baseline || a.box.x0 - b.box.x0);

  const groups: PlacedRun[][] = [];
  for (const run of placed) {
    const line = groups.at(-1);
    const last = line?.at(-1);
    if (line && last && Math.abs(run.baseline - last.baseline) <= 0.4 * Math.min(run.size, last.size)) line.push(run);
    else groups.push([run]);
  }

  const lines: OcrLine[] = [];
  for (const group of groups) {
    group.sort((a, b) => a.box.x0 - b.box.x0);
    const words = lineToWords(group);
    if (words.length === 0) continue;
    lines.push({
      text: words.map((w) => w.text).join(' '),
      confidence: 1,
      bbox: union(words.map((w) => w.bbox)),
      words,
    });
  }
  if (lines.length === 0) return null;
  lines.sort((a, b) => a.bbox.y0 - b.bbox.y0 || a.bbox.x0 - b.bbox.x0);
  return {
    width: Math.round(viewport.width),
    height: Math.round(viewport.height),
    lines,
    text: lines.map((l) => l.text).join('\n'),
    confidence: 1,
  };
}
