// S3 mode (s3rver on loopback): uploads land in the bucket, readiness checks it, downloads can be presigned.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, type TestS3Server } from '../support/s3-server.js';
import { idCardPdf } from './id-card-pdf.js';
import { client, type Harness, startHarness } from './service-harness.js';

let s3: TestS3Server;
let h: Harness;
let call: ReturnType<typeof client>;

beforeAll(async () => {
  s3 = await startS3Server();
  const c = s3.config('service');
  h = await startHarness('pglite', {}, undefined, {
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: c.bucket,
    S3_ACCESS_KEY: c.accessKey,
    S3_SECRET_KEY: c.secretKey,
  });
  call = client(h);
}, 60_000);
afterAll(async () => {
  await h?.close();
  await s3?.stop();
});

describe('service on S3', () => {
  it('stores uploads in the bucket and answers downloads with presigned URLs', async () => {
    expect((await call('GET', '/readyz')).status).toBe(200);
    const dossier = await (
      await call('POST', '/dossiers', {
        role: 'intake',
        json: { procedureCode: '1.001193', applicant: { id: '079203012345' } },
      })
    ).json();
    const pdf = await idCardPdf({
      id: '079203012345',
      name: 'NGUYỄN VĂN AN',
      birthDate: '15/03/2003',
      validUntil: '15/03/2043',
    });
    const form = new FormData();
    form.append('scan', new Blob([pdf]), 'cccd.pdf');
    const { files } = await (
      await call('POST', `/dossiers/${dossier.id}/files`, { role: 'intake', body: form })
    ).json();
    const path = `/dossiers/${dossier.id}/files/${files[0].id}/original`;

    const streamed = await call('GET', path, { role: 'reader' });
    expect(Buffer.from(await streamed.arrayBuffer()).equals(pdf)).toBe(true);

    const presigned = await call('GET', `${path}?presign=true`, { role: 'reader' });
    expect(presigned.status).toBe(200);
    const { url, expiresInSeconds } = await presigned.json();
    expect(expiresInSeconds).toBe(300);
    expect(url).toContain(s3.endpoint);
    const direct = await fetch(url);
    expect(direct.status).toBe(200);
    expect(Buffer.from(await direct.arrayBuffer()).equals(pdf)).toBe(true);
  }, 60_000);
});
