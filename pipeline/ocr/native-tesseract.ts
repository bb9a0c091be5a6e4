import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
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
  /** Processes run at once (one thread each); match the pool size for a fair comparison. */
  parallelism: number;
  bin?: string;
  /** Longest time per page, ms (a process gets this times its number of pages). */
  timeoutMs?: number;
}

/**
 * OCR page files with the native CLI using the SAME traineddata as the pool (gunzipped from the npm packages into a
 * temporary tessdata folder), PSM 3, one thread per process. Like the pool's threads, each process loads the model
 * once and reads its share of the pages from a list file (a process per page would add a model load to every page:
 * about 0.45 CPU-s here, a third of a page's reading). Returns elapsed milliseconds and the texts, in `files` order.
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
    // Round robin: each process gets pages from the whole run, so none is left with a tail of heavy pages.
    const shares = Array.from(
      { length: Math.max(1, Math.min(options.parallelism, files.length)) },
      () => [] as number[],
    );
    for (let i = 0; i < files.length; i++) shares[i % shares.length]!.push(i);
    const texts: string[] = new Array(files.length).fill('');
    const started = performance.now();
    await Promise.all(
      shares.map(async (share, k) => {
        const list = join(dir, `pages-${k}.txt`);
        writeFileSync(list, `${share.map((i) => files[i]).join('\n')}\n`);
        const { stdout } = await run(
          options.bin ?? 'tesseract',
          [list, 'stdout', '--tessdata-dir', dir, '-l', options.langs.join('+'), '--psm', '3'],
          {
            env: { ...process.env, OMP_THREAD_LIMIT: '1' },
            timeout: (options.timeoutMs ?? 300_000) * share.length,
            maxBuffer: 64 * 1024 * 1024,
          },
        );
        // Pages are separated by a form feed.
        const pages = stdout.split('\f');
        if (pages.length !== share.length) {
          throw new Error(`native tesseract returned ${pages.length} pages for a list of ${share.length}`);
        }
        share.forEach((i, j) => {
          texts[i] = pages[j]!.normalize('NFC');
        });
      }),
    );
    return { elapsedMs: performance.now() - started, texts };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
