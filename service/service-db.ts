// The service needs its own tables beside the warehouse's in the same database (one transaction scope, one PGlite
// lock), so it opens the database itself and builds the warehouse repository on the same connection.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { serviceSchema } from '../schemas/service.schema.js';
import { warehouseSchema } from '../schemas/warehouse.schema.js';
import {
  acquireFolderLock,
  createWarehouseRepository,
  describeDatabaseUrl,
  migrateWarehouse,
  type Warehouse,
  type WarehouseDb,
} from '../storage/warehouse/index.js';

export const fullSchema = { ...warehouseSchema, ...serviceSchema };
export type ServiceDb = PgDatabase<PgQueryResultHKT, typeof fullSchema>;

export interface ServiceDatabase {
  db: ServiceDb;
  warehouse: Warehouse;
  /** Cheap round trip for readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenServiceDatabaseOptions {
  databaseUrl?: string;
  dataDir: string;
  poolMax?: number;
  connectTimeoutMs?: number;
}

export const SERVICE_DB_DEFAULTS = { poolMax: 10, connectTimeoutMs: 10_000 } as const;

export async function openServiceDatabase(options: OpenServiceDatabaseOptions): Promise<ServiceDatabase> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPglite(options.dataDir);
}

function assemble(db: ServiceDb, kind: Warehouse['kind'], close: () => Promise<void>): ServiceDatabase {
  let closed = false;
  const closeOnce = async () => {
    if (closed) return;
    closed = true;
    await close();
  };
  return {
    db,
    warehouse: { repo: createWarehouseRepository(db as unknown as WarehouseDb), kind, close: closeOnce },
    async ping() {
      await db.execute('select 1');
    },
    close: closeOnce,
  };
}

async function openPglite(dataDir: string): Promise<ServiceDatabase> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const release = acquireFolderLock(join(dir, 'warehouse.lock'));
  let client: PGlite | null = null;
  try {
    client = await PGlite.create(join(dir, 'warehouse'));
    const db = drizzlePglite({ client, schema: fullSchema });
    await migrateWarehouse(db);
    const opened = client;
    return assemble(db as unknown as ServiceDb, 'pglite', async () => {
      try {
        await opened.close();
      } finally {
        release();
      }
    });
  } catch (err) {
    await client?.close().catch(() => {});
    release();
    throw new Error(`service: cannot open PGlite at ${join(dir, 'warehouse')}: ${(err as Error).message}`, {
      cause: err,
    });
  }
}

async function openPostgres(databaseUrl: string, options: OpenServiceDatabaseOptions): Promise<ServiceDatabase> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolMax ?? SERVICE_DB_DEFAULTS.poolMax,
    connectionTimeoutMillis: options.connectTimeoutMs ?? SERVICE_DB_DEFAULTS.connectTimeoutMs,
  });
  pool.on('error', () => {});
  try {
    await pool.query('select 1');
    const db = drizzleNodePg({ client: pool, schema: fullSchema });
    await migrateWarehouse(db);
    return assemble(db as unknown as ServiceDb, 'postgres', () => pool.end());
  } catch (err) {
    await pool.end().catch(() => {});
    throw new Error(
      `service: cannot open PostgreSQL at ${describeDatabaseUrl(databaseUrl)}: ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }
}
