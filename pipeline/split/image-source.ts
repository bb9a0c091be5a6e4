import { Writable } from 'node:stream';
import { pipeline as drain } from 'node:stream/promises';
import sharp from 'sharp';
import type { SourceLimits } from './limits.js';
import { checkPageNumber, type OpenedSource, type PageImage, type SplitPage } from './opened-source.js';
import type { SourceKind } from './sniff.js';
import { limitError, SourceError } from './source-error.js';
import { asSourceError, withTimeout } from './with-timeout.js';

type ImageKind = Exclude<SourceKind, 'pdf'>;

// Densities outside this range are header noise (e.g. pixels-per-cm read as per-inch), not a scan resolution.
const PLAUSIBLE_DPI = { min: 30, max: 4800 };

function plausibleDpi(density: number | undefined): number | null {
  if (!density || density < PLAUSIBLE_DPI.min || density > PLAUSIBLE_DPI.max) return null;
  return density;
}

// 'error' rejects truncated and broken streams but accepts the benign warnings real scanners produce
// (e.g. extraneous bytes before a JPEG marker), which 'warning' would refuse.
const FAIL_ON = 'error' as const;

function open(bytes: Buffer, limits: SourceLimits, page?: number): sharp.Sharp {
  return sharp(bytes, {
    failOn: FAIL_ON,
    limitInputPixels: Math.floor(limits.maxPixels),
    ...(page === undefined ? {} : { page }),
  });
}

function decodeError(message: string): SourceError {
  if (/pixel limit/i.test(message)) return new SourceError('too-many-pixels', `image too large to decode: ${message}`);
  return new SourceError('corrupt', `image cannot be decoded: ${message}`);
}

function checkPixels(width: number | undefined, height: number | undefined, what: string, limits: SourceLimits) {
  if (!width || !height) throw new SourceError('corrupt', `${what}: header has no dimensions`);
  if (width * height > limits.maxPixels) {
    throw limitError('too-many-pixels', `${what} is ${width}x${height} pixels`, 'maxPixels', limits);
  }
}

async function readMetadata(bytes: Buffer, page?: number): Promise<sharp.Metadata> {
  try {
    // Header only, no pixel limit here: checkPixels refuses oversized images with a precise message.
    return await sharp(bytes, {
      failOn: FAIL_ON,
      limitInputPixels: false,
      ...(page === undefined ? {} : { page }),
    }).metadata();
  } catch (e) {
    throw asSourceError(e, decodeError);
  }
}

/**
 * Decodes the whole frame once, streaming and keeping nothing, so truncated or broken data is refused up front.
 * Raw pixels drained, not stats(): the per-channel statistics cost twice the decoding itself. One channel only: the
 * decoder still reads every byte, and a third of the pixels passes through this thread's memory.
 */
async function verifyDecodes(bytes: Buffer, limits: SourceLimits, page?: number): Promise<void> {
  try {
    await drain(
      open(bytes, limits, page).extractChannel(0).raw(),
      new Writable({ write: (_chunk, _enc, done) => done() }),
    );
  } catch (e) {
    throw asSourceError(e, decodeError);
  }
}

/**
 * Opens a JPEG/PNG/WebP (one page, original bytes kept so EXIF orientation survives) or a TIFF (every page, each
 * handed on as the original bytes and its frame number, with its density). Header dimensions are checked against
 * maxPixels before decoding.
 */
export async function openImageSource(bytes: Buffer, kind: ImageKind, limits: SourceLimits): Promise<OpenedSource> {
  const meta = await withTimeout(readMetadata(bytes), 'reading the image header', limits);
  const frames = kind === 'tiff' ? (meta.pages ?? 1) : 1;
  if (frames > limits.maxPages) {
    throw limitError('too-many-pages', `TIFF has ${frames} pages`, 'maxPages', limits);
  }
  const pageHeight = kind === 'tiff' ? meta.height : (meta.pageHeight ?? meta.height);
  checkPixels(meta.width, pageHeight, `${kind} image`, limits);
  if (kind !== 'tiff') await withTimeout(verifyDecodes(bytes, limits), 'decoding the image', limits);

  async function pageImage(n: number): Promise<PageImage> {
    if (kind !== 'tiff') return { data: bytes, dpi: plausibleDpi(meta.density) };
    const index = n - 1;
    const pageMeta = n === 1 ? meta : await readMetadata(bytes, index);
    checkPixels(pageMeta.width, pageMeta.height, `TIFF page ${n}`, limits);
    // The frame is decoded once, where the page is preprocessed: re-encoding it here cost as much again.
    return { data: bytes, dpi: plausibleDpi(pageMeta.density), frame: index };
  }

  return {
    kind,
    pageCount: frames,
    async page(n: number): Promise<SplitPage> {
      checkPageNumber(n, frames);
      return {
        number: n,
        textLayer: null,
        textLayerQuality: 'none',
        image: () => withTimeout(pageImage(n), `decoding page ${n}`, limits),
      };
    },
    async close() {},
  };
}
