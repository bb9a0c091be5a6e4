import type { Readable } from 'node:stream';

export interface ObjectInfo {
  key: string;
  size: number;
  contentType: string | null;
}

/** One object for putAll. */
export interface PutObject {
  key: string;
  data: Buffer | Uint8Array;
  contentType?: string;
}

/**
 * Object store port. Keys are '/'-separated, relative ("originals/ab/cd/<sha256>", "pages/<sha>/0001.png").
 * Adapters: fs (embedded default) and S3. Both are proven by one contract suite.
 */
export interface ObjectStore {
  readonly kind: 'fs' | 's3';
  /** Writes the object whole (atomically for fs: readers never see a partial object). */
  put(key: string, data: Buffer | Uint8Array, options?: { contentType?: string }): Promise<void>;
  /**
   * Writes several objects, each as put does. The last one is written only once all the others are stored (durably,
   * where the store syncs), so it can mark the set complete; the fs adapter syncs the set together, at the cost of
   * about one sync. Not atomic as a set: a failure may leave some of the others written. Keys are checked first: an
   * invalid one rejects before anything is written.
   */
  putAll(objects: ReadonlyArray<PutObject>): Promise<void>;
  /** Streams an object of known size (S3 needs the size up front). */
  putStream(key: string, stream: Readable, size: number, options?: { contentType?: string }): Promise<void>;
  /** Rejects with ObjectNotFoundError when absent. */
  get(key: string): Promise<Buffer>;
  getStream(key: string): Promise<Readable>;
  /** null when absent. */
  stat(key: string): Promise<ObjectInfo | null>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Lazily lists keys under a prefix, in lexical order. */
  list(prefix: string): AsyncIterable<string>;
  close(): Promise<void>;
}

export class ObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`object not found: ${key}`);
    this.name = 'ObjectNotFoundError';
  }
}
