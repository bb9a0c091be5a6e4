import cliProgress from 'cli-progress';
import pLimit from 'p-limit';
import { type ProgressEvent, pagesInFlight } from '../pipeline/digitize-source.js';
import { IngestError, ingestFile } from '../pipeline/ingest.js';
import { dossierFindings, type Finding } from '../pipeline/recognize/index.js';
import type { SourceResult } from '../storage/warehouse/index.js';
import { flowConsumers, submitSourceFlow, waitForSourceFlow } from '../workers/digitize-flow.js';
import { consumeDigitizeJobs, submitSource, waitForSource } from '../workers/digitize-jobs.js';
import { collectPaths } from './collect-paths.js';
import type { Config } from './config.js';
import { openRuntime, stageDepsOf } from './runtime.js';
import { flowJobOptionsOf, openJobQueue } from './worker-command.js';

/**
 * One entry of `sohoa digitize --json`: the stored result plus the path as given and the consistency findings across
 * its components (computed from the stored values, so human corrections count).
 */
export type SourceOutput = { path: string; findings: Finding[] } & (
  | SourceResult
  | (Omit<SourceResult, 'sha256'> & { sha256: null })
);

export interface DigitizeOutput {
  sources: SourceOutput[];
}

function failedOutput(path: string, error: string): SourceOutput {
  return { path, sha256: null, pageCount: 0, status: 'failed', error, pages: [], components: [], findings: [] };
}

/** Progress on stderr: a bar on a terminal, one line per finished source otherwise. */
function progressReporter(stream: NodeJS.WriteStream, sourceTotal: number) {
  if (!stream.isTTY) {
    return {
      onProgress(event: ProgressEvent) {
        if (event.type === 'source-done') {
          stream.write(`sohoa: ${event.status} ${event.path}${event.error ? `: ${event.error}` : ''}\n`);
        }
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: 'digitizing {bar} {value}/{total} pages | {sources}/{sourceTotal} files | {eta_formatted} left | {file}',
      stream,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let pages = 0;
  let sources = 0;
  bar.start(0, 0, { sources, sourceTotal, file: '' });
  return {
    onProgress(event: ProgressEvent) {
      if (event.type === 'source-start') {
        pages += event.pageCount;
        bar.setTotal(pages);
      } else if (event.type === 'page-done') bar.increment(1, { file: event.path });
      else if (event.type === 'source-done') bar.update({ sources: ++sources });
    },
    stop() {
      bar.stop();
    },
  };
}

/**
 * `sohoa digitize`: stores each file's original under its SHA-256, queues one job per source and collects the results
 * in the order the files were given. With REDIS_URL set the jobs go to the shared queue for `sohoa worker`
 * processes (distributed mode); `wait: false` then returns at once with each source `processing`.
 */
export async function runDigitize(
  args: string[],
  config: Config,
  stderr: NodeJS.WriteStream,
  options: { wait?: boolean } = {},
): Promise<DigitizeOutput> {
  const collected = await collectPaths(args);
  // Embedded, this process reads the pages: with files to read, its OCR threads start alongside the warehouse.
  const warmOcr = !config.redisUrl && collected.some((item) => item.error === undefined);
  const runtime = await openRuntime(config, { warmOcr });
  const queue = await openJobQueue(config);
  const distributed = queue.kind === 'bullmq';
  const progress = progressReporter(stderr, collected.length);
  try {
    if (distributed && options.wait !== false && (await flowConsumers(queue)) === 0) {
      stderr.write('sohoa: no `sohoa worker` is consuming the queue yet; the files wait until one starts\n');
    }
    if (!distributed) {
      await consumeDigitizeJobs(
        queue,
        {
          ...stageDepsOf(runtime),
          pageConcurrency: pagesInFlight(config.ocrWorkers),
          // Sources run side by side, but pages in flight hold decoded images: one bound for the whole process.
          pageSlots: pLimit(pagesInFlight(config.ocrWorkers)),
          onProgress: progress.onProgress,
        },
        { concurrency: config.sourceConcurrency },
      );
    }
    const pending: Array<Promise<SourceOutput>> = [];
    for (const item of collected) {
      if (item.error !== undefined) {
        pending.push(Promise.resolve(failedOutput(item.path, item.error)));
        continue;
      }
      try {
        const ingested = await ingestFile(item.path, runtime.store, config.maxBytes);
        const job = { path: item.path, ...ingested };
        if (distributed) {
          await submitSourceFlow(queue, job, flowJobOptionsOf(config));
          if (options.wait === false) {
            // Queued, not yet read: the shape of an empty result, status "processing".
            const { error: _none, ...empty } = failedOutput(item.path, '');
            pending.push(
              Promise.resolve({ ...empty, sha256: job.sha256, pageCount: null, status: 'processing', findings: [] }),
            );
            continue;
          }
        }
        const waited = distributed
          ? waitForSourceFlow(queue, job, {
              jobOptions: flowJobOptionsOf(config),
              onPages: (pageCount) =>
                progress.onProgress({ type: 'source-start', sha256: job.sha256, path: item.path, pageCount }),
            }).then((result) => {
              progress.onProgress({
                type: 'source-done',
                sha256: job.sha256,
                path: item.path,
                status: result.status === 'done' ? 'done' : 'failed',
                ...(result.error ? { error: result.error } : {}),
              });
              return result;
            })
          : waitForSource(queue, await submitSource(queue, job));
        pending.push(
          waited.then(
            (result) => ({ path: item.path, ...result, findings: dossierFindings(result.components) }),
            (error: unknown) => failedOutput(item.path, error instanceof Error ? error.message : String(error)),
          ),
        );
      } catch (error) {
        if (!(error instanceof IngestError)) throw error;
        pending.push(Promise.resolve(failedOutput(item.path, error.message)));
      }
    }
    return { sources: await Promise.all(pending) };
  } finally {
    progress.stop();
    await queue.close();
    await runtime.close();
  }
}

/** Human summary: one block per source. */
export function formatSummary(output: DigitizeOutput): string {
  const lines: string[] = [];
  for (const source of output.sources) {
    if (source.status === 'failed') {
      lines.push(`✗ ${source.path}: ${source.error ?? 'failed'}`);
      continue;
    }
    lines.push(`✓ ${source.path}  (${source.pageCount} pages, sha256 ${source.sha256?.slice(0, 12)}…)`);
    for (const c of source.components) {
      const range = c.pages[0] === c.pages[1] ? `p${c.pages[0]}` : `p${c.pages[0]}-${c.pages[1]}`;
      const fields = Object.entries(c.fields)
        .map(([k, f]) => `${k}=${f.value}`)
        .join('; ');
      lines.push(
        `   ${range.padEnd(8)} ${c.type.padEnd(28)} ${c.status === 'accepted' ? 'accepted    ' : 'needs review'} ${fields}`,
      );
    }
    for (const f of source.findings) lines.push(`   ! ${f.message}`);
  }
  const failed = output.sources.filter((s) => s.status === 'failed').length;
  lines.push(`${output.sources.length - failed} done, ${failed} failed`);
  return `${lines.join('\n')}\n`;
}
