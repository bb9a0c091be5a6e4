// Page classification: the title zone weighs most (upper-case lines in the top part of the page, the most specific
// title winning), then keywords, form codes and the "Số: …/XX-…" symbol, minus negative evidence.
import type { PreparedLine } from './page-lines.js';
import type { RulePack, TypeRule } from './rule-pack.js';
import { foldKey, fuzzySimilarity, upperCaseRatio } from './vietnamese-text.js';

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
  factor: number;
  lines: PreparedLine[];
}

function keyContains(hay: string, needle: string): boolean {
  if (!needle) return false;
  if (` ${hay} `.includes(` ${needle} `)) return true;
  // OCR splits and glues words: compare without spaces for specific (long) phrases.
  return needle.length >= 8 && hay.replace(/ /g, '').includes(needle.replace(/ /g, ''));
}

function isListed(key: string, list: string[]): boolean {
  return list.some((x) => fuzzySimilarity(key, foldKey(x)) >= 0.85);
}

function titleCandidates(lines: PreparedLine[], pack: RulePack): Candidate[] {
  const { titleZone, motto, notTitles } = pack.settings;
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
    return { printed, key: foldKey(printed), factor, lines: [l] };
  });
  const usable = singles.filter((c) => c.key && !isListed(c.key, [...motto, ...notTitles]));
  const out: Candidate[] = [...usable];
  // Long titles wrap onto two or three lines.
  for (let i = 0; i < usable.length; i++) {
    for (let k = 2; k <= 3 && i + k <= usable.length; k++) {
      const group = usable.slice(i, i + k);
      const adjacent = group.every((g, j) => j === 0 || g.lines[0]!.index === group[j - 1]!.lines[0]!.index + 1);
      if (!adjacent || group.some((g) => g.factor < 1)) break;
      const printed = group.map((g) => g.printed).join(' ');
      out.push({ printed, key: foldKey(printed), factor: 1, lines: group.flatMap((g) => g.lines) });
    }
  }
  return out;
}

/** Similarity of a candidate line to a title: whole-line, or the title as a prefix of a longer line. */
function titleSimilarity(cand: string, title: string): number {
  const full = fuzzySimilarity(cand, title);
  const ct = cand.split(' ');
  const tt = title.split(' ');
  if (ct.length <= tt.length) return full;
  const prefix = fuzzySimilarity(ct.slice(0, tt.length).join(' '), title);
  // A longer line that starts with the title counts less, and less the more is left over.
  const prefixScore = prefix * (0.8 + (0.2 * title.length) / cand.length);
  return Math.max(full, prefixScore);
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
  };
  if (!lines || lines.every((l) => !l.text)) return empty;
  const { thresholds } = pack.settings;
  const pageKey = foldKey(lines.map((l) => l.text).join(' \n '));
  const symbolLines = lines.map((l) => foldKey(l.text)).filter((k) => k.startsWith('so '));
  const candidates = titleCandidates(lines, pack);
  let bestTitle: TitleMatch | null = null;
  let bestTitleLen = 0;
  const ranking: TypeScore[] = [];
  const continues: string[] = [];

  for (const t of pack.types) {
    let tScore = 0;
    for (const title of t.titles) {
      const tk = foldKey(title);
      for (const c of candidates) {
        const sim = titleSimilarity(c.key, tk) * c.factor;
        if (sim < thresholds.titleSimilarity) continue;
        if (sim > tScore) tScore = sim;
        // The most specific title wins ties ("TỜ KHAI LỆ PHÍ TRƯỚC BẠ" over "TỜ KHAI").
        const better =
          !bestTitle ||
          sim > bestTitle.similarity + 1e-9 ||
          (sim > bestTitle.similarity - 1e-9 && tk.length > bestTitleLen);
        if (better) {
          bestTitle = { type: t.code, title, printed: c.printed, similarity: sim, lines: c.lines };
          bestTitleLen = tk.length;
        }
      }
    }
    const kw = keywordScore(t, pageKey, symbolLines);
    const neg = t.negative.reduce((s, n) => s + (keyContains(pageKey, foldKey(n.text)) ? n.weight : 0), 0);
    const w = CLASSIFY_WEIGHTS;
    const score = tScore > 0 ? w.titleBase + w.titlePart * tScore + w.keywordPartWithTitle * kw : w.keywordOnly * kw;
    ranking.push({ type: t.code, score: Math.max(0, Math.min(1, score - neg)), title: tScore, keywords: kw });
    if (t.continuation.some((c) => keyContains(pageKey, foldKey(c)))) continues.push(t.code);
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
    genericContinuation: pack.settings.continuation.some((c) => keyContains(pageKey, foldKey(c))),
    head: looksLikeFirstPage(lines, pack),
  };
}

function keywordScore(t: TypeRule, pageKey: string, symbolLines: string[]): number {
  let s = t.keywords.reduce((acc, k) => acc + (keyContains(pageKey, foldKey(k.text)) ? k.weight : 0), 0);
  const symbol = t.symbols.some((sym) => {
    const k = foldKey(sym);
    return symbolLines.some((l) => new RegExp(`\\d+ ${k}(?: |$)`).test(l));
  });
  if (symbol) s += CLASSIFY_WEIGHTS.symbol;
  return Math.min(1, s);
}

function looksLikeFirstPage(lines: PreparedLine[], pack: RulePack): boolean {
  const zone = lines.filter((l) => l.yRel <= pack.settings.titleZone);
  return zone.some((l) => {
    const key = foldKey(l.text);
    return /^so \d+ [a-z]/.test(key) || pack.settings.motto.some((m) => keyContains(key, foldKey(m)));
  });
}
