// Fuzzy label anchoring on folded tokens (domain.md §5.4 "label anchoring"): a label matches a run of line tokens
// within a length-scaled edit distance, OCR splits/glues tolerated. Where labels overlap on a line, the longest
// wins, so "Họ, chữ đệm, tên người mẹ" is not read as "Họ, chữ đệm, tên".
import type { PreparedLine } from './page-lines.js';
import { allowedDistance, bareSimilarity, CONFUSION_COST, foldKey, ocrEditDistance } from './vietnamese-text.js';

export interface LabelSpec {
  /** Owner of the label: a field key, or a marker for stop labels. */
  owner: string;
  label: string;
  colonOptional: boolean;
}

export interface LabelHit {
  owners: string[];
  label: string;
  /** Character offsets on the line. */
  start: number;
  end: number;
  /** Where the value may begin: after the label, a bilingual "/ English" part, a "(note)" and the colon. */
  valueStart: number;
  quality: number;
  atLineStart: boolean;
  /** A colon follows the label. Hits in running text (no colon, mid-line) do not end other values. */
  colon: boolean;
}

export interface CompiledLabel extends LabelSpec {
  tokens: string[];
  key: string;
  /** Key without spaces, and the edit distance its length allows. */
  bare: string;
  allowed: number;
}

export function compileLabels(specs: LabelSpec[]): CompiledLabel[] {
  return specs
    .map((s) => {
      const key = foldKey(s.label);
      const bare = key.replace(/ /g, '');
      return { ...s, key, tokens: key.split(' ').filter(Boolean), bare, allowed: allowedDistance(bare.length) };
    })
    .filter((c) => c.tokens.length > 0);
}

const ENUMERATOR = /^(?:[a-zđ]|\d{1,3}|[ivx]{1,4})$/;
/** Labels at least this long (folded, with spaces) are specific enough to need no colon. */
const LONG_LABEL = 8;
const MIN_SIMILARITY = 0.75;
const SPLIT_SIMILARITY = 0.9;
// The English half of a bilingual label ("Full name") runs to a colon, or ends the line when the value is below it.
const AFTER_LABEL = /^\s*(?:\([^)]{0,30}\))?\s*(?:\/[^:\n]{0,40}(?=:)|\/[\p{L} .]{0,40}$)?\s*[.)\]]*\s*([:：])?/u;

/** Edit distance a label token allows: a short word ("số") still one OCR confusion ("s6", "s0"), no other slip. */
function tokenAllowance(length: number): number {
  return Math.max(allowedDistance(length), length >= 2 ? CONFUSION_COST : 0);
}

function tokensAlign(line: string[], label: string[]): boolean {
  return label.every((t, k) => ocrEditDistance(line[k]!, t, tokenAllowance(t.length)) <= tokenAllowance(t.length));
}

/** Every acceptable match of one label on a line. */
function matchOne(line: PreparedLine, label: CompiledLabel): LabelHit[] {
  const hits: LabelHit[] = [];
  const toks = line.tokens;
  const n = label.tokens.length;
  const target = label.bare;
  for (let i = 0; i < toks.length; i++) {
    const first = toks[i]!.fold.charCodeAt(0);
    // A label starts with its first letter, or OCR read that letter as a digit.
    if (first !== target.charCodeAt(0) && !(first >= 48 && first <= 57)) continue;
    let best = 0;
    let bestW = 0;
    for (const w of [n, n - 1, n + 1]) {
      if (w < 1 || i + w > toks.length) continue;
      // Lengths too far apart cannot be within the allowed distance: skip before building the string.
      let len = 0;
      for (let k = i; k < i + w; k++) len += toks[k]!.fold.length;
      if (Math.abs(len - target.length) > label.allowed) continue;
      let cand = toks[i]!.fold;
      for (let k = i + 1; k < i + w; k++) cand += toks[k]!.fold;
      let sim = bareSimilarity(cand, target);
      // Word for word, short words must match closely ("VĂN" is not "quán"): checked when the counts agree.
      if (
        sim > 0 &&
        w === n &&
        !tokensAlign(
          toks.slice(i, i + w).map((t) => t.fold),
          label.tokens,
        )
      )
        sim = 0;
      if (sim > best) {
        best = sim;
        bestW = w;
      }
    }
    // Split or glued words must still read almost exactly.
    if (best < (bestW === n ? MIN_SIMILARITY : SPLIT_SIMILARITY)) continue;
    const start = toks[i]!.start;
    const end = toks[i + bestW - 1]!.end;
    // A label never spans a colon ("Mục đích sử dụng: Đất" is not the label "Mục đích sử dụng đất").
    if (/[:：]/.test(line.text.slice(start, end))) continue;
    const after = AFTER_LABEL.exec(line.text.slice(end))!;
    const colon = Boolean(after[1]);
    const valueStart = end + after[0].length;
    const atLineStart =
      i === 0 || (i === 1 && ENUMERATOR.test(toks[0]!.fold)) || /\[\s*\d+\s*\]\s*$/.test(line.text.slice(0, start));
    let quality = best;
    if (!colon) {
      const long = label.key.length >= LONG_LABEL;
      if (!(label.colonOptional || long || (n >= 2 && atLineStart))) continue;
      // A colon right after a few more words means this label is the start of a longer one.
      const rest = line.text.slice(valueStart);
      const colonAt = rest.indexOf(':');
      // Not when a number comes first: "tờ bản đồ số 34, địa chỉ: …" has its value before the next label.
      const between = rest.slice(0, colonAt).match(/[\p{L}\p{N}]+/gu) ?? [];
      if (colonAt >= 0 && between.length <= 3 && !/^\d/.test(between[0] ?? '')) continue;
      quality *= 0.85;
    }
    hits.push({ owners: [label.owner], label: label.label, start, end, valueStart, quality, atLineStart, colon });
  }
  return hits;
}

/**
 * All label hits on a line after overlap resolution: sorted by position; a hit starting inside an earlier hit's
 * label region is dropped; at equal starts the longest label wins; identical spans keep all their owners.
 */
export function matchLabels(line: PreparedLine, labels: CompiledLabel[]): LabelHit[] {
  const all = labels.flatMap((l) => matchOne(line, l));
  all.sort((a, b) => a.start - b.start || b.end - a.end || b.quality - a.quality);
  const out: LabelHit[] = [];
  for (const h of all) {
    const prev = out[out.length - 1];
    if (prev && h.start === prev.start && h.end === prev.end) {
      for (const o of h.owners) if (!prev.owners.includes(o)) prev.owners.push(o);
      continue;
    }
    if (prev && h.start < prev.valueStart) continue;
    out.push({ ...h, owners: [...h.owners] });
  }
  return out;
}
