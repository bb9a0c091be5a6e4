import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import pLimit from 'p-limit';
import { traineddataFile } from './tessdata.js';

const run = promisify(execFile);

/** Version line of the native `tesseract` CLI, or null when it is not on PATH. */
export async function nativeTesseractVersion(bin = 'tesseract'): Promise<string | null> {
  try {
    const { stdout, stderr } = await run(bin, ['--version']);
    return (stdout || stderr).split('\n')[0]?.trim() ?? null;
  } catch {
    return null;
  }
}

export interface NativeRunOptions {
  langs: string[];
  /** Pages OCR'd at once; match the pool size for a fair comparison. */
  parallelism: number;
  bin?: string;
  timeoutMs?: number;
}

/**
 * OCR page files with the native CLI using the SAME traineddata as the pool (gunzipped from the npm packages into a
 * temporary tessdata folder), PSM 3, one thread per process. Returns elapsed milliseconds and the texts.
 */
export async function runNativeTesseract(
  files: string[],
  options: NativeRunOptions,
): Promise<{ elapsedMs: number; texts: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'sohoa-native-tessdata-'));
  try {
    for (const lang of options.langs) {
      const f = traineddataFile(lang);
      const bytes = readFileSync(f.path);
      writeFileSync(join(dir, `${lang}.traineddata`), f.gzip ? gunzipSync(bytes) : bytes);
    }
    const limit = pLimit(options.parallelism);
    const started = performance.now();
    const texts = await Promise.all(
      files.map((file) =>
        limit(async () => {
          const { stdout } = await run(
            options.bin ?? 'tesseract',
            [file, 'stdout', '--tessdata-dir', dir, '-l', options.langs.join('+'), '--psm', '3'],
            {
              env: { ...process.env, OMP_THREAD_LIMIT: '1' },
              timeout: options.timeoutMs ?? 300_000,
              maxBuffer: 64 * 1024 * 1024,
            },
          );
          return stdout.normalize('NFC');
        }),
      ),
    );
    return { elapsedMs: performance.now() - started, texts };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
