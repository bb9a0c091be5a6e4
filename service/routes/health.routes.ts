import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { DIGITIZE_QUEUE } from '../../workers/digitize-jobs.js';
import { LiveSchema, ReadySchema } from '../api/health.schema.js';
import { publicResponses } from '../api/problem.schema.js';
import type { ServiceDeps } from '../app-deps.js';

async function check(
  name: string,
  probe: () => Promise<unknown>,
): Promise<{ name: string; ok: boolean; detail?: string }> {
  try {
    await probe();
    return { name, ok: true };
  } catch (error) {
    return { name, ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

export function registerHealthRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  app.get(
    '/healthz',
    { schema: { tags: ['health'], security: [], response: publicResponses({ 200: LiveSchema }) } },
    async (): Promise<Static<typeof LiveSchema>> => ({ status: 'ok' }),
  );
  app.get(
    '/readyz',
    { schema: { tags: ['health'], security: [], response: publicResponses({ 200: ReadySchema, 503: ReadySchema }) } },
    async (_request, reply): Promise<Static<typeof ReadySchema>> => {
      const checks = await Promise.all([
        check('database', () => deps.database.ping()),
        check('objectStore', () => deps.store.exists('readyz-probe')),
        check('queue', () => deps.queue.counts(DIGITIZE_QUEUE)),
      ]);
      const ready = checks.every((c) => c.ok);
      reply.code(ready ? 200 : 503);
      return { status: ready ? 'ready' : 'not ready', checks };
    },
  );
}
