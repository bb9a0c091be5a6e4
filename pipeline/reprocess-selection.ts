// Which stored sources a re-processing run takes: the command-line selection turned into a warehouse filter. Pure, so
// every re-processing path (recognition only, OCR + recognition, a run's sources) selects the same way.
import type { SourceFilter } from '../storage/warehouse/index.js';

export interface ReprocessSelection {
  all?: boolean;
  sha?: string[];
  /** Sources holding a component of this catalog type. */
  type?: string;
  /** Sources holding a component that needs review. */
  needsReview?: boolean;
  /** Sources holding a component made by another rule-pack version than the running one. */
  stale?: boolean;
  /** Sources holding a component made by exactly this rule-pack version. */
  rulePack?: string;
  /** Sources holding a component made by a rule-pack version older than this one. */
  rulePackBefore?: string;
  /** Sources holding a page read by this OCR model. */
  ocrModel?: string;
  /** Date bounds (YYYY-MM-DD, a whole day in Vietnam time, or an ISO timestamp); `until` is inclusive of its day. */
  since?: string;
  until?: string;
  /** Which time the date bounds apply to: when the source was received (default) or last processed. */
  dateOf?: 'received' | 'processed';
  /** Sources an import run produced (a run id as `sohoa runs` lists it). */
  run?: string;
}

/** The warehouse facts a selection may depend on. */
export interface SelectionContext {
  runningRulePack: string;
  /** Every rule-pack version that made a stored component (for version ranges). */
  storedRulePacks: string[];
}

export class SelectionError extends Error {}

export type SelectionFilter = Omit<SourceFilter, 'afterId' | 'limit'>;

const FILTER_FLAGS =
  '--all, or a filter (--sha, --type, --needs-review, --stale, --rule-pack, --rule-pack-before, --ocr-model, --since, --until, --run)';

const RUN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Vietnam is UTC+7 all year: a date-only bound means that day at the counter. */
const VIETNAM_OFFSET = '+07:00';

export function parseDateBound(text: string, option: string, endOfDay: boolean): Date {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const date = new Date(dateOnly ? `${text}T00:00:00${VIETNAM_OFFSET}` : text);
  // A day that does not exist (2026-02-30) rolls over in Date; refuse it instead.
  const rolled = dateOnly && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) !== text;
  if (Number.isNaN(date.getTime()) || rolled) {
    throw new SelectionError(`${option} ${text}: expected a date YYYY-MM-DD or an ISO timestamp`);
  }
  if (dateOnly && endOfDay) date.setUTCDate(date.getUTCDate() + 1);
  return date;
}

/** Orders rule-pack versions such as 2026.11.4: numeric parts as numbers, other parts as text. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x) ? Number(x) : Number.NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : Number.NaN;
    const order = Number.isNaN(nx) || Number.isNaN(ny) ? x.localeCompare(y) : nx - ny;
    if (order !== 0) return Math.sign(order);
  }
  return 0;
}

function hasFilter(s: ReprocessSelection): boolean {
  return Boolean(
    s.sha?.length ||
      s.type ||
      s.needsReview ||
      s.stale ||
      s.rulePack ||
      s.rulePackBefore ||
      s.ocrModel ||
      s.since ||
      s.until ||
      s.run,
  );
}

/** The warehouse filter of a selection (done sources only); throws SelectionError for an empty or bad selection. */
export function selectionFilter(selection: ReprocessSelection, context: SelectionContext): SelectionFilter {
  if (!selection.all && !hasFilter(selection)) throw new SelectionError(`say which sources: ${FILTER_FLAGS}`);
  const filter: SelectionFilter = { status: 'done' };
  if (selection.sha?.length) filter.shas = selection.sha;
  if (selection.type) filter.componentType = selection.type;
  if (selection.needsReview) filter.needsReview = true;
  if (selection.stale) filter.notRulePackVersion = context.runningRulePack;
  if (selection.ocrModel) filter.ocrModel = selection.ocrModel;
  if (selection.run) {
    if (!RUN_ID.test(selection.run)) {
      throw new SelectionError(`--run takes a run id as \`sohoa runs\` lists it, not "${selection.run}"`);
    }
    filter.runId = selection.run;
  }
  if (selection.rulePack || selection.rulePackBefore) {
    filter.rulePackVersions = context.storedRulePacks.filter(
      (v) =>
        (!selection.rulePack || v === selection.rulePack) &&
        (!selection.rulePackBefore || compareVersions(v, selection.rulePackBefore) < 0),
    );
  }
  const from = selection.since ? parseDateBound(selection.since, '--since', false) : undefined;
  const to = selection.until ? parseDateBound(selection.until, '--until', true) : undefined;
  if (from && to && from >= to)
    throw new SelectionError(`--since ${selection.since} is not before --until ${selection.until}`);
  if (selection.dateOf === 'processed') {
    if (from) filter.processedFrom = from;
    if (to) filter.processedTo = to;
  } else {
    if (from) filter.receivedFrom = from;
    if (to) filter.receivedTo = to;
  }
  return filter;
}
