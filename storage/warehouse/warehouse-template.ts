import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
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

/** The template's bytes, or null when the package was not built with one (running from sources, a partial build). */
export function readWarehouseTemplate(file = warehouseTemplateFile()): Buffer | null {
  return existsSync(file) ? readFileSync(file) : null;
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
