// One uploaded part to a temporary file while hashing it and keeping its first bytes for type sniffing; the whole
// file is never in memory. The caller moves it to its content-addressed key once every part of the request passed.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { objectKeys } from '../../pipeline/object-keys.js';
import { describeContent, sniffSourceKind } from '../../pipeline/split/index.js';
import type { ObjectStore } from '../../storage/object-store/object-store.port.js';
import { problems } from '../problem.js';

const MEDIA_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  tiff: 'image/tiff',
};
/** Enough for every signature sniffSourceKind knows (a PDF header may sit anywhere in the first KiB). */
const HEAD_BYTES = 4096;

export interface StagedFile {
  fileName: string;
  tmpPath: string;
  sha256: string;
  byteSize: number;
  mediaType: string;
}

export async function stageUpload(
  stream: NodeJS.ReadableStream & { truncated?: boolean },
  fileName: string,
  tmpDir: string,
  limits: { maxFileBytes: number; requestBytesLeft: () => number; onBytes: (n: number) => void },
): Promise<StagedFile> {
  await mkdir(tmpDir, { recursive: true });
  const tmpPath = join(tmpDir, `upload-${randomUUID()}`);
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      limits.onBytes(chunk.length);
      if (limits.requestBytesLeft() < 0) {
        done(problems.tooLarge('the upload is larger than the per-request limit (SOHOA_UPLOAD_MAX_REQUEST_BYTES)'));
        return;
      }
      if (headLength < HEAD_BYTES) {
        head.push(chunk.subarray(0, HEAD_BYTES - headLength));
        headLength += Math.min(chunk.length, HEAD_BYTES - headLength);
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(stream, meter, createWriteStream(tmpPath));
    if (stream.truncated) {
      throw problems.tooLarge(
        `${fileName} is larger than the per-file limit of ${limits.maxFileBytes} bytes (SOHOA_UPLOAD_MAX_FILE_BYTES)`,
      );
    }
    if (size === 0) throw problems.unprocessable(`${fileName} is empty`);
    const headBytes = Buffer.concat(head);
    const kind = sniffSourceKind(headBytes);
    if (!kind) {
      throw problems.unsupported(
        `${fileName} looks like ${describeContent(headBytes)}; accepted are PDF, JPEG, PNG, WebP and TIFF (judged by content)`,
      );
    }
    return { fileName, tmpPath, sha256: hash.digest('hex'), byteSize: size, mediaType: MEDIA_TYPES[kind]! };
  } catch (error) {
    await unlink(tmpPath).catch(() => {});
    throw error;
  }
}

/** Moves a staged file to originals/<sha> (skipped when those bytes are already stored) and removes the temp file. */
export async function commitStaged(store: ObjectStore, staged: StagedFile): Promise<void> {
  try {
    const key = objectKeys.original(staged.sha256);
    if (!(await store.exists(key))) {
      await store.putStream(key, createReadStream(staged.tmpPath), staged.byteSize, { contentType: staged.mediaType });
    }
  } finally {
    await unlink(staged.tmpPath).catch(() => {});
  }
}

export async function discardStaged(staged: StagedFile[]): Promise<void> {
  await Promise.all(staged.map((s) => unlink(s.tmpPath).catch(() => {})));
}
