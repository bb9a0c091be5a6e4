import { describeDatabaseUrl, openWarehouse } from '../storage/warehouse/index.js';
import type { Config } from './config.js';

/** `sohoa migrate`: applies pending warehouse migrations (opening the warehouse does exactly that) and reports where. */
export async function runMigrate(config: Config): Promise<string> {
  const warehouse = await openWarehouse({
    dataDir: config.dataDir,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
  });
  await warehouse.close();
  return config.databaseUrl
    ? `warehouse migrated: PostgreSQL ${describeDatabaseUrl(config.databaseUrl)}`
    : `warehouse migrated: PGlite in ${config.dataDir}`;
}
