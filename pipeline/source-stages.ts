// The per-source stages as plain functions: start (register, open, count pages), read one page (split, preprocess,
// OCR; stores the page image and OCR JSON), finish (recognize from the stored OCR, publish, complete). The embedded
// runner calls them in one process; the distributed one runs each as a queue job (one job per page).
import { ObjectNotFoundError, type ObjectStore } from '../storage/object-store/object-store.port.js';
import type { SourceResult, WarehouseRepository } from '../storage/warehouse/index.js';
import { infrastructure } from './infrastructure-error.js';
import { objectKeys } from './object-keys.js';
import type { OcrPool, ReadingCheckOptions } from './ocr/index.js';
import type { PageText, Rotation, TextSource, Versions } from './page-model.js';
import type { PreprocessOptions } from './preprocess/index.js';
import type { PreparePage } from './preprocess/preprocess-pool.js';
import { publishComponentPdfs } from './publish/component-pdfs.js';
import { readPage } from './read-page.js';
import { type RulePack, recognize } from './recognize/index.js';
import { type OpenedSource, openSource, SourceError, type SourceLimits } from './split/index.js';

export interface StageDeps {
  store: ObjectStore;
  repo: WarehouseRepository;
  /** The OCR pool, started on first use so that known sources never start OCR workers. */
  ocr: () => Promise<OcrPool>;
  rulePack: RulePack;
  limits: SourceLimits;
  preprocess: PreprocessOptions;
  /** Where page preprocessing runs (default: the calling thread). */
  prepare?: PreparePage;
  /** When an OCR reading is taken for a page read the wrong way round (default: defaultReadingCheckOptions). */
  readingCheck?: ReadingCheckOptions;
  versions: Versions;
}

export interface SourceJob {
  sha256: string;
  path: string;
  byteSize: number;
  mediaType: string | null;
}

/** What the OCR JSON object of a page holds: word-level text, boxes and confidences, and how the page was read. */
export interface StoredPage {
  page: number;
  rotation: Rotation;
  textSource: TextSource;
  confidence: number;
  width: number;
  height: number;
  dpi: number;
  skewDegrees: number;
  versions: { ocrEngine: string; ocrModel: string };
  text: PageText | null;
}

export type StartOutcome =
  | { kind: 'known'; sourceId: string; result: SourceResult }
  | { kind: 'failed'; sourceId: string; result: SourceResult }
  | { kind: 'ready'; sourceId: string; pageCount: number; opened: OpenedSource };

/**
 * Registers the source and opens it. A source already done is answered from the warehouse (content addressing).
 * `open` replaces reading and parsing the stored original, e.g. with a cache the page jobs share.
 */
export async function startSource(
  job: SourceJob,
  deps: StageDeps,
  open: (sha256: string) => Promise<OpenedSource> = (sha256) => openStoredSource(sha256, deps),
): Promise<StartOutcome> {
  const { repo } = deps;
  // Registered and its path recorded in one call; a source already done is answered from the warehouse.
  const { id, status } = await repo.beginSource(
    {
      sha256: job.sha256,
      byteSize: job.byteSize,
      mediaType: job.mediaType,
      originalKey: objectKeys.original(job.sha256),
      pipelineVersion: deps.versions.pipeline,
    },
    job.path,
  );
  if (status === 'done') return { kind: 'known', sourceId: id, result: await repo.getSourceResult(id) };
  try {
    const opened = await open(job.sha256);
    return { kind: 'ready', sourceId: id, pageCount: opened.pageCount, opened };
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    return { kind: 'failed', sourceId: id, result: await failSource(id, error.message, null, deps) };
  }
}

/** Opens a stored original; throws SourceError for problems with the file itself. */
export async function openStoredSource(
  sha256: string,
  deps: Pick<StageDeps, 'store' | 'limits'>,
): Promise<OpenedSource> {
  return openSource(await deps.store.get(objectKeys.original(sha256)), deps.limits);
}

export async function failSource(
  sourceId: string,
  message: string,
  pageCount: number | null,
  deps: Pick<StageDeps, 'repo'>,
): Promise<SourceResult> {
  await deps.repo.failSource(sourceId, message, pageCount);
  return deps.repo.getSourceResult(sourceId);
}

async function storedPage(sha256: string, n: number, store: ObjectStore): Promise<StoredPage | null> {
  const key = objectKeys.pageOcr(sha256, n);
  // One round trip: a missing page is the store's not-found error, not a separate existence check.
  const bytes = await infrastructure(`reading ${key}`, () =>
    store.get(key).catch((error: unknown) => {
      if (error instanceof ObjectNotFoundError) return null;
      throw error;
    }),
  );
  return bytes ? (JSON.parse(bytes.toString('utf8')) as StoredPage) : null;
}

/**
 * Reads one page and stores its normalised image and OCR JSON. A page already read by the same OCR engine and model
 * (an interrupted run, a retried job) is not read again, unless `reread` asks for it (re-processing with OCR);
 * `assumeUnread` skips that look when the caller knows nothing is stored.
 */
export async function readSourcePage(
  sha256: string,
  n: number,
  opened: OpenedSource,
  deps: StageDeps,
  options: { reread?: boolean; assumeUnread?: boolean } = {},
): Promise<StoredPage> {
  const { store, versions } = deps;
  const previous = options.reread || options.assumeUnread ? null : await storedPage(sha256, n, store);
  if (
    previous &&
    previous.versions.ocrEngine === versions.ocrEngine &&
    previous.versions.ocrModel === versions.ocrModel &&
    (await infrastructure('checking a page image', () => store.exists(objectKeys.pageImage(sha256, n))))
  ) {
    return previous;
  }
  const split = await opened.page(n);
  // OCR workers start only when a page needs them (not for born-digital text or blank pages).
  const page = await readPage(split, {
    ocr: deps.ocr,
    preprocess: deps.preprocess,
    ...(deps.prepare ? { prepare: deps.prepare } : {}),
    ...(deps.readingCheck ? { readingCheck: deps.readingCheck } : {}),
  });
  const stored: StoredPage = {
    page: n,
    rotation: page.rotation,
    textSource: page.textSource,
    confidence: page.confidence,
    width: page.width,
    height: page.height,
    dpi: page.dpi,
    skewDegrees: page.skewDegrees,
    versions: { ocrEngine: versions.ocrEngine, ocrModel: versions.ocrModel },
    text: page.text,
  };
  await infrastructure('storing the page image and OCR', () =>
    store.putAll([
      { key: objectKeys.pageImage(sha256, n), data: page.image, contentType: 'image/jpeg' },
      // Written last: its presence means the page is complete.
      {
        key: objectKeys.pageOcr(sha256, n),
        data: Buffer.from(JSON.stringify(stored)),
        contentType: 'application/json',
      },
    ]),
  );
  return stored;
}

/** Recognizes the source from its stored pages, publishes one searchable PDF per component and completes it. */
export async function finishSource(
  job: { sha256: string; sourceId: string; pageCount: number },
  deps: StageDeps,
): Promise<SourceResult> {
  const { store, repo, versions } = deps;
  const pages: StoredPage[] = [];
  for (let n = 1; n <= job.pageCount; n++) {
    const page = await storedPage(job.sha256, n, store);
    if (!page) throw new Error(`page ${n} of ${job.sha256} has not been read`);
    pages.push(page);
  }
  const components = recognize(
    pages.map((p) => ({ number: p.page, text: p.text })),
    deps.rulePack,
  );
  const withPdfs = await publishComponentPdfs(
    job.sha256,
    components,
    pages.map((p) => ({ number: p.page, dpi: p.dpi, text: p.text })),
    store,
    { reuseExisting: false },
  );
  await repo.completeSource(job.sourceId, {
    pageCount: job.pageCount,
    pages: pages.map((p) => ({
      number: p.page,
      rotation: p.rotation,
      textSource: p.textSource,
      confidence: p.confidence,
      text: p.text?.text ?? '',
      width: p.width,
      height: p.height,
      dpi: p.dpi,
      skewDegrees: p.skewDegrees,
      imageKey: objectKeys.pageImage(job.sha256, p.page),
      ocrKey: objectKeys.pageOcr(job.sha256, p.page),
      ocrEngine: p.textSource === 'ocr' ? p.versions.ocrEngine : null,
      ocrModel: p.textSource === 'ocr' ? p.versions.ocrModel : null,
    })),
    components: withPdfs,
    rulePackVersion: versions.rulePack,
    pipelineVersion: versions.pipeline,
  });
  return repo.getSourceResult(job.sourceId);
}
