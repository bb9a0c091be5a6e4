// Starts the real service on loopback against a fresh database (PGlite in a temp folder, or a new PostgreSQL
// database on 127.0.0.1:5432 dropped afterwards) with tokens for every role.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../cli/config.js';
import type { ServiceRole } from '../../schemas/service.schema.js';
import { createToken } from '../../service/auth/tokens.js';
import { loadServiceOptions, type ServiceOptions } from '../../service/service-options.js';
import { type RunningService, startService } from '../../service/start-service.js';

export const PG_ADMIN_URL = process.env.SOHOA_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export interface Harness {
  service: RunningService;
  url: string;
  tokens: Record<ServiceRole, string>;
  /** The environment that points the CLI at the same data folder and database (PostgreSQL only: PGlite is locked). */
  cliEnv: Record<string, string>;
  close(): Promise<void>;
}

export async function startHarness(
  database: 'pglite' | 'postgres',
  options: Partial<Record<keyof ServiceOptions, string | number>> = {},
  now: () => Date = () => new Date('2026-04-24T03:00:00Z'),
  env: Record<string, string> = {},
): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sohoa-service-'));
  let dbName: string | null = null;
  let databaseUrl: string | undefined;
  if (database === 'postgres') {
    dbName = `sohoa_svc_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
  }
  const config = loadConfig({
    SOHOA_DATA_DIR: dataDir,
    SOHOA_OCR_WORKERS: '1',
    SOHOA_SOURCE_CONCURRENCY: '1',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...env,
  });
  const service = await startService(
    config,
    loadServiceOptions({}, { port: 0, logLevel: 'silent', validateResponses: 'true', ...options }),
    {
      now,
    },
  );
  const tokens = {} as Record<ServiceRole, string>;
  for (const role of ['intake', 'reviewer', 'reader', 'admin'] as const) {
    tokens[role] = (await createToken(service.runtime.database.db, { name: `test-${role}`, role })).token;
  }
  return {
    service,
    url: service.url,
    tokens,
    cliEnv: { SOHOA_DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), ...env },
    async close() {
      await service.close();
      await rm(dataDir, { recursive: true, force: true });
      if (dbName) {
        const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
        await admin.connect();
        await admin.query(`drop database if exists ${dbName} with (force)`);
        await admin.end();
      }
    },
  };
}

/** fetch against the harness with a role's bearer token (or an explicit Authorization value / none). */
export function client(h: Harness) {
  return async (
    method: string,
    path: string,
    opts: {
      role?: ServiceRole;
      auth?: string | null;
      json?: unknown;
      body?: string | FormData;
      headers?: Record<string, string>;
    } = {},
  ) => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    const auth = opts.auth !== undefined ? opts.auth : opts.role ? `Bearer ${h.tokens[opts.role]}` : null;
    if (auth) headers.authorization = auth;
    let body = opts.body;
    if (opts.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.json);
    }
    const res = await fetch(`${h.url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    // Tests read loosely shaped JSON documents.
    // biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
    return res as Omit<Response, 'json'> & { json(): Promise<any> };
  };
}

/** A harness started before the suite's tests and closed after them; call the returned function inside tests. */
export function useHarness(
  database: 'pglite' | 'postgres',
  ...rest: Parameters<typeof startHarness> extends [unknown, ...infer R] ? R : never
): () => Harness {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness(database, ...rest);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });
  return () => {
    if (!h) throw new Error('the service harness did not start');
    return h;
  };
}

/** Polls GET /dossiers/{id} until every file is done or failed. */
export async function waitProcessed(call: ReturnType<typeof client>, id: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const body = await (await call('GET', `/dossiers/${id}`, { role: 'reader' })).json();
    if (body.status === 'processed') return body;
    if (Date.now() > deadline) throw new Error(`dossier ${id} still ${body.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 300));
  }
}
