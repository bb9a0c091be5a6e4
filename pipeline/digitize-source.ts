import pLimit, { type LimitFunction } from 'p-limit';
import type { SourceResult } from '../storage/warehouse/index.js';
import { InfrastructureError } from './infrastructure-error.js';
import {
  failSource,
  finishSource,
  readSourcePage,
  type SourceJob,
  type StageDeps,
  startSource,
} from './source-stages.js';

export type { SourceJob as DigitizeJob } from './source-stages.js';

export type ProgressEvent =
  | { type: 'source-start'; sha256: string; path: string; pageCount: number }
  | { type: 'page-done'; sha256: string; path: string; page: number; textSource: string }
  | { type: 'source-done'; sha256: string; path: string; status: 'done' | 'failed'; error?: string };

export interface DigitizeDeps extends StageDeps {
  /** Pages read at once within a source (render and preprocess overlap OCR). */
  pageConcurrency: number;
  /**
   * Pages read at once across every source of the process, when several sources run at once: each page in flight
   * holds its decoded images, so this bounds memory (default: no bound beyond pageConcurrency per source).
   */
  pageSlots?: LimitFunction;
  onProgress?: (event: ProgressEvent) => void;
}

/**
 * Pages in flight for `ocrThreads` OCR threads: two more than threads, so that while pages are being decoded and
 * preprocessed every OCR thread still has a page waiting (with one more, the 60-page bench ran about 5 % longer on the
 * 2-core machine).
 */
export function pagesInFlight(ocrThreads: number): number {
  return ocrThreads + 2;
}

/** Runs page tasks at most `perSource` at once, and within the process-wide `shared` slots when given. */
export function pageLimiter(perSource: number, shared?: LimitFunction): <T>(task: () => Promise<T>) => Promise<T> {
  const own = pLimit(Math.max(1, perSource));
  return (task) => (shared ? own(() => shared(task)) : own(task));
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The whole pipeline for one stored original in one process: start -> read every page -> finish.
 * Problems with the file itself (corrupt, over a limit, a page that cannot be read) fail the source with the reason;
 * infrastructure errors (store, database) are thrown so the job runner can retry; pages already read are kept.
 */
export async function digitizeSource(job: SourceJob, deps: DigitizeDeps): Promise<SourceResult> {
  const done = (result: SourceResult) => {
    deps.onProgress?.({
      type: 'source-done',
      sha256: job.sha256,
      path: job.path,
      status: result.status === 'done' ? 'done' : 'failed',
      ...(result.error ? { error: result.error } : {}),
    });
    return result;
  };
  const start = await startSource(job, deps);
  if (start.kind !== 'ready') return done(start.result);
  const { sourceId, pageCount, opened } = start;
  try {
    deps.onProgress?.({ type: 'source-start', sha256: job.sha256, path: job.path, pageCount });
    const limit = pageLimiter(deps.pageConcurrency, deps.pageSlots);
    const settled = await Promise.allSettled(
      Array.from({ length: pageCount }, (_, i) =>
        limit(async () => {
          const page = await readSourcePage(job.sha256, i + 1, opened, deps);
          deps.onProgress?.({
            type: 'page-done',
            sha256: job.sha256,
            path: job.path,
            page: i + 1,
            textSource: page.textSource,
          });
        }),
      ),
    );
    const failures = settled.flatMap((s, i) => (s.status === 'rejected' ? [{ page: i + 1, reason: s.reason }] : []));
    // Infrastructure errors are retried by the queue, not recorded as a property of the file.
    const infrastructure = failures.find((f) => f.reason instanceof InfrastructureError);
    if (infrastructure) throw infrastructure.reason;
    if (failures.length > 0) {
      const message = `${failures.length} of ${pageCount} pages could not be read: ${failures
        .map((f) => `page ${f.page}: ${errorMessage(f.reason)}`)
        .join('; ')}`;
      return done(await failSource(sourceId, message, pageCount, deps));
    }
    return done(await finishSource({ sha256: job.sha256, sourceId, pageCount }, deps));
  } finally {
    await opened.close();
  }
}
