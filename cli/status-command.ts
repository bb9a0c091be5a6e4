import { FLOW_QUEUES } from '../workers/digitize-flow.js';
import type { QueueStats } from '../workers/job-queue/index.js';
import type { Config } from './config.js';
import { openJobQueue } from './worker-command.js';

export interface StatusReport {
  queue: 'bullmq' | 'in-process';
  /** Minutes the throughput figures cover. */
  minutes: number;
  queues: Array<{ name: string } & QueueStats>;
  /** Pages read per minute over the window (completed page jobs). */
  pagesPerMinute: number;
}

/** `sohoa status`: depth, active jobs, recent failures and throughput of each digitize queue. */
export async function runStatus(config: Config, options: { minutes: number; failures: number }): Promise<StatusReport> {
  const queue = await openJobQueue(config);
  try {
    const queues = [];
    for (const name of Object.values(FLOW_QUEUES)) {
      queues.push({ name, ...(await queue.stats(name, options)) });
    }
    const pages = queues.find((q) => q.name === FLOW_QUEUES.page);
    const pageTotal = pages ? pages.completedPerMinute.reduce((a, b) => a + b, 0) : 0;
    return { queue: queue.kind, minutes: options.minutes, queues, pagesPerMinute: pageTotal / options.minutes };
  } finally {
    await queue.close(0);
  }
}

function ago(at: number | null, now: number): string {
  if (at === null) return '';
  const s = Math.round((now - at) / 1000);
  return s < 120 ? `${s}s ago` : `${Math.round(s / 60)}m ago`;
}

export function formatStatus(report: StatusReport, now = Date.now()): string {
  const lines: string[] = [];
  if (report.queue === 'in-process') {
    lines.push('queue: in-process (REDIS_URL unset): jobs live inside each `sohoa digitize` run; nothing is shared.');
  }
  lines.push(
    `${'queue'.padEnd(16)} ${'waiting'.padStart(8)} ${'active'.padStart(7)} ${'done'.padStart(7)} ${'failed'.padStart(7)} ${'workers'.padStart(8)} ${`/min (${report.minutes}m)`.padStart(11)}`,
  );
  for (const q of report.queues) {
    const perMinute = q.completedPerMinute.reduce((a, b) => a + b, 0) / report.minutes;
    lines.push(
      `${q.name.padEnd(16)} ${String(q.counts.waiting).padStart(8)} ${String(q.counts.active).padStart(7)} ${String(q.counts.completed).padStart(7)} ${String(q.counts.failed).padStart(7)} ${String(q.consumers).padStart(8)} ${perMinute.toFixed(1).padStart(11)}`,
    );
  }
  lines.push(`throughput: ${report.pagesPerMinute.toFixed(1)} pages/min over the last ${report.minutes} min`);
  const failures = report.queues.flatMap((q) => q.recentFailures.map((f) => ({ queue: q.name, ...f })));
  if (failures.length > 0) {
    lines.push('recent failures:');
    for (const f of failures.sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0))) {
      lines.push(`  ${f.queue} ${f.id} ${ago(f.finishedAt, now)}: ${f.reason}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
