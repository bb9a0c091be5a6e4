import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFsObjectStore } from './fs-object-store.js';
import type { ObjectStore } from './object-store.port.js';
import { withRecentObjects } from './recent-objects.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'sohoa-recent-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** An fs store that counts the reads reaching it. */
function countingStore(dir: string): { store: ObjectStore; reads: () => number } {
  const inner = createFsObjectStore(path.join(root, dir), { fsync: false });
  let reads = 0;
  return {
    store: {
      ...inner,
      get: (key) => {
        reads++;
        return inner.get(key);
      },
    },
    reads: () => reads,
  };
}

describe('recent objects', () => {
  it('answers reads of what this process just wrote without asking the store', async () => {
    const { store, reads } = countingStore('a');
    const cached = withRecentObjects(store, { maxBytes: 1000, ttlMs: 60_000, keep: (k) => k.startsWith('pages/') });
    await cached.put('pages/x/p0001.jpg', Buffer.from('image'));
    await cached.put('originals/ab/x', Buffer.from('original'));
    expect((await cached.get('pages/x/p0001.jpg')).toString()).toBe('image');
    expect(reads()).toBe(0);
    expect((await cached.get('originals/ab/x')).toString()).toBe('original');
    expect(reads()).toBe(1);
  });

  it('keeps its copy, not the caller buffer, and forgets deleted keys', async () => {
    const { store, reads } = countingStore('b');
    const cached = withRecentObjects(store, { maxBytes: 1000, ttlMs: 60_000, keep: () => true });
    const data = Buffer.from('abc');
    await cached.put('k', data);
    data.write('zzz');
    expect((await cached.get('k')).toString()).toBe('abc');
    await cached.delete('k');
    await expect(cached.get('k')).rejects.toThrow();
    expect(reads()).toBe(1);
  });

  it('drops the least recently used beyond its size and everything past its age', async () => {
    let clock = 0;
    const { store, reads } = countingStore('c');
    const cached = withRecentObjects(store, { maxBytes: 10, ttlMs: 1000, keep: () => true }, () => clock);
    await cached.put('a', Buffer.from('aaaa'));
    await cached.put('b', Buffer.from('bbbb'));
    await cached.get('a'); // a is now the most recent
    await cached.put('c', Buffer.from('cccc')); // 12 bytes: b goes
    expect(reads()).toBe(0);
    await cached.get('b');
    expect(reads()).toBe(1);
    await cached.get('a');
    await cached.get('c');
    expect(reads()).toBe(1);
    clock = 1001;
    await cached.get('c');
    expect(reads()).toBe(2);
  });
});
