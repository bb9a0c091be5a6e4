import { and, asc, count, desc, eq, gt, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import {
  NO_DOSSIER,
  type RunFileState,
  type RunKind,
  type RunStatus,
  runFiles,
  runs,
  runsSchema,
} from '../../schemas/runs.schema.js';
import { components, fields, sources, warehouseSchema } from '../../schemas/warehouse.schema.js';

const schema = { ...warehouseSchema, ...runsSchema };
/** Any drizzle database over the warehouse (both drivers); the runs tables live in the same database. */
export type RunsDb = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface RunRow {
  id: string;
  kind: RunKind;
  args: Record<string, unknown>;
  status: RunStatus;
  counters: Record<string, number>;
  startedAt: Date;
  heartbeatAt: Date;
  finishedAt: Date | null;
}

/** An import run's totals, computed from its file rows (never from increments a kill could lose). */
export interface ImportCounters {
  files: number;
  pending: number;
  queued: number;
  done: number;
  failed: number;
  /** Files whose content was already digitized when the run met them. */
  known: number;
  /** Pages of the done files; `knownPages` of those already known. */
  pages: number;
  knownPages: number;
  bytes: number;
  dossiers: number;
  /** Dossiers every file of which is done. */
  dossiersDone: number;
}

export interface RunFileRow {
  path: string;
  size: number;
  sha256: string | null;
  dossierKey: string;
  state: RunFileState;
}

export interface FileOutcome {
  state: 'done' | 'failed';
  reason?: string | null;
  sourceId?: string | null;
  pageCount?: number | null;
  known?: boolean;
}

export interface FailureGroup {
  reason: string;
  files: number;
  /** Up to the requested number of paths, sorted. */
  paths: string[];
}

export interface ThroughputBucket {
  /** Start of the bucket (ISO time). */
  at: string;
  files: number;
  pages: number;
}

export interface ProducedStats {
  sources: number;
  components: Array<{ type: string; count: number; needsReview: number }>;
  fields: Array<{ key: string; count: number; confirmed: number; needsReview: number }>;
}

export interface RunsRepository {
  /** The import run of this identity, created when absent; an existing one is marked running again. */
  openImportRun(runKey: string, args: Record<string, unknown>): Promise<{ id: string; created: boolean }>;
  /** A run without identity (re-processing): returns its id. */
  startRun(kind: RunKind, args: Record<string, unknown>): Promise<string>;
  finishRun(id: string, status: Exclude<RunStatus, 'running'>, counters?: Record<string, number>): Promise<void>;
  reopenRun(id: string): Promise<void>;
  heartbeat(id: string): Promise<void>;
  getRun(id: string): Promise<RunRow | null>;
  /** Newest first. */
  listRuns(limit: number): Promise<RunRow[]>;
  /** The states of those of `paths` the run already holds. */
  fileStates(runId: string, paths: string[]): Promise<Map<string, RunFileState>>;
  /** Records walked files as pending (files already held are left as they are). */
  addFiles(runId: string, files: Array<{ path: string; size: number; dossierKey: string }>): Promise<void>;
  markQueued(runId: string, path: string, sha256: string, sourceId?: string | null): Promise<void>;
  markFinished(runId: string, path: string, outcome: FileOutcome): Promise<void>;
  /** Files not finished (pending or queued), in path order after `afterPath`. */
  unfinishedFiles(runId: string, afterPath: string | null, limit: number): Promise<RunFileRow[]>;
  /** Puts failed files back to pending; returns how many. */
  resetFailed(runId: string): Promise<number>;
  importCounters(runId: string): Promise<ImportCounters>;
  failures(runId: string, pathsPerReason: number): Promise<FailureGroup[]>;
  throughput(runId: string, bucketSeconds: number): Promise<ThroughputBucket[]>;
  producedStats(runId: string): Promise<ProducedStats>;
  /** The one lookup of the known-file path: a source by content hash with its page count. */
  sourceBySha(sha256: string): Promise<{ id: string; status: string; pageCount: number | null } | null>;
}

type RowLike = Record<string, unknown>;
const num = (v: unknown) => Number(v ?? 0);

export function createRunsRepository(database: unknown): RunsRepository {
  const db = database as RunsDb;

  async function rows<T extends RowLike>(query: SQL): Promise<T[]> {
    const result = (await db.execute(query)) as unknown as { rows: T[] };
    return result.rows;
  }

  const runColumns = {
    id: runs.id,
    kind: runs.kind,
    args: runs.args,
    status: runs.status,
    counters: runs.counters,
    startedAt: runs.startedAt,
    heartbeatAt: runs.heartbeatAt,
    finishedAt: runs.finishedAt,
  };

  return {
    async openImportRun(runKey, args) {
      const [inserted] = await db
        .insert(runs)
        .values({ kind: 'import', runKey, args })
        .onConflictDoNothing({ target: runs.runKey })
        .returning({ id: runs.id });
      if (inserted) return { id: inserted.id, created: true };
      const [existing] = await db
        .update(runs)
        .set({ status: 'running', finishedAt: null, heartbeatAt: sql`now()` })
        .where(eq(runs.runKey, runKey))
        .returning({ id: runs.id });
      if (!existing) throw new Error(`runs: import run ${runKey} vanished while being opened`);
      return { id: existing.id, created: false };
    },

    async startRun(kind, args) {
      const [row] = await db.insert(runs).values({ kind, args }).returning({ id: runs.id });
      if (!row) throw new Error('runs: could not record the run');
      return row.id;
    },

    async finishRun(id, status, counters) {
      await db
        .update(runs)
        .set({ status, finishedAt: sql`now()`, heartbeatAt: sql`now()`, ...(counters ? { counters } : {}) })
        .where(eq(runs.id, id));
    },

    async reopenRun(id) {
      await db
        .update(runs)
        .set({ status: 'running', finishedAt: null, heartbeatAt: sql`now()` })
        .where(eq(runs.id, id));
    },

    async heartbeat(id) {
      await db.update(runs).set({ heartbeatAt: sql`now()` }).where(eq(runs.id, id));
    },

    async getRun(id) {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
      const [row] = await db.select(runColumns).from(runs).where(eq(runs.id, id));
      return row ?? null;
    },

    async listRuns(limit) {
      return db.select(runColumns).from(runs).orderBy(desc(runs.startedAt)).limit(limit);
    },

    async fileStates(runId, paths) {
      if (paths.length === 0) return new Map();
      const found = await db
        .select({ path: runFiles.path, state: runFiles.state })
        .from(runFiles)
        .where(and(eq(runFiles.runId, runId), inArray(runFiles.path, paths)));
      return new Map(found.map((r) => [r.path, r.state]));
    },

    async addFiles(runId, files) {
      if (files.length === 0) return;
      await db
        .insert(runFiles)
        .values(files.map((f) => ({ runId, ...f })))
        .onConflictDoNothing();
    },

    async markQueued(runId, path, sha256, sourceId = null) {
      await db
        .update(runFiles)
        .set({ state: 'queued', sha256, sourceId, reason: null })
        .where(and(eq(runFiles.runId, runId), eq(runFiles.path, path)));
    },

    async markFinished(runId, path, outcome) {
      await db
        .update(runFiles)
        .set({
          state: outcome.state,
          reason: outcome.reason ?? null,
          ...(outcome.sourceId !== undefined ? { sourceId: outcome.sourceId } : {}),
          pageCount: outcome.pageCount ?? null,
          known: outcome.known ? 1 : 0,
          finishedAt: sql`now()`,
        })
        .where(and(eq(runFiles.runId, runId), eq(runFiles.path, path)));
    },

    async unfinishedFiles(runId, afterPath, limit) {
      const where = [eq(runFiles.runId, runId), inArray(runFiles.state, ['pending', 'queued'])];
      if (afterPath !== null) where.push(gt(runFiles.path, afterPath));
      return db
        .select({
          path: runFiles.path,
          size: runFiles.size,
          sha256: runFiles.sha256,
          dossierKey: runFiles.dossierKey,
          state: runFiles.state,
        })
        .from(runFiles)
        .where(and(...where))
        .orderBy(asc(runFiles.path))
        .limit(limit);
    },

    async resetFailed(runId) {
      const reset = await db
        .update(runFiles)
        .set({ state: 'pending', reason: null, finishedAt: null })
        .where(and(eq(runFiles.runId, runId), eq(runFiles.state, 'failed')))
        .returning({ path: runFiles.path });
      return reset.length;
    },

    async importCounters(runId) {
      const [totals] = await rows(sql`
        select count(*) as files,
               count(*) filter (where state = 'pending') as pending,
               count(*) filter (where state = 'queued') as queued,
               count(*) filter (where state = 'done') as done,
               count(*) filter (where state = 'failed') as failed,
               count(*) filter (where state = 'done' and known = 1) as known,
               coalesce(sum(page_count) filter (where state = 'done'), 0) as pages,
               coalesce(sum(page_count) filter (where state = 'done' and known = 1), 0) as known_pages,
               coalesce(sum(size), 0) as bytes,
               count(distinct dossier_key) filter (where dossier_key <> ${NO_DOSSIER}) as dossiers
        from run_files where run_id = ${runId}`);
      const [dossiers] = await rows(sql`
        select count(*) as done from (
          select dossier_key from run_files where run_id = ${runId} and dossier_key <> ${NO_DOSSIER}
          group by dossier_key having bool_and(state = 'done')) d`);
      return {
        files: num(totals?.files),
        pending: num(totals?.pending),
        queued: num(totals?.queued),
        done: num(totals?.done),
        failed: num(totals?.failed),
        known: num(totals?.known),
        pages: num(totals?.pages),
        knownPages: num(totals?.known_pages),
        bytes: num(totals?.bytes),
        dossiers: num(totals?.dossiers),
        dossiersDone: num(dossiers?.done),
      };
    },

    async failures(runId, pathsPerReason) {
      const groups = await db
        .select({ reason: runFiles.reason, files: count() })
        .from(runFiles)
        .where(and(eq(runFiles.runId, runId), eq(runFiles.state, 'failed')))
        .groupBy(runFiles.reason)
        .orderBy(desc(count()), asc(runFiles.reason));
      const out: FailureGroup[] = [];
      for (const group of groups) {
        const reason = group.reason ?? '(no reason recorded)';
        const paths = await db
          .select({ path: runFiles.path })
          .from(runFiles)
          .where(
            and(
              eq(runFiles.runId, runId),
              eq(runFiles.state, 'failed'),
              group.reason === null ? sql`${runFiles.reason} is null` : eq(runFiles.reason, group.reason),
            ),
          )
          .orderBy(asc(runFiles.path))
          .limit(pathsPerReason);
        out.push({ reason, files: num(group.files), paths: paths.map((p) => p.path) });
      }
      return out;
    },

    async throughput(runId, bucketSeconds) {
      const found = await rows(sql`
        select to_timestamp(floor(extract(epoch from finished_at) / ${bucketSeconds}) * ${bucketSeconds}) as at,
               count(*) as files, coalesce(sum(page_count), 0) as pages
        from run_files where run_id = ${runId} and finished_at is not null
        group by 1 order by 1`);
      return found.map((r) => ({
        at: new Date(r.at as string).toISOString(),
        files: num(r.files),
        pages: num(r.pages),
      }));
    },

    async producedStats(runId) {
      const produced = db
        .selectDistinct({ id: runFiles.sourceId })
        .from(runFiles)
        .where(and(eq(runFiles.runId, runId), eq(runFiles.state, 'done'), isNotNull(runFiles.sourceId)));
      const [sourceCount] = await db.select({ n: count() }).from(produced.as('produced'));
      const byType = await db
        .select({
          type: components.type,
          count: count(),
          needsReview: sql<number>`count(*) filter (where ${components.status} = 'needs_review')`,
        })
        .from(components)
        .where(inArray(components.sourceId, produced))
        .groupBy(components.type)
        .orderBy(desc(count()), asc(components.type));
      const byKey = await db
        .select({
          key: fields.key,
          count: count(),
          confirmed: sql<number>`count(*) filter (where ${fields.state} = 'confirmed')`,
          needsReview: sql<number>`count(*) filter (where ${fields.state} = 'needs_review')`,
        })
        .from(fields)
        .innerJoin(components, eq(components.id, fields.componentId))
        .where(inArray(components.sourceId, produced))
        .groupBy(fields.key)
        .orderBy(desc(count()), asc(fields.key));
      return {
        sources: num(sourceCount?.n),
        components: byType.map((r) => ({ type: r.type, count: num(r.count), needsReview: num(r.needsReview) })),
        fields: byKey.map((r) => ({
          key: r.key,
          count: num(r.count),
          confirmed: num(r.confirmed),
          needsReview: num(r.needsReview),
        })),
      };
    },

    async sourceBySha(sha256) {
      const [row] = await db
        .select({ id: sources.id, status: sources.status, pageCount: sources.pageCount })
        .from(sources)
        .where(eq(sources.sha256, sha256));
      return row ?? null;
    },
  };
}
