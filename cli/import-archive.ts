import { opendir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import type { ObjectStore } from '../storage/object-store/object-store.port.js';
import { s3ConfigFromEnv } from '../storage/object-store/object-store-from-env.js';
import { createS3ObjectStore } from '../storage/object-store/s3-object-store.js';
import { SCAN_EXTENSIONS } from './collect-paths.js';

/** One file of an archive as walked. `relative` uses '/' whatever the platform. */
export interface ArchiveFile {
  path: string;
  relative: string;
}

/** A folder or bucket prefix walked lazily: files come one at a time, never as a whole listing. */
export interface Archive {
  /** Normalized root (absolute folder, or s3://bucket/prefix): part of the run's identity. */
  root: string;
  files(): AsyncIterable<ArchiveFile>;
  size(file: ArchiveFile): Promise<number>;
  read(file: ArchiveFile): Promise<Buffer>;
  close(): Promise<void>;
}

export class ArchiveError extends Error {}

const isScan = (name: string) => SCAN_EXTENSIONS.has(extname(name).toLowerCase());

/** Depth-first over directory handles (streamed entries), skipping dot-names; unreadable folders are reported. */
async function* walkFolder(dir: string, onError: (path: string, reason: string) => void): AsyncGenerator<string> {
  let handle: import('node:fs').Dir;
  try {
    handle = await opendir(dir, { bufferSize: 256 });
  } catch (error) {
    onError(dir, `cannot read folder: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return;
  }
  for await (const entry of handle) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* walkFolder(full, onError);
    else if (entry.isFile() && isScan(entry.name)) yield full;
  }
}

export async function openFolderArchive(
  folder: string,
  onError: (path: string, reason: string) => void,
): Promise<Archive> {
  const root = resolve(folder);
  const info = await stat(root).catch(() => null);
  if (!info?.isDirectory()) throw new ArchiveError(`${folder} is not a folder (or cannot be read)`);
  return {
    root,
    async *files() {
      for await (const path of walkFolder(root, onError)) {
        yield { path, relative: relative(root, path).split(sep).join('/') };
      }
    },
    size: async (file) => (await stat(file.path)).size,
    read: (file) => readFile(file.path),
    close: async () => {},
  };
}

/** s3://bucket/prefix, read with the S3_* endpoint and keys of the configuration (the bucket is the URL's). */
export function openS3Archive(url: string, env: Record<string, string | undefined>): Archive {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url);
  if (!match) throw new ArchiveError(`${url}: expected s3://bucket/prefix`);
  const [, bucket, prefix] = match as unknown as [string, string, string];
  const config = s3ConfigFromEnv({ ...env, S3_BUCKET: bucket });
  if (!config) throw new ArchiveError(`${url}: set S3_ENDPOINT, S3_ACCESS_KEY and S3_SECRET_KEY to read a bucket`);
  const store: ObjectStore = createS3ObjectStore(config);
  const base = `s3://${bucket}/`;
  const dirPrefix = prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
  return {
    root: `${base}${dirPrefix}`,
    async *files() {
      for await (const key of store.list(dirPrefix)) {
        const name = key.slice(key.lastIndexOf('/') + 1);
        if (name.startsWith('.') || !isScan(name)) continue;
        yield { path: `${base}${key}`, relative: key.slice(dirPrefix.length) };
      }
    },
    async size(file) {
      const info = await store.stat(file.path.slice(base.length));
      if (!info) throw new ArchiveError('object vanished from the bucket');
      return info.size;
    },
    read: (file) => store.get(file.path.slice(base.length)),
    close: () => store.close(),
  };
}

export function openArchive(
  target: string,
  env: Record<string, string | undefined>,
  onError: (path: string, reason: string) => void,
): Promise<Archive> {
  return target.startsWith('s3://') ? Promise.resolve(openS3Archive(target, env)) : openFolderArchive(target, onError);
}

export type GroupRule = { by: 'folder' } | { by: 'file' } | { by: 'pattern'; pattern: RegExp };

export function parseGroupRule(group: string, pattern: string | undefined): GroupRule {
  if (group === 'folder' || group === 'file') {
    if (pattern !== undefined) throw new ArchiveError('--pattern goes with --group pattern');
    return { by: group };
  }
  if (group !== 'pattern') throw new ArchiveError(`--group must be folder, file or pattern, not "${group}"`);
  if (!pattern) throw new ArchiveError('--group pattern needs --pattern <regex with a named group "code">');
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, 'u');
  } catch (error) {
    throw new ArchiveError(`--pattern is not a valid regular expression: ${(error as Error).message}`);
  }
  if (!pattern.includes('(?<code>')) throw new ArchiveError('--pattern needs a named group "code", e.g. (?<code>\\d+)');
  return { by: 'pattern', pattern: regex };
}

export function describeGroupRule(rule: GroupRule): string {
  return rule.by === 'pattern' ? `pattern:${rule.pattern.source}` : rule.by;
}

/**
 * Pure: the dossier a file belongs to. folder: its folder relative to the root (a file at the root is its own
 * dossier); file: its path without extension; pattern: the "code" group matched against the file name. null when the
 * name does not match the pattern.
 */
export function dossierKeyOf(relativePath: string, rule: GroupRule): string | null {
  const slash = relativePath.lastIndexOf('/');
  const name = relativePath.slice(slash + 1);
  if (rule.by === 'pattern') return rule.pattern.exec(name)?.groups?.code ?? null;
  const withoutExt = relativePath.slice(0, relativePath.length - extname(name).length);
  if (rule.by === 'file' || slash < 0) return withoutExt;
  return relativePath.slice(0, slash);
}
