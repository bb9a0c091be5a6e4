// Authorization matrix (every role × every endpoint, missing and wrong tokens) and bad input: malformed JSON,
// unknown fields, oversized and mis-typed uploads, rate limits. PGlite; no OCR.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceRole } from '../../schemas/service.schema.js';
import { client, type Harness, startHarness } from './service-harness.js';

const ROLES: ServiceRole[] = ['intake', 'reviewer', 'reader', 'admin'];
const NO_ID = '00000000-0000-4000-8000-000000000000';
const APPLICANT = '001203012345';

let h: Harness;
let call: ReturnType<typeof client>;
let dossierId: string;

beforeAll(async () => {
  h = await startHarness('pglite', { maxFileBytes: 100_000, maxRequestBytes: 150_000 });
  call = client(h);
  const res = await call('POST', '/dossiers', {
    role: 'intake',
    json: { procedureCode: '1.001193', applicant: { id: APPLICANT } },
  });
  dossierId = (await res.json()).id;
}, 60_000);
afterAll(async () => {
  await h?.close();
});

interface Endpoint {
  method: string;
  path: () => string;
  json?: unknown;
  allowed: ServiceRole[];
}

const ENDPOINTS: Endpoint[] = [
  { method: 'GET', path: () => '/procedures', allowed: ROLES },
  { method: 'GET', path: () => '/openapi.json', allowed: ROLES },
  {
    method: 'POST',
    path: () => '/dossiers',
    json: { procedureCode: '1.001193', applicant: { id: APPLICANT } },
    allowed: ['intake', 'admin'],
  },
  { method: 'GET', path: () => `/dossiers/${dossierId}`, allowed: ROLES },
  { method: 'POST', path: () => `/dossiers/${dossierId}/files`, allowed: ['intake', 'admin'] },
  { method: 'GET', path: () => `/dossiers/${NO_ID}/events`, allowed: ROLES },
  { method: 'GET', path: () => `/dossiers/${dossierId}/files/${NO_ID}/original`, allowed: ROLES },
  { method: 'GET', path: () => `/dossiers/${dossierId}/files/${NO_ID}/pages/1/image`, allowed: ROLES },
  { method: 'GET', path: () => `/components/${NO_ID}/pdf`, allowed: ROLES },
  { method: 'PATCH', path: () => `/components/${NO_ID}`, json: { type: 'can_cuoc' }, allowed: ['reviewer', 'admin'] },
  {
    method: 'PATCH',
    path: () => `/components/${NO_ID}/fields/ho_ten`,
    json: { value: 'X' },
    allowed: ['reviewer', 'admin'],
  },
  { method: 'GET', path: () => '/review-queue', allowed: ['reviewer', 'reader', 'admin'] },
  { method: 'GET', path: () => `/subjects/${APPLICANT}/documents`, allowed: ROLES },
  { method: 'GET', path: () => `/procedures/1.001193/reuse?subject=${APPLICANT}`, allowed: ROLES },
  { method: 'GET', path: () => '/audit', allowed: ['admin'] },
];

describe('authorization matrix', () => {
  for (const e of ENDPOINTS) {
    it(`${e.method} ${e.path.toString().replace(/^\(\) => /, '')}`, async () => {
      for (const role of ROLES) {
        const res = await call(e.method, e.path(), { role, ...(e.json !== undefined ? { json: e.json } : {}) });
        if (e.allowed.includes(role)) expect([401, 403], `${role} should pass`).not.toContain(res.status);
        else {
          expect(res.status, `${role} should be refused`).toBe(403);
          expect(res.headers.get('content-type')).toContain('application/problem+json');
        }
      }
      const none = await call(e.method, e.path(), e.json !== undefined ? { json: e.json } : {});
      expect(none.status).toBe(401);
      const wrong = await call(e.method, e.path(), { auth: 'Bearer sohoa_not-a-real-token' });
      expect(wrong.status).toBe(401);
      expect((await wrong.json()).detail).toMatch(/unknown or revoked/);
    });
  }

  it('leaves health endpoints open', async () => {
    expect((await call('GET', '/healthz')).status).toBe(200);
    expect((await call('GET', '/readyz')).status).toBe(200);
  });

  it('refuses a reader writing, naming the role and the permission', async () => {
    const res = await call('POST', '/dossiers', {
      role: 'reader',
      json: { procedureCode: '1.001193', applicant: { id: APPLICANT } },
    });
    expect(res.status).toBe(403);
    expect((await res.json()).detail).toBe('role reader may not dossier:create');
  });
});

describe('bad input', () => {
  it('answers malformed JSON with a problem', async () => {
    const res = await call('POST', '/dossiers', {
      role: 'intake',
      body: '{"procedureCode": "1.001193",',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await res.json()).detail).toMatch(/JSON/i);
  });

  it('refuses unknown fields, naming them', async () => {
    const res = await call('POST', '/dossiers', {
      role: 'intake',
      json: { procedureCode: '1.001193', applicant: { id: APPLICANT }, priority: 'high' },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).detail).toContain('"priority"');
  });

  it('validates the applicant ID and the procedure', async () => {
    const badId = await call('POST', '/dossiers', {
      role: 'intake',
      json: { procedureCode: '1.001193', applicant: { id: '12345' } },
    });
    expect(badId.status).toBe(422);
    expect((await badId.json()).detail).toMatch(/applicant\.id/);
    const badProvince = await call('POST', '/dossiers', {
      role: 'intake',
      json: { procedureCode: '1.001193', applicant: { id: '999203012345' } },
    });
    expect((await badProvince.json()).detail).toMatch(/unknown province code 999/);
    const badProc = await call('POST', '/dossiers', {
      role: 'intake',
      json: { procedureCode: '9.999999', applicant: { id: APPLICANT } },
    });
    expect(badProc.status).toBe(422);
  });

  it('refuses a file over the per-file limit and a request over the per-request limit', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(120_000, 0x20)]);
    const form = new FormData();
    form.append('scan', new Blob([big]), 'big.pdf');
    const res = await call('POST', `/dossiers/${dossierId}/files`, { role: 'intake', body: form });
    expect(res.status).toBe(413);
    expect((await res.json()).detail).toMatch(/per-file limit of 100000 bytes/);

    const part = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(90_000, 0x20)]);
    const two = new FormData();
    two.append('a', new Blob([part]), 'a.pdf');
    two.append('b', new Blob([part]), 'b.pdf');
    const res2 = await call('POST', `/dossiers/${dossierId}/files`, { role: 'intake', body: two });
    expect(res2.status).toBe(413);
    expect((await res2.json()).detail).toMatch(/per-request limit/);
    // Nothing of a refused request is kept.
    const view = await (await call('GET', `/dossiers/${dossierId}`, { role: 'reader' })).json();
    expect(view.files).toEqual([]);
  });

  it('refuses more files in one request than the limit, keeping none of them', async () => {
    const form = new FormData();
    for (let i = 0; i < 21; i++) form.append('scan', new Blob([Buffer.from(`%PDF-1.7\n%${i}\n%%EOF\n`)]), `s${i}.pdf`);
    const res = await call('POST', `/dossiers/${dossierId}/files`, { role: 'intake', body: form });
    expect(res.status).toBe(413);
    expect((await res.json()).detail).toMatch(/more than 20 files in one request \(SOHOA_UPLOAD_MAX_FILES\)/);
    const view = await (await call('GET', `/dossiers/${dossierId}`, { role: 'reader' })).json();
    expect(view.files.some((f: { fileName: string }) => f.fileName === 's0.pdf')).toBe(false);
  });

  it('refuses unknown and mis-typed properties of corrections', async () => {
    const extra = await call('PATCH', `/components/${NO_ID}/fields/ho_ten`, {
      role: 'reviewer',
      json: { value: 'X', confidence: 1 },
    });
    expect(extra.status).toBe(400);
    expect((await extra.json()).detail).toContain('"confidence"');
    const typed = await call('PATCH', `/components/${NO_ID}`, { role: 'reviewer', json: { pages: [1, 'two'] } });
    expect(typed.status).toBe(400);
    expect(typed.headers.get('content-type')).toContain('application/problem+json');
    const empty = await call('PATCH', `/components/${NO_ID}`, { role: 'reviewer', json: {} });
    expect(empty.status).toBe(400);
  });

  it('judges the type by content, not by name', async () => {
    const form = new FormData();
    form.append('scan', new Blob([Buffer.from('just some notes, not a scan\n')]), 'scan.pdf');
    const res = await call('POST', `/dossiers/${dossierId}/files`, { role: 'intake', body: form });
    expect(res.status).toBe(415);
    expect((await res.json()).detail).toMatch(/scan\.pdf looks like plain text/);
    const json = await call('POST', `/dossiers/${dossierId}/files`, { role: 'intake', json: { file: 'x' } });
    expect(json.status).toBe(415);
  });

  it('rejects malformed ids and unknown routes as problems', async () => {
    const bad = await call('GET', '/dossiers/not-a-uuid', { role: 'reader' });
    expect(bad.status).toBe(400);
    const missing = await call('GET', `/dossiers/${NO_ID}`, { role: 'reader' });
    expect(missing.status).toBe(404);
    expect((await missing.json()).detail).toContain(NO_ID);
    const unknown = await call('GET', '/nowhere', { role: 'reader' });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses presigned downloads without the S3 object store', async () => {
    const form = new FormData();
    form.append('scan', new Blob([Buffer.from('%PDF-1.7\n%%EOF\n')]), 'tiny.pdf');
    const { files } = await (await call('POST', `/dossiers/${dossierId}/files`, { role: 'intake', body: form })).json();
    const res = await call('GET', `/dossiers/${dossierId}/files/${files[0].id}/original?presign=true`, {
      role: 'reader',
    });
    expect(res.status).toBe(409);
    expect((await res.json()).detail).toMatch(/S3 object store/);
    const bad = await call('GET', `/dossiers/${dossierId}/files/${files[0].id}/original?presign=maybe`, {
      role: 'reader',
    });
    expect(bad.status).toBe(400);
  });

  it('passes a request id through to the response', async () => {
    const res = await call('GET', '/healthz', { headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
  });
});

describe('rate limit per token', () => {
  it('answers 429 once a token used its budget, while another token goes on', async () => {
    const limited = await startHarness('pglite', { rateLimitPerMinute: 3 });
    try {
      const c = client(limited);
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await c('GET', '/procedures', { role: 'reader' })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const over = await c('GET', '/procedures', { role: 'reader' });
      expect(over.headers.get('content-type')).toContain('application/problem+json');
      expect((await c('GET', '/procedures', { role: 'admin' })).status).toBe(200);
    } finally {
      await limited.close();
    }
  }, 60_000);
});
