import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../cli/config.js';
import type { DigitizeOutput } from '../cli/digitize-command.js';
import { runRecognize } from '../cli/recognize-command.js';
import { objectKeys } from '../pipeline/object-keys.js';
import { packageRoot } from '../pipeline/package-root.js';
import { withChildCpu } from './bench/child-cpu.js';
import { generateCorpus } from './bench/generate-corpus.js';
import { median } from './bench/median.js';
import { runCli } from './bench/run-cli.js';
import { type FieldError, pct, type ResultSource, scoreRun, type TruthSource } from './bench/score.js';
import { nativeTesseractAvailable, runNativeTesseract } from './bench-ocr-native.js';

const { values: args } = parseArgs({
  options: {
    seed: { type: 'string', default: '4242' },
    pages: { type: 'string', default: '48' },
    corpus: { type: 'string' },
    types: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'no-native': { type: 'boolean', default: false },
    errors: { type: 'string', default: '0' },
    data: { type: 'string' },
    recognize: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '1' },
  },
});
const rounds = Number(args.rounds);
if (!Number.isInteger(rounds) || rounds < 1)
  throw new Error(`--rounds must be a whole number of at least 1, got ${args.rounds}`);

const work = mkdtempSync(join(tmpdir(), 'sohoa-bench-'));
const corpus = args.corpus ?? join(work, 'corpus');
if (!args.corpus) {
  generateCorpus(corpus, { seed: args.seed, pages: args.pages, ...(args.types ? { types: args.types } : {}) });
}
const truth = JSON.parse(readFileSync(join(corpus, 'truth.json'), 'utf8')) as { seed?: number; sources: TruthSource[] };
const files = truth.sources.map((s) => join(corpus, s.path));

// --types draws the corpus from those catalog types only and scores them only.
// --data keeps the warehouse and objects: a second run over the same corpus reads stored results (no OCR), and
// --recognize first re-applies the current rule pack to the stored OCR, so rules can be tuned without OCR-ing again.
const config = loadConfig({ ...process.env, SOHOA_DATA_DIR: args.data ?? join(work, 'data') });
if (args.recognize) {
  const report = await runRecognize({ all: true }, config);
  console.log(
    `re-recognized ${report.pages} stored pages in ${report.seconds.toFixed(1)} s (${report.pagesPerSecond.toFixed(0)} pages/s), ${report.changedSources} sources changed`,
  );
}
// The compiled CLI in a child process, as users run it: its wall time and peak RSS are the pipeline's.
async function digitizeRun(dataDir: string) {
  const { value: run, cpu } = await withChildCpu(() =>
    runCli(['digitize', '--json', ...files], { ...process.env, SOHOA_DATA_DIR: dataDir }, process.stderr),
  );
  if (run.exitCode !== 0 && run.exitCode !== 1) throw new Error(`sohoa digitize exited with ${run.exitCode}`);
  return { output: JSON.parse(run.stdout) as DigitizeOutput, seconds: run.seconds, peakRss: run.maxRssBytes, cpu };
}
const first = await digitizeRun(config.dataDir);
const output = first.output;
const seconds = first.seconds;
const peakRss = first.peakRss;

const results: ResultSource[] = output.sources.map((s) => ({ ...s, path: s.path.slice(corpus.length + 1) }));
const focus = args.types ? new Set(args.types.split(',')) : undefined;
const catalog = JSON.parse(readFileSync(join(packageRoot(), 'schemas', 'catalog.json'), 'utf8')) as {
  components: Array<{ code: string; fields: Record<string, { type: string }> }>;
};
const kinds = new Map(catalog.components.map((c) => [c.code, c.fields]));
const score = scoreRun(truth.sources, results, focus, (type, key) => kinds.get(type)?.[key]?.type ?? 'unknown');
const totalPages = truth.sources.reduce((n, s) => n + s.pageCount, 0);
const failed = output.sources.filter((s) => s.status === 'failed');

const fieldError = (e: FieldError) =>
  `${e.path} ${e.type}.${e.key}: expected ${JSON.stringify(e.expected)} got ${JSON.stringify(e.got)}`;
const line = (label: string, value: string) => console.log(`${label.padEnd(34)} ${value}`);
console.log(
  `\nsohoa benchmark — corpus seed ${truth.seed ?? args.seed}, ${truth.sources.length} files, ${totalPages} pages`,
);
console.log(focus ? `types: ${[...focus].join(', ')}` : 'types: all');
line('sources failed', `${failed.length}${failed.map((f) => `\n   ${f.path}: ${f.error}`).join('')}`);
line(
  'page-type accuracy',
  `${pct(score.pages.typeCorrect, score.pages.total)} (${score.pages.typeCorrect}/${score.pages.total})`,
);
line('page rotation correct', `${pct(score.pages.rotationCorrect, score.pages.rotationTotal)}`);
line(
  'components exact type+range',
  `${pct(score.components.exact, score.components.total)} (${score.components.exact}/${score.components.total}, ${score.components.predicted} predicted)`,
);
line(
  'field accuracy (all)',
  `${pct(score.fields.correct, score.fields.total)} (${score.fields.correct}/${score.fields.total})`,
);
line(
  'auto-accepted field precision',
  `${pct(score.accepted.correct, score.accepted.fields)} (${score.accepted.correct}/${score.accepted.fields}, ${pct(score.accepted.fields, score.fields.total)} of fields accepted)`,
);
console.log('\nfield accuracy per type');
for (const [type, t] of Object.entries(score.fields.byType).sort()) {
  console.log(`  ${type.padEnd(32)} ${pct(t.correct, t.total).padStart(7)}  (${t.correct}/${t.total})`);
}
console.log('\nfield accuracy per value type');
for (const [kind, t] of Object.entries(score.fields.byKind).sort()) {
  console.log(`  ${kind.padEnd(32)} ${pct(t.correct, t.total).padStart(7)}  (${t.correct}/${t.total})`);
}
const confusions = Object.entries(score.confusions).sort((a, b) => b[1] - a[1]);
if (confusions.length) {
  console.log('\npage-type confusions (truth -> got)');
  for (const [k, n] of confusions.slice(0, 15)) console.log(`  ${k}: ${n}`);
}
const showErrors = Number(args.errors);
if (showErrors > 0) {
  console.log('\nfield errors');
  for (const e of score.fieldErrors.slice(0, showErrors)) console.log(`  ${fieldError(e)}`);
  console.log('\naccepted field errors');
  for (const e of score.acceptedErrors.slice(0, showErrors)) console.log(`  ${fieldError(e)}`);
}

console.log('\nthroughput');
line('OCR workers', String(config.ocrWorkers));
line('wall time', `${seconds.toFixed(1)} s`);
line('pages per second (pipeline)', (totalPages / seconds).toFixed(3));
line('peak RSS (sohoa digitize process)', `${(peakRss / 1024 / 1024).toFixed(0)} MB`);

if (!args['no-native']) {
  if (!nativeTesseractAvailable()) {
    line('native tesseract', 'not installed (apt-get install tesseract-ocr) — ratio not measured');
  } else {
    await compareWithNative();
  }
}

/**
 * Native tesseract on the same normalised page images the pipeline OCR'd, with the same model and parallelism. With
 * --rounds N, the pipeline (each time into a new data folder) and native tesseract run N times in turn, and the
 * medians are the figures: on a shared machine one pair of runs can land on a busy moment for either side.
 */
async function compareWithNative(): Promise<void> {
  const ocrPages = output.sources.flatMap((s) =>
    s.sha256
      ? s.pages
          .filter((p) => p.textSource === 'ocr')
          .map((p) => join(config.dataDir, 'objects', objectKeys.pageImage(s.sha256 as string, p.number)))
      : [],
  );
  if (ocrPages.length === 0) return;
  const runs: Array<{ pipeline: number; native: number; pipelineCpu: number | null; nativeCpu: number | null }> = [];
  let version = '';
  let model = '';
  for (let round = 1; round <= rounds; round++) {
    const pipeline = round === 1 ? first : await digitizeRun(join(work, `data-${round}`));
    const { value: native, cpu: nativeCpu } = await withChildCpu(() =>
      runNativeTesseract(ocrPages, { parallelism: config.ocrWorkers }),
    );
    ({ version, model } = native);
    runs.push({ pipeline: pipeline.seconds, native: native.elapsedMs / 1000, pipelineCpu: pipeline.cpu, nativeCpu });
    if (rounds > 1) {
      const r = runs[runs.length - 1]!;
      line(
        `round ${round}`,
        `pipeline ${r.pipeline.toFixed(1)} s, native ${r.native.toFixed(1)} s, ratio ${(r.native / r.pipeline).toFixed(2)}x`,
      );
    }
    if (round > 1) rmSync(join(work, `data-${round}`), { recursive: true, force: true });
  }
  const medianOf = rounds > 1 ? `median of ${rounds} rounds` : '';
  const of = medianOf ? ` (${medianOf})` : '';
  const pipelineSeconds = median(runs.map((r) => r.pipeline));
  const nativeSeconds = median(runs.map((r) => r.native));
  line('OCR pages', String(ocrPages.length));
  line('pipeline OCR pages per second', `${(ocrPages.length / pipelineSeconds).toFixed(3)}${of}`);
  line(
    'native tesseract pages per second',
    `${(ocrPages.length / nativeSeconds).toFixed(3)} (${version}, ${model})${of}`,
  );
  line(
    'ratio pipeline / native',
    `${median(runs.map((r) => r.native / r.pipeline)).toFixed(2)}x (wall time${medianOf ? `, ${medianOf}` : ''})`,
  );
  const cpus = runs.flatMap((r) =>
    r.pipelineCpu !== null && r.nativeCpu !== null ? [{ p: r.pipelineCpu, n: r.nativeCpu }] : [],
  );
  if (cpus.length === runs.length) {
    // Wall time on a shared machine depends on everyone else's load; CPU seconds per page less so.
    line('CPU s per OCR page, pipeline', (median(cpus.map((c) => c.p)) / ocrPages.length).toFixed(2));
    line('CPU s per OCR page, native', (median(cpus.map((c) => c.n)) / ocrPages.length).toFixed(2));
    line(
      'ratio pipeline / native',
      `${median(cpus.map((c) => c.n / c.p)).toFixed(2)}x (CPU time${medianOf ? `, ${medianOf}` : ''})`,
    );
  }
}
line('cores', String(availableParallelism()));
writeFileSync(join(work, 'result.json'), JSON.stringify({ score, seconds, peakRss, totalPages }, null, 2));
if (!args.keep) rmSync(work, { recursive: true, force: true });
else console.log(`\nkept ${work}`);
