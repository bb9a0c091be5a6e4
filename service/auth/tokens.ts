import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, isNull, like, sql } from 'drizzle-orm';
import { SERVICE_ROLES, type ServiceRole, serviceTokens } from '../../schemas/service.schema.js';
import type { ServiceDb } from '../service-db.js';
import { TOKEN_REVOKED_CHANNEL } from './token-revocations.js';

export interface TokenIdentity {
  id: string;
  name: string;
  role: ServiceRole;
}

const PREFIX = 'sohoa_';

/** Tokens carry 256 random bits, so one unsalted SHA-256 is enough to store them (no dictionary to guess from). */
export function hashToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function isServiceRole(role: string): role is ServiceRole {
  return (SERVICE_ROLES as readonly string[]).includes(role);
}

/** Issues a token; the secret is returned once and only its hash is stored. */
export async function createToken(
  db: ServiceDb,
  input: { name: string; role: ServiceRole },
): Promise<{ token: string; identity: TokenIdentity }> {
  if (!isServiceRole(input.role)) throw new Error(`role must be one of ${SERVICE_ROLES.join(', ')}`);
  const token = PREFIX + randomBytes(32).toString('base64url');
  const [row] = await db
    .insert(serviceTokens)
    .values({ name: input.name, role: input.role, tokenHash: hashToken(token) })
    .returning({ id: serviceTokens.id, name: serviceTokens.name, role: serviceTokens.role });
  return { token, identity: row! };
}

export async function findToken(db: ServiceDb, secret: string): Promise<TokenIdentity | null> {
  if (!secret.startsWith(PREFIX)) return null;
  const [row] = await db
    .select({ id: serviceTokens.id, name: serviceTokens.name, role: serviceTokens.role })
    .from(serviceTokens)
    .where(and(eq(serviceTokens.tokenHash, hashToken(secret)), isNull(serviceTokens.revokedAt)));
  return row ?? null;
}

export interface CachedTokenLookup {
  (secret: string): Promise<TokenIdentity | null>;
  /** Forget every remembered look-up (a token was revoked). */
  clear(): void;
  /** Stop remembering look-ups (revocations can no longer be heard). */
  disable(): void;
}

/**
 * Token look-ups remembered for at most ttlMs and maxEntries. The service clears the cache on every revocation
 * notice (token-revocations.ts), so a revoked token is refused from the next request; the time limit bounds the
 * damage if a notice is lost.
 */
export function cachedTokenLookup(db: ServiceDb, options: { ttlMs: number; maxEntries: number }): CachedTokenLookup {
  const cache = new Map<string, { identity: TokenIdentity | null; until: number }>();
  let enabled = true;
  const lookup = async (secret: string) => {
    if (!enabled) return findToken(db, secret);
    const key = hashToken(secret);
    const hit = cache.get(key);
    if (hit && hit.until > Date.now()) return hit.identity;
    const identity = await findToken(db, secret);
    if (cache.size >= options.maxEntries) cache.delete(cache.keys().next().value as string);
    cache.set(key, { identity, until: Date.now() + options.ttlMs });
    return identity;
  };
  return Object.assign(lookup, {
    clear: () => cache.clear(),
    disable: () => {
      enabled = false;
      cache.clear();
    },
  });
}

export interface ListedToken extends TokenIdentity {
  createdAt: Date;
  revokedAt: Date | null;
}

/** Every token without its secret or hash (neither is shown once issued), oldest first. */
export async function listTokens(db: ServiceDb): Promise<ListedToken[]> {
  return db
    .select({
      id: serviceTokens.id,
      name: serviceTokens.name,
      role: serviceTokens.role,
      createdAt: serviceTokens.createdAt,
      revokedAt: serviceTokens.revokedAt,
    })
    .from(serviceTokens)
    .orderBy(asc(serviceTokens.createdAt), asc(serviceTokens.id));
}

/** A token id or a unique prefix of one (at least 4 characters, as `sohoa token list` prints them). */
const ID_PREFIX = /^[0-9a-f-]{4,36}$/;

export class TokenRevokeError extends Error {
  override name = 'TokenRevokeError';
}

/**
 * Revokes the token whose id is `idOrPrefix` or starts with it; refuses an ambiguous or unknown prefix. Revoking an
 * already revoked token keeps its first revocation time. Returns the token as listed after the change.
 */
export async function revokeToken(db: ServiceDb, idOrPrefix: string): Promise<ListedToken> {
  const wanted = idOrPrefix.trim().toLowerCase();
  if (!ID_PREFIX.test(wanted)) {
    throw new TokenRevokeError(`"${idOrPrefix}" is not a token id or id prefix (4+ hex digits, see sohoa token list)`);
  }
  const matches = await db
    .select({ id: serviceTokens.id })
    .from(serviceTokens)
    .where(like(sql`${serviceTokens.id}::text`, `${wanted}%`))
    .limit(2);
  if (matches.length === 0) throw new TokenRevokeError(`no token id starts with ${wanted}`);
  if (matches.length > 1) throw new TokenRevokeError(`several tokens start with ${wanted}; give more of the id`);
  const [row] = await db
    .update(serviceTokens)
    .set({ revokedAt: sql`coalesce(${serviceTokens.revokedAt}, now())` })
    .where(eq(serviceTokens.id, matches[0]!.id))
    .returning({
      id: serviceTokens.id,
      name: serviceTokens.name,
      role: serviceTokens.role,
      createdAt: serviceTokens.createdAt,
      revokedAt: serviceTokens.revokedAt,
    });
  // Every running service forgets its cached look-ups (token-revocations.ts).
  await db.execute(sql`select pg_notify(${TOKEN_REVOKED_CHANNEL}, ${row!.id})`);
  return row!;
}
