// The full intake flow against the real service on loopback: create → upload → processed → correct → reuse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCardPdf } from './id-card-pdf.js';
import { client, type Harness, postgresAvailable, startHarness, waitProcessed } from './service-harness.js';

const APPLICANT = '079203012345';
const pgUp = await postgresAvailable();
if (!pgUp) console.warn('PostgreSQL not answering on 127.0.0.1:5432: the postgres run of the flow test is skipped');

describe.each([
  ['pglite', true],
  ['postgres', pgUp],
] as const)('service flow on %s', (database, available) => {
  let h: Harness;
  let call: ReturnType<typeof client>;
  beforeAll(async () => {
    if (!available) return;
    h = await startHarness(database);
    call = client(h);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it.runIf(available)(
    'creates, digitizes, corrects and offers the corrected value for reuse',
    async () => {
      const created = await call('POST', '/dossiers', {
        role: 'intake',
        json: { procedureCode: '1.000894', applicant: { id: APPLICANT, name: 'Nguyễn Văn An' } },
      });
      expect(created.status).toBe(201);
      const dossier = await created.json();
      // Received Fri 24/04/2026 10:00 (UTC+7); 5 working days skip Giỗ Tổ (27/04) and 30/4–1/5.
      expect(dossier.code).toBe('000.00.00.H49-260424-0001');
      expect(dossier.dueDate).toBe('2026-05-06');
      const second = await (
        await call('POST', '/dossiers', {
          role: 'intake',
          json: { procedureCode: '1.001193', applicant: { id: APPLICANT } },
        })
      ).json();
      expect(second.code).toBe('000.00.00.H49-260424-0002');

      const pdf = await idCardPdf({
        id: APPLICANT,
        name: 'NGUYỄN VĂN AN',
        birthDate: '15/03/2003',
        validUntil: '15/03/2043',
      });
      const form = new FormData();
      form.append('scan', new Blob([pdf], { type: 'application/octet-stream' }), 'cccd.pdf');
      const uploaded = await call('POST', `/dossiers/${dossier.id}/files`, { role: 'intake', body: form });
      expect(uploaded.status).toBe(202);
      const { files } = await uploaded.json();
      expect(files[0].mediaType).toBe('application/pdf');

      const events = await call('GET', `/dossiers/${dossier.id}/events`, { role: 'reader' });
      expect(events.headers.get('content-type')).toContain('text/event-stream');
      const stream = await events.text();
      expect(stream).toContain('event: done');

      const view = await waitProcessed(call, dossier.id);
      expect(view.files[0].status).toBe('done');
      expect(view.files[0].pages).toHaveLength(1);
      const card = view.files[0].components.find((c: { type: string }) => c.type === 'can_cuoc');
      expect(card.fields.so_dinh_danh.value).toBe(APPLICANT);
      expect(view.missing.map((m: { type: string }) => m.type)).toEqual([
        'don_to_khai',
        'xac_nhan_tinh_trang_hon_nhan',
      ]);
      expect(view.findings.some((f: { code: string }) => f.code === 'applicant_id_not_found')).toBe(false);

      const patched = await call('PATCH', `/components/${card.id}/fields/ho_ten`, {
        role: 'reviewer',
        json: { value: 'NGUYỄN VĂN ANH' },
      });
      expect(patched.status).toBe(200);
      const badValue = await call('PATCH', `/components/${card.id}/fields/ngay_sinh`, {
        role: 'reviewer',
        json: { value: '15/03/2003' },
      });
      expect(badValue.status).toBe(422);

      const reuse = await call('GET', `/procedures/1.001193/reuse?subject=${APPLICANT}`, { role: 'intake' });
      expect(reuse.status).toBe(200);
      const plan = await reuse.json();
      const onFile = plan.components.find((c: { type: string }) => c.type === 'can_cuoc');
      expect(onFile.status).toBe('on_file');
      expect(onFile.document.fields.ho_ten.value).toBe('NGUYỄN VĂN ANH');
      expect(onFile.document.fields.ho_ten.state).toBe('confirmed');
      expect(onFile.document.fields.ho_ten.correction.by).toBe('test-reviewer');
      expect(onFile.document.fields.ho_ten.correction.oldValue.value).toBe('NGUYỄN VĂN AN');
      expect(onFile.document.provenance.fileNames).toEqual(['cccd.pdf']);
      expect(plan.components.find((c: { type: string }) => c.type === 'don_to_khai').status).toBe('must_submit');

      // The original streams back byte for byte with its content type; the component's searchable PDF too.
      const original = await call('GET', `/dossiers/${dossier.id}/files/${files[0].id}/original`, { role: 'reader' });
      expect(original.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await original.arrayBuffer()).equals(pdf)).toBe(true);
      const componentPdf = await call('GET', `/components/${card.id}/pdf`, { role: 'reviewer' });
      expect(componentPdf.status).toBe(200);
      expect(componentPdf.headers.get('content-type')).toBe('application/pdf');
      expect(
        Buffer.from(await componentPdf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');

      // A component-level correction: the type changes and is recorded; the review queue no longer lists it.
      const retyped = await call('PATCH', `/components/${card.id}`, { role: 'reviewer', json: { pages: [1, 1] } });
      expect(retyped.status).toBe(200);
      const queue = await (await call('GET', '/review-queue', { role: 'reviewer' })).json();
      expect(queue.items.some((i: { componentId: string }) => i.componentId === card.id)).toBe(false);

      // Reads of personal data are in the audit log, which only admins may query.
      const audit = await call('GET', `/audit?subject=${APPLICANT}`, { role: 'admin' });
      const entries = (await audit.json()).entries as Array<{ endpoint: string; tokenName: string }>;
      expect(entries.map((e) => e.endpoint)).toEqual(
        expect.arrayContaining(['GET /procedures/:code/reuse', 'GET /dossiers/:id', 'GET /components/:id/pdf']),
      );
      expect((await call('GET', '/audit', { role: 'reviewer' })).status).toBe(403);
    },
    180_000,
  );

  it.runIf(available)(
    'reports a person printed with two names across the dossier',
    async () => {
      const dossier = await (
        await call('POST', '/dossiers', {
          role: 'intake',
          json: { procedureCode: '1.004873', applicant: { id: '079203054321' } },
        })
      ).json();
      const form = new FormData();
      for (const [file, name] of [
        ['front.pdf', 'TRẦN THỊ BÌNH'],
        ['copy.pdf', 'LÊ VĂN CƯỜNG'],
      ] as const) {
        const pdf = await idCardPdf({ id: '079203054321', name, birthDate: '01/02/2003', validUntil: '01/02/2043' });
        form.append('scan', new Blob([pdf]), file);
      }
      expect((await call('POST', `/dossiers/${dossier.id}/files`, { role: 'intake', body: form })).status).toBe(202);
      const view = await waitProcessed(call, dossier.id);
      expect(view.files).toHaveLength(2);
      const mismatch = view.findings.find((f: { code: string }) => f.code === 'name-mismatch');
      expect(mismatch?.componentIds).toHaveLength(2);
    },
    120_000,
  );

  it.runIf(available)('answers health, readiness and the OpenAPI document', async () => {
    expect((await call('GET', '/healthz')).status).toBe(200);
    const ready = await call('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect((await ready.json()).checks.map((c: { name: string }) => c.name)).toEqual([
      'database',
      'objectStore',
      'queue',
    ]);
    const doc = await (await call('GET', '/openapi.json', { role: 'reader' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/dossiers', '/dossiers/{id}/files', '/subjects/{id}/documents']),
    );
    expect(doc.paths['/dossiers'].post.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
  });
});
