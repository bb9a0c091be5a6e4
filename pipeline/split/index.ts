import { openImageSource } from './image-source.js';
import type { SourceLimits } from './limits.js';
import type { OpenedSource } from './opened-source.js';
import { openPdfSource } from './pdf-source.js';
import { describeContent, sniffSourceKind } from './sniff.js';
import { limitError, SourceError } from './source-error.js';

export { DEFAULT_SOURCE_LIMITS, LIMIT_ENV, type SourceLimits, sourceLimitsFromEnv } from './limits.js';
export type { OpenedSource, PageImage, SplitPage, TextLayerQuality } from './opened-source.js';
export { DEFAULT_PDF_WORKER_OPTIONS, type PdfWorkerOptions } from './pdf-source.js';
export { describeContent, type SourceKind, sniffSourceKind } from './sniff.js';
export { isSourceError, type LimitInfo, SourceError, type SourceErrorCode } from './source-error.js';
export { DEFAULT_TEXT_QUALITY_OPTIONS, judgeTextLayer, type TextQualityOptions } from './text-quality.js';

/**
 * Opens a source (PDF or image, recognised by content) for page-by-page access. Throws SourceError for empty,
 * unsupported, oversized, corrupt or password-protected input. Call close() when done.
 */
export async function openSource(bytes: Buffer, limits: SourceLimits): Promise<OpenedSource> {
  if (bytes.length === 0) throw new SourceError('empty', 'the source is empty (0 bytes)');
  if (bytes.length > limits.maxBytes) {
    throw limitError('too-large', `the source is ${bytes.length} bytes`, 'maxBytes', limits);
  }
  const kind = sniffSourceKind(bytes);
  if (kind === null) {
    throw new SourceError(
      'unsupported-type',
      `unsupported content: looks like ${describeContent(bytes)}; expected PDF, JPEG, PNG, WebP or TIFF`,
    );
  }
  if (kind === 'pdf') return openPdfSource(bytes, limits);
  return openImageSource(bytes, kind, limits);
}
