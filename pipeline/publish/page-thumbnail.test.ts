import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { makeThumbnail } from './page-thumbnail.js';

/** A white A4 page at 150 dpi with a black block in its top-left quarter. */
async function page(width = 1240, height = 1754): Promise<Buffer> {
  const block = { create: { width: width / 2, height: height / 2, channels: 3 as const, background: '#000000' } };
  return sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
    .composite([{ input: block, left: 0, top: 0 }])
    .png()
    .toBuffer();
}

describe('makeThumbnail', () => {
  it('makes a WebP at most maxWidth wide, keeping the aspect ratio and the picture', async () => {
    const source = await page();
    const thumb = await makeThumbnail(source);
    const meta = await sharp(thumb).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.width).toBe(400);
    expect(meta.height).toBe(Math.round((1754 * 400) / 1240));
    expect(thumb.byteLength).toBeLessThan(source.byteLength);
    // Dark where the block was, light elsewhere.
    const { data, info } = await sharp(thumb).greyscale().raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => data[(y * info.width + x) * info.channels] ?? -1;
    expect(at(50, 50)).toBeLessThan(40);
    expect(at(350, 500)).toBeGreaterThan(215);
  });

  it('honours a custom width and never enlarges a narrow page', async () => {
    expect((await sharp(await makeThumbnail(await page(), 120)).metadata()).width).toBe(120);
    const narrow = await page(200, 300);
    const meta = await sharp(await makeThumbnail(narrow)).metadata();
    expect(meta.width).toBe(200);
    expect(meta.height).toBe(300);
  });

  it('rejects a bad width and an unreadable or oversized image with the reason', async () => {
    await expect(makeThumbnail(await page(), 0)).rejects.toThrow(/invalid maxWidth/);
    await expect(makeThumbnail(Buffer.from('not an image'))).rejects.toThrow(/thumbnail: cannot read/);
    await expect(makeThumbnail(await page(), 400, { maxInputPixels: 1000 })).rejects.toThrow(/pixel limit/);
  });
});
