import { join } from 'node:path';
import { is } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Pool } from 'pg';
import { packageRoot } from '../../pipeline/package-root.js';

/** The migrations drizzle-kit generates from schemas/warehouse.schema.ts; one folder for both drivers. */
export function warehouseMigrationsFolder(root: string = packageRoot()): string {
  return join(root, 'schemas', 'migrations');
}

// Arbitrary constant shared by every sohoa process: serialises concurrent start-ups against one PostgreSQL database.
const MIGRATION_LOCK_KEY = 4_206_917_001;

/**
 * Applies pending migrations (a no-op when none are pending). On PostgreSQL the run holds an advisory lock on one
 * pooled connection, so workers starting together do not race to create the same tables.
 */
export async function migrateWarehouse(
  // biome-ignore lint/suspicious/noExplicitAny: either driver's database over any schema
  db: PgliteDatabase<any> | NodePgDatabase<any>,
  migrationsFolder: string = warehouseMigrationsFolder(),
): Promise<void> {
  if (is(db, PgliteDatabase)) {
    await migratePglite(db, { migrationsFolder });
    return;
  }
  // The PostgreSQL driver loads only here: the embedded deployment never needs it.
  const [{ drizzle: drizzleNodePg }, { migrate: migrateNodePg }] = await Promise.all([
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  const pool = (db as NodePgDatabase & { $client: Pool }).$client;
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migrateNodePg(drizzleNodePg(client), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
