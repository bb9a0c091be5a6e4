import pLimit from 'p-limit';
import type { ObjectStore } from '../storage/object-store/object-store.port.js';
import {
  applyComponentCorrections,
  type ComponentOutcome,
  type ListedSource,
  outcomeKey,
  predictStoredComponents,
  type RecognitionInput,
  type RecognitionWrite,
  type WarehouseRepository,
} from '../storage/warehouse/index.js';
import type { ComponentResult, PageText, Versions } from './page-model.js';
import { publishComponentPdfs } from './publish/component-pdfs.js';

/** What re-applying the rules changed (or, in a dry run, would change) in one source. */
export interface RecognitionDiff {
  sha256: string;
  pages: number;
  /** A write would change what is stored (also when only confidences moved). */
  changed: boolean;
  /** Same page range, another type. */
  retyped: Array<{ pages: [number, number]; from: string; to: string }>;
  /** Ranges that appear or disappear. */
  added: Array<{ type: string; pages: [number, number] }>;
  removed: Array<{ type: string; pages: [number, number] }>;
  /** Same type and range, another value (null = absent). */
  fields: Array<{ type: string; pages: [number, number]; key: string; from: string | null; to: string | null }>;
  statusChanged: Array<{ type: string; pages: [number, number]; from: string; to: string }>;
}

export type StoredPageInput = { number: number; ocrJson: Uint8Array | null };

export interface ReRecognizeDeps {
  store: ObjectStore;
  repo: WarehouseRepository;
  versions: Versions;
  /** Applies the rule pack to stored OCR JSON (on worker threads in bulk runs). */
  recognize: (pages: StoredPageInput[]) => Promise<ComponentResult[]>;
  /** Object-store reads in flight at once. */
  readConcurrency: number;
}

export interface ReRecognizeOptions {
  dryRun: boolean;
  /** Leave the searchable PDFs of new page ranges for a later run (`sohoa recognize --pdfs-only`). */
  deferPdfs?: boolean;
}

/** Time spent per phase of a batch, for profiling. */
export interface BatchTimings {
  readMs: number;
  recognizeMs: number;
  writeMs: number;
  pdfMs: number;
}

const rangeKey = (pages: [number, number]) => `${pages[0]}-${pages[1]}`;

/** Pure: the differences between the stored components and what a new run would store. */
export function diffComponents(
  sha256: string,
  pages: number,
  before: ComponentOutcome[],
  after: ComponentOutcome[],
): RecognitionDiff {
  const diff: RecognitionDiff = {
    sha256,
    pages,
    changed: outcomeKey(before) !== outcomeKey(after),
    retyped: [],
    added: [],
    removed: [],
    fields: [],
    statusChanged: [],
  };
  const oldByRange = new Map(before.map((c) => [rangeKey(c.pages), c]));
  const newByRange = new Map(after.map((c) => [rangeKey(c.pages), c]));
  for (const next of after) {
    const prev = oldByRange.get(rangeKey(next.pages));
    if (!prev) {
      diff.added.push({ type: next.type, pages: next.pages });
      continue;
    }
    if (prev.type !== next.type) {
      diff.retyped.push({ pages: next.pages, from: prev.type, to: next.type });
      continue;
    }
    if (prev.status !== next.status) {
      diff.statusChanged.push({ type: next.type, pages: next.pages, from: prev.status, to: next.status });
    }
    const keys = new Set([...Object.keys(prev.fields), ...Object.keys(next.fields)]);
    for (const key of [...keys].sort()) {
      const from = prev.fields[key]?.value ?? null;
      const to = next.fields[key]?.value ?? null;
      if (from !== to) diff.fields.push({ type: next.type, pages: next.pages, key, from, to });
    }
  }
  for (const prev of before) {
    if (!newByRange.has(rangeKey(prev.pages))) diff.removed.push({ type: prev.type, pages: prev.pages });
  }
  return diff;
}

/**
 * The new run as it would be stored: reviewers' component corrections applied, each range keeping the PDF already
 * made for it (a PDF depends only on the page range: same images, same text), confirmed fields kept.
 */
export function plannedComponents(input: RecognitionInput, machine: ComponentResult[]) {
  const pdfByRange = new Map(
    input.components.flatMap((c) => (c.pdfKey ? [[rangeKey(c.pages), c.pdfKey] as const] : [])),
  );
  const withPdfs = <C extends ComponentResult & { pdfKey?: string | null }>(list: C[]) =>
    list.map((c) => ({ ...c, pdfKey: c.pdfKey ?? pdfByRange.get(rangeKey(c.pages)) ?? null }));
  // Again after the corrections: a corrected range may have had its PDF made before.
  const corrected = withPdfs(applyComponentCorrections(withPdfs(machine), input.corrections));
  return { corrected, outcome: predictStoredComponents(input.components, corrected) };
}

interface LoadedBatch {
  batch: ListedSource[];
  inputs: Map<string, RecognitionInput>;
  pagesOf: StoredPageInput[][];
}

/** What the warehouse holds for a whole batch (a few queries) and the stored OCR JSON of its pages. */
async function loadBatch(batch: ListedSource[], deps: ReRecognizeDeps, timings: BatchTimings): Promise<LoadedBatch> {
  const t = performance.now();
  const inputs = await deps.repo.loadRecognitionInputs(batch.map((s) => s.id));
  const reads = pLimit(Math.max(1, deps.readConcurrency));
  const pagesOf = await Promise.all(
    batch.map((s) =>
      Promise.all(
        (inputs.get(s.id)?.pages ?? []).map((ref) =>
          reads(async () => ({ number: ref.number, ocrJson: ref.ocrKey ? await deps.store.get(ref.ocrKey) : null })),
        ),
      ),
    ),
  );
  timings.readMs += performance.now() - t;
  return { batch, inputs, pagesOf };
}

/** Applies the rules on the pool and predicts, per source, what a write would store and whether it changes. */
async function recognizeBatch(loaded: LoadedBatch, deps: ReRecognizeDeps, timings: BatchTimings) {
  const t = performance.now();
  const machine = await Promise.all(loaded.pagesOf.map((pages) => deps.recognize(pages)));
  const writes: RecognitionWrite[] = [];
  const unchanged: string[] = [];
  const diffs = loaded.batch.map((source, i) => {
    const input = loaded.inputs.get(source.id)!;
    const { corrected, outcome } = plannedComponents(input, machine[i]!);
    const diff = diffComponents(source.sha256, input.pages.length, input.components, outcome);
    if (diff.changed) writes.push({ sourceId: source.id, components: corrected, corrections: input.corrections });
    else unchanged.push(source.id);
    return diff;
  });
  timings.recognizeMs += performance.now() - t;
  return { diffs, writes, unchanged };
}

/** Writes the changed sources in one transaction, stamps the others, then makes the PDFs of new page ranges. */
async function writeBatch(
  loaded: LoadedBatch,
  planned: Awaited<ReturnType<typeof recognizeBatch>>,
  deps: ReRecognizeDeps,
  options: ReRecognizeOptions,
  timings: BatchTimings,
) {
  let t = performance.now();
  const versions = { rulePackVersion: deps.versions.rulePack, pipelineVersion: deps.versions.pipeline };
  await deps.repo.writeRecognitionResults(planned.writes, versions);
  await deps.repo.stampRulePackVersion(planned.unchanged, deps.versions.rulePack);
  timings.writeMs += performance.now() - t;
  if (options.deferPdfs || planned.writes.length === 0) return;
  t = performance.now();
  const byId = new Map(loaded.batch.map((s, i) => [s.id, { sha256: s.sha256, pages: loaded.pagesOf[i]! }]));
  await publishMissingPdfs(
    planned.writes.map((w) => w.sourceId),
    deps,
    (id) => byId.get(id),
  );
  timings.pdfMs += performance.now() - t;
}

/**
 * Re-applies the current rule pack to the stored OCR of batches of sources (no OCR is run): reads what the warehouse
 * holds for a whole batch in a few queries, recognizes on the pool, and writes only the sources whose stored result
 * would change, in one transaction per batch; the others get the new rule-pack version stamped. Confirmed field
 * values and component corrections are kept (the repository applies the same rules the prediction does). PDFs of new
 * page ranges are made after the write, or deferred.
 *
 * Batches overlap: while the pool applies the rules to one batch, this thread writes the previous one and reads the
 * next. `onDiffs` receives each batch's diffs, in order, once it is written.
 */
export function createReRecognizer(
  deps: ReRecognizeDeps,
  options: ReRecognizeOptions,
  onDiffs: (diffs: RecognitionDiff[]) => void,
  timings: BatchTimings = { readMs: 0, recognizeMs: 0, writeMs: 0, pdfMs: 0 },
) {
  let previous: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | null = null;
  const settle = async () => {
    await previous;
    if (failure) throw failure.error;
  };
  return {
    async run(batch: ListedSource[]) {
      const loaded = await loadBatch(batch, deps, timings);
      const planned = recognizeBatch(loaded, deps, timings);
      // Attach a handler at once so a failure waits for settle() instead of escaping as unhandled.
      planned.catch(() => {});
      await settle();
      previous = planned
        .then(async (p) => {
          if (!options.dryRun) await writeBatch(loaded, p, deps, options, timings);
          onDiffs(p.diffs);
        })
        .catch((error: unknown) => {
          failure = { error };
        });
    },
    /** Waits for the last batch to be written. */
    flush: settle,
  };
}

/**
 * Makes the searchable PDFs that components of these sources lack (new page ranges after re-recognition or a
 * correction) and records their keys. `loaded` offers OCR JSON already in memory.
 */
export async function publishMissingPdfs(
  sourceIds: string[],
  deps: Pick<ReRecognizeDeps, 'store' | 'repo' | 'readConcurrency'>,
  loaded: (sourceId: string) => { sha256: string; pages: StoredPageInput[] } | undefined = () => undefined,
): Promise<number> {
  const missing = await deps.repo.componentsWithoutPdf(sourceIds);
  if (missing.length === 0) return 0;
  const bySource = new Map<string, typeof missing>();
  for (const c of missing) bySource.set(c.sourceId, [...(bySource.get(c.sourceId) ?? []), c]);
  const refs = await deps.repo.loadRecognitionInputs([...bySource.keys()]);
  const limit = pLimit(Math.max(1, deps.readConcurrency));
  const keys: Array<{ componentId: string; pdfKey: string }> = [];
  await Promise.all(
    [...bySource].map(([sourceId, list]) =>
      limit(async () => {
        const sha256 = list[0]!.sha256;
        const inMemory = loaded(sourceId)?.pages;
        const pages = await Promise.all(
          (refs.get(sourceId)?.pages ?? []).map(async (ref) => {
            const json =
              inMemory?.find((p) => p.number === ref.number)?.ocrJson ??
              (ref.ocrKey ? await deps.store.get(ref.ocrKey) : null);
            return { number: ref.number, dpi: ref.dpi, imageKey: ref.imageKey, text: pageText(json) };
          }),
        );
        const made = await publishComponentPdfs(
          sha256,
          list.map((c) => ({
            type: c.type,
            pages: c.pages,
            confidence: 1,
            status: 'accepted',
            reasons: [],
            fields: {},
          })),
          pages,
          deps.store,
          { reuseExisting: true },
        );
        made.forEach((m, i) => {
          if (m.pdfKey) keys.push({ componentId: list[i]!.id, pdfKey: m.pdfKey });
        });
      }),
    ),
  );
  await deps.repo.setPdfKeys(keys);
  return keys.length;
}

const decoder = new TextDecoder();

function pageText(json: Uint8Array | null): PageText | null {
  return json ? ((JSON.parse(decoder.decode(json)) as { text: PageText | null }).text ?? null) : null;
}
