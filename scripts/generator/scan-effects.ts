// Turns a rendered page into a scanner-like image: tinted paper, noise, blur, whole-page rotation, lossy encoding.
import type { Canvas } from '@napi-rs/canvas';
import sharp from 'sharp';
import type { Rotation } from '../../pipeline/page-model.js';
import type { Rng } from './prng.js';

export interface ScanLook {
  dpi: number;
  skewDeg: number;
  /** Clockwise correction needed to make the page upright (the image is stored rotated the other way). */
  rotation: Rotation;
  background: string;
  ink: string;
  blurSigma: number;
  /** Peak noise amplitude in grey levels. */
  noise: number;
  greyscale: boolean;
  jpegQuality: number;
}

export interface ScanLimits {
  /** Probability that a page is stored sideways or upside down. */
  rotatedShare: number;
  /** Largest skew in degrees. */
  maxSkewDeg: number;
  dpis: readonly number[];
}

export const DEFAULT_SCAN_LIMITS: ScanLimits = { rotatedShare: 0.15, maxSkewDeg: 3, dpis: [200, 240, 300] };

export function randomScanLook(rng: Rng, dpi: number, limits: ScanLimits, allowQuarterTurns: boolean): ScanLook {
  const turns: Rotation[] = allowQuarterTurns ? [90, 180, 270] : [180];
  // Most pages are only slightly crooked; a few reach the limit.
  const skew = (rng.next() * 2 - 1) * (rng.chance(0.8) ? Math.min(1.2, limits.maxSkewDeg) : limits.maxSkewDeg);
  return {
    dpi,
    skewDeg: Math.round(skew * 100) / 100,
    rotation: rng.chance(limits.rotatedShare) ? rng.pick(turns) : 0,
    background: rng.pick(['#ffffff', '#f4f1e8', '#ecebe6', '#f6f0dc', '#e6e6e6']),
    ink: rng.pick(['#111111', '#1d1d1f', '#2a2a2a', '#202030']),
    blurSigma: rng.chance(0.6) ? 0.3 + rng.next() * 0.6 : 0,
    noise: rng.int(4, 18),
    greyscale: rng.chance(0.4),
    jpegQuality: rng.int(55, 88),
  };
}

/** Adds grey noise in place (deterministic for the seed) and occasional dust specks. */
function addNoise(rgba: Buffer, width: number, height: number, amplitude: number, seed: number): void {
  let s = seed >>> 0 || 1;
  const n = width * height;
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    const d = (((s >>> 0) & 0xff) / 255 - 0.5) * 2 * amplitude;
    const o = i * 4;
    rgba[o] = Math.max(0, Math.min(255, (rgba[o] as number) + d));
    rgba[o + 1] = Math.max(0, Math.min(255, (rgba[o + 1] as number) + d));
    rgba[o + 2] = Math.max(0, Math.min(255, (rgba[o + 2] as number) + d));
  }
  const specks = Math.floor(n / 400000);
  for (let k = 0; k < specks; k++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    const o = ((s >>> 0) % n) * 4;
    rgba[o] = rgba[o + 1] = rgba[o + 2] = 60;
  }
}

export type ImageFormat = 'jpeg' | 'png' | 'raw';

/** Applies the scan look and returns a sharp pipeline ready to encode (rotation applied, density stamped). */
export function scanPipeline(canvas: Canvas, look: ScanLook, seed: number): sharp.Sharp {
  const { width, height } = canvas;
  const rgba = canvas.data();
  addNoise(rgba, width, height, look.noise, seed);
  let img = sharp(rgba, { raw: { width, height, channels: 4 } }).removeAlpha();
  if (look.blurSigma >= 0.3) img = img.blur(look.blurSigma);
  if (look.greyscale) img = img.greyscale();
  // Stored rotated counter to the correction: rotating the stored image by `rotation` clockwise makes it upright.
  if (look.rotation !== 0) img = img.rotate(360 - look.rotation);
  return img.withMetadata({ density: look.dpi });
}

export async function encodeScan(
  canvas: Canvas,
  look: ScanLook,
  seed: number,
  format: 'jpeg' | 'png',
): Promise<Buffer> {
  const img = scanPipeline(canvas, look, seed);
  if (format === 'png') return img.png({ palette: true, colours: 32, compressionLevel: 9 }).toBuffer();
  return img.jpeg({ quality: look.jpegQuality, chromaSubsampling: '4:2:0' }).toBuffer();
}
