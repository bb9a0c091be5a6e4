import type { FastifyInstance } from 'fastify';
import { responses } from '../api/problem.schema.js';
import { type ComponentTypes, ComponentTypesSchema, type Session, SessionSchema } from '../api/session.schema.js';
import { identityOf, type ServiceDeps } from '../app-deps.js';
import { ROLE_PERMISSIONS } from '../auth/permissions.js';

/**
 * Who the bearer token is (so a client shows the role and hides what the role may not do), and the component types
 * with their printed field labels (so a client names fields as the paper does).
 */
export function registerSessionRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  app.get(
    '/session',
    {
      config: { permission: 'procedure:read' },
      schema: { tags: ['session'], response: responses({ 200: SessionSchema }) },
    },
    async (request): Promise<Session> => {
      const identity = identityOf(request);
      return {
        name: identity.name,
        role: identity.role,
        permissions: [...ROLE_PERMISSIONS[identity.role]].sort(),
      };
    },
  );
  app.get(
    '/component-types',
    {
      config: { permission: 'procedure:read' },
      schema: { tags: ['procedures'], response: responses({ 200: ComponentTypesSchema }) },
    },
    async (): Promise<ComponentTypes> => ({
      types: [...deps.catalog.types.values()].map((t) => ({ code: t.code, name: t.name, fields: t.labels })),
    }),
  );
}
