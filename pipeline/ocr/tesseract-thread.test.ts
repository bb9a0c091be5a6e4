import Tesseract, { OEM } from 'tesseract.js';
import { describe, expect, it } from 'vitest';
import { tesseractThreadPath } from './tesseract-thread.js';

describe('OCR thread entry', () => {
  it('refuses to fetch language data from a URL, naming it', async () => {
    // tesseract.js reports a failed language load to the error handler only (the worker's promise stays pending).
    const failure = new Promise<string>((resolve) => {
      const started = Tesseract.createWorker('vie', OEM.LSTM_ONLY, {
        workerPath: tesseractThreadPath(),
        langPath: 'https://cdn.example.invalid/tessdata',
        cacheMethod: 'none',
        errorHandler: (err: unknown) => {
          resolve(String(err));
          started.then((w) => w.terminate()).catch(() => {});
        },
      });
    });
    expect(await failure).toMatch(/never fetched \(asked for https:\/\/cdn\.example\.invalid\/tessdata\/vie/);
  }, 60_000);
});
