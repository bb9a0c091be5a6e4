import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { createOrientationWorker } from '../ocr/orientation-worker.js';
import { fontAvailable, renderTextPage, VIETNAMESE_PARAGRAPH } from '../ocr/test-fixtures/render-text.js';
import { packageRoot } from '../package-root.js';
import { binarise } from './bitmap.js';
import { detectSkew } from './deskew.js';
import { guessOrientation } from './orientation-heuristic.js';
import { type OrientationDetector, preparePage, settleRotation } from './prepare-page.js';

const options = { targetDpi: 300, maxPixels: 40_000_000 };
const corpusPage = join(packageRoot(), '..', 'shared', 'corpora', 'vietocr3-samples', 'vietsample2.png');

/** Wrap a detector to count how often preprocessing had to ask it. */
function counting(detector: OrientationDetector) {
  const calls = { n: 0 };
  const fn: OrientationDetector = (png) => {
    calls.n++;
    return detector(png);
  };
  return { fn, calls };
}
const refuse: OrientationDetector = async () => {
  throw new Error('detector unavailable');
};

async function pageAt150(): Promise<Buffer> {
  // A4 at 150 dpi, stamped: preprocessing should take it to 300 dpi.
  const png = await renderTextPage([...VIETNAMESE_PARAGRAPH, ...VIETNAMESE_PARAGRAPH], { fontPx: 20, margin: 100 });
  return sharp(png).withMetadata({ density: 150 }).png().toBuffer();
}

/** Centre of the dark pixels, as fractions of the page's width and height. */
async function inkCentre(image: Buffer): Promise<{ x: number; y: number }> {
  const { data, info } = await sharp(image)
    .resize({ width: 400 })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (let i = 0; i < data.length; i += info.channels) {
    if (data[i]! >= 128) continue;
    const pixel = i / info.channels;
    sx += pixel % info.width;
    sy += Math.floor(pixel / info.width);
    n++;
  }
  return { x: sx / n / info.width, y: sy / n / info.height };
}

async function uprightGuess(png: Buffer) {
  const { data, info } = await sharp(png).resize({ width: 800 }).raw().toBuffer({ resolveWithObject: true });
  return guessOrientation(binarise(data, info.width, info.height, 160));
}

describe('settleRotation', () => {
  const trust = { trustGuess: 0.5, trustDetector: 0.2 };
  it('follows a sure detector, then a sure guess, and leaves the page when neither is sure', () => {
    expect(settleRotation({ rotation: 90, confidence: 0.9 }, { rotation: 180, confidence: 0.3 }, trust)).toBe(180);
    expect(settleRotation({ rotation: 90, confidence: 0.9 }, { rotation: 180, confidence: 0.1 }, trust)).toBe(90);
    expect(settleRotation({ rotation: 0, confidence: 0.2 }, { rotation: 180, confidence: 0.1 }, trust)).toBe(0);
    expect(settleRotation({ rotation: 90, confidence: 0.2 }, null, trust)).toBe(0);
  });
  it('takes an unsure detector at its word for which side a page lies on when the guess too sees it on its side', () => {
    expect(settleRotation({ rotation: 90, confidence: 0.3 }, { rotation: 270, confidence: 0.06 }, trust)).toBe(270);
    expect(settleRotation({ rotation: 0, confidence: 0.3 }, { rotation: 270, confidence: 0.06 }, trust)).toBe(0);
    expect(settleRotation({ rotation: 90, confidence: 0.3 }, { rotation: 180, confidence: 0.06 }, trust)).toBe(0);
  });
});

describe.skipIf(!fontAvailable())('preparePage', () => {
  const osd = createOrientationWorker({ initTimeoutMs: 30_000, jobTimeoutMs: 60_000 });
  afterAll(() => osd.close());

  it('returns an upright page at the target dpi, 1-channel JPEG and PGM, without asking the detector', async () => {
    const { fn, calls } = counting(refuse);
    const page = await preparePage({ data: await pageAt150(), dpi: null }, options, fn);
    expect(calls.n).toBe(0);
    expect(page).toMatchObject({ rotation: 0, blank: false, dpi: 300, width: 2480, height: 3508 });
    // Shared, so that it reaches an OCR thread without a copy.
    expect(page.ocrImage.buffer).toBeInstanceOf(SharedArrayBuffer);
    const meta = await sharp(page.image).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', channels: 1, density: 300, width: 2480 });
    expect(page.ocrImage.subarray(0, 2).toString('latin1')).toBe('P5');
    expect(page.ocrImage.length).toBeGreaterThan(page.width * page.height);
  });

  it.each([90, 180, 270])(
    'corrects a page scanned rotated by %i°',
    async (turned) => {
      const rotated = await sharp(await pageAt150())
        .rotate(turned)
        .withMetadata({ density: 150 })
        .png()
        .toBuffer();
      const page = await preparePage({ data: rotated, dpi: 150 }, options, osd.detect);
      expect(page.rotation).toBe((360 - turned) % 360);
      expect(page.height).toBeGreaterThan(page.width);
      const after = await uprightGuess(page.image);
      expect(after.rotation).toBe(0);
      // The text was printed from the top left corner: that is where the ink must be once the page is upright.
      const ink = await inkCentre(page.image);
      expect(ink.x).toBeLessThan(0.5);
      expect(ink.y).toBeLessThan(0.5);
    },
    60_000,
  );

  it('measures and removes a small skew', async () => {
    const skewed = await sharp(await pageAt150())
      .rotate(2.5, { background: '#ffffff' })
      .png()
      .toBuffer();
    const page = await preparePage({ data: skewed, dpi: 150 }, options, refuse);
    expect(page.skewDegrees).toBeGreaterThan(2.1);
    expect(page.skewDegrees).toBeLessThan(2.9);
    expect(page.rotation).toBe(0);
    // Scaled to 300 dpi and turned back in the same pass: the stored page is straight and twice the size.
    expect(page.dpi).toBe(300);
    expect(page.width).toBeGreaterThan(2 * 1240 - 10);
    const { data, info } = await sharp(page.image).resize({ width: 1000 }).raw().toBuffer({ resolveWithObject: true });
    const after = detectSkew(binarise(data, info.width, info.height, 160), { maxDegrees: 5, stepDegrees: 0.1 });
    expect(Math.abs(after)).toBeLessThan(0.4);
  });

  it('shrinks a page over the pixel cap with a filter, then straightens it', async () => {
    // Capped at a million pixels, the page is scaled by about 0.65: below the scale an affine pass samples well.
    const skewed = await sharp(await pageAt150())
      .rotate(2.5, { background: '#ffffff' })
      .png()
      .toBuffer();
    const { width: inputWidth, height: inputHeight } = await sharp(skewed).metadata();
    const page = await preparePage({ data: skewed, dpi: 150 }, { ...options, maxPixels: 1_000_000 }, refuse);
    const scale = Math.sqrt(1_000_000 / (inputWidth! * inputHeight!));
    expect(page.dpi).toBe(Math.round(150 * scale));
    expect(page.skewDegrees).toBeGreaterThan(2.1);
    // Turned after the shrink: the canvas grows a little to hold the turned page.
    expect(page.width).toBeGreaterThanOrEqual(Math.floor(inputWidth! * scale));
    expect(page.width).toBeLessThan(inputWidth! * scale * 1.1);
    const { data, info } = await sharp(page.image).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    const after = detectSkew(binarise(data, info.width, info.height, 160), { maxDegrees: 5, stepDegrees: 0.1 });
    expect(Math.abs(after)).toBeLessThan(0.4);
  });

  it('calls a noisy page with a punched hole blank, but not a page with one short line', async () => {
    const w = 1240;
    const h = 1754;
    const noise = Buffer.alloc(w * h, 245);
    let seed = 7;
    for (let i = 0; i < noise.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      if (seed % 500 === 0) noise[i] = 30; // isolated specks
    }
    const hole = Buffer.from(
      `<svg width="${w}" height="${h}"><circle cx="70" cy="877" r="35" fill="#202020"/><rect x="0" y="0" width="${w}" height="12" fill="#000"/></svg>`,
    );
    const blankScan = await sharp(noise, { raw: { width: w, height: h, channels: 1 } })
      .composite([{ input: hole }])
      .png()
      .toBuffer();
    const blank = await preparePage({ data: blankScan, dpi: 150 }, options, refuse);
    expect(blank.blank).toBe(true);
    const oneLine = await renderTextPage(['Trang này được để trống có chủ đích.'], { fontPx: 20, margin: 400 });
    const written = await preparePage({ data: oneLine, dpi: 150 }, options, refuse);
    expect(written.blank).toBe(false);
  });

  it('rejects unreadable bytes and oversize pages with the reason', async () => {
    await expect(preparePage({ data: Buffer.from('%PDF-1.7 nope'), dpi: null }, options, refuse)).rejects.toThrow(
      /cannot be read/,
    );
    await expect(
      preparePage({ data: await pageAt150(), dpi: 150 }, { ...options, maxInputPixels: 1_000_000 }, refuse),
    ).rejects.toThrow(/above the limit/);
  });

  it('estimates the dpi of an A4 image without density and caps the output size', async () => {
    const png = await renderTextPage(VIETNAMESE_PARAGRAPH, { width: 620, height: 877, fontPx: 12, margin: 50 });
    const page = await preparePage({ data: png, dpi: null }, { ...options, maxPixels: 4_000_000 }, refuse);
    expect(page.width * page.height).toBeLessThanOrEqual(4_000_000);
    expect(page.width).toBeGreaterThan(1600);
    expect(page.dpi).toBeGreaterThan(140);
  });

  it('takes a 72 dpi header for the placeholder it is, whoever hands it on', async () => {
    // A4 drawn at 200 dpi, written with the 72 dpi most image writers put in by default.
    const png = await renderTextPage(VIETNAMESE_PARAGRAPH, { width: 1654, height: 2339, fontPx: 28, margin: 120 });
    const jpeg = await sharp(png).withMetadata({ density: 72 }).jpeg().toBuffer();
    for (const dpi of [null, 72]) {
      const page = await preparePage({ data: jpeg, dpi }, options, refuse);
      expect(page.width).toBeGreaterThan(2470);
      expect(page.width).toBeLessThan(2490);
      expect(page.dpi).toBe(300);
    }
  });

  it('prepares the frame of a multi-page TIFF it is given', async () => {
    const text = await renderTextPage(VIETNAMESE_PARAGRAPH, { width: 1240, height: 1754, fontPx: 16, margin: 80 });
    const blank = await sharp({ create: { width: 1240, height: 1754, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    // Frame 0 blank, frame 1 printed: only the frame asked for is read.
    const tiff = await sharp([blank, text], { join: { animated: true } })
      .withMetadata({ density: 150 })
      .tiff()
      .toBuffer();
    expect((await sharp(tiff).metadata()).pages).toBe(2);
    const first = await preparePage({ data: tiff, dpi: 150, frame: 0 }, options, refuse);
    const second = await preparePage({ data: tiff, dpi: 150, frame: 1 }, options, refuse);
    expect(first.blank).toBe(true);
    expect(second.blank).toBe(false);
    expect(second).toMatchObject({ dpi: 300, width: 2480, height: 3508 });
  });

  it("refuses a TIFF frame whose data is damaged, with the decoder's reason, and reads the sound frame", async () => {
    const noise = Buffer.alloc(400 * 300 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 251;
    const frame = await sharp(noise, { raw: { width: 400, height: 300, channels: 3 } })
      .png()
      .toBuffer();
    const tiff = await sharp([frame, frame], { join: { animated: true } })
      .tiff({ compression: 'deflate' })
      .toBuffer();
    // Bytes of the second frame's compressed strip overwritten; the directories stay readable.
    const damaged = Buffer.from(tiff).fill(0x5a, Math.floor(tiff.length * 0.7), Math.floor(tiff.length * 0.7) + 64);
    expect((await sharp(damaged, { page: 1 }).metadata()).width).toBe(400);
    await expect(preparePage({ data: damaged, dpi: 150, frame: 1 }, options, refuse)).rejects.toThrow(
      /decoding error/i,
    );
    expect((await preparePage({ data: damaged, dpi: 150, frame: 0 }, options, refuse)).width).toBeGreaterThan(0);
  });

  it.skipIf(!existsSync(corpusPage))(
    'orients a real Vietnamese scan in all four positions',
    async () => {
      const original = await sharp(corpusPage).png().toBuffer();
      const { fn, calls } = counting(osd.detect);
      let correct = 0;
      for (const turned of [0, 90, 180, 270]) {
        const data = await sharp(original).rotate(turned).png().toBuffer();
        const page = await preparePage({ data, dpi: 300 }, options, fn);
        if (page.rotation === (360 - turned) % 360) correct++;
      }
      expect(correct).toBe(4);
      expect(calls.n).toBeLessThanOrEqual(3); // the upright scan never reaches the detector
    },
    90_000,
  );
});
