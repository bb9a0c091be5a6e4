// Draws a PageSpec onto a canvas at a given dpi, with a small skew applied while drawing (as a scanner would).
import { type Canvas, createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { alias, faceStyle, registerFonts } from './fonts.js';
import type { Block, FontFamily, PageSpec, Run, TextStyle } from './page-spec.js';
import type { Rng } from './prng.js';

export interface RenderOptions {
  dpi: number;
  /** Degrees, positive clockwise; small values (±3) imitate a crooked sheet. */
  skewDeg: number;
  /** Paper colour override (scanner background). */
  background: string;
  /** Ink colour for text. */
  ink: string;
  rng: Rng;
}

interface Ctx {
  g: SKRSContext2D;
  pxPerMm: number;
  pxPerPt: number;
  family: FontFamily;
  baseSize: number;
  ink: string;
  rng: Rng;
}

function font(c: Ctx, sizePt: number, bold?: boolean, italic?: boolean): string {
  return `${(sizePt * c.pxPerPt).toFixed(2)}px "${alias(c.family, faceStyle(bold, italic))}"`;
}

interface Word {
  text: string;
  font: string;
  width: number;
}

/** Word-wraps runs into lines of words that fit `width` pixels. */
function wrap(c: Ctx, runs: Run[], style: TextStyle, width: number, indentPx: number): Word[][] {
  const size = style.size ?? c.baseSize;
  const words: Word[] = [];
  for (const run of runs) {
    const f = font(c, size, run.bold ?? style.bold, run.italic ?? style.italic);
    c.g.font = f;
    for (const piece of run.text.split(/(?<= )/)) {
      if (!piece) continue;
      words.push({ text: piece, font: f, width: c.g.measureText(piece).width });
    }
  }
  const lines: Word[][] = [];
  let line: Word[] = [];
  let used = indentPx;
  for (const w of words) {
    const trimmed = w.text.trimEnd();
    c.g.font = w.font;
    const trimmedWidth = c.g.measureText(trimmed).width;
    if (line.length > 0 && used + trimmedWidth > width) {
      lines.push(line);
      line = [];
      used = 0;
    }
    line.push(w);
    used += w.width;
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

function drawText(c: Ctx, runs: Run[], style: TextStyle, x: number, width: number, y: number, draw: boolean): number {
  const size = style.size ?? c.baseSize;
  const lineH = size * c.pxPerPt * (style.leading ?? 1.35);
  const indentPx = (style.indent ?? 0) * c.pxPerMm;
  const lines = wrap(c, runs, style, width, indentPx);
  let cy = y;
  lines.forEach((line, i) => {
    cy += lineH;
    if (!draw) return;
    const total = line.reduce((s, w) => s + w.width, 0);
    const first = i === 0 ? indentPx : 0;
    let cx = x + first;
    const align = style.align ?? 'left';
    if (align === 'center') cx = x + (width - total) / 2;
    else if (align === 'right') cx = x + width - total;
    const gaps = line.length - 1;
    const extra = align === 'justify' && i < lines.length - 1 && gaps > 0 ? (width - first - total) / gaps : 0;
    c.g.fillStyle = c.ink;
    for (const w of line) {
      c.g.font = w.font;
      c.g.fillText(w.text, cx, cy - lineH * 0.28);
      cx += w.width + extra;
    }
  });
  return cy;
}

function drawSeal(c: Ctx, cx: number, cy: number, diameterMm: number, label: string): void {
  const r = (diameterMm / 2) * c.pxPerMm;
  const g = c.g;
  g.save();
  g.globalAlpha = 0.42 + c.rng.next() * 0.2;
  g.strokeStyle = '#d0283a';
  g.fillStyle = '#d0283a';
  g.lineWidth = 0.7 * c.pxPerMm;
  for (const k of [1, 0.8]) {
    g.beginPath();
    g.arc(cx, cy, r * k, 0, Math.PI * 2);
    g.stroke();
  }
  // Star in the middle, label letters around the ring: enough to look like a seal without being legible text.
  g.beginPath();
  for (let i = 0; i < 10; i++) {
    const a = (Math.PI / 5) * i - Math.PI / 2;
    const rr = i % 2 === 0 ? r * 0.22 : r * 0.09;
    g.lineTo(cx + Math.cos(a) * rr, cy + Math.sin(a) * rr);
  }
  g.closePath();
  g.fill();
  g.font = `${(r * 0.16).toFixed(1)}px "${alias(c.family, 'bold')}"`;
  const letters = label.toUpperCase().split('');
  letters.forEach((ch, i) => {
    const a = -Math.PI * 0.95 + (Math.PI * 1.9 * i) / Math.max(1, letters.length - 1);
    g.save();
    g.translate(cx + Math.cos(a) * r * 0.9, cy + Math.sin(a) * r * 0.9);
    g.rotate(a + Math.PI / 2);
    g.fillText(ch, -r * 0.04, r * 0.05);
    g.restore();
  });
  g.restore();
}

function drawSignature(c: Ctx, x: number, y: number, width: number): void {
  const g = c.g;
  const h = 10 * c.pxPerMm;
  const cx = x + width / 2 - 15 * c.pxPerMm;
  g.save();
  g.strokeStyle = '#1b2a6b';
  g.lineWidth = 0.45 * c.pxPerMm;
  g.beginPath();
  g.moveTo(cx, y + h * 0.7);
  for (let i = 0; i < 5; i++) {
    const x1 = cx + (i + 0.5) * 6 * c.pxPerMm;
    g.bezierCurveTo(
      x1,
      y + c.rng.next() * h,
      x1 + 2 * c.pxPerMm,
      y + h * (0.5 + c.rng.next() * 0.5),
      x1 + 4 * c.pxPerMm,
      y + h * 0.6,
    );
  }
  g.stroke();
  g.restore();
}

/** Lays out blocks in a column; draws when `draw`, returns the y below the last block. */
function layout(c: Ctx, blocks: Block[], x: number, width: number, y: number, draw: boolean): number {
  let cy = y;
  for (const block of blocks) {
    switch (block.kind) {
      case 'text':
        cy = drawText(c, block.runs, block.style, x, width, cy, draw);
        break;
      case 'gap':
        cy += block.mm * c.pxPerMm;
        break;
      case 'rule': {
        const w = block.widthMm * c.pxPerMm;
        if (draw) {
          c.g.strokeStyle = c.ink;
          c.g.lineWidth = 0.25 * c.pxPerMm;
          c.g.beginPath();
          c.g.moveTo(x + (width - w) / 2, cy + 0.8 * c.pxPerMm);
          c.g.lineTo(x + (width + w) / 2, cy + 0.8 * c.pxPerMm);
          c.g.stroke();
        }
        cy += 2 * c.pxPerMm;
        break;
      }
      case 'columns': {
        const total = block.widths.reduce((s, v) => s + v, 0);
        let cx = x;
        let bottom = cy;
        block.cols.forEach((col, i) => {
          const w = (width * (block.widths[i] ?? 1)) / total;
          bottom = Math.max(bottom, layout(c, col, cx, w, cy, draw));
          cx += w;
        });
        cy = bottom;
        break;
      }
      case 'seal':
        if (draw)
          drawSeal(
            c,
            x + width / 2 + (c.rng.next() - 0.7) * 12 * c.pxPerMm,
            cy + 2 * c.pxPerMm,
            block.diameterMm,
            block.label,
          );
        break;
      case 'signature':
        if (draw) drawSignature(c, x, cy, width);
        cy += 14 * c.pxPerMm;
        break;
      case 'photo': {
        const w = block.widthMm * c.pxPerMm;
        const h = block.heightMm * c.pxPerMm;
        if (draw) {
          c.g.fillStyle = '#b8b8b8';
          c.g.fillRect(x, cy, w, h);
          c.g.fillStyle = '#8a8a8a';
          c.g.beginPath();
          c.g.arc(x + w / 2, cy + h * 0.38, w * 0.22, 0, Math.PI * 2);
          c.g.fill();
          c.g.fillRect(x + w * 0.2, cy + h * 0.65, w * 0.6, h * 0.35);
        }
        cy += h + 2 * c.pxPerMm;
        break;
      }
      case 'frame': {
        const pad = block.paddingMm * c.pxPerMm;
        const bottom = layout(c, block.blocks, x + pad, width - 2 * pad, cy + pad, draw) + pad;
        if (draw) {
          c.g.strokeStyle = c.ink;
          c.g.lineWidth = 0.35 * c.pxPerMm;
          c.g.strokeRect(x, cy, width, bottom - cy);
        }
        cy = bottom;
        break;
      }
      case 'table': {
        const size = block.size ?? c.baseSize - 1;
        const total = block.widths.reduce((s, v) => s + v, 0);
        const rowH = size * c.pxPerPt * 1.9;
        const rows = [block.header, ...block.rows];
        if (draw) {
          c.g.strokeStyle = c.ink;
          c.g.lineWidth = 0.25 * c.pxPerMm;
          rows.forEach((row, r) => {
            let cx = x;
            row.forEach((cell, i) => {
              const w = (width * (block.widths[i] ?? 1)) / total;
              c.g.strokeRect(cx, cy + r * rowH, w, rowH);
              c.g.font = font(c, size, r === 0);
              c.g.fillStyle = c.ink;
              const numeric = r > 0 && /^[\d.,]+$/.test(cell);
              const tw = c.g.measureText(cell).width;
              const tx = numeric ? cx + w - tw - 1.5 * c.pxPerMm : r === 0 ? cx + (w - tw) / 2 : cx + 1.5 * c.pxPerMm;
              c.g.fillText(cell, tx, cy + r * rowH + rowH * 0.68);
              cx += w;
            });
          });
        }
        cy += rows.length * rowH + 2 * c.pxPerMm;
        break;
      }
    }
  }
  return cy;
}

export function pagePixelSize(spec: PageSpec, dpi: number): { width: number; height: number } {
  return { width: Math.round((spec.widthMm / 25.4) * dpi), height: Math.round((spec.heightMm / 25.4) * dpi) };
}

export function renderPage(spec: PageSpec, options: RenderOptions): Canvas {
  const families = registerFonts();
  // Without fonts-dejavu-extra only Liberation Sans (shipped with pdfjs-dist) is complete: fall back to any complete family.
  const family = families.has(spec.family) ? spec.family : ([...families][0] as FontFamily);
  const { width, height } = pagePixelSize(spec, options.dpi);
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  g.fillStyle = options.background;
  g.fillRect(0, 0, width, height);
  g.save();
  g.translate(width / 2, height / 2);
  g.rotate((options.skewDeg * Math.PI) / 180);
  g.translate(-width / 2, -height / 2);
  if (spec.paper) {
    g.fillStyle = spec.paper;
    g.fillRect(0, 0, width, height);
  }
  const c: Ctx = {
    g,
    pxPerMm: options.dpi / 25.4,
    pxPerPt: options.dpi / 72,
    family,
    baseSize: spec.baseSize,
    ink: options.ink,
    rng: options.rng,
  };
  const m = spec.marginMm * c.pxPerMm;
  layout(c, spec.blocks, m, width - 2 * m, m, true);
  g.restore();
  return canvas;
}
