export { createFsObjectStore, DEFAULT_CONTENT_TYPE, type FsObjectStoreOptions } from './fs-object-store.js';
export {
  compareKeys,
  InvalidObjectKeyError,
  MAX_KEY_BYTES,
  normalizeObjectKey,
  normalizeObjectPrefix,
} from './object-key.js';
export { type ObjectInfo, ObjectNotFoundError, type ObjectStore } from './object-store.port.js';
export { createObjectStoreFromEnv, s3ConfigFromEnv } from './object-store-from-env.js';
export { DEFAULT_RETRY, isTransientError, type RetryOptions, withRetry } from './retry.js';
export { createS3ObjectStore, type S3ObjectStore, type S3ObjectStoreConfig } from './s3-object-store.js';
