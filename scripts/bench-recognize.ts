import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../cli/config.js';
import { runDigitize } from '../cli/digitize-command.js';
import { runRecognize } from '../cli/recognize-command.js';
import { objectKeys } from '../pipeline/object-keys.js';
import { openWarehouse } from '../storage/warehouse/index.js';
import { generateCorpus } from './bench/generate-corpus.js';

const { values: args } = parseArgs({
  options: {
    pages: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '4243' },
    'corpus-pages': { type: 'string', default: '24' },
    keep: { type: 'boolean', default: false },
  },
});
const target = Number(args.pages);
const work = mkdtempSync(join(tmpdir(), 'sohoa-bench-recognize-'));
const corpus = join(work, 'corpus');
generateCorpus(corpus, { seed: args.seed, pages: args['corpus-pages'], quiet: true });
const truth = JSON.parse(readFileSync(join(corpus, 'truth.json'), 'utf8')) as { sources: Array<{ path: string }> };
const config = loadConfig({ ...process.env, SOHOA_DATA_DIR: join(work, 'data') });
console.error(`digitizing ${truth.sources.length} files once (OCR)…`);
await runDigitize(
  truth.sources.map((s) => join(corpus, s.path)),
  config,
  process.stderr,
);

// Clone the digitized sources until the warehouse holds the target number of pages.
const warehouse = await openWarehouse({ dataDir: config.dataDir });
const originals = await warehouse.repo.listSources({ status: 'done', limit: 10_000 });
let stored = 0;
for (const s of originals) stored += s.pageCount ?? 0;
let copy = 0;
while (stored < target) {
  for (const s of originals) {
    if (stored >= target) break;
    const sha256 = createHash('sha256').update(`${s.sha256}:${copy}`).digest('hex');
    const { id } = await warehouse.repo.beginSource(
      { sha256, byteSize: 1, mediaType: null, originalKey: objectKeys.original(s.sha256), pipelineVersion: 'bench' },
      `clone-${copy}`,
    );
    const refs = await warehouse.repo.getPageRefs(s.id);
    const result = await warehouse.repo.getSourceResult(s.id);
    await warehouse.repo.completeSource(id, {
      pageCount: refs.length,
      pages: refs.map((r, i) => ({
        number: r.number,
        rotation: result.pages[i]?.rotation ?? 0,
        textSource: r.textSource,
        confidence: result.pages[i]?.confidence ?? 1,
        text: result.pages[i]?.text ?? '',
        width: 1,
        height: 1,
        dpi: r.dpi,
        skewDegrees: 0,
        imageKey: objectKeys.pageImage(s.sha256, r.number),
        ocrKey: r.ocrKey,
        ocrEngine: null,
        ocrModel: null,
      })),
      components: [],
      rulePackVersion: 'bench-old',
      pipelineVersion: 'bench',
    });
    stored += refs.length;
  }
  copy++;
}
await warehouse.close();

const dry = await runRecognize({ all: true, dryRun: true }, config);
const write = await runRecognize({ all: true }, config);
const again = await runRecognize({ all: true }, config);
const line = (label: string, r: typeof dry) =>
  console.log(
    `${label.padEnd(44)} ${r.pages} pages in ${r.seconds.toFixed(2)} s: ${r.pagesPerSecond.toFixed(0)} pages/s (${r.changedSources} of ${r.sources} sources changed)`,
  );
console.log(`\nre-recognition from stored OCR, ${stored} pages, ${config.ocrWorkers} recognition threads`);
line('dry run (recognize + diff, nothing written)', dry);
line('first run (clones get components written)', write);
line('repeat run (unchanged: version stamped only)', again);
if (!args.keep) rmSync(work, { recursive: true, force: true });
else console.log(`kept ${work}`);
