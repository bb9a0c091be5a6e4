import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SOURCE_LIMITS, type OpenedSource, openSource } from './index.js';
import { embeddedPageJpeg, loadEmbeddedImageReader, singleImagePlacement } from './pdf-embedded-jpeg.js';

const corpora = join(process.cwd(), '..', 'shared', 'corpora');
const limits = { ...DEFAULT_SOURCE_LIMITS, pageTimeoutMs: 30_000 };

/** A 200-dpi A4-ish scan: grey page with a dark band, as a JPEG. */
async function scanJpeg(channels: 1 | 3 = 1): Promise<Buffer> {
  const width = 1654;
  const height = 2339;
  const pixels = Buffer.alloc(width * height * channels, 235);
  pixels.fill(20, width * channels * 400, width * channels * 440);
  return sharp(pixels, { raw: { width, height, channels } }).jpeg({ quality: 80 }).toBuffer();
}

async function scanPdf(
  jpeg: Buffer,
  options: { rotate?: number; text?: boolean; inset?: number; png?: boolean } = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  const image = options.png ? await doc.embedPng(await sharp(jpeg).png().toBuffer()) : await doc.embedJpg(jpeg);
  const inset = options.inset ?? 0;
  page.drawImage(image, { x: inset, y: inset, width: 595.28 - 2 * inset, height: 841.89 - 2 * inset });
  if (options.text) {
    page.drawText('So: 12/QD-UBND', { x: 40, y: 40, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  }
  if (options.rotate) page.setRotation(degrees(options.rotate));
  return doc.save();
}

async function firstPage(bytes: Uint8Array) {
  const reader = await loadEmbeddedImageReader(bytes);
  expect(reader).not.toBeNull();
  return embeddedPageJpeg(reader as PDFDocument, 1, limits);
}

describe('singleImagePlacement', () => {
  it('follows q/Q and cm to the image drawn', () => {
    const placed = singleImagePlacement('q 1 0 0 1 10 20 cm\nq 500 0 0 800 0 0 cm /Im0 Do Q Q');
    expect(placed).toEqual({ name: 'Im0', matrix: [500, 0, 0, 800, 10, 20] });
  });
  it('refuses text, paths and a second image', () => {
    expect(singleImagePlacement('q 500 0 0 800 0 0 cm /Im0 Do Q BT /F1 12 Tf (a) Tj ET')).toBeNull();
    expect(singleImagePlacement('0 0 100 100 re f q 500 0 0 800 0 0 cm /Im0 Do Q')).toBeNull();
    expect(singleImagePlacement('/Im0 Do /Im1 Do')).toBeNull();
    expect(singleImagePlacement('q Q')).toBeNull();
  });
});

describe('embeddedPageJpeg', () => {
  it('returns the scanner JPEG itself, byte for byte, with its resolution', async () => {
    const jpeg = await scanJpeg();
    const image = await firstPage(await scanPdf(jpeg));
    expect(image).not.toBeNull();
    expect(Buffer.compare(image?.data as Buffer, jpeg)).toBe(0);
    expect(image?.dpi).toBeCloseTo(200, 0);
  });

  it('takes colour JPEGs too', async () => {
    expect(await firstPage(await scanPdf(await scanJpeg(3)))).not.toBeNull();
  });

  it('leaves turned pages, pages with text, small images and non-JPEG scans to pdf.js', async () => {
    const jpeg = await scanJpeg();
    expect(await firstPage(await scanPdf(jpeg, { rotate: 90 }))).toBeNull();
    expect(await firstPage(await scanPdf(jpeg, { text: true }))).toBeNull();
    expect(await firstPage(await scanPdf(jpeg, { inset: 60 }))).toBeNull();
    expect(await firstPage(await scanPdf(jpeg, { png: true }))).toBeNull();
  });

  it('gives no reader for an encrypted PDF (its streams are ciphertext)', async (ctx) => {
    const file = join(corpora, 'paperless-ngx', 'paperless', 'tests', 'samples', 'tesseract', 'signed.pdf');
    if (!existsSync(file)) return ctx.skip(`corpora not present at ${corpora}`);
    expect(await loadEmbeddedImageReader(readFileSync(file))).toBeNull();
  });
});

describe('PDF sources with one JPEG per page', () => {
  const opened: OpenedSource[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
  });

  it('hand preprocessing the same pixels pdf.js would have drawn', async () => {
    const jpeg = await scanJpeg();
    const source = await openSource(Buffer.from(await scanPdf(jpeg)), limits);
    opened.push(source);
    const page = await source.page(1);
    const image = await page.image();
    expect(Buffer.compare(image.data, jpeg)).toBe(0);
    const turned = await openSource(Buffer.from(await scanPdf(jpeg, { rotate: 90 })), limits);
    opened.push(turned);
    const rendered = await (await turned.page(1)).image();
    const meta = await sharp(rendered.data).metadata();
    // The turned page goes through pdf.js, which applies /Rotate: landscape.
    expect(meta.width).toBeGreaterThan(meta.height as number);
  });
});
