// Composition of the service process: runtime (database, object store, OCR), job queue with an in-process consumer,
// catalogs and the HTTP app, listening on the configured address.

import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../cli/config.js';
import { envOf, stageDepsOf } from '../cli/runtime.js';
import { pagesInFlight } from '../pipeline/digitize-source.js';
import { s3ConfigFromEnv } from '../storage/object-store/index.js';
import { consumeDigitizeJobs } from '../workers/digitize-jobs.js';
import { createJobQueueFromEnv } from '../workers/job-queue/index.js';
import { buildServiceApp } from './app.js';
import { loadHolidayTable } from './calendar/holiday-table.js';
import { loadComponentCatalog } from './component-catalog.js';
import { ProgressHub } from './events/progress-hub.js';
import { createPresigner } from './files/presigner.js';
import { loadProcedureCatalog } from './procedures/procedure-catalog.js';
import type { ServiceOptions } from './service-options.js';
import { openServiceRuntime, type ServiceRuntime } from './service-runtime.js';

export interface RunningService {
  app: FastifyInstance;
  runtime: ServiceRuntime;
  url: string;
  close(): Promise<void>;
}

export async function startService(
  config: Config,
  options: ServiceOptions,
  extra: { now?: () => Date; env?: Record<string, string | undefined> } = {},
): Promise<RunningService> {
  const catalog = loadComponentCatalog();
  const procedures = loadProcedureCatalog(catalog.codes, options.proceduresFile);
  const holidays = loadHolidayTable();
  const runtime = await openServiceRuntime(config);
  const queue = createJobQueueFromEnv({ REDIS_URL: config.redisUrl, ...(extra.env ?? {}) });
  const progress = new ProgressHub();
  const s3 = s3ConfigFromEnv(envOf(config));
  let app: FastifyInstance | null = null;
  try {
    app = await buildServiceApp({
      database: runtime.database,
      store: runtime.store,
      queue,
      catalog,
      procedures,
      holidays,
      progress,
      options,
      tmpDir: join(config.dataDir, 'tmp'),
      presign: s3 ? createPresigner(s3) : null,
      now: extra.now ?? (() => new Date()),
    });
    if (options.consumeJobs) {
      await consumeDigitizeJobs(
        queue,
        {
          ...stageDepsOf(runtime),
          pageConcurrency: pagesInFlight(config.ocrWorkers),
          // Component corrections survive re-recognition inside the repository's write of every run.
          onProgress: (event) => progress.publish(event),
        },
        { concurrency: config.sourceConcurrency },
      );
    }
    const url = await app.listen({ host: options.host, port: options.port });
    const opened = app;
    return {
      app: opened,
      runtime,
      url,
      async close() {
        await opened.close();
        await queue.close(5000);
        await runtime.close();
      },
    };
  } catch (error) {
    await app?.close().catch(() => {});
    await queue.close(0).catch(() => {});
    await runtime.close();
    throw error;
  }
}
