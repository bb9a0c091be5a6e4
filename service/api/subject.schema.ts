// Response schemas of the reuse and audit routes.
import { type Static, Type } from '@sinclair/typebox';
import { FIELD_STATES } from '../../schemas/warehouse.schema.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const BBoxSchema = Type.Object({ x0: Type.Number(), y0: Type.Number(), x1: Type.Number(), y1: Type.Number() });

export const ProvenancedFieldSchema = Type.Object({
  value: Type.String(),
  state: Type.Union(FIELD_STATES.map((s) => Type.Literal(s))),
  confidence: Type.Number(),
  page: Type.Integer({ minimum: 1 }),
  bbox: Nullable(BBoxSchema),
  correction: Type.Optional(
    Type.Object({
      by: Type.String(),
      at: Type.String({ format: 'date-time' }),
      oldValue: Type.Unknown({ description: 'the value before the correction, as stored' }),
    }),
  ),
});
export type ProvenancedField = Static<typeof ProvenancedFieldSchema>;

export const SubjectDocumentSchema = Type.Object({
  componentId: Type.String({ format: 'uuid' }),
  type: Type.String(),
  status: Type.Union([Type.Literal('accepted'), Type.Literal('needs_review')]),
  validUntil: Nullable(Type.String()),
  fields: Type.Record(Type.String(), ProvenancedFieldSchema),
  provenance: Type.Object({
    sourceSha256: Type.String(),
    fileNames: Type.Array(Type.String()),
    pages: Type.Tuple([Type.Integer(), Type.Integer()]),
    recognizedAt: Type.String({ format: 'date-time' }),
    versions: Type.Object({
      pipeline: Type.String(),
      rulePack: Type.String(),
      ocrEngine: Nullable(Type.String()),
      ocrModel: Nullable(Type.String()),
    }),
  }),
});
export type SubjectDocument = Static<typeof SubjectDocumentSchema>;

const SubjectSchema = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('citizen'), Type.Literal('organisation')]),
});

export const SubjectDocumentsSchema = Type.Object({
  subject: SubjectSchema,
  documents: Type.Array(SubjectDocumentSchema),
});

export const ReuseItemSchema = Type.Object({
  type: Type.String(),
  name: Type.String(),
  status: Type.Union([Type.Literal('on_file'), Type.Literal('must_submit')]),
  document: Nullable(SubjectDocumentSchema),
});
export type ReuseItem = Static<typeof ReuseItemSchema>;

export const ReusePlanSchema = Type.Object({
  procedure: Type.Object({ code: Type.String(), name: Type.String() }),
  subject: SubjectSchema,
  components: Type.Array(ReuseItemSchema),
});

export const AuditEntriesSchema = Type.Object({
  entries: Type.Array(
    Type.Object({
      id: Type.Integer(),
      tokenId: Nullable(Type.String({ format: 'uuid' })),
      tokenName: Type.String(),
      role: Type.String(),
      subjectId: Type.String(),
      endpoint: Type.String(),
      requestId: Type.String(),
      at: Type.String({ format: 'date-time' }),
    }),
  ),
});
