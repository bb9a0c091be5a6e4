import { z } from 'zod';
import { checkAgencyCode } from './dossiers/dossier-code.js';

const int = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const optionsSchema = z.object({
  host: z.string().default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  agencyCode: z
    .string()
    .default('000.00.00.H49')
    .refine((c) => checkAgencyCode(c) === null, { message: 'must be an agency e-ID such as 000.00.00.H49' }),
  maxFileBytes: int(200 * 1024 * 1024),
  maxRequestBytes: int(400 * 1024 * 1024),
  maxFilesPerRequest: int(20),
  maxJsonBytes: int(64 * 1024),
  rateLimitPerMinute: int(600),
  // 0: every request looks its token up (one indexed read), so a revocation is refused at once.
  tokenCacheMs: z.coerce.number().int().min(0).default(10_000),
  presignTtlSeconds: int(300),
  ssePollMs: int(2000),
  sseHeartbeatMs: int(15_000),
  /** Check every JSON answer against its declared response schema (a mismatch answers 500); tests turn it on. */
  validateResponses: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** A province's own procedure catalog (same format as service/data/procedures.json); unset = the bundled one. */
  proceduresFile: z.string().min(1).optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Consume digitize jobs inside the service process (embedded mode; also with BullMQ unless workers run elsewhere). */
  consumeJobs: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});
export type ServiceOptions = z.output<typeof optionsSchema>;

const ENV: Record<keyof ServiceOptions, string> = {
  host: 'SOHOA_HOST',
  port: 'SOHOA_PORT',
  agencyCode: 'SOHOA_AGENCY_CODE',
  maxFileBytes: 'SOHOA_UPLOAD_MAX_FILE_BYTES',
  maxRequestBytes: 'SOHOA_UPLOAD_MAX_REQUEST_BYTES',
  maxFilesPerRequest: 'SOHOA_UPLOAD_MAX_FILES',
  maxJsonBytes: 'SOHOA_MAX_JSON_BYTES',
  rateLimitPerMinute: 'SOHOA_RATE_LIMIT_PER_MINUTE',
  tokenCacheMs: 'SOHOA_TOKEN_CACHE_MS',
  presignTtlSeconds: 'SOHOA_PRESIGN_TTL_SECONDS',
  ssePollMs: 'SOHOA_SSE_POLL_MS',
  sseHeartbeatMs: 'SOHOA_SSE_HEARTBEAT_MS',
  validateResponses: 'SOHOA_VALIDATE_RESPONSES',
  proceduresFile: 'SOHOA_PROCEDURES_FILE',
  logLevel: 'SOHOA_LOG_LEVEL',
  consumeJobs: 'SOHOA_SERVICE_CONSUME_JOBS',
};

/** Service settings from environment variables (names in ENV), overridable field by field. */
export function loadServiceOptions(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<Record<keyof ServiceOptions, string | number>> = {},
): ServiceOptions {
  const raw: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(ENV)) {
    const v = overrides[key as keyof ServiceOptions] ?? env[name];
    if (v !== undefined && v !== '') raw[key] = String(v);
  }
  const parsed = optionsSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${ENV[i.path[0] as keyof ServiceOptions]}: ${i.message}`);
    throw new Error(`invalid service configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return parsed.data;
}

export const SERVICE_ENV = ENV;
