import pLimit from 'p-limit';
import { isUnchanged, type RecognitionDiff, reRecognizeSource } from '../pipeline/re-recognize-source.js';
import { createRecognizePool } from '../pipeline/recognize-pool.js';
import { countersOf, startReprocessRun } from '../storage/runs/reprocess-run.js';
import type { SourceFilter } from '../storage/warehouse/index.js';
import type { Config } from './config.js';
import { openRuntime } from './runtime.js';

export interface RecognizeSelection {
  all?: boolean;
  type?: string;
  /** Only sources with components made by another rule-pack version than the running one. */
  stale?: boolean;
  needsReview?: boolean;
  sha?: string[];
  /** Sources an import run produced. */
  run?: string;
  dryRun?: boolean;
}

export interface RecognizeReport {
  rulePackVersion: string;
  dryRun: boolean;
  sources: number;
  pages: number;
  changedSources: number;
  retyped: number;
  added: number;
  removed: number;
  fieldsChanged: number;
  seconds: number;
  pagesPerSecond: number;
  changes: RecognitionDiff[];
}

export class SelectionError extends Error {}

const PAGE_SIZE = 200;

/** `sohoa recognize`: re-applies the current rule pack to stored OCR for a selection of sources. */
export async function runRecognize(
  selection: RecognizeSelection,
  config: Config,
  onSource?: (diff: RecognitionDiff) => void,
): Promise<RecognizeReport> {
  if (
    !selection.all &&
    !selection.type &&
    !selection.stale &&
    !selection.needsReview &&
    !selection.sha?.length &&
    !selection.run
  ) {
    throw new SelectionError('say which sources: --all, or a filter (--type, --stale, --needs-review, --sha, --run)');
  }
  if (selection.run && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(selection.run)) {
    throw new SelectionError(`--run takes a run id as \`sohoa runs\` lists it, not "${selection.run}"`);
  }
  const runtime = await openRuntime(config);
  const recording = selection.dryRun ? null : await startReprocessRun(runtime.warehouse.db, { ...selection });
  const started = performance.now();
  const report: RecognizeReport = {
    rulePackVersion: runtime.versions.rulePack,
    dryRun: Boolean(selection.dryRun),
    sources: 0,
    pages: 0,
    changedSources: 0,
    retyped: 0,
    added: 0,
    removed: 0,
    fieldsChanged: 0,
    seconds: 0,
    pagesPerSecond: 0,
    changes: [],
  };
  try {
    const filter: SourceFilter = {
      status: 'done',
      limit: PAGE_SIZE,
      ...(selection.type ? { componentType: selection.type } : {}),
      ...(selection.stale ? { notRulePackVersion: runtime.versions.rulePack } : {}),
      ...(selection.needsReview ? { needsReview: true } : {}),
      ...(selection.sha?.length ? { shas: selection.sha } : {}),
      ...(selection.run ? { runId: selection.run } : {}),
    };
    const pool = createRecognizePool(config.ocrWorkers);
    const deps = {
      store: runtime.store,
      repo: runtime.warehouse.repo,
      versions: runtime.versions,
      recognize: pool.recognize,
    };
    try {
      let afterId: string | undefined;
      for (;;) {
        const batch = await runtime.warehouse.repo.listSources(afterId ? { ...filter, afterId } : filter);
        if (batch.length === 0) break;
        // A few sources at a time: worker threads apply the rules while this thread reads and writes.
        const limit = pLimit(config.ocrWorkers * 2);
        const diffs = await Promise.all(
          batch.map((source) => limit(() => reRecognizeSource(source, deps, { dryRun: Boolean(selection.dryRun) }))),
        );
        const unchanged: string[] = [];
        for (const [i, diff] of diffs.entries()) {
          report.sources++;
          report.pages += diff.pages;
          if (isUnchanged(diff)) unchanged.push(batch[i]!.id);
          else {
            report.changedSources++;
            report.retyped += diff.retyped.length;
            report.added += diff.added.length;
            report.removed += diff.removed.length;
            report.fieldsChanged += diff.fields.length;
            report.changes.push(diff);
          }
          onSource?.(diff);
        }
        if (!selection.dryRun) await runtime.warehouse.repo.stampRulePackVersion(unchanged, runtime.versions.rulePack);
        afterId = batch[batch.length - 1]?.id;
      }
    } finally {
      await pool.close();
    }
    await recording?.finish({ ...countersOf(report), seconds: (performance.now() - started) / 1000 });
  } catch (error) {
    await recording?.fail(countersOf(report)).catch(() => {});
    throw error;
  } finally {
    await runtime.close();
  }
  report.seconds = (performance.now() - started) / 1000;
  report.pagesPerSecond = report.seconds > 0 ? report.pages / report.seconds : 0;
  return report;
}

const range = (p: [number, number]) => (p[0] === p[1] ? `p${p[0]}` : `p${p[0]}-${p[1]}`);

export function formatRecognizeReport(report: RecognizeReport): string {
  const lines: string[] = [];
  for (const d of report.changes) {
    lines.push(`${d.sha256.slice(0, 12)}…`);
    for (const r of d.retyped) lines.push(`   ${range(r.pages).padEnd(8)} re-typed ${r.from} → ${r.to}`);
    for (const a of d.added) lines.push(`   ${range(a.pages).padEnd(8)} + ${a.type}`);
    for (const r of d.removed) lines.push(`   ${range(r.pages).padEnd(8)} - ${r.type}`);
    for (const s of d.statusChanged) lines.push(`   ${range(s.pages).padEnd(8)} ${s.type}: ${s.from} → ${s.to}`);
    for (const f of d.fields) {
      lines.push(`   ${range(f.pages).padEnd(8)} ${f.type}.${f.key}: ${f.from ?? '(none)'} → ${f.to ?? '(none)'}`);
    }
  }
  lines.push(
    `${report.dryRun ? 'dry run, nothing written: ' : ''}${report.sources} sources (${report.pages} pages) with rule pack ${report.rulePackVersion}: ` +
      `${report.changedSources} changed (${report.retyped} re-typed, ${report.added} added, ${report.removed} removed, ` +
      `${report.fieldsChanged} field values) in ${report.seconds.toFixed(1)} s, ${report.pagesPerSecond.toFixed(0)} pages/s`,
  );
  return `${lines.join('\n')}\n`;
}
