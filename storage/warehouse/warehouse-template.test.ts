import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create } from 'tar';
import { afterAll, describe, expect, it } from 'vitest';
import { openWarehouse } from './open-warehouse.js';
import { buildWarehouseTemplate } from './warehouse-template.js';

describe('warehouse template', () => {
  const dirs: string[] = [];
  const tempDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sohoa-template-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('starts a new warehouse folder from the packed, migrated template, which then opens as any other', async () => {
    const templateFile = join(await tempDir(), 'template.tar.gz');
    expect(await buildWarehouseTemplate(templateFile)).toBeGreaterThan(100_000);
    const dataDir = await tempDir();
    const first = await openWarehouse({ dataDir, templateFile });
    await first.repo.beginSource(
      {
        sha256: 'c'.repeat(64),
        byteSize: 1,
        mediaType: 'image/png',
        originalKey: 'originals/cc/x',
        pipelineVersion: 'test',
      },
      'scan.png',
    );
    await first.close();
    expect(existsSync(join(dataDir, 'warehouse', 'PG_VERSION'))).toBe(true);
    const again = await openWarehouse({ dataDir, templateFile });
    expect((await again.repo.countRows()).sources).toBe(1);
    await again.close();
  }, 120_000);

  it('falls back to initdb when the template is damaged', async () => {
    const templateFile = join(await tempDir(), 'template.tar.gz');
    await writeFile(templateFile, Buffer.from('not a packed database'));
    const dataDir = await tempDir();
    const warehouse = await openWarehouse({ dataDir, templateFile });
    expect((await warehouse.repo.countRows()).sources).toBe(0);
    await warehouse.close();
  }, 120_000);

  it('falls back to initdb when the template unpacks to no cluster, over a half-unpacked folder left behind', async () => {
    const packed = await tempDir();
    await writeFile(join(packed, 'README'), 'no cluster here');
    const templateFile = join(await tempDir(), 'template.tar.gz');
    await create({ gzip: true, file: templateFile, cwd: packed }, ['README']);
    const dataDir = await tempDir();
    // What an unpack interrupted by a crash leaves: it is not taken for a warehouse, and is replaced.
    await mkdir(join(dataDir, 'warehouse.unpacking', 'base'), { recursive: true });
    await writeFile(join(dataDir, 'warehouse.unpacking', 'PG_VERSION'), '18\n');
    const warehouse = await openWarehouse({ dataDir, templateFile });
    expect((await warehouse.repo.countRows()).sources).toBe(0);
    await warehouse.close();
    expect(existsSync(join(dataDir, 'warehouse.unpacking'))).toBe(false);
  }, 120_000);
});
