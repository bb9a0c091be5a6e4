// What the counter pages need from the service: who the token is, the component types with labels, the built pages
// at / (without shadowing the API), and page images with thumbnails as soon as a page is read.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectKeys } from '../../pipeline/object-keys.js';
import { client, type Harness, startHarness } from './service-harness.js';

describe('service support for the web pages', () => {
  let h: Harness;
  let call: ReturnType<typeof client>;
  beforeAll(async () => {
    // No job consumer: uploaded files stay queued, so "read but not yet recognised" can be set up exactly.
    h = await startHarness('pglite', { consumeJobs: 'false' });
    call = client(h);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('tells each token its role and permissions', async () => {
    const intake = await (await call('GET', '/session', { role: 'intake' })).json();
    expect(intake).toMatchObject({ name: 'test-intake', role: 'intake' });
    expect(intake.permissions).toContain('file:upload');
    expect(intake.permissions).not.toContain('review:write');
    const reviewer = await (await call('GET', '/session', { role: 'reviewer' })).json();
    expect(reviewer.permissions).toContain('review:write');
    expect((await call('GET', '/session')).status).toBe(401);
  });

  it('lists the component types with their printed field labels', async () => {
    const { types } = await (await call('GET', '/component-types', { role: 'reader' })).json();
    const card = types.find((t: { code: string }) => t.code === 'can_cuoc');
    expect(card.name).toMatch(/Căn cước/);
    expect(card.fields.so_dinh_danh).toBe('Số định danh cá nhân');
  });

  it('serves the built pages at / and leaves the API alone', async () => {
    const index = await call('GET', '/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await index.text()).toContain('/app/app.js');
    const script = await call('GET', '/app/app.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(Number(script.headers.get('content-length'))).toBeGreaterThan(1000);
    const missing = await call('GET', '/app/nothing.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await call('GET', '/app/..%2Fpackage.json')).status).toBe(400);
    expect((await call('GET', '/procedures')).status).toBe(401);
    const spec = await (await call('GET', '/openapi.json', { role: 'reader' })).json();
    expect(Object.keys(spec.paths)).not.toContain('/app/{name}');
  });

  it('answers a read page image and its thumbnail before the source is recognised', async () => {
    const created = await (
      await call('POST', '/dossiers', {
        role: 'intake',
        json: { procedureCode: '1.000894', applicant: { id: '079203012345' } },
      })
    ).json();
    const scan = await sharp({ create: { width: 400, height: 560, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.append('scan', new Blob([new Uint8Array(scan)], { type: 'image/png' }), 'trang.png');
    const uploaded = await (await call('POST', `/dossiers/${created.id}/files`, { role: 'intake', body: form })).json();
    const file = uploaded.files[0];
    const path = `/dossiers/${created.id}/files/${file.id}/pages/1/image`;
    expect((await call('GET', path, { role: 'reader' })).status).toBe(404);

    // What the page stage stores for page 1 once it has read it.
    const page = await sharp({ create: { width: 1200, height: 1680, channels: 3, background: '#eeeeee' } })
      .jpeg()
      .toBuffer();
    await h.service.runtime.store.put(objectKeys.pageImage(file.sha256, 1), page);
    const full = await call('GET', path, { role: 'reader' });
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await full.arrayBuffer()).equals(page)).toBe(true);
    const thumb = await call('GET', `${path}?width=96`, { role: 'reader' });
    expect(thumb.headers.get('content-type')).toBe('image/jpeg');
    const meta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([96, 134]);
    expect((await call('GET', `${path}?width=96&presign=true`, { role: 'reader' })).status).toBe(400);
    expect((await call('GET', `${path}?width=4`, { role: 'reader' })).status).toBe(400);
    const page2 = `/dossiers/${created.id}/files/${file.id}/pages/2/image`;
    expect((await call('GET', page2, { role: 'reader' })).status).toBe(404);
  });
});
