// Worker-thread entry for PDF sources: owns one pdf.js document and answers open/text/image requests.
import { parentPort } from 'node:worker_threads';
import type { PDFDocument } from 'pdf-lib';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { SourceLimits } from './limits.js';
import { embeddedPageJpeg, loadEmbeddedImageReader } from './pdf-embedded-jpeg.js';
import { loadPdf, pdfWarnings, readPageImage, readPageText } from './pdf-engine.js';
import { SourceError } from './source-error.js';

export type WorkerRequest =
  | { id: number; op: 'open'; bytes: Uint8Array; limits: SourceLimits }
  | { id: number; op: 'text'; n: number }
  | { id: number; op: 'image'; n: number }
  | { id: number; op: 'reset' };

export type WorkerResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { code: string; message: string; limit?: unknown } };

// pdf.js reports recoverable problems on the console; keep them (to detect dropped images) and keep output quiet.
const keep = (...args: unknown[]) => {
  pdfWarnings.push(args.map(String).join(' '));
  if (pdfWarnings.length > 200) pdfWarnings.shift();
};
console.log = keep;
console.warn = keep;
console.info = keep;

let doc: PDFDocumentProxy | null = null;
let limits: SourceLimits | null = null;
let bytes: Uint8Array | null = null;
const EMBEDDED_READER_MAX_BYTES = 64 * 1024 * 1024;
// Parsed on the first page image asked for: text-only requests pay only for the copy made at open.
let embedded: Promise<PDFDocument | null> | null = null;

async function release(): Promise<void> {
  const d = doc;
  doc = null;
  bytes = null;
  embedded = null;
  if (d) await d.destroy().catch(() => {});
}

async function handle(req: WorkerRequest): Promise<{ value: unknown; transfer?: ArrayBuffer[] }> {
  if (req.op === 'reset') {
    await release();
    return { value: null };
  }
  if (req.op === 'open') {
    await release();
    limits = req.limits;
    // pdf.js takes over the array it is given; the embedded-scan reader needs its own copy, kept only for files
    // small enough that a second copy is cheap (larger ones are read by pdf.js alone).
    bytes = req.bytes.byteLength <= EMBEDDED_READER_MAX_BYTES ? req.bytes.slice() : null;
    doc = await loadPdf(req.bytes, req.limits);
    return { value: { pageCount: doc.numPages } };
  }
  if (!doc || !limits) throw new Error('no PDF is open in this worker');
  if (req.op === 'text') return { value: await readPageText(doc, req.n, limits) };
  if (bytes && !embedded) embedded = loadEmbeddedImageReader(bytes);
  const reader = embedded ? await embedded : null;
  const scan = reader ? await embeddedPageJpeg(reader, req.n, limits).catch(() => null) : null;
  const image = scan ?? (await readPageImage(doc, req.n, limits));
  const copy = new Uint8Array(image.data);
  return { value: { data: copy, dpi: image.dpi }, transfer: [copy.buffer] };
}

const port = parentPort;
if (!port) throw new Error('pdf-worker.ts must run in a worker thread');
port.on('message', (req: WorkerRequest) => {
  if (req.op === 'reset') {
    void release();
    return;
  }
  handle(req).then(
    ({ value, transfer }) => port.postMessage({ id: req.id, ok: true, value } satisfies WorkerResponse, transfer ?? []),
    (e: unknown) => {
      const error =
        e instanceof SourceError
          ? { code: e.code, message: e.message, limit: e.limit }
          : { code: 'unreadable', message: e instanceof Error ? e.message : String(e) };
      port.postMessage({ id: req.id, ok: false, error } satisfies WorkerResponse);
    },
  );
});
