// Child-process entry for the relaxed-SIMD test (V8 flags are per process): OCR a Vietnamese page with the relaxed-SIMD
// engine build on or off and print what was read, with whether the process then had the feature.
import { relaxedSimd } from 'wasm-feature-detect';
import { createOcrPool } from '../ocr-pool.js';
import { renderTextPage, VIETNAMESE_PARAGRAPH } from './render-text.js';

const on = process.argv[2] === 'on';
const pool = await createOcrPool({ size: 1, relaxedSimd: on });
try {
  const png = await renderTextPage(VIETNAMESE_PARAGRAPH, { width: 1240, height: 900, margin: 60 });
  const page = await pool.recognize(png);
  process.stdout.write(JSON.stringify({ relaxed: await relaxedSimd(), page }));
} finally {
  await pool.close();
}
