export type { OrientationDetector } from '../preprocess/prepare-page.js';
export { confirmOrientation, defaultReadingCheckOptions, type ReadingCheckOptions } from './confirm-orientation.js';
export { type NativeRunOptions, nativeTesseractVersion, runNativeTesseract } from './native-tesseract.js';
export { createOcrPool, defaultOcrPoolOptions, type OcrPool, type OcrPoolOptions } from './ocr-pool.js';
export { pageTextFromTsv } from './page-text.js';
export { type ReadingQuality, readingQuality } from './reading-quality.js';
export { langFolder, MODEL_FOLDER, traineddataFile } from './tessdata.js';
export { tesseractJsVersion } from './versions.js';
