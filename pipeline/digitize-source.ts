import pLimit from 'p-limit';
import type { ObjectStore } from '../storage/object-store/object-store.port.js';
import type { SourceResult, WarehouseRepository } from '../storage/warehouse/index.js';
import { objectKeys } from './object-keys.js';
import type { OcrPool } from './ocr/index.js';
import type { RecognizablePage, Versions } from './page-model.js';
import type { PreprocessOptions } from './preprocess/index.js';
import { publishComponentPdfs } from './publish/component-pdfs.js';
import { type ReadPage, readPage } from './read-page.js';
import { type RulePack, recognize } from './recognize/index.js';
import { openSource, SourceError, type SourceLimits } from './split/index.js';

export type ProgressEvent =
  | { type: 'source-start'; sha256: string; path: string; pageCount: number }
  | { type: 'page-done'; sha256: string; path: string; page: number; textSource: string }
  | { type: 'source-done'; sha256: string; path: string; status: 'done' | 'failed'; error?: string };

export interface DigitizeDeps {
  store: ObjectStore;
  repo: WarehouseRepository;
  /** The OCR pool, started on first use so that known sources never start OCR workers. */
  ocr: () => Promise<OcrPool>;
  rulePack: RulePack;
  limits: SourceLimits;
  preprocess: PreprocessOptions;
  versions: Versions;
  /** Pages read at once within a source (render and preprocess overlap OCR). */
  pageConcurrency: number;
  onProgress?: (event: ProgressEvent) => void;
}

export interface DigitizeJob {
  sha256: string;
  path: string;
  byteSize: number;
  mediaType: string | null;
}

/** Stored result of one page, as the OCR JSON object keeps it (word-level text, boxes and confidences). */
function ocrDocument(page: ReadPage, versions: Versions) {
  return {
    page: page.number,
    rotation: page.rotation,
    textSource: page.textSource,
    width: page.width,
    height: page.height,
    dpi: page.dpi,
    skewDegrees: page.skewDegrees,
    versions: { ocrEngine: versions.ocrEngine, ocrModel: versions.ocrModel },
    text: page.text,
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The whole pipeline for one stored original: split -> preprocess -> OCR -> recognize -> publish.
 * A source already done is returned from the warehouse without any work (content addressing).
 * Problems with the file itself (corrupt, over a limit, a page that cannot be read) fail the source with the reason;
 * infrastructure errors (store, database) are thrown so the job runner can retry.
 */
export async function digitizeSource(job: DigitizeJob, deps: DigitizeDeps): Promise<SourceResult> {
  const { store, repo, versions } = deps;
  const existing = await repo.findSourceBySha(job.sha256);
  if (existing && existing.status === 'done') {
    await repo.recordPath(existing.id, job.path);
    return repo.getSourceResult(existing.id);
  }
  const originalKey = objectKeys.original(job.sha256);
  const { id } = await repo.beginSource(
    {
      sha256: job.sha256,
      byteSize: job.byteSize,
      mediaType: job.mediaType,
      originalKey,
      pipelineVersion: versions.pipeline,
    },
    job.path,
  );
  const bytes = await store.get(originalKey);

  let pageCount: number | null = null;
  const emitDone = (status: 'done' | 'failed', error?: string) =>
    deps.onProgress?.({
      type: 'source-done',
      sha256: job.sha256,
      path: job.path,
      status,
      ...(error ? { error } : {}),
    });
  let opened: Awaited<ReturnType<typeof openSource>>;
  try {
    opened = await openSource(bytes, deps.limits);
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    await repo.failSource(id, error.message, null);
    emitDone('failed', error.message);
    return repo.getSourceResult(id);
  }
  try {
    pageCount = opened.pageCount;
    deps.onProgress?.({ type: 'source-start', sha256: job.sha256, path: job.path, pageCount });
    const ocr = await deps.ocr();
    const limit = pLimit(Math.max(1, deps.pageConcurrency));
    const numbers = Array.from({ length: pageCount }, (_, i) => i + 1);
    const settled = await Promise.allSettled(
      numbers.map((n) =>
        limit(async () => {
          const split = await opened.page(n);
          const page = await readPage(split, { ocr, preprocess: deps.preprocess });
          await store.put(objectKeys.pageImage(job.sha256, n), page.image, { contentType: 'image/png' });
          await store.put(objectKeys.pageOcr(job.sha256, n), Buffer.from(JSON.stringify(ocrDocument(page, versions))), {
            contentType: 'application/json',
          });
          deps.onProgress?.({
            type: 'page-done',
            sha256: job.sha256,
            path: job.path,
            page: n,
            textSource: page.textSource,
          });
          // Keep only what recognition and publishing need; the image is re-read from the store when publishing.
          return { ...page, image: Buffer.alloc(0) };
        }),
      ),
    );
    const failures = settled.flatMap((s, i) =>
      s.status === 'rejected' ? [`page ${i + 1}: ${errorMessage(s.reason)}`] : [],
    );
    if (failures.length > 0) {
      const message = `${failures.length} of ${pageCount} pages could not be read: ${failures.join('; ')}`;
      await repo.failSource(id, message, pageCount);
      emitDone('failed', message);
      return repo.getSourceResult(id);
    }
    const pages = settled.map((s) => (s as PromiseFulfilledResult<ReadPage>).value);
    const recognizable: RecognizablePage[] = pages.map((p) => ({ number: p.number, text: p.text }));
    const components = recognize(recognizable, deps.rulePack);
    const withPdfs = await publishComponentPdfs(job.sha256, components, pages, store, {
      reuseExisting: false,
    });
    await repo.completeSource(id, {
      pageCount,
      pages: pages.map((p) => ({
        number: p.number,
        rotation: p.rotation,
        textSource: p.textSource,
        confidence: p.confidence,
        text: p.text?.text ?? '',
        width: p.width,
        height: p.height,
        dpi: p.dpi,
        skewDegrees: p.skewDegrees,
        imageKey: objectKeys.pageImage(job.sha256, p.number),
        ocrKey: objectKeys.pageOcr(job.sha256, p.number),
        ocrEngine: p.textSource === 'ocr' ? versions.ocrEngine : null,
        ocrModel: p.textSource === 'ocr' ? versions.ocrModel : null,
      })),
      components: withPdfs,
      rulePackVersion: versions.rulePack,
      pipelineVersion: versions.pipeline,
    });
    emitDone('done');
    return repo.getSourceResult(id);
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    await repo.failSource(id, error.message, pageCount);
    emitDone('failed', error.message);
    return repo.getSourceResult(id);
  } finally {
    await opened.close();
  }
}
