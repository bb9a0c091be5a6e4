import sharp from 'sharp';
import type { Rotation } from '../page-model.js';
import type { PageImage } from '../split/opened-source.js';
import { type Bitmap, binarise, rotateBitmap } from './bitmap.js';
import { defaultBlankOptions, isBlank } from './blank-page.js';
import { applyLevels, contrastStretch } from './contrast-stretch.js';
import { detectSkew } from './deskew.js';
import { inkRegion, type PageRegion, sharedPgm } from './ocr-region.js';
import { guessOrientation } from './orientation-heuristic.js';
import { estimateDpi, isPlaceholderDensity } from './page-dpi.js';
import { stampJpegDensity, stampPngDensity } from './png-density.js';

/** Clockwise rotation that makes a page upright; confidence 0..1. */
export type OrientationDetector = (png: Buffer) => Promise<{ rotation: Rotation; confidence: number }>;

export interface PreprocessOptions {
  targetDpi: number;
  /** Largest output page, pixels (width × height); larger pages are scaled down. */
  maxPixels: number;
  /** Inked fraction of the inner page below which it is blank (default 0.0005). */
  blankThreshold?: number;
  /** Largest input decoded, pixels (default 4 × maxPixels): beyond it the page is refused, not decoded. */
  maxInputPixels?: number;
  /** Relative dpi difference tolerated before resampling (default 0.15). */
  resampleTolerance?: number;
  /** Resolution of the binarised copy used for layout analysis (default 100). */
  analysisDpi?: number;
  /** Resolution of the copy sent to the orientation detector (default 150). */
  orientationDpi?: number;
  /** Gray level below which a pixel counts as ink in the analysis copy (default 160). */
  inkThreshold?: number;
  /** Heuristic confidence above which an upright verdict skips the orientation detector (default 0.5). */
  trustUprightConfidence?: number;
  /**
   * Detector confidence at which its verdict is taken over the heuristic's (default 0.05, an OSD margin of 0.75). On
   * the tuning dossiers OSD named the right side at every confidence it gave; the higher bar it had (0.2) sent pages
   * it had turned right to OCR the wrong way up, each read twice before the reading check turned it.
   */
  minDetectorConfidence?: number;
  /** Largest skew corrected, degrees either way (default 5). */
  maxSkewDegrees?: number;
  /** Quality of the stored page JPEG (default 85). */
  jpegQuality?: number;
}

export interface PreparedPage {
  /** The normalised page for storage: 8-bit grayscale JPEG, density stamped. */
  image: Buffer;
  /** The same pixels as a binary PGM, in shared memory. */
  ocrImage: Buffer;
  /** The part of the page OCR reads: its ink with a margin. */
  ocrRegion: PageRegion;
  width: number;
  height: number;
  dpi: number;
  /** Clockwise correction applied. */
  rotation: Rotation;
  /** Skew found (clockwise positive, degrees) and corrected. */
  skewDegrees: number;
  blank: boolean;
}

const WHITE = { r: 255, g: 255, b: 255 };

export async function preparePage(
  input: PageImage,
  options: PreprocessOptions,
  orient: OrientationDetector,
): Promise<PreparedPage> {
  const limitInputPixels = options.maxInputPixels ?? options.maxPixels * 4;
  const frame = input.frame === undefined ? {} : { page: input.frame };
  // 'error', as the split stage checks sources: real scanners write images with benign warnings.
  const open = () => sharp(input.data, { limitInputPixels, failOn: 'error', ...frame });
  let meta: sharp.Metadata;
  try {
    // Header only, without the pixel limit, so an oversize page is refused with its size rather than a generic error.
    meta = await sharp(input.data, { limitInputPixels: false, ...frame }).metadata();
  } catch (err) {
    throw new Error(`page image cannot be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!meta.width || !meta.height) throw new Error('page image has no dimensions');
  if (meta.width * meta.height > limitInputPixels) {
    throw new Error(`page image is ${meta.width}×${meta.height} pixels, above the limit of ${limitInputPixels}`);
  }
  // EXIF orientations 5..8 swap the axes.
  const swap = (meta.orientation ?? 1) >= 5;
  const w = swap ? meta.height : meta.width;
  const h = swap ? meta.width : meta.height;

  // 72 and 96 dpi are what image writers put in by default, whoever reads the header.
  const knownDpi = [input.dpi, meta.density].find((d) => d && !isPlaceholderDensity(d)) ?? null;
  const sourceDpi = knownDpi ?? estimateDpi(w, h) ?? options.targetDpi;
  const tolerance = options.resampleTolerance ?? 0.15;
  let scale = Math.abs(sourceDpi / options.targetDpi - 1) > tolerance ? options.targetDpi / sourceDpi : 1;
  scale = Math.min(scale, Math.sqrt(options.maxPixels / (w * h)));
  const width = Math.max(1, Math.floor(w * scale));
  const height = Math.max(1, Math.floor(h * scale));
  const dpi = Math.round(sourceDpi * scale);

  // Decoded once at the source resolution: the analysis copies are taken from it, and the page is resampled and
  // turned in one pass at the end, once its rotation and skew are known.
  const decoded = await open().rotate().flatten({ background: WHITE }).toColourspace('b-w').raw().toBuffer();
  const source = { pixels: decoded, width: w, height: h, dpi: sourceDpi };

  const copy = await analysisCopy(source, options);
  const bitmap = binarise(copy.pixels, copy.width, copy.height, options.inkThreshold ?? 160);
  const blank = isBlank(bitmap, {
    threshold: options.blankThreshold ?? defaultBlankOptions.threshold,
    margin: defaultBlankOptions.margin,
  });

  let rotation: Rotation = 0;
  let skewDegrees = 0;
  if (!blank) {
    const trustUpright = options.trustUprightConfidence ?? 0.5;
    let guess = guessOrientation(bitmap);
    if (guess.rotation !== 0 || guess.confidence < trustUpright) {
      // Skew blurs the text lines the cheap test looks for, which sent upright scans to OSD: judge a straightened
      // copy too, and take it only when it is confidently upright.
      const preSkew = detectSkew(bitmap, { maxDegrees: options.maxSkewDegrees ?? 5, stepDegrees: 0.25 });
      if (Math.abs(preSkew) >= 0.5) {
        const second = guessOrientation(await turnedBitmap(copy, -preSkew, options));
        if (second.rotation === 0 && second.confidence >= trustUpright) guess = second;
      }
    }
    if (guess.rotation !== 0 || guess.confidence < trustUpright) {
      const k = Math.min(1, (options.orientationDpi ?? 150) / sourceDpi);
      // Stamped with its real resolution: Tesseract's OSD rejects a copy whose density says otherwise. Stored without
      // compression, the copy costs less to write here and to read in the detector's thread (same verdicts).
      const small = stampPngDensity(
        await sharp(decoded, { raw: { width: w, height: h, channels: 1 } })
          .resize(Math.max(1, Math.round(w * k)))
          .toColourspace('b-w')
          .png({ compressionLevel: 0 })
          .toBuffer(),
        Math.round(sourceDpi * k),
      );
      const detected = await orient(small).catch(() => null);
      rotation = settleRotation(guess, detected, {
        trustGuess: trustUpright,
        trustDetector: options.minDetectorConfidence ?? 0.05,
      });
    }
    const skew = detectSkew(rotateBitmap(bitmap, rotation), {
      maxDegrees: options.maxSkewDegrees ?? 5,
      stepDegrees: 0.1,
    });
    skewDegrees = Math.abs(skew) >= 0.2 ? skew : 0;
    // Contrast stretching a blank page would only amplify scanner noise.
    const stretch = contrastStretch(decoded);
    if (stretch) applyLevels(decoded, stretch);
  }

  const { data: pixels, info } = await resampleAndTurn(source, { width, height }, rotation - skewDegrees);
  if (info.channels !== 1) throw new Error(`preprocessing produced ${info.channels} channels instead of 1`);
  const encoded = await encodePage(pixels, info.width, info.height, dpi, options.jpegQuality ?? 85);
  return { ...encoded, dpi, rotation, skewDegrees, blank };
}

type Verdict = { rotation: Rotation; confidence: number };

/**
 * The turn to apply once the detector has been asked: a sure detector wins; then a sure guess; when both are unsure
 * but agree that the lines stand on end, the page is on its side and the detector tells which side better than the
 * guess (read upright, such a page costs OCR passes before the reading check turns it); otherwise the page stays.
 */
export function settleRotation(
  guess: Verdict,
  detected: Verdict | null,
  trust: { trustGuess: number; trustDetector: number },
): Rotation {
  const sideways = (r: Rotation) => r === 90 || r === 270;
  if (detected && detected.confidence >= trust.trustDetector) return detected.rotation;
  if (guess.confidence >= trust.trustGuess) return guess.rotation;
  if (detected && sideways(detected.rotation) && sideways(guess.rotation)) return detected.rotation;
  return 0;
}

/**
 * The two copies of a page's pixels: OCR reads an uncompressed PGM (nothing to decode in the OCR engine); the stored
 * copy is a JPEG, which is what the searchable PDF embeds as is.
 */
export async function encodePage(
  pixels: Buffer,
  width: number,
  height: number,
  dpi: number,
  jpegQuality: number,
): Promise<Pick<PreparedPage, 'image' | 'ocrImage' | 'ocrRegion' | 'width' | 'height'>> {
  const ocrImage = sharedPgm(pixels, width, height);
  const image = stampJpegDensity(
    await sharp(pixels, { raw: { width, height, channels: 1 } })
      .toColourspace('b-w')
      // Huffman tables optimised per image save about 2 % of the bytes for 2.5 times the encoding time.
      .jpeg({ quality: jpegQuality, optimiseCoding: false })
      .toBuffer(),
    dpi,
  );
  // A third of an inch around the ink: room for strokes lighter than the threshold at the edges of the text.
  const ocrRegion = inkRegion(pixels, width, height, { pad: Math.round(dpi / 3) });
  return { image, ocrImage, ocrRegion, width, height };
}

interface GreyPixels {
  /** 8-bit grayscale, one byte per pixel. */
  pixels: Buffer;
  width: number;
  height: number;
}

interface SourcePixels extends GreyPixels {
  dpi: number;
}

/** Below this scale a page is shrunk with a proper filter before it is turned: bilinear sampling would alias. */
const MIN_AFFINE_SCALE = 0.8;

/**
 * The page at its output resolution, turned clockwise by `degrees` (rotation minus skew). Scaling and turning are one
 * bilinear affine pass over the decoded pixels: done as a resize then a rotation, each pass over a 300 dpi page cost
 * about as much again as decoding it.
 */
async function resampleAndTurn(source: SourcePixels, target: { width: number; height: number }, degrees: number) {
  const raw = { raw: { width: source.width, height: source.height, channels: 1 as const } };
  // Each axis scaled to the whole-pixel target size, so a size cap holds.
  const sx = target.width / source.width;
  const sy = target.height / source.height;
  if (sx === 1 && sy === 1 && degrees % 90 === 0) {
    const img = degrees === 0 ? sharp(source.pixels, raw) : sharp(source.pixels, raw).rotate(degrees);
    return img.toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  }
  if (Math.min(sx, sy) < MIN_AFFINE_SCALE) {
    const shrunk = await sharp(source.pixels, raw)
      .resize(target.width, target.height, { fit: 'fill' })
      .toColourspace('b-w') // one channel out, as read back below: sharp widens raw 1-channel input to sRGB
      .raw()
      .toBuffer();
    const img = sharp(shrunk, { raw: { width: target.width, height: target.height, channels: 1 } });
    return (degrees === 0 ? img : img.rotate(degrees, { background: WHITE }))
      .toColourspace('b-w')
      .raw()
      .toBuffer({ resolveWithObject: true });
  }
  const theta = (degrees * Math.PI) / 180;
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  // Scaled, then turned. Image coordinates run downwards, so this matrix turns clockwise, as sharp's rotate does.
  return sharp(source.pixels, raw)
    .affine(
      [
        [c * sx, -s * sy],
        [s * sx, c * sy],
      ],
      { background: WHITE, interpolator: sharp.interpolators.bilinear },
    )
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
}

/** The page in grey at the analysis resolution (the source itself when that is not finer). */
async function analysisCopy(source: SourcePixels, options: PreprocessOptions): Promise<GreyPixels> {
  const { pixels, width, height, dpi } = source;
  const k = Math.min(1, (options.analysisDpi ?? 100) / dpi);
  const w = Math.max(1, Math.round(width * k));
  const h = Math.max(1, Math.round(height * k));
  if (k >= 1) return { pixels, width, height };
  const small = await sharp(pixels, { raw: { width, height, channels: 1 } })
    .resize(w, h, { fit: 'fill' })
    .toColourspace('b-w') // sharp widens raw 1-channel input to sRGB unless told otherwise
    .raw()
    .toBuffer();
  return { pixels: small, width: w, height: h };
}

/**
 * The analysis copy turned clockwise by `degrees`, binarised. Turning the copy already made gives the very pixels
 * that scaling the page down and turning it in one libvips pipeline gave (checked on every page of two tuning corpora
 * at three angles), for 13 ms instead of 32 on a page.
 */
async function turnedBitmap(copy: GreyPixels, degrees: number, options: PreprocessOptions): Promise<Bitmap> {
  const turned = await sharp(copy.pixels, { raw: { width: copy.width, height: copy.height, channels: 1 } })
    .rotate(degrees, { background: WHITE })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return binarise(turned.data, turned.info.width, turned.info.height, options.inkThreshold ?? 160);
}
