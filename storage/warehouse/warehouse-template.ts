import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { extract } from 'tar';
import { packageRoot } from '../../pipeline/package-root.js';
import { migrateWarehouse } from './migrate.js';

/**
 * A new, migrated PGlite warehouse, packed once at build time. Unpacking it into a new warehouse folder in the opening
 * process replaces initdb in a child process (for its memory peak) and every migration: a one-page `sohoa digitize`
 * into a new folder measured 8.4–9.7 s with it and 12.0–13.5 s without. A first run on a new laptop, like every
 * benchmark run, starts with a new folder.
 * Migrations still run on open: a template older than the schema only leaves more of them to apply.
 */
export function warehouseTemplateFile(): string {
  return join(packageRoot(), 'dist', 'warehouse-template.tar.gz');
}

/**
 * Unpacks the template into `folder` (a new warehouse folder, which must not exist) and returns true; false when the
 * package was not built with one (running from sources, a partial build). Unpacked here with native file writes
 * rather than by PGlite's `loadDataDir`, which writes each of its thousand files through the WebAssembly file system:
 * a new folder then opens in about half the time. Files go to a side folder renamed into place when complete, so an
 * interrupted unpack never leaves a half cluster behind. Throws when the template is damaged.
 */
export async function unpackWarehouseTemplate(folder: string, file = warehouseTemplateFile()): Promise<boolean> {
  if (!existsSync(file)) return false;
  const partial = `${folder}.unpacking`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  try {
    // Entries are named from the cluster's root ("/base/1/..."): tar drops the leading slash and says so (an INFO
    // warning); any other warning is a damaged archive, which must not become a warehouse with files missing.
    let damage: string | null = null;
    await extract({
      file,
      cwd: partial,
      onwarn: (code, message) => {
        if (code !== 'TAR_ENTRY_INFO') damage ??= `${code}: ${message}`;
      },
    });
    if (damage) throw new Error(`${file} is damaged (${damage})`);
    if (!existsSync(join(partial, 'PG_VERSION'))) throw new Error(`${file} holds no PostgreSQL cluster`);
    renameSync(partial, folder);
    return true;
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

/** Runs initdb and the migrations in memory and writes the packed cluster to `file` (aside, then renamed). */
export async function buildWarehouseTemplate(file = warehouseTemplateFile()): Promise<number> {
  const db = await PGlite.create();
  try {
    await migrateWarehouse(drizzle({ client: db }));
    const packed = Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer());
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.partial`, packed);
    renameSync(`${file}.partial`, file);
    return packed.length;
  } finally {
    await db.close();
  }
}
