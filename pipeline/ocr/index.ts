export { createOcrPool, defaultOcrPoolOptions, type OcrPool, type OcrPoolOptions } from './ocr-pool.js';
export { pageTextFromTesseract } from './page-text.js';
export { langFolder, MODEL_FOLDER, traineddataFile } from './tessdata.js';
export { tesseractJsVersion } from './versions.js';

import type { Rotation } from '../page-model.js';

/** Clockwise rotation that makes a page upright; confidence 0..1. */
export type OrientationDetector = (png: Buffer) => Promise<{ rotation: Rotation; confidence: number }>;
