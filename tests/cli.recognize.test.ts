import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../cli/config.js';
import { runDigitize } from '../cli/digitize-command.js';
import { runRecognize, SelectionError } from '../cli/recognize-command.js';
import { objectKeys } from '../pipeline/object-keys.js';
import { openWarehouse } from '../storage/warehouse/index.js';

// The born-digital sample invoice is read from its text layer (no OCR), which keeps this test fast.
const INVOICE = join(import.meta.dirname, '..', 'samples', 'invoice-004-born-digital.pdf');

describe('sohoa recognize (re-recognition from stored OCR)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sohoa-recognize-'));
  const config = loadConfig({ ...process.env, SOHOA_DATA_DIR: dataDir });
  let sha256 = '';

  beforeAll(async () => {
    const out = await runDigitize([INVOICE], config, process.stderr);
    const source = out.sources[0]!;
    expect(source.status).toBe('done');
    sha256 = source.sha256 as string;
  }, 10 * 60_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const invoiceFields = async () => {
    const warehouse = await openWarehouse({ dataDir });
    try {
      const [source] = await warehouse.repo.listSources({ shas: [sha256] });
      const components = await warehouse.repo.getComponentResults(source!.id);
      return { id: source!.id, fields: components.find((c) => c.type === 'hoa_don_dien_tu')!.fields };
    } finally {
      await warehouse.close();
    }
  };

  it('refuses to run without a selection', async () => {
    await expect(runRecognize({}, config)).rejects.toBeInstanceOf(SelectionError);
  });

  it('finds nothing to change when neither rules nor OCR changed', async () => {
    const report = await runRecognize({ all: true, dryRun: true }, config);
    expect(report.sources).toBe(1);
    expect(report.pages).toBe(1);
    expect(report.changedSources).toBe(0);
  });

  it('applies changed OCR text, reports the diff, keeps confirmed values, and a dry run writes nothing', async () => {
    const before = await invoiceFields();
    const warehouse = await openWarehouse({ dataDir });
    try {
      await warehouse.repo.confirmField(
        before.id,
        { type: 'hoa_don_dien_tu', firstPage: 1, key: 'ten_nguoi_mua' },
        'NGƯỜI MUA ĐÃ SỬA',
      );
    } finally {
      await warehouse.close();
    }
    // Stored OCR as a later, different reading of the page: another invoice number and another buyer.
    const ocrPath = join(dataDir, 'objects', objectKeys.pageOcr(sha256, 1));
    const stored = readFileSync(ocrPath, 'utf8');
    const number = before.fields.so_hoa_don!.value;
    const buyer = readFileSync(ocrPath, 'utf8').includes('Hoàng Ngọc Phúc') ? 'Hoàng Ngọc Phúc' : null;
    expect(buyer).not.toBeNull();
    writeFileSync(ocrPath, stored.replaceAll(number, '00012345').replaceAll(buyer as string, 'Trần Văn Bình'));

    const dry = await runRecognize({ all: true, dryRun: true }, config);
    expect(dry.changedSources).toBe(1);
    expect(dry.changes[0]!.fields).toContainEqual(
      expect.objectContaining({ key: 'so_hoa_don', from: number, to: '00012345' }),
    );
    expect((await invoiceFields()).fields.so_hoa_don!.value).toBe(number);

    const applied = await runRecognize({ all: true }, config);
    expect(applied.changedSources).toBe(1);
    const after = await invoiceFields();
    expect(after.fields.so_hoa_don!.value).toBe('00012345');
    expect(after.fields.ten_nguoi_mua!.value).toBe('NGƯỜI MUA ĐÃ SỬA');

    const stale = await runRecognize({ stale: true, dryRun: true }, config);
    expect(stale.sources).toBe(0);
  });
});
