/** What a page's operator list says about how it was drawn. */
export interface PageOpsSummary {
  /** Glyphs drawn with an invisible render mode (3 or 7) and all glyphs drawn. */
  invisibleGlyphs: number;
  totalGlyphs: number;
  /** The single image that makes up the page, when the page is a scan; null when it must be rendered. */
  fullPageImage: FullPageImage | null;
}

export interface FullPageImage {
  /** Object id (XObject) or, for inline images, the image data itself. */
  source: { objId: string } | { inline: unknown };
  /** Matrix from the image's unit square to device pixels (viewport transform included). */
  matrix: [number, number, number, number, number, number];
}

export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

export interface FullPageImageOptions {
  /** Share of the page the image must cover. */
  minCoverage: number;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m1: Matrix, m2: readonly number[]): Matrix {
  const [a2 = 0, b2 = 0, c2 = 0, d2 = 0, e2 = 0, f2 = 0] = m2;
  return [
    m1[0] * a2 + m1[2] * b2,
    m1[1] * a2 + m1[3] * b2,
    m1[0] * c2 + m1[2] * d2,
    m1[1] * c2 + m1[3] * d2,
    m1[0] * e2 + m1[2] * f2 + m1[4],
    m1[1] * e2 + m1[3] * f2 + m1[5],
  ];
}

// Operators that put marks on the page other than the scan image; after the image they would be lost by extraction.
const MARKING_OPS = [
  'constructPath',
  'fill',
  'eoFill',
  'stroke',
  'fillStroke',
  'eoFillStroke',
  'closeStroke',
  'closeFillStroke',
  'closeEOFillStroke',
  'shadingFill',
  'paintImageMaskXObject',
  'paintImageMaskXObjectGroup',
  'paintImageXObjectRepeat',
  'paintImageMaskXObjectRepeat',
  'paintSolidColorImageMask',
  'paintInlineImageXObjectGroup',
];

function glyphCount(args: unknown): number {
  const glyphs = Array.isArray(args) ? args[0] : null;
  if (!Array.isArray(glyphs)) return 0;
  let n = 0;
  for (const g of glyphs) {
    if (g && typeof g === 'object' && typeof (g as { unicode?: unknown }).unicode === 'string') {
      if ((g as { unicode: string }).unicode.trim()) n++;
    }
  }
  return n;
}

function coverage(m: Matrix, width: number, height: number): number {
  const xs = [m[4], m[0] + m[4], m[2] + m[4], m[0] + m[2] + m[4]];
  const ys = [m[5], m[1] + m[5], m[3] + m[5], m[1] + m[3] + m[5]];
  const w = Math.max(0, Math.min(width, Math.max(...xs)) - Math.max(0, Math.min(...xs)));
  const h = Math.max(0, Math.min(height, Math.max(...ys)) - Math.max(0, Math.min(...ys)));
  return (w * h) / (width * height);
}

function axisAligned(m: Matrix): boolean {
  const scale = Math.max(Math.abs(m[0]), Math.abs(m[1]), Math.abs(m[2]), Math.abs(m[3]));
  const tol = 1e-3 * scale;
  return (Math.abs(m[1]) <= tol && Math.abs(m[2]) <= tol) || (Math.abs(m[0]) <= tol && Math.abs(m[3]) <= tol);
}

/**
 * Walks the operator list tracking the transform and text render mode. A page is a "full-page image" when it
 * paints exactly one image, axis-aligned, covering at least minCoverage of the page, with no visible text and
 * no other marks drawn after it (marks underneath are hidden by the scan anyway).
 */
export function summarizePageOps(
  ops: OperatorList,
  OPS: Record<string, number>,
  viewport: { transform: readonly number[]; width: number; height: number },
  options: FullPageImageOptions = { minCoverage: 0.95 },
): PageOpsSummary {
  const marking = new Set(MARKING_OPS.map((name) => OPS[name]).filter((v): v is number => v !== undefined));
  let ctm: Matrix = multiply(IDENTITY, viewport.transform);
  let mode = 0;
  const stack: { ctm: Matrix; mode: number }[] = [];
  let invisible = 0;
  let total = 0;
  let images = 0;
  let marksAfterImage = false;
  let candidate: FullPageImage | null = null;

  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push({ ctm, mode });
        break;
      case OPS.restore: {
        const s = stack.pop();
        if (s) ({ ctm, mode } = s);
        break;
      }
      case OPS.transform:
        if (Array.isArray(args)) ctm = multiply(ctm, args as number[]);
        break;
      case OPS.paintFormXObjectBegin:
        stack.push({ ctm, mode });
        if (Array.isArray(args) && Array.isArray(args[0])) ctm = multiply(ctm, args[0] as number[]);
        break;
      case OPS.paintFormXObjectEnd: {
        const s = stack.pop();
        if (s) ({ ctm, mode } = s);
        break;
      }
      case OPS.setTextRenderingMode:
        if (Array.isArray(args) && typeof args[0] === 'number') mode = args[0];
        break;
      case OPS.showText:
      case OPS.showSpacedText: {
        const n = glyphCount(args);
        total += n;
        if (mode === 3 || mode === 7) invisible += n;
        else if (n > 0 && images > 0) marksAfterImage = true;
        break;
      }
      case OPS.paintImageXObject:
      case OPS.paintInlineImageXObject: {
        images++;
        if (Array.isArray(args)) {
          const source = fn === OPS.paintImageXObject ? { objId: String(args[0]) } : { inline: args[0] };
          candidate = { source, matrix: ctm };
        }
        break;
      }
      default:
        if (fn !== undefined && marking.has(fn) && images > 0) marksAfterImage = true;
    }
  }

  const visibleText = total - invisible > 0;
  const usable =
    images === 1 &&
    candidate !== null &&
    !marksAfterImage &&
    !visibleText &&
    axisAligned(candidate.matrix) &&
    coverage(candidate.matrix, viewport.width, viewport.height) >= options.minCoverage;
  return { invisibleGlyphs: invisible, totalGlyphs: total, fullPageImage: usable ? candidate : null };
}
