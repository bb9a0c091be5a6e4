// Batch runs (`sohoa import`, re-processing) and the files an import run walked. Only ADDS tables beside the
// warehouse's; links to sources by id. Counters are derived from run_files rows, so a killed importer loses none.
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sources } from './warehouse.schema.js';

export const RUN_KINDS = ['import', 'reprocess'] as const;
export type RunKind = (typeof RUN_KINDS)[number];
export const RUN_STATUSES = ['running', 'done', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
/** pending: seen, not yet queued; queued: stored and handed to the queue; done/failed: the source's outcome. */
export const RUN_FILE_STATES = ['pending', 'queued', 'done', 'failed'] as const;
export type RunFileState = (typeof RUN_FILE_STATES)[number];

/** Dossier key of files that belong to no dossier (name not matching the pattern, unreadable folders). */
export const NO_DOSSIER = '(no dossier code)';

export const runs = pgTable(
  'runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<RunKind>().notNull(),
    /** Identity of an import run (root + grouping rule): the same command finds the same run. Null for reprocess. */
    runKey: text('run_key').unique('runs_run_key_unique'),
    /** The command's arguments (import: root, group, pattern; reprocess: the selection). */
    args: jsonb('args').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<RunStatus>().notNull().default('running'),
    /** Written when the run finishes (reprocess runs keep their counters only here). */
    counters: jsonb('counters').$type<Record<string, number>>().notNull().default({}),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    /** Touched while a process works on the run; a `running` run with an old heartbeat was interrupted. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    check('runs_kind_check', sql`${t.kind} in ('import', 'reprocess')`),
    check('runs_status_check', sql`${t.status} in ('running', 'done', 'failed')`),
  ],
);

export const runFiles = pgTable(
  'run_files',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    /** As walked: a file path, or s3://bucket/key. */
    path: text('path').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256'),
    dossierKey: text('dossier_key').notNull(),
    state: text('state').$type<RunFileState>().notNull().default('pending'),
    reason: text('reason'),
    sourceId: uuid('source_id').references(() => sources.id, { onDelete: 'set null' }),
    pageCount: integer('page_count'),
    /** The source was already digitized when this run met the file (nothing stored or read again). */
    known: integer('known').notNull().default(0),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'run_files_pk', columns: [t.runId, t.path] }),
    index('run_files_state_idx').on(t.runId, t.state),
    index('run_files_source_idx').on(t.sourceId),
    check('run_files_state_check', sql`${t.state} in ('pending', 'queued', 'done', 'failed')`),
  ],
);

export const runsSchema = { runs, runFiles };
export type RunsSchema = typeof runsSchema;
