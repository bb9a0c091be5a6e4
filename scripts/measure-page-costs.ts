// Per-page costs of digitizing, measured on a generated archive (the inputs of "Scale on paper" in ARCHITECTURE.md):
//   npx tsx scripts/measure-page-costs.ts [--pages 60] [--seed 4242] [--dpi 200,240,300] [--formats pdf,jpeg,png,tiff]
// Imports the archive into a fresh embedded data folder, then prints CPU seconds per page (this process and its
// worker threads), object-store bytes per page by kind, and warehouse rows and bytes (tables with their indexes)
// per page, as text and as one JSON line.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../cli/config.js';
import { runImport } from '../cli/import-command.js';
import { openWarehouse } from '../storage/warehouse/index.js';
import { generateCorpus } from './bench/generate-corpus.js';

const { values: args } = parseArgs({
  options: {
    pages: { type: 'string', default: '60' },
    seed: { type: 'string', default: '4242' },
    dpi: { type: 'string', default: '200,240,300' },
    formats: { type: 'string', default: 'pdf,jpeg,png,tiff' },
    keep: { type: 'boolean', default: false },
  },
});

const work = mkdtempSync(join(tmpdir(), 'sohoa-page-costs-'));
const archive = join(work, 'archive');
generateCorpus(archive, { seed: args.seed, pages: args.pages, dpi: args.dpi, formats: args.formats, quiet: true });

const dataDir = join(work, 'data');
const config = loadConfig({
  ...process.env,
  SOHOA_DATA_DIR: dataDir,
  DATABASE_URL: '',
  REDIS_URL: '',
  S3_ENDPOINT: '',
});
const cpuBefore = process.cpuUsage();
const wallBefore = performance.now();
const report = await runImport(archive, { group: 'file', progressIntervalSeconds: 60 }, config, process.stderr);
const wallSeconds = (performance.now() - wallBefore) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const pages = report.counters.pages;
if (pages === 0) throw new Error('no page was digitized');

function folderBytes(dir: string): { bytes: number; objects: number } {
  let bytes = 0;
  let objects = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else {
        bytes += statSync(full).size;
        objects++;
      }
    }
  };
  walk(dir);
  return { bytes, objects };
}
const objectsDir = join(dataDir, 'objects');
const objects = Object.fromEntries(
  readdirSync(objectsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => [e.name, folderBytes(join(objectsDir, e.name))]),
);

const warehouse = await openWarehouse({ dataDir });
const tables = ['sources', 'source_paths', 'pages', 'components', 'fields', 'runs', 'run_files'];
const rows: Record<string, { rows: number; bytes: number; dataBytes: number }> = {};
for (const table of tables) {
  const result = (await warehouse.db.execute(
    sql.raw(
      `select count(*)::bigint as n, pg_total_relation_size('${table}')::bigint as bytes,
              coalesce(sum(pg_column_size(t.*)), 0)::bigint as data from ${table} t`,
    ),
  )) as unknown as { rows: Array<{ n: string | number; bytes: string | number; data: string | number }> };
  const row = result.rows[0];
  rows[table] = { rows: Number(row?.n ?? 0), bytes: Number(row?.bytes ?? 0), dataBytes: Number(row?.data ?? 0) };
}
await warehouse.close();

const perPage = (n: number) => Math.round((n / pages) * 100) / 100;
const objectBytes = Object.values(objects).reduce((n, o) => n + o.bytes, 0);
const rowCount = Object.values(rows).reduce((n, r) => n + r.rows, 0);
const rowBytes = Object.values(rows).reduce((n, r) => n + r.bytes, 0);
const dataBytes = Object.values(rows).reduce((n, r) => n + r.dataBytes, 0);
const figures = {
  pages,
  files: report.counters.files,
  seed: args.seed,
  dpi: args.dpi,
  formats: args.formats,
  ocrThreads: config.ocrWorkers,
  wallSecondsPerPage: perPage(wallSeconds),
  cpuSecondsPerPage: perPage(cpuSeconds),
  objectBytesPerPage: perPage(objectBytes),
  objectBytesPerPageByKind: Object.fromEntries(Object.entries(objects).map(([k, o]) => [k, perPage(o.bytes)])),
  objectsPerPage: perPage(Object.values(objects).reduce((n, o) => n + o.objects, 0)),
  warehouseRowsPerPage: perPage(rowCount),
  warehouseRowsPerPageByTable: Object.fromEntries(Object.entries(rows).map(([k, r]) => [k, perPage(r.rows)])),
  // Row data as stored (tuple bytes, TOAST-compressed text), without indexes and free space.
  warehouseRowBytesPerPage: perPage(dataBytes),
  warehouseRowBytesPerPageByTable: Object.fromEntries(Object.entries(rows).map(([k, r]) => [k, perPage(r.dataBytes)])),
  // Tables with indexes on disk; small tables carry fixed 8 KiB pages, so at this size it is an upper bound.
  warehouseBytesPerPage: perPage(rowBytes),
  warehouseBytesPerPageByTable: Object.fromEntries(Object.entries(rows).map(([k, r]) => [k, perPage(r.bytes)])),
};
console.log(
  `\n${pages} pages (${report.counters.files} files, seed ${args.seed}, ${args.dpi} dpi, ${args.formats}), ${config.ocrWorkers} OCR threads`,
);
console.log(`CPU ${figures.cpuSecondsPerPage} s/page, wall ${figures.wallSecondsPerPage} s/page`);
console.log(
  `object store ${figures.objectBytesPerPage} bytes/page: ${JSON.stringify(figures.objectBytesPerPageByKind)}`,
);
console.log(
  `warehouse ${figures.warehouseRowsPerPage} rows/page ${JSON.stringify(figures.warehouseRowsPerPageByTable)}, ` +
    `row data ${figures.warehouseRowBytesPerPage} bytes/page ${JSON.stringify(figures.warehouseRowBytesPerPageByTable)}, ` +
    `on disk with indexes ${figures.warehouseBytesPerPage} bytes/page (upper bound for small archives)`,
);
console.log(JSON.stringify(figures));
if (!args.keep) rmSync(work, { recursive: true, force: true });
else console.log(`kept ${work}`);
