import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3ObjectStore } from '../storage/object-store/s3-object-store.js';
import { startS3Server, type TestS3Server } from '../tests/support/s3-server.js';
import { ArchiveError, dossierKeyOf, openS3Archive, parseGroupRule } from './import-archive.js';

describe('grouping files into dossiers', () => {
  it('folder: the folder relative to the root; a file at the root is its own dossier', () => {
    const rule = parseGroupRule('folder', undefined);
    expect(dossierKeyOf('2019/HS-001/p1.jpg', rule)).toBe('2019/HS-001');
    expect(dossierKeyOf('HS-002.pdf', rule)).toBe('HS-002');
  });

  it('file: the path without its extension', () => {
    expect(dossierKeyOf('2019/HS-001.pdf', parseGroupRule('file', undefined))).toBe('2019/HS-001');
  });

  it('pattern: the "code" group of the file name; null when it does not match', () => {
    const rule = parseGroupRule('pattern', '^(?<code>HS-\\d+)-p\\d+');
    expect(dossierKeyOf('loose/HS-17-p3.png', rule)).toBe('HS-17');
    expect(dossierKeyOf('loose/scan-17.png', rule)).toBeNull();
  });

  it('refuses a pattern without a code group, a bad regex, or a pattern with another rule', () => {
    expect(() => parseGroupRule('pattern', '^HS-\\d+')).toThrow(/named group "code"/);
    expect(() => parseGroupRule('pattern', '(?<code>[')).toThrow(ArchiveError);
    expect(() => parseGroupRule('pattern', undefined)).toThrow(/needs --pattern/);
    expect(() => parseGroupRule('file', '(?<code>x)')).toThrow(/goes with --group pattern/);
    expect(() => parseGroupRule('dossier', undefined)).toThrow(/folder, file or pattern/);
  });
});

describe('an archive in a bucket', () => {
  let s3: TestS3Server;
  beforeAll(async () => {
    s3 = await startS3Server();
  });
  afterAll(async () => {
    await s3?.stop();
  });

  it('lists scans under the prefix page by page, skipping other files, and reads them', async () => {
    const config = s3.config('archive');
    const seed = createS3ObjectStore(config);
    const keys = ['2019/a/p1.jpg', '2019/a/p2.PNG', '2019/b/x.pdf', '2019/notes.txt', '2020/c/p1.jpg'];
    for (const key of keys) await seed.put(key, Buffer.from(key));
    const archive = openS3Archive(`s3://${config.bucket}/2019`, {
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY: config.accessKey,
      S3_SECRET_KEY: config.secretKey,
    });
    const files = [];
    for await (const file of archive.files()) files.push(file);
    expect(files.map((f) => f.relative)).toEqual(['a/p1.jpg', 'a/p2.PNG', 'b/x.pdf']);
    expect(files[0]?.path).toBe(`s3://${config.bucket}/2019/a/p1.jpg`);
    expect(await archive.size(files[2]!)).toBe('2019/b/x.pdf'.length);
    expect((await archive.read(files[2]!)).toString()).toBe('2019/b/x.pdf');
    expect(archive.root).toBe(`s3://${config.bucket}/2019/`);
  });
});
