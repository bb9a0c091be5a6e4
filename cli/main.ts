import { Command, CommanderError } from 'commander';
import { ConfigError, describeConfig, deploymentOf, loadConfig } from './config.js';
import { formatSummary, runDigitize } from './digitize-command.js';

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
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

program
  .command('digitize')
  .description('OCR and recognize scanned files (JPEG, PNG, WebP, TIFF, PDF) or folders of them')
  .argument('<paths...>', 'files or folders (folders are walked recursively)')
  .option('--json', 'print exactly one JSON document on stdout')
  .action(async (paths: string[], options: { json?: boolean }) => {
    const config = configOrExit();
    const output = await runDigitize(paths, config, process.stderr);
    process.stdout.write(options.json ? `${JSON.stringify(output, null, 2)}\n` : formatSummary(output));
    process.exitCode = output.sources.some((s) => s.status === 'failed') ? EXIT.failed : EXIT.ok;
  });

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
