import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { OpenedSource } from '../pipeline/split/index.js';
import { createOpenedSourceCache } from './opened-source-cache.js';

function fakeSources() {
  const opened: string[] = [];
  const closed: string[] = [];
  const open = async (sha: string): Promise<OpenedSource> => {
    opened.push(sha);
    if (sha === 'broken') throw new Error('store unavailable');
    return {
      kind: 'pdf',
      pageCount: 3,
      page: async () => {
        throw new Error('not used');
      },
      close: async () => {
        closed.push(sha);
      },
    } as unknown as OpenedSource;
  };
  return { open, opened, closed };
}

describe('opened-source cache', () => {
  it('shares one open source between concurrent users and closes it once idle', async () => {
    const f = fakeSources();
    const cache = createOpenedSourceCache(f.open, { maxIdle: 2, idleMs: 50 });
    const [a, b] = await Promise.all([cache.acquire('s1'), cache.acquire('s1')]);
    expect(a.opened).toBe(b.opened);
    expect(f.opened).toEqual(['s1']);
    a.release();
    await sleep(80);
    expect(f.closed).toEqual([]);
    b.release();
    b.release();
    await sleep(80);
    expect(f.closed).toEqual(['s1']);
    await cache.acquire('s1');
    expect(f.opened).toEqual(['s1', 's1']);
    await cache.close();
    expect(f.closed).toEqual(['s1', 's1']);
  });

  it('keeps at most maxIdle unused sources open, and does not cache a failed open', async () => {
    const f = fakeSources();
    const cache = createOpenedSourceCache(f.open, { maxIdle: 1, idleMs: 60_000 });
    for (const sha of ['s1', 's2', 's3']) (await cache.acquire(sha)).release();
    await sleep(10);
    expect(f.closed).toEqual(['s1', 's2']);
    await expect(cache.acquire('broken')).rejects.toThrow('store unavailable');
    await expect(cache.acquire('broken')).rejects.toThrow('store unavailable');
    expect(f.opened.filter((s) => s === 'broken')).toHaveLength(2);
    await cache.close();
    expect(f.closed).toEqual(['s1', 's2', 's3']);
  });
});
