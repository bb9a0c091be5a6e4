import path from 'node:path';
import { createFsObjectStore } from './fs-object-store.js';
import type { ObjectStore } from './object-store.port.js';
import type { S3ObjectStoreConfig } from './s3-object-store.js';

type Env = Record<string, string | undefined>;

const REQUIRED_S3 = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY', 'S3_SECRET_KEY'] as const;

/** Parses S3_* variables; null when none are set; throws when only some are. */
export function s3ConfigFromEnv(env: Env): S3ObjectStoreConfig | null {
  const present = REQUIRED_S3.filter((name) => env[name]);
  if (present.length === 0) return null;
  const missing = REQUIRED_S3.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new Error(
      `S3 object store is partially configured: missing ${missing.join(', ')} (set all of ${REQUIRED_S3.join(', ')} or none)`,
    );
  }
  let url: URL;
  try {
    url = new URL(env.S3_ENDPOINT!);
  } catch {
    throw new Error(`S3_ENDPOINT must be a URL like http://127.0.0.1:9000, got ${JSON.stringify(env.S3_ENDPOINT)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`S3_ENDPOINT must use http or https, got ${url.protocol}`);
  }
  const useSSL = url.protocol === 'https:';
  return {
    endPoint: url.hostname,
    port: url.port ? Number(url.port) : useSSL ? 443 : 80,
    useSSL,
    accessKey: env.S3_ACCESS_KEY!,
    secretKey: env.S3_SECRET_KEY!,
    region: env.S3_REGION || 'us-east-1',
    bucket: env.S3_BUCKET!,
    // Virtual-host addressing only where explicitly asked for; self-hosted stores need path style.
    pathStyle: env.S3_PATH_STYLE !== 'false',
  };
}

/**
 * S3 when S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY and S3_SECRET_KEY are set; else fs under
 * `${SOHOA_DATA_DIR ?? './.sohoa'}/objects`. The S3 client loads only when configured: the embedded deployment never
 * needs it, nor its share of the heap.
 */
export async function createObjectStoreFromEnv(env: Env = process.env): Promise<ObjectStore> {
  const s3 = s3ConfigFromEnv(env);
  if (s3) return (await import('./s3-object-store.js')).createS3ObjectStore(s3);
  return createFsObjectStore(path.join(env.SOHOA_DATA_DIR || './.sohoa', 'objects'));
}
