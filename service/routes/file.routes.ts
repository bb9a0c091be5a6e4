import { type Static, Type } from '@sinclair/typebox';
import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import sharp from 'sharp';
import { objectKeys } from '../../pipeline/object-keys.js';
import { dossierFiles } from '../../schemas/service.schema.js';
import { components, fields, pages, sources } from '../../schemas/warehouse.schema.js';
import { downloadResponse } from '../api/health.schema.js';
import { responses } from '../api/problem.schema.js';
import type { ServiceDeps } from '../app-deps.js';
import { auditRead } from '../audit/audit-log.js';
import { getDossierRow } from '../dossiers/dossier-view.js';
import { problems } from '../problem.js';

const FileParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), fileId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
const PageParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), fileId: Type.String({ format: 'uuid' }), n: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
const ComponentParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const DownloadQuery = Type.Object(
  {
    presign: Type.Optional(Type.Boolean({ description: 'S3 mode: answer with a presigned URL instead of the bytes' })),
  },
  { additionalProperties: false },
);
type DownloadQuery = Static<typeof DownloadQuery>;
/** Media types an original can have (uploads are typed by content). */
const SCAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'image/tiff'];
const PageImageQuery = Type.Object(
  {
    presign: Type.Optional(Type.Boolean({ description: 'S3 mode: answer with a presigned URL instead of the bytes' })),
    width: Type.Optional(Type.Integer({ minimum: 16, maximum: 1600, description: 'a JPEG thumbnail this wide' })),
  },
  { additionalProperties: false },
);
type PageImageQuery = Static<typeof PageImageQuery>;

function imageTypeOf(key: string): string {
  return /\.jpe?g$/i.test(key) ? 'image/jpeg' : 'image/png';
}

/** Header-safe file name for Content-Disposition (RFC 6266 with an RFC 5987 UTF-8 form). */
function disposition(name: string): string {
  const ascii =
    name
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '_') || 'download';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function registerFileRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const { db } = deps.database;

  async function fileOf(dossierId: string, fileId: string) {
    const dossier = await getDossierRow(db, dossierId);
    if (!dossier) throw problems.notFound(`no dossier ${dossierId}`);
    const [file] = await db
      .select()
      .from(dossierFiles)
      .where(and(eq(dossierFiles.id, fileId), eq(dossierFiles.dossierId, dossierId)));
    if (!file) throw problems.notFound(`dossier ${dossierId} has no file ${fileId}`);
    return { dossier, file };
  }

  /** Streams the object with its content type and length, or answers with a presigned URL when asked (S3 mode). */
  async function sendObject(
    request: FastifyRequest<{ Querystring: DownloadQuery }>,
    reply: FastifyReply,
    key: string,
    contentType: string,
    attachmentName?: string,
  ) {
    const info = await deps.store.stat(key);
    if (!info) throw problems.notFound(`the stored object for this request is missing (${key})`);
    if (request.query.presign) {
      if (!deps.presign) throw problems.conflict('presigned URLs need the S3 object store (S3_ENDPOINT and friends)');
      const ttl = deps.options.presignTtlSeconds;
      const url = await deps.presign(
        key,
        { contentType, ...(attachmentName ? { disposition: disposition(attachmentName) } : {}) },
        ttl,
      );
      return { url, expiresInSeconds: ttl };
    }
    reply.type(contentType).header('content-length', info.size);
    if (attachmentName) reply.header('content-disposition', disposition(attachmentName));
    return reply.send(await deps.store.getStream(key));
  }

  app.get<{ Params: Static<typeof FileParams>; Querystring: DownloadQuery }>(
    '/dossiers/:id/files/:fileId/original',
    {
      config: { permission: 'file:read' },
      schema: {
        tags: ['files'],
        params: FileParams,
        querystring: DownloadQuery,
        response: responses({ 200: downloadResponse(SCAN_TYPES) }, 404, 409),
      },
    },
    async (request, reply) => {
      const { dossier, file } = await fileOf(request.params.id, request.params.fileId);
      await auditRead(db, request, [dossier.applicantId]);
      return sendObject(request, reply, objectKeys.original(file.sha256), file.mediaType, file.fileName);
    },
  );

  app.get<{ Params: Static<typeof PageParams>; Querystring: PageImageQuery }>(
    '/dossiers/:id/files/:fileId/pages/:n/image',
    {
      config: { permission: 'file:read' },
      schema: {
        tags: ['files'],
        params: PageParams,
        querystring: PageImageQuery,
        response: responses({ 200: downloadResponse(['image/jpeg', 'image/png']) }, 404, 409),
        description:
          'The normalised page image; available as soon as the page is read, before recognition. `width` answers a JPEG thumbnail.',
      },
    },
    async (request, reply) => {
      const { dossier, file } = await fileOf(request.params.id, request.params.fileId);
      const n = request.params.n;
      const [page] = await db
        .select({ imageKey: pages.imageKey })
        .from(pages)
        .innerJoin(sources, eq(sources.id, pages.sourceId))
        .where(and(eq(sources.sha256, file.sha256), eq(pages.number, n)));
      if (page && !page.imageKey) throw problems.notFound(`page ${n} kept no image (read from its text layer)`);
      // While the source is being read the warehouse has no page rows yet, but each read page's image is stored.
      const key = page?.imageKey ?? objectKeys.pageImage(file.sha256, n);
      const { width } = request.query;
      if (width !== undefined && request.query.presign) throw problems.badRequest('width and presign do not combine');
      if (!page && !(await deps.store.stat(key))) throw problems.notFound(`file ${file.id} has no read page ${n} yet`);
      await auditRead(db, request, [dossier.applicantId]);
      if (width === undefined) return sendObject(request, reply, key, imageTypeOf(key));
      const thumbnail = await sharp(await deps.store.get(key))
        .resize({ width, withoutEnlargement: true })
        .jpeg({ quality: 70 })
        .toBuffer();
      return reply.type('image/jpeg').header('cache-control', 'private, max-age=60').send(thumbnail);
    },
  );

  app.get<{ Params: Static<typeof ComponentParams>; Querystring: DownloadQuery }>(
    '/components/:id/pdf',
    {
      config: { permission: 'file:read' },
      schema: {
        tags: ['files'],
        params: ComponentParams,
        querystring: DownloadQuery,
        response: responses({ 200: downloadResponse(['application/pdf']) }, 404, 409),
      },
    },
    async (request, reply) => {
      const [c] = await db
        .select({ pdfKey: components.pdfKey, type: components.type })
        .from(components)
        .where(eq(components.id, request.params.id));
      if (!c) throw problems.notFound(`no component ${request.params.id}`);
      if (!c.pdfKey) throw problems.notFound(`component ${request.params.id} has no searchable PDF`);
      const named = await db
        .select({ value: fields.value })
        .from(fields)
        .where(and(eq(fields.componentId, request.params.id), inArray(fields.key, deps.catalog.subjectKeys)));
      await auditRead(
        db,
        request,
        named.map((n) => n.value.replace('-', '')),
      );
      return sendObject(request, reply, c.pdfKey, 'application/pdf', `${c.type}-${request.params.id}.pdf`);
    },
  );
}
