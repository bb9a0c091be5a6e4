// Usage: tsx scripts/bench-ocr-native.ts <folder of page PNGs or JPEGs> [--workers N]
// OCRs every page image with the pool and, when `tesseract` is on PATH, with the native CLI on the same data; prints pages/s.

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createOcrPool,
  MODEL_FOLDER,
  nativeTesseractVersion,
  runNativeTesseract as runNative,
} from '../pipeline/ocr/index.js';

/** Whether the native `tesseract` CLI is on PATH. */
export function nativeTesseractAvailable(bin = 'tesseract'): boolean {
  return spawnSync(bin, ['--version']).status === 0;
}

/** Native tesseract over page files with the pool's model (vie+eng best_int), PSM 3, `parallelism` processes. */
export async function runNativeTesseract(
  files: string[],
  options: { parallelism: number; langs?: string[] },
): Promise<{ pagesPerSecond: number; elapsedMs: number; version: string; model: string; texts: string[] }> {
  const langs = options.langs ?? ['vie', 'eng'];
  const version = (await nativeTesseractVersion()) ?? 'tesseract (unknown version)';
  const { elapsedMs, texts } = await runNative(files, { langs, parallelism: options.parallelism });
  return {
    pagesPerSecond: files.length / (elapsedMs / 1000),
    elapsedMs,
    version,
    model: `${langs.join('+')}/${MODEL_FOLDER}`,
    texts,
  };
}

async function main(): Promise<void> {
  const folder = process.argv[2];
  if (!folder) {
    console.error('usage: bench-ocr-native <folder of page PNGs or JPEGs> [--workers N]');
    process.exitCode = 2;
    return;
  }
  const wIdx = process.argv.indexOf('--workers');
  const workers = wIdx > 0 ? Number(process.argv[wIdx + 1]) : undefined;
  const files = readdirSync(folder)
    .filter((f) => /\.(png|jpe?g)$/i.test(f))
    .sort()
    .map((f) => join(folder, f));
  if (files.length === 0) {
    console.error(`no .png or .jpg pages in ${folder}`);
    process.exitCode = 2;
    return;
  }

  const pool = await createOcrPool(workers ? { size: workers } : {});
  const size = workers ?? (await import('node:os')).cpus().length;
  let poolMs: number;
  try {
    const started = performance.now();
    await Promise.all(files.map((f) => pool.recognize(readFileSync(f))));
    poolMs = performance.now() - started;
  } finally {
    await pool.close();
  }
  const poolRate = files.length / (poolMs / 1000);
  console.log(`${pool.engineVersion} ${pool.modelVersion}: ${files.length} pages, ${poolRate.toFixed(3)} pages/s`);

  const version = await nativeTesseractVersion();
  if (!version) {
    console.log('native tesseract not on PATH: no comparison');
  } else {
    const native = await runNativeTesseract(files, { parallelism: size });
    const nativeRate = native.pagesPerSecond;
    console.log(`${version}: ${nativeRate.toFixed(3)} pages/s`);
    console.log(`ratio pool/native: ${(poolRate / nativeRate).toFixed(2)}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
