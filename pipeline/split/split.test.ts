import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SOURCE_LIMITS, type OpenedSource, openSource, SourceError, sniffSourceKind } from './index.js';

const limits = { ...DEFAULT_SOURCE_LIMITS, renderDpi: 100, pageTimeoutMs: 30_000 };
const corpora = join(process.cwd(), '..', 'shared', 'corpora');
const opened: OpenedSource[] = [];
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
});

async function open(bytes: Buffer, l = limits): Promise<OpenedSource> {
  const s = await openSource(bytes, l);
  opened.push(s);
  return s;
}

async function errorOf(work: Promise<unknown>): Promise<SourceError> {
  try {
    await work;
  } catch (e) {
    expect(e).toBeInstanceOf(SourceError);
    return e as SourceError;
  }
  throw new Error('expected a SourceError');
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A tiny file whose header claims 50000x50000 pixels. */
function pngBomb(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(50_000, 0);
  ihdr.writeUInt32BE(50_000, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const idat = deflateSync(Buffer.alloc(50_001 * 4));
  return Buffer.concat([sig, pngChunk('IHDR', ihdr), pngChunk('IDAT', idat), pngChunk('IEND', Buffer.alloc(0))]);
}

const noiseJpeg = () =>
  sharp(Buffer.from(Array.from({ length: 300 * 200 * 3 }, (_, i) => (i * 7919) % 251)), {
    raw: { width: 300, height: 200, channels: 3 },
  })
    .jpeg({ quality: 90 })
    .toBuffer();

describe('sniffSourceKind', () => {
  it('recognises content, not names', async () => {
    expect(sniffSourceKind(await noiseJpeg())).toBe('jpeg');
    expect(sniffSourceKind(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffSourceKind(Buffer.from('hello, this is text'))).toBeNull();
  });
});

describe('openSource rejects bad input with a reason', () => {
  it('empty file', async () => {
    expect((await errorOf(openSource(Buffer.alloc(0), limits))).code).toBe('empty');
  });

  it('text pretending to be a PDF', async () => {
    const e = await errorOf(openSource(Buffer.from('Just some notes saved as notes.pdf\n'), limits));
    expect(e.code).toBe('unsupported-type');
    expect(e.message).toMatch(/plain text/);
  });

  it('file over maxBytes names the limit and its variable', async () => {
    const e = await errorOf(openSource(await noiseJpeg(), { ...limits, maxBytes: 100 }));
    expect(e.code).toBe('too-large');
    expect(e.limit).toEqual({ name: 'maxBytes', value: 100, env: 'SOHOA_MAX_BYTES' });
    expect(e.message).toContain('SOHOA_MAX_BYTES');
  });

  it('truncated JPEG', async () => {
    const jpeg = await noiseJpeg();
    const e = await errorOf(openSource(jpeg.subarray(0, Math.floor(jpeg.length / 2)), limits));
    expect(e.code).toBe('corrupt');
  });

  it('PNG bomb is refused from its header, fast', async () => {
    const started = Date.now();
    const e = await errorOf(openSource(pngBomb(), limits));
    expect(e.code).toBe('too-many-pixels');
    expect(e.limit?.env).toBe('SOHOA_MAX_PIXELS');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('2000-page PDF is refused before any page is processed', async () => {
    const doc = await PDFDocument.create();
    for (let i = 0; i < 2000; i++) doc.addPage([200, 200]);
    const bytes = Buffer.from(await doc.save());
    const started = Date.now();
    const e = await errorOf(openSource(bytes, limits));
    expect(e.code).toBe('too-many-pages');
    expect(e.message).toContain('2000');
    expect(e.limit?.env).toBe('SOHOA_MAX_PAGES');
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('corrupt PDF carries the parser message', async () => {
    const e = await errorOf(openSource(Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage'), limits));
    expect(e.code).toBe('corrupt');
    expect(e.message.length).toBeGreaterThan(20);
  });

  it('a step over pageTimeoutMs is stopped with timeout', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([5000, 5000]); // renders at the 70 MP cap: seconds of work
    const bytes = Buffer.from(await doc.save());
    const tight = { ...limits, renderDpi: 300, pageTimeoutMs: 300 };
    const started = Date.now();
    const e = await errorOf(
      (async () => {
        const src = await open(bytes, tight);
        await (await src.page(1)).image();
      })(),
    );
    expect(e.code).toBe('timeout');
    expect(e.limit?.env).toBe('SOHOA_PAGE_TIMEOUT_MS');
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('images', () => {
  it('passes single-frame JPEG bytes through unchanged (EXIF orientation kept for preprocessing)', async () => {
    const jpeg = await sharp(await noiseJpeg())
      .withMetadata({ orientation: 6, density: 200 })
      .jpeg()
      .toBuffer();
    const src = await open(jpeg);
    expect(src.kind).toBe('jpeg');
    expect(src.pageCount).toBe(1);
    const page = await src.page(1);
    expect(page.textLayer).toBeNull();
    const img = await page.image();
    expect(img.data.equals(jpeg)).toBe(true);
    expect(img.dpi).toBe(200);
  });

  it('splits a multi-page TIFF into its frames, each with its density', async () => {
    const tiff = await sharp({
      create: { width: 120, height: 360, channels: 3, background: '#ffffff', pageHeight: 120 },
    } as sharp.SharpOptions)
      .withMetadata({ density: 300 })
      .tiff()
      .toBuffer();
    const src = await open(tiff);
    expect(src.kind).toBe('tiff');
    expect(src.pageCount).toBe(3);
    for (let n = 1; n <= 3; n++) {
      const img = await (await src.page(n)).image();
      expect(img.frame).toBe(n - 1);
      expect(img.dpi).toBe(300);
      const meta = await sharp(img.data, { page: img.frame }).metadata();
      expect(meta.format).toBe('tiff');
      expect([meta.width, meta.height]).toEqual([120, 120]);
    }
    await expect(src.page(4)).rejects.toThrow(/page 4 does not exist/);
  });

  it('splits the two-page G4 TIFF from the Vietnamese samples', async (ctx) => {
    const file = join(corpora, 'vietocr3-samples', 'vietsample.tif');
    if (!existsSync(file)) return ctx.skip(`corpora not present at ${corpora}`);
    const src = await open(readFileSync(file));
    expect(src.pageCount).toBe(2);
    const img = await (await src.page(2)).image();
    expect(img.dpi).toBe(300);
    expect(img.frame).toBe(1);
    expect((await sharp(img.data, { page: img.frame }).metadata()).width).toBeGreaterThan(1000);
  });
});

describe('PDFs', () => {
  it('reads a born-digital text layer with boxes at renderDpi and renders the page', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    page.drawText('Application for a business registration certificate', { x: 72, y: 700, size: 14, font });
    page.drawText('Name of the applicant and the registered address', { x: 72, y: 600, size: 12, font });
    const src = await open(Buffer.from(await doc.save()));
    const p = await src.page(1);
    expect(p.textLayerQuality).toBe('usable');
    expect(p.textLayer?.lines.map((l) => l.text)).toEqual([
      'Application for a business registration certificate',
      'Name of the applicant and the registered address',
    ]);
    expect(p.textLayer?.width).toBe(Math.round((612 * limits.renderDpi) / 72));
    const first = p.textLayer!.lines[0]!.words[0]!;
    // x = 72 pt = 1 inch; baseline y = 792 - 700 pt from the top.
    expect(first.bbox.x0).toBeCloseTo(limits.renderDpi, -1);
    expect(first.bbox.y1).toBeGreaterThan((92 * limits.renderDpi) / 72);
    const img = await p.image();
    const meta = await sharp(img.data).metadata();
    expect([meta.width, meta.height]).toEqual([850, 1100]);
    expect(img.dpi).toBe(limits.renderDpi);
  });

  it('extracts the scan of a one-image page at its own resolution, rotated as placed', async () => {
    const scan = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#ffffff' } })
      .composite([
        { input: { create: { width: 50, height: 50, channels: 3, background: '#000000' } }, left: 0, top: 0 },
      ])
      .png()
      .toBuffer();
    const doc = await PDFDocument.create();
    const image = await doc.embedPng(scan);
    const upright = doc.addPage([288, 144]); // 4 x 2 inches: 100 dpi
    upright.drawImage(image, { x: 0, y: 0, width: 288, height: 144 });
    const src = await open(Buffer.from(await doc.save()));
    const img = await (await src.page(1)).image();
    expect(img.dpi).toBe(100);
    const { data, info } = await sharp(img.data).greyscale().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([400, 200]);
    expect(data[0]).toBeLessThan(50); // the black square stays top-left
    expect(data[info.width - 1]).toBeGreaterThan(200);
  });

  it('trusts the Vietnamese text layer of a born-digital PDF and distrusts an invisible OCR layer', async (ctx) => {
    const viet = join(corpora, 'vietocr3-samples', 'vietsample1.pdf');
    const ocred = join(corpora, 'ocrmypdf', 'graph_ocred.pdf');
    if (!existsSync(viet) || !existsSync(ocred)) return ctx.skip(`corpora not present at ${corpora}`);
    const p = await (await open(readFileSync(viet))).page(1);
    expect(p.textLayerQuality).toBe('usable');
    expect(p.textLayer?.text).toContain('Hà Đông');
    expect(p.textLayer?.text).toBe(p.textLayer?.text.normalize('NFC'));
    expect((await (await open(readFileSync(ocred))).page(1)).textLayerQuality).toBe('garbage');
  });

  it('opens a PDF encrypted without a user password', async (ctx) => {
    const file = join(corpora, 'paperless-ngx', 'paperless', 'tests', 'samples', 'tesseract', 'signed.pdf');
    if (!existsSync(file)) return ctx.skip(`corpora not present at ${corpora}`);
    const src = await open(readFileSync(file));
    expect(src.pageCount).toBeGreaterThan(0);
    const img = await (await src.page(1)).image();
    expect((await sharp(img.data).metadata()).width).toBeGreaterThan(100);
  });

  it('refuses PDFs that need a password', async (ctx) => {
    const files = [
      join(corpora, 'py-pdf-sample-files', '005-libreoffice-writer-password', 'libreoffice-writer-password.pdf'),
      join(corpora, 'paperless-ngx', 'documents', 'tests', 'samples', 'password-is-test.pdf'),
    ];
    if (!files.every(existsSync)) return ctx.skip(`corpora not present at ${corpora}`);
    for (const file of files)
      expect((await errorOf(openSource(readFileSync(file), limits))).code).toBe('password-required');
  });
});
