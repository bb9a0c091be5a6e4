import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { compareKeys, normalizeObjectKey, normalizeObjectPrefix } from './object-key.js';
import { type ObjectInfo, ObjectNotFoundError, type ObjectStore } from './object-store.port.js';

/**
 * Filesystem object store.
 *
 * Layout: the object for key `a/b/c.png` is the file `<rootDir>/a/b/c.png`. A content type given on put that the key's
 * extension does not already imply is kept in a sidecar `<rootDir>/.meta/a/b/c.png.type` (a sidecar costs a second
 * synced write per object, so derived files with typed extensions do without); without a content type, stat reports
 * `application/octet-stream` (as the S3 adapter stores). Names starting with '.' are reserved (temp files, `.meta`), which is why keys may not use them.
 * Limits: a key cannot be both an object and a "directory" of other keys (`a` and `a/b`), unlike S3.
 * Empty directories are left behind on delete: pruning them races with concurrent puts into the same directory.
 */
export interface FsObjectStoreOptions {
  /** fsync data before the rename; off only for throwaway stores (tests). Default true. */
  fsync?: boolean;
}

export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';
const META_DIR = '.meta';
/** Content types a key's extension implies: an object put with exactly this type needs no sidecar. */
const IMPLIED_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.pdf': 'application/pdf',
  '.json': 'application/json',
  '.txt': 'text/plain',
};

function impliedType(key: string): string {
  return IMPLIED_TYPES[path.extname(key).toLowerCase()] ?? DEFAULT_CONTENT_TYPE;
}
const META_SUFFIX = '.type';

function isErrno(error: unknown, ...codes: string[]): boolean {
  return error instanceof Error && codes.includes((error as NodeJS.ErrnoException).code ?? '');
}

function notFound(key: string): ObjectNotFoundError {
  return new ObjectNotFoundError(key);
}

export function createFsObjectStore(rootDir: string, options: FsObjectStoreOptions = {}): ObjectStore {
  const root = path.resolve(rootDir);
  const fsync = options.fsync ?? true;
  const dataPath = (key: string) => path.join(root, ...key.split('/'));
  const metaPath = (key: string) => `${path.join(root, META_DIR, ...key.split('/'))}${META_SUFFIX}`;
  const tempPathFor = (target: string) =>
    path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.tmp`);

  // Folders this store made or found: a page's objects share few folders, so most writes need no mkdir.
  const knownDirs = new Set<string>();
  async function ensureParent(target: string, key: string): Promise<void> {
    const dir = path.dirname(target);
    if (knownDirs.has(dir)) return;
    try {
      await mkdir(dir, { recursive: true });
      if (knownDirs.size >= 10_000) knownDirs.clear();
      knownDirs.add(dir);
    } catch (error) {
      if (isErrno(error, 'ENOTDIR', 'EEXIST')) {
        throw new Error(`fs object store: cannot write ${key}: a parent of it is an object, not a folder`, {
          cause: error,
        });
      }
      throw error;
    }
  }

  /** Removes a failed write's temp file; the error to throw, named for the key when a folder is in the way. */
  async function abandonWrite(tmp: string, key: string, error: unknown): Promise<unknown> {
    await rm(tmp, { force: true });
    if (isErrno(error, 'EISDIR')) {
      return new Error(`fs object store: cannot write ${key}: other keys live under it as a folder`, { cause: error });
    }
    return error;
  }

  /** Writes via a temp file in the same folder then renames it: readers see the old or the new file, never a part. */
  async function atomicWrite(target: string, key: string, write: (tmp: string) => Promise<void>): Promise<void> {
    await ensureParent(target, key);
    const tmp = tempPathFor(target);
    try {
      await write(tmp);
      if (fsync) {
        const handle = await open(tmp, 'r+');
        try {
          // Data and size are what a reader needs after a crash; other metadata need not reach the disk first.
          await handle.datasync();
        } finally {
          await handle.close();
        }
      }
      await rename(tmp, target);
    } catch (error) {
      throw await abandonWrite(tmp, key, error);
    }
  }

  /**
   * Writes bytes in hand to a temp file beside the target, synced when the store syncs (one open file for the write
   * and the sync: fewer round trips per object); returns the temp file's path. The caller renames or removes it.
   */
  async function writeTemp(target: string, key: string, data: Buffer | Uint8Array): Promise<string> {
    await ensureParent(target, key);
    const tmp = tempPathFor(target);
    try {
      let handle: import('node:fs/promises').FileHandle;
      try {
        handle = await open(tmp, 'w');
      } catch (error) {
        // A known folder removed behind the store's back: make it again, once.
        if (!isErrno(error, 'ENOENT')) throw error;
        knownDirs.delete(path.dirname(target));
        await ensureParent(target, key);
        handle = await open(tmp, 'w');
      }
      try {
        await handle.writeFile(data);
        // Data and size are what a reader needs after a crash; other metadata need not reach the disk first.
        if (fsync) await handle.datasync();
      } finally {
        await handle.close();
      }
      return tmp;
    } catch (error) {
      throw await abandonWrite(tmp, key, error);
    }
  }

  /** atomicWrite for bytes in hand. */
  async function atomicWriteBytes(target: string, key: string, data: Buffer | Uint8Array): Promise<void> {
    const tmp = await writeTemp(target, key, data);
    try {
      await rename(tmp, target);
    } catch (error) {
      throw await abandonWrite(tmp, key, error);
    }
  }

  async function writeContentType(key: string, contentType: string | undefined): Promise<void> {
    const target = metaPath(key);
    const type = contentType ?? DEFAULT_CONTENT_TYPE;
    if (type === impliedType(key)) {
      await rm(target, { force: true });
      return;
    }
    await atomicWrite(target, key, (tmp) => writeFile(tmp, type, 'utf8'));
  }

  async function readContentType(key: string): Promise<string> {
    try {
      return await readFile(metaPath(key), 'utf8');
    } catch (error) {
      if (isErrno(error, 'ENOENT', 'ENOTDIR')) return impliedType(key);
      throw error;
    }
  }

  async function fileSize(key: string): Promise<number | null> {
    try {
      const info = await stat(dataPath(key));
      return info.isFile() ? info.size : null;
    } catch (error) {
      if (isErrno(error, 'ENOENT', 'ENOTDIR')) return null;
      throw error;
    }
  }

  /** Entries of one folder in key order; folders compare as "name/" so `a-b` sorts before `a/x` as in S3. */
  async function sortedEntries(dir: string): Promise<{ name: string; isDir: boolean }[]> {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (isErrno(error, 'ENOENT', 'ENOTDIR')) return [];
      throw error;
    }
    return entries
      .filter((e) => !e.name.startsWith('.') && (e.isFile() || e.isDirectory()))
      .map((e) => ({ name: e.name, isDir: e.isDirectory(), sortKey: e.isDirectory() ? `${e.name}/` : e.name }))
      .sort((a, b) => compareKeys(a.sortKey, b.sortKey));
  }

  async function* walk(relDir: string, namePrefix: string): AsyncGenerator<string> {
    const dir = relDir === '' ? root : path.join(root, ...relDir.split('/'));
    for (const entry of await sortedEntries(dir)) {
      if (!entry.name.startsWith(namePrefix)) continue;
      const key = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
      if (entry.isDir) yield* walk(key, '');
      else yield key;
    }
  }

  return {
    kind: 'fs',

    async put(rawKey, data, opts) {
      const key = normalizeObjectKey(rawKey);
      await writeContentType(key, opts?.contentType);
      await atomicWriteBytes(dataPath(key), key, data);
    },

    async putAll(objects) {
      const items = objects.map((o) => ({ ...o, key: normalizeObjectKey(o.key) }));
      await Promise.all(items.map((o) => writeContentType(o.key, o.contentType)));
      // Written and synced side by side: the file system commits concurrent syncs together, where one after the other
      // each waits for its own commit.
      const written = await Promise.allSettled(items.map((o) => writeTemp(dataPath(o.key), o.key, o.data)));
      const failed = written.find((w) => w.status === 'rejected');
      const temps = written.map((w) => (w.status === 'fulfilled' ? w.value : null));
      if (failed) {
        await Promise.all(temps.map((tmp) => (tmp ? rm(tmp, { force: true }) : undefined)));
        throw failed.reason;
      }
      // In the given order, so the last one appears last.
      for (const [i, o] of items.entries()) {
        const tmp = temps[i]!;
        try {
          await rename(tmp, dataPath(o.key));
        } catch (error) {
          await Promise.all(temps.slice(i + 1).map((t) => rm(t!, { force: true })));
          throw await abandonWrite(tmp, o.key, error);
        }
      }
    },

    async putStream(rawKey, stream, size, opts) {
      const key = normalizeObjectKey(rawKey);
      if (!Number.isSafeInteger(size) || size < 0) throw new Error(`putStream ${key}: invalid size ${size}`);
      await writeContentType(key, opts?.contentType);
      await atomicWrite(dataPath(key), key, async (tmp) => {
        const out = createWriteStream(tmp);
        await pipeline(stream, out);
        if (out.bytesWritten !== size) {
          throw new Error(`putStream ${key}: stream gave ${out.bytesWritten} bytes, expected ${size}`);
        }
      });
    },

    async get(rawKey) {
      const key = normalizeObjectKey(rawKey);
      try {
        return await readFile(dataPath(key));
      } catch (error) {
        if (isErrno(error, 'ENOENT', 'ENOTDIR', 'EISDIR')) throw notFound(key);
        throw error;
      }
    },

    async getStream(rawKey): Promise<Readable> {
      const key = normalizeObjectKey(rawKey);
      // Open first so a missing key rejects here rather than as a stream error later.
      let handle: import('node:fs/promises').FileHandle;
      try {
        handle = await open(dataPath(key), 'r');
      } catch (error) {
        if (isErrno(error, 'ENOENT', 'ENOTDIR')) throw notFound(key);
        throw error;
      }
      if (!(await handle.stat()).isFile()) {
        await handle.close();
        throw notFound(key);
      }
      return handle.createReadStream();
    },

    async stat(rawKey): Promise<ObjectInfo | null> {
      const key = normalizeObjectKey(rawKey);
      const size = await fileSize(key);
      if (size === null) return null;
      return { key, size, contentType: await readContentType(key) };
    },

    async exists(rawKey) {
      return (await fileSize(normalizeObjectKey(rawKey))) !== null;
    },

    async delete(rawKey) {
      const key = normalizeObjectKey(rawKey);
      if ((await fileSize(key)) === null) return;
      await rm(dataPath(key), { force: true });
      await rm(metaPath(key), { force: true });
    },

    list(rawPrefix) {
      const prefix = normalizeObjectPrefix(rawPrefix);
      const cut = prefix.lastIndexOf('/');
      return walk(cut < 0 ? '' : prefix.slice(0, cut), prefix.slice(cut + 1));
    },

    async close() {},
  };
}
