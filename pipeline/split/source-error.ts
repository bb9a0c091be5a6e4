import { LIMIT_ENV, type SourceLimits } from './limits.js';

export type SourceErrorCode =
  | 'empty'
  | 'unsupported-type'
  | 'too-large'
  | 'too-many-pages'
  | 'too-many-pixels'
  | 'corrupt'
  | 'password-required'
  | 'timeout'
  | 'unreadable';

export interface LimitInfo {
  name: string;
  value: number;
  env: string;
}

/** A source that cannot be split into pages, with a machine-readable reason. */
export class SourceError extends Error {
  override readonly name = 'SourceError';
  readonly code: SourceErrorCode;
  readonly limit?: LimitInfo;

  constructor(code: SourceErrorCode, message: string, options: { limit?: LimitInfo; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.limit) this.limit = options.limit;
  }
}

/** Error for an exceeded limit: names the limit, its value and the variable that raises it. */
export function limitError(
  code: SourceErrorCode,
  what: string,
  key: keyof SourceLimits,
  limits: SourceLimits,
): SourceError {
  const limit = { name: key, value: limits[key], env: LIMIT_ENV[key] };
  return new SourceError(code, `${what}: exceeds the ${key} limit of ${limit.value} (raise it with ${limit.env})`, {
    limit,
  });
}

export function isSourceError(e: unknown): e is SourceError {
  return e instanceof SourceError;
}
