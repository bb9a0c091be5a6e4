// Plans dossiers for a seed, renders their pages and writes the files plus truth.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Canvas, createCanvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import type { Rotation, TextSource } from '../../pipeline/page-model.js';
import { bornDigitalInvoice } from './born-digital-invoice.js';
import { randomDate } from './dates.js';
import type { DocumentDraft, DossierContext, Parcel } from './documents/common.js';
import { invoiceData, invoiceFields } from './documents/finance.js';
import { BUILDERS, buildDocument } from './documents/registry.js';
import type { PageSpec } from './page-spec.js';
import { randomAddress, randomPerson } from './people.js';
import { createRng, type Rng } from './prng.js';
import { renderPage } from './render-page.js';
import {
  DEFAULT_SCAN_LIMITS,
  encodeScan,
  randomScanLook,
  type ScanLimits,
  type ScanLook,
  scanPipeline,
} from './scan-effects.js';
import { LAND_USES, PROVINCES } from './vn-data.js';

export type OutputFormat = 'pdf' | 'jpeg' | 'png' | 'tiff';

export interface TruthPage {
  number: number;
  rotation: Rotation;
  textSource: TextSource;
}

export interface TruthComponent {
  type: string;
  /** Inclusive 1-based page range within the source, as in ComponentResult. */
  pages: [number, number];
  fields: Record<string, { value: string }>;
}

export interface TruthSource {
  path: string;
  pageCount: number;
  pages: TruthPage[];
  components: TruthComponent[];
}

export interface Truth {
  seed: number;
  sources: TruthSource[];
}

export interface GenerateOptions {
  outDir: string;
  seed: number;
  /** Total page budget across all files (the plan stops at the first source that reaches it). */
  pages: number;
  formats: OutputFormat[];
  limits?: ScanLimits;
  /** Share of PDF documents followed by a blank page. */
  blankShare?: number;
  /** Share of PDF dossiers that get an unrelated page. */
  unrelatedShare?: number;
  /** Catalog types to draw (default: all). */
  types?: string[];
  onPage?: (done: number, total: number) => void;
}

const SCANNED_TYPES = Object.keys(BUILDERS).filter((t) => t !== 'khac');

function randomParcel(rng: Rng, ctxDate: string): Parcel {
  const address = randomAddress(rng);
  const isNew = ctxDate >= '2024-08-01' && rng.chance(0.5);
  const letters = `${rng.pick(['A', 'B', 'C', 'D'])}${rng.pick(['A', 'B', 'C', 'D', 'E', 'H', 'K', 'L', 'N', 'O', 'P'])}`;
  return {
    thua: String(rng.int(1, 1500)),
    to: String(rng.int(1, 80)),
    area: rng.chance(0.5) ? rng.int(40, 600) : Math.round((40 + rng.next() * 560) * 10) / 10,
    address,
    landUse: rng.pick(LAND_USES),
    serial: `${letters} ${rng.digits(isNew ? 8 : 6)}`,
    registerNo: `${rng.pick(['CH', 'CS', 'CT'])} ${String(rng.int(1, 9999)).padStart(5, '0')}`,
  };
}

function dossierContext(rng: Rng): DossierContext {
  const date = randomDate(rng, 2019, 2025);
  const applicant = randomPerson(rng.fork('applicant'));
  return {
    applicant,
    other: randomPerson(rng.fork('other')),
    parcel: randomParcel(rng.fork('parcel'), date),
    province: applicant.residence.province ?? (PROVINCES[0] as (typeof PROVINCES)[number]),
    date,
  };
}

function blankPage(): PageSpec {
  return { widthMm: 210, heightMm: 297, marginMm: 20, family: 'sans', baseSize: 11, blocks: [] };
}

interface PlannedPage {
  spec: PageSpec;
  blank: boolean;
}

interface PlannedSource {
  name: string;
  format: OutputFormat;
  pages: PlannedPage[];
  components: TruthComponent[];
}

function toComponent(draft: DocumentDraft, firstPage: number): TruthComponent {
  const fields: Record<string, { value: string }> = {};
  for (const [k, v] of Object.entries(draft.fields)) fields[k] = { value: v.normalize('NFC') };
  return { type: draft.type, pages: [firstPage, firstPage + draft.pages.length - 1], fields };
}

/** Chooses which documents go into which file; deterministic for the rng. */
export function planSources(rng: Rng, options: GenerateOptions): PlannedSource[] {
  const formats = options.formats;
  const queue: string[] = [];
  const refill = () => {
    const types = options.types?.length ? SCANNED_TYPES.filter((t) => options.types?.includes(t)) : [...SCANNED_TYPES];
    if (types.length === 0) throw new Error(`no generator for the types ${options.types?.join(', ')}`);
    for (let i = types.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [types[i], types[j]] = [types[j] as string, types[i] as string];
    }
    queue.push(...types);
  };
  const nextType = (accept: (draft: DocumentDraft) => boolean, ctx: DossierContext, docRng: Rng): DocumentDraft => {
    let rejected = 0;
    for (let tries = 0; tries < 200; tries++) {
      // When every queued type was rejected (e.g. only multi-page ones left for a JPEG), start a fresh round.
      if (queue.length === 0 || rejected >= queue.length) {
        refill();
        rejected = 0;
      }
      const type = queue.shift() as string;
      const draft = buildDocument(type, docRng.fork(type), ctx);
      if (accept(draft)) return draft;
      queue.push(type);
      rejected++;
    }
    throw new Error('planSources: no document fits the requested format');
  };
  const sources: PlannedSource[] = [];
  let total = 0;
  let index = 0;
  const budget = options.pages - (formats.includes('pdf') ? 1 : 0);
  while (total < budget) {
    const format = formats[index % formats.length] as OutputFormat;
    const srcRng = rng.fork(`source-${index}`);
    const ctx = dossierContext(srcRng);
    const source: PlannedSource = { name: '', format, pages: [], components: [] };
    const room = budget - total;
    if (format === 'jpeg' || format === 'png') {
      const draft = nextType((d) => d.pages.length === 1, ctx, srcRng);
      source.components.push(toComponent(draft, 1));
      source.pages.push({ spec: draft.pages[0] as PageSpec, blank: false });
    } else {
      const maxPages = Math.max(1, Math.min(room, format === 'tiff' ? 4 : 12));
      const wanted = srcRng.int(format === 'tiff' ? 1 : 2, format === 'tiff' ? 2 : 5);
      for (let k = 0; k < wanted; k++) {
        const left = maxPages - source.pages.length;
        if (left <= 0) break;
        const draft =
          k > 0 && srcRng.chance(options.unrelatedShare ?? 0.1)
            ? buildDocument('khac', srcRng.fork(`khac-${k}`), ctx)
            : nextType((d) => d.pages.length <= left, ctx, srcRng);
        if (draft.pages.length > left) break;
        // khac pages carry no truth component: the recogniser may call them anything unrelated.
        if (draft.type !== 'khac') source.components.push(toComponent(draft, source.pages.length + 1));
        for (const spec of draft.pages) source.pages.push({ spec, blank: false });
        if (format === 'pdf' && source.pages.length < maxPages && srcRng.chance(options.blankShare ?? 0.12)) {
          source.pages.push({ spec: blankPage(), blank: true });
          // A blank sheet after a document is its empty back: it belongs to that component.
          const last = source.components[source.components.length - 1];
          if (draft.type !== 'khac' && last) last.pages = [last.pages[0], source.pages.length];
        }
      }
      if (source.pages.length === 0) break;
    }
    const ext = { pdf: 'pdf', jpeg: 'jpg', png: 'png', tiff: 'tif' }[format];
    source.name = `dossier-${String(index + 1).padStart(3, '0')}-${format === 'pdf' ? 'scan' : (source.components[0]?.type ?? 'page')}.${ext}`;
    sources.push(source);
    total += source.pages.length;
    index++;
  }
  return sources;
}

/** Renders the page; with renderScale < 1 it draws at a lower dpi and scales up bilinearly, which softens like a scan. */
function renderScanned(spec: PageSpec, look: ScanLook, rng: Rng, blank: boolean): Canvas {
  const full = createCanvas(
    Math.round((spec.widthMm / 25.4) * look.dpi),
    Math.round((spec.heightMm / 25.4) * look.dpi),
  );
  const g = full.getContext('2d');
  g.fillStyle = look.background;
  g.fillRect(0, 0, full.width, full.height);
  if (blank) return full;
  const small = renderPage(spec, {
    dpi: look.dpi * look.renderScale,
    skewDeg: look.skewDeg,
    background: look.background,
    ink: look.ink,
    rng,
  });
  if (look.renderScale === 1) return small;
  g.imageSmoothingEnabled = true;
  g.drawImage(small, 0, 0, full.width, full.height);
  return full;
}

export async function generate(options: GenerateOptions): Promise<Truth> {
  const limits = options.limits ?? DEFAULT_SCAN_LIMITS;
  const rng = createRng(options.seed);
  const sources = planSources(rng.fork('plan'), options);
  await mkdir(options.outDir, { recursive: true });
  const truth: Truth = { seed: options.seed, sources: [] };
  const totalPages = sources.reduce((s, x) => s + x.pages.length, 0) + (options.formats.includes('pdf') ? 1 : 0);
  let done = 0;
  for (const [si, source] of sources.entries()) {
    const srcRng = rng.fork(`render-${si}`);
    const dpi = srcRng.pick(limits.dpis);
    const pages: TruthPage[] = [];
    const encoded: { bytes: Buffer; look: ScanLook; width: number; height: number }[] = [];
    const tiffPages: Buffer[] = [];
    for (const [pi, page] of source.pages.entries()) {
      const pageRng = srcRng.fork(`page-${pi}`);
      const look = randomScanLook(pageRng, dpi, limits, source.format !== 'tiff');
      if (page.blank) look.rotation = 0;
      const canvas = renderScanned(page.spec, look, pageRng, page.blank);
      const seed = pageRng.int(1, 2 ** 31);
      if (source.format === 'tiff') {
        // Equal-size pages: pad card scans onto A4 so the TIFF pages can be joined.
        const raw = await scanPipeline(canvas, { ...look, greyscale: true }, seed)
          .raw()
          .toBuffer({ resolveWithObject: true });
        const a4w = Math.round((210 / 25.4) * dpi);
        const a4h = Math.round((297 / 25.4) * dpi);
        // Two passes: sharp runs extract before extend inside one pipeline.
        const padded = await sharp(raw.data, { raw: raw.info })
          .extend({
            right: Math.max(0, a4w - raw.info.width),
            bottom: Math.max(0, a4h - raw.info.height),
            background: '#ffffff',
          })
          .png()
          .toBuffer();
        const flat = await sharp(padded).extract({ left: 0, top: 0, width: a4w, height: a4h }).png().toBuffer();
        tiffPages.push(flat);
      } else {
        const bytes = await encodeScan(canvas, look, seed, source.format === 'png' ? 'png' : 'jpeg');
        const rotated = look.rotation === 90 || look.rotation === 270;
        encoded.push({
          bytes,
          look,
          width: rotated ? canvas.height : canvas.width,
          height: rotated ? canvas.width : canvas.height,
        });
      }
      pages.push({ number: pi + 1, rotation: look.rotation, textSource: page.blank ? 'blank' : 'ocr' });
      done++;
      options.onPage?.(done, totalPages);
    }
    const path = join(options.outDir, source.name);
    if (source.format === 'pdf') {
      const doc = await PDFDocument.create();
      doc.setCreationDate(new Date('2024-01-01T00:00:00Z'));
      doc.setModificationDate(new Date('2024-01-01T00:00:00Z'));
      doc.setProducer('sohoa generator');
      for (const e of encoded) {
        const img = await doc.embedJpg(e.bytes);
        const page = doc.addPage([(e.width / e.look.dpi) * 72, (e.height / e.look.dpi) * 72]);
        page.drawImage(img, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
      }
      await writeFile(path, await doc.save({ useObjectStreams: false }));
    } else if (source.format === 'tiff') {
      const joined = tiffPages.length > 1 ? sharp(tiffPages, { join: { animated: true } }) : sharp(tiffPages[0]);
      await writeFile(path, await joined.tiff({ compression: 'lzw', xres: dpi / 25.4, yres: dpi / 25.4 }).toBuffer());
    } else {
      await writeFile(path, (encoded[0] as { bytes: Buffer }).bytes);
    }
    truth.sources.push({ path: source.name, pageCount: pages.length, pages, components: source.components });
  }
  if (options.formats.includes('pdf')) {
    const invRng = rng.fork('born-digital');
    const ctx = dossierContext(invRng);
    const data = invoiceData(invRng, ctx);
    const name = `invoice-${String(sources.length + 1).padStart(3, '0')}-born-digital.pdf`;
    await writeFile(join(options.outDir, name), await bornDigitalInvoice(data));
    const fields: Record<string, { value: string }> = {};
    for (const [k, v] of Object.entries(invoiceFields(data))) fields[k] = { value: v };
    truth.sources.push({
      path: name,
      pageCount: 1,
      pages: [{ number: 1, rotation: 0, textSource: 'text-layer' }],
      components: [{ type: 'hoa_don_dien_tu', pages: [1, 1], fields }],
    });
    options.onPage?.(totalPages, totalPages);
  }
  await writeFile(join(options.outDir, 'truth.json'), `${JSON.stringify(truth, null, 1)}\n`);
  return truth;
}
