/** Retry with exponential backoff for transient failures (network resets, S3 5xx/throttling). */
export interface RetryOptions {
  /** Total attempts including the first. Default 4. */
  attempts?: number;
  /** Delay before the second attempt, doubled each time. Default 100 ms. */
  baseDelayMs?: number;
  /** Cap on one delay. Default 2000 ms. */
  maxDelayMs?: number;
}

export const DEFAULT_RETRY: Required<RetryOptions> = { attempts: 4, baseDelayMs: 100, maxDelayMs: 2000 };

const TRANSIENT_ERRNO = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
]);
const TRANSIENT_S3_CODES = new Set(['InternalError', 'ServiceUnavailable', 'SlowDown', 'RequestTimeout']);

/** True for errors a retry may fix: connection failures and S3 server-side/throttling codes. */
export function isTransientError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (TRANSIENT_ERRNO.has(code) || TRANSIENT_S3_CODES.has(code))) return true;
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 500) return true;
  // The minio client retries 5xx once itself, then throws a plain Error with only this message.
  if (/Retryable HTTP status: (5\d\d|408|429)/.test(error.message)) return true;
  return error.cause !== undefined && error.cause !== error && isTransientError(error.cause);
}

export function backoffDelay(attempt: number, options: Required<RetryOptions>): number {
  return Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
}

/**
 * Runs `operation`, retrying transient failures. When attempts run out, or on a non-transient error,
 * rejects with `describeFailure(lastError, attemptsMade)`.
 */
export async function withRetry<T>(
  operation: () => Promise<T>,
  options: RetryOptions,
  describeFailure: (error: unknown, attemptsMade: number) => Error,
  isTransient: (error: unknown) => boolean = isTransientError,
): Promise<T> {
  const opts = { ...DEFAULT_RETRY, ...options };
  if (!Number.isInteger(opts.attempts) || opts.attempts < 1) throw new Error(`retry attempts must be >= 1`);
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!isTransient(error) || attempt >= opts.attempts) throw describeFailure(error, attempt);
      await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt, opts)));
    }
  }
}
