import type { FastifyRequest } from 'fastify';
import type { ObjectStore } from '../storage/object-store/object-store.port.js';
import type { JobQueue } from '../workers/job-queue/job-queue.port.js';
import type { TokenIdentity } from './auth/tokens.js';
import type { HolidayTable } from './calendar/holiday-table.js';
import type { ComponentCatalog } from './component-catalog.js';
import type { ProgressHub } from './events/progress-hub.js';
import type { Presign } from './files/presigner.js';
import type { ProcedureCatalog } from './procedures/procedure-catalog.js';
import type { ServiceDatabase } from './service-db.js';
import type { ServiceOptions } from './service-options.js';

/** Everything the HTTP layer works with, passed in (the composition happens in serve-command / tests). */
export interface ServiceDeps {
  database: ServiceDatabase;
  store: ObjectStore;
  queue: JobQueue;
  catalog: ComponentCatalog;
  procedures: ProcedureCatalog;
  holidays: HolidayTable;
  progress: ProgressHub;
  options: ServiceOptions;
  /** Where uploads are staged before they reach the object store. */
  tmpDir: string;
  /** Present in S3 mode: downloads may answer with a presigned URL (`?presign=true`). */
  presign: Presign | null;
  /** The clock (tests pin it to dates the holiday table covers). */
  now: () => Date;
}

declare module 'fastify' {
  interface FastifyRequest {
    identity: TokenIdentity | null;
  }
}

export function identityOf(request: FastifyRequest): TokenIdentity {
  if (!request.identity) throw new Error('route reached without an identity');
  return request.identity;
}
