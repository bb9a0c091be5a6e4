// Re-recognition from stored OCR at scale: digitizes a small generated corpus once (OCR), clones its stored pages in
// SQL up to each size (1,000 and 10,000 pages by default), and times `sohoa recognize` on them: dry run, first write
// (clones get components; PDFs deferred, then made in their own step), and unchanged repeats. Medians of --runs.
// Also checks that confirmed values survive the runs, and prints the rules alone on one thread as the baseline.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../cli/config.js';
import { runDigitize } from '../cli/digitize-command.js';
import { type RecognizeReport, type RecognizeSelection, runRecognize } from '../cli/recognize-command.js';
import type { PageText } from '../pipeline/page-model.js';
import { loadRulePack, recognize } from '../pipeline/recognize/index.js';
import { createObjectStoreFromEnv } from '../storage/object-store/index.js';
import { openWarehouse } from '../storage/warehouse/index.js';
import { cloneStoredPages } from './bench/clone-stored-pages.js';
import { generateCorpus } from './bench/generate-corpus.js';
import { median } from './bench/median.js';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '4243' },
    'corpus-pages': { type: 'string', default: '24' },
    /** A data folder digitized by an earlier run (--keep prints it), to skip generation and OCR. */
    base: { type: 'string' },
    /** Make the deferred PDFs of the first write only up to this size (PDF making is per page, not per rule run). */
    'pdf-max-pages': { type: 'string', default: '1000' },
    confirm: { type: 'string', default: '50' },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = args.sizes.split(',').map(Number);
const runs = Math.max(1, Number(args.runs));
const work = mkdtempSync(join(tmpdir(), 'sohoa-bench-recognize-'));

let base = args.base;
if (!base) {
  base = join(work, 'base');
  const corpus = join(work, 'corpus');
  generateCorpus(corpus, { seed: args.seed, pages: args['corpus-pages'], quiet: true });
  const truth = JSON.parse(readFileSync(join(corpus, 'truth.json'), 'utf8')) as { sources: Array<{ path: string }> };
  console.error(`digitizing ${truth.sources.length} files once (OCR)…`);
  const out = await runDigitize(
    truth.sources.map((s) => join(corpus, s.path)),
    loadConfig({ ...process.env, SOHOA_DATA_DIR: base }),
    process.stderr,
  );
  if (out.sources.some((s) => s.status !== 'done')) throw new Error('the corpus did not digitize cleanly');
}
if (!existsSync(join(base, 'warehouse'))) throw new Error(`${base} holds no warehouse`);

const baseline = await rulesAlone(base);
console.log(
  `\nre-recognition from stored OCR (corpus seed ${args.seed}; ${runs} runs per figure, median)` +
    `\nbaseline: the rules alone on in-memory OCR, one thread: ${baseline.pagesPerSecond.toFixed(0)} pages/s, ` +
    `CPU ${baseline.cpuMsPerPage.toFixed(2)} ms/page`,
);
for (const size of sizes) await benchSize(size);
if (args.keep) console.log(`kept ${work} (digitized corpus: --base ${base})`);
else rmSync(work, { recursive: true, force: true });

async function benchSize(size: number) {
  const dataDir = join(work, `n${size}`);
  mkdirSync(dataDir, { recursive: true });
  cpSync(base as string, dataDir, { recursive: true, filter: (src) => !src.endsWith('.lock') });
  const warehouse = await openWarehouse({ dataDir });
  const pages = await cloneStoredPages(warehouse, size).finally(() => warehouse.close());
  const config = loadConfig({ ...process.env, SOHOA_DATA_DIR: dataDir });
  // CPU time of the whole process (every thread) per page: steadier than wall time on a shared machine.
  const timed = async (selection: RecognizeSelection, times: number) => {
    const reports: Array<RecognizeReport & { cpuMsPerPage: number }> = [];
    for (let i = 0; i < times; i++) {
      const cpu = process.cpuUsage();
      const report = await runRecognize(selection, config);
      const used = process.cpuUsage(cpu);
      reports.push({ ...report, cpuMsPerPage: (used.user + used.system) / 1000 / Math.max(1, report.pages) });
    }
    return reports;
  };
  const dry = await timed({ all: true, dryRun: true }, runs);
  const [first] = await timed({ all: true, deferPdfs: true }, 1);
  const pdfs = size <= Number(args['pdf-max-pages']) ? (await timed({ all: true, pdfsOnly: true }, 1))[0] : null;
  const confirmed = await confirmSome(dataDir, Number(args.confirm));
  const repeat = await timed({ all: true }, runs);
  const untouched = await stillConfirmed(dataDir, confirmed);

  const rate = (rs: RecognizeReport[]) => median(rs.map((r) => r.pagesPerSecond));
  const line = (label: string, rs: Array<RecognizeReport & { cpuMsPerPage: number }>) => {
    const r = rs[0]!;
    const cpu = median(rs.map((x) => x.cpuMsPerPage));
    console.log(
      `  ${label.padEnd(40)} ${rate(rs).toFixed(0).padStart(6)} pages/s  (${(r.pages / rate(rs)).toFixed(2)} s; ` +
        `${r.changedSources} of ${r.sources} sources changed; ${(rate(rs) / baseline.pagesPerSecond).toFixed(2)}× baseline; ` +
        `CPU ${cpu.toFixed(2)} ms/page of all threads, ${(r.timings.writeMs / 1000).toFixed(1)} s in writes)`,
    );
  };
  console.log(`\n${pages} stored pages (${config.ocrWorkers} recognition threads):`);
  line('dry run (rules + diff, nothing written)', dry);
  line('first write (clones get components)', [first!]);
  if (pdfs) {
    console.log(
      `  ${'PDFs of the new components (own step)'.padEnd(40)} ${pdfs.pdfsMade} PDFs in ${pdfs.seconds.toFixed(1)} s: ` +
        `${(pdfs.pages / pdfs.seconds).toFixed(0)} pages/s`,
    );
  }
  line('repeat (unchanged: version stamped only)', repeat);
  console.log(`  confirmed values untouched by the repeats: ${untouched} of ${confirmed.length}`);
  if (untouched !== confirmed.length) process.exitCode = 1;
}

/** Marks one field value of `count` components as a reviewer's correction (a value the rules never produce). */
async function confirmSome(dataDir: string, count: number) {
  const warehouse = await openWarehouse({ dataDir });
  try {
    const picked: Array<{ sourceId: string; type: string; firstPage: number; key: string; value: string }> = [];
    for (const source of await warehouse.repo.listSources({ status: 'done', limit: count })) {
      const component = (await warehouse.repo.getComponentResults(source.id)).find(
        (c) => Object.keys(c.fields).length > 0,
      );
      if (!component) continue;
      const key = Object.keys(component.fields)[0]!;
      const at = { type: component.type, firstPage: component.pages[0], key };
      const value = `ĐÃ SỬA ${picked.length}`;
      await warehouse.repo.confirmField(source.id, at, value);
      picked.push({ sourceId: source.id, ...at, value });
    }
    return picked;
  } finally {
    await warehouse.close();
  }
}

async function stillConfirmed(dataDir: string, picked: Awaited<ReturnType<typeof confirmSome>>) {
  const warehouse = await openWarehouse({ dataDir });
  try {
    let ok = 0;
    for (const p of picked) {
      const components = await warehouse.repo.getComponentResults(p.sourceId);
      const c = components.find((x) => x.type === p.type && x.pages[0] === p.firstPage);
      if (c?.fields[p.key]?.value === p.value) ok++;
    }
    return ok;
  } finally {
    await warehouse.close();
  }
}

/** Pages per second of the rule pack alone on one thread, OCR JSON parsed and in memory (no I/O, no database). */
async function rulesAlone(dataDir: string): Promise<{ pagesPerSecond: number; cpuMsPerPage: number }> {
  const warehouse = await openWarehouse({ dataDir });
  const store = await createObjectStoreFromEnv({ SOHOA_DATA_DIR: dataDir });
  const sources: Array<Array<{ number: number; text: PageText | null }>> = [];
  try {
    for (const s of await warehouse.repo.listSources({ status: 'done', limit: 1000 })) {
      const refs = await warehouse.repo.getPageRefs(s.id);
      sources.push(
        await Promise.all(
          refs.map(async (r) => ({
            number: r.number,
            text: r.ocrKey ? (JSON.parse((await store.get(r.ocrKey)).toString('utf8')).text as PageText | null) : null,
          })),
        ),
      );
    }
  } finally {
    await warehouse.close();
  }
  const pack = loadRulePack();
  const rates: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    let pages = 0;
    while (performance.now() - started < 3000) {
      for (const s of sources) {
        recognize(s, pack);
        pages += s.length;
      }
    }
    const used = process.cpuUsage(cpu);
    rates.push(pages / ((performance.now() - started) / 1000));
    cpus.push((used.user + used.system) / 1000 / pages);
  }
  return { pagesPerSecond: median(rates), cpuMsPerPage: median(cpus) };
}
