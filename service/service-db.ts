import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { serviceSchema } from '../schemas/service.schema.js';
import { warehouseSchema } from '../schemas/warehouse.schema.js';
import { openWarehouse, type Warehouse } from '../storage/warehouse/index.js';

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
  const warehouse = await openWarehouse({
    dataDir: options.dataDir,
    extraSchema: serviceSchema,
    poolMax: options.poolMax ?? SERVICE_DB_DEFAULTS.poolMax,
    connectTimeoutMs: options.connectTimeoutMs ?? SERVICE_DB_DEFAULTS.connectTimeoutMs,
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
  });
  return {
    db: warehouse.db as unknown as ServiceDb,
    warehouse,
    ping: () => warehouse.ping(),
    close: () => warehouse.close(),
  };
}
