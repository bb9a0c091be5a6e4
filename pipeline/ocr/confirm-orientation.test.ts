import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OrientationDetector, type PreparedPage, preparePage } from '../preprocess/index.js';
import { confirmOrientation, createOcrPool, type OcrPool, readingQuality } from './index.js';
import { fontAvailable, renderTextPage, VIETNAMESE_PARAGRAPH } from './test-fixtures/render-text.js';

const options = { targetDpi: 300, maxPixels: 40_000_000 };
/** A detector as wrong as OSD can be on a sparse page: confidently upright, whatever the page. */
const sureUpright: OrientationDetector = async () => ({ rotation: 0, confidence: 1 });

const CARD_LINES = [
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'CĂN CƯỚC CÔNG DÂN',
  'Số định danh: 001187012345',
  'Họ và tên: NGUYỄN THỊ HỒNG NHUNG',
  'Ngày sinh: 12/05/1987   Giới tính: Nữ',
  'Quốc tịch: Việt Nam',
  'Quê quán: Hoàn Kiếm, Hà Nội',
  'Nơi thường trú: số 15 phố Lý Thường Kiệt,',
  'phường Hoàn Kiếm, thành phố Hà Nội',
];

/** An ID card (about 86 × 54 mm at 150 dpi) laid near the top of an otherwise empty A4 sheet, like a copied card. */
async function cardOnSheet(): Promise<Buffer> {
  const card = await renderTextPage(CARD_LINES, { width: 760, height: 480, fontPx: 17, lineGap: 1.6, margin: 40 });
  const framed = await sharp(card).extend({ top: 3, bottom: 3, left: 3, right: 3, background: '#000000' }).toBuffer();
  return sharp({ create: { width: 1240, height: 1754, channels: 3, background: '#ffffff' } })
    .composite([{ input: framed, left: 200, top: 160 }])
    .png()
    .toBuffer();
}

describe('readingQuality', () => {
  it('tells an upright Vietnamese reading from the letter soup of one read upside down', () => {
    const upright = readingQuality({ text: VIETNAMESE_PARAGRAPH.join('\n') });
    // Real OCR output of an upside-down ID card back.
    const soup = readingQuality({
      text: "wen 3Ô|A 'Á1|EUOIIEN / U2j120nD- wen :xas / UUI] 1019\nS66T/90/TT :U1Iq Jo leq / yuIN ugnb “QH uy Huonyd",
    });
    expect(upright.syllableShare).toBeGreaterThan(0.8);
    expect(soup.words).toBeGreaterThanOrEqual(8);
    expect(soup.syllableShare).toBeLessThan(0.3);
  });

  it('measures the share of the text on lines standing up the page', () => {
    const line = (text: string, w: number, h: number) => ({
      text,
      confidence: 0.9,
      bbox: { x0: 0, y0: 0, x1: w, y1: h },
      words: [],
    });
    const lines = [line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA', 60, 950), line('Độc lập', 60, 300), line('12', 40, 20)];
    const text = lines.map((l) => l.text).join('\n');
    expect(readingQuality({ text, lines }).verticalShare).toBe(1);
    const across = lines.map((l) => ({ ...l, bbox: { ...l.bbox, x1: l.bbox.y1, y1: l.bbox.x1 } }));
    expect(readingQuality({ text, lines: across }).verticalShare).toBe(0);
  });

  it('does not judge a reading with too few words', () => {
    expect(readingQuality({ text: '12/05/1987 — 001187012345' }).words).toBe(0);
  });
});

describe.skipIf(!fontAvailable())('confirmOrientation', () => {
  let pool: OcrPool;
  let reads = 0;
  const recognize = (page: PreparedPage) => {
    reads++;
    return pool.recognize(page.ocrImage);
  };
  beforeAll(async () => {
    pool = await createOcrPool({ size: 1 });
  }, 60_000);
  afterAll(() => pool?.close());

  const pages = [
    ['a full text page', () => renderTextPage([...VIETNAMESE_PARAGRAPH, ...VIETNAMESE_PARAGRAPH])],
    ['an ID card on a sheet', cardOnSheet],
  ] as const;
  // [turn of the scan, correction expected]
  const turns = [
    [180, 180],
    [90, 270],
    [270, 90],
  ] as const;
  it.each(pages.flatMap(([name, render]) => turns.map(([scan, fix]) => [name, scan, fix, render] as const)))(
    'corrects %s scanned turned %i° that reached OCR unturned (rotation %i)',
    async (_, scan, fix, render) => {
      const turned = await sharp(await render())
        .rotate(scan)
        .withMetadata({ density: 150 })
        .png()
        .toBuffer();
      const prepared = await preparePage({ data: turned, dpi: 150 }, options, sureUpright);
      expect(prepared.rotation).toBe(0); // the wrong decision this guard exists for
      reads = 0;
      const first = await recognize(prepared);
      const { page, text } = await confirmOrientation(prepared, first, recognize);
      expect(page.rotation).toBe(fix);
      expect(reads).toBeLessThanOrEqual(4);
      expect(text.text).toMatch(/Hà Nội/);
      const quality = readingQuality(text);
      expect(quality.syllableShare).toBeGreaterThan(0.6);
      expect(quality.verticalShare).toBeLessThan(0.5);
      const size = [prepared.width, prepared.height];
      expect([page.width, page.height]).toEqual(fix === 180 ? size : size.reverse());
      expect((await sharp(page.image).metadata()).density).toBe(prepared.dpi);
    },
    120_000,
  );

  it('reads an upright card once', async () => {
    const prepared = await preparePage(
      {
        data: await sharp(await cardOnSheet())
          .withMetadata({ density: 150 })
          .png()
          .toBuffer(),
        dpi: 150,
      },
      options,
      sureUpright,
    );
    reads = 0;
    const { page, text } = await confirmOrientation(prepared, await recognize(prepared), recognize);
    expect(reads).toBe(1);
    expect(page).toBe(prepared);
    expect(text.text).toMatch(/CĂN CƯỚC/);
  }, 120_000);
});
