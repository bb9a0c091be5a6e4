// CLI: render synthetic scanned dossiers with ground truth, e.g.
//   npx tsx scripts/generate-dossiers.ts --out /tmp/dossiers --seed 7 --pages 150 --formats pdf,jpeg,png,tiff
import { Command, InvalidArgumentError } from 'commander';
import { generate, type OutputFormat } from './generator/generate.js';

const FORMATS: OutputFormat[] = ['pdf', 'jpeg', 'png', 'tiff'];

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new InvalidArgumentError(`expected a non-negative integer, got "${value}"`);
  return n;
}

function formats(value: string): OutputFormat[] {
  const list = value.split(',').map((f) => f.trim().toLowerCase().replace(/^jpg$/, 'jpeg').replace(/^tif$/, 'tiff'));
  for (const f of list)
    if (!FORMATS.includes(f as OutputFormat))
      throw new InvalidArgumentError(`unknown format "${f}" (use ${FORMATS.join(', ')})`);
  return list as OutputFormat[];
}

const program = new Command()
  .name('generate-dossiers')
  .description('Render synthetic Vietnamese dossier scans and their ground truth (truth.json)')
  .requiredOption('--out <dir>', 'output folder')
  .option('--seed <n>', 'random seed', positiveInt, 1)
  .option('--pages <n>', 'approximate total number of pages', positiveInt, 30)
  .option('--formats <list>', `comma-separated: ${FORMATS.join(',')}`, formats, [
    'pdf',
    'jpeg',
    'png',
    'tiff',
  ] as OutputFormat[])
  .option('--max-skew <deg>', 'largest skew in degrees', Number, 3)
  .option('--rotated-share <p>', 'share of pages stored sideways or upside down', Number, 0.15)
  .option('--dpi <list>', 'comma-separated scan resolutions', (v) => v.split(',').map(positiveInt), [200, 240, 300])
  .option('--types <list>', 'comma-separated catalog codes to draw (default: every type)', (v) => v.split(','))
  .option('--quiet', 'no progress output');

program.parse();
const o = program.opts<{
  out: string;
  seed: number;
  pages: number;
  formats: OutputFormat[];
  maxSkew: number;
  rotatedShare: number;
  dpi: number[];
  types?: string[];
  quiet?: boolean;
}>();
const started = Date.now();
const truth = await generate({
  outDir: o.out,
  seed: o.seed,
  pages: o.pages,
  formats: o.formats,
  limits: { maxSkewDeg: o.maxSkew, rotatedShare: o.rotatedShare, dpis: o.dpi },
  ...(o.types ? { types: o.types } : {}),
  onPage: o.quiet ? undefined : (done, total) => process.stderr.write(`\rpage ${done}/${total}`),
});
const pages = truth.sources.reduce((s, x) => s + x.pageCount, 0);
if (!o.quiet) process.stderr.write('\n');
console.log(
  `wrote ${truth.sources.length} files, ${pages} pages, truth.json to ${o.out} in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${o.seed})`,
);
