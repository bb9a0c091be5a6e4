export { type Bitmap, binarise, rotateBitmap } from './bitmap.js';
export { inkFraction, isBlank } from './blank-page.js';
export { detectSkew } from './deskew.js';
export { cropPgm, inkRegion, type PageRegion } from './ocr-region.js';
export { guessOrientation, type OrientationGuess } from './orientation-heuristic.js';
export { estimateDpi } from './page-dpi.js';
export { type OrientationDetector, type PreparedPage, type PreprocessOptions, preparePage } from './prepare-page.js';
export { turnPreparedPage } from './turn-page.js';
