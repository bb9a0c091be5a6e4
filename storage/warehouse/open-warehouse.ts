import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { warehouseSchema } from '../../schemas/warehouse.schema.js';
import { acquireFolderLock } from './folder-lock.js';
import { migrateWarehouse } from './migrate.js';
import {
  createPgliteCluster,
  PGLITE_MEMORY_DEFAULTS,
  type PgliteMemoryOptions,
  pgliteStartParams,
} from './pglite-cluster.js';
import { createWarehouseRepository, type WarehouseRepository } from './warehouse.repository.js';
import type { WarehouseDb } from './warehouse-db.js';
import { unpackWarehouseTemplate } from './warehouse-template.js';

export interface Warehouse {
  repo: WarehouseRepository;
  kind: 'pglite' | 'postgres';
  /** The drizzle handle, for features with tables of their own in the same database (one PGlite connection). */
  db: WarehouseDb;
  /** A cheap round trip, for readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenWarehouseOptions {
  /** postgres://... : use PostgreSQL through a pool; absent: embedded PGlite under dataDir. */
  databaseUrl?: string;
  /** Holds `warehouse/` (PGlite data) and its lock file. */
  dataDir: string;
  /** Pool size for PostgreSQL. */
  poolMax?: number;
  /** How long to wait for a PostgreSQL connection before failing. */
  connectTimeoutMs?: number;
  /** Override for tests or relocated installs. */
  migrationsFolder?: string;
  /** Tables of other features to type the drizzle handle with (their migrations live in the same folder). */
  extraSchema?: Record<string, unknown>;
  /** Memory settings of the embedded PGlite warehouse. */
  pglite?: Partial<PgliteMemoryOptions>;
  /** Packed warehouse a new PGlite folder starts from (default: the build's; null: always initdb). */
  templateFile?: string | null;
}

export const WAREHOUSE_DEFAULTS = { poolMax: 10, connectTimeoutMs: 10_000, dataDir: './.sohoa' } as const;

/** host:port/database and user of a connection string, without its password, for error messages and logs. */
export function describeDatabaseUrl(databaseUrl: string): string {
  try {
    // Never echo the URL itself: the password may sit in the userinfo or in a query parameter.
    const url = new URL(databaseUrl);
    const host = url.hostname || 'localhost';
    const port = url.port || '5432';
    const db = url.pathname.replace(/^\//, '') || '(default database)';
    const user = url.username ? ` as ${decodeURIComponent(url.username)}` : '';
    return `${host}:${port}/${db}${user}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

/** The Warehouse over an opened, migrated connection; close runs once. */
function assemble(
  kind: Warehouse['kind'],
  db: unknown,
  ping: () => Promise<unknown>,
  close: () => Promise<void>,
): Warehouse {
  const handle = db as WarehouseDb;
  let closed = false;
  return {
    repo: createWarehouseRepository(handle),
    kind,
    db: handle,
    async ping() {
      await ping();
    },
    async close() {
      if (closed) return;
      closed = true;
      await close();
    },
  };
}

/** Opens the warehouse and applies pending migrations. */
export async function openWarehouse(options: OpenWarehouseOptions): Promise<Warehouse> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPglite(options);
}

async function openPglite(options: OpenWarehouseOptions): Promise<Warehouse> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const release = acquireFolderLock(join(dataDir, 'warehouse.lock'));
  let client: PGlite | null = null;
  try {
    const folder = join(dataDir, 'warehouse');
    const memory = { ...PGLITE_MEMORY_DEFAULTS, ...options.pglite };
    const startParams = pgliteStartParams(memory);
    if (!existsSync(join(folder, 'PG_VERSION'))) {
      client = await createWarehouseFolder(folder, memory, options.templateFile);
    }
    client ??= await PGlite.create(folder, { startParams });
    const db = drizzlePglite({ client, schema: { ...warehouseSchema, ...options.extraSchema } });
    await migrateWarehouse(db, options.migrationsFolder);
    const opened = client;
    return assemble(
      'pglite',
      db,
      () => opened.query('select 1'),
      async () => {
        try {
          await opened.close();
        } finally {
          release();
        }
      },
    );
  } catch (err) {
    await client?.close().catch(() => {});
    release();
    throw new Error(`warehouse: cannot open PGlite at ${join(dataDir, 'warehouse')}: ${(err as Error).message}`, {
      cause: err,
    });
  }
}

/**
 * A new warehouse folder: unpacked from the build's template and opened, or, without a usable template, made by
 * initdb in a child process (then opened by the caller).
 */
async function createWarehouseFolder(
  folder: string,
  memory: PgliteMemoryOptions,
  templateFile: string | null | undefined,
): Promise<PGlite | null> {
  if (templateFile !== null) {
    try {
      if (unpackWarehouseTemplate(folder, templateFile)) {
        return await PGlite.create(folder, { startParams: pgliteStartParams(memory) });
      }
    } catch {
      // A damaged or foreign template: start over the way a build without one would.
      rmSync(folder, { recursive: true, force: true });
    }
  }
  await createPgliteCluster(folder, memory);
  return null;
}

async function openPostgres(databaseUrl: string, options: OpenWarehouseOptions): Promise<Warehouse> {
  // Loaded only for PostgreSQL: the embedded deployment never needs the driver (nor its share of the heap).
  const [{ default: pg }, { drizzle: drizzleNodePg }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
  ]);
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolMax ?? WAREHOUSE_DEFAULTS.poolMax,
    connectionTimeoutMillis: options.connectTimeoutMs ?? WAREHOUSE_DEFAULTS.connectTimeoutMs,
  });
  // An idle client losing its server must not crash the process; the next query reports the failure.
  pool.on('error', () => {});
  try {
    await pool.query('select 1');
  } catch (err) {
    await pool.end().catch(() => {});
    throw new Error(
      `warehouse: cannot connect to PostgreSQL at ${describeDatabaseUrl(databaseUrl)}: ${(err as Error).message}`,
      { cause: err },
    );
  }
  try {
    const db = drizzleNodePg({ client: pool, schema: { ...warehouseSchema, ...options.extraSchema } });
    await migrateWarehouse(db, options.migrationsFolder);
    return assemble(
      'postgres',
      db,
      () => pool.query('select 1'),
      () => pool.end(),
    );
  } catch (err) {
    await pool.end().catch(() => {});
    throw new Error(`warehouse: migrating ${describeDatabaseUrl(databaseUrl)} failed: ${(err as Error).message}`, {
      cause: err,
    });
  }
}

/** DATABASE_URL selects PostgreSQL; otherwise PGlite under SOHOA_DATA_DIR (default ./.sohoa). */
export function createWarehouseFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<Warehouse> {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  const dataDir = env.SOHOA_DATA_DIR?.trim() || WAREHOUSE_DEFAULTS.dataDir;
  return openWarehouse({ databaseUrl, dataDir });
}
