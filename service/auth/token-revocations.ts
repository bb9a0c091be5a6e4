// Revocations reach every service process at once, so token look-ups can be cached: `revokeToken` sends a NOTIFY
// on this channel in the same transaction's wake, and each service's cache listens and forgets what it remembered.
import type { PGlite } from '@electric-sql/pglite';
import type { Pool } from 'pg';
import type { Warehouse } from '../../storage/warehouse/index.js';

export const TOKEN_REVOKED_CHANNEL = 'sohoa_token_revoked';

export interface RevocationHandlers {
  /** A token was revoked somewhere. */
  revoked(): void;
  /** The listening connection broke: revocations may be missed from now on. */
  lost(error: Error): void;
}

/** Listens for revocations on the warehouse database; resolves to a function that stops listening. */
export async function listenForRevocations(
  warehouse: Pick<Warehouse, 'kind' | 'db'>,
  on: RevocationHandlers,
): Promise<() => Promise<void>> {
  const client = (warehouse.db as unknown as { $client: unknown }).$client;
  if (warehouse.kind === 'pglite') {
    const unlisten = await (client as PGlite).listen(TOKEN_REVOKED_CHANNEL, () => on.revoked());
    return () => unlisten();
  }
  // One pooled connection held for the service's life: notifications arrive on the connection that listens.
  const connection = await (client as Pool).connect();
  connection.on('notification', (message) => {
    if (message.channel === TOKEN_REVOKED_CHANNEL) on.revoked();
  });
  let lost = false;
  // A broken connection can emit more than one error; the service needs to hear it once.
  connection.on('error', (error) => {
    if (lost) return;
    lost = true;
    connection.release(error); // the pool drops a connection released with an error
    on.lost(error);
  });
  await connection.query(`LISTEN ${TOKEN_REVOKED_CHANNEL}`);
  return async () => {
    if (lost) return;
    try {
      await connection.query(`UNLISTEN ${TOKEN_REVOKED_CHANNEL}`);
      connection.release();
    } catch (error) {
      connection.release(error instanceof Error ? error : true);
    }
  };
}
