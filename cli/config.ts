import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';

/** One environment variable: its schema, default and what it controls (printed by `sohoa config`). */
interface Setting<T> {
  env: string;
  describe: string;
  schema: z.ZodType<T>;
  secret?: boolean;
}

const positiveInt = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .positive('must be greater than 0')
    .default(fallback);
const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.url({ error: 'must be a URL' }).optional())
  .optional();
const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const SETTINGS = {
  dataDir: {
    env: 'SOHOA_DATA_DIR',
    describe: 'data folder (embedded warehouse, object files)',
    schema: z.string().default('./.sohoa'),
  },
  databaseUrl: {
    env: 'DATABASE_URL',
    describe: 'PostgreSQL URL; unset = PGlite in the data folder',
    schema: optionalUrl,
    secret: true,
  },
  redisUrl: {
    env: 'REDIS_URL',
    describe: 'Redis URL for BullMQ; unset = in-process job runner',
    schema: optionalUrl,
    secret: true,
  },
  redisPrefix: {
    env: 'REDIS_PREFIX',
    describe: 'namespace of every Redis key (deployments can share one Redis)',
    schema: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._-]+$/, 'use letters, digits, ".", "_" or "-"')
      .default('sohoa'),
  },
  workerConcurrency: {
    env: 'SOHOA_WORKER_CONCURRENCY',
    describe: 'page jobs one `sohoa worker` runs at once (default: OCR workers + 1)',
    schema: z.coerce.number().int('must be a whole number').positive('must be greater than 0').optional(),
  },
  ocrNice: {
    env: 'SOHOA_OCR_NICE',
    describe: 'niceness added to OCR threads so storage, queue and preprocessing work never waits behind them (Linux)',
    schema: z.coerce
      .number()
      .int('must be a whole number')
      .min(0, 'must be 0 or more')
      .max(19, 'at most 19')
      .default(10),
  },
  ocrIdle: {
    env: 'SOHOA_OCR_IDLE',
    describe:
      'OCR threads run under the idle scheduling policy, so any other work takes the core the moment it wakes (Linux); ' +
      'default true for `sohoa worker` (a dedicated service), false elsewhere (other programs would starve OCR)',
    schema: z.stringbool({ error: 'must be true or false' }).optional(),
  },
  ocrRelaxedSimd: {
    env: 'SOHOA_OCR_RELAXED_SIMD',
    describe:
      "OCR runs tesseract.js' WebAssembly relaxed-SIMD build (on Node 20 by turning on V8's flag for it): same text, " +
      'about 2 % less CPU',
    schema: z.stringbool({ error: 'must be true or false' }).default(true),
  },
  workerCacheMb: {
    env: 'SOHOA_WORKER_CACHE_MB',
    describe: 'page images and OCR a `sohoa worker` keeps after writing them, for its own finish jobs, MB (0: none)',
    schema: z.coerce.number().int('must be a whole number').min(0, 'must be 0 or more').default(64),
  },
  jobAttempts: {
    env: 'SOHOA_JOB_ATTEMPTS',
    describe: 'tries of a queue job before it fails (infrastructure errors only; file errors fail at once)',
    schema: positiveInt(6),
  },
  jobBackoffMs: {
    env: 'SOHOA_JOB_BACKOFF_MS',
    describe: 'first retry delay of a queue job, doubled on each retry, ms',
    schema: positiveInt(1000),
  },
  jobLockMs: {
    env: 'SOHOA_JOB_LOCK_MS',
    describe: 'queue job lock; a job whose worker died is redone after about this long, ms',
    schema: positiveInt(30_000),
  },
  workerHeartbeatFile: {
    env: 'SOHOA_WORKER_HEARTBEAT_FILE',
    describe: 'file `sohoa worker` touches every 15 s while it can reach its queue (container health checks)',
    schema: optionalText,
  },
  shutdownGraceMs: {
    env: 'SOHOA_SHUTDOWN_GRACE_MS',
    describe: 'on SIGTERM, time a worker lets active jobs finish before handing them back, ms',
    schema: positiveInt(30_000),
  },
  s3Endpoint: {
    env: 'S3_ENDPOINT',
    describe: 'S3 endpoint URL; unset = files in the data folder',
    schema: optionalUrl,
  },
  s3Bucket: { env: 'S3_BUCKET', describe: 'S3 bucket', schema: optionalText },
  s3AccessKey: { env: 'S3_ACCESS_KEY', describe: 'S3 access key', schema: optionalText, secret: true },
  s3SecretKey: { env: 'S3_SECRET_KEY', describe: 'S3 secret key', schema: optionalText, secret: true },
  s3Region: { env: 'S3_REGION', describe: 'S3 region', schema: z.string().default('us-east-1') },
  maxBytes: { env: 'SOHOA_MAX_BYTES', describe: 'largest source file, bytes', schema: positiveInt(200 * 1024 * 1024) },
  maxPixels: {
    env: 'SOHOA_MAX_PIXELS',
    describe: 'largest page image, pixels (A3 at 600 dpi is about 70 MP)',
    schema: positiveInt(80_000_000),
  },
  maxPages: { env: 'SOHOA_MAX_PAGES', describe: 'most pages in one source', schema: positiveInt(500) },
  pageTimeoutMs: {
    env: 'SOHOA_PAGE_TIMEOUT_MS',
    describe: 'longest time for one page (render or OCR), ms',
    schema: positiveInt(120_000),
  },
  renderDpi: { env: 'SOHOA_RENDER_DPI', describe: 'resolution pages are normalised to', schema: positiveInt(300) },
  ocrWorkers: {
    env: 'SOHOA_OCR_WORKERS',
    describe: 'OCR worker threads (default: cores)',
    schema: positiveInt(availableParallelism()),
  },
  ocrRecycleJobs: {
    env: 'SOHOA_OCR_RECYCLE_JOBS',
    describe: 'pages an OCR worker reads before it is replaced',
    schema: positiveInt(200),
  },
  ocrMaxRssMb: {
    env: 'SOHOA_OCR_MAX_RSS_MB',
    describe: 'process RSS above which OCR workers are replaced, MB',
    schema: positiveInt(1200),
  },
  pgliteSharedBuffersMb: {
    env: 'SOHOA_PGLITE_SHARED_BUFFERS_MB',
    describe: 'shared_buffers of the embedded PGlite warehouse, MB',
    schema: positiveInt(16),
  },
  pgliteCreateTimeoutMs: {
    env: 'SOHOA_PGLITE_CREATE_TIMEOUT_MS',
    describe: 'longest time creating a new embedded PGlite warehouse folder may take, ms',
    schema: positiveInt(120_000),
  },
  sourceConcurrency: {
    env: 'SOHOA_SOURCE_CONCURRENCY',
    describe: 'sources processed at once in one process',
    schema: positiveInt(3),
  },
} satisfies Record<string, Setting<unknown>>;

type Settings = typeof SETTINGS;
export type Config = { [K in keyof Settings]: z.output<Settings[K]['schema']> };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration from environment variables; every bad value is named in one error. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(SETTINGS) as [string, Setting<unknown>][]) {
    const parsed = setting.schema.safeParse(env[setting.env]);
    if (parsed.success) out[key] = parsed.data;
    else problems.push(`${setting.env}=${JSON.stringify(env[setting.env])}: ${parsed.error.issues[0]?.message}`);
  }
  const s3Keys = ['s3Endpoint', 's3Bucket', 's3AccessKey', 's3SecretKey'] as const;
  const s3Set = s3Keys.filter((k) => out[k] !== undefined);
  if (s3Set.length > 0 && s3Set.length < s3Keys.length) {
    const missing = s3Keys.filter((k) => out[k] === undefined).map((k) => SETTINGS[k].env);
    problems.push(`S3 is partly configured: also set ${missing.join(', ')} (or unset all S3_* to use files)`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const config = out as Config;
  config.dataDir = resolve(config.dataDir);
  return config;
}

function mask(value: string, isUrl: boolean): string {
  if (!isUrl) return '****';
  try {
    const url = new URL(value);
    if (url.password) url.password = '****';
    return url.toString();
  } catch {
    return '****';
  }
}

/** The effective configuration as `ENV=value  # description` lines, secrets masked. */
export function describeConfig(config: Config): string[] {
  return (Object.entries(SETTINGS) as [keyof Config, Setting<unknown>][]).map(([key, setting]) => {
    const value = config[key];
    const shown =
      value === undefined
        ? '(unset)'
        : setting.secret
          ? mask(String(value), key === 'databaseUrl' || key === 'redisUrl')
          : String(value);
    return `${setting.env}=${shown}  # ${setting.describe}`;
  });
}

export function deploymentOf(config: Config): { database: string; queue: string; objects: string } {
  return {
    database: config.databaseUrl ? 'postgres' : 'pglite',
    queue: config.redisUrl ? 'bullmq' : 'in-process',
    objects: config.s3Endpoint ? 's3' : 'fs',
  };
}
