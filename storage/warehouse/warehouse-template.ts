import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { create, extract } from 'tar';
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
 * rather than by PGlite's `loadDataDir`, which writes each of its thousand files through the WebAssembly file system
 * (a new folder opens in about 1.05 s instead of 1.8 s here). Files go to a side folder renamed into place when
 * complete, so an interrupted unpack never leaves a half cluster behind. Throws when the template is damaged.
 */
export function unpackWarehouseTemplate(folder: string, file = warehouseTemplateFile()): boolean {
  if (!existsSync(file)) return false;
  const partial = `${folder}.unpacking`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  try {
    // INFO warnings are notices (such as a leading slash dropped from a name); any other warning is a damaged
    // archive, which must not become a warehouse with files missing.
    let damage: string | null = null;
    // Synchronous: about 0.3 s here, where tar's streaming extraction took 0.9 s of the same main thread.
    extract({
      file,
      cwd: partial,
      sync: true,
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

/**
 * Runs initdb and the migrations in a temporary folder, shuts the cluster down and packs it to `file` (aside, then
 * renamed). Packed after a clean shutdown and without its lock file, a new folder opens without crash recovery.
 */
export async function buildWarehouseTemplate(file = warehouseTemplateFile()): Promise<number> {
  const cluster = mkdtempSync(join(tmpdir(), 'sohoa-warehouse-template-'));
  try {
    const db = await PGlite.create(cluster);
    try {
      await migrateWarehouse(drizzle({ client: db }));
    } finally {
      await db.close();
    }
    const entries = readdirSync(cluster).filter((name) => name !== 'postmaster.pid');
    mkdirSync(dirname(file), { recursive: true });
    await create({ gzip: true, file: `${file}.partial`, cwd: cluster, portable: true }, entries);
    renameSync(`${file}.partial`, file);
    return statSync(file).size;
  } finally {
    rmSync(cluster, { recursive: true, force: true });
  }
}
