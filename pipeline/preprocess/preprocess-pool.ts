import type { Worker } from 'node:worker_threads';
import type { ThreadPriority } from '../ocr/thread-priority.js';
import { spawnModuleWorker } from '../spawn-worker.js';
import type { PageImage } from '../split/opened-source.js';
import type { OrientationDetector, PreparedPage, PreprocessOptions } from './prepare-page.js';
import type { PreprocessMessage, PreprocessRequest } from './preprocess-worker.js';

/** preparePage's signature: the pool is a drop-in for it. */
export type PreparePage = (
  input: PageImage,
  options: PreprocessOptions,
  orient: OrientationDetector,
) => Promise<PreparedPage>;

export interface PreprocessPool {
  prepare: PreparePage;
  /** Starts every thread now rather than on first use (they load their modules while the caller does other work). */
  start(): void;
  close(): Promise<void>;
}

interface Task {
  resolve: (page: PreparedPage) => void;
  reject: (error: Error) => void;
  orient: OrientationDetector;
}

interface Slot {
  worker: Worker;
  tasks: Map<number, Task>;
}

const asBuffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/**
 * Page preprocessing on `size` worker threads, started on first use or by `start()`; each page goes to the thread
 * with the fewest pages. A thread that dies fails only its own pages, with the reason, and is replaced on the next page.
 */
export function createPreprocessPool(options: {
  size: number;
  /** Priority the threads give themselves before any work (default: the process's). */
  priority?: ThreadPriority;
}): PreprocessPool {
  const slots: Array<Slot | null> = Array.from({ length: Math.max(1, options.size) }, () => null);
  let nextId = 1;
  let closed = false;

  const start = (index: number): Slot => {
    const worker = spawnModuleWorker(new URL('./preprocess-worker.js', import.meta.url), import.meta.url, {
      workerData: { priority: options.priority ?? null },
    });
    const slot: Slot = { worker, tasks: new Map() };
    const failAll = (reason: string) => {
      if (slots[index] === slot) slots[index] = null;
      for (const task of slot.tasks.values()) task.reject(new Error(`page preprocessing stopped: ${reason}`));
      slot.tasks.clear();
    };
    worker.on('message', (msg: PreprocessMessage) => {
      const task = slot.tasks.get(msg.id);
      if (!task) return;
      if (msg.op === 'orient') {
        task.orient(asBuffer(msg.png)).then(
          (value) => worker.postMessage({ op: 'oriented', ask: msg.ask, ok: true, value } satisfies PreprocessRequest),
          (error: unknown) =>
            worker.postMessage({
              op: 'oriented',
              ask: msg.ask,
              ok: false,
              message: error instanceof Error ? error.message : String(error),
            } satisfies PreprocessRequest),
        );
        return;
      }
      slot.tasks.delete(msg.id);
      // An idle thread must not keep the process alive.
      if (slot.tasks.size === 0) worker.unref();
      if (msg.ok) {
        const page = msg.value;
        task.resolve({ ...page, image: asBuffer(page.image), ocrImage: asBuffer(page.ocrImage) });
      } else task.reject(new Error(msg.message));
    });
    worker.on('error', (error) => failAll(error.message));
    worker.on('exit', (code) => failAll(`exit code ${code}`));
    slots[index] = slot;
    return slot;
  };

  const pick = (): Slot => {
    let best = -1;
    for (let i = 0; i < slots.length; i++) {
      const load = slots[i]?.tasks.size ?? 0;
      if (best < 0 || load < (slots[best]?.tasks.size ?? 0)) best = i;
      if (load === 0) break;
    }
    return slots[best] ?? start(best);
  };

  return {
    prepare(input, preprocess, orient) {
      if (closed) return Promise.reject(new Error('the preprocessing pool is closed'));
      const slot = pick();
      const id = nextId++;
      return new Promise<PreparedPage>((resolve, reject) => {
        slot.tasks.set(id, { resolve, reject, orient });
        slot.worker.ref();
        slot.worker.postMessage({
          op: 'prepare',
          id,
          input: { data: input.data, dpi: input.dpi, ...(input.frame === undefined ? {} : { frame: input.frame }) },
          options: preprocess,
        } satisfies PreprocessRequest);
      });
    },
    start() {
      if (closed) return;
      for (let i = 0; i < slots.length; i++) {
        if (slots[i]) continue;
        // Idle until its first page: it must not keep the process alive.
        start(i).worker.unref();
      }
    },
    async close() {
      closed = true;
      await Promise.allSettled(slots.map((s) => s?.worker.terminate()));
      slots.fill(null);
    },
  };
}
