// Corrections survive re-recognition: a re-run of the same source (as `sohoa recognize` or a retried job does)
// neither overwrites a confirmed field nor undoes a component type or page-range correction. PGlite, no OCR.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComponentResult } from '../../pipeline/page-model.js';
import { corrections, dossierFiles } from '../../schemas/service.schema.js';
import { loadHolidayTable } from '../../service/calendar/holiday-table.js';
import { loadComponentCatalog } from '../../service/component-catalog.js';
import { createDossier } from '../../service/dossiers/create-dossier.js';
import { parseProcedureCatalog } from '../../service/procedures/procedure-catalog.js';
import { correctComponent, correctField, reviewQueue } from '../../service/review/corrections.js';
import { openServiceDatabase, type ServiceDatabase } from '../../service/service-db.js';
import { subjectDocuments } from '../../service/subjects/subject-documents.js';
import { checkSubjectId } from '../../service/subjects/subject-id.js';

const catalog = loadComponentCatalog();
const PROCEDURE = {
  code: 'T',
  codeScope: 'provincial' as const,
  name: 'test',
  field: 'test',
  processingWorkingDays: 1,
  required: ['can_cuoc'],
  optional: [],
};
const SHA = 'a'.repeat(64);
let dir: string;
let database: ServiceDatabase;

function machineRun(): Array<ComponentResult & { pdfKey: string | null }> {
  const field = (value: string, page: number) => ({ value, raw: value, confidence: 0.8, page, bbox: null });
  return [
    {
      type: 'giay_khai_sinh',
      pages: [1, 1],
      confidence: 0.6,
      status: 'needs_review',
      reasons: ['low title confidence'],
      fields: { so_dinh_danh: field('079203012345', 1), ho_ten: field('NGUYEN VAN AN', 1) },
      pdfKey: null,
    },
    {
      type: 'can_cuoc',
      pages: [2, 2],
      confidence: 0.9,
      status: 'accepted',
      reasons: [],
      fields: {
        so_dinh_danh: field('079203012345', 2),
        ho_ten: field('NGUYỄN VĂN AN', 2),
        co_gia_tri_den: field('2020-01-01', 2),
      },
      pdfKey: null,
    },
  ];
}

const complete = (sourceId: string) =>
  database.warehouse.repo.completeSource(sourceId, {
    pageCount: 3,
    pages: [],
    components: machineRun(),
    rulePackVersion: 'test',
    pipelineVersion: 'test',
  });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sohoa-corrections-'));
  database = await openServiceDatabase({ dataDir: dir });
}, 60_000);
afterAll(async () => {
  await database?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('corrections', () => {
  it('keep confirmed fields and component corrections across a re-run', async () => {
    const { id: sourceId } = await database.warehouse.repo.beginSource(
      { sha256: SHA, byteSize: 10, mediaType: 'application/pdf', originalKey: 'k', pipelineVersion: 'test' },
      'test.pdf',
    );
    await complete(sourceId);
    const db = database.db;
    const before = (await database.warehouse.repo.getStoredComponents([sourceId])).get(sourceId)!;
    const birth = before.find((c) => c.type === 'giay_khai_sinh')!;
    expect((await reviewQueue(db, 10)).map((i) => i.componentId)).toEqual([birth.id]);

    // The reviewer says page 1 is really an application form, and fixes the name on the card.
    await correctComponent(db, catalog, { componentId: birth.id, type: 'don_to_khai', by: 'reviewer-1' });
    const card = before.find((c) => c.type === 'can_cuoc')!;
    await correctField(db, catalog, { componentId: card.id, key: 'ho_ten', value: 'NGUYỄN VĂN ANH', by: 'reviewer-1' });
    await expect(
      correctField(db, catalog, { componentId: card.id, key: 'no_such_key', value: 'x', by: 'reviewer-1' }),
    ).rejects.toThrow(/has no field "no_such_key"/);
    await expect(correctComponent(db, catalog, { componentId: card.id, pages: [2, 9], by: 'r' })).rejects.toThrow(
      /last <= 3/,
    );
    const log = await db.select().from(corrections).where(eq(corrections.sourceId, sourceId));
    expect(log.map((c) => [c.kind, c.oldValue, c.newValue, c.correctedBy])).toEqual([
      ['component_type', { type: 'giay_khai_sinh' }, { type: 'don_to_khai' }, 'reviewer-1'],
      ['field', { value: 'NGUYỄN VĂN AN', state: 'machine' }, { value: 'NGUYỄN VĂN ANH' }, 'reviewer-1'],
    ]);

    // The same machine result again: the repository re-applies the correction as it writes.
    await complete(sourceId);
    const after = (await database.warehouse.repo.getStoredComponents([sourceId])).get(sourceId)!;
    expect(after.map((c) => [c.type, c.status])).toEqual([
      ['don_to_khai', 'accepted'],
      ['can_cuoc', 'accepted'],
    ]);
    const cardAfter = after.find((c) => c.type === 'can_cuoc')!;
    expect(cardAfter.fields.ho_ten).toMatchObject({ value: 'NGUYỄN VĂN ANH', state: 'confirmed' });
    expect(await reviewQueue(db, 10)).toEqual([]);

    // Reuse: the card expired on 2020-01-01, so only the application form is offered.
    const docs = await subjectDocuments(db, catalog, '079203012345', '2026-04-24');
    expect(docs.map((d) => d.type)).toEqual(['don_to_khai']);
    const old = await subjectDocuments(db, catalog, '079203012345', '2019-06-01');
    expect(old.map((d) => d.type).sort()).toEqual(['can_cuoc', 'don_to_khai']);
    expect(old.find((d) => d.type === 'can_cuoc')!.fields.ho_ten!.correction!.by).toBe('reviewer-1');
  });
});

describe('review queue', () => {
  it('lists needs_review components of the dossier due soonest first, those of no dossier last', async () => {
    const db = database.db;
    const holidays = loadHolidayTable();
    const procedure = { ...PROCEDURE, processingWorkingDays: 10 };
    const late = await createDossier(db, {
      procedure,
      applicantId: '079203012345',
      agencyCode: 'H49',
      receivedAt: new Date('2026-03-02T02:00:00Z'),
      holidays,
      createdBy: null,
    });
    const soon = await createDossier(db, {
      procedure: { ...procedure, processingWorkingDays: 1 },
      applicantId: '079203012345',
      agencyCode: 'H49',
      receivedAt: new Date('2026-03-02T03:00:00Z'),
      holidays,
      createdBy: null,
    });
    expect([late.code, soon.code]).toEqual(['H49-260302-0001', 'H49-260302-0002']);
    expect([late.dueDate, soon.dueDate]).toEqual(['2026-03-16', '2026-03-03']);
    const shas = ['b', 'c', 'd'].map((ch) => ch.repeat(64));
    for (const [i, sha] of shas.entries()) {
      const { id } = await database.warehouse.repo.beginSource(
        { sha256: sha, byteSize: 1, mediaType: 'application/pdf', originalKey: sha, pipelineVersion: 't' },
        `q${i}.pdf`,
      );
      await database.warehouse.repo.completeSource(id, {
        pageCount: 3,
        pages: [],
        components: machineRun().slice(0, 1),
        rulePackVersion: 't',
        pipelineVersion: 't',
      });
    }
    const file = (dossierId: string, sha256: string) => ({
      dossierId,
      sha256,
      fileName: 'x.pdf',
      byteSize: 1,
      mediaType: 'application/pdf',
    });
    await db.insert(dossierFiles).values([file(late.id, shas[0]!), file(soon.id, shas[1]!)]);
    const queue = await reviewQueue(db, 10);
    expect(queue.map((q) => [q.sourceSha256[0], q.dossierCode])).toEqual([
      ['c', soon.code],
      ['b', late.code],
      ['d', null],
    ]);
  });
});

describe('subjects and procedures', () => {
  it('accepts 12-digit IDs and tax codes with valid check digits only', () => {
    expect(checkSubjectId('079203012345')).toEqual({ ok: true, id: '079203012345', kind: 'citizen' });
    expect(checkSubjectId('0100109106')).toEqual({ ok: true, id: '0100109106', kind: 'organisation' });
    expect(checkSubjectId('0100109106-001')).toEqual({ ok: true, id: '0100109106001', kind: 'organisation' });
    expect(checkSubjectId('0100109107').ok).toBe(false);
    expect(checkSubjectId('999203012345').ok).toBe(false);
    expect(checkSubjectId('12345').ok).toBe(false);
  });

  it('refuses a procedure naming a component type the catalog lacks', () => {
    const procedure = {
      code: 'X',
      codeScope: 'provincial',
      name: 'x',
      field: 'x',
      processingWorkingDays: 1,
      required: ['can_cuoc', 'ho_chieu'],
      optional: [],
    };
    expect(() => parseProcedureCatalog({ procedures: [procedure] }, catalog.codes)).toThrow(/"ho_chieu"/);
  });
});
