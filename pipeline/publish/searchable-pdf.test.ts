import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../package-root.js';
import type { BBox, OcrLine, PageText } from '../page-model.js';
import { buildSearchablePdf, packBits, type SearchablePage } from './searchable-pdf.js';

/** Words of one line laid out left to right from x, each `charWidth` px per letter, with `gap` px between them. */
function lineOf(words: string[], x: number, y: number, height: number, charWidth: number, gap = height / 2): OcrLine {
  let cursor = x;
  const placed = words.map((text) => {
    const bbox: BBox = { x0: cursor, y0: y, x1: cursor + text.length * charWidth, y1: y + height };
    cursor = bbox.x1 + gap;
    return { text, confidence: 0.9, bbox };
  });
  const bbox = { x0: x, y0: y, x1: nth(placed, placed.length - 1).bbox.x1, y1: y + height };
  return { text: words.join(' '), confidence: 0.9, bbox, words: placed };
}

function pageText(width: number, height: number, lines: OcrLine[]): PageText {
  return { width, height, lines, text: lines.map((l) => l.text).join('\n'), confidence: 0.9 };
}

/** A white page with a dark bar under each word box, standing in for printed text. */
async function pageImage(width: number, height: number, lines: OcrLine[], format: 'png' | 'jpeg'): Promise<Buffer> {
  const bars = lines.flatMap((l) =>
    l.words.map((w) => ({
      input: {
        create: {
          width: Math.round(w.bbox.x1 - w.bbox.x0),
          height: Math.round(w.bbox.y1 - w.bbox.y0),
          channels: 3 as const,
          background: '#303030',
        },
      },
      left: Math.round(w.bbox.x0),
      top: Math.round(w.bbox.y0),
    })),
  );
  const img = sharp({ create: { width, height, channels: 3, background: '#ffffff' } }).composite(bars);
  return format === 'png' ? img.toColourspace('b-w').png().toBuffer() : img.jpeg({ quality: 80 }).toBuffer();
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

interface FontStyle {
  ascent: number;
  descent: number;
}

/** Element i, or a failure naming what was missing (the index is known to exist when the test is right). */
function nth<T>(items: readonly T[], i: number, what = 'item'): T {
  const item = items[i];
  if (item === undefined) throw new Error(`missing ${what} ${i}`);
  return item;
}

async function readWithPdfjs(bytes: Uint8Array) {
  // pdfjs takes ownership of the buffer it is given: pass a copy.
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  const pages: { width: number; height: number; items: TextItem[]; styles: Record<string, FontStyle> }[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width = 0, height = 0] = page.view;
    const content = await page.getTextContent();
    const items: TextItem[] = [];
    for (const item of content.items) if ('str' in item && item.str.trim().length > 0) items.push(item);
    pages.push({ width, height, items, styles: content.styles });
  }
  const meta = await doc.getMetadata();
  await doc.destroy();
  return { pages, info: meta.info as Record<string, unknown> };
}

async function contentStreams(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
    return streams
      .map((s) =>
        s instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(s).decode()).toString('latin1') : String(s),
      )
      .join('\n');
  });
}

/** Filter and colour space of the one image drawn on each page. */
async function pageImages(bytes: Uint8Array): Promise<[string, string][]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const xobjects = page.node.Resources()?.lookup(PDFName.of('XObject'), PDFDict);
    const [image] = xobjects?.values() ?? [];
    const stream = image ? doc.context.lookup(image) : undefined;
    if (!(stream instanceof PDFRawStream)) throw new Error('page has no image');
    return [String(stream.dict.get(PDFName.of('Filter'))), String(stream.dict.get(PDFName.of('ColorSpace')))];
  });
}

const P1 = { width: 1240, height: 1754, dpi: 150 };
const P2 = { width: 1654, height: 1169, dpi: 200 };
const p1Lines = [
  lineOf(['CĂN', 'CƯỚC', 'CÔNG', 'DÂN'], 200, 150, 48, 30),
  lineOf(['Nguyễn', 'Thị', 'Hồng', 'Nhung'], 200, 400, 36, 20),
];
const p2Lines = [lineOf(['Quê', 'quán:', 'Hà', 'Tĩnh'], 300, 600, 40, 22)];

describe('buildSearchablePdf', () => {
  it('puts Vietnamese words back where their boxes are, invisibly, on pages sized from the dpi', async () => {
    const pages: SearchablePage[] = [
      {
        image: await pageImage(P1.width, P1.height, p1Lines, 'png'),
        dpi: P1.dpi,
        text: pageText(P1.width, P1.height, p1Lines),
      },
      {
        image: await pageImage(P2.width, P2.height, p2Lines, 'jpeg'),
        dpi: P2.dpi,
        text: pageText(P2.width, P2.height, p2Lines),
      },
    ];
    const pdf = await buildSearchablePdf(pages, { title: 'Căn cước công dân', subject: 'hồ sơ 01' });
    const { pages: read, info } = await readWithPdfjs(pdf);

    expect(info.Title).toBe('Căn cước công dân');
    expect(info.Producer).toBe('sohoa');
    expect(read).toHaveLength(2);
    for (const [i, spec] of [P1, P2].entries()) {
      expect(nth(read, i, 'page').width).toBeCloseTo((spec.width * 72) / spec.dpi, 2);
      expect(nth(read, i, 'page').height).toBeCloseTo((spec.height * 72) / spec.dpi, 2);
    }

    for (const [i, { spec, lines }] of [
      { spec: P1, lines: p1Lines },
      { spec: P2, lines: p2Lines },
    ].entries()) {
      const { items, height: pageHeight, styles } = nth(read, i, 'page');
      const allText = items.map((it) => it.str).join(' ');
      for (const line of lines) {
        // Exact NFC text, spaces kept between words.
        expect(allText.normalize('NFC')).toBe(allText);
        expect(allText).toContain(line.text);
        for (const word of line.words) {
          const item = items.find((it) => it.str.split(' ').includes(word.text));
          expect(item, `word ${word.text}`).toBeDefined();
        }
        // The item starting the line sits on the first word's box (converted back to pixels).
        const firstWord = nth(line.words, 0, 'word').text;
        const first = items.find((it) => it.str.startsWith(firstWord));
        if (!first) throw new Error(`no text item starts with ${firstWord}`);
        const toPx = spec.dpi / 72;
        const x = nth(first.transform, 4) * toPx;
        const baselineY = (pageHeight - nth(first.transform, 5)) * toPx;
        expect(Math.abs(x - line.bbox.x0)).toBeLessThan(1);
        // The font's ascent-to-descent cell, as pdfjs reads it from the embedded font, covers the line box:
        // a viewer's selection highlight lands on the scanned words.
        const style = styles[first.fontName];
        if (!style) throw new Error(`no style for ${first.fontName}`);
        const top = baselineY - style.ascent * first.height * toPx;
        const bottom = baselineY - style.descent * first.height * toPx;
        expect(Math.abs(top - line.bbox.y0)).toBeLessThan(1.5);
        expect(Math.abs(bottom - line.bbox.y1)).toBeLessThan(1.5);
      }
      // Horizontal extent: the whole text of a line spans its box.
      const lastLine = nth(lines, lines.length - 1, 'line');
      const lineItems = items.filter((it) => lastLine.words.some((w) => it.str.includes(w.text)));
      const right = Math.max(...lineItems.map((it) => nth(it.transform, 4) + it.width)) * (spec.dpi / 72);
      expect(Math.abs(right - lastLine.bbox.x1)).toBeLessThan(3);
    }

    // The grey PNG went in as a one-channel JPEG; the JPEG page as it was.
    expect(await pageImages(pdf)).toEqual([
      ['/DCTDecode', '/DeviceGray'],
      ['/DCTDecode', '/DeviceRGB'],
    ]);
    const streams = await contentStreams(pdf);
    for (const s of streams) expect(s).toMatch(/\b3 Tr\b/);
  });

  it('builds image-only pages (no text, or text without words) and embeds no font then', async () => {
    const blank = await sharp({ create: { width: 850, height: 1100, channels: 3, background: '#f0f0f0' } })
      .png()
      .toBuffer();
    const pdf = await buildSearchablePdf([
      { image: blank, dpi: 100, text: null },
      { image: blank, dpi: 100, text: pageText(850, 1100, []) },
    ]);
    const { pages } = await readWithPdfjs(pdf);
    expect(pages).toHaveLength(2);
    expect(nth(pages, 0).items).toHaveLength(0);
    expect(nth(pages, 1).items).toHaveLength(0);
    expect(nth(pages, 0).width).toBeCloseTo(612, 2);
    expect(nth(pages, 0).height).toBeCloseTo(792, 2);
    for (const s of await contentStreams(pdf)) expect(s).not.toMatch(/\bTr\b/);
    expect(Buffer.from(pdf).toString('latin1')).not.toContain('FontFile2');
  });

  it('draws one glyph per letter and keeps every letter in the text of every PDF of the process', async () => {
    // A first PDF whose subset holds accented letters built from plain ones ("ễ" holds "e", "ị" holds "ı").
    const earlier = [lineOf(['Nguyễn', 'Thị', 'Hiếu', 'Nghĩa'], 100, 100, 40, 22)];
    await buildSearchablePdf([
      { image: await pageImage(850, 400, earlier, 'png'), dpi: 100, text: pageText(850, 400, earlier) },
    ]);
    // "fi" and "ffi" are ligatures in the default font.
    const lines = [lineOf(['file', 'office', 'Nghĩa'], 100, 100, 40, 22)];
    const pdf = await buildSearchablePdf([
      { image: await pageImage(850, 400, lines, 'png'), dpi: 100, text: pageText(850, 400, lines) },
    ]);
    const { pages } = await readWithPdfjs(pdf);
    expect(
      nth(pages, 0)
        .items.map((it) => it.str)
        .join(' '),
    ).toContain('file office Nghĩa');
    // Each word is one string of 2-byte glyph ids: "file" is 4 glyphs, not "fi" + "l" + "e".
    const shown = [...nth(await contentStreams(pdf), 0).matchAll(/<([0-9A-Fa-f]+)> Tj/g)].map((m) => nth(m, 1));
    expect(shown.map((hex) => hex.length / 4)).toEqual([4, 1, 6, 1, 5]);
  });

  it('applies EXIF orientation to a JPEG page, sizing the page after it', async () => {
    const sideways = await sharp({ create: { width: 300, height: 150, channels: 3, background: '#ffffff' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const { pages } = await readWithPdfjs(await buildSearchablePdf([{ image: sideways, dpi: 72, text: null }]));
    expect(nth(pages, 0).width).toBeCloseTo(150, 2);
    expect(nth(pages, 0).height).toBeCloseTo(300, 2);
  });

  it('names the page and the reason for a bad input', async () => {
    const ok = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    await expect(buildSearchablePdf([])).rejects.toThrow(/no pages/);
    await expect(buildSearchablePdf([{ image: ok, dpi: 0, text: null }])).rejects.toThrow(/page 1: invalid dpi/);
    await expect(
      buildSearchablePdf([
        { image: ok, dpi: 72, text: null },
        { image: Buffer.from('not an image'), dpi: 72, text: null },
      ]),
    ).rejects.toThrow(/page 2/);
    await expect(buildSearchablePdf([{ image: ok, dpi: 72, text: null }], { maxPagePixels: 50 })).rejects.toThrow(
      /page 1: .*pixels/,
    );
  });

  it('packs grey samples into 1-bit rows padded to a byte, white as 1', () => {
    // 10 x 2, one channel: row 0 alternates white/black, row 1 is all white.
    const row0 = [255, 0, 255, 0, 255, 0, 255, 0, 200, 10];
    const grey = Uint8Array.from([...row0, ...Array(10).fill(255)]);
    expect(Array.from(packBits(grey, 10, 2))).toEqual([0b10101010, 0b10000000, 0xff, 0b11000000]);
    // Same picture with three channels per pixel.
    const rgb = Uint8Array.from(Array.from(grey).flatMap((v) => [v, v, v]));
    expect(Array.from(packBits(rgb, 10, 2, 3))).toEqual([0b10101010, 0b10000000, 0xff, 0b11000000]);
  });

  it('measures size per page and throughput on a real 300-dpi scan, two-colour and grey', async (ctx) => {
    const scan = join(packageRoot(), '..', 'shared', 'corpora', 'ocrmypdf', 'linn.png');
    if (!existsSync(scan)) ctx.skip(`corpus file absent: ${scan}`);
    const bilevel = await readFile(scan);
    // A grey version of the same page, as a grey scanner would give it.
    const grey = await sharp(bilevel).blur(0.8).toColourspace('b-w').png().toBuffer();
    const meta = await sharp(bilevel).metadata();
    const lines = [lineOf(['Nguyễn', 'Thị', 'Hồng', 'Nhung'], 300, 300, 50, 28)];
    const text = pageText(meta.width ?? 0, meta.height ?? 0, lines);
    const count = 10;
    for (const [kind, image, maxPerPage, filter] of [
      // Two-colour goes in as 1 bit per pixel: about its PNG size (grey JPEG would be ~8x).
      ['two-colour PNG', bilevel, 2 * bilevel.byteLength, '/FlateDecode'],
      ['grey PNG', grey, 1_000_000, '/DCTDecode'],
    ] as const) {
      const started = performance.now();
      const pdf = await buildSearchablePdf(Array.from({ length: count }, () => ({ image, dpi: 300, text })));
      const seconds = (performance.now() - started) / 1000;
      const perPage = pdf.byteLength / count;
      console.log(
        `searchable PDF, ${kind} ${meta.width}x${meta.height} (${image.byteLength} B): ${count} pages in ` +
          `${seconds.toFixed(2)} s = ${(count / seconds).toFixed(1)} pages/s, ${Math.round(perPage)} B/page`,
      );
      const { pages } = await readWithPdfjs(pdf);
      expect(pages).toHaveLength(count);
      expect(
        nth(pages, count - 1)
          .items.map((i) => i.str)
          .join(' '),
      ).toContain('Nguyễn Thị Hồng Nhung');
      expect(perPage).toBeLessThan(maxPerPage);
      expect(nth(await pageImages(pdf), 0)).toEqual([filter, '/DeviceGray']);
    }
  });
});
