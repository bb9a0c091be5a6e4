import { pagesInFlight } from '../pipeline/digitize-source.js';
import { InfrastructureError } from '../pipeline/infrastructure-error.js';
import { reOcrSource } from '../pipeline/re-ocr-source.js';
import {
  type BatchTimings,
  createReRecognizer,
  publishMissingPdfs,
  type RecognitionDiff,
} from '../pipeline/re-recognize-source.js';
import { createRecognizePool } from '../pipeline/recognize-pool.js';
import {
  type ReprocessSelection,
  SelectionError,
  type SelectionFilter,
  selectionFilter,
} from '../pipeline/reprocess-selection.js';
import { countersOf, type RecordedRun, startReprocessRun } from '../storage/runs/reprocess-run.js';
import type { ListedSource } from '../storage/warehouse/index.js';
import type { Config } from './config.js';
import { openRuntime, type Runtime, stageDepsOf } from './runtime.js';

export { SelectionError } from '../pipeline/reprocess-selection.js';

export interface RecognizeSelection extends ReprocessSelection {
  dryRun?: boolean;
  /** Re-run OCR + recognition from the stored originals instead of recognition only. */
  ocr?: boolean;
  /** Leave the searchable PDFs of new page ranges for a later `--pdfs-only` run. */
  deferPdfs?: boolean;
  /** Only make the PDFs that components of the selection lack (no recognition). */
  pdfsOnly?: boolean;
  /** Sources read, recognized and written together (one transaction each); default RECOGNIZE_DEFAULTS. */
  batchSources?: number;
}

export interface RecognizeReport {
  rulePackVersion: string;
  dryRun: boolean;
  mode: 'recognition' | 'ocr' | 'pdfs';
  sources: number;
  pages: number;
  changedSources: number;
  retyped: number;
  added: number;
  removed: number;
  fieldsChanged: number;
  /** Sources the run could not process (OCR mode), with the reason. */
  failed: Array<{ sha256: string; error: string }>;
  pdfsMade: number;
  seconds: number;
  pagesPerSecond: number;
  /** Milliseconds per phase (recognition mode). */
  timings: BatchTimings;
  changes: RecognitionDiff[];
}

/** Hooks for a caller that records the run (e.g. as a re-processing run beside import runs). */
export interface RecognizeHooks {
  onStart?: (info: { selection: RecognizeSelection; filter: SelectionFilter }) => void | Promise<void>;
  onSource?: (diff: RecognitionDiff) => void;
  onFinish?: (report: RecognizeReport) => void | Promise<void>;
}

export const RECOGNIZE_DEFAULTS = { batchSources: 200 } as const;

/** `sohoa recognize`: re-applies the current rule pack (or OCR + rules) to stored sources of a selection. */
export async function runRecognize(
  selection: RecognizeSelection,
  config: Config,
  hooks: RecognizeHooks | ((diff: RecognitionDiff) => void) = {},
): Promise<RecognizeReport> {
  const on = typeof hooks === 'function' ? { onSource: hooks } : hooks;
  const batchSources = selection.batchSources ?? RECOGNIZE_DEFAULTS.batchSources;
  if (!Number.isInteger(batchSources) || batchSources < 1) {
    throw new SelectionError(`--batch-sources must be a whole number >= 1, got ${selection.batchSources}`);
  }
  if (selection.ocr && selection.dryRun) {
    throw new SelectionError('--dry-run cannot be combined with --ocr: pages are stored as they are read');
  }
  const runtime = await openRuntime(config);
  let recording: RecordedRun | null = null;
  const started = performance.now();
  const report: RecognizeReport = {
    rulePackVersion: runtime.versions.rulePack,
    dryRun: Boolean(selection.dryRun),
    mode: selection.pdfsOnly ? 'pdfs' : selection.ocr ? 'ocr' : 'recognition',
    sources: 0,
    pages: 0,
    changedSources: 0,
    retyped: 0,
    added: 0,
    removed: 0,
    fieldsChanged: 0,
    failed: [],
    pdfsMade: 0,
    seconds: 0,
    pagesPerSecond: 0,
    timings: { readMs: 0, recognizeMs: 0, writeMs: 0, pdfMs: 0 },
    changes: [],
  };
  try {
    const filter = selectionFilter(selection, {
      runningRulePack: runtime.versions.rulePack,
      // A scan of the components: only when a version range asks for it.
      storedRulePacks:
        selection.rulePack || selection.rulePackBefore ? await runtime.warehouse.repo.rulePackVersions() : [],
    });
    // Recorded once the selection is known to be valid; a dry run changes nothing, so it is not a run.
    if (!selection.dryRun) recording = await startReprocessRun(runtime.warehouse.db, { ...selection });
    await on.onStart?.({ selection, filter });
    const count = (diff: RecognitionDiff) => {
      report.sources++;
      report.pages += diff.pages;
      if (diff.changed) {
        report.changedSources++;
        report.retyped += diff.retyped.length;
        report.added += diff.added.length;
        report.removed += diff.removed.length;
        report.fieldsChanged += diff.fields.length;
        report.changes.push(diff);
      }
      on.onSource?.(diff);
    };
    const handler = selection.pdfsOnly
      ? pdfsOnly(runtime, report)
      : selection.ocr
        ? reOcr(runtime, report, count)
        : reRecognize(runtime, selection, report, count);
    try {
      for await (const batch of pagesOf(runtime, filter, batchSources)) await handler.run(batch);
    } finally {
      await handler.close?.();
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
  await on.onFinish?.(report);
  return report;
}

interface BatchHandler {
  run(batch: ListedSource[]): Promise<void>;
  close?(): Promise<void>;
}

async function* pagesOf(runtime: Runtime, filter: SelectionFilter, size: number): AsyncGenerator<ListedSource[]> {
  let afterId: string | undefined;
  for (;;) {
    const batch = await runtime.warehouse.repo.listSources({
      ...filter,
      limit: size,
      ...(afterId ? { afterId } : {}),
    });
    if (batch.length === 0) return;
    yield batch;
    afterId = batch[batch.length - 1]!.id;
  }
}

function reRecognize(
  runtime: Runtime,
  selection: RecognizeSelection,
  report: RecognizeReport,
  count: (diff: RecognitionDiff) => void,
): BatchHandler {
  const pool = createRecognizePool(runtime.config.ocrWorkers);
  const deps = {
    store: runtime.store,
    repo: runtime.warehouse.repo,
    versions: runtime.versions,
    recognize: pool.recognize,
    readConcurrency: 32,
  };
  const options = { dryRun: Boolean(selection.dryRun), deferPdfs: Boolean(selection.deferPdfs) };
  const runner = createReRecognizer(deps, options, (diffs) => diffs.forEach(count), report.timings);
  return {
    run: (batch) => runner.run(batch),
    async close() {
      try {
        await runner.flush();
      } finally {
        await pool.close();
      }
    },
  };
}

function reOcr(runtime: Runtime, report: RecognizeReport, count: (diff: RecognitionDiff) => void): BatchHandler {
  const deps = { ...stageDepsOf(runtime), pageConcurrency: pagesInFlight(runtime.config.ocrWorkers) };
  return {
    async run(batch) {
      for (const source of batch) {
        try {
          count(await reOcrSource(source, deps));
        } catch (error) {
          // Store and database failures stop the run; a source that cannot be read again is reported, the rest go on.
          if (error instanceof InfrastructureError) throw error;
          report.failed.push({ sha256: source.sha256, error: error instanceof Error ? error.message : String(error) });
        }
      }
    },
  };
}

function pdfsOnly(runtime: Runtime, report: RecognizeReport): BatchHandler {
  const deps = { store: runtime.store, repo: runtime.warehouse.repo, readConcurrency: 8 };
  return {
    async run(batch) {
      report.sources += batch.length;
      for (const s of batch) report.pages += s.pageCount ?? 0;
      report.pdfsMade += await publishMissingPdfs(
        batch.map((s) => s.id),
        deps,
      );
    },
  };
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
  for (const f of report.failed) lines.push(`failed ${f.sha256.slice(0, 12)}…: ${f.error}`);
  if (report.mode === 'pdfs') {
    lines.push(
      `${report.pdfsMade} searchable PDFs made for ${report.sources} sources in ${report.seconds.toFixed(1)} s`,
    );
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    `${report.dryRun ? 'dry run, nothing written: ' : ''}${report.sources} sources (${report.pages} pages) with rule pack ${report.rulePackVersion}` +
      `${report.mode === 'ocr' ? ' after OCR' : ''}: ${report.changedSources} changed (${report.retyped} re-typed, ${report.added} added, ` +
      `${report.removed} removed, ${report.fieldsChanged} field values)${report.failed.length ? `, ${report.failed.length} failed` : ''} ` +
      `in ${report.seconds.toFixed(1)} s, ${report.pagesPerSecond.toFixed(0)} pages/s`,
  );
  return `${lines.join('\n')}\n`;
}
