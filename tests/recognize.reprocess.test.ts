// Re-processing never overwrites human work: confirmed field values and component type corrections made through the
// review service survive `sohoa recognize` (recognition only), the finish stage a worker runs, and OCR re-runs, on
// PGlite and on PostgreSQL. Also the selection filters against a real warehouse. The born-digital sample invoice is
// read from its text layer (no OCR), which keeps this fast.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Config, loadConfig } from '../cli/config.js';
import { runDigitize } from '../cli/digitize-command.js';
import { runRecognize, SelectionError } from '../cli/recognize-command.js';
import { openRuntime, stageDepsOf } from '../cli/runtime.js';
import { objectKeys } from '../pipeline/object-keys.js';
import { finishSource } from '../pipeline/source-stages.js';
import { components, sources } from '../schemas/warehouse.schema.js';
import { loadComponentCatalog } from '../service/component-catalog.js';
import { correctComponent, correctField } from '../service/review/corrections.js';
import { openServiceDatabase } from '../service/service-db.js';
import { createTestDatabase, postgresUnavailable } from './support/postgres.js';
import { runCli } from './support/run-cli.js';

const INVOICE = join(import.meta.dirname, '..', 'samples', 'invoice-004-born-digital.pdf');
const CORRECTED_BUYER = 'NGƯỜI MUA ĐÃ SỬA';
const pgDown = await postgresUnavailable();
/** A day in Vietnam time (UTC+7), as the date filters read it. */
const day = (offsetDays: number) =>
  new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

function describeReprocessing(name: string, database: () => Promise<{ url?: string; drop(): Promise<void> }>) {
  describe(`re-processing keeps human work (${name})`, () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sohoa-reprocess-'));
    let config: Config;
    let dropDatabase = async () => {};
    let databaseUrl: string | undefined;
    let sha256 = '';
    let sourceId = '';

    const stored = async () => {
      const service = await openServiceDatabase({ dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
      try {
        const list = await service.warehouse.repo.getComponentResults(sourceId);
        expect(list).toHaveLength(1);
        return list[0]!;
      } finally {
        await service.close();
      }
    };

    beforeAll(async () => {
      const db = await database();
      databaseUrl = db.url;
      dropDatabase = db.drop;
      config = loadConfig({
        ...process.env,
        SOHOA_DATA_DIR: dataDir,
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: undefined }),
      });
      const out = await runDigitize([INVOICE], config, process.stderr);
      expect(out.sources[0]!.status).toBe('done');
      sha256 = out.sources[0]!.sha256 as string;
      // A reviewer, through the service: the document is a fee receipt, and the buyer's name is fixed.
      const service = await openServiceDatabase({ dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
      try {
        const [row] = await service.db
          .select({ id: components.id, sourceId: components.sourceId })
          .from(components)
          .innerJoin(sources, eq(sources.id, components.sourceId))
          .where(eq(sources.sha256, sha256));
        sourceId = row!.sourceId;
        const catalog = loadComponentCatalog();
        await correctField(service.db, catalog, {
          componentId: row!.id,
          key: 'ten_nguoi_mua',
          value: CORRECTED_BUYER,
          by: 'reviewer',
        });
        await correctComponent(service.db, catalog, { componentId: row!.id, type: 'bien_lai_thu_phi', by: 'reviewer' });
      } finally {
        await service.close();
      }
    }, 10 * 60_000);
    afterAll(async () => {
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('recognition only: new machine values land, the correction and the confirmed value stay', async () => {
      const before = await stored();
      expect(before.type).toBe('bien_lai_thu_phi');
      const number = before.fields.so_hoa_don!.value;
      // A later reading of the page: another invoice number and another buyer.
      const ocrPath = join(dataDir, 'objects', objectKeys.pageOcr(sha256, 1));
      const text = readFileSync(ocrPath, 'utf8');
      expect(text).toContain('Hoàng Ngọc Phúc');
      writeFileSync(ocrPath, text.replaceAll(number, '00012345').replaceAll('Hoàng Ngọc Phúc', 'Trần Văn Bình'));

      const dry = await runRecognize({ all: true, dryRun: true }, config);
      expect(dry.changedSources).toBe(1);
      const diff = dry.changes[0]!;
      expect(diff.retyped).toEqual([]);
      expect(diff.fields.map((f) => [f.key, f.from, f.to])).toContainEqual(['so_hoa_don', number, '00012345']);
      expect(diff.fields.map((f) => f.key)).not.toContain('ten_nguoi_mua');
      expect((await stored()).fields.so_hoa_don!.value).toBe(number);

      expect((await runRecognize({ all: true }, config)).changedSources).toBe(1);
      const after = await stored();
      expect(after).toMatchObject({ type: 'bien_lai_thu_phi', status: 'accepted', pages: [1, 1] });
      expect(after.fields.so_hoa_don!.value).toBe('00012345');
      expect(after.fields.ten_nguoi_mua!.value).toBe(CORRECTED_BUYER);
      // What is stored is what the rules and the corrections give: a repeat writes nothing.
      expect((await runRecognize({ all: true }, config)).changedSources).toBe(0);
    });

    it('the finish stage (as a worker runs it) and an OCR re-run keep them too', async () => {
      const runtime = await openRuntime(config);
      try {
        const result = await finishSource({ sha256, sourceId, pageCount: 1 }, stageDepsOf(runtime));
        expect(result.components.map((c) => [c.type, c.status])).toEqual([['bien_lai_thu_phi', 'accepted']]);
        expect(result.components[0]!.fields.ten_nguoi_mua!.value).toBe(CORRECTED_BUYER);
      } finally {
        await runtime.close();
      }
      // Reading the pages again restores the original text (the text layer), the human work stays.
      const ocr = await runRecognize({ sha: [sha256], ocr: true }, config);
      expect(ocr.failed).toEqual([]);
      expect(ocr.sources).toBe(1);
      const after = await stored();
      expect(after.type).toBe('bien_lai_thu_phi');
      expect(after.fields.so_hoa_don!.value).not.toBe('00012345');
      expect(after.fields.ten_nguoi_mua!.value).toBe(CORRECTED_BUYER);
    });

    it('selects by type, rule-pack version, OCR model and dates', async () => {
      const count = async (selection: Parameters<typeof runRecognize>[0]) =>
        (await runRecognize({ ...selection, dryRun: true }, config)).sources;
      const running = (await runRecognize({ all: true, dryRun: true }, config)).rulePackVersion;
      expect(await count({ type: 'bien_lai_thu_phi' })).toBe(1);
      expect(await count({ type: 'can_cuoc' })).toBe(0);
      expect(await count({ rulePack: running })).toBe(1);
      expect(await count({ rulePackBefore: running })).toBe(0);
      expect(await count({ rulePackBefore: `${running}.1` })).toBe(1);
      expect(await count({ stale: true })).toBe(0);
      expect(await count({ ocrModel: 'no-such-model' })).toBe(0);
      expect(await count({ since: day(1) })).toBe(0);
      expect(await count({ since: day(-1), until: day(0) })).toBe(1);
      expect(await count({ until: day(-1) })).toBe(0);
      expect(await count({ since: day(0), dateOf: 'processed' })).toBe(1);
      await expect(runRecognize({}, config)).rejects.toBeInstanceOf(SelectionError);
      await expect(runRecognize({ all: true, ocr: true, dryRun: true }, config)).rejects.toBeInstanceOf(SelectionError);
      await expect(runRecognize({ since: '2026-02-30' }, config)).rejects.toThrow(/--since 2026-02-30/);
    });

    it('takes the selection from the command line', async () => {
      const env = { SOHOA_DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
      const args = ['--type', 'bien_lai_thu_phi', '--since', day(0), '--date-of', 'processed', '--dry-run', '--json'];
      const ok = await runCli(['recognize', ...args], env);
      expect(ok.code, ok.stderr).toBe(0);
      expect(JSON.parse(ok.stdout)).toMatchObject({ dryRun: true, sources: 1, changedSources: 0 });
      const bad = await runCli(['recognize', '--until', 'yesterday'], env);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--until yesterday: expected a date/);
    });
  });
}

describeReprocessing('PGlite', async () => ({ drop: async () => {} }));
describe.skipIf(pgDown !== null)('PostgreSQL', () => {
  describeReprocessing('PostgreSQL', () => createTestDatabase('sohoa_reprocess'));
});
