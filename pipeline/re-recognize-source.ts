import type { ObjectStore } from '../storage/object-store/object-store.port.js';
import type { ListedSource, SourceResult, WarehouseRepository } from '../storage/warehouse/index.js';
import type { ComponentResult, PageText, Versions } from './page-model.js';
import { publishComponentPdfs } from './publish/component-pdfs.js';

/** What re-applying the rules changed in one source. */
export interface RecognitionDiff {
  sha256: string;
  pages: number;
  /** Same page range, another type. */
  retyped: Array<{ pages: [number, number]; from: string; to: string }>;
  /** Ranges that appear or disappear. */
  added: Array<{ type: string; pages: [number, number] }>;
  removed: Array<{ type: string; pages: [number, number] }>;
  /** Same type and range, another value (null = absent). */
  fields: Array<{ type: string; pages: [number, number]; key: string; from: string | null; to: string | null }>;
  statusChanged: Array<{ type: string; pages: [number, number]; from: string; to: string }>;
}

export interface ReRecognizeDeps {
  store: ObjectStore;
  repo: WarehouseRepository;
  versions: Versions;
  /** Applies the rule pack to stored OCR JSON (on worker threads in bulk runs). */
  recognize: (pages: Array<{ number: number; ocrJson: Uint8Array | null }>) => Promise<ComponentResult[]>;
}

const rangeKey = (pages: [number, number]) => `${pages[0]}-${pages[1]}`;

/** Pure: the differences between the stored components and a new recognition run. */
export function diffComponents(
  sha256: string,
  pages: number,
  before: SourceResult['components'],
  after: ComponentResult[],
): RecognitionDiff {
  const diff: RecognitionDiff = { sha256, pages, retyped: [], added: [], removed: [], fields: [], statusChanged: [] };
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

export function isUnchanged(diff: RecognitionDiff): boolean {
  return (
    diff.retyped.length + diff.added.length + diff.removed.length + diff.fields.length + diff.statusChanged.length === 0
  );
}

/**
 * Re-applies the current rule pack to a source's stored OCR (no OCR is run) and, unless dry, stores the new
 * components with the rule-pack version. Human-confirmed field values are kept by the repository. A source whose
 * result does not change is not written: the caller stamps the version on those in bulk.
 */
export async function reRecognizeSource(
  source: ListedSource,
  deps: ReRecognizeDeps,
  options: { dryRun: boolean },
): Promise<RecognitionDiff> {
  const refs = await deps.repo.getPageRefs(source.id);
  const pages = await Promise.all(
    refs.map(async (ref) => ({
      number: ref.number,
      dpi: ref.dpi,
      imageKey: ref.imageKey,
      ocrJson: ref.ocrKey ? await deps.store.get(ref.ocrKey) : null,
    })),
  );
  const [components, before] = await Promise.all([
    deps.recognize(pages.map((p) => ({ number: p.number, ocrJson: p.ocrJson }))),
    deps.repo.getComponentResults(source.id),
  ]);
  const diff = diffComponents(source.sha256, pages.length, before, components);
  if (!options.dryRun && !isUnchanged(diff)) {
    const texts = pages.map((p) => ({
      number: p.number,
      dpi: p.dpi,
      imageKey: p.imageKey,
      text: p.ocrJson ? ((JSON.parse(p.ocrJson.toString('utf8')) as { text: PageText | null }).text ?? null) : null,
    }));
    const withPdfs = await publishComponentPdfs(source.sha256, components, texts, deps.store, { reuseExisting: true });
    await deps.repo.replaceComponents(source.id, {
      components: withPdfs,
      rulePackVersion: deps.versions.rulePack,
      pipelineVersion: deps.versions.pipeline,
    });
  }
  return diff;
}
