// Benchmark of `sohoa import` on an archive half of whose files were already digitized:
//   npx tsx scripts/bench-import.ts [--pages 240] [--seed 4242] [--dpi 200] [--formats pdf,jpeg,png,tiff] [--keep]
// Runs three imports into one embedded data folder (the configuration's adapters when REDIS_URL etc. are set):
//   1. archive/half-a alone: every page new (OCR);
//   2. the whole archive: half-a known, half-b new (the mixed run the figures are about);
//   3. a copy of the whole archive under another root: a new run in which every file is known.
// Prints pages per second for new pages (over the wall time of the run) and for known pages (over the mixed run's
// summed per-file handling time, and over the wall time of the all-known run).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../cli/config.js';
import { type ImportReport, runImport } from '../cli/import-command.js';
import { generateCorpus } from './bench/generate-corpus.js';

const { values: args } = parseArgs({
  options: {
    pages: { type: 'string', default: '240' },
    seed: { type: 'string', default: '4242' },
    dpi: { type: 'string', default: '200' },
    formats: { type: 'string', default: 'pdf,jpeg,png,tiff' },
    'max-in-flight': { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

const work = mkdtempSync(join(tmpdir(), 'sohoa-bench-import-'));
const generated = join(work, 'generated');
generateCorpus(generated, { seed: args.seed, pages: args.pages, dpi: args.dpi, formats: args.formats, quiet: true });
const truth = JSON.parse(readFileSync(join(generated, 'truth.json'), 'utf8')) as {
  sources: Array<{ path: string; pageCount: number }>;
};

// Alternate files into two halves of about equal page counts, one folder per dossier file.
const archive = join(work, 'archive');
const halves = { a: 0, b: 0 };
for (const source of truth.sources) {
  const half = halves.a <= halves.b ? 'a' : 'b';
  halves[half] += source.pageCount;
  const folder = join(archive, `half-${half}`, source.path.replace(/\.[^.]+$/, ''));
  mkdirSync(folder, { recursive: true });
  renameSync(join(generated, source.path), join(folder, source.path));
}
const copy = join(work, 'archive-copy');
cpSync(archive, copy, { recursive: true });

const config = loadConfig({ ...process.env, SOHOA_DATA_DIR: join(work, 'data') });
const options = {
  group: 'folder',
  progressIntervalSeconds: 30,
  ...(args['max-in-flight'] ? { maxInFlight: Number(args['max-in-flight']) } : {}),
};
const importOf = async (root: string): Promise<ImportReport> => {
  const report = await runImport(root, options, config, process.stderr);
  if (report.counters.failed > 0) throw new Error(`${report.counters.failed} files failed in ${root}`);
  return report;
};

console.error(`importing half-a (${halves.a} pages, all new)…`);
const first = await importOf(join(archive, 'half-a'));
console.error(`importing the whole archive (${halves.a} known + ${halves.b} new pages)…`);
const mixed = await importOf(archive);
console.error('importing a copy of the whole archive (every file known)…');
const known = await importOf(copy);

const rate = (pages: number, seconds: number) => (seconds > 0 ? (pages / seconds).toFixed(1) : 'n/a');
const s = (r: ImportReport) => r.session;
console.log(
  `\nsohoa import, ${truth.sources.length} files / ${halves.a + halves.b} pages (seed ${args.seed}, ${args.dpi} dpi, ${args.formats}), ` +
    `${config.ocrWorkers} OCR threads, max in flight ${args['max-in-flight'] ?? 'default'}`,
);
console.log(
  `1. half-a, all new:            ${s(first).newPages} new pages in ${s(first).seconds.toFixed(1)} s: ${rate(s(first).newPages, s(first).seconds)} pages/s`,
);
console.log(
  `2. mixed run, new pages:       ${s(mixed).newPages} pages in ${s(mixed).seconds.toFixed(1)} s (whole run): ` +
    `${rate(s(mixed).newPages, s(mixed).seconds)} pages/s`,
);
console.log(
  `   mixed run, known pages:     ${s(mixed).knownPages} pages in ${s(mixed).knownSeconds.toFixed(2)} s of summed per-file latency (OCR alongside): ` +
    `${rate(s(mixed).knownPages, s(mixed).knownSeconds)} pages/s`,
);
console.log(
  `3. all-known run (wall time):  ${s(known).knownPages} pages in ${s(known).seconds.toFixed(2)} s: ${rate(s(known).knownPages, s(known).seconds)} pages/s` +
    ` (target >= 200)`,
);
if (!args.keep) rmSync(work, { recursive: true, force: true });
else console.log(`kept ${work}`);
