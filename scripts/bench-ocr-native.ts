// Usage: tsx scripts/bench-ocr-native.ts <folder of page PNGs> [--workers N]
// OCRs every PNG with the pool and, when `tesseract` is on PATH, with the native CLI on the same data; prints pages/s.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOcrPool, nativeTesseractVersion, runNativeTesseract } from '../pipeline/ocr/index.js';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: bench-ocr-native <folder of page PNGs> [--workers N]');
  process.exit(2);
}
const wIdx = process.argv.indexOf('--workers');
const workers = wIdx > 0 ? Number(process.argv[wIdx + 1]) : undefined;
const files = readdirSync(folder)
  .filter((f) => f.toLowerCase().endsWith('.png'))
  .sort()
  .map((f) => join(folder, f));
if (files.length === 0) {
  console.error(`no .png pages in ${folder}`);
  process.exit(2);
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
  const native = await runNativeTesseract(files, { langs: ['vie', 'eng'], parallelism: size });
  const nativeRate = files.length / (native.elapsedMs / 1000);
  console.log(`${version}: ${nativeRate.toFixed(3)} pages/s`);
  console.log(`ratio pool/native: ${(poolRate / nativeRate).toFixed(2)}`);
}
