// Small WebP previews of page images for the web pages.
import sharp from 'sharp';

export interface ThumbnailOptions {
  /** WebP quality 1..100. Default 70: previews only need to be legible at a glance. */
  quality?: number;
  /** Largest source image accepted, in pixels. Default 100 MP (A3 at 600 dpi is about 70 MP). */
  maxInputPixels?: number;
}

export const THUMBNAIL_DEFAULTS = { maxWidth: 400, quality: 70, maxInputPixels: 100_000_000 } as const;

/**
 * A WebP of the page at most `maxWidth` pixels wide, keeping its aspect ratio; a narrower page is not enlarged.
 * Accepts PNG and anything else sharp reads (JPEG, WebP, TIFF).
 */
export async function makeThumbnail(
  png: Buffer,
  maxWidth: number = THUMBNAIL_DEFAULTS.maxWidth,
  options: ThumbnailOptions = {},
): Promise<Buffer> {
  if (!Number.isInteger(maxWidth) || maxWidth < 1) throw new Error(`thumbnail: invalid maxWidth ${maxWidth}`);
  const limitInputPixels = options.maxInputPixels ?? THUMBNAIL_DEFAULTS.maxInputPixels;
  try {
    return await sharp(png, { limitInputPixels, failOn: 'error' })
      // EXIF orientation applied so phone photos of pages are shown upright.
      .rotate()
      .resize({ width: maxWidth, withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .webp({ quality: options.quality ?? THUMBNAIL_DEFAULTS.quality })
      .toBuffer();
  } catch (err) {
    throw new Error(`thumbnail: cannot read the page image: ${(err as Error).message}`, { cause: err });
  }
}
