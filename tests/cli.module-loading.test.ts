import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', 'bin', 'sohoa.js');
// Clients of the distributed deployment: an embedded run must not load them (load time, and heap every full
// collection of the main thread traces).
const DISTRIBUTED_ONLY = ['bullmq', 'ioredis', 'minio', 'pg'];

describe('sohoa digitize (embedded) module loading', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sohoa-modules-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens its store, warehouse and queue without loading the queue, S3 or PostgreSQL clients', () => {
    const loaded = join(dir, 'loaded.txt');
    const hooks = join(dir, 'hooks.mjs');
    // Records the package of every module the main thread resolves.
    writeFileSync(
      hooks,
      `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  const m = result.url.match(/node_modules\\/((@[^/]+\\/)?[^/]+)/);
  if (m) appendFileSync(${JSON.stringify(loaded)}, m[1] + '\\n');
  return result;
}
`,
    );
    const register = join(dir, 'register.mjs');
    writeFileSync(
      register,
      `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
    );
    writeFileSync(loaded, '');
    const empty = join(dir, 'empty.jpg');
    writeFileSync(empty, '');
    // The embedded deployment: whatever the test's own environment configures, no queue, database or S3 here.
    const env: NodeJS.ProcessEnv = { ...process.env, SOHOA_DATA_DIR: join(dir, 'data') };
    for (const name of Object.keys(env)) if (/^(REDIS_|DATABASE_URL$|S3_)/.test(name)) delete env[name];
    const run = spawnSync(
      process.execPath,
      ['--import', pathToFileURL(register).href, BIN, 'digitize', empty, '--json'],
      {
        env,
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    // The empty file fails (exit 1) after the store, the warehouse and the queue were opened.
    expect(run.status, run.stderr).toBe(1);
    const out = JSON.parse(run.stdout) as { sources: Array<{ status: string; error?: string }> };
    expect(out.sources[0]?.status).toBe('failed');
    const packages = new Set(readFileSync(loaded, 'utf8').split('\n').filter(Boolean));
    // The warehouse driver did load: the hook saw the run's modules.
    expect(packages).toContain('@electric-sql/pglite');
    for (const name of DISTRIBUTED_ONLY) expect(packages, name).not.toContain(name);
  });
});
