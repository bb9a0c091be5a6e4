import type { RunStatus } from '../schemas/runs.schema.js';
import {
  createRunsRepository,
  type FailureGroup,
  type ImportCounters,
  type ProducedStats,
  type RunRow,
  type RunsRepository,
  type ThroughputBucket,
} from '../storage/runs/runs.repository.js';
import { openWarehouse } from '../storage/warehouse/index.js';
import type { Config } from './config.js';
import { ArchiveError, parseGroupRule } from './import-archive.js';
import { type ImportReport, importSession, openImportContext } from './import-command.js';

/** A run still `running` whose process has not touched it for this long was interrupted (killed, rebooted). */
export const STALE_HEARTBEAT_MS = 120_000;

export type ShownStatus = RunStatus | 'interrupted';

export interface RunSummary {
  id: string;
  kind: RunRow['kind'];
  status: ShownStatus;
  args: Record<string, unknown>;
  startedAt: string;
  finishedAt: string | null;
  /** Import runs: derived from the file rows now; re-processing runs: as recorded when they finished. */
  counters: Record<string, number>;
}

export interface RunDetails extends RunSummary {
  failures: FailureGroup[];
  throughput: { bucketSeconds: number; buckets: ThroughputBucket[] };
  produced: ProducedStats;
}

export class RunNotFoundError extends Error {}

function shownStatus(run: RunRow, now: number): ShownStatus {
  return run.status === 'running' && now - run.heartbeatAt.getTime() > STALE_HEARTBEAT_MS ? 'interrupted' : run.status;
}

async function summarize(runs: RunsRepository, run: RunRow, now: number): Promise<RunSummary> {
  const counters: Record<string, number> =
    run.kind === 'import' ? { ...(await runs.importCounters(run.id)) } : run.counters;
  return {
    id: run.id,
    kind: run.kind,
    status: shownStatus(run, now),
    args: run.args,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    counters,
  };
}

async function withRuns<T>(config: Config, use: (runs: RunsRepository) => Promise<T>): Promise<T> {
  const warehouse = await openWarehouse({
    dataDir: config.dataDir,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
  });
  try {
    return await use(createRunsRepository(warehouse.db));
  } finally {
    await warehouse.close();
  }
}

export function listRuns(config: Config, limit: number): Promise<RunSummary[]> {
  return withRuns(config, async (runs) => {
    const now = Date.now();
    const rows = await runs.listRuns(limit);
    const out: RunSummary[] = [];
    for (const run of rows) out.push(await summarize(runs, run, now));
    return out;
  });
}

export function showRun(
  config: Config,
  id: string,
  options: { pathsPerReason: number; bucketSeconds: number },
): Promise<RunDetails> {
  return withRuns(config, async (runs) => {
    const run = await runs.getRun(id);
    if (!run) throw new RunNotFoundError(`no run ${id} (see sohoa runs)`);
    return {
      ...(await summarize(runs, run, Date.now())),
      failures: await runs.failures(id, options.pathsPerReason),
      throughput: { bucketSeconds: options.bucketSeconds, buckets: await runs.throughput(id, options.bucketSeconds) },
      produced: await runs.producedStats(id),
    };
  });
}

/** `sohoa runs retry`: puts the run's failed files back to pending and runs them again (no walk for new files). */
export async function retryRun(
  config: Config,
  id: string,
  options: { maxInFlight?: number; progressIntervalSeconds?: number },
  stderr: NodeJS.WriteStream,
): Promise<ImportReport> {
  const run = await withRuns(config, async (runs) => {
    const found = await runs.getRun(id);
    if (!found) throw new RunNotFoundError(`no run ${id} (see sohoa runs)`);
    return found;
  });
  if (run.kind !== 'import') throw new ArchiveError(`run ${id} is a ${run.kind} run; only import runs are retried`);
  const { root, group, pattern } = run.args as { root: string; group: string; pattern?: string };
  const rule = parseGroupRule(group, pattern);
  const context = await openImportContext(root, config);
  try {
    const reset = await context.runs.resetFailed(id);
    stderr.write(`sohoa runs retry: ${reset} failed files of run ${id} queued again\n`);
    await context.runs.reopenRun(id);
    return await importSession(
      context,
      { runId: id, created: false, rule, maxInFlight: options.maxInFlight, walk: false },
      { progressIntervalSeconds: options.progressIntervalSeconds, stderr },
    );
  } finally {
    await context.close();
  }
}

const when = (iso: string | null) => (iso ? iso.replace('T', ' ').slice(0, 19) : '-');

function describeArgs(args: Record<string, unknown>): string {
  return Object.entries(args)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
}

function describeCounters(kind: RunRow['kind'], c: Record<string, number>): string {
  if (kind !== 'import') {
    return Object.entries(c)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  }
  const i = c as unknown as ImportCounters;
  const open = i.pending + i.queued;
  return `${i.done}/${i.files} files (${i.known} known), ${i.failed} failed${open ? `, ${open} unfinished` : ''}, ${i.pages} pages, ${i.dossiersDone}/${i.dossiers} dossiers`;
}

export function formatRunList(list: RunSummary[]): string {
  if (list.length === 0) return 'no runs yet (sohoa import <folder | s3://bucket/prefix>)\n';
  return `${list
    .map(
      (r) =>
        `${r.id}  ${r.kind.padEnd(9)} ${r.status.padEnd(11)} ${when(r.startedAt)}  ${describeCounters(r.kind, r.counters)}\n` +
        `    ${describeArgs(r.args)}`,
    )
    .join('\n')}\n`;
}

export function formatRunDetails(run: RunDetails): string {
  const lines = [
    `run ${run.id} (${run.kind}), ${run.status}`,
    `  ${describeArgs(run.args)}`,
    `  started ${when(run.startedAt)}, finished ${when(run.finishedAt)}`,
    `  totals: ${describeCounters(run.kind, run.counters)}`,
  ];
  if (run.failures.length > 0) {
    lines.push('failures by reason:');
    for (const f of run.failures) {
      lines.push(`  ${f.files} × ${f.reason}`);
      for (const p of f.paths) lines.push(`      ${p}`);
      if (f.files > f.paths.length) lines.push(`      … and ${f.files - f.paths.length} more`);
    }
  }
  if (run.throughput.buckets.length > 0) {
    lines.push(`throughput (per ${run.throughput.bucketSeconds} s):`);
    for (const b of run.throughput.buckets) {
      lines.push(`  ${when(b.at)}  ${String(b.files).padStart(6)} files  ${String(b.pages).padStart(7)} pages`);
    }
  }
  const p = run.produced;
  if (p.sources > 0) {
    lines.push(`produced from ${p.sources} sources:`);
    for (const c of p.components) {
      lines.push(`  ${c.type.padEnd(30)} ${String(c.count).padStart(6)} components, ${c.needsReview} need review`);
    }
    lines.push('  fields:');
    for (const f of p.fields) {
      lines.push(
        `    ${f.key.padEnd(28)} ${String(f.count).padStart(6)} (${f.needsReview} need review, ${f.confirmed} confirmed)`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
