import type { Config } from '../cli/config.js';
import { openRuntime, type Runtime } from '../cli/runtime.js';
import { openServiceDatabase, type ServiceDatabase } from './service-db.js';

export interface ServiceRuntime extends Runtime {
  database: ServiceDatabase;
}

export async function openServiceRuntime(config: Config): Promise<ServiceRuntime> {
  const database = await openServiceDatabase({
    dataDir: config.dataDir,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
  });
  try {
    return { ...(await openRuntime(config, { warehouse: database.warehouse })), database };
  } catch (error) {
    await database.close();
    throw error;
  }
}
