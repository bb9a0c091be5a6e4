import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { ObjectStore } from '../storage/object-store/object-store.port.js';
import { objectKeys } from './object-keys.js';
import { sniffSourceKind } from './split/index.js';

export interface IngestedFile {
  sha256: string;
  byteSize: number;
  mediaType: string | null;
}

export class IngestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IngestError';
  }
}

const MEDIA_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  tiff: 'image/tiff',
};

/**
 * Hashes a file and stores it, unmodified, under its SHA-256 (once: an original already stored is not written again).
 * The size limit is checked before the file is read.
 */
export async function ingestFile(path: string, store: ObjectStore, maxBytes: number): Promise<IngestedFile> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    throw new IngestError(`cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  checkSizeLimit(size, maxBytes);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new IngestError(`cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const ingested = describeOriginal(bytes);
  await storeOriginal(ingested, bytes, store);
  return ingested;
}

/** Throws IngestError when a file of `size` bytes is over the limit (checked before reading it). */
export function checkSizeLimit(size: number, maxBytes: number): void {
  if (size > maxBytes) {
    throw new IngestError(
      `file is ${size} bytes, over the limit of ${maxBytes} bytes (raise SOHOA_MAX_BYTES to accept larger files)`,
    );
  }
}

/** Hash and sniffed media type of an original's bytes (no decoding: the known-file path of batch imports uses it). */
export function describeOriginal(bytes: Buffer): IngestedFile {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const kind = sniffSourceKind(bytes);
  return { sha256, byteSize: bytes.length, mediaType: kind ? (MEDIA_TYPES[kind] ?? null) : null };
}

/** Stores an original under its SHA-256 unless already there. */
export async function storeOriginal(file: IngestedFile, bytes: Buffer, store: ObjectStore): Promise<void> {
  const key = objectKeys.original(file.sha256);
  if (!(await store.exists(key))) {
    await store.put(key, bytes, { contentType: file.mediaType ?? 'application/octet-stream' });
  }
}
