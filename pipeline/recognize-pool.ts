import type { Worker } from 'node:worker_threads';
import type { ComponentResult } from './page-model.js';
import type { RecognizeRequest, RecognizeResponse } from './recognize-worker.js';
import { spawnModuleWorker } from './spawn-worker.js';

/** Recognition of stored OCR on worker threads: the rules are CPU work, and re-recognition runs them in bulk. */
export interface RecognizePool {
  recognize(pages: RecognizeRequest['pages']): Promise<ComponentResult[]>;
  close(): Promise<void>;
}

interface Seat {
  worker: Worker;
  busy: number;
}

export function createRecognizePool(size: number): RecognizePool {
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve: (c: ComponentResult[]) => void; reject: (e: Error) => void; seat: Seat }
  >();
  const seats: Seat[] = Array.from({ length: Math.max(1, size) }, () => {
    const seat: Seat = {
      worker: spawnModuleWorker(new URL('./recognize-worker.js', import.meta.url), import.meta.url),
      busy: 0,
    };
    seat.worker.on('message', (response: RecognizeResponse) => {
      const job = pending.get(response.id);
      if (!job) return;
      pending.delete(response.id);
      seat.busy--;
      if (response.ok) job.resolve(response.components);
      else job.reject(new Error(`recognition failed: ${response.error}`));
    });
    seat.worker.on('error', (error) => {
      for (const [id, job] of pending) {
        if (job.seat !== seat) continue;
        pending.delete(id);
        job.reject(new Error(`recognition worker failed: ${error.message}`));
      }
    });
    seat.worker.unref();
    return seat;
  });
  return {
    recognize(pages) {
      const seat = seats.reduce((a, b) => (b.busy < a.busy ? b : a));
      const id = nextId++;
      seat.busy++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, seat });
        seat.worker.ref();
        seat.worker.postMessage({ id, pages } satisfies RecognizeRequest);
      }).finally(() => {
        if (seat.busy === 0) seat.worker.unref();
      }) as Promise<ComponentResult[]>;
    },
    async close() {
      await Promise.all(seats.map((s) => s.worker.terminate()));
    },
  };
}
