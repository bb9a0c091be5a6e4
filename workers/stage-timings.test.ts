import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { OcrPool } from '../pipeline/ocr/index.js';
import type { StageDeps } from '../pipeline/source-stages.js';
import { timeStageDeps } from './stage-timings.js';

describe('timeStageDeps', () => {
  it('sums the time of store, database and OCR calls, and OCR busy time without double counting overlap', async () => {
    const pool = {
      recognize: async () => {
        await sleep(60);
        return { text: 'x' };
      },
      detectOrientation: async () => ({ rotation: 0, confidence: 1 }),
      engineVersion: 'e',
      modelVersion: 'm',
      close: async () => {},
    } as unknown as OcrPool;
    const deps = {
      store: {
        get: async () => {
          await sleep(20);
          return Buffer.from('a');
        },
        kind: 'fs',
      },
      repo: {
        findSourceBySha: async () => {
          await sleep(30);
          return null;
        },
      },
      ocr: async () => pool,
    } as unknown as StageDeps;
    const { deps: timed, totals } = timeStageDeps(deps);
    expect((await timed.store.get('k')).toString()).toBe('a');
    expect(await timed.repo.findSourceBySha('s')).toBeNull();
    const ocr = await timed.ocr();
    await Promise.all([ocr.recognize(Buffer.alloc(0)), ocr.recognize(Buffer.alloc(0))]);
    const t = totals();
    expect(t.store.calls).toBe(1);
    expect(t.store.ms).toBeGreaterThanOrEqual(15);
    expect(t.database.calls).toBe(1);
    expect(t.database.ms).toBeGreaterThanOrEqual(25);
    expect(t.ocr.calls).toBe(2);
    // Two overlapping 60 ms calls: ~120 ms of call time, ~60 ms busy.
    expect(t.ocr.ms).toBeGreaterThanOrEqual(110);
    expect(t.ocr.busyMs).toBeGreaterThanOrEqual(55);
    expect(t.ocr.busyMs).toBeLessThan(t.ocr.ms * 0.8);
  });
});
