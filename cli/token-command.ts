import { Command, Option } from 'commander';
import { SERVICE_ROLES, type ServiceRole } from '../schemas/service.schema.js';
import type { ListedToken } from '../service/auth/tokens.js';
import type { ServiceDatabase } from '../service/service-db.js';
import type { Config } from './config.js';

type Tokens = typeof import('../service/auth/tokens.js');

/** Runs `work` with the service database and the token functions, loaded only when a token command runs. */
async function withDatabase<T>(
  loadConfig: () => Config,
  work: (database: ServiceDatabase, tokens: Tokens) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const [tokens, { openServiceDatabase }] = await Promise.all([
    import('../service/auth/tokens.js'),
    import('../service/service-db.js'),
  ]);
  const database = await openServiceDatabase({
    dataDir: config.dataDir,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
  });
  try {
    return await work(database, tokens);
  } finally {
    await database.close();
  }
}

function tokenLine(t: ListedToken): string {
  const state = t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : 'active';
  return `${t.id}  ${t.role.padEnd(8)}  ${state.padEnd(32)}  created ${t.createdAt.toISOString()}  ${t.name}`;
}

/**
 * `sohoa token create|list|revoke`: bearer tokens for the service. Only a token's hash is stored, so neither the secret
 * nor the hash is ever shown again after create.
 */
export function tokenCommand(loadConfig: () => Config): Command {
  const token = new Command('token').description(
    'bearer tokens for the HTTP service (with embedded PGlite, stop `sohoa serve` first: one process per data folder)',
  );
  token
    .command('create')
    .description('issue a token and print it once')
    .addOption(new Option('--role <role>', 'what the token may do').choices([...SERVICE_ROLES]).makeOptionMandatory())
    .option('--name <name>', 'who or what holds it (shown in the audit log)', 'unnamed')
    .action(async (options: { role: ServiceRole; name: string }) => {
      await withDatabase(loadConfig, async (database, { createToken }) => {
        const issued = await createToken(database.db, { name: options.name, role: options.role });
        process.stderr.write(
          `token ${issued.identity.id} (${issued.identity.role}, ${issued.identity.name}); keep it secret:\n`,
        );
        process.stdout.write(`${issued.token}\n`);
      });
    });
  token
    .command('list')
    .description('list tokens: id, role, state, creation time and name (never the secret)')
    .option('--json', 'one JSON document on stdout')
    .action(async (options: { json?: boolean }) => {
      await withDatabase(loadConfig, async (database, { listTokens }) => {
        const tokens = await listTokens(database.db);
        if (options.json) process.stdout.write(`${JSON.stringify({ tokens }, null, 2)}\n`);
        else for (const t of tokens) process.stdout.write(`${tokenLine(t)}\n`);
      });
    });
  token
    .command('revoke')
    .description('revoke a token by its id or a unique prefix of it; the service refuses it from the next request')
    .argument('<id>', 'token id or id prefix (sohoa token list)')
    .action(async (id: string) => {
      await withDatabase(loadConfig, async (database, { revokeToken, TokenRevokeError }) => {
        try {
          process.stdout.write(`${tokenLine(await revokeToken(database.db, id))}\n`);
        } catch (error) {
          if (!(error instanceof TokenRevokeError)) throw error;
          process.stderr.write(`sohoa: ${error.message}\n`);
          process.exitCode = 2;
        }
      });
    });
  return token;
}
