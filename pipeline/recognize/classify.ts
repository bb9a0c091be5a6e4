// Page classification: the title zone weighs most (upper-case lines in the top part of the page, the most specific
// title winning), then keywords, form codes and the "Số: …/XX-…" symbol, minus negative evidence.
import {
  type CompiledPack,
  type CompiledTitle,
  type CompiledType,
  compilePack,
  containsPhrase,
  type FoldedHaystack,
  type FoldedPhrase,
  foldHaystack,
} from './compiled-pack.js';
import type { PreparedLine } from './page-lines.js';
import type { RulePack } from './rule-pack.js';
import { isVietnameseSyllable } from './vietnamese-syllables.js';
import { bareSimilarity, foldKey, upperCaseRatio } from './vietnamese-text.js';

export interface TitleMatch {
  type: string;
  /** Title as listed in the rule pack. */
  title: string;
  /** The printed text that matched (lines joined). */
  printed: string;
  similarity: number;
  lines: PreparedLine[];
}

export interface TypeScore {
  type: string;
  score: number;
  title: number;
  keywords: number;
}

export interface PageClass {
  page: number;
  blank: boolean;
  /** Best type, `khac` when nothing is convincing. */
  type: string;
  score: number;
  /** A convincing title was found: the page starts a component. */
  titled: boolean;
  title: TitleMatch | null;
  ranking: TypeScore[];
  /** Types whose continuation phrases appear on the page. */
  continues: string[];
  /** A generic continuation marker ("Trang 2/3", "Điều 3") appears. */
  genericContinuation: boolean;
  /** The top of the page looks like a first page: the national motto or a "Số: 12/…" symbol line. */
  head: boolean;
  /** The page opens with a heading in capitals that is no catalog title: the first page of another document. */
  heading: boolean;
  /** The page has ink but OCR read no text: nothing shows it continues the previous document. */
  unread: boolean;
}

/** Weights of the page score; exported so callers can tune them without touching the logic. */
export const CLASSIFY_WEIGHTS = {
  titleBase: 0.6,
  titlePart: 0.3,
  keywordPartWithTitle: 0.1,
  keywordOnly: 0.8,
  symbol: 0.3,
  /** Multiplier for a title-like line ending with ':' (a body heading such as "QUYẾT ĐỊNH:"). */
  bodyHeading: 0.4,
  /** Multiplier for a candidate that is not printed in capitals. */
  lowerCase: 0.5,
  /** Candidate lines considered when a page has no boxes. */
  linesWithoutBoxes: 12,
};

interface Candidate {
  printed: string;
  key: string;
  /** Key without spaces. */
  bare: string;
  /** Number of key tokens, and the key without spaces cut after 1, 2, … tokens (title-as-prefix tests). */
  words: number;
  prefixes: string[];
  factor: number;
  lines: PreparedLine[];
}

function isListed(bare: string, list: FoldedPhrase[]): boolean {
  return list.some((x) => bareSimilarity(bare, x.bare) >= 0.85);
}

/**
 * A word opening with P but not PH is no Vietnamese word (loanwords aside): in a title it is a Đ whose bar OCR
 * joined to the bowl ("HÓA PON PIEN TỬ" for "HÓA ĐƠN ĐIỆN TỬ").
 */
const D_READ_AS_P = /(^| )p(?!h)/g;

function candidate(printed: string, factor: number, lines: PreparedLine[]): Candidate {
  const key = foldKey(printed).replace(D_READ_AS_P, '$1d');
  const words = key.split(' ');
  const prefixes: string[] = [];
  let acc = '';
  for (const w of words) {
    acc += w;
    prefixes.push(acc);
  }
  return { printed, key, bare: acc, words: words.length, prefixes, factor, lines };
}

function titleCandidates(lines: PreparedLine[], pack: RulePack, compiled: CompiledPack): Candidate[] {
  const { titleZone } = pack.settings;
  const zone = lines.filter((l, i) =>
    l.line.bbox.y1 > l.line.bbox.y0 ? l.yRel <= titleZone : i < CLASSIFY_WEIGHTS.linesWithoutBoxes,
  );
  const singles = zone.map((l) => {
    let printed = l.text.split(/\s+\/\s+/)[0]!.trim();
    const heading = /[:：]\s*$/.test(printed);
    printed = printed
      .replace(/\([^)]*\)/g, ' ')
      .replace(/[:：]\s*$/, '')
      .trim();
    let factor = heading ? CLASSIFY_WEIGHTS.bodyHeading : 1;
    if (upperCaseRatio(printed) < 0.6) factor *= CLASSIFY_WEIGHTS.lowerCase;
    return candidate(printed, factor, [l]);
  });
  const usable = singles.filter(
    (c) => c.key && !isListed(c.bare, compiled.motto) && !isListed(c.bare, compiled.notTitles),
  );
  const out: Candidate[] = [...usable];
  // Long titles wrap onto two or three lines.
  for (let i = 0; i < usable.length; i++) {
    for (let k = 2; k <= 3 && i + k <= usable.length; k++) {
      const group = usable.slice(i, i + k);
      const adjacent = group.every((g, j) => j === 0 || g.lines[0]!.index === group[j - 1]!.lines[0]!.index + 1);
      if (!adjacent || group.some((g) => g.factor < 1)) break;
      const printed = group.map((g) => g.printed).join(' ');
      out.push(
        candidate(
          printed,
          1,
          group.flatMap((g) => g.lines),
        ),
      );
    }
  }
  return out;
}

/** Similarity of a candidate line to a title: whole-line, or the title as a prefix of a longer line. */
function titleSimilarity(cand: Candidate, title: CompiledTitle): number {
  const full = bareSimilarity(cand.bare, title.bare);
  if (cand.words <= title.words) return full;
  const prefix = bareSimilarity(cand.prefixes[title.words - 1]!, title.bare);
  if (prefix === 0) return full;
  // A longer line that starts with the title counts less, and less the more is left over.
  const prefixScore = prefix * (0.8 + (0.2 * title.key.length) / cand.key.length);
  return Math.max(full, prefixScore);
}

/** Whether enough of the page's words are Vietnamese syllables for its text to have been read the right way up. */
function readable(lines: PreparedLine[], t: { readableShare: number; readableWords: number }): boolean {
  let words = 0;
  let syllables = 0;
  for (const l of lines)
    for (const m of l.text.matchAll(/\p{L}{2,}/gu)) {
      words++;
      if (isVietnameseSyllable(m[0])) syllables++;
    }
  return words < t.readableWords || syllables >= words * t.readableShare;
}

export function classifyLines(pageNumber: number, lines: PreparedLine[] | null, pack: RulePack): PageClass {
  const empty: PageClass = {
    page: pageNumber,
    blank: true,
    type: 'khac',
    score: 0,
    titled: false,
    title: null,
    ranking: [],
    continues: [],
    genericContinuation: false,
    head: false,
    heading: false,
    unread: false,
  };
  if (!lines) return empty;
  const { thresholds } = pack.settings;
  if (lines.every((l) => !l.text) || !readable(lines, thresholds))
    return { ...empty, blank: false, score: 1, unread: true };
  const compiled = compilePack(pack);
  const pageKey = foldHaystack(
    lines
      .map((l) => l.key)
      .filter(Boolean)
      .join(' '),
  );
  const symbolLines = lines.map((l) => l.key).filter((k) => k.startsWith('so '));
  const candidates = titleCandidates(lines, pack, compiled);
  let bestTitle: TitleMatch | null = null;
  let bestTitleLen = 0;
  const ranking: TypeScore[] = [];
  const continues: string[] = [];

  for (const t of compiled.types) {
    let tScore = 0;
    for (const title of t.titles) {
      const tk = title.key;
      for (const c of candidates) {
        const sim = titleSimilarity(c, title) * c.factor;
        if (sim < thresholds.titleSimilarity) continue;
        if (sim > tScore) tScore = sim;
        // The most specific title wins ties ("TỜ KHAI LỆ PHÍ TRƯỚC BẠ" over "TỜ KHAI").
        const better =
          !bestTitle ||
          sim > bestTitle.similarity + 1e-9 ||
          (sim > bestTitle.similarity - 1e-9 && tk.length > bestTitleLen);
        if (better) {
          bestTitle = { type: t.rule.code, title: title.text, printed: c.printed, similarity: sim, lines: c.lines };
          bestTitleLen = tk.length;
        }
      }
    }
    const kw = keywordScore(t, pageKey, symbolLines);
    const neg = t.negative.reduce((s, n) => s + (containsPhrase(pageKey, n) ? n.weight : 0), 0);
    const w = CLASSIFY_WEIGHTS;
    const score = tScore > 0 ? w.titleBase + w.titlePart * tScore + w.keywordPartWithTitle * kw : w.keywordOnly * kw;
    ranking.push({ type: t.rule.code, score: Math.max(0, Math.min(1, score - neg)), title: tScore, keywords: kw });
    if (t.continuation.some((c) => containsPhrase(pageKey, c))) continues.push(t.rule.code);
  }
  // The type of the most specific title leads; other types compete on their own score.
  const titled = bestTitle !== null;
  for (const r of ranking) if (titled && r.type === bestTitle!.type) r.score = Math.min(1, r.score + 0.05);
  ranking.sort((a, b) => b.score - a.score);
  const top = ranking[0]!;
  const convincing = top.score >= thresholds.startScore;
  const title = bestTitle && convincing && bestTitle.type === top.type ? bestTitle : null;
  return {
    page: pageNumber,
    blank: false,
    type: convincing ? top.type : 'khac',
    score: convincing ? top.score : 1 - top.score,
    titled: title !== null,
    title,
    ranking,
    continues,
    genericContinuation: compiled.continuation.some((c) => containsPhrase(pageKey, c)),
    head: looksLikeFirstPage(lines, pack, compiled),
    heading: title === null && opensWithHeading(lines, pack, compiled),
    unread: false,
  };
}

/** Fewest words of a heading that opens a page. */
export const HEADING_MIN_WORDS = 3;

/**
 * The first text line of the page is a heading: in the title zone, in capitals, at least HEADING_MIN_WORDS words,
 * not a body heading ending with ':' and not the motto, an agency line or a copy stamp.
 */
function opensWithHeading(lines: PreparedLine[], pack: RulePack, compiled: CompiledPack): boolean {
  const first = lines.find((l) => l.text.trim());
  if (!first || first.yRel > pack.settings.titleZone) return false;
  const text = first.text.trim();
  if (/[:：]$/.test(text) || first.tokens.length < HEADING_MIN_WORDS || upperCaseRatio(text) < 0.9) return false;
  const bare = first.key.replace(/ /g, '');
  return !isListed(bare, compiled.motto) && !isListed(bare, compiled.notTitles);
}

function keywordScore(t: CompiledType, pageKey: FoldedHaystack, symbolLines: string[]): number {
  let s = t.keywords.reduce((acc, k) => acc + (containsPhrase(pageKey, k) ? k.weight : 0), 0);
  const symbol = t.symbols.some((re) => symbolLines.some((l) => re.test(l)));
  if (symbol) s += CLASSIFY_WEIGHTS.symbol;
  return Math.min(1, s);
}

/** "Mẫu số: C1-02/NS", "Mẫu số: 01/LPTB": the form number a form prints at the top of its first page. */
const FORM_NUMBER = /(?:^|[\s.])M[ẫa]u\s*s[ốo]\s*:\s*[\p{Lu}\d]+[\d/-]/u;

function looksLikeFirstPage(lines: PreparedLine[], pack: RulePack, compiled: CompiledPack): boolean {
  const zone = lines.filter((l) => l.yRel <= pack.settings.titleZone);
  return zone.some((l) => {
    if (/^so \d+ [a-z]/.test(l.key)) return true;
    // A form's number printed at its top ("Mẫu số: C1-02/NS"); a form cited in running text has no colon.
    if (FORM_NUMBER.test(l.text)) return true;
    const hay = foldHaystack(l.key);
    return compiled.motto.some((m) => containsPhrase(hay, m));
  });
}
