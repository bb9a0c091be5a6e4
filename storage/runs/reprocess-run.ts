import { createRunsRepository } from './runs.repository.js';

/** A re-processing run being recorded: finish it with its counters, or mark it failed. */
export interface RecordedRun {
  id: string;
  finish(counters: Record<string, number>): Promise<void>;
  fail(counters?: Record<string, number>): Promise<void>;
}

/**
 * Records a run of kind `reprocess` with its selection (listed by `sohoa runs`). `db` is the warehouse's drizzle
 * handle (`Warehouse.db`); the runs tables live in the same database.
 */
export async function startReprocessRun(db: unknown, selection: Record<string, unknown>): Promise<RecordedRun> {
  const runs = createRunsRepository(db);
  const id = await runs.startRun('reprocess', selection);
  return {
    id,
    finish: (counters) => runs.finishRun(id, 'done', counters),
    fail: (counters) => runs.finishRun(id, 'failed', counters),
  };
}

/** The numeric entries of a report, as a run's counters. */
export function countersOf(report: object): Record<string, number> {
  return Object.fromEntries(
    Object.entries(report).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
  );
}
