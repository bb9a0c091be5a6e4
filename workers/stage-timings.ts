import type { OcrPool } from '../pipeline/ocr/index.js';
import type { StageDeps } from '../pipeline/source-stages.js';

/** Time spent in each dependency of the stages, summed over calls, in ms. */
export interface StageTimings {
  store: Tally;
  database: Tally;
  /** OCR calls; `busyMs` is the time at least one was running (calls waiting for a thread overlap). */
  ocr: { calls: number; ms: number; busyMs: number };
}

/** Calls and their summed time, in all and per method (`put`, `get`, `completeSource`...), with the slowest call. */
export interface Tally {
  calls: number;
  ms: number;
  byMethod: Record<string, { calls: number; ms: number; maxMs: number }>;
}

const tally = (): Tally => ({ calls: 0, ms: 0, byMethod: {} });

/** Wraps every promise-returning method of `target` so its time is added to `tally`. */
function timed<T extends object>(target: T, tally: Tally, onSpan?: (start: number, end: number) => void): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const started = performance.now();
        const result = value.apply(obj, args);
        if (!(result instanceof Promise)) return result;
        const done = () => {
          const ended = performance.now();
          tally.calls++;
          tally.ms += ended - started;
          const method = tally.byMethod[String(prop)] ?? { calls: 0, ms: 0, maxMs: 0 };
          method.calls++;
          method.ms += ended - started;
          method.maxMs = Math.max(method.maxMs, ended - started);
          tally.byMethod[String(prop)] = method;
          onSpan?.(started, ended);
        };
        return result.finally(done);
      };
    },
  });
}

/**
 * The stage dependencies with their object-store, database and OCR calls timed: what a worker measures to tell
 * distributed overhead from OCR.
 */
export function timeStageDeps(deps: StageDeps): { deps: StageDeps; totals(): StageTimings } {
  const store = tally();
  const database = tally();
  const ocr = { calls: 0, ms: 0, busyMs: 0 };
  let active = 0;
  let busySince = 0;
  const ocrCall = <A extends unknown[], R>(call: (...args: A) => Promise<R>) => {
    return async (...args: A): Promise<R> => {
      const started = performance.now();
      if (active++ === 0) busySince = started;
      try {
        return await call(...args);
      } finally {
        const ended = performance.now();
        ocr.calls++;
        ocr.ms += ended - started;
        if (--active === 0) ocr.busyMs += ended - busySince;
      }
    };
  };
  let pool: Promise<OcrPool> | null = null;
  const timedOcr = () => {
    pool ??= deps.ocr().then((p) => ({
      recognize: ocrCall(p.recognize.bind(p)),
      detectOrientation: ocrCall(p.detectOrientation.bind(p)),
      engineVersion: p.engineVersion,
      modelVersion: p.modelVersion,
      close: () => p.close(),
    }));
    return pool;
  };
  return {
    deps: { ...deps, store: timed(deps.store, store), repo: timed(deps.repo, database), ocr: timedOcr },
    totals: () => ({ store: structuredClone(store), database: structuredClone(database), ocr: { ...ocr } }),
  };
}
