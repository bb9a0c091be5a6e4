// Worker-thread entry for page preprocessing: decoding, analysis and re-encoding of a page take a tenth of a second
// and more of JavaScript and GC per page, which on the main thread would hold up every store, database and queue
// call waiting there (and BullMQ's lock renewals). Orientation detection is asked of the main thread, which owns OCR.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import sharp from 'sharp';
import { lowerCurrentThread, type ThreadPriority } from '../ocr/thread-priority.js';
import type { Rotation } from '../page-model.js';
import { anchorNativeBufferClass } from './buffer-map-anchor.js';
import { type PreparedPage, type PreprocessOptions, preparePage } from './prepare-page.js';

export type PreprocessRequest =
  | {
      op: 'prepare';
      id: number;
      input: { data: Uint8Array; dpi: number | null; frame?: number };
      options: PreprocessOptions;
    }
  | { op: 'oriented'; ask: number; ok: true; value: { rotation: Rotation; confidence: number } }
  | { op: 'oriented'; ask: number; ok: false; message: string };

export type PreprocessMessage =
  | { op: 'done'; id: number; ok: true; value: PreparedPage }
  | { op: 'done'; id: number; ok: false; message: string }
  | { op: 'orient'; id: number; ask: number; png: Uint8Array };

const port = parentPort;
if (!port) throw new Error('preprocess-worker must run in a worker thread');
// Before any work, so the threads libvips starts for this one inherit the priority.
const priority = (workerData as { priority: ThreadPriority | null } | null)?.priority;
if (priority) lowerCurrentThread(priority);
sharp.cache(false);
await anchorNativeBufferClass();

// A page leaves tens of megabytes of decoded pixels behind in buffers that this small heap would collect only much
// later; collected after each page, the thread's memory stays at one page's worth.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
let running = 0;
const settle = () => {
  if (--running === 0) collect();
};

let nextAsk = 1;
const asked = new Map<
  number,
  { resolve: (v: { rotation: Rotation; confidence: number }) => void; reject: (e: Error) => void }
>();

/** A buffer's memory moves to the receiver when the buffer owns all of it; otherwise it is copied. */
function transferable(buffers: Buffer[]): ArrayBuffer[] {
  return buffers.flatMap((b) =>
    b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer ? [b.buffer] : [],
  );
}

port.on('message', (msg: PreprocessRequest) => {
  if (msg.op === 'oriented') {
    const waiting = asked.get(msg.ask);
    asked.delete(msg.ask);
    if (msg.ok) waiting?.resolve(msg.value);
    else waiting?.reject(new Error(msg.message));
    return;
  }
  const { id } = msg;
  const orient = (png: Buffer) =>
    new Promise<{ rotation: Rotation; confidence: number }>((resolve, reject) => {
      const ask = nextAsk++;
      asked.set(ask, { resolve, reject });
      port.postMessage({ op: 'orient', id, ask, png } satisfies PreprocessMessage);
    });
  const input = {
    data: Buffer.from(msg.input.data.buffer, msg.input.data.byteOffset, msg.input.data.byteLength),
    dpi: msg.input.dpi,
    ...(msg.input.frame === undefined ? {} : { frame: msg.input.frame }),
  };
  running++;
  preparePage(input, msg.options, orient)
    .then(
      (value) => {
        const reply: PreprocessMessage = { op: 'done', id, ok: true, value };
        const buffers = value.image === value.ocrImage ? [value.image] : [value.image, value.ocrImage];
        port.postMessage(reply, transferable(buffers));
      },
      (error: unknown) =>
        port.postMessage({
          op: 'done',
          id,
          ok: false,
          message: error instanceof Error ? error.message : String(error),
        } satisfies PreprocessMessage),
    )
    .finally(settle);
});
