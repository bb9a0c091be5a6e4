import { join } from 'node:path';
import { packageRoot } from '../package-root.js';

/**
 * The script tesseract.js starts its threads on (its `workerPath` option): see tesseract-thread.cjs. A plain CommonJS
 * file beside the sources, so sources and the compiled tree start the same one.
 */
export const tesseractThreadPath = (): string => join(packageRoot(), 'pipeline', 'ocr', 'tesseract-thread.cjs');
