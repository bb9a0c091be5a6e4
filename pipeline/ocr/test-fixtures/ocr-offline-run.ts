// Child-process entry for the offline test: OCR one rendered line and print the text as JSON.
import { createOcrPool } from '../ocr-pool.js';
import { renderTextPage } from './render-text.js';

const pool = await createOcrPool({ size: 1 });
try {
  const png = await renderTextPage(['Giấy chứng nhận quyền sử dụng đất'], { width: 1000, height: 200, margin: 40 });
  const page = await pool.recognize(png);
  process.stdout.write(JSON.stringify({ text: page.text, fetchType: typeof globalThis.fetch }));
} finally {
  await pool.close();
}
