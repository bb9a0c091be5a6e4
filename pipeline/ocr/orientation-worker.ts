import Tesseract, { OEM } from 'tesseract.js';
import type { Rotation } from '../page-model.js';
import { langFolder } from './tessdata.js';
import { tesseractThreadPath } from './tesseract-thread.js';
import { withTimeout } from './with-timeout.js';

/** Glyphs OSD tries before it may stop (Tesseract's min_characters_to_try, 50 by default). */
export const OSD_MIN_CHARACTERS = 20;

/** OSD margin treated as full confidence. */
export const OSD_CERTAIN_MARGIN = 15;

export interface OrientationWorker {
  /** Clockwise rotation that makes the page upright; confidence 0..1 (0 when OSD found too little text). */
  detect(png: Buffer): Promise<{ rotation: Rotation; confidence: number }>;
  close(): Promise<void>;
}

export interface OrientationWorkerOptions {
  initTimeoutMs: number;
  jobTimeoutMs: number;
  /**
   * After the worker failed to start, detection is refused at once for this long before a new start is tried:
   * a start that hangs would otherwise cost every page that asks initTimeoutMs (default 10 minutes).
   */
  retryAfterMs?: number;
  /** Told each time the worker fails to start, with the reason (pages then rely on the other orientation checks). */
  onUnavailable?: (reason: string) => void;
}

/**
 * Tesseract OSD needs the legacy engine and the `osd` model; it runs on its own worker, created on first use, and
 * serves one page at a time (only pages the cheap heuristic cannot settle reach it).
 */
export function createOrientationWorker(options: OrientationWorkerOptions): OrientationWorker {
  let worker: Promise<Tesseract.Worker> | null = null;
  let chain: Promise<unknown> = Promise.resolve();
  let folder: ReturnType<typeof langFolder> | null = null;
  let refused: { reason: string; until: number } | null = null;
  const retryAfterMs = options.retryAfterMs ?? 600_000;

  const start = async (): Promise<Tesseract.Worker> => {
    folder ??= langFolder(['osd']);
    const created = Tesseract.createWorker('osd', OEM.TESSERACT_ONLY, {
      workerPath: tesseractThreadPath(),
      legacyCore: true,
      legacyLang: true,
      langPath: folder.path,
      gzip: folder.gzip,
      cacheMethod: 'none',
      errorHandler: () => {},
    });
    const ready = created.then(async (w) => {
      // OSD stops sampling glyphs once it has tried this many and one side stands out: 20 instead of Tesseract's 50
      // halves the time per page with the same verdicts (135 generated pages of every type, 134 right either way).
      // Its diagnostics ('Too few characters. Skipping this page') would land on the user's terminal.
      await w.setParameters({
        min_characters_to_try: String(OSD_MIN_CHARACTERS),
        debug_file: '/dev/null',
      } as Partial<Tesseract.WorkerParams>);
      return w;
    });
    return withTimeout(
      ready,
      options.initTimeoutMs,
      `orientation worker did not initialise in ${options.initTimeoutMs} ms`,
    ).catch((err) => {
      // A worker that comes up after its start was given up would otherwise keep its thread for good.
      created.then((w) => w.terminate()).catch(() => {});
      throw err;
    });
  };

  const run = async (png: Buffer): Promise<{ rotation: Rotation; confidence: number }> => {
    if (refused && performance.now() < refused.until) {
      throw new Error(`orientation detection is unavailable: ${refused.reason}`);
    }
    refused = null;
    worker ??= start();
    const w = await worker.catch((err) => {
      worker = null;
      const reason = err instanceof Error ? err.message : String(err);
      refused = { reason, until: performance.now() + retryAfterMs };
      options.onUnavailable?.(reason);
      throw new Error(`orientation detection is unavailable: ${reason}`);
    });
    try {
      const { data } = await withTimeout(w.detect(png), options.jobTimeoutMs, 'orientation detection timed out');
      const degrees = data.orientation_degrees ?? 0;
      const rotation = (((Math.round(degrees / 90) * 90) % 360) + 360) % 360;
      // OSD's margin is unbounded (about 2 = unsure, 15+ = certain); map it onto 0..1 like every other confidence.
      const margin = data.orientation_degrees === null ? 0 : (data.orientation_confidence ?? 0);
      return { rotation: rotation as Rotation, confidence: Math.min(1, Math.max(0, margin / OSD_CERTAIN_MARGIN)) };
    } catch (err) {
      worker = null;
      await w.terminate().catch(() => {});
      throw new Error(`orientation detection failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  return {
    detect(png) {
      const job = chain.then(() => run(png));
      chain = job.catch(() => {});
      return job;
    },
    async close() {
      await chain;
      if (worker) await (await worker.catch(() => null))?.terminate();
      worker = null;
      folder?.remove();
    },
  };
}
