// Revocation notices: heard on both databases, and a broken listening connection is reported (the service then
// stops caching token look-ups).
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { listenForRevocations, TOKEN_REVOKED_CHANNEL } from '../../service/auth/token-revocations.js';
import type { Warehouse } from '../../storage/warehouse/index.js';
import { PG_ADMIN_URL, postgresAvailable } from './service-harness.js';

const pgUp = await postgresAvailable();

describe('token revocation notices', () => {
  it('are heard on PGlite', async () => {
    const client = new PGlite();
    const db = drizzlePglite(client) as unknown as Warehouse['db'];
    const revoked = vi.fn();
    const stop = await listenForRevocations({ kind: 'pglite', db }, { revoked, lost: vi.fn() });
    await client.query(`select pg_notify('${TOKEN_REVOKED_CHANNEL}', 'a')`);
    await vi.waitFor(() => expect(revoked).toHaveBeenCalledTimes(1));
    await stop();
    await client.query(`select pg_notify('${TOKEN_REVOKED_CHANNEL}', 'b')`);
    await new Promise((r) => setTimeout(r, 50));
    expect(revoked).toHaveBeenCalledTimes(1);
    await client.close();
  });

  it.runIf(pgUp)('are heard on PostgreSQL, and a cut listening connection is reported as lost', async () => {
    const pool = new pg.Pool({ connectionString: PG_ADMIN_URL, max: 3 });
    pool.on('error', () => {}); // the terminated connection's error reaches the pool too
    const db = drizzlePg(pool) as unknown as Warehouse['db'];
    const revoked = vi.fn();
    const lost = vi.fn();
    await listenForRevocations({ kind: 'postgres', db }, { revoked, lost });
    await pool.query(`select pg_notify('${TOKEN_REVOKED_CHANNEL}', 'a')`);
    await vi.waitFor(() => expect(revoked).toHaveBeenCalledTimes(1));
    expect(lost).not.toHaveBeenCalled();
    await pool.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
       where query = 'LISTEN ${TOKEN_REVOKED_CHANNEL}' and pid <> pg_backend_pid()`,
    );
    await vi.waitFor(() => expect(lost).toHaveBeenCalledTimes(1), { timeout: 5000 });
    await pool.end();
  });
});
