// Presigned GET URLs for downloads in S3 mode: the client fetches the bytes from the object store directly.
import { Client } from 'minio';
import type { S3ObjectStoreConfig } from '../../storage/object-store/index.js';

export type Presign = (
  key: string,
  download: { contentType: string; disposition?: string },
  ttlSeconds: number,
) => Promise<string>;

export function createPresigner(config: S3ObjectStoreConfig): Presign {
  const client = new Client({
    endPoint: config.endPoint,
    port: config.port,
    useSSL: config.useSSL ?? false,
    accessKey: config.accessKey,
    secretKey: config.secretKey,
    region: config.region ?? 'us-east-1',
    pathStyle: config.pathStyle ?? true,
  });
  return (key, download, ttlSeconds) =>
    client.presignedGetObject(config.bucket, key, ttlSeconds, {
      'response-content-type': download.contentType,
      ...(download.disposition ? { 'response-content-disposition': download.disposition } : {}),
    });
}
