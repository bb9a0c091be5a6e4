// The parts of the throughput ratio to native tesseract, measured apart on the same pages:
//   npx tsx scripts/bench-throughput-parts.ts [--seed 4242] [--pages 60] [--types a,b] [--rounds 3] [--workers N]
// Generates a corpus, splits it, and measures in this process, in CPU seconds per OCR page (medians of the rounds):
// - the least preprocessing a page needs: decode to gray, resample to 300 dpi (nearest neighbour, the cheapest
//   kernel) and encode the stored JPEG; and preparePage as the pipeline runs it, minus orientation detection;
// - OCR of the prepared pages by the tesseract.js pool (the cropped PGM the pipeline hands it) and by native
//   tesseract (the stored JPEGs, as `npm run bench` gives it), in turn, with the same model and parallelism.
// It prints native / (pool + least preprocessing): the ratio of a pipeline that did nothing else, were costs
// measured apart additive. They need not be: two OCR threads running together all the time seem to slow each other
// more than an OCR thread beside preprocessing does, so inside the pipeline a page's OCR can cost less than here.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { loadConfig } from '../cli/config.js';
import { createOcrPool, nativeTesseractVersion, runNativeTesseract } from '../pipeline/ocr/index.js';
import type { Rotation } from '../pipeline/page-model.js';
import { cropPgm, type PreparedPage, preparePage } from '../pipeline/preprocess/index.js';
import { DEFAULT_SOURCE_LIMITS, openSource, type PageImage } from '../pipeline/split/index.js';
import { withChildCpu } from './bench/child-cpu.js';
import { generateCorpus } from './bench/generate-corpus.js';
import { median } from './bench/median.js';
import type { TruthSource } from './bench/score.js';

const { values: args } = parseArgs({
  options: {
    seed: { type: 'string', default: '4242' },
    pages: { type: 'string', default: '60' },
    types: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    workers: { type: 'string', default: String(cpus().length) },
    target: { type: 'string', default: '0.55' },
  },
});
const rounds = Number(args.rounds);
const workers = Number(args.workers);
const target = Number(args.target);
if (!(rounds >= 1 && Number.isInteger(rounds))) throw new Error(`--rounds must be a whole number of at least 1`);
if (!(workers >= 1 && Number.isInteger(workers))) throw new Error(`--workers must be a whole number of at least 1`);

const config = loadConfig(process.env);
const nativeVersion = await nativeTesseractVersion();
if (!nativeVersion) throw new Error('native tesseract is not on PATH: the comparison needs it');

const work = mkdtempSync(join(tmpdir(), 'sohoa-throughput-parts-'));
const corpus = join(work, 'corpus');
generateCorpus(corpus, { seed: args.seed, pages: args.pages, types: args.types, quiet: true });
const truth = JSON.parse(readFileSync(join(corpus, 'truth.json'), 'utf8')) as { sources: TruthSource[] };

// Pages the pipeline OCRs (no usable text layer, not blank), with the turn that makes each upright.
const pages: Array<{ image: PageImage; rotation: Rotation }> = [];
for (const source of truth.sources) {
  const opened = await openSource(readFileSync(join(corpus, source.path)), DEFAULT_SOURCE_LIMITS);
  try {
    for (const p of source.pages.filter((p) => p.textSource === 'ocr')) {
      const page = await opened.page(p.number);
      if (page.textLayer && page.textLayerQuality === 'usable') continue;
      // The truth gives the clockwise turn that makes the page upright, as the pipeline reports it.
      pages.push({ image: await page.image(), rotation: p.rotation as Rotation });
    }
  } finally {
    await opened.close();
  }
}

const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const perPage = async (each: (page: (typeof pages)[number], i: number) => Promise<unknown>) => {
  const t = cpuSeconds();
  for (const [i, page] of pages.entries()) await each(page, i);
  return (cpuSeconds() - t) / pages.length;
};

async function leastPreprocessing(image: PageImage): Promise<void> {
  const frame = image.frame === undefined ? {} : { page: image.frame };
  const meta = await sharp(image.data, frame).metadata();
  const scale = config.renderDpi / (image.dpi ?? meta.density ?? config.renderDpi);
  const { data, info } = await sharp(image.data, frame)
    .greyscale()
    .resize(Math.round((meta.width ?? 1) * scale), null, { kernel: 'nearest' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  await sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

const preprocess = { targetDpi: config.renderDpi, maxPixels: config.maxPixels };
const prepared: PreparedPage[] = [];
const least: number[] = [];
const full: number[] = [];
for (let r = 0; r < rounds; r++) {
  least.push(await perPage((page) => leastPreprocessing(page.image)));
  full.push(
    await perPage(async ({ image, rotation }, i) => {
      prepared[i] = await preparePage(image, preprocess, async () => ({ rotation, confidence: 1 }));
    }),
  );
}

const stored = join(work, 'pages');
mkdirSync(stored);
const files = prepared.map((p, i) => {
  const file = join(stored, `${String(i).padStart(4, '0')}.jpg`);
  writeFileSync(file, p.image);
  return file;
});

const pool = await createOcrPool({ size: workers });
const poolCpu: number[] = [];
const nativeCpu: number[] = [];
try {
  for (let r = 0; r < rounds; r++) {
    const t = cpuSeconds();
    await Promise.all(prepared.map((p) => pool.recognize(cropPgm(p.ocrImage, p.ocrRegion))));
    poolCpu.push((cpuSeconds() - t) / pages.length);
    const native = await withChildCpu(() => runNativeTesseract(files, { langs: ['vie', 'eng'], parallelism: workers }));
    if (native.cpu === null) throw new Error('child CPU time is not available (no /proc)');
    nativeCpu.push(native.cpu / pages.length);
  }
} finally {
  await pool.close();
  rmSync(work, { recursive: true, force: true });
}

const m = {
  least: median(least),
  full: median(full),
  pool: median(poolCpu),
  native: median(nativeCpu),
};
const line = (label: string, value: string) => console.log(`${label.padEnd(48)} ${value}`);
console.log(`\nthroughput parts — corpus seed ${args.seed}, ${pages.length} OCR pages, ${rounds} rounds (medians)`);
line('CPU s per page, native tesseract (stored JPEG)', `${m.native.toFixed(3)} (${nativeVersion})`);
line('CPU s per page, tesseract.js pool (cropped PGM)', `${m.pool.toFixed(3)} (${workers} workers)`);
line('ratio, OCR alone', `${(m.native / m.pool).toFixed(2)}x`);
line('CPU s per page, least preprocessing', `${m.least.toFixed(3)} (decode, gray, nearest resample, JPEG)`);
line('CPU s per page, preparePage without OSD', m.full.toFixed(3));
line('native / (pool + least preprocessing)', `${(m.native / (m.pool + m.least)).toFixed(2)}x`);
const budget = m.native / target - m.pool;
line(
  `CPU s per page left beside OCR at ${target}x`,
  `${budget.toFixed(3)} (${((100 * budget) / m.pool).toFixed(0)}% of OCR)`,
);
console.log(
  JSON.stringify({
    seed: args.seed,
    pages: pages.length,
    rounds,
    workers,
    cpuPerPage: m,
    perRound: { least, full, pool: poolCpu, native: nativeCpu },
    ocrAndLeastPreprocessing: m.native / (m.pool + m.least),
  }),
);
