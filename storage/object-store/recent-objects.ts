import type { ObjectStore } from './object-store.port.js';

export interface RecentObjectsOptions {
  /** Bytes kept at most; the least recently used objects go first. */
  maxBytes: number;
  /** How long a kept object is trusted, ms: another process may rewrite the key (re-OCR) after that. */
  ttlMs: number;
  /** Which keys are worth keeping (objects written by one stage and read by the next). */
  keep(key: string): boolean;
}

interface Entry {
  data: Buffer;
  expires: number;
}

/**
 * Keeps the objects this process wrote most recently, so the stage that reads them next in the same process (the
 * finish job reading the pages its page jobs just stored) gets them without a round trip to the store. Writes and
 * deletes go through to the store first; only what the store accepted is kept.
 */
export function withRecentObjects(
  store: ObjectStore,
  options: RecentObjectsOptions,
  now: () => number = Date.now,
): ObjectStore {
  // A Map iterates in insertion order: re-inserting on use makes its first key the least recently used.
  const entries = new Map<string, Entry>();
  let bytes = 0;

  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.data.byteLength;
  };
  const fresh = (key: string): Entry | null => {
    const entry = entries.get(key);
    if (!entry) return null;
    if (entry.expires <= now()) {
      drop(key);
      return null;
    }
    entries.delete(key);
    entries.set(key, entry);
    return entry;
  };
  const remember = (key: string, data: Buffer | Uint8Array) => {
    drop(key);
    if (!options.keep(key) || data.byteLength > options.maxBytes) return;
    // A copy: the caller may reuse its buffer (made only for what is kept: PDFs pass through uncopied).
    entries.set(key, { data: Buffer.from(data), expires: now() + options.ttlMs });
    bytes += data.byteLength;
    for (const oldest of entries.keys()) {
      if (bytes <= options.maxBytes) break;
      drop(oldest);
    }
  };

  return {
    kind: store.kind,
    async put(key, data, putOptions) {
      drop(key);
      await store.put(key, data, putOptions);
      remember(key, data);
    },
    async putAll(objects) {
      for (const o of objects) drop(o.key);
      await store.putAll(objects);
      for (const o of objects) remember(o.key, o.data);
    },
    async putStream(key, stream, size, putOptions) {
      drop(key);
      await store.putStream(key, stream, size, putOptions);
    },
    async get(key) {
      const entry = fresh(key);
      if (entry) return entry.data;
      return store.get(key);
    },
    getStream: (key) => store.getStream(key),
    stat: (key) => store.stat(key),
    async exists(key) {
      return fresh(key) !== null || store.exists(key);
    },
    async delete(key) {
      drop(key);
      await store.delete(key);
    },
    list: (prefix) => store.list(prefix),
    async close() {
      entries.clear();
      bytes = 0;
      await store.close();
    },
  };
}
