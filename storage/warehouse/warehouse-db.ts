import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { WarehouseSchema } from '../../schemas/warehouse.schema.js';

/** A drizzle database over the warehouse schema; both the PGlite and the node-postgres drivers satisfy it. */
export type WarehouseDb = PgDatabase<PgQueryResultHKT, WarehouseSchema>;
