// `npx tsx scripts/bench-distributed.ts`: digitizes one generated corpus (>= 40 pages) in embedded mode and in
// distributed mode with one and with two `sohoa worker` processes (each with SOHOA_OCR_WORKERS=1), and prints pages
// per second, the speed-up of two workers over one, the per-page time spent in the queue, object store and database
// against OCR time, and whether the distributed results equal the embedded ones.
// Workers are pinned one per core by default (see --pin).
// Needs the built CLI (`npm run build`), Redis and PostgreSQL (as for the tests).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Job, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { FLOW_QUEUES } from '../workers/digitize-flow.js';
import type { StageTimings, Tally } from '../workers/stage-timings.js';
import { generateCorpus } from './bench/generate-corpus.js';
import { median } from './bench/median.js';

const { values: args } = parseArgs({
  options: {
    seed: { type: 'string', default: '4242' },
    pages: { type: 'string', default: '40' },
    corpus: { type: 'string' },
    redis: { type: 'string', default: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' },
    'admin-db': {
      type: 'string',
      default: process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/postgres',
    },
    'embedded-ocr-workers': { type: 'string', default: '2' },
    workers: { type: 'string', default: '1,2' },
    // Runs of each worker count, taken in turn (1, 2, 1, 2, ...): the machine's speed drifts within minutes, so the
    // summary compares medians of interleaved runs.
    rounds: { type: 'string', default: '1' },
    // One core per worker (taskset), as if each ran on its own one-core machine; --no-pin lets them share all cores.
    pin: { type: 'boolean', default: true },
    keep: { type: 'boolean', default: false },
  },
});

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'sohoa.js');
if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) throw new Error('build the CLI first: npm run build');
const work = mkdtempSync(join(tmpdir(), 'sohoa-bench-dist-'));
const corpus = args.corpus ?? join(work, 'corpus');
if (!args.corpus) {
  generateCorpus(corpus, { seed: args.seed, pages: args.pages, quiet: true });
}

type Output = {
  sources: Array<{
    path: string;
    status: string;
    pageCount: number;
    components: Array<{ type: string; fields: object }>;
  }>;
};

function run(
  argv: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...argv], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const cores = availableParallelism();
const pinned = args.pin && spawnSync('taskset', ['--version']).status === 0;

function startWorker(env: Record<string, string>, timingsFile: string, core: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const argv = [bin, 'worker', '--timings', timingsFile];
    const [command, commandArgs] = pinned
      ? ['taskset', ['-c', String(core % cores), process.execPath, ...argv]]
      : [process.execPath, argv];
    const child = spawn(command, commandArgs, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d;
      if (/consuming with/.test(err)) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`worker exited (${code}) before consuming:\n${err}`)));
  });
}

const pagesOf = (o: Output) => o.sources.reduce((n, s) => n + (s.pageCount ?? 0), 0);
/** What must match between modes: per source, status, page count, component types, ranges and field values. */
const essence = (o: Output) =>
  o.sources.map((s) => ({
    path: s.path,
    status: s.status,
    pageCount: s.pageCount,
    components: s.components.map((c) => ({
      ...c,
      fields: Object.fromEntries(Object.entries(c.fields).map(([k, f]) => [k, (f as { value: unknown }).value])),
    })),
  }));

// Embedded: one process, in-process queue, PGlite, object files.
const embeddedDir = join(work, 'embedded');
const t0 = performance.now();
const embeddedRun = await run(['digitize', '--json', corpus], {
  SOHOA_DATA_DIR: embeddedDir,
  DATABASE_URL: '',
  REDIS_URL: '',
  S3_ENDPOINT: '',
  SOHOA_OCR_WORKERS: args['embedded-ocr-workers'],
});
const embeddedSeconds = (performance.now() - t0) / 1000;
if (embeddedRun.code !== 0 && embeddedRun.code !== 1) throw new Error(`embedded run failed:\n${embeddedRun.stderr}`);
const embedded = JSON.parse(embeddedRun.stdout) as Output;
const pages = pagesOf(embedded);
console.log(`corpus: ${embedded.sources.length} files, ${pages} pages (${corpus})`);
console.log(
  `embedded (SOHOA_OCR_WORKERS=${args['embedded-ocr-workers']}, process start and OCR warm-up included): ${embeddedSeconds.toFixed(1)} s, ${(pages / embeddedSeconds).toFixed(3)} pages/s`,
);

/** True when equal; otherwise prints the first source that differs, field by field. */
function reportDifference(a: ReturnType<typeof essence>, b: ReturnType<typeof essence>, workerCount: number): boolean {
  if (JSON.stringify(a) === JSON.stringify(b)) return true;
  const i = a.findIndex((s, k) => JSON.stringify(s) !== JSON.stringify(b[k]));
  console.log(`  differs (${workerCount} worker(s)) at ${a[i]?.path}:`);
  console.log(`    embedded:    ${JSON.stringify(a[i])}`);
  console.log(`    distributed: ${JSON.stringify(b[i])}`);
  return false;
}

interface DistributedResult {
  workers: number;
  seconds: number;
  identical: boolean;
  perPage: { queueMs: number; storeMs: number; databaseMs: number; ocrMs: number };
  /** Per page, by method: "put 2.0 × 9.1 ms". */
  storeCalls: string;
  databaseCalls: string;
  /** Each worker's main-thread delay: how long a ready reply waited for the thread. */
  eventLoop: string;
}

/** "put 2.05 calls 18.2 ms (slowest 40 ms), ...": each method's calls and time per page, costliest first. */
function perMethod(tallies: Tally[], pages: number): string {
  const merged = new Map<string, { calls: number; ms: number; maxMs: number }>();
  for (const t of tallies) {
    for (const [name, m] of Object.entries(t.byMethod)) {
      const into = merged.get(name) ?? { calls: 0, ms: 0, maxMs: 0 };
      into.calls += m.calls;
      into.ms += m.ms;
      into.maxMs = Math.max(into.maxMs, m.maxMs ?? 0);
      merged.set(name, into);
    }
  }
  return [...merged]
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(
      ([name, m]) =>
        `${name} ${(m.calls / pages).toFixed(2)} calls ${(m.ms / pages).toFixed(1)} ms (slowest ${m.maxMs.toFixed(0)} ms)`,
    )
    .join(', ');
}

const overheadMs = (r: DistributedResult) => r.perPage.queueMs + r.perPage.storeMs + r.perPage.databaseMs;
const overheadPercent = (r: DistributedResult) => (100 * overheadMs(r)) / r.perPage.ocrMs;

async function distributed(workerCount: number, round: number): Promise<DistributedResult> {
  const dbName = `sohoa_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: args['admin-db'] });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const dbUrl = new URL(args['admin-db']);
  dbUrl.pathname = `/${dbName}`;
  const prefix = `sohoa-bench-${randomBytes(4).toString('hex')}`;
  const env = {
    DATABASE_URL: dbUrl.toString(),
    REDIS_URL: args.redis,
    REDIS_PREFIX: prefix,
    SOHOA_DATA_DIR: join(work, `distributed-${round}-${workerCount}`),
    SOHOA_OCR_WORKERS: '1',
  };
  const redis = new Redis(args.redis, { maxRetriesPerRequest: null });
  try {
    const migrated = await run(['migrate'], env);
    if (migrated.code !== 0) throw new Error(migrated.stderr);
    const timingFiles = Array.from({ length: workerCount }, (_, i) =>
      join(work, `timings-${round}-${workerCount}-${i}.json`),
    );
    // Workers start (and warm their OCR thread) before the clock starts: they are long-running services.
    const workers = await Promise.all(timingFiles.map((file, i) => startWorker(env, file, i)));
    const started = performance.now();
    const client = await run(['digitize', '--json', corpus], env);
    const seconds = (performance.now() - started) / 1000;
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            w.on('exit', () => resolve());
            w.kill('SIGTERM');
          }),
      ),
    );
    if (client.code !== 0 && client.code !== 1) throw new Error(`distributed run failed:\n${client.stderr}`);
    const output = JSON.parse(client.stdout) as Output;
    const timings = timingFiles.map(
      (f) =>
        JSON.parse(readFileSync(f, 'utf8')) as StageTimings & {
          handlers: Record<string, { jobs: number; ms: number }>;
          eventLoopDelay?: { meanMs: number; p50Ms: number; p99Ms: number; maxMs: number };
        },
    );
    const sum = (pick: (t: (typeof timings)[number]) => number) => timings.reduce((n, t) => n + pick(t), 0);

    // Queue time: BullMQ's own work around each handler (locks, moving finished jobs) plus the fan-in hand-over
    // (last page done -> finish job started).
    const jobsOf = async (name: string): Promise<Job[]> => {
      const queue = new Queue(name, { connection: redis, prefix });
      const jobs = await queue.getJobs(['completed'], 0, -1);
      await queue.close();
      return jobs;
    };
    let bookkeeping = 0;
    const perQueue = await Promise.all(Object.values(FLOW_QUEUES).map(async (q) => [q, await jobsOf(q)] as const));
    for (const [name, jobs] of perQueue) {
      const window = jobs.reduce((n, j) => n + ((j.finishedOn ?? 0) - (j.processedOn ?? 0)), 0);
      bookkeeping += Math.max(0, window - sum((t) => t.handlers[name]?.ms ?? 0));
    }
    const pageJobs = perQueue.find(([q]) => q === FLOW_QUEUES.page)?.[1] ?? [];
    let fanIn = 0;
    for (const finish of perQueue.find(([q]) => q === FLOW_QUEUES.finish)?.[1] ?? []) {
      const children = pageJobs.filter(
        (j) => (j.data as { sha256: string }).sha256 === (finish.data as { sha256: string }).sha256,
      );
      const lastChild = Math.max(...children.map((j) => j.finishedOn ?? 0));
      if (children.length > 0) fanIn += Math.max(0, (finish.processedOn ?? 0) - lastChild);
    }
    const n = pagesOf(output);
    return {
      workers: workerCount,
      seconds,
      identical: reportDifference(essence(embedded), essence(output), workerCount),
      perPage: {
        queueMs: (bookkeeping + fanIn) / n,
        storeMs: sum((t) => t.store.ms) / n,
        databaseMs: sum((t) => t.database.ms) / n,
        ocrMs: sum((t) => t.ocr.busyMs) / n,
      },
      storeCalls: perMethod(
        timings.map((t) => t.store),
        n,
      ),
      databaseCalls: perMethod(
        timings.map((t) => t.database),
        n,
      ),
      eventLoop: timings
        .flatMap((t) => (t.eventLoopDelay ? [t.eventLoopDelay] : []))
        .map((d) => `mean ${d.meanMs} ms, p99 ${d.p99Ms} ms, max ${d.maxMs} ms`)
        .join('; '),
    };
  } finally {
    redis.disconnect();
    const cleanup = new Redis(args.redis, { maxRetriesPerRequest: 1 });
    let cursor = '0';
    do {
      const [next, keys] = await cleanup.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await cleanup.unlink(...keys);
    } while (cursor !== '0');
    cleanup.disconnect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}

console.log(
  pinned
    ? `workers pinned one per core (taskset), each standing for a one-core machine; ${cores} cores; Redis, PostgreSQL and the client unpinned`
    : `workers unpinned: every worker may use all ${cores} cores`,
);
const results: DistributedResult[] = [];
const counts = args.workers.split(',').map(Number);
const rounds = Math.max(1, Number(args.rounds));
for (let round = 1; round <= rounds; round++) {
  for (const count of counts) {
    const r = await distributed(count, round);
    results.push(r);
    const p = r.perPage;
    console.log(
      `distributed${rounds > 1 ? ` (round ${round})` : ''}, ${r.workers} worker(s) x 1 OCR thread: ${r.seconds.toFixed(1)} s, ` +
        `${(pages / r.seconds).toFixed(3)} pages/s; results identical to embedded: ${r.identical ? 'yes' : 'NO'}`,
    );
    console.log(
      `  per page: queue ${p.queueMs.toFixed(1)} ms, object store ${p.storeMs.toFixed(1)} ms, database ${p.databaseMs.toFixed(1)} ms ` +
        `= ${overheadMs(r).toFixed(1)} ms against OCR ${p.ocrMs.toFixed(0)} ms (${overheadPercent(r).toFixed(2)} %)`,
    );
    console.log(`  object store per page: ${r.storeCalls}`);
    console.log(`  database per page: ${r.databaseCalls}`);
    if (r.eventLoop) console.log(`  event-loop delay per worker: ${r.eventLoop}`);
  }
}
const of = (count: number) => results.filter((r) => r.workers === count);
if (rounds > 1) {
  for (const count of counts) {
    const runs = of(count);
    console.log(
      `median of ${runs.length} runs, ${count} worker(s): ${median(runs.map((r) => r.seconds)).toFixed(1)} s, ` +
        `overhead ${median(runs.map(overheadPercent)).toFixed(2)} % of OCR time ` +
        `(runs: ${runs.map((r) => overheadPercent(r).toFixed(2)).join(', ')})`,
    );
  }
}
if (of(1).length > 0 && of(2).length > 0) {
  const speedUp = median(of(1).map((r) => r.seconds)) / median(of(2).map((r) => r.seconds));
  const each =
    rounds > 1
      ? ` (per round: ${of(1)
          .map((r, i) => (r.seconds / (of(2)[i]?.seconds ?? Number.NaN)).toFixed(2))
          .join(', ')})`
      : '';
  console.log(`speed-up of 2 workers over 1${rounds > 1 ? ', medians' : ''}: ${speedUp.toFixed(2)}x${each}`);
}
if (!args.keep) rmSync(work, { recursive: true, force: true });
else console.log(`kept ${work}`);
if (results.some((r) => !r.identical)) process.exitCode = 1;
