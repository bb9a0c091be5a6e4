// The pipeline runtime for the service process: like cli/runtime.ts's openRuntime, but over the service's database
// connection (PGlite allows one per data folder).
import { availableParallelism } from 'node:os';
import type { Config } from '../cli/config.js';
import { envOf, type Runtime, sourceLimitsOf } from '../cli/runtime.js';
import { createOcrPool, MODEL_FOLDER, type OcrPool, tesseractJsVersion } from '../pipeline/ocr/index.js';
import { loadRulePack } from '../pipeline/recognize/index.js';
import { pipelineVersion } from '../pipeline/versions.js';
import { createObjectStoreFromEnv } from '../storage/object-store/index.js';
import { openServiceDatabase, type ServiceDatabase } from './service-db.js';

export interface ServiceRuntime extends Runtime {
  database: ServiceDatabase;
}

export async function openServiceRuntime(config: Config): Promise<ServiceRuntime> {
  const store = createObjectStoreFromEnv(envOf(config));
  const rulePack = await loadRulePack();
  const database = await openServiceDatabase({
    dataDir: config.dataDir,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
  });
  let pool: Promise<OcrPool> | null = null;
  const ocr = () => {
    pool ??= createOcrPool({
      size: Math.min(config.ocrWorkers, availableParallelism() * 2),
      recycleAfterJobs: config.ocrRecycleJobs,
      maxWorkerRssMb: config.ocrMaxRssMb,
      jobTimeoutMs: config.pageTimeoutMs,
    });
    return pool;
  };
  return {
    config,
    store,
    database,
    warehouse: database.warehouse,
    rulePack,
    limits: sourceLimitsOf(config),
    preprocess: { targetDpi: config.renderDpi, maxPixels: config.maxPixels },
    ocr,
    versions: {
      pipeline: pipelineVersion(),
      ocrEngine: `tesseract.js@${tesseractJsVersion()}`,
      ocrModel: `vie+eng/${MODEL_FOLDER}`,
      rulePack: rulePack.version,
    },
    async close() {
      const closing: Promise<unknown>[] = [database.close(), store.close()];
      if (pool) closing.push(pool.then((p) => p.close()));
      await Promise.allSettled(closing);
    },
  };
}
