import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { WarehouseLockedError } from './folder-lock.js';
import { warehouseMigrationsFolder } from './migrate.js';
import { createWarehouseFromEnv, describeDatabaseUrl, openWarehouse } from './open-warehouse.js';
import { createPgliteCluster } from './pglite-cluster.js';
import { describeWarehouseContract } from './warehouse.contract.js';

// The machine's PostgreSQL (trust auth). Override with SOHOA_TEST_PG_URL pointing at a maintenance database.
const MAINTENANCE_URL = process.env.SOHOA_TEST_PG_URL ?? 'postgres://root@127.0.0.1:5432/postgres';

async function probePostgres(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

const pgUnavailable = await probePostgres(MAINTENANCE_URL);
if (pgUnavailable) {
  console.warn(`skipping PostgreSQL warehouse tests: ${describeDatabaseUrl(MAINTENANCE_URL)}: ${pgUnavailable}`);
}

async function withMaintenance<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: MAINTENANCE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

describeWarehouseContract('PGlite', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'sohoa-warehouse-'));
  return {
    open: () => openWarehouse({ dataDir }),
    dispose: () => rm(dataDir, { recursive: true, force: true }),
  };
});

describe.skipIf(pgUnavailable !== null)('PostgreSQL', () => {
  describeWarehouseContract('PostgreSQL', async () => {
    const name = `sohoa_test_${randomBytes(6).toString('hex')}`;
    await withMaintenance((c) => c.query(`create database ${name}`));
    const url = new URL(MAINTENANCE_URL);
    url.pathname = `/${name}`;
    return {
      open: () => openWarehouse({ databaseUrl: url.toString(), dataDir: tmpdir() }),
      dispose: () => withMaintenance((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => {}),
    };
  });
});

describe('opening', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('refuses a second PGlite on a folder that is in use and releases it on close', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sohoa-lock-'));
    dirs.push(dataDir);
    const first = await createWarehouseFromEnv({ SOHOA_DATA_DIR: dataDir });
    try {
      expect(first.kind).toBe('pglite');
      await expect(openWarehouse({ dataDir })).rejects.toBeInstanceOf(WarehouseLockedError);
      await expect(openWarehouse({ dataDir })).rejects.toThrow(/one process per data folder/);
    } finally {
      await first.close();
    }
    // Released on close (reopening is proven by the contract's reopen test).
    expect(existsSync(join(dataDir, 'warehouse.lock'))).toBe(false);
  });

  it('creates a new PGlite folder in a child process and opens it with the configured shared_buffers', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sohoa-create-'));
    dirs.push(dataDir);
    const before = process.memoryUsage.rss();
    const warehouse = await openWarehouse({ dataDir, pglite: { sharedBuffersMb: 24 } });
    try {
      expect(existsSync(join(dataDir, 'warehouse', 'PG_VERSION'))).toBe(true);
      const shown = await warehouse.db.execute(sql`show shared_buffers`);
      expect(JSON.stringify(shown)).toContain('24MB');
      // Creation (initdb, ~0.8 GB) ran in the child: this process holds only the opened database.
      expect(process.memoryUsage.rss() - before).toBeLessThan(500 * 1024 * 1024);
    } finally {
      await warehouse.close();
    }
  });

  it('names the reason when a new PGlite folder cannot be created', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'sohoa-create-fail-'));
    dirs.push(parent);
    await writeFile(join(parent, 'blocker'), 'not a folder');
    const err = await createPgliteCluster(join(parent, 'blocker', 'warehouse'), {
      sharedBuffersMb: 16,
      createTimeoutMs: 60_000,
    }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/creating the database folder failed \(exit code 1\): \S/);
  });

  it('names host and port, never the password, when PostgreSQL is unreachable', async () => {
    const dataDir = tmpdir();
    const err = await openWarehouse({
      databaseUrl: 'postgres://sohoa:s3cret-pw@127.0.0.1:1/warehouse',
      dataDir,
      connectTimeoutMs: 2000,
    }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/127\.0\.0\.1:1\/warehouse as sohoa/);
    expect((err as Error).message).not.toContain('s3cret');
  });

  it.skipIf(pgUnavailable !== null)('uses PostgreSQL when DATABASE_URL is set', async () => {
    const name = `sohoa_test_${randomBytes(6).toString('hex')}`;
    await withMaintenance((c) => c.query(`create database ${name}`));
    try {
      const url = new URL(MAINTENANCE_URL);
      url.pathname = `/${name}`;
      // Two processes starting at once: the advisory lock lets both migrate without a race.
      const [a, b] = await Promise.all([
        createWarehouseFromEnv({ DATABASE_URL: url.toString() }),
        createWarehouseFromEnv({ DATABASE_URL: url.toString() }),
      ]);
      expect([a.kind, b.kind]).toEqual(['postgres', 'postgres']);
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      const applied = await c
        .query('select count(*)::int as n from drizzle.__drizzle_migrations')
        .finally(() => c.end());
      expect(applied.rows[0].n).toBe(readMigrationFiles({ migrationsFolder: warehouseMigrationsFolder() }).length);
      await Promise.all([a.close(), b.close()]);
    } finally {
      await withMaintenance((c) => c.query(`drop database if exists ${name} with (force)`));
    }
  });
});
