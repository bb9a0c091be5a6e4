import type { OpenedSource } from '../pipeline/split/index.js';

export interface OpenedSourceCacheOptions {
  /** Sources kept open while nobody uses them (a PDF holds its parsed document and a pdf.js thread). Default 2. */
  maxIdle: number;
  /** An unused source is closed after this long, ms. Default 30 000. */
  idleMs: number;
}

export const OPENED_SOURCE_CACHE_DEFAULTS: OpenedSourceCacheOptions = { maxIdle: 2, idleMs: 30_000 };

interface Entry {
  opened: Promise<OpenedSource>;
  users: number;
  timer?: NodeJS.Timeout;
}

export interface OpenedSourceCache {
  /** The opened source for `sha256`, shared by concurrent page jobs; call `release` when done with it. */
  acquire(sha256: string): Promise<{ opened: OpenedSource; release(): void }>;
  close(): Promise<void>;
}

/**
 * Page jobs of one source usually land on the same worker one after another: keeping the source open spares parsing
 * the whole file again for every page.
 */
export function createOpenedSourceCache(
  open: (sha256: string) => Promise<OpenedSource>,
  options: OpenedSourceCacheOptions = OPENED_SOURCE_CACHE_DEFAULTS,
): OpenedSourceCache {
  const entries = new Map<string, Entry>();

  const drop = (sha256: string, entry: Entry) => {
    clearTimeout(entry.timer);
    if (entries.get(sha256) === entry) entries.delete(sha256);
    return entry.opened.then((o) => o.close()).catch(() => {});
  };

  const trimIdle = () => {
    const idle = [...entries].filter(([, e]) => e.users === 0);
    for (const [sha256, entry] of idle.slice(0, Math.max(0, idle.length - options.maxIdle))) void drop(sha256, entry);
  };

  return {
    async acquire(sha256) {
      let entry = entries.get(sha256);
      if (!entry) {
        entry = { opened: open(sha256), users: 0 };
        entries.set(sha256, entry);
      }
      const current = entry;
      current.users++;
      clearTimeout(current.timer);
      let opened: OpenedSource;
      try {
        opened = await current.opened;
      } catch (error) {
        current.users--;
        // A failed open is not cached: the next job tries again (the store may be back).
        if (entries.get(sha256) === current) entries.delete(sha256);
        throw error;
      }
      let released = false;
      return {
        opened,
        release() {
          if (released) return;
          released = true;
          current.users--;
          if (current.users > 0) return;
          current.timer = setTimeout(() => void drop(sha256, current), options.idleMs);
          current.timer.unref();
          trimIdle();
        },
      };
    },
    async close() {
      await Promise.all([...entries].map(([sha256, entry]) => drop(sha256, entry)));
    },
  };
}
