import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComponentResult } from '../../pipeline/page-model.js';
import type { Warehouse } from './open-warehouse.js';
import type { CompleteSourceInput, PageRecordInput, SourceRecordInput } from './warehouse.repository.js';
import { KEPT_FOR_CONFIRMED_REASON } from './warehouse.repository.js';

/** Opens the same database as many times as asked (after the previous handle closed); dispose removes it. */
export interface WarehouseHarness {
  open(): Promise<Warehouse>;
  dispose(): Promise<void>;
}

// Unique per call, so tests sharing one database never collide.
const freshSha = () => createHash('sha256').update(randomUUID()).digest('hex');

const sourceInput = (sha256: string): SourceRecordInput => ({
  sha256,
  byteSize: 123_456,
  mediaType: 'application/pdf',
  originalKey: `originals/${sha256.slice(0, 2)}/${sha256}`,
  pipelineVersion: 'p-1',
});

const page = (number: number, text = `trang ${number}`): PageRecordInput => ({
  number,
  rotation: 0,
  textSource: 'ocr',
  confidence: 0.9,
  text,
  width: 2480,
  height: 3508,
  dpi: 300,
  skewDegrees: 0.4,
  imageKey: `pages/x/${number}.png`,
  ocrKey: `ocr/x/${number}.json`,
  ocrEngine: 'tesseract.js 7',
  ocrModel: 'vie best_int',
});

function component(
  type: string,
  pages: [number, number],
  fieldValues: Record<string, string>,
  status: ComponentResult['status'] = 'accepted',
): ComponentResult & { pdfKey: string | null } {
  const fields: ComponentResult['fields'] = {};
  for (const [key, value] of Object.entries(fieldValues)) {
    fields[key] = { value, raw: value, confidence: 0.8, page: pages[0], bbox: { x0: 1, y0: 2, x1: 30, y1: 40 } };
  }
  return {
    type,
    pages,
    confidence: 0.75,
    status,
    reasons: status === 'needs_review' ? ['thiếu trường bắt buộc'] : [],
    fields,
    pdfKey: `components/${type}-${pages[0]}.pdf`,
  };
}

const result = (
  pages: PageRecordInput[],
  components: Array<ComponentResult & { pdfKey: string | null }>,
): CompleteSourceInput => ({
  pageCount: pages.length,
  pages,
  components,
  rulePackVersion: 'r-1',
  pipelineVersion: 'p-1',
});

export function describeWarehouseContract(name: string, factory: () => Promise<WarehouseHarness>): void {
  describe(`warehouse contract: ${name}`, () => {
    let harness: WarehouseHarness;
    let wh: Warehouse;

    beforeAll(async () => {
      harness = await factory();
      wh = await harness.open();
    });
    afterAll(async () => {
      await wh?.close();
      await harness?.dispose();
    });

    const begin = async (sha = freshSha(), path = 'in/a.pdf') => (await wh.repo.beginSource(sourceInput(sha), path)).id;

    it('reopening migrates again as a no-op and keeps the data', async () => {
      const sha = freshSha();
      const id = await begin(sha);
      const before = await wh.repo.countRows();
      await wh.close();
      wh = await harness.open();
      expect(await wh.repo.countRows()).toEqual(before);
      expect(await wh.repo.findSourceBySha(sha)).toEqual({ id, status: 'processing', error: null });
    });

    it('beginSource is idempotent and records each path once', async () => {
      const sha = freshSha();
      const before = await wh.repo.countRows();
      const first = await wh.repo.beginSource(sourceInput(sha), 'in/a.pdf');
      const again = await wh.repo.beginSource(sourceInput(sha), 'in/a.pdf');
      const renamed = await wh.repo.beginSource(sourceInput(sha), 'in/copy of a.pdf');
      await wh.repo.recordPath(first.id, 'in/copy of a.pdf');
      expect(first).toEqual({ id: first.id, created: true, status: 'processing' });
      expect(again).toEqual({ id: first.id, created: false, status: 'processing' });
      expect(renamed).toEqual({ id: first.id, created: false, status: 'processing' });
      const after = await wh.repo.countRows();
      expect(after.sources - before.sources).toBe(1);
      expect(after.source_paths - before.source_paths).toBe(2);
      expect(await wh.repo.findSourceBySha(freshSha())).toBeNull();
      await expect(wh.repo.beginSource(sourceInput('ABC'), 'x')).rejects.toThrow(/sha256/);
    });

    it('concurrent beginSource for the same bytes yields one row', async () => {
      const sha = freshSha();
      const before = await wh.repo.countRows();
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => wh.repo.beginSource(sourceInput(sha), `in/${i}.pdf`)),
      );
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      const after = await wh.repo.countRows();
      expect(after.sources - before.sources).toBe(1);
      expect(after.source_paths - before.source_paths).toBe(6);
    });

    it('getSourceResult returns the CLI shape ordered by page and first page', async () => {
      const sha = freshSha();
      const id = await begin(sha);
      expect(await wh.repo.getSourceResult(id)).toEqual({
        sha256: sha,
        pageCount: null,
        status: 'processing',
        pages: [],
        components: [],
      });
      await wh.repo.completeSource(
        id,
        result(
          [page(3), page(1), page(2)],
          [
            component('giay_khai_sinh', [3, 3], { so: '123/2020', ho_ten: 'Lê Thị B' }, 'needs_review'),
            component('don_de_nghi', [1, 2], { ho_ten: 'Trần Văn A' }),
          ],
        ),
      );
      const got = await wh.repo.getSourceResult(id);
      expect(got).toEqual({
        sha256: sha,
        pageCount: 3,
        status: 'done',
        pages: [1, 2, 3].map((n) => ({
          number: n,
          rotation: 0,
          textSource: 'ocr',
          confidence: 0.9,
          text: `trang ${n}`,
        })),
        components: [
          {
            type: 'don_de_nghi',
            pages: [1, 2],
            confidence: 0.75,
            status: 'accepted',
            reasons: [],
            fields: { ho_ten: { value: 'Trần Văn A', confidence: 0.8, page: 1 } },
          },
          {
            type: 'giay_khai_sinh',
            pages: [3, 3],
            confidence: 0.75,
            status: 'needs_review',
            reasons: ['thiếu trường bắt buộc'],
            fields: {
              ho_ten: { value: 'Lê Thị B', confidence: 0.8, page: 3 },
              so: { value: '123/2020', confidence: 0.8, page: 3 },
            },
          },
        ],
      });
      expect('error' in got).toBe(false);
      expect((await wh.repo.findSourceBySha(sha))?.status).toBe('done');
      // Submitted again: the same row, reported done, its new path recorded.
      expect(await wh.repo.beginSource(sourceInput(sha), 'in/again.pdf')).toMatchObject({
        created: false,
        status: 'done',
      });
      await expect(wh.repo.getSourceResult(randomUUID())).rejects.toThrow(/no source/);
    });

    it('completeSource replaces pages, components and fields without duplicates', async () => {
      const id = await begin();
      const full = result(
        [page(1), page(2), page(3)],
        [component('a', [1, 1], { x: '1', y: '2' }), component('b', [2, 3], { z: '3' })],
      );
      const before = await wh.repo.countRows();
      await wh.repo.completeSource(id, full);
      const once = await wh.repo.countRows();
      expect(once.pages - before.pages).toBe(3);
      expect(once.components - before.components).toBe(2);
      expect(once.fields - before.fields).toBe(3);
      await wh.repo.completeSource(id, full);
      expect(await wh.repo.countRows()).toEqual(once);

      await wh.repo.completeSource(id, result([page(1, 'mới')], [component('a', [1, 1], { x: '9' })]));
      const smaller = await wh.repo.countRows();
      expect(once.pages - smaller.pages).toBe(2);
      expect(once.components - smaller.components).toBe(1);
      expect(once.fields - smaller.fields).toBe(2);
      const got = await wh.repo.getSourceResult(id);
      expect(got.pageCount).toBe(1);
      expect(got.pages.map((p) => p.text)).toEqual(['mới']);
      expect(got.components).toEqual([
        {
          type: 'a',
          pages: [1, 1],
          confidence: 0.75,
          status: 'accepted',
          reasons: [],
          fields: { x: { value: '9', confidence: 0.8, page: 1 } },
        },
      ]);
      await expect(wh.repo.completeSource(randomUUID(), full)).rejects.toThrow(/unknown source/);
    });

    it('a failed completeSource leaves the previous result intact (one transaction)', async () => {
      const id = await begin();
      await wh.repo.completeSource(id, result([page(1)], [component('a', [1, 1], { x: '1' })]));
      const before = await wh.repo.getSourceResult(id);
      // Page 0 breaks a check constraint after the old pages were already deleted inside the transaction.
      await expect(wh.repo.completeSource(id, result([page(2), page(0)], []))).rejects.toThrow();
      expect(await wh.repo.getSourceResult(id)).toEqual(before);
    });

    it('confirmed fields survive re-runs, move with their component, and keep a vanished component', async () => {
      const id = await begin();
      await wh.repo.completeSource(
        id,
        result([page(1), page(2)], [component('a', [1, 1], { so: '0O1' }), component('b', [2, 2], { ten: 'Ha' })]),
      );
      await wh.repo.confirmField(id, { type: 'a', firstPage: 1, key: 'so' }, '001');
      await wh.repo.confirmField(id, { type: 'b', firstPage: 2, key: 'ten' }, 'Hà');
      await wh.repo.confirmField(id, { type: 'b', firstPage: 2, key: 'ngay' }, '2020-01-02');
      await expect(wh.repo.confirmField(id, { type: 'zz', firstPage: 1, key: 'so' }, '1')).rejects.toThrow(
        /no component/,
      );

      // Same components: machine values must not overwrite confirmed ones.
      await wh.repo.completeSource(
        id,
        result([page(1), page(2)], [component('a', [1, 1], { so: '0O1', khac: 'k' }), component('b', [2, 2], {})]),
      );
      let got = await wh.repo.getSourceResult(id);
      expect(got.components[0]?.fields).toEqual({
        khac: { value: 'k', confidence: 0.8, page: 1 },
        so: { value: '001', confidence: 1, page: 1 },
      });
      expect(Object.keys(got.components[1]?.fields ?? {})).toEqual(['ngay', 'ten']);

      // 'a' grows to pages 1-2 (its confirmed field moves); 'b' disappears with no home (kept, needs review).
      await wh.repo.completeSource(id, result([page(1), page(2)], [component('a', [1, 2], { so: '0O1' })]));
      got = await wh.repo.getSourceResult(id);
      expect(got.components.map((c) => [c.type, c.pages, c.status])).toEqual([
        ['a', [1, 2], 'accepted'],
        ['b', [2, 2], 'needs_review'],
      ]);
      expect(got.components[0]?.fields.so?.value).toBe('001');
      expect(got.components[1]?.fields).toEqual({
        ngay: { value: '2020-01-02', confidence: 1, page: 2 },
        ten: { value: 'Hà', confidence: 1, page: 2 },
      });
      const rowsBefore = await wh.repo.countRows();
      await wh.repo.completeSource(id, result([page(1), page(2)], [component('a', [1, 2], { so: '0O1' })]));
      expect(await wh.repo.countRows()).toEqual(rowsBefore);
      expect(KEPT_FOR_CONFIRMED_REASON).toMatch(/confirmed/);
    });

    it('stores Vietnamese text as NFC and returns it unchanged', async () => {
      const id = await begin();
      const nfc = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHọ và tên: Nguyễn Thị Ánh Tuyết';
      const nfd = nfc.normalize('NFD');
      expect(nfd).not.toBe(nfc);
      await wh.repo.completeSource(
        id,
        result(
          [page(1, nfc), page(2, nfd)],
          [component('to_khai', [1, 2], { ho_ten: 'Nguyễn Thị Ánh Tuyết'.normalize('NFD') })],
        ),
      );
      const got = await wh.repo.getSourceResult(id);
      expect(got.pages.map((p) => p.text)).toEqual([nfc, nfc]);
      expect(got.components[0]?.fields.ho_ten?.value).toBe('Nguyễn Thị Ánh Tuyết'.normalize('NFC'));
      await wh.repo.recordPath(id, 'hồ sơ/Giấy khai sinh.pdf');
    });

    it('failSource records the error and a later completeSource clears it', async () => {
      const sha = freshSha();
      const id = await begin(sha);
      await wh.repo.failSource(id, 'pdf: encrypted', 4);
      await wh.repo.failSource(id, 'pdf: encrypted again', null);
      expect(await wh.repo.findSourceBySha(sha)).toEqual({ id, status: 'failed', error: 'pdf: encrypted again' });
      const failed = await wh.repo.getSourceResult(id);
      expect(failed).toMatchObject({ status: 'failed', error: 'pdf: encrypted again', pageCount: 4 });
      await wh.repo.completeSource(id, result([page(1)], []));
      const done = await wh.repo.getSourceResult(id);
      expect(done.status).toBe('done');
      expect('error' in done).toBe(false);
      await expect(wh.repo.failSource(randomUUID(), 'x', null)).rejects.toThrow(/unknown source/);
    });

    it('replaceComponents re-types components, keeps pages and confirmed fields, records the rule version', async () => {
      const id = await begin();
      await wh.repo.completeSource(id, result([page(1), page(2)], [component('a', [1, 2], { x: '1', y: '2' })]));
      await wh.repo.confirmField(id, { type: 'a', firstPage: 1, key: 'x' }, 'đúng');
      const before = await wh.repo.countRows();
      await wh.repo.replaceComponents(id, {
        components: [component('a', [1, 1], { x: 'máy', y: '3' }), component('b', [2, 2], { z: '4' }, 'needs_review')],
        rulePackVersion: 'r-2',
        pipelineVersion: 'p-1',
      });
      const got = await wh.repo.getSourceResult(id);
      expect(got.pages.map((p) => p.number)).toEqual([1, 2]);
      expect(got.components.map((c) => [c.type, c.pages, c.status])).toEqual([
        ['a', [1, 1], 'accepted'],
        ['b', [2, 2], 'needs_review'],
      ]);
      expect(got.components[0]?.fields.x?.value).toBe('đúng');
      expect(got.components[0]?.fields.y?.value).toBe('3');
      expect(got.components[1]?.reasons).toEqual(['thiếu trường bắt buộc']);
      const after = await wh.repo.countRows();
      expect(after.pages).toBe(before.pages);
      expect(after.components - before.components).toBe(1);
      const stale = await wh.repo.listSources({ status: 'done', notRulePackVersion: 'r-2', limit: 10_000 });
      expect(stale.some((s) => s.id === id)).toBe(false);
      const fresh = await wh.repo.listSources({ status: 'done', notRulePackVersion: 'r-9', limit: 10_000 });
      expect(fresh.some((s) => s.id === id)).toBe(true);
      await expect(
        wh.repo.replaceComponents(randomUUID(), { components: [], rulePackVersion: 'r', pipelineVersion: 'p' }),
      ).rejects.toThrow(/unknown source/);
    });

    it('listSources filters and pages by id; getPageRefs locates stored OCR', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const id = await begin();
        await wh.repo.completeSource(id, result([page(1)], [component(i === 1 ? 'rare_type' : 'a', [1, 1], {})]));
        ids.push(id);
      }
      const rare = await wh.repo.listSources({ componentType: 'rare_type', limit: 10_000 });
      expect(rare.map((s) => s.id)).toEqual([ids[1]]);
      const all = await wh.repo.listSources({ status: 'done', limit: 10_000 });
      const sorted = [...all.map((s) => s.id)].sort();
      expect(all.map((s) => s.id)).toEqual(sorted);
      const firstPage = await wh.repo.listSources({ status: 'done', limit: 1 });
      const next = await wh.repo.listSources({ status: 'done', limit: 1, afterId: firstPage[0]!.id });
      expect(next[0]!.id > firstPage[0]!.id).toBe(true);
      const bySha = await wh.repo.listSources({ shas: [all[0]!.sha256] });
      expect(bySha).toHaveLength(1);
      expect(await wh.repo.getPageRefs(ids[0]!)).toEqual([
        { number: 1, textSource: 'ocr', ocrKey: 'ocr/x/1.json', imageKey: 'pages/x/1.png', dpi: 300 },
      ]);
    });

    it('countRows reports every table', async () => {
      const before = await wh.repo.countRows();
      expect(Object.keys(before).sort()).toEqual(['components', 'fields', 'pages', 'source_paths', 'sources']);
      const id = await begin();
      await wh.repo.completeSource(id, result([page(1), page(2)], [component('a', [1, 2], { x: '1', y: '2' })]));
      const after = await wh.repo.countRows();
      expect({
        sources: after.sources - before.sources,
        source_paths: after.source_paths - before.source_paths,
        pages: after.pages - before.pages,
        components: after.components - before.components,
        fields: after.fields - before.fields,
      }).toEqual({ sources: 1, source_paths: 1, pages: 2, components: 1, fields: 2 });
    });
  });
}
