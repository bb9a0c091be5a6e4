export type { ComponentCorrection } from './component-corrections.js';
export { applyComponentCorrections } from './component-corrections.js';
export type { ComponentIdentity, ComponentMatch } from './component-matching.js';
export { findHome, matchComponents } from './component-matching.js';
export type { ComponentOutput, PageOutput, StoredComponent } from './component-result.schema.js';
export {
  ComponentResultSchema,
  componentResultOf,
  PageResultSchema,
  StoredComponentSchema,
} from './component-result.schema.js';
export { acquireFolderLock, WarehouseLockedError } from './folder-lock.js';
export { migrateWarehouse, warehouseMigrationsFolder } from './migrate.js';
export type { OpenWarehouseOptions, Warehouse } from './open-warehouse.js';
export { createWarehouseFromEnv, describeDatabaseUrl, openWarehouse, WAREHOUSE_DEFAULTS } from './open-warehouse.js';
export { PGLITE_MEMORY_DEFAULTS, type PgliteMemoryOptions } from './pglite-cluster.js';
export type { ComponentOutcome, StoredComponentState, StoredFieldState } from './stored-outcome.js';
export { outcomeKey, predictStoredComponents } from './stored-outcome.js';
export type {
  CompleteSourceInput,
  ComponentWithoutPdf,
  ListedSource,
  PageRecordInput,
  PageRef,
  RecognitionInput,
  RecognitionWrite,
  ReplaceComponentsInput,
  SourceFilter,
  SourceRecordInput,
  SourceResult,
  WarehouseRepository,
  WarehouseRepositoryOptions,
  WarehouseTable,
} from './warehouse.repository.js';
export { createWarehouseRepository, KEPT_FOR_CONFIRMED_REASON, REPOSITORY_DEFAULTS } from './warehouse.repository.js';
export type { WarehouseDb } from './warehouse-db.js';
