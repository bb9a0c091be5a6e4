import { cpus } from 'node:os';
import sharp from 'sharp';
import Tesseract, { OEM, PSM } from 'tesseract.js';
import type { PageText, Rotation } from '../page-model.js';
import { pgmLayout } from '../preprocess/ocr-region.js';
import { createOrientationWorker, type OrientationWorker } from './orientation-worker.js';
import { pageTextFromTsv } from './page-text.js';
import { enableRelaxedSimd } from './relaxed-simd.js';
import { type LangFolder, langFolder, MODEL_FOLDER } from './tessdata.js';
import { tesseractThreadPath } from './tesseract-thread.js';
import { startWithLowerPriority } from './thread-priority.js';
import { tesseractJsVersion } from './versions.js';
import { withTimeout } from './with-timeout.js';

export interface OcrPoolOptions {
  /** Worker threads; default one per core. */
  size: number;
  langs: string[];
  /** Replace a worker after this many pages: its WASM heap only grows. */
  recycleAfterJobs: number;
  /** Replace a worker when process RSS divided by the live workers exceeds this (threads share one RSS). */
  maxWorkerRssMb: number;
  jobTimeoutMs: number;
  initTimeoutMs: number;
  /** Niceness added to the OCR threads (Linux): they yield to the process's other work (0: same priority). */
  threadNice: number;
  /** Put the OCR threads under the idle scheduling policy as well (Linux): other work preempts them at once. */
  threadIdle: boolean;
  /**
   * Run tesseract.js' relaxed-SIMD engine build where the runtime can (on Node 20 by setting V8's flag for it): the
   * same text from the same model for about 2 % less CPU. Once set, the flag stays for the process.
   */
  relaxedSimd: boolean;
  /** Where the pool reports trouble that does not fail a page (orientation detection that cannot start). */
  onWarning?: (message: string) => void;
}

export interface OcrPool {
  recognize(png: Buffer): Promise<PageText>;
  detectOrientation(png: Buffer): Promise<{ rotation: Rotation; confidence: number }>;
  readonly engineVersion: string;
  readonly modelVersion: string;
  close(): Promise<void>;
}

export const defaultOcrPoolOptions = (): OcrPoolOptions => ({
  size: Math.max(1, cpus().length),
  langs: ['vie', 'eng'],
  recycleAfterJobs: 200,
  maxWorkerRssMb: 1200,
  jobTimeoutMs: 120_000,
  initTimeoutMs: 30_000,
  threadNice: 10,
  threadIdle: false,
  relaxedSimd: true,
});

type TessWorker = Tesseract.Worker;

/** One scheduler seat; the tesseract worker behind it is replaced on failure, timeout, age or memory. */
interface Slot {
  id: string;
  current: Promise<TessWorker>;
  jobs: number;
  recognize(png: Buffer): Promise<PageText>;
}

export async function createOcrPool(overrides: Partial<OcrPoolOptions> = {}): Promise<OcrPool> {
  const options = { ...defaultOcrPoolOptions(), ...overrides };
  if (options.size < 1) throw new Error(`OCR pool size must be at least 1, got ${options.size}`);
  if (options.relaxedSimd) await enableRelaxedSimd();
  const data: LangFolder = langFolder(options.langs);
  let closed = false;
  // Replacements run one at a time so at most one seat is ever without a worker.
  let replaceChain: Promise<unknown> = Promise.resolve();

  const spawn = async (): Promise<TessWorker> => {
    let failure: unknown;
    const created = startWithLowerPriority(
      () =>
        Tesseract.createWorker(options.langs, OEM.LSTM_ONLY, {
          workerPath: tesseractThreadPath(),
          langPath: data.path,
          gzip: data.gzip,
          cacheMethod: 'none',
          // A failed job rejects its own promise; without a handler tesseract.js rethrows inside a message listener.
          errorHandler: (err: unknown) => {
            failure = err;
          },
        }),
      { niceness: options.threadNice, idle: options.threadIdle },
    );
    const worker = await withTimeout(
      created,
      options.initTimeoutMs,
      `OCR worker did not initialise within ${options.initTimeoutMs} ms`,
    ).catch((err) => {
      created.then((w) => w.terminate()).catch(() => {});
      throw new Error(`OCR worker initialisation failed: ${describe(failure ?? err)}`);
    });
    // Pages arrive normalised to about 300 dpi, as PGM without a density of its own. Tesseract's own diagnostics
    // ('Detected 63 diacritics') would otherwise land on the user's terminal, between the progress lines.
    await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, user_defined_dpi: '300', debug_file: '/dev/null' });
    return worker;
  };

  const replace = (slot: Slot): void => {
    const old = slot.current;
    slot.jobs = 0;
    const next = replaceChain.then(async () => {
      await old.then((w) => w.terminate()).catch(() => {});
      if (closed) throw new Error('OCR pool is closed');
      return spawn();
    });
    next.catch(() => {}); // surfaced to the next job on this seat
    replaceChain = next.catch(() => {});
    slot.current = next;
  };

  const overMemory = (): boolean => process.memoryUsage.rss() / 1024 / 1024 / options.size > options.maxWorkerRssMb;

  const makeSlot = (i: number, first: Promise<TessWorker>): Slot => {
    const slot: Slot = {
      id: `ocr-seat-${i}`,
      current: first,
      jobs: 0,
      async recognize(png: Buffer): Promise<PageText> {
        if (closed) throw new Error('OCR pool is closed');
        const { width, height } = await imageSize(png);
        let worker: TessWorker;
        try {
          worker = await slot.current;
        } catch (err) {
          replace(slot);
          throw new Error(`OCR worker unavailable: ${describe(err)}`);
        }
        try {
          const result = await withTimeout(
            worker.recognize(engineInput(png), {}, { tsv: true, text: false }),
            options.jobTimeoutMs,
            `OCR of the page exceeded ${options.jobTimeoutMs} ms`,
          );
          slot.jobs += 1;
          if (slot.jobs >= options.recycleAfterJobs || overMemory()) replace(slot);
          return pageTextFromTsv(result.data.tsv ?? '', width, height);
        } catch (err) {
          // A timed-out or failed worker may be wedged: never reuse it.
          replace(slot);
          throw new Error(`OCR failed: ${describe(err)}`);
        }
      },
    };
    return slot;
  };

  const firsts = Array.from({ length: options.size }, () => spawn());
  const settled = await Promise.allSettled(firsts);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(settled.map((s) => (s.status === 'fulfilled' ? s.value.terminate() : undefined)));
    data.remove();
    throw (failed as PromiseRejectedResult).reason;
  }
  const slots = firsts.map((p, i) => makeSlot(i, p));
  const scheduler = Tesseract.createScheduler();
  // The scheduler only calls `id` and the action method, so a seat stands in for a worker.
  for (const slot of slots) scheduler.addWorker(slot as unknown as TessWorker);

  let orientation: OrientationWorker | null = null;
  const orientationWorker = (): OrientationWorker => {
    orientation ??= createOrientationWorker({
      initTimeoutMs: options.initTimeoutMs,
      jobTimeoutMs: options.jobTimeoutMs,
      onUnavailable: (reason) =>
        options.onWarning?.(
          `orientation detection (Tesseract OSD) could not start: ${reason}; until it is tried again, pages are ` +
            'turned by the layout check and the reading check alone',
        ),
    });
    return orientation;
  };

  return {
    engineVersion: `tesseract.js@${tesseractJsVersion()}`,
    modelVersion: `${options.langs.join('+')}/${MODEL_FOLDER}`,
    recognize: (png) => {
      if (closed) return Promise.reject(new Error('OCR pool is closed'));
      return scheduler.addJob('recognize', png) as unknown as Promise<PageText>;
    },
    detectOrientation: (png) => {
      if (closed) return Promise.reject(new Error('OCR pool is closed'));
      return orientationWorker().detect(png);
    },
    async close() {
      if (closed) return;
      closed = true;
      await replaceChain;
      await Promise.all(slots.map((s) => s.current.then((w) => w.terminate()).catch(() => {})));
      await orientation?.close();
      data.remove();
    },
  };
}

/**
 * What to hand tesseract.js for an image. It copies a Buffer into a new array before posting it to its thread; a
 * whole SharedArrayBuffer (the preprocessed page, see sharedPgm) is wrapped instead, and reaches the thread uncopied.
 */
function engineInput(image: Buffer): Tesseract.ImageLike {
  const whole = image.byteOffset === 0 && image.byteLength === image.buffer.byteLength;
  return (whole && image.buffer instanceof SharedArrayBuffer ? image.buffer : image) as unknown as Tesseract.ImageLike;
}

async function imageSize(png: Buffer): Promise<{ width: number; height: number }> {
  // A binary PGM, the cheapest input to hand Tesseract (no compression to undo), is sized from its header.
  if (png[0] === 0x50 && png[1] === 0x35) return pgmLayout(png);
  try {
    const meta = await sharp(png).metadata();
    if (!meta.width || !meta.height) throw new Error('no dimensions');
    return { width: meta.width, height: meta.height };
  } catch (err) {
    throw new Error(`OCR input is not a decodable image: ${describe(err)}`);
  }
}

export function describe(err: unknown): string {
  if (err instanceof Error) return err.message;
  return typeof err === 'string' ? err : JSON.stringify(err);
}
