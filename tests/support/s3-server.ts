import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { S3ObjectStoreConfig } from '../../storage/object-store/s3-object-store.js';

/** The parts of s3rver 3.7 used here (it ships no type declarations). */
interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: {
  port: number;
  address: string;
  directory: string;
  silent: boolean;
  resetOnClose: boolean;
}) => S3rverInstance;

export interface TestS3Server {
  endpoint: string;
  /** Connection settings for a fresh, uniquely named bucket (created on first use by the adapter). */
  config(bucketPrefix?: string): S3ObjectStoreConfig;
  stop(): Promise<void>;
}

/** Starts s3rver on loopback on a free port with its data in a temp folder; `stop` removes both. */
export async function startS3Server(): Promise<TestS3Server> {
  const S3rver = createRequire(import.meta.url)('s3rver') as S3rverConstructor;
  const directory = await mkdtemp(path.join(tmpdir(), 'sohoa-s3rver-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', directory, silent: true, resetOnClose: true });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    config: (bucketPrefix = 'test') => ({
      endPoint: '127.0.0.1',
      port,
      useSSL: false,
      // s3rver accepts any credentials; these are placeholders, not secrets.
      accessKey: 'S3RVER',
      secretKey: 'S3RVER',
      region: 'us-east-1',
      bucket: `${bucketPrefix}-${randomBytes(4).toString('hex')}`,
      pathStyle: true,
    }),
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
