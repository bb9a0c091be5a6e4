import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_RETRY, isTransientError, withRetry } from './retry.js';

const errno = (code: string) => Object.assign(new Error(code), { code });

describe('withRetry', () => {
  it('retries transient failures with doubling delays, then succeeds', async () => {
    const at: number[] = [];
    const result = await withRetry(
      async () => {
        at.push(Date.now());
        if (at.length < 3) throw errno('ECONNRESET');
        return 'ok';
      },
      { attempts: 4, baseDelayMs: 20 },
      (e) => e as Error,
    );
    expect(result).toBe('ok');
    expect(at).toHaveLength(3);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(15);
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(35);
  });

  it('does not retry a non-transient error and reports the attempts made', async () => {
    let calls = 0;
    const error = await withRetry(
      async () => {
        calls++;
        throw errno('AccessDenied');
      },
      { attempts: 5, baseDelayMs: 1 },
      (e, attempts) => new Error(`gave up after ${attempts}: ${(e as Error).message}`),
    ).catch((e: unknown) => e as Error);
    expect(calls).toBe(1);
    expect(error.message).toBe('gave up after 1: AccessDenied');
  });

  it('classifies errors and caps delays', () => {
    expect(isTransientError(errno('ECONNREFUSED'))).toBe(true);
    expect(isTransientError(errno('SlowDown'))).toBe(true);
    expect(isTransientError(Object.assign(new Error('x'), { statusCode: 503 }))).toBe(true);
    expect(isTransientError(new Error('Request failed after 1 retries: Error: Retryable HTTP status: 500'))).toBe(true);
    expect(isTransientError(new Error('wrapped', { cause: errno('ETIMEDOUT') }))).toBe(true);
    expect(isTransientError(errno('NoSuchKey'))).toBe(false);
    expect(isTransientError('ECONNRESET')).toBe(false);
    expect(backoffDelay(1, DEFAULT_RETRY)).toBe(100);
    expect(backoffDelay(3, DEFAULT_RETRY)).toBe(400);
    expect(backoffDelay(20, DEFAULT_RETRY)).toBe(DEFAULT_RETRY.maxDelayMs);
  });
});
