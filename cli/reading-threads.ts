import { availableParallelism } from 'node:os';
import { createOcrPool, type OcrPool } from '../pipeline/ocr/index.js';
import { createPreprocessPool, type PreparePage } from '../pipeline/preprocess/preprocess-pool.js';
import type { Config } from './config.js';

/**
 * The threads a process reads pages with: the OCR pool and the preprocessing threads. Both start on first use, so
 * re-submitting known files never starts them; `start()` starts them at once (see openRuntime's `warmOcr`).
 */
export interface ReadingThreads {
  ocr(): Promise<OcrPool>;
  prepare: PreparePage;
  start(): void;
  close(): Promise<void>;
}

export function readingThreadsOf(
  config: Config,
  options: { ocrIdleByDefault?: boolean | undefined } = {},
): ReadingThreads {
  const idle = config.ocrIdle ?? options.ocrIdleByDefault ?? false;
  let pool: Promise<OcrPool> | null = null;
  const ocr = () => {
    pool ??= createOcrPool({
      size: Math.min(config.ocrWorkers, availableParallelism() * 2),
      recycleAfterJobs: config.ocrRecycleJobs,
      maxWorkerRssMb: config.ocrMaxRssMb,
      jobTimeoutMs: config.pageTimeoutMs,
      threadNice: config.ocrNice,
      threadIdle: idle,
      relaxedSimd: config.ocrRelaxedSimd,
      onWarning: (message) => process.stderr.write(`sohoa: ${message}\n`),
    });
    return pool;
  };
  // As many as OCR threads, so preprocessing keeps pace with OCR. Under the idle policy, preprocessing yields like
  // OCR: the main thread's replies and the services run first.
  const preprocessing = createPreprocessPool({
    size: config.ocrWorkers,
    ...(idle ? { priority: { niceness: 0, idle: true } } : {}),
  });
  return {
    ocr,
    prepare: preprocessing.prepare,
    start() {
      // A failed start is reported by the first page that asks for OCR, with that page's name.
      ocr().catch(() => {});
      preprocessing.start();
    },
    async close() {
      await Promise.allSettled([preprocessing.close(), pool?.then((p) => p.close())]);
    },
  };
}
