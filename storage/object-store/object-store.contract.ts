import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareKeys, InvalidObjectKeyError } from './object-key.js';
import { ObjectNotFoundError, type ObjectStore } from './object-store.port.js';

async function collect(iterable: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const key of iterable) out.push(key);
  return out;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** A readable that yields `data` in small chunks, so adapters see a real multi-chunk stream. */
function chunked(data: Buffer, chunkSize = 1000): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < data.length; i += chunkSize) parts.push(data.subarray(i, i + chunkSize));
  return Readable.from(parts);
}

/**
 * The behaviour every ObjectStore adapter must show. `factory` returns a fresh, empty store for each test
 * (a new folder, a new bucket); the suite closes it afterwards.
 */
export interface ObjectStoreContractOptions {
  /**
   * Known defects of a test double, each with the reason; the matching test is skipped.
   * slashOrder: the server lists in folder-walk order ("a/x" before "a-b") instead of byte order (s3rver 3.7).
   */
  quirks?: { slashOrder?: string };
  /**
   * Times a failed test is run again, for a test double with intermittent faults of its own (not the adapter's);
   * the caller says why.
   */
  retry?: { times: number; reason: string };
}

export function describeObjectStoreContract(
  name: string,
  factory: () => Promise<ObjectStore>,
  options: ObjectStoreContractOptions = {},
): void {
  describe(`ObjectStore contract: ${name}`, { retry: options.retry?.times ?? 0 }, () => {
    let store: ObjectStore;
    beforeEach(async () => {
      store = await factory();
    });
    afterEach(async () => {
      await store.close();
    });

    it('round-trips binary data byte for byte', async () => {
      const data = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(5000)]);
      await store.put('originals/ab/cd/blob', data);
      expect((await store.get('originals/ab/cd/blob')).equals(data)).toBe(true);
      const view = new Uint8Array(data.buffer, data.byteOffset + 10, 100);
      await store.put('originals/view', view);
      expect((await store.get('originals/view')).equals(Buffer.from(view))).toBe(true);
      await store.put('empty', Buffer.alloc(0));
      expect((await store.get('empty')).length).toBe(0);
    });

    it('overwrites an existing object', async () => {
      await store.put('pages/x/0001.png', Buffer.from('first version, longer'));
      await store.put('pages/x/0001.png', Buffer.from('second'));
      expect((await store.get('pages/x/0001.png')).toString()).toBe('second');
      expect((await store.stat('pages/x/0001.png'))?.size).toBe(6);
    });

    it('stats size and content type; a put without type reads back as application/octet-stream', async () => {
      await store.put('pages/x/0001.png', Buffer.alloc(1234, 7), { contentType: 'image/png' });
      expect(await store.stat('pages/x/0001.png')).toEqual({
        key: 'pages/x/0001.png',
        size: 1234,
        contentType: 'image/png',
      });
      await store.put('pages/x/0001.png', Buffer.alloc(10));
      expect(await store.stat('pages/x/0001.png')).toMatchObject({ size: 10, contentType: 'application/octet-stream' });
      expect(await store.stat('pages/x/0002.png')).toBeNull();
      // A type other than the one the extension suggests is kept, and replaced by the next put's type.
      await store.put('pages/x/0003.jpg', Buffer.alloc(3), { contentType: 'image/png' });
      expect((await store.stat('pages/x/0003.jpg'))?.contentType).toBe('image/png');
      await store.put('pages/x/0003.jpg', Buffer.alloc(3), { contentType: 'image/jpeg' });
      expect((await store.stat('pages/x/0003.jpg'))?.contentType).toBe('image/jpeg');
    });

    it('reports existence', async () => {
      expect(await store.exists('a/b')).toBe(false);
      await store.put('a/b', Buffer.from('x'));
      expect(await store.exists('a/b')).toBe(true);
      // A prefix of existing keys is not an object.
      expect(await store.exists('a')).toBe(false);
    });

    it('rejects get/getStream of a missing key with ObjectNotFoundError naming the key', async () => {
      await expect(store.get('missing/key')).rejects.toBeInstanceOf(ObjectNotFoundError);
      await expect(store.get('missing/key')).rejects.toMatchObject({ key: 'missing/key' });
      await expect(store.getStream('missing/key')).rejects.toBeInstanceOf(ObjectNotFoundError);
    });

    it('streams in with a known size and out again', async () => {
      const data = randomBytes(70_000);
      await store.putStream('streams/in.bin', chunked(data), data.length, { contentType: 'application/pdf' });
      expect(await store.stat('streams/in.bin')).toMatchObject({ size: data.length, contentType: 'application/pdf' });
      const out = await readAll(await store.getStream('streams/in.bin'));
      expect(out.equals(data)).toBe(true);
    });

    it('rejects a stream whose length differs from the declared size and stores nothing', async () => {
      const data = randomBytes(3000);
      await expect(store.putStream('streams/short.bin', chunked(data), 5000)).rejects.toThrow(/3000 bytes/);
      await expect(store.putStream('streams/long.bin', chunked(data), 100)).rejects.toThrow();
      expect(await store.exists('streams/short.bin')).toBe(false);
      expect(await store.exists('streams/long.bin')).toBe(false);
    });

    it('lists keys under a prefix in lexical (UTF-8 byte) order', async () => {
      const keys = ['a/y/z', 'b', 'a/x', 'a/x0', 'ab/c', 'a/w/1', 'a/w/10', 'a/w/2', 'Z', 'a/é', 'a/z', 'a/y0'];
      for (const key of keys) await store.put(key, Buffer.from(key));
      const sorted = [...keys].sort(compareKeys);
      expect(await collect(store.list(''))).toEqual(sorted);
      expect(await collect(store.list('a/'))).toEqual(sorted.filter((k) => k.startsWith('a/')));
      expect(await collect(store.list('a'))).toEqual(sorted.filter((k) => k.startsWith('a')));
      expect(await collect(store.list('a/w/1'))).toEqual(['a/w/1', 'a/w/10']);
      expect(await collect(store.list('nothing/'))).toEqual([]);
    });

    it.skipIf(options.quirks?.slashOrder)('orders a key with "-" (0x2d) before keys under "/" (0x2f)', async () => {
      const keys = ['a/x', 'a-b', 'a/y', 'a.c', 'a0'];
      for (const key of keys) await store.put(key, Buffer.from(key));
      expect(await collect(store.list(''))).toEqual(['a-b', 'a.c', 'a/x', 'a/y', 'a0']);
    });

    it('lists lazily: a consumer can stop early', async () => {
      for (let i = 0; i < 12; i++) await store.put(`lazy/${String(i).padStart(3, '0')}`, Buffer.from([i]));
      const seen: string[] = [];
      for await (const key of store.list('lazy/')) {
        seen.push(key);
        if (seen.length === 4) break;
      }
      expect(seen).toEqual(['lazy/000', 'lazy/001', 'lazy/002', 'lazy/003']);
    });

    it('deletes objects; deleting a missing key is a no-op', async () => {
      await store.put('d/1', Buffer.from('1'), { contentType: 'text/plain' });
      await store.put('d/2', Buffer.from('2'));
      await store.delete('d/1');
      expect(await store.exists('d/1')).toBe(false);
      expect(await store.stat('d/1')).toBeNull();
      await expect(store.get('d/1')).rejects.toBeInstanceOf(ObjectNotFoundError);
      await store.delete('d/1');
      await store.delete('never/existed');
      expect(await collect(store.list('d/'))).toEqual(['d/2']);
      // A re-created key does not inherit the deleted object's metadata.
      await store.put('d/1', Buffer.from('again'));
      expect((await store.stat('d/1'))?.contentType).toBe('application/octet-stream');
    });

    it('accepts Vietnamese keys and treats NFD and NFC spellings as one key', async () => {
      const nfc = 'hồ-sơ/Giấy khai sinh Nguyễn Văn Ánh.pdf'.normalize('NFC');
      const nfd = nfc.normalize('NFD');
      expect(nfd).not.toBe(nfc);
      await store.put(nfd, Buffer.from('giấy'), { contentType: 'application/pdf' });
      expect((await store.get(nfc)).toString()).toBe('giấy');
      expect(await store.stat(nfd)).toMatchObject({ key: nfc, size: Buffer.byteLength('giấy') });
      expect(await collect(store.list('hồ-sơ/'.normalize('NFD')))).toEqual([nfc]);
    });

    it('leaves one intact object after concurrent puts of the same key', async () => {
      const versions = Array.from({ length: 6 }, (_, i) => Buffer.alloc(200_000 + i * 1000, i + 1));
      await Promise.all(versions.map((v) => store.put('race/key', v)));
      const final = await store.get('race/key');
      expect(versions.some((v) => v.equals(final))).toBe(true);
      expect(await collect(store.list('race/'))).toEqual(['race/key']);
    });

    it('puts several objects at once, with their types, the last one last', async () => {
      const image = randomBytes(30_000);
      await store.putAll([
        { key: 'pages/s/p0001.jpg', data: image, contentType: 'image/jpeg' },
        { key: 'pages/s/note', data: new Uint8Array([1, 2, 3]), contentType: 'text/x-note' },
        { key: 'pages/s/p0001.json', data: Buffer.from('{"page":1}'), contentType: 'application/json' },
      ]);
      expect((await store.get('pages/s/p0001.jpg')).equals(image)).toBe(true);
      expect([...(await store.get('pages/s/note'))]).toEqual([1, 2, 3]);
      expect(await store.stat('pages/s/note')).toMatchObject({ size: 3, contentType: 'text/x-note' });
      expect(await collect(store.list('pages/s/'))).toEqual([
        'pages/s/note',
        'pages/s/p0001.jpg',
        'pages/s/p0001.json',
      ]);
      // Overwrites, as put does; an empty list writes nothing.
      await store.putAll([{ key: 'pages/s/note', data: Buffer.from('second') }]);
      expect((await store.get('pages/s/note')).toString()).toBe('second');
      await store.putAll([]);
      expect(await collect(store.list('pages/s/'))).toHaveLength(3);
    });

    it('checks every key of putAll before writing any', async () => {
      await expect(
        store.putAll([
          { key: 'batch/first', data: Buffer.from('x') },
          { key: 'batch/../escape', data: Buffer.from('y') },
        ]),
      ).rejects.toBeInstanceOf(InvalidObjectKeyError);
      expect(await store.exists('batch/first')).toBe(false);
    });

    it('rejects invalid keys with InvalidObjectKeyError', async () => {
      const bad = ['', '/abs', 'a/../b', '..', 'a\\b', 'a//b', 'a/', './a', 'a/.hidden', 'C:/x', 'a\0b'];
      for (const key of bad) {
        await expect(store.put(key, Buffer.from('x')), key).rejects.toBeInstanceOf(InvalidObjectKeyError);
        await expect(store.get(key), key).rejects.toBeInstanceOf(InvalidObjectKeyError);
      }
      expect(() => store.list('../')).toThrow(InvalidObjectKeyError);
      expect(await collect(store.list(''))).toEqual([]);
    });
  });
}
