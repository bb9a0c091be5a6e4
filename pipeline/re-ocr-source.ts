import pLimit from 'p-limit';
import type { ListedSource } from '../storage/warehouse/index.js';
import { InfrastructureError } from './infrastructure-error.js';
import { diffComponents, type RecognitionDiff } from './re-recognize-source.js';
import { finishSource, openStoredSource, readSourcePage, type StageDeps } from './source-stages.js';

/**
 * Re-processing with OCR: reads every page of a stored source again from its stored original (even pages already
 * read by the same model) and finishes it through the ordinary stages, which keep confirmed values and component
 * corrections. A page that can no longer be read leaves the source as it was and is reported as an error.
 */
export async function reOcrSource(
  source: ListedSource,
  deps: StageDeps & { pageConcurrency: number },
): Promise<RecognitionDiff> {
  const before = await deps.repo.getComponentResults(source.id);
  const opened = await openStoredSource(source.sha256, deps);
  try {
    const limit = pLimit(Math.max(1, deps.pageConcurrency));
    const settled = await Promise.allSettled(
      Array.from({ length: opened.pageCount }, (_, i) =>
        limit(() => readSourcePage(source.sha256, i + 1, opened, deps, { reread: true })),
      ),
    );
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) {
      const reason = failed.reason;
      if (reason instanceof InfrastructureError) throw reason;
      throw new Error(`${source.sha256}: ${reason instanceof Error ? reason.message : String(reason)}`);
    }
    const after = await finishSource({ sha256: source.sha256, sourceId: source.id, pageCount: opened.pageCount }, deps);
    return diffComponents(source.sha256, opened.pageCount, before, after.components);
  } finally {
    await opened.close();
  }
}
