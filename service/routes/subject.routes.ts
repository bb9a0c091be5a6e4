import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { responses } from '../api/problem.schema.js';
import { AuditEntriesSchema, ReusePlanSchema, SubjectDocumentsSchema } from '../api/subject.schema.js';
import type { ServiceDeps } from '../app-deps.js';
import { auditRead, queryAudit } from '../audit/audit-log.js';
import { vietnamDate } from '../calendar/working-days.js';
import { problems } from '../problem.js';
import { reusePlan, subjectDocuments } from '../subjects/subject-documents.js';
import { checkSubjectId } from '../subjects/subject-id.js';

const SubjectParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 20 }) },
  { additionalProperties: false },
);
const ReuseParams = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
const ReuseQuery = Type.Object(
  { subject: Type.String({ minLength: 1, maxLength: 20 }) },
  { additionalProperties: false },
);
const AuditQuery = Type.Object(
  {
    subject: Type.Optional(Type.String({ maxLength: 20 })),
    tokenId: Type.Optional(Type.String({ format: 'uuid' })),
    since: Type.Optional(Type.String({ format: 'date-time' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  },
  { additionalProperties: false },
);

function subjectOrThrow(id: string) {
  const subject = checkSubjectId(id);
  if (!subject.ok) throw problems.unprocessable(`subject ${id}: ${subject.reason}`);
  return subject;
}

export function registerSubjectRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const { db } = deps.database;
  app.get<{ Params: Static<typeof SubjectParams> }>(
    '/subjects/:id/documents',
    {
      config: { permission: 'subject:read' },
      schema: { tags: ['reuse'], params: SubjectParams, response: responses({ 200: SubjectDocumentsSchema }, 422) },
    },
    async (request): Promise<Static<typeof SubjectDocumentsSchema>> => {
      const subject = subjectOrThrow(request.params.id);
      // The audit row is written alongside the read (the request fails if it cannot be written).
      const [documents] = await Promise.all([
        subjectDocuments(db, deps.catalog, subject.id, vietnamDate(deps.now())),
        auditRead(db, request, [subject.id]),
      ]);
      return { subject: { id: subject.id, kind: subject.kind }, documents };
    },
  );
  app.get<{ Params: Static<typeof ReuseParams>; Querystring: Static<typeof ReuseQuery> }>(
    '/procedures/:code/reuse',
    {
      config: { permission: 'subject:read' },
      schema: {
        tags: ['reuse'],
        params: ReuseParams,
        querystring: ReuseQuery,
        response: responses({ 200: ReusePlanSchema }, 404, 422),
      },
    },
    async (request): Promise<Static<typeof ReusePlanSchema>> => {
      const procedure = deps.procedures.get(request.params.code);
      if (!procedure) throw problems.notFound(`no procedure ${request.params.code}`);
      const subject = subjectOrThrow(request.query.subject);
      const [documents] = await Promise.all([
        subjectDocuments(db, deps.catalog, subject.id, vietnamDate(deps.now())),
        auditRead(db, request, [subject.id]),
      ]);
      return {
        procedure: { code: procedure.code, name: procedure.name },
        subject: { id: subject.id, kind: subject.kind },
        components: reusePlan(procedure, deps.catalog, documents),
      };
    },
  );
  app.get<{ Querystring: Static<typeof AuditQuery> }>(
    '/audit',
    {
      config: { permission: 'audit:read' },
      schema: { tags: ['audit'], querystring: AuditQuery, response: responses({ 200: AuditEntriesSchema }) },
    },
    async (request): Promise<Static<typeof AuditEntriesSchema>> => ({
      entries: await queryAudit(db, {
        ...(request.query.subject ? { subject: request.query.subject } : {}),
        ...(request.query.tokenId ? { tokenId: request.query.tokenId } : {}),
        ...(request.query.since ? { since: new Date(request.query.since) } : {}),
        limit: request.query.limit ?? 100,
      }),
    }),
  );
}
