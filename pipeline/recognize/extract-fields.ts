// Field extraction for one component: label-anchored values (same line right of the label, else the next line),
// wrapped continuation lines, party blocks, numbered form items, and the date-line / agency-header / title anchors.
import type { FieldResult } from '../page-model.js';
import type { TitleMatch } from './classify.js';
import { type CompiledType, compilePack, STOP_OWNER, toneKey } from './compiled-pack.js';
import { parseDate } from './date-parser.js';
import { type LabelHit, matchLabels } from './label-match.js';
import { type PreparedLine, spanEvidence, unionBoxes } from './page-lines.js';
import type { FieldRule, RulePack, TypeRule } from './rule-pack.js';
import { splitSideBySide } from './side-by-side.js';
import { cleanText, fromVocabulary, isImplausiblySmallAmount, type ParsedValue, parseValue } from './value-parsers.js';
import { isVietnameseSyllable } from './vietnamese-syllables.js';
import { foldKey, upperCaseRatio } from './vietnamese-text.js';

interface Piece {
  line: PreparedLine;
  start: number;
  end: number;
}

interface Candidate {
  pieces: Piece[];
  quality: number;
  /** Why the value needs a look even when read cleanly (a date taken from running text). */
  note?: string;
}

export interface ExtractInput {
  type: TypeRule;
  /** All lines of the component's pages, in reading order. */
  lines: PreparedLine[];
  pack: RulePack;
  title: TitleMatch | null;
}

export interface Extraction {
  fields: Record<string, FieldResult>;
  /** Validation findings that should send the component to review. */
  problems: string[];
  /** Fields read from a trusted text layer (every word at confidence >= TRUSTED_CONFIDENCE). */
  trusted: Set<string>;
  /** OCR words under each field's value, with their confidences (plausibility checks). */
  words: Record<string, ValueWord[]>;
}

export interface ValueWord {
  text: string;
  confidence: number;
}

function valueWords(c: Candidate): ValueWord[] {
  return c.pieces.flatMap((p) =>
    p.line.words
      .filter((w) => w.end > p.start && w.start < p.end)
      .map((w) => ({ text: p.line.text.slice(w.start, w.end), confidence: w.word.confidence })),
  );
}

/** Word confidence of a trusted text layer (page-model: 1 for a trusted text layer). */
export const TRUSTED_CONFIDENCE = 0.999;

function isTrusted(c: Candidate): boolean {
  const words = c.pieces.flatMap((p) => p.line.words.filter((w) => w.end > p.start && w.start < p.end));
  return words.length > 0 && words.every((w) => w.word.confidence >= TRUSTED_CONFIDENCE);
}

interface Context {
  input: ExtractInput;
  compiled: CompiledType;
  hits: Map<PreparedLine, LabelHit[]>;
  blockStarts: Map<PreparedLine, string>;
  blocks: Map<string, PreparedLine[]>;
}

function lineKey(l: PreparedLine) {
  return `${l.page}:${l.index}`;
}

/** Lines where each party block starts; a block runs to the next start of another block. */
function findBlocks(
  type: CompiledType,
  lines: PreparedLine[],
): { starts: Map<PreparedLine, string>; blocks: Map<string, PreparedLine[]> } {
  const starts = new Map<PreparedLine, string>();
  if (type.blockLabels.length === 0) return { starts, blocks: new Map() };
  const compiled = type.blockLabels;
  const seen = new Set<string>();
  for (const line of lines) {
    const hit = matchLabels(line, compiled).find((h) => h.atLineStart);
    if (!hit) continue;
    const printed = line.text.slice(hit.start, hit.end);
    // Headers are in capitals or end in a colon; "Bên A cam kết …" in body text is not a block start.
    const wholeLine = hit.end >= line.text.replace(/[\s:.]+$/, '').length * 0.8;
    if (upperCaseRatio(printed) < 0.6 && !line.text.includes(':') && !wholeLine) continue;
    const owner = hit.owners[0]!;
    if (seen.has(owner)) continue;
    seen.add(owner);
    starts.set(line, owner);
  }
  const blocks = new Map<string, PreparedLine[]>();
  let current: string | null = null;
  for (const line of lines) {
    const s = starts.get(line);
    if (s) current = s;
    if (current) {
      const list = blocks.get(current) ?? [];
      list.push(line);
      blocks.set(current, list);
    }
  }
  return { starts, blocks };
}

function startsWithLabel(ctx: Context, line: PreparedLine): boolean {
  return (ctx.hits.get(line) ?? []).some((h) => h.atLineStart) || ctx.blockStarts.has(line);
}

/**
 * A line opening with a label that introduces something (a colon or text after it). A lone word left over by a
 * wrap ("bạ" of "lệ phí trước bạ") may fold like a label ("Bà") and still continue the value above.
 */
function opensWithLabel(ctx: Context, line: PreparedLine): boolean {
  const rest = (h: { valueStart: number; colon: boolean }) =>
    h.colon || Boolean(cleanText(line.text.slice(h.valueStart)));
  if ((ctx.hits.get(line) ?? []).some((h) => h.atLineStart && rest(h))) return true;
  return ctx.blockStarts.has(line) && /[:：]|\s/.test(line.text.trim());
}

/** Left edge of the word at a character offset of a line (undefined without boxes). */
function wordX(line: PreparedLine, offset: number): number | undefined {
  return line.words.find((w) => w.end > offset)?.word.bbox.x0;
}

/** Narrowest gutter between two columns of one row, as a share of the page width. */
export const COLUMN_GUTTER = 0.02;

/**
 * Where a value's column starts on the next line: a card prints its photo column ("Có giá trị đến: …") left of the
 * fields, and OCR reads both columns as one line. When words left of the value's column end before a gutter, the
 * value continues after it; a line running across or ending before the column (body text wrapping to the
 * margin) is taken whole.
 */
function columnStart(next: PreparedLine, columnX: number | undefined): number {
  const width = next.pageWidth;
  if (columnX === undefined || !(width > 0)) return 0;
  const tol = width * 0.01;
  const k = next.words.findIndex((w) => w.word.bbox.x0 >= columnX - tol);
  if (k === 0) return 0;
  // Nothing in the column: a short line of body text wrapping to the margin, taken whole as before.
  if (k < 0) return 0;
  if (next.words.slice(0, k).some((w) => w.word.bbox.x1 > columnX)) return 0;
  // Specks in the gutter ("~~") are no text: the gutter is measured from the last word with a letter or digit.
  const before = next.words.slice(0, k).findLast((w) => /[\p{L}\p{N}]/u.test(w.word.text));
  if (!before) return next.words[k]!.start;
  return next.words[k]!.word.bbox.x0 - before.word.bbox.x1 >= width * COLUMN_GUTTER ? next.words[k]!.start : 0;
}

/** A part of the line opening with a label that introduces something (a colon or text after it). */
function opensWithLabelAt(ctx: Context, line: PreparedLine, start: number): boolean {
  if (start === 0) return opensWithLabel(ctx, line);
  return (ctx.hits.get(line) ?? []).some(
    (h) => h.start === start && (h.colon || Boolean(cleanText(line.text.slice(h.valueStart)))),
  );
}

/** Following lines that continue a wrapped value, in the value's column. */
function continuation(
  ctx: Context,
  scope: PreparedLine[],
  from: Piece,
  maxLines: number,
  columnX = wordX(from.line, from.start),
): Piece[] {
  const out: Piece[] = [];
  let prev = from;
  let pos = scope.indexOf(from.line);
  while (out.length + 1 < maxLines) {
    const next = scope[pos + 1];
    if (!next || next.page !== prev.line.page || next.index !== prev.line.index + 1) break;
    const start = columnStart(next, columnX);
    if (opensWithLabelAt(ctx, next, start) || !next.text) break;
    const text = next.text.slice(start);
    const prevText = prev.line.text.slice(prev.start, prev.end).trim();
    const wraps =
      /[,\-–]$/.test(prevText) ||
      /^[\p{Ll}]/u.test(text) ||
      endsOpen(ctx.input.pack, prevText) ||
      filledLine(prev, next, text);
    if (!wraps) break;
    // The line opens with no label (checked above): a label-like word at its start is part of the value.
    const piece = { line: next, start, end: valueEnd(ctx, next, start + 1) };
    out.push(piece);
    prev = piece;
    pos++;
  }
  return out;
}

/** The text ends on a word no value ends on (the pack's `wrapAfter`): the value goes on. */
function endsOpen(pack: RulePack, text: string): boolean {
  const last = text.match(/[\p{L}\p{M}]+$/u)?.[0];
  return last !== undefined && compilePack(pack).openEndings.has(toneKey(last));
}

/** Share of the page width a line must reach to have been cut by the margin rather than ended. */
export const FULL_LINE_SHARE = 0.8;
/** Share of the page width reached by a line that ran into the right margin itself. */
export const FULL_MARGIN_SHARE = 0.9;

/**
 * The previous piece ran to the right margin and the next line is a plain remainder ("… tỉnh Nam" / "Định"),
 * not a list item, a heading in capitals or another column's text.
 */
function filledLine(prev: Piece, next: PreparedLine, text = next.text): boolean {
  const width = prev.line.pageWidth;
  const box = prev.line.line.bbox;
  if (!(width > 0 && box.x1 > box.x0) || prev.end < prev.line.text.length) return false;
  if (box.x1 < width * FULL_LINE_SHARE) return false;
  if (/^(?:[-–•+*]|\d+[.)]\s|[a-zđ][.)]\s|[IVX]+\.\s)/u.test(text)) return false;
  // A colon makes it a label line of its own ("Nguyên nhân chết: …", "Thành phần hồ sơ gồm:").
  if (/[:：]/.test(text)) return false;
  const words = text.split(/\s+/).length;
  // A line that reached the very margin wraps a longer remainder ("… từ ông Hồ" / "Thành Trường sang ông …").
  const maxWords = box.x1 >= width * FULL_MARGIN_SHARE ? 10 : 6;
  if (words > maxWords || (upperCaseRatio(text) > 0.8 && words > 2)) return false;
  return next.line.bbox.x0 < width * 0.5;
}

/** Most words a name's wrapped last line may hold. */
export const NAME_WRAP_WORDS = 2;

/**
 * A name cut by a narrow column ("tên chồng: TRẦN HỮU TRỌNG" / "ĐẠT"): the next line, aligned with the label,
 * holds only one or two capitalised syllables and nothing else.
 */
function nameWrap(ctx: Context, scope: PreparedLine[], from: Piece): Piece[] {
  const next = scope[scope.indexOf(from.line) + 1];
  if (!next || next.page !== from.line.page || next.index !== from.line.index + 1) return [];
  if (startsWithLabel(ctx, next) || !next.text) return [];
  const words = next.text.split(/\s+/);
  if (words.length > NAME_WRAP_WORDS || next.text !== next.text.toUpperCase()) return [];
  if (!words.every((w) => isVietnameseSyllable(w))) return [];
  const width = from.line.pageWidth;
  const a = from.line.line.bbox;
  const b = next.line.bbox;
  if (!(width > 0 && a.x1 > a.x0 && b.x1 > b.x0) || Math.abs(a.x0 - b.x0) > width * 0.02) return [];
  return [{ line: next, start: 0, end: next.text.length }];
}

function valueEnd(ctx: Context, line: PreparedLine, from: number): number {
  const next = (ctx.hits.get(line) ?? []).find((h) => h.start >= from && (h.colon || h.atLineStart));
  return next ? next.start : line.text.length;
}

/** Value types with a check digit: a reading that fails it is kept only when no other reading passes. */
const CHECKED_TYPES: ReadonlySet<string> = new Set(['tax_code']);

/** Value types printed as parts separated by commas (an address, an agency and its place). */
const PART_LISTS: ReadonlySet<string> = new Set(['address', 'text']);

/** Value types that are figures: a sentence may wrap right before them. */
const FIGURE_TYPES: ReadonlySet<string> = new Set(['date', 'id_number', 'tax_code', 'money', 'area']);

/** Candidate value pieces for a label hit: right of the label, then the line below. */
function candidatesForHit(ctx: Context, scope: PreparedLine[], line: PreparedLine, hit: LabelHit, f: FieldRule) {
  const out: Candidate[] = [];
  const end = valueEnd(ctx, line, hit.valueStart);
  if (f.position !== 'below' && cleanText(line.text.slice(hit.valueStart, end))) {
    const first = { line, start: f.keepLabels.includes(hit.label) ? hit.start : hit.valueStart, end };
    let more = continuation(ctx, scope, first, f.maxLines, wordX(line, hit.start));
    if (more.length === 0 && f.type === 'person_name' && end === line.text.length) more = nameWrap(ctx, scope, first);
    out.push({ pieces: [first, ...more], quality: hit.quality });
  }
  // Only a label that ends its line (or has a colon) hands its value to the next line; a label word inside a
  // title or sentence does not, unless the sentence ends the line with a colon before a figure ("… là:" / "1.655…").
  const endsLine = !cleanText(line.text.slice(hit.valueStart, end));
  const sentenceColon = FIGURE_TYPES.has(f.type) && /:\s*$/.test(line.text.slice(hit.valueStart, end));
  if (f.position !== 'right' && (hit.colon || endsLine || sentenceColon)) {
    const next = scope[scope.indexOf(line) + 1];
    // A label inside a sentence hands over only a figure that opens the next line ("… đã chết ngày" / "06/07/2014").
    const opensFigure = FIGURE_TYPES.has(f.type) && /^\d/.test(next?.text ?? '');
    const handsOver = hit.colon || endsLine ? hit.colon || hit.atLineStart || opensFigure : opensFigure;
    if (handsOver && next && next.page === line.page && next.index === line.index + 1 && !startsWithLabel(ctx, next)) {
      const first = { line: next, start: 0, end: valueEnd(ctx, next, 0) };
      out.push({ pieces: [first, ...continuation(ctx, scope, first, f.maxLines)], quality: hit.quality * 0.9 });
    }
  }
  return out;
}

/**
 * A numbered form item "[05]" as OCR reads it: brackets as parentheses, bars or braces, one of them dropped
 * ("(05)", "|05]", "[05", "05]"), the 0 as an O. The number is matched as printed: "(5)" of a column formula
 * ("(5) = (3) x (4)") is no item 05.
 */
export function itemNumber(item: string): RegExp {
  const open = String.raw`[\[({|]`;
  const close = String.raw`[\])}|]`;
  const num = String.raw`(?<!\d)${item.replace(/0/g, '[0Oo]')}(?!\d)`;
  return new RegExp(
    String.raw`${open}\s*${num}\s*${close}?|(?<![\p{L}])${num}\s*${close}|\[\s*0*${Number(item)}\s*\]`,
    'u',
  );
}

function itemCandidates(ctx: Context, scope: PreparedLine[], f: FieldRule): Candidate[] {
  const out: Candidate[] = [];
  for (const item of f.items) {
    const re = itemNumber(item);
    for (const line of scope) {
      const m = re.exec(line.text);
      if (!m) continue;
      let start = m.index + m[0].length;
      const colon = line.text.indexOf(':', start);
      if (colon >= 0 && colon - start < 60) start = colon + 1;
      const nextItem = /\[\s*\d+\s*\]|[[(]\s*\d{2}\s*[\])]/.exec(line.text.slice(start));
      const end = nextItem ? start + nextItem.index : line.text.length;
      if (cleanText(line.text.slice(start, end))) {
        const first = { line, start, end };
        out.push({ pieces: [first, ...continuation(ctx, scope, first, f.maxLines)], quality: 0.95 });
      }
    }
  }
  return out;
}

function labelCandidates(ctx: Context, key: string, f: FieldRule): Candidate[] {
  const all = ctx.input.lines;
  const block = f.block ? ctx.blocks.get(f.block) : undefined;
  const scope = block ?? all;
  const ranked: { c: Candidate; rank: number; order: number }[] = [];
  const labelRank = new Map(f.labels.map((l, i) => [l, i]));
  for (const line of scope) {
    for (const hit of ctx.hits.get(line) ?? []) {
      if (!hit.owners.includes(key)) continue;
      // Outside its block a field only trusts labels no other field uses.
      if (f.block && !block && ctx.compiled.shared.has(foldKey(hit.label))) continue;
      for (const c of candidatesForHit(ctx, scope, line, hit, f)) {
        ranked.push({ c, rank: labelRank.get(hit.label) ?? f.labels.length, order: ranked.length });
      }
    }
  }
  // Labels listed first in the rule data are preferred; among equals, reading order.
  ranked.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return [...itemCandidates(ctx, scope, f), ...ranked.map((r) => r.c)];
}

function firstPageLines(ctx: Context): PreparedLine[] {
  const first = ctx.input.lines[0]?.page;
  return ctx.input.lines.filter((l) => l.page === first);
}

// "Hà Nội, ngày 05 tháng 4 năm 2024": a place, a comma, then the date. OCR may run the "Số: …" column into it.
const PLACE_DATE = /\p{L}[\p{L}.]*,\s*(?=ng[àa]y\s*\d)/u;

function dateLineCandidates(ctx: Context, key: string): Candidate[] {
  const scored: { c: Candidate; rank: number }[] = [];
  for (const line of firstPageLines(ctx)) {
    const place = PLACE_DATE.exec(line.text);
    if (place) {
      const start = place.index + place[0].length;
      const piece = { line, start, end: line.text.length };
      if (parseDate(line.text.slice(start))?.form === 'words-digits') {
        scored.push({ c: { pieces: [piece], quality: 0.95 }, rank: 0 });
        continue;
      }
      // A long place name pushes the year onto the next line ("… ngày 15 tháng 11 năm" / "2020", or "tháng 5" /
      // "năm 2024"), which OCR may read after the left column's "Số: …" line ("Số: 2085/STNMT-VP năm 2022").
      const next = ctx.input.lines[ctx.input.lines.indexOf(line) + 1];
      const wrapped = next ? (/^(?:n[ăa]m\s*)?\d{4}\b/u.exec(next.text) ?? /\bn[ăa]m\s*\d{4}$/u.exec(next.text)) : null;
      if (next && wrapped && next.page === line.page) {
        const joined = `${line.text.slice(start)} ${wrapped[0]}`;
        if (parseDate(joined)?.form === 'words-digits') {
          const year = { line: next, start: wrapped.index, end: wrapped.index + wrapped[0].length };
          scored.push({ c: { pieces: [piece, year], quality: 0.9 }, rank: 0 });
          continue;
        }
      }
    }
    const foreign = (ctx.hits.get(line) ?? []).some((h) => !h.owners.includes(key) && !h.owners.includes(STOP_OWNER));
    if (foreign) continue;
    const d = parseDate(line.text);
    if (d?.form !== 'words-digits') continue;
    const rank = line.key.startsWith('ngay') ? 1 : 2;
    const pieces = [{ line, start: 0, end: line.text.length }];
    // A date inside a sentence is most often that of a text cited ("Căn cứ Luật … ngày 19 tháng 6 năm 2015").
    const note = rank === 2 ? 'date taken from running text, not from the place-and-date line' : undefined;
    scored.push({ c: { pieces, quality: [0.95, 0.9, 0.7][rank]!, ...(note ? { note } : {}) }, rank });
  }
  return scored.sort((a, b) => a.rank - b.rank).map((s) => s.c);
}

/**
 * The year of a place-and-date line wrapped to the end of the next line ("…, ngày 21 tháng 9" / "V/v … biến năm
 * 2025"): OCR joins it to the other column's text, which must not keep it. Offset of the year in that line.
 */
function wrappedYears(ctx: Context): Map<PreparedLine, number> {
  const out = new Map<PreparedLine, number>();
  const lines = ctx.input.lines;
  for (const line of firstPageLines(ctx)) {
    const place = PLACE_DATE.exec(line.text);
    if (!place || parseDate(line.text.slice(place.index + place[0].length))?.form === 'words-digits') continue;
    const next = lines[lines.indexOf(line) + 1];
    const year = next && next.page === line.page ? /\s*\bn[ăa]m\s*\d{4}$/u.exec(next.text) : null;
    if (next && year && year.index > 0) out.set(next, year.index);
  }
  return out;
}

/** Pieces of a candidate without a wrapped year of the date line (see `wrappedYears`). */
function withoutWrappedYears(c: Candidate, years: Map<PreparedLine, number>): Candidate {
  if (years.size === 0 || !c.pieces.some((p) => years.has(p.line))) return c;
  const pieces = c.pieces
    .map((p) => {
      const cut = years.get(p.line);
      return cut === undefined || p.start >= cut ? p : { ...p, end: Math.min(p.end, cut) };
    })
    .filter((p) => p.end > p.start && (years.get(p.line) ?? Number.POSITIVE_INFINITY) > p.start);
  return { ...c, pieces };
}

/**
 * OCR may run the agency's last line into the place-date line of the right column ("TRƯỜNG Hà Nội, ngày 21 …"):
 * the agency part is the run of words in capitals before it. The whole line when there is no place-date.
 */
function capitalsBeforePlaceDate(text: string): number {
  if (!/,\s*ng[àa]y\s*\d/u.test(text)) return text.length;
  let end = 0;
  for (const m of text.matchAll(/\S+/gu)) {
    if (!/\p{L}/u.test(m[0]) || m[0] !== m[0].toUpperCase()) break;
    end = m.index + m[0].length;
  }
  return end;
}

function agencyHeader(ctx: Context): Candidate[] {
  const { titleZone } = ctx.input.pack.settings;
  const mottoLabels = compilePack(ctx.input.pack).mottoLabels;
  const titleLine = ctx.input.title?.lines[0];
  const pieces: Piece[] = [];
  for (const line of firstPageLines(ctx)) {
    if (line === titleLine || line.yRel > titleZone) break;
    // OCR may run the agency and the motto columns into one line: keep the part before the motto.
    const cut = Math.min(
      matchLabels(line, mottoLabels)[0]?.start ?? line.text.length,
      capitalsBeforePlaceDate(line.text),
    );
    const text = line.text.slice(0, cut).trimEnd();
    const key = foldKey(text);
    // "Số: 12/…" is the symbol line; "SỞ TƯ PHÁP" (folded "so tu phap") is an agency.
    if (!key || /^so \d/.test(key) || upperCaseRatio(text) < 0.7) continue;
    pieces.push({ line, start: 0, end: cut });
  }
  // With boxes, the agency sits in the left column, the motto in the right one.
  const left = pieces.filter((p) => p.line.pageWidth > 0 && p.line.line.bbox.x0 < p.line.pageWidth * 0.4);
  const chosen = left.length > 0 ? left : pieces;
  if (chosen.length === 0) return [];
  return [{ pieces: chosen, quality: 0.8 }];
}

function patternCandidates(ctx: Context, f: FieldRule): Candidate[] {
  if (!f.pattern) return [];
  const re = new RegExp(f.pattern, 'u');
  return ctx.input.lines
    .filter((line) => re.test(line.text))
    .map((line) => ({ pieces: [{ line, start: 0, end: line.text.length }], quality: 0.85 }));
}

function titleCandidate(ctx: Context): Candidate[] {
  const t = ctx.input.title;
  if (!t) return [];
  return [{ pieces: t.lines.map((line) => ({ line, start: 0, end: line.text.length })), quality: t.similarity }];
}

function toResult(c: Candidate, parsed: ParsedValue): FieldResult {
  const ev = c.pieces.map((p) => spanEvidence(p.line, p.start, p.end));
  const ocr = ev.reduce((s, e) => s + e.confidence, 0) / ev.length;
  const samePage = c.pieces.filter((p) => p.line.page === c.pieces[0]!.line.page);
  return {
    value: parsed.value,
    raw: cleanText(c.pieces.map((p) => p.line.text.slice(p.start, p.end)).join(' ')),
    confidence: round(ocr * c.quality * parsed.quality),
    page: c.pieces[0]!.line.page,
    bbox: unionBoxes(ev.slice(0, samePage.length).flatMap((e) => (e.bbox ? [e.bbox] : []))),
  };
}

export const round = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;

export function extractFields(given: ExtractInput): Extraction {
  const { type, pack } = given;
  const compiled = compilePack(pack).byCode.get(type.code);
  if (!compiled || compiled.rule !== type) throw new Error(`type ${type.code} is not part of the rule pack given`);
  const outside = compiled.labels.filter((l) => l.owner !== STOP_OWNER && !type.fields[l.owner]?.block);
  const stops = compiled.labels.filter((l) => l.owner === STOP_OWNER);
  const lines = splitSideBySide(given.lines, compiled.blockLabels, outside, stops);
  const input = { ...given, lines };
  const hits = new Map<PreparedLine, LabelHit[]>();
  for (const line of lines) hits.set(line, matchLabels(line, compiled.labels));
  const { starts, blocks } = findBlocks(compiled, lines);
  const ctx: Context = { input, compiled, hits, blockStarts: starts, blocks };
  const fields: Record<string, FieldResult> = {};
  const notes: string[] = [];
  const trustedFields = new Set<string>();
  const words: Record<string, ValueWord[]> = {};
  const years = wrappedYears(ctx);
  for (const [key, f] of Object.entries(type.fields)) {
    const read = [
      ...(f.anchor === 'title' ? titleCandidate(ctx) : []),
      ...labelCandidates(ctx, key, f),
      ...(f.anchor === 'agency-header' ? agencyHeader(ctx) : []),
      ...(f.anchor === 'pattern' ? patternCandidates(ctx, f) : []),
    ];
    const candidates = [
      ...(f.type === 'date' ? read : read.map((c) => withoutWrappedYears(c, years))).filter((c) => c.pieces.length),
      ...(f.anchor === 'date-line' ? dateLineCandidates(ctx, key) : []),
    ];
    const seen = new Set<string>();
    let fallback: { c: Candidate; parsed: ParsedValue } | undefined;
    const take = (c: Candidate, parsed: ParsedValue) => {
      fields[key] = toResult(c, parsed);
      words[key] = valueWords(c);
      const last = c.pieces[c.pieces.length - 1]!;
      // A list of parts read up to a separator ("… xã Nhơn Hậu,") lost its next part: that line was not read.
      if (PART_LISTS.has(f.type) && /[,;]\s*$/.test(last.line.text.slice(last.start, last.end)))
        notes.push(`${key}: value ends with a separator, its next part was not read`);
      for (const n of [...(parsed.notes ?? []), ...(c.note ? [c.note] : [])]) notes.push(`${key}: ${n}`);
    };
    for (const c of candidates) {
      const text = c.pieces.map((p) => p.line.text.slice(p.start, p.end)).join(' ');
      const sig = `${c.pieces.map((p) => lineKey(p.line)).join(',')}|${text}`;
      if (seen.has(sig)) continue;
      seen.add(sig);
      let parsed = parseValue(f.type, text, { notFuture: f.notFuture });
      if (!parsed) continue;
      const trusted = isTrusted(c);
      if (trusted) trustedFields.add(key);
      // OCR misreads are repaired; a trusted text layer is kept as printed.
      // A repair with an empty note is a sure one (closed vocabulary) and needs no review.
      if (parsed.repair && !trusted)
        parsed = { ...parsed, ...parsed.repair, notes: parsed.repair.note ? [parsed.repair.note] : [] };
      if (f.vocabulary.length > 0) {
        const known = fromVocabulary(parsed.value, f.vocabulary);
        parsed = {
          ...parsed,
          value: known.value,
          notes: [...(parsed.notes ?? []), ...(known.note ? [known.note] : [])],
        };
      }
      // A code failing its check digit yields to a later reading of the field that checks (the same code printed
      // again, or on the line below a label whose own line held a broken read); so does an amount too small to be
      // one, another number of the sentence ("… tại Điều 1 là:" / "1.655.000.000 đồng").
      const tooSmall = f.type === 'money' && isImplausiblySmallAmount(parsed.value);
      if (((CHECKED_TYPES.has(f.type) && parsed.notes?.length) || tooSmall) && !trusted) {
        fallback ??= { c, parsed };
        continue;
      }
      take(c, parsed);
      fallback = undefined;
      break;
    }
    if (fallback) take(fallback.c, fallback.parsed);
  }
  return { fields, problems: notes, trusted: trustedFields, words };
}
