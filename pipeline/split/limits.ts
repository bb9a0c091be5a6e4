/** Bounds applied to every source before and while it is split into pages. */
export interface SourceLimits {
  /** Largest accepted file, in bytes. */
  maxBytes: number;
  /** Largest page image (width * height) that is decoded or rendered. */
  maxPixels: number;
  /** Most pages a source may have; checked before any page is processed. */
  maxPages: number;
  /** Longest time one step (open, page text, page image) may take before the source is abandoned. */
  pageTimeoutMs: number;
  /** Resolution at which PDF pages are rendered and text-layer boxes are expressed. */
  renderDpi: number;
}

export const DEFAULT_SOURCE_LIMITS: SourceLimits = {
  maxBytes: 200 * 1024 * 1024,
  // A3 at 600 dpi is about 70 MP: the largest legitimate scan.
  maxPixels: 70_000_000,
  maxPages: 500,
  pageTimeoutMs: 60_000,
  renderDpi: 300,
};

/** Environment variable that raises each limit; named in error messages. */
export const LIMIT_ENV: Record<keyof SourceLimits, string> = {
  maxBytes: 'SOHOA_MAX_BYTES',
  maxPixels: 'SOHOA_MAX_PIXELS',
  maxPages: 'SOHOA_MAX_PAGES',
  pageTimeoutMs: 'SOHOA_PAGE_TIMEOUT_MS',
  renderDpi: 'SOHOA_RENDER_DPI',
};

/** Limits from the environment (SOHOA_MAX_BYTES, ...), falling back to `base` for unset variables. */
export function sourceLimitsFromEnv(
  env: Record<string, string | undefined> = process.env,
  base: SourceLimits = DEFAULT_SOURCE_LIMITS,
): SourceLimits {
  const out = { ...base };
  for (const key of Object.keys(LIMIT_ENV) as (keyof SourceLimits)[]) {
    const name = LIMIT_ENV[key];
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') continue;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
    out[key] = value;
  }
  return out;
}
