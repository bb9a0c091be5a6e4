import { randomBytes } from 'node:crypto';
import pg from 'pg';

// The machine's PostgreSQL (trust auth). Override with SOHOA_TEST_PG_URL pointing at a maintenance database.
const MAINTENANCE_URL = process.env.SOHOA_TEST_PG_URL ?? 'postgres://root@127.0.0.1:5432/postgres';

async function withMaintenance<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: MAINTENANCE_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Why PostgreSQL cannot be used for tests, or null when it answers. */
export async function postgresUnavailable(): Promise<string | null> {
  try {
    await withMaintenance((c) => c.query('select 1'));
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** A fresh database with a unique name (tests share one server), and how to drop it. */
export async function createTestDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withMaintenance((c) => c.query(`create database ${name}`));
  const url = new URL(MAINTENANCE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withMaintenance((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => {}),
  };
}
