// A device-independent description of a printed page: documents produce these, the renderer draws them at any dpi.

export type FontFamily =
  | 'serif'
  | 'sans'
  | 'sans-condensed'
  | 'serif-condensed'
  | 'liberation-sans'
  | 'liberation-serif'
  | 'noto-sans'
  | 'noto-serif';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export interface TextStyle {
  /** Points; defaults to the page's base size. */
  size?: number;
  bold?: boolean;
  italic?: boolean;
  align?: 'left' | 'center' | 'right' | 'justify';
  /** Indent of the first line in mm. */
  indent?: number;
  /** Line spacing factor (default 1.35). */
  leading?: number;
}

export type Block =
  | { kind: 'text'; runs: Run[]; style: TextStyle }
  | { kind: 'gap'; mm: number }
  | { kind: 'columns'; widths: number[]; cols: Block[][] }
  | { kind: 'rule'; widthMm: number }
  | { kind: 'table'; widths: number[]; header: string[]; rows: string[][]; size?: number }
  | { kind: 'seal'; diameterMm: number; label: string }
  | { kind: 'signature' }
  | { kind: 'photo'; widthMm: number; heightMm: number }
  | { kind: 'frame'; blocks: Block[]; paddingMm: number };

export interface PageSpec {
  widthMm: number;
  heightMm: number;
  marginMm: number;
  family: FontFamily;
  /** Base font size in points. */
  baseSize: number;
  /** Paper tint (CSS colour), e.g. pinkish for land certificates. */
  paper?: string;
  blocks: Block[];
}

export const A4 = { widthMm: 210, heightMm: 297 } as const;

/** Small builders keep document code readable. */
export const b = {
  text: (text: string, style: TextStyle = {}): Block => ({ kind: 'text', runs: [{ text }], style }),
  center: (text: string, style: TextStyle = {}): Block => ({
    kind: 'text',
    runs: [{ text }],
    style: { align: 'center', ...style },
  }),
  title: (text: string, size = 15): Block => ({
    kind: 'text',
    runs: [{ text, bold: true }],
    style: { align: 'center', size },
  }),
  /** "Label: value" with the value in bold or plain. */
  field: (label: string, value: string, style: TextStyle = {}, boldValue = true): Block => ({
    kind: 'text',
    runs: [{ text: `${label}: ` }, { text: value, bold: boldValue }],
    style,
  }),
  runs: (runs: Run[], style: TextStyle = {}): Block => ({ kind: 'text', runs, style }),
  gap: (mm: number): Block => ({ kind: 'gap', mm }),
  cols: (widths: number[], ...cols: Block[][]): Block => ({ kind: 'columns', widths, cols }),
  rule: (widthMm = 40): Block => ({ kind: 'rule', widthMm }),
  seal: (label: string, diameterMm = 38): Block => ({ kind: 'seal', diameterMm, label }),
  signature: (): Block => ({ kind: 'signature' }),
  photo: (widthMm: number, heightMm: number): Block => ({ kind: 'photo', widthMm, heightMm }),
  frame: (blocks: Block[], paddingMm = 4): Block => ({ kind: 'frame', blocks, paddingMm }),
  table: (widths: number[], header: string[], rows: string[][], size?: number): Block =>
    size === undefined ? { kind: 'table', widths, header, rows } : { kind: 'table', widths, header, rows, size },
};
