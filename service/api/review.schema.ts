// Response schemas of the review routes.
import { type Static, Type } from '@sinclair/typebox';

const Uuid = Type.String({ format: 'uuid' });

export const ComponentCorrectedSchema = Type.Object({ componentId: Uuid, status: Type.Literal('accepted') });
export const FieldCorrectedSchema = Type.Object({
  componentId: Uuid,
  key: Type.String(),
  state: Type.Literal('confirmed'),
});

export const ReviewItemSchema = Type.Object({
  componentId: Uuid,
  type: Type.String(),
  pages: Type.Tuple([Type.Integer(), Type.Integer()]),
  reasons: Type.Array(Type.String()),
  sourceSha256: Type.String(),
  dossierId: Type.Union([Uuid, Type.Null()]),
  dossierCode: Type.Union([Type.String(), Type.Null()]),
  dueDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
});
export type ReviewItem = Static<typeof ReviewItemSchema>;

export const ReviewQueueSchema = Type.Object({ items: Type.Array(ReviewItemSchema) });
