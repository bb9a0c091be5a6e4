import type { Readable } from 'node:stream';
import { Client } from 'minio';
import { DEFAULT_CONTENT_TYPE } from './fs-object-store.js';
import { normalizeObjectKey, normalizeObjectPrefix } from './object-key.js';
import { type ObjectInfo, ObjectNotFoundError, type ObjectStore } from './object-store.port.js';
import { type RetryOptions, withRetry } from './retry.js';

export interface S3ObjectStoreConfig {
  endPoint: string;
  port?: number;
  useSSL?: boolean;
  accessKey: string;
  secretKey: string;
  /** Default us-east-1. */
  region?: string;
  bucket: string;
  /** Path-style URLs (http://host/bucket/key); needed by s3rver and most self-hosted stores. Default true. */
  pathStyle?: boolean;
  retry?: RetryOptions;
  /** Keys fetched per list request (S3 caps it at 1000). Default 1000. */
  listPageSize?: number;
  /**
   * putStream reads streams up to this size into memory so the upload is a single, retryable PUT.
   * Larger streams go to the client as streams (multipart, not retried; s3rver cannot take them). Default 64 MiB.
   */
  maxBufferedPutBytes?: number;
}

export interface S3ObjectStore extends ObjectStore {
  readonly bucket: string;
  /** Creates the bucket when missing. Every operation calls it once first; exposed for start-up checks. */
  ensureBucket(): Promise<void>;
}

const NOT_FOUND_CODES = new Set(['NoSuchKey', 'NotFound', 'NoSuchObject']);

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

async function readExactly(stream: Readable, size: number, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    total += buf.length;
    if (total > size) {
      stream.destroy();
      throw new Error(`putStream ${key}: stream is longer than the declared ${size} bytes`);
    }
    chunks.push(buf);
  }
  if (total !== size) throw new Error(`putStream ${key}: stream gave ${total} bytes, expected ${size}`);
  return Buffer.concat(chunks, total);
}

export function createS3ObjectStore(config: S3ObjectStoreConfig): S3ObjectStore {
  const region = config.region ?? 'us-east-1';
  const useSSL = config.useSSL ?? false;
  const listPageSize = config.listPageSize ?? 1000;
  const maxBuffered = config.maxBufferedPutBytes ?? 64 * 1024 * 1024;
  if (!Number.isInteger(listPageSize) || listPageSize < 1 || listPageSize > 1000) {
    throw new Error(`S3 object store: listPageSize must be 1..1000, got ${listPageSize}`);
  }
  const client = new Client({
    endPoint: config.endPoint,
    port: config.port,
    useSSL,
    accessKey: config.accessKey,
    secretKey: config.secretKey,
    region,
    pathStyle: config.pathStyle ?? true,
  });
  const where = `${useSSL ? 'https' : 'http'}://${config.endPoint}${config.port ? `:${config.port}` : ''}`;
  const bucket = config.bucket;

  /** Runs one S3 request with retries; failures name the endpoint, bucket and key. */
  function request<T>(op: string, key: string | null, run: () => Promise<T>): Promise<T> {
    return withRetry(run, config.retry ?? {}, (error, attempts) => {
      if (key !== null && NOT_FOUND_CODES.has(errorCode(error) ?? '')) return new ObjectNotFoundError(key);
      const target = key === null ? `bucket "${bucket}"` : `bucket "${bucket}" key "${key}"`;
      const reason = error instanceof Error ? error.message || errorCode(error) || error.name : String(error);
      return new Error(
        `S3 ${op} failed at ${where} ${target} after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${reason}`,
        { cause: error },
      );
    });
  }

  let bucketReady: Promise<void> | null = null;
  function ensureBucket(): Promise<void> {
    bucketReady ??= request('ensureBucket', null, async () => {
      if (await client.bucketExists(bucket)) return;
      try {
        await client.makeBucket(bucket, region);
      } catch (error) {
        // Another process may have created it in between.
        const code = errorCode(error);
        if (code !== 'BucketAlreadyOwnedByYou' && code !== 'BucketAlreadyExists') throw error;
      }
    }).catch((error: unknown) => {
      bucketReady = null; // let the next call try again
      throw error;
    });
    return bucketReady;
  }

  /** ensureBucket for one operation; a failure also names the key the caller was after. */
  async function bucketFor(op: string, key: string): Promise<void> {
    try {
      await ensureBucket();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${message} (before ${op} of key "${key}")`, { cause: error });
    }
  }

  async function statKey(key: string): Promise<ObjectInfo | null> {
    await bucketFor('stat', key);
    try {
      const info = await request('stat', key, () => client.statObject(bucket, key));
      const contentType = (info.metaData as Record<string, string | undefined>)['content-type'] ?? null;
      return { key, size: info.size, contentType };
    } catch (error) {
      if (error instanceof ObjectNotFoundError) return null;
      throw error;
    }
  }

  const headers = (contentType: string | undefined) => ({ 'Content-Type': contentType ?? DEFAULT_CONTENT_TYPE });

  async function putBytes(rawKey: string, data: Buffer | Uint8Array, contentType?: string): Promise<void> {
    const key = normalizeObjectKey(rawKey);
    await bucketFor('put', key);
    const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    await request('put', key, () => client.putObject(bucket, key, buf, buf.length, headers(contentType)));
  }

  return {
    kind: 's3',
    bucket,
    ensureBucket,

    put: (key, data, opts) => putBytes(key, data, opts?.contentType),

    async putAll(objects) {
      const items = objects.map((o) => ({ ...o, key: normalizeObjectKey(o.key) }));
      const last = items.at(-1);
      if (!last) return;
      // The others side by side, then the last: an object is visible once its PUT returns.
      await Promise.all(items.slice(0, -1).map((o) => putBytes(o.key, o.data, o.contentType)));
      await putBytes(last.key, last.data, last.contentType);
    },

    async putStream(rawKey, stream, size, opts) {
      const key = normalizeObjectKey(rawKey);
      if (!Number.isSafeInteger(size) || size < 0) throw new Error(`putStream ${key}: invalid size ${size}`);
      await bucketFor('putStream', key);
      if (size <= maxBuffered) {
        const buf = await readExactly(stream, size, key);
        await request('put', key, () => client.putObject(bucket, key, buf, size, headers(opts?.contentType)));
        return;
      }
      // A consumed stream cannot be replayed: a single attempt.
      await request('putStream', key, () => client.putObject(bucket, key, stream, size, headers(opts?.contentType)));
    },

    async get(rawKey) {
      const key = normalizeObjectKey(rawKey);
      await bucketFor('get', key);
      return request('get', key, async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of await client.getObject(bucket, key)) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks);
      });
    },

    async getStream(rawKey) {
      const key = normalizeObjectKey(rawKey);
      await bucketFor('getStream', key);
      return request('getStream', key, () => client.getObject(bucket, key));
    },

    stat(rawKey) {
      return statKey(normalizeObjectKey(rawKey));
    },

    async exists(rawKey) {
      return (await statKey(normalizeObjectKey(rawKey))) !== null;
    },

    async delete(rawKey) {
      const key = normalizeObjectKey(rawKey);
      await bucketFor('delete', key);
      await request('delete', key, () => client.removeObject(bucket, key));
    },

    list(rawPrefix) {
      const prefix = normalizeObjectPrefix(rawPrefix);
      return (async function* () {
        await bucketFor('list', `prefix ${prefix}`);
        // List v1 with the last key as marker: s3rver cannot issue v2 continuation tokens on OpenSSL 3
        // (it encrypts them with DES), and markers page identically on real S3.
        let marker = '';
        let truncated = true;
        while (truncated) {
          const page = await request('list', null, () =>
            client.listObjectsQuery(bucket, prefix, marker, { Delimiter: '', MaxKeys: listPageSize }),
          );
          const names = page.objects.map((item) => item.name).filter((name): name is string => !!name);
          yield* names;
          truncated = page.isTruncated === true && names.length > 0;
          marker = names.at(-1) ?? marker;
        }
      })();
    },

    async close() {
      // The minio client keeps no open handles beyond Node's keep-alive agent.
    },
  };
}
