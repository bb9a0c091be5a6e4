// Response schemas of the dossier and procedure routes. The component shape is the stored one of the warehouse
// (the CLI `--json` component plus id and field states), taken from the same TypeBox objects.
import { type Static, Type } from '@sinclair/typebox';
import { PageResultSchema, StoredComponentSchema } from '../../storage/warehouse/index.js';
import { ProcedureSchema } from './procedure.schema.js';

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const DossierSummarySchema = Type.Object({
  id: Uuid,
  code: Type.String({ description: 'national dossier code <agency>-YYMMDD-NNNN' }),
  procedureCode: Type.String(),
  applicantId: Type.String(),
  applicantName: Nullable(Type.String()),
  agencyCode: Type.String(),
  receivedAt: Type.String({ format: 'date-time' }),
  dueDate: Type.String({ format: 'date', description: 'last working day (Vietnam calendar)' }),
});
export type DossierSummary = Static<typeof DossierSummarySchema>;

export const FILE_STATUSES = ['queued', 'processing', 'done', 'failed'] as const;
const FileStatusSchema = Type.Union(FILE_STATUSES.map((s) => Type.Literal(s)));

export const FileViewSchema = Type.Object({
  id: Uuid,
  fileName: Type.String(),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  byteSize: Type.Integer({ minimum: 0 }),
  mediaType: Type.String(),
  status: FileStatusSchema,
  error: Type.Optional(Type.String()),
  pageCount: Nullable(Type.Integer({ minimum: 0 })),
  pages: Type.Array(PageResultSchema),
  components: Type.Array(StoredComponentSchema),
});
export type FileView = Static<typeof FileViewSchema>;

export const FindingSchema = Type.Object({
  code: Type.String(),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('info')]),
  detail: Type.String(),
  componentId: Type.Optional(Uuid),
  componentIds: Type.Optional(Type.Array(Uuid, { description: 'cross-document findings involve several components' })),
});
export type Finding = Static<typeof FindingSchema>;

export const DossierViewSchema = Type.Object({
  ...DossierSummarySchema.properties,
  procedure: Type.Pick(ProcedureSchema, ['code', 'name', 'processingWorkingDays']),
  status: Type.Union([Type.Literal('awaiting_files'), Type.Literal('processing'), Type.Literal('processed')]),
  files: Type.Array(FileViewSchema),
  missing: Type.Array(Type.Object({ type: Type.String(), name: Type.String(), reusableComponentId: Nullable(Uuid) }), {
    description: 'required component types no file holds, with a reusable one on file when there is',
  }),
  findings: Type.Array(FindingSchema),
});
export type DossierView = Static<typeof DossierViewSchema>;

export const UploadAcceptedSchema = Type.Object({
  dossierId: Uuid,
  files: Type.Array(Type.Pick(FileViewSchema, ['id', 'fileName', 'sha256', 'byteSize', 'mediaType'])),
});

export const EventStreamResponse = {
  description: 'server-sent events: status, progress (pages read), done',
  content: { 'text/event-stream': { schema: Type.String() } },
};
