import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { responses } from '../api/problem.schema.js';
import { ComponentCorrectedSchema, FieldCorrectedSchema, ReviewQueueSchema } from '../api/review.schema.js';
import { identityOf, type ServiceDeps } from '../app-deps.js';
import { correctComponent, correctField, reviewQueue } from '../review/corrections.js';

const ComponentParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const FieldParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), key: Type.String({ pattern: '^[a-z0-9_]{1,64}$' }) },
  { additionalProperties: false },
);
const ComponentPatch = Type.Object(
  {
    type: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    pages: Type.Optional(Type.Tuple([Type.Integer({ minimum: 1 }), Type.Integer({ minimum: 1 })])),
  },
  { additionalProperties: false, minProperties: 1 },
);
const FieldPatch = Type.Object(
  { value: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
const QueueQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })) },
  { additionalProperties: false },
);

export function registerReviewRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const { db } = deps.database;
  app.patch<{ Params: Static<typeof ComponentParams>; Body: Static<typeof ComponentPatch> }>(
    '/components/:id',
    {
      config: { permission: 'review:write' },
      schema: {
        tags: ['review'],
        params: ComponentParams,
        body: ComponentPatch,
        response: responses({ 200: ComponentCorrectedSchema }, 404, 422),
      },
    },
    async (request): Promise<Static<typeof ComponentCorrectedSchema>> => {
      await correctComponent(db, deps.catalog, {
        componentId: request.params.id,
        ...(request.body.type !== undefined ? { type: request.body.type } : {}),
        ...(request.body.pages !== undefined ? { pages: request.body.pages as [number, number] } : {}),
        by: identityOf(request).name,
      });
      return { componentId: request.params.id, status: 'accepted' };
    },
  );
  app.patch<{ Params: Static<typeof FieldParams>; Body: Static<typeof FieldPatch> }>(
    '/components/:id/fields/:key',
    {
      config: { permission: 'review:write' },
      schema: {
        tags: ['review'],
        params: FieldParams,
        body: FieldPatch,
        response: responses({ 200: FieldCorrectedSchema }, 404, 422),
      },
    },
    async (request): Promise<Static<typeof FieldCorrectedSchema>> => {
      await correctField(db, deps.catalog, {
        componentId: request.params.id,
        key: request.params.key,
        value: request.body.value,
        by: identityOf(request).name,
      });
      return { componentId: request.params.id, key: request.params.key, state: 'confirmed' };
    },
  );
  app.get<{ Querystring: Static<typeof QueueQuery> }>(
    '/review-queue',
    {
      config: { permission: 'review:read' },
      schema: { tags: ['review'], querystring: QueueQuery, response: responses({ 200: ReviewQueueSchema }) },
    },
    async (request): Promise<Static<typeof ReviewQueueSchema>> => ({
      items: await reviewQueue(db, request.query.limit ?? 100),
    }),
  );
}
