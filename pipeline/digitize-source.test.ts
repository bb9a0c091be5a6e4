import pLimit from 'p-limit';
import { describe, expect, it } from 'vitest';
import { pageLimiter } from './digitize-source.js';

async function peakConcurrency(limiters: Array<<T>(task: () => Promise<T>) => Promise<T>>, tasksEach: number) {
  let active = 0;
  let peak = 0;
  const perLimiterPeak = limiters.map(() => 0);
  const perLimiterActive = limiters.map(() => 0);
  await Promise.all(
    limiters.flatMap((limit, k) =>
      Array.from({ length: tasksEach }, () =>
        limit(async () => {
          active++;
          perLimiterActive[k]!++;
          peak = Math.max(peak, active);
          perLimiterPeak[k] = Math.max(perLimiterPeak[k]!, perLimiterActive[k]!);
          await new Promise((r) => setTimeout(r, 5));
          active--;
          perLimiterActive[k]!--;
        }),
      ),
    ),
  );
  return { peak, perLimiterPeak };
}

describe('pageLimiter', () => {
  it('bounds pages per source', async () => {
    const { peak } = await peakConcurrency([pageLimiter(3)], 12);
    expect(peak).toBe(3);
  });

  it('bounds pages across sources that share slots, and each source by its own bound', async () => {
    const slots = pLimit(3);
    const { peak, perLimiterPeak } = await peakConcurrency([pageLimiter(2, slots), pageLimiter(2, slots)], 10);
    expect(peak).toBe(3);
    expect(Math.max(...perLimiterPeak)).toBe(2);
  });
});
