import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ConfigError, deploymentOf, describeConfig, loadConfig } from './config.js';
import type { ImportReport } from './import-command.js';
import type { RecognizeSelection } from './recognize-command.js';
import { serveCommand } from './serve-command.js';
import { tokenCommand } from './token-command.js';

// Each command loads its modules when it runs: the whole pipeline, the service and the queue clients together take
// over a second to load, which no command needs all of.

/** Exit statuses: 0 every source done, 1 a source failed, 2 usage or configuration error. */
const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

function configOrExit() {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`sohoa: ${error.message}\n`);
      process.exit(EXIT.usage);
    }
    throw error;
  }
}

const program = new Command()
  .name('sohoa')
  .description('Digitize Vietnamese administrative dossiers: scans in, components and fields out.')
  .exitOverride()
  .enablePositionalOptions()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

program
  .command('digitize')
  .description('OCR and recognize scanned files (JPEG, PNG, WebP, TIFF, PDF) or folders of them')
  .argument('<paths...>', 'files or folders (folders are walked recursively)')
  .option('--json', 'print exactly one JSON document on stdout')
  .option('--no-wait', 'with REDIS_URL set: queue the files, print their source ids and return')
  .action(async (paths: string[], options: { json?: boolean; wait: boolean }) => {
    const config = configOrExit();
    const { formatSummary, runDigitize } = await import('./digitize-command.js');
    const output = await runDigitize(paths, config, process.stderr, { wait: options.wait });
    const queued = output.sources.every((s) => s.status !== 'processing')
      ? null
      : output.sources
          .map((s) => `${s.status === 'processing' ? s.sha256 : `failed: ${s.error}`}  ${s.path}\n`)
          .join('');
    process.stdout.write(options.json ? `${JSON.stringify(output, null, 2)}\n` : (queued ?? formatSummary(output)));
    process.exitCode = output.sources.some((s) => s.status === 'failed') ? EXIT.failed : EXIT.ok;
  });

const wholeNumber = (v: string) => {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number greater than 0');
  return n;
};

/** Usage problems of import and runs (bad root, pattern, unknown run) exit 2 with the message. */
async function usageErrorsExit2(command: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    const [{ ArchiveError }, { RunNotFoundError }] = await Promise.all([
      import('./import-archive.js'),
      import('./runs-command.js'),
    ]);
    if (!(error instanceof ArchiveError || error instanceof RunNotFoundError)) throw error;
    process.stderr.write(`sohoa ${command}: ${error.message}\n`);
    process.exitCode = EXIT.usage;
  }
}

/** The options an import session takes (import, runs retry). */
function withSessionOptions(command: Command): Command {
  return command
    .option('--max-in-flight <n>', 'sources queued and not yet finished, at most (default: 2 per core)', wholeNumber)
    .option(
      '--progress-interval <s>',
      'seconds between JSON progress lines when stderr is not a terminal',
      wholeNumber,
      10,
    )
    .option('--json', 'print the run report as one JSON document');
}

async function printImportReport(report: ImportReport, json: boolean | undefined): Promise<void> {
  const { formatImportReport } = await import('./import-command.js');
  process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : formatImportReport(report));
  process.exitCode = report.counters.failed > 0 ? EXIT.failed : EXIT.ok;
}

withSessionOptions(
  program
    .command('import')
    .description('digitize a whole archive (folder or s3://bucket/prefix) as one resumable run')
    .argument('<root>', 'a folder, or s3://bucket/prefix (read with the S3_ENDPOINT and keys of the configuration)')
    .option(
      '--group <rule>',
      'dossier per: folder (each folder), file (each file), pattern (code in the file name)',
      'folder',
    )
    .option('--pattern <regex>', 'with --group pattern: regular expression with a named group "code"'),
).action(
  async (
    root: string,
    options: { group: string; pattern?: string; maxInFlight?: number; progressInterval: number; json?: boolean },
  ) => {
    const config = configOrExit();
    await usageErrorsExit2('import', async () => {
      const { runImport } = await import('./import-command.js');
      const report = await runImport(
        root,
        {
          group: options.group,
          ...(options.pattern !== undefined ? { pattern: options.pattern } : {}),
          ...(options.maxInFlight !== undefined ? { maxInFlight: options.maxInFlight } : {}),
          progressIntervalSeconds: options.progressInterval,
        },
        config,
        process.stderr,
      );
      await printImportReport(report, options.json);
    });
  },
);

const runsCommand = program
  .command('runs')
  // `runs show --json` is the subcommand's option, not the list's (positional on the program too).
  .enablePositionalOptions()
  .description('import and re-processing runs: list them, show one, retry its failed files')
  .option('--limit <n>', 'newest runs to list', wholeNumber, 50)
  .option('--json', 'print the list as one JSON document')
  .action(async (options: { limit: number; json?: boolean }) => {
    const { formatRunList, listRuns } = await import('./runs-command.js');
    const list = await listRuns(configOrExit(), options.limit);
    process.stdout.write(options.json ? `${JSON.stringify(list, null, 2)}\n` : formatRunList(list));
  });

runsCommand
  .command('show')
  .description('totals, failures by reason, throughput over time, and the components and fields a run produced')
  .argument('<id>', 'run id (see sohoa runs)')
  .option('--paths <n>', 'file paths listed per failure reason', wholeNumber, 20)
  .option('--bucket <s>', 'seconds per throughput bucket', wholeNumber, 60)
  .option('--json', 'print the report as one JSON document')
  .action(async (id: string, options: { paths: number; bucket: number; json?: boolean }) => {
    const config = configOrExit();
    await usageErrorsExit2('runs show', async () => {
      const { formatRunDetails, showRun } = await import('./runs-command.js');
      const run = await showRun(config, id, { pathsPerReason: options.paths, bucketSeconds: options.bucket });
      process.stdout.write(options.json ? `${JSON.stringify(run, null, 2)}\n` : formatRunDetails(run));
    });
  });

withSessionOptions(
  runsCommand
    .command('retry')
    .description("digitize an import run's failed files again")
    .argument('<id>', 'run id (see sohoa runs)'),
).action(async (id: string, options: { maxInFlight?: number; progressInterval: number; json?: boolean }) => {
  const config = configOrExit();
  await usageErrorsExit2('runs retry', async () => {
    const { retryRun } = await import('./runs-command.js');
    const report = await retryRun(
      config,
      id,
      {
        ...(options.maxInFlight !== undefined ? { maxInFlight: options.maxInFlight } : {}),
        progressIntervalSeconds: options.progressInterval,
      },
      process.stderr,
    );
    await printImportReport(report, options.json);
  });
});

program
  .command('recognize')
  .description('re-apply the current rule pack to stored OCR results (no OCR), and report what changed')
  .option('--all', 'every digitized source')
  .option('--sha <sha256...>', 'these sources')
  .option('--type <code>', 'sources holding a component of this catalog type')
  .option('--needs-review', 'sources holding a component that needs review')
  .option('--stale', 'sources recognized by another rule-pack version than the running one')
  .option('--rule-pack <version>', 'sources holding a component made by this rule-pack version')
  .option('--rule-pack-before <version>', 'sources holding a component made by an older rule-pack version')
  .option('--ocr-model <model>', 'sources holding a page read by this OCR model')
  .option('--since <date>', 'received (or --date-of processed) on or after this day (YYYY-MM-DD) or time')
  .option('--until <date>', 'received (or --date-of processed) on or before this day or before this time')
  .addOption(
    new Option('--date-of <which>', 'the time --since/--until apply to')
      .choices(['received', 'processed'])
      .default('received'),
  )
  .option('--ocr', 'read the pages again from the stored originals (OCR + recognition), not recognition only')
  .option('--run <id>', 'the sources an import run produced (see sohoa runs)')
  .option('--dry-run', 'print the changes, write nothing')
  .option('--defer-pdfs', 'leave the searchable PDFs of new page ranges for a later --pdfs-only run')
  .option('--pdfs-only', 'only make the searchable PDFs that components of the selection lack')
  .option('--batch-sources <n>', 'sources read, recognized and written together (one transaction)', Number)
  .option('--json', 'print the report as one JSON document')
  .action(async (options: RecognizeSelection & { json?: boolean }) => {
    const config = configOrExit();
    const { formatRecognizeReport, runRecognize, SelectionError } = await import('./recognize-command.js');
    try {
      const report = await runRecognize(options, config);
      process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatRecognizeReport(report));
      process.exitCode = report.failed.length > 0 ? EXIT.failed : EXIT.ok;
    } catch (error) {
      if (!(error instanceof SelectionError)) throw error;
      process.stderr.write(`sohoa recognize: ${error.message}\n`);
      process.exitCode = EXIT.usage;
    }
  });

program
  .command('catalog')
  .description('print the catalog of component types and fields that the running rule pack covers')
  .option('--json', 'print it as one JSON document')
  .action(async (options: { json?: boolean }) => {
    const { catalogCoverage, formatCatalog } = await import('./catalog-command.js');
    const coverage = catalogCoverage();
    process.stdout.write(options.json ? `${JSON.stringify(coverage, null, 2)}\n` : formatCatalog(coverage));
  });

program
  .command('worker')
  .description('consume the distributed queues (needs REDIS_URL) until SIGTERM/SIGINT')
  .option('--concurrency <n>', 'page jobs at once (default: SOHOA_WORKER_CONCURRENCY, else OCR workers + 1)', (v) =>
    Number.parseInt(v, 10),
  )
  .option('--timings <file>', 'on exit, write the time spent in the object store, database, OCR and each queue as JSON')
  .action(async (options: { concurrency?: number; timings?: string }) => {
    const config = configOrExit();
    if (options.concurrency !== undefined && !(options.concurrency > 0)) {
      process.stderr.write('sohoa worker: --concurrency must be a whole number greater than 0\n');
      process.exitCode = EXIT.usage;
      return;
    }
    const { runWorker, WorkerSetupError } = await import('./worker-command.js');
    try {
      await runWorker(
        config,
        {
          ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
          ...(options.timings ? { timingsFile: options.timings } : {}),
        },
        (line) => process.stderr.write(`${line}\n`),
      );
    } catch (error) {
      if (!(error instanceof WorkerSetupError)) throw error;
      process.stderr.write(`${error.message}\n`);
      process.exitCode = EXIT.usage;
    }
  });

program
  .command('status')
  .description('queue depths, active jobs, recent failures and throughput of the distributed queues')
  .option('--minutes <n>', 'throughput window in minutes', (v) => Number.parseInt(v, 10), 10)
  .option('--json', 'print the report as one JSON document')
  .action(async (options: { minutes: number; json?: boolean }) => {
    const config = configOrExit();
    const { formatStatus, runStatus } = await import('./status-command.js');
    const report = await runStatus(config, { minutes: Math.max(1, options.minutes || 10), failures: 10 });
    process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatStatus(report));
  });

program
  .command('migrate')
  .description('apply pending warehouse migrations (PostgreSQL with DATABASE_URL, else PGlite)')
  .action(async () => {
    const config = configOrExit();
    const { runMigrate } = await import('./migrate-command.js');
    process.stdout.write(`${await runMigrate(config)}\n`);
  });

program.addCommand(serveCommand(configOrExit));
program.addCommand(tokenCommand(configOrExit));

program
  .command('config')
  .description('print the effective configuration (secrets masked)')
  .action(() => {
    const config = configOrExit();
    const d = deploymentOf(config);
    process.stdout.write(`# database: ${d.database}, queue: ${d.queue}, objects: ${d.objects}\n`);
    process.stdout.write(`${describeConfig(config).join('\n')}\n`);
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else {
    process.stderr.write(`sohoa: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT.failed;
  }
}
