// Token revocation: `sohoa token list` never shows a secret, `sohoa token revoke <id|prefix>` refuses the token from
// the service's next request (401 problem+json), on PGlite in process and on PostgreSQL through the CLI.
import { describe, expect, it } from 'vitest';
import { createToken, listTokens, revokeToken } from '../../service/auth/tokens.js';
import { runCli } from '../support/run-cli.js';
import { client, postgresAvailable, useHarness } from './service-harness.js';

const pgUp = await postgresAvailable();

async function expectRefused(res: Awaited<ReturnType<ReturnType<typeof client>>>) {
  expect(res.status).toBe(401);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect((await res.json()).detail).toMatch(/unknown or revoked/);
}

describe('token revoke on PGlite', () => {
  const harness = useHarness('pglite');

  it('refuses a revoked token on the very next request, and only that token', async () => {
    const h = harness();
    const { db } = h.service.runtime.database;
    const issued = await createToken(db, { name: 'quầy 2', role: 'intake' });
    const call = client(h);
    const auth = `Bearer ${issued.token}`;
    expect((await call('GET', '/procedures', { auth })).status).toBe(200);
    const revoked = await revokeToken(db, issued.identity.id.slice(0, 8));
    expect(revoked.id).toBe(issued.identity.id);
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    await expectRefused(await call('GET', '/procedures', { auth }));
    expect((await call('GET', '/procedures', { role: 'intake' })).status).toBe(200);
    // Revoking again keeps the first revocation time.
    const again = await revokeToken(db, issued.identity.id);
    expect(again.revokedAt?.getTime()).toBe(revoked.revokedAt?.getTime());
    const listed = await listTokens(db);
    expect(listed.find((t) => t.id === issued.identity.id)?.revokedAt).not.toBeNull();
    expect(listed.filter((t) => t.revokedAt === null)).toHaveLength(4);
  });

  it('refuses unknown, malformed and ambiguous ids', async () => {
    const { db } = harness().service.runtime.database;
    await expect(revokeToken(db, 'ffffffff-ffff')).rejects.toThrow(/no token id starts with/);
    await expect(revokeToken(db, 'abc')).rejects.toThrow(/not a token id/);
    await expect(revokeToken(db, "1' or '1'='1")).rejects.toThrow(/not a token id/);
    const ids = (await listTokens(db)).map((t) => t.id);
    // Some single hex digit starts two ids once there are enough of them; 4 characters are the shortest prefix taken.
    const shared = ids.find((id, i) => ids.some((o, j) => j !== i && o.slice(0, 4) === id.slice(0, 4)));
    if (shared) await expect(revokeToken(db, shared.slice(0, 4))).rejects.toThrow(/several tokens/);
  });
});

describe.runIf(pgUp)('sohoa token list / revoke on PostgreSQL while the service runs', () => {
  const harness = useHarness('postgres');

  it('lists tokens without secrets and revokes one the service then refuses', async () => {
    const h = harness();
    const call = client(h);
    expect((await call('GET', '/procedures', { role: 'reader' })).status).toBe(200);
    const list = await runCli(['token', 'list', '--json'], h.cliEnv, 60_000);
    expect(list.code, list.stderr).toBe(0);
    const { tokens } = JSON.parse(list.stdout) as { tokens: Array<{ id: string; name: string; role: string }> };
    expect(tokens.map((t) => t.role).sort()).toEqual(['admin', 'intake', 'reader', 'reviewer']);
    for (const secret of Object.values(h.tokens)) {
      expect(list.stdout).not.toContain(secret);
      expect(list.stdout).not.toContain(secret.slice('sohoa_'.length, 20));
    }
    expect(list.stdout).not.toMatch(/[0-9a-f]{64}/);
    const reader = tokens.find((t) => t.role === 'reader')!;
    const revoke = await runCli(['token', 'revoke', reader.id.slice(0, 13)], h.cliEnv, 60_000);
    expect(revoke.code, revoke.stderr).toBe(0);
    expect(revoke.stdout).toContain(reader.id);
    expect(revoke.stdout).toContain('revoked');
    await expectRefused(await call('GET', '/procedures', { role: 'reader' }));
    expect((await call('GET', '/procedures', { role: 'reviewer' })).status).toBe(200);
    const text = await runCli(['token', 'list'], h.cliEnv, 60_000);
    expect(text.stdout.split('\n').find((l) => l.startsWith(reader.id))).toMatch(/revoked \d{4}-/);
    const unknown = await runCli(['token', 'revoke', 'ffffffff'], h.cliEnv, 60_000);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no token id starts with ffffffff/);
  }, 120_000);
});
