// Turns a rendered page into a scanner-like image: tinted paper, noise, blur, whole-page rotation, lossy encoding.
import { type Canvas, createCanvas } from '@napi-rs/canvas';
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
  /** Render at this fraction of the dpi and scale up: a cheap, scanner-like softening (1 = sharp). */
  renderScale: number;
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
    renderScale: rng.chance(0.6) ? Math.round((0.7 + rng.next() * 0.25) * 100) / 100 : 1,
    noise: rng.int(4, 18),
    greyscale: rng.chance(0.4),
    jpegQuality: rng.int(55, 88),
  };
}

/**
 * Paints seeded grey noise over the canvas as a repeated 256-px tile: Skia does the blending, so it costs a few
 * milliseconds instead of a per-pixel JavaScript loop over 8.7 million pixels.
 */
export function paintNoise(canvas: Canvas, amplitude: number, seed: number, size = 256): void {
  let s = seed >>> 0 || 1;
  const tile = createCanvas(size, size);
  const tg = tile.getContext('2d');
  const img = tg.createImageData(size, size);
  for (let i = 0; i < size * size; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    const v = (s >>> 0) & 0xff;
    const o = i * 4;
    img.data[o] = img.data[o + 1] = img.data[o + 2] = v < 128 ? 0 : 255;
    img.data[o + 3] = Math.round((Math.abs(v - 128) / 128) * amplitude * 2);
  }
  tg.putImageData(img, 0, 0);
  const g = canvas.getContext('2d');
  const pattern = g.createPattern(tile, 'repeat');
  if (!pattern) throw new Error('paintNoise: the canvas could not create a noise pattern');
  g.save();
  g.fillStyle = pattern;
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.restore();
}

/** Applies the scan look and returns a sharp pipeline ready to encode (rotation applied, density stamped). */
export function scanPipeline(canvas: Canvas, look: ScanLook, seed: number): sharp.Sharp {
  paintNoise(canvas, look.noise, seed);
  let img = sharp(canvas.data(), { raw: { width: canvas.width, height: canvas.height, channels: 4 } });
  // One channel of a grey page is the grey page; cheaper than a colourspace conversion.
  img = look.greyscale ? img.extractChannel(1) : img.removeAlpha();
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
