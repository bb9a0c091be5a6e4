// The counter-staff web pages (web/, built into web/dist by `npm run build`): index.html at `/`, hashed-free assets
// under `/app/`. Everything else stays the API's; the pages route on the URL hash so no API path is shadowed.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { packageRoot } from '../../pipeline/package-root.js';
import { problems } from '../problem.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
};

export function webDistDir(): string {
  return join(packageRoot(), 'web', 'dist');
}

/** Serves the built pages; a missing build answers 404 with how to make it, never an API error. */
export async function registerWebRoutes(app: FastifyInstance, dir: string = webDistDir()): Promise<void> {
  // The asset list is read once: requests can only name files that exist in the build (no path traversal).
  const assets = new Set(await readdir(dir).catch(() => [] as string[]));
  const send = async (name: string, reply: import('fastify').FastifyReply) => {
    if (!assets.has(name)) throw problems.notFound(`web asset ${name} is not built (npm run build)`);
    const path = join(dir, name);
    const info = await stat(path);
    reply
      .type(CONTENT_TYPES[extname(name)] ?? 'application/octet-stream')
      .header('content-length', info.size)
      .header('cache-control', name === 'index.html' ? 'no-cache' : 'public, max-age=300')
      .header('x-content-type-options', 'nosniff');
    return reply.send(createReadStream(path));
  };
  const hide = { hide: true } as Record<string, unknown>;
  app.get('/', { schema: { ...hide, security: [] } }, async (_request, reply) => send('index.html', reply));
  app.get<{ Params: { name: string } }>(
    '/app/:name',
    {
      schema: { ...hide, security: [], params: Type.Object({ name: Type.String({ pattern: '^[a-z0-9.-]{1,64}$' }) }) },
    },
    async (request, reply) => send(request.params.name, reply),
  );
}
