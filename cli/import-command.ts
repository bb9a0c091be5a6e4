import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { pagesInFlight } from '../pipeline/digitize-source.js';
import { checkSizeLimit, describeOriginal, IngestError, storeOriginal } from '../pipeline/ingest.js';
import { NO_DOSSIER } from '../schemas/runs.schema.js';
import { createRunsRepository, type ImportCounters, type RunsRepository } from '../storage/runs/runs.repository.js';
import { flowConsumers } from '../workers/digitize-flow.js';
import { createSourceRunner, type SourceRunner } from '../workers/source-runner.js';
import type { Config } from './config.js';
import {
  type Archive,
  type ArchiveFile,
  describeGroupRule,
  dossierKeyOf,
  type GroupRule,
  openArchive,
  parseGroupRule,
} from './import-archive.js';
import { type ImportProgressState, importProgress } from './import-progress.js';
import { envOf, openRuntime, type Runtime, stageDepsOf } from './runtime.js';
import { flowJobOptionsOf, openJobQueue } from './worker-command.js';

export interface ImportOptions {
  group: string;
  pattern?: string;
  /** Sources stored and queued but not yet finished, at most. */
  maxInFlight?: number;
  /** Seconds between JSON progress lines when stderr is not a terminal. */
  progressIntervalSeconds?: number;
}

export interface ImportReport {
  runId: string;
  /** True when the run existed: this session continued it. */
  resumed: boolean;
  root: string;
  group: string;
  counters: ImportCounters;
  /** This session only. */
  session: {
    seconds: number;
    files: number;
    newPages: number;
    knownPages: number;
    /** Summed handling time of the known files (hash, one lookup, one write each). */
    knownSeconds: number;
  };
}

const UNMATCHED_REASON = 'name does not match --pattern';
const WALK_CHUNK = 200;

export function defaultMaxInFlight(): number {
  return Math.max(2, availableParallelism() * 2);
}

/** The same root and grouping rule name the same run, so running the command again continues it. */
export function importRunKey(root: string, rule: GroupRule): string {
  return createHash('sha256')
    .update(`import\n${root}\n${describeGroupRule(rule)}`)
    .digest('hex');
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Files of a walk in chunks, so the run's known paths are looked up once per chunk. */
async function* chunks<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  for await (const item of items) {
    chunk.push(item);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

type QueuedFile = ArchiveFile & { size: number; queuedBefore?: boolean };

interface Session {
  runId: string;
  archive: Archive;
  runtime: Runtime;
  runs: RunsRepository;
  runner: SourceRunner;
  state: ImportProgressState;
  stats: ImportReport['session'];
  onChange(): void;
}

/**
 * One file: hash it; content already digitized is answered from the warehouse (one lookup, no decode, nothing
 * stored); otherwise store the original and hand it to the queue. Problems with the file fail that file only.
 */
async function importFile(session: Session, file: QueuedFile): Promise<void> {
  const { runs, runId, runtime } = session;
  const started = performance.now();
  let outcome: 'done' | 'failed' = 'failed';
  let pages = 0;
  let known = false;
  try {
    checkSizeLimit(file.size, runtime.config.maxBytes);
    const bytes = await session.archive.read(file);
    const original = describeOriginal(bytes);
    const existing = await runs.sourceBySha(original.sha256);
    if (existing?.status === 'done') {
      // Queued by an earlier session of this run: its source is this run's work, not content met before.
      known = !file.queuedBefore;
      pages = existing.pageCount ?? 0;
      await runtime.warehouse.repo.recordPath(existing.id, file.path);
      await runs.markFinished(runId, file.path, { state: 'done', sourceId: existing.id, pageCount: pages, known });
      outcome = 'done';
      return;
    }
    await storeOriginal(original, bytes, runtime.store);
    await runs.markQueued(runId, file.path, original.sha256, existing?.id ?? null);
    const result = await session.runner.run({ path: file.path, ...original });
    const stored = await runs.sourceBySha(original.sha256);
    outcome = result.status === 'done' ? 'done' : 'failed';
    pages = result.pageCount ?? 0;
    await runs.markFinished(runId, file.path, {
      state: outcome,
      reason: result.error ?? null,
      sourceId: stored?.id ?? null,
      pageCount: result.pageCount,
    });
  } catch (error) {
    const reason = error instanceof IngestError ? error.message : `cannot import: ${message(error)}`;
    // When even this write fails (database gone) the row stays unfinished and the next session takes it again.
    await runs.markFinished(runId, file.path, { state: 'failed', reason }).catch(() => {});
  } finally {
    const { state, stats } = session;
    state.finishedFiles++;
    state.sessionFiles++;
    stats.files++;
    if (outcome === 'failed') state.failedFiles++;
    else {
      state.sessionPages += pages;
      if (known) {
        stats.knownPages += pages;
        stats.knownSeconds += (performance.now() - started) / 1000;
      } else stats.newPages += pages;
    }
    session.onChange();
  }
}

/** The adapters an import session works with; close() releases them. */
export interface ImportContext {
  archive: Archive;
  runtime: Runtime;
  queue: Awaited<ReturnType<typeof openJobQueue>>;
  runs: RunsRepository;
  walkErrors: Array<{ path: string; reason: string }>;
  close(): Promise<void>;
}

export async function openImportContext(target: string, config: Config): Promise<ImportContext> {
  const walkErrors: Array<{ path: string; reason: string }> = [];
  const archive = await openArchive(target, { ...process.env, ...envOf(config) }, (path, reason) =>
    walkErrors.push({ path, reason }),
  );
  const runtime = await openRuntime(config);
  const queue = await openJobQueue(config);
  return {
    archive,
    runtime,
    queue,
    runs: createRunsRepository(runtime.warehouse.db),
    walkErrors,
    async close() {
      await queue.close();
      await runtime.close();
      await archive.close();
    },
  };
}

/**
 * `sohoa import`: walks a folder or bucket prefix lazily, records every file in the run (so a killed import resumes
 * where it stopped), and digitizes the new ones through the job queue with at most `maxInFlight` sources in flight.
 */
export async function runImport(
  target: string,
  options: ImportOptions,
  config: Config,
  stderr: NodeJS.WriteStream,
): Promise<ImportReport> {
  const rule = parseGroupRule(options.group, options.pattern);
  const context = await openImportContext(target, config);
  try {
    const { archive, runs } = context;
    const args = { root: archive.root, group: rule.by, ...(options.pattern ? { pattern: options.pattern } : {}) };
    const { id: runId, created } = await runs.openImportRun(importRunKey(archive.root, rule), args);
    return await importSession(
      context,
      { runId, created, rule, maxInFlight: options.maxInFlight, walk: true },
      {
        progressIntervalSeconds: options.progressIntervalSeconds,
        stderr,
      },
    );
  } finally {
    await context.close();
  }
}

export interface SessionSetup {
  runId: string;
  created: boolean;
  rule: GroupRule;
  maxInFlight?: number | undefined;
  /** false: only the run's unfinished files (retry), no walk for new ones. */
  walk: boolean;
}

/** Runs one session of an import run: its unfinished files first, then (optionally) the walk for files it lacks. */
export async function importSession(
  context: ImportContext,
  setup: SessionSetup,
  io: { progressIntervalSeconds?: number | undefined; stderr: NodeJS.WriteStream },
): Promise<ImportReport> {
  const { archive, runtime, runs, queue } = context;
  const { runId, rule } = setup;
  const maxInFlight = setup.maxInFlight ?? defaultMaxInFlight();
  const startedAt = performance.now();
  const before = await runs.importCounters(runId);
  const state: ImportProgressState = {
    runId,
    filesSeen: before.files,
    walkComplete: !setup.walk,
    finishedFiles: before.done + before.failed,
    failedFiles: before.failed,
    sessionFiles: 0,
    sessionPages: 0,
    inFlight: 0,
  };
  if (queue.kind === 'bullmq' && (await flowConsumers(queue)) === 0) {
    io.stderr.write('sohoa import: no `sohoa worker` is consuming the queue yet; the files wait until one starts\n');
  }
  const progress = importProgress(io.stderr, (io.progressIntervalSeconds ?? 10) * 1000);
  const runner = await createSourceRunner(
    queue,
    { ...stageDepsOf(runtime), pageConcurrency: pagesInFlight(runtime.config.ocrWorkers) },
    { sourceConcurrency: runtime.config.sourceConcurrency, jobOptions: flowJobOptionsOf(runtime.config) },
  );
  const stats: ImportReport['session'] = { seconds: 0, files: 0, newPages: 0, knownPages: 0, knownSeconds: 0 };
  const session: Session = {
    runId,
    archive,
    runtime,
    runs,
    runner,
    state,
    stats,
    onChange: () => progress.update(state),
  };
  const heartbeat = setInterval(() => void runs.heartbeat(runId).catch(() => {}), 30_000);
  const inFlight = new Set<Promise<void>>();
  const admit = async (file: QueuedFile) => {
    while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    const task = importFile(session, file).finally(() => {
      inFlight.delete(task);
      state.inFlight = inFlight.size;
    });
    inFlight.add(task);
    state.inFlight = inFlight.size;
  };
  const refuse = async (path: string, reason: string) => {
    await runs.markFinished(runId, path, { state: 'failed', reason });
    state.finishedFiles++;
    state.failedFiles++;
  };
  let counting: Promise<void> = Promise.resolve();
  try {
    if (setup.walk) {
      // A second, listing-only walk learns the archive's size for the ETA while the first one works.
      counting = (async () => {
        let seen = 0;
        for await (const _ of archive.files()) {
          seen++;
          if (seen > state.filesSeen) state.filesSeen = seen;
        }
        state.filesSeen = Math.max(seen, state.filesSeen);
        state.walkComplete = true;
      })().catch(() => {});
    }
    // Files a previous session saw but did not finish (killed, or put back by `runs retry`).
    let after: string | null = null;
    for (;;) {
      const batch = await runs.unfinishedFiles(runId, after, WALK_CHUNK);
      if (batch.length === 0) break;
      for (const row of batch) {
        // A retried file the pattern does not match stays out (the pattern looks at the file name only).
        if (dossierKeyOf(row.path, rule) === null) await refuse(row.path, UNMATCHED_REASON);
        else await admit({ path: row.path, relative: row.path, size: row.size, queuedBefore: row.state === 'queued' });
      }
      after = batch[batch.length - 1]?.path ?? null;
    }
    if (setup.walk) {
      for await (const chunk of chunks(archive.files(), WALK_CHUNK)) {
        const held = await runs.fileStates(
          runId,
          chunk.map((f) => f.path),
        );
        const fresh = chunk.filter((f) => !held.has(f.path));
        const sized: Array<ArchiveFile & { size: number; dossierKey: string | null }> = [];
        for (const file of fresh) {
          const size = await archive.size(file).catch(() => -1);
          sized.push({ ...file, size, dossierKey: dossierKeyOf(file.relative, rule) });
        }
        await runs.addFiles(
          runId,
          sized.map((f) => ({
            path: f.path,
            size: Math.max(0, f.size),
            dossierKey: f.dossierKey ?? NO_DOSSIER,
          })),
        );
        for (const file of sized) {
          if (file.size < 0) await refuse(file.path, 'cannot read: the file vanished during the walk');
          else if (file.dossierKey === null) await refuse(file.path, UNMATCHED_REASON);
          else await admit(file);
        }
      }
      // Both walks report an unreadable folder; record it once.
      for (const [path, reason] of new Map(context.walkErrors.map((e) => [e.path, e.reason]))) {
        await runs.addFiles(runId, [{ path, size: 0, dossierKey: NO_DOSSIER }]);
        await runs.markFinished(runId, path, { state: 'failed', reason });
      }
    }
    await Promise.all(inFlight);
    await counting;
    const counters = await runs.importCounters(runId);
    await runs.finishRun(runId, counters.pending + counters.queued > 0 ? 'failed' : 'done', { ...counters });
    stats.seconds = (performance.now() - startedAt) / 1000;
    return {
      runId,
      resumed: !setup.created,
      root: archive.root,
      group: describeGroupRule(rule),
      counters,
      session: stats,
    };
  } finally {
    clearInterval(heartbeat);
    progress.stop(state);
  }
}

export function formatImportReport(report: ImportReport): string {
  const c = report.counters;
  const s = report.session;
  return (
    `${report.resumed ? 'continued' : 'started'} run ${report.runId} (${report.root}, group ${report.group})\n` +
    `${c.files} files in ${c.dossiers} dossiers: ${c.done} done (${c.known} already known), ${c.failed} failed` +
    `${c.pending + c.queued > 0 ? `, ${c.pending + c.queued} unfinished` : ''}; ${c.pages} pages; ` +
    `${c.dossiersDone}/${c.dossiers} dossiers complete\n` +
    `this session: ${s.files} files, ${s.newPages} new pages, ${s.knownPages} known pages in ${s.seconds.toFixed(1)} s\n` +
    (c.failed > 0
      ? `see the failures: sohoa runs show ${report.runId}; retry them: sohoa runs retry ${report.runId}\n`
      : '')
  );
}
