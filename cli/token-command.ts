import { Command, Option } from 'commander';
import { SERVICE_ROLES, type ServiceRole } from '../schemas/service.schema.js';
import { createToken } from '../service/auth/tokens.js';
import { openServiceDatabase } from '../service/service-db.js';
import type { Config } from './config.js';

/** `sohoa token create --role <role>`: issues a bearer token for the service; only its hash is stored. */
export function tokenCommand(loadConfig: () => Config): Command {
  const token = new Command('token').description('bearer tokens for the HTTP service');
  token
    .command('create')
    .description(
      'issue a token and print it once (with embedded PGlite, stop `sohoa serve` first: one process per data folder)',
    )
    .addOption(new Option('--role <role>', 'what the token may do').choices([...SERVICE_ROLES]).makeOptionMandatory())
    .option('--name <name>', 'who or what holds it (shown in the audit log)', 'unnamed')
    .action(async (options: { role: ServiceRole; name: string }) => {
      const config = loadConfig();
      const database = await openServiceDatabase({
        dataDir: config.dataDir,
        ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
      });
      try {
        const issued = await createToken(database.db, { name: options.name, role: options.role });
        process.stderr.write(
          `token ${issued.identity.id} (${issued.identity.role}, ${issued.identity.name}); keep it secret:\n`,
        );
        process.stdout.write(`${issued.token}\n`);
      } finally {
        await database.close();
      }
    });
  return token;
}
