// Worker thread: parses stored OCR JSON and applies the rule pack, off the main thread (re-recognition in bulk).
import { parentPort } from 'node:worker_threads';
import type { PageText } from './page-model.js';
import { loadRulePack, recognize } from './recognize/index.js';

export interface RecognizeRequest {
  id: number;
  pages: Array<{ number: number; ocrJson: Uint8Array | null }>;
}

export type RecognizeResponse =
  | { id: number; ok: true; components: ReturnType<typeof recognize> }
  | { id: number; ok: false; error: string };

const pack = loadRulePack();
const decoder = new TextDecoder();

parentPort?.on('message', (request: RecognizeRequest) => {
  try {
    const pages = request.pages.map((p) => ({
      number: p.number,
      text: p.ocrJson ? ((JSON.parse(decoder.decode(p.ocrJson)) as { text: PageText | null }).text ?? null) : null,
    }));
    const response: RecognizeResponse = { id: request.id, ok: true, components: recognize(pages, pack) };
    parentPort?.postMessage(response);
  } catch (error) {
    const response: RecognizeResponse = {
      id: request.id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    };
    parentPort?.postMessage(response);
  }
});
