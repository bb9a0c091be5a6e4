import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets a heap grow past its live data before the next full collection, as a percentage (V8 picks a factor
 * of 1.1–4 by itself). A page-reading process keeps some 50 MB live on its main thread (modules, rule pack, results in
 * flight) while it allocates page texts and PDF structures that die within a page: with V8's own factor the 60-page
 * tuning corpus took 42 full collections of that thread, with 300 % 8, and its main and V8 helper threads spent about
 * 2.5 CPU-s less (3 paired runs), peak RSS unchanged within noise (1.17 GB against 1.10–1.20 GB).
 */
export const BATCH_HEAP_GROWING_PERCENT = 300;

/**
 * Sets the growth factor for every heap of this process (V8 flags are per process and read at each collection, so
 * threads started later follow it too). For the commands that read pages in bulk, not for the service.
 */
export function growHeapsForBatchWork(percent = BATCH_HEAP_GROWING_PERCENT): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
