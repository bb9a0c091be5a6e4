import sharp from 'sharp';
import { MODEL_FOLDER, type OcrPool, tesseractJsVersion } from '../pipeline/ocr/index.js';
import type { Versions } from '../pipeline/page-model.js';
import type { PreprocessOptions } from '../pipeline/preprocess/index.js';
import type { PreparePage } from '../pipeline/preprocess/preprocess-pool.js';
import { loadRulePack, type RulePack } from '../pipeline/recognize/index.js';
import type { StageDeps } from '../pipeline/source-stages.js';
import type { SourceLimits } from '../pipeline/split/index.js';
import { pipelineVersion } from '../pipeline/versions.js';
import type { ObjectStore } from '../storage/object-store/object-store.port.js';
import { createObjectStoreFromEnv } from '../storage/object-store/object-store-from-env.js';
import { openWarehouse, type Warehouse } from '../storage/warehouse/index.js';
import type { Config } from './config.js';
import { readingThreadsOf } from './reading-threads.js';

/** The adapters and settings one process works with, chosen from configuration (composition root). */
export interface Runtime {
  config: Config;
  store: ObjectStore;
  warehouse: Warehouse;
  rulePack: RulePack;
  limits: SourceLimits;
  preprocess: PreprocessOptions;
  /** Page preprocessing on worker threads (preparePage off the main thread). */
  prepare: PreparePage;
  /** Created on first use: re-submitting known files never starts OCR workers. */
  ocr(): Promise<OcrPool>;
  versions: Versions;
  close(): Promise<void>;
}

/** What the pipeline stages need from the runtime. */
export function stageDepsOf(runtime: Runtime): StageDeps {
  return {
    store: runtime.store,
    repo: runtime.warehouse.repo,
    ocr: runtime.ocr,
    rulePack: runtime.rulePack,
    limits: runtime.limits,
    preprocess: runtime.preprocess,
    prepare: runtime.prepare,
    versions: runtime.versions,
  };
}

export function sourceLimitsOf(config: Config): SourceLimits {
  return {
    maxBytes: config.maxBytes,
    maxPixels: config.maxPixels,
    maxPages: config.maxPages,
    pageTimeoutMs: config.pageTimeoutMs,
    renderDpi: config.renderDpi,
  };
}

export function envOf(config: Config): Record<string, string | undefined> {
  return {
    SOHOA_DATA_DIR: config.dataDir,
    S3_ENDPOINT: config.s3Endpoint,
    S3_BUCKET: config.s3Bucket,
    S3_ACCESS_KEY: config.s3AccessKey,
    S3_SECRET_KEY: config.s3SecretKey,
    S3_REGION: config.s3Region,
  };
}

/** Opens the adapters the configuration names; a caller that already opened the warehouse passes it in. */
export async function openRuntime(
  config: Config,
  opened: {
    warehouse?: Warehouse;
    /**
     * Start the reading threads now rather than on the first page that needs them: their start-up (engine and model
     * loading, on their own threads) then overlaps the warehouse's start-up on the main thread instead of following it.
     */
    warmOcr?: boolean;
    /** The OCR threads' scheduling policy when SOHOA_OCR_IDLE is not set (see config). */
    ocrIdleByDefault?: boolean;
  } = {},
): Promise<Runtime> {
  // Every page image is decoded and processed once: libvips' operation cache (50 MB by default) would only hold
  // pixels nobody asks for again.
  sharp.cache(false);
  const threads = readingThreadsOf(config, { ocrIdleByDefault: opened.ocrIdleByDefault });
  if (opened.warmOcr) threads.start();
  let store: ObjectStore | undefined;
  let rulePack: RulePack;
  let warehouse: Warehouse;
  try {
    store = await createObjectStoreFromEnv(envOf(config));
    rulePack = await loadRulePack();
    warehouse =
      opened.warehouse ??
      (await openWarehouse({
        dataDir: config.dataDir,
        pglite: { sharedBuffersMb: config.pgliteSharedBuffersMb, createTimeoutMs: config.pgliteCreateTimeoutMs },
        ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
      }));
  } catch (error) {
    // Started threads keep the process alive: whatever failed, they stop with it.
    await Promise.allSettled([store?.close(), threads.close()]);
    throw error;
  }
  return {
    config,
    store,
    warehouse,
    rulePack,
    limits: sourceLimitsOf(config),
    preprocess: { targetDpi: config.renderDpi, maxPixels: config.maxPixels },
    prepare: threads.prepare,
    ocr: threads.ocr,
    versions: {
      pipeline: pipelineVersion(),
      ocrEngine: `tesseract.js@${tesseractJsVersion()}`,
      ocrModel: `vie+eng/${MODEL_FOLDER}`,
      rulePack: rulePack.version,
    },
    async close() {
      await Promise.allSettled([warehouse.close(), store.close(), threads.close()]);
    },
  };
}
