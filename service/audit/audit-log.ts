import { and, desc, eq, gte, type SQL } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { auditLog } from '../../schemas/service.schema.js';
import type { ServiceDb } from '../service-db.js';

/** Records that the request's token read personal data of these subjects (one row per subject). */
export async function auditRead(db: ServiceDb, request: FastifyRequest, subjectIds: string[]): Promise<void> {
  const who = request.identity;
  if (!who || subjectIds.length === 0) return;
  const endpoint = `${request.method} ${request.routeOptions.url ?? request.url}`;
  await db.insert(auditLog).values(
    [...new Set(subjectIds)].map((subjectId) => ({
      tokenId: who.id,
      tokenName: who.name,
      role: who.role,
      subjectId,
      endpoint,
      requestId: String(request.id),
    })),
  );
}

export async function queryAudit(
  db: ServiceDb,
  filter: { subject?: string; tokenId?: string; since?: Date; limit: number },
) {
  const where: SQL[] = [];
  if (filter.subject) where.push(eq(auditLog.subjectId, filter.subject));
  if (filter.tokenId) where.push(eq(auditLog.tokenId, filter.tokenId));
  if (filter.since) where.push(gte(auditLog.at, filter.since));
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(filter.limit);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
