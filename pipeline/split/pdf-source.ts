import type { Worker } from 'node:worker_threads';
import { spawnModuleWorker } from '../spawn-worker.js';
import type { SourceLimits } from './limits.js';
import { checkPageNumber, type OpenedSource, type PageImage, type SplitPage } from './opened-source.js';
import type { PdfPageText } from './pdf-engine.js';
import type { WorkerRequest, WorkerResponse } from './pdf-worker.js';
import { type LimitInfo, limitError, SourceError, type SourceErrorCode } from './source-error.js';

export interface PdfWorkerOptions {
  /** V8 heap cap of the worker thread, in MiB (decoded images live outside it). */
  maxHeapMb: number;
  /**
   * Healthy worker threads kept for the next source (starting one costs pdf.js's load time, about 0.4 CPU-s). Two:
   * with three sources in flight, PDFs of a dossier batch close in pairs; keeping one started four threads for the
   * eight to eleven PDFs of the tuning corpora, keeping two started two.
   */
  maxIdleWorkers: number;
}

export const DEFAULT_PDF_WORKER_OPTIONS: PdfWorkerOptions = { maxHeapMb: 1536, maxIdleWorkers: 2 };

// Workers whose source closed normally; reused by the next source. Unreferenced so they never keep the process up.
const idleWorkers: Worker[] = [];

const idleListeners = new WeakMap<Worker, () => void>();

function takeIdleWorker(): Worker | null {
  const w = idleWorkers.pop() ?? null;
  const forget = w && idleListeners.get(w);
  if (w && forget) {
    w.off('error', forget);
    w.off('exit', forget);
  }
  return w;
}

function releaseWorker(worker: Worker, options: PdfWorkerOptions): void {
  if (idleWorkers.length >= options.maxIdleWorkers) {
    void worker.terminate().catch(() => {});
    return;
  }
  worker.unref();
  // Frees the previous document now rather than at the next open.
  worker.postMessage({ id: 0, op: 'reset' });
  const forget = () => {
    const i = idleWorkers.indexOf(worker);
    if (i >= 0) idleWorkers.splice(i, 1);
  };
  worker.on('error', forget);
  worker.on('exit', forget);
  idleListeners.set(worker, forget);
  idleWorkers.push(worker);
}

type Pending = { resolve: (v: unknown) => void; reject: (e: SourceError) => void; timer: NodeJS.Timeout };
type RequestBody = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

function spawnWorker(options: PdfWorkerOptions): Worker {
  return spawnModuleWorker(new URL('./pdf-worker.js', import.meta.url), import.meta.url, {
    resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb },
  });
}

/**
 * A PDF parsed in its own worker thread. Every request is bounded by pageTimeoutMs: on expiry the thread is
 * terminated (stopping a runaway parse) and the next request starts a fresh one and reopens the document.
 */
class PdfWorkerClient {
  private worker: Worker | null = null;
  private opened: Promise<number> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closed = false;
  private detach: () => void = () => {};

  constructor(
    private readonly bytes: Buffer,
    private readonly limits: SourceLimits,
    private readonly options: PdfWorkerOptions,
  ) {}

  open(): Promise<number> {
    this.opened ??= this.send({ op: 'open', bytes: new Uint8Array(this.bytes), limits: this.limits }, 'opening the PDF')
      .then((v) => (v as { pageCount: number }).pageCount)
      .catch((e) => {
        this.opened = null;
        throw e;
      });
    return this.opened;
  }

  async request(body: RequestBody, what: string): Promise<unknown> {
    if (this.closed) throw new SourceError('unreadable', 'the source is closed');
    await this.open();
    return this.send(body, what);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = takeIdleWorker() ?? spawnWorker(this.options);
    const onMessage = (msg: WorkerResponse) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      if (this.pending.size === 0) worker.unref();
      if (msg.ok) p.resolve(msg.value);
      else {
        const { code, message, limit } = msg.error;
        p.reject(new SourceError(code as SourceErrorCode, message, limit ? { limit: limit as LimitInfo } : {}));
      }
    };
    const fail = (reason: string) => {
      if (this.worker === worker) this.drop();
      this.rejectAll(new SourceError('unreadable', `PDF worker stopped: ${reason}`));
    };
    const onError = (e: Error) => fail(e.message);
    const onExit = (code: number) => {
      if (this.pending.size > 0) fail(`exit code ${code}`);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    this.detach = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    this.worker = worker;
    return worker;
  }

  private send(body: RequestBody, what: string): Promise<unknown> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        // The thread may be stuck in a loop: only terminating it stops the work.
        this.drop();
        this.rejectAll(limitError('timeout', `${what} was stopped`, 'pageTimeoutMs', this.limits));
        reject(limitError('timeout', `${what} took too long`, 'pageTimeoutMs', this.limits));
      }, this.limits.pageTimeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      worker.ref();
      const transfer = body.op === 'open' ? [body.bytes.buffer as ArrayBuffer] : [];
      worker.postMessage({ ...body, id }, transfer);
    });
  }

  private rejectAll(error: SourceError) {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      this.pending.delete(id);
      p.reject(error);
    }
  }

  private drop() {
    const w = this.worker;
    this.worker = null;
    this.opened = null;
    if (w) void w.terminate().catch(() => {});
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.rejectAll(new SourceError('unreadable', 'the source was closed'));
    const w = this.worker;
    this.worker = null;
    if (w) {
      this.detach();
      releaseWorker(w, this.options);
    }
  }
}

export async function openPdfSource(
  bytes: Buffer,
  limits: SourceLimits,
  options: PdfWorkerOptions = DEFAULT_PDF_WORKER_OPTIONS,
): Promise<OpenedSource> {
  const client = new PdfWorkerClient(bytes, limits, options);
  let pageCount: number;
  try {
    pageCount = await client.open();
  } catch (e) {
    await client.close();
    throw e;
  }
  return {
    kind: 'pdf',
    pageCount,
    async page(n: number): Promise<SplitPage> {
      checkPageNumber(n, pageCount);
      const text = (await client.request({ op: 'text', n }, `reading the text of page ${n}`)) as PdfPageText;
      return {
        number: n,
        textLayer: text.textLayer,
        textLayerQuality: text.textLayerQuality,
        async image(): Promise<PageImage> {
          const v = (await client.request({ op: 'image', n }, `drawing page ${n}`)) as {
            data: Uint8Array;
            dpi: number;
          };
          return { data: Buffer.from(v.data.buffer, v.data.byteOffset, v.data.byteLength), dpi: v.dpi };
        },
      };
    },
    close: () => client.close(),
  };
}
