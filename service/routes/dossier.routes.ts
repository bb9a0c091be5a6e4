import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { dossierFiles } from '../../schemas/service.schema.js';
import { submitSource } from '../../workers/digitize-jobs.js';
import {
  type DossierSummary,
  DossierSummarySchema,
  type DossierView,
  DossierViewSchema,
  EventStreamResponse,
  UploadAcceptedSchema,
} from '../api/dossier.schema.js';
import { responses } from '../api/problem.schema.js';
import { ProcedureListSchema } from '../api/procedure.schema.js';
import { identityOf, type ServiceDeps } from '../app-deps.js';
import { auditRead } from '../audit/audit-log.js';
import { CalendarCoverageError, vietnamDate } from '../calendar/working-days.js';
import { createDossier } from '../dossiers/create-dossier.js';
import {
  consistencyFindings,
  dossierFileStatuses,
  dossierFilesView,
  type FileStatus,
  getDossierRow,
  missingTypes,
} from '../dossiers/dossier-view.js';
import { problems } from '../problem.js';
import { subjectDocuments } from '../subjects/subject-documents.js';
import { checkSubjectId } from '../subjects/subject-id.js';
import { commitStaged, discardStaged, type StagedFile, stageUpload } from '../uploads/stream-upload.js';

const DossierParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
type DossierParams = Static<typeof DossierParams>;

const CreateDossierBody = Type.Object(
  {
    procedureCode: Type.String({ minLength: 1, maxLength: 64 }),
    applicant: Type.Object(
      {
        id: Type.String({ minLength: 1, maxLength: 20, description: '12-digit personal ID or tax code' }),
        name: Type.Optional(Type.String({ maxLength: 200 })),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
type CreateDossierBody = Static<typeof CreateDossierBody>;

function summary(row: NonNullable<Awaited<ReturnType<typeof getDossierRow>>>): DossierSummary {
  return {
    id: row.id,
    code: row.code,
    procedureCode: row.procedureCode,
    applicantId: row.applicantId,
    applicantName: row.applicantName,
    agencyCode: row.agencyCode,
    receivedAt: row.receivedAt.toISOString(),
    dueDate: row.dueDate,
  };
}

function fileStatusLine(files: FileStatus[]) {
  return files.map((f) => ({
    id: f.id,
    fileName: f.fileName,
    sha256: f.sha256,
    status: f.status,
    pageCount: f.pageCount,
    error: f.error,
  }));
}

export function registerDossierRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const { db } = deps.database;

  app.get(
    '/procedures',
    {
      config: { permission: 'procedure:read' },
      schema: { tags: ['procedures'], response: responses({ 200: ProcedureListSchema }) },
    },
    async (): Promise<Static<typeof ProcedureListSchema>> => ({ procedures: deps.procedures.list() }),
  );

  app.post<{ Body: CreateDossierBody }>(
    '/dossiers',
    {
      config: { permission: 'dossier:create' },
      schema: {
        tags: ['dossiers'],
        body: CreateDossierBody,
        response: responses({ 201: DossierSummarySchema }, 422),
      },
    },
    async (request, reply): Promise<DossierSummary> => {
      const procedure = deps.procedures.get(request.body.procedureCode);
      if (!procedure) throw problems.unprocessable(`unknown procedure ${request.body.procedureCode} (GET /procedures)`);
      const subject = checkSubjectId(request.body.applicant.id);
      if (!subject.ok) throw problems.unprocessable(`applicant.id: ${subject.reason}`);
      try {
        const row = await createDossier(db, {
          procedure,
          applicantId: subject.id,
          ...(request.body.applicant.name ? { applicantName: request.body.applicant.name } : {}),
          agencyCode: deps.options.agencyCode,
          receivedAt: deps.now(),
          holidays: deps.holidays,
          createdBy: identityOf(request).id,
        });
        reply.code(201).header('location', `/dossiers/${row.id}`);
        return summary(row);
      } catch (error) {
        if (error instanceof CalendarCoverageError)
          throw problems.unprocessable(`cannot compute the due date: ${error.message}`);
        throw error;
      }
    },
  );

  app.get<{ Params: DossierParams }>(
    '/dossiers/:id',
    {
      config: { permission: 'dossier:read' },
      schema: { tags: ['dossiers'], params: DossierParams, response: responses({ 200: DossierViewSchema }, 404) },
    },
    async (request): Promise<DossierView> => {
      const row = await getDossierRow(db, request.params.id);
      if (!row) throw problems.notFound(`no dossier ${request.params.id}`);
      const procedure = deps.procedures.get(row.procedureCode);
      if (!procedure)
        throw new Error(`dossier ${row.id} names procedure ${row.procedureCode}, missing from the catalog`);
      const files = await dossierFilesView(db, deps.database.warehouse.repo, row.id);
      const missing = missingTypes(procedure, files);
      const onFile =
        missing.length > 0 ? await subjectDocuments(db, deps.catalog, row.applicantId, vietnamDate(deps.now())) : [];
      await auditRead(db, request, [row.applicantId]);
      return {
        ...summary(row),
        procedure: {
          code: procedure.code,
          name: procedure.name,
          processingWorkingDays: procedure.processingWorkingDays,
        },
        status:
          files.length === 0
            ? 'awaiting_files'
            : files.every((f) => f.status === 'done' || f.status === 'failed')
              ? 'processed'
              : 'processing',
        files,
        missing: missing.map((type) => {
          const reusable = onFile.find((d) => d.type === type);
          return {
            type,
            name: deps.catalog.types.get(type)?.name ?? type,
            reusableComponentId: reusable?.componentId ?? null,
          };
        }),
        findings: consistencyFindings(row, procedure, files, deps.catalog),
      };
    },
  );

  app.post<{ Params: DossierParams }>(
    '/dossiers/:id/files',
    {
      config: { permission: 'file:upload' },
      schema: {
        tags: ['dossiers'],
        params: DossierParams,
        consumes: ['multipart/form-data'],
        description: 'One or more scans (PDF, JPEG, PNG, WebP, TIFF) as multipart parts, streamed to the object store.',
        response: responses({ 202: UploadAcceptedSchema }, 404, 413, 415),
      },
    },
    async (request, reply): Promise<Static<typeof UploadAcceptedSchema>> => {
      const row = await getDossierRow(db, request.params.id);
      if (!row) throw problems.notFound(`no dossier ${request.params.id}`);
      if (!request.isMultipart()) throw problems.unsupported('send the scans as multipart/form-data');
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > deps.options.maxRequestBytes) {
        throw problems.tooLarge(
          `the request is ${declared} bytes, over the per-request limit of ${deps.options.maxRequestBytes} (SOHOA_UPLOAD_MAX_REQUEST_BYTES)`,
        );
      }
      let used = 0;
      const staged: StagedFile[] = [];
      try {
        for await (const part of request.files()) {
          staged.push(
            await stageUpload(part.file, part.filename || `part-${staged.length + 1}`, deps.tmpDir, {
              maxFileBytes: deps.options.maxFileBytes,
              requestBytesLeft: () => deps.options.maxRequestBytes - used,
              onBytes: (n) => {
                used += n;
              },
            }),
          );
        }
      } catch (error) {
        await discardStaged(staged);
        const code = (error as { code?: string }).code;
        if (code === 'FST_FILES_LIMIT') {
          throw problems.tooLarge(
            `more than ${deps.options.maxFilesPerRequest} files in one request (SOHOA_UPLOAD_MAX_FILES)`,
          );
        }
        throw error;
      }
      if (staged.length === 0) throw problems.badRequest('the request holds no file part');
      const out = [];
      try {
        for (const s of staged) {
          await commitStaged(deps.store, s);
          const [file] = await db
            .insert(dossierFiles)
            .values({
              dossierId: row.id,
              sha256: s.sha256,
              fileName: s.fileName,
              byteSize: s.byteSize,
              mediaType: s.mediaType,
            })
            .returning();
          await submitSource(deps.queue, {
            sha256: s.sha256,
            path: `${row.code}/${s.fileName}`,
            byteSize: s.byteSize,
            mediaType: s.mediaType,
          });
          out.push({
            id: file!.id,
            fileName: s.fileName,
            sha256: s.sha256,
            byteSize: s.byteSize,
            mediaType: s.mediaType,
          });
        }
      } finally {
        await discardStaged(staged);
      }
      reply.code(202);
      return { dossierId: row.id, files: out };
    },
  );

  app.get<{ Params: DossierParams }>(
    '/dossiers/:id/events',
    {
      config: { permission: 'dossier:read' },
      schema: {
        tags: ['dossiers'],
        params: DossierParams,
        description: 'Processing progress as server-sent events.',
        response: responses({ 200: EventStreamResponse }, 404),
      },
    },
    async (request, reply) => {
      const row = await getDossierRow(db, request.params.id);
      if (!row) throw problems.notFound(`no dossier ${request.params.id}`);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-request-id': String(request.id),
      });
      const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      let last = '';
      let closed = false;
      // Each source is subscribed once per connection, replaying what it read before this stream opened.
      const subscribed = new Set<string>();
      const unsubscribers: Array<() => void> = [];
      const finish = () => {
        if (closed) return;
        closed = true;
        clearInterval(poll);
        clearInterval(heartbeat);
        for (const off of unsubscribers) off();
        res.end();
      };
      const snapshot = async () => {
        const files = await dossierFileStatuses(db, row.id);
        if (closed) return;
        const status = fileStatusLine(files);
        const text = JSON.stringify(status);
        if (text !== last) {
          last = text;
          send('status', { files: status });
        }
        const fresh = [...new Set(files.map((f) => f.sha256))].filter((sha) => !subscribed.has(sha));
        if (fresh.length > 0) {
          for (const sha of fresh) subscribed.add(sha);
          unsubscribers.push(deps.progress.subscribe(fresh, (event) => send('progress', event), { replay: true }));
        }
        if (files.length > 0 && files.every((f) => f.status === 'done' || f.status === 'failed')) {
          send('done', { files: status });
          finish();
        }
      };
      const tick = () => {
        if (!closed) snapshot().catch((error) => request.log.warn({ err: error }, 'event snapshot failed'));
      };
      const poll = setInterval(tick, deps.options.ssePollMs);
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), deps.options.sseHeartbeatMs);
      request.raw.on('close', finish);
      tick();
    },
  );
}
