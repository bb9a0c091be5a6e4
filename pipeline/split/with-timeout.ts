import type { SourceLimits } from './limits.js';
import { limitError, SourceError } from './source-error.js';

/** Rejects with a `timeout` SourceError when `work` takes longer than limits.pageTimeoutMs. */
export async function withTimeout<T>(work: Promise<T>, what: string, limits: SourceLimits): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(limitError('timeout', `${what} took too long`, 'pageTimeoutMs', limits)),
      limits.pageTimeoutMs,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
    // The losing promise may still reject later: keep that from becoming an unhandled rejection.
    work.catch(() => {});
  }
}

export function asSourceError(e: unknown, fallback: (message: string) => SourceError): SourceError {
  if (e instanceof SourceError) return e;
  return fallback(e instanceof Error ? e.message : String(e));
}
