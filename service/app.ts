// The HTTP service: Fastify with one schema source (TypeBox) for validation and the OpenAPI document, bearer tokens
// mapped to roles, per-token rate limits, problem+json errors and request-id'd JSON logs.
import { randomUUID } from 'node:crypto';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { checkResponses } from './api/response-check.js';
import type { ServiceDeps } from './app-deps.js';
import { type Permission, roleMay } from './auth/permissions.js';
import { listenForRevocations } from './auth/token-revocations.js';
import { cachedTokenLookup, findToken, hashToken } from './auth/tokens.js';
import { HttpProblem, problemBody } from './problem.js';
import { registerDossierRoutes } from './routes/dossier.routes.js';
import { registerFileRoutes } from './routes/file.routes.js';
import { registerHealthRoutes } from './routes/health.routes.js';
import { registerReviewRoutes } from './routes/review.routes.js';
import { registerSessionRoutes } from './routes/session.routes.js';
import { registerSubjectRoutes } from './routes/subject.routes.js';
import { registerWebRoutes } from './routes/web.routes.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route needs; absent = public (health only). */
    permission?: Permission;
  }
}

/** One readable sentence from the first schema violation, naming an unknown property when that is the problem. */
function validationDetail(error: FastifyError): string {
  const first = error.validation?.[0];
  const where = `${error.validationContext ?? 'request'}${first?.instancePath ?? ''}`;
  const unknown = (first?.params as { additionalProperty?: string } | undefined)?.additionalProperty;
  if (unknown) return `${where} has an unknown property "${unknown}"`;
  return `${where} ${first?.message ?? 'is invalid'}`;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export async function buildServiceApp(deps: ServiceDeps): Promise<FastifyInstance> {
  const { options } = deps;
  const app = Fastify({
    logger: { level: options.logLevel },
    bodyLimit: options.maxJsonBytes,
    requestIdHeader: 'x-request-id',
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // Unknown properties are an error, not silently dropped.
    ajv: { customOptions: { removeAdditional: false, allErrors: false } },
  });
  app.decorateRequest('identity', null);
  let lookupToken = (secret: string) => findToken(deps.database.db, secret);
  if (options.tokenCacheMs > 0) {
    const cached = cachedTokenLookup(deps.database.db, { ttlMs: options.tokenCacheMs, maxEntries: 10_000 });
    const stopListening = await listenForRevocations(deps.database.warehouse, {
      revoked: () => cached.clear(),
      lost: (error) => {
        app.log.warn({ err: error }, 'token revocation notices lost: every request now looks its token up');
        cached.disable();
      },
    });
    app.addHook('onClose', stopListening);
    lookupToken = cached;
  }

  await app.register(swagger, {
    openapi: {
      // 3.1: its schemas are JSON Schema, so the TypeBox ones (nullable as a union with null) are taken as they are.
      openapi: '3.1.0',
      info: { title: 'sohoa intake and reuse service', version: '1' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });

  if (options.validateResponses) checkResponses(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  app.setErrorHandler((error: FastifyError | HttpProblem, request, reply) => {
    let status: number;
    let title: string;
    let detail: string;
    let extra: Record<string, unknown> = {};
    if (error instanceof HttpProblem) {
      ({ status, title, detail, extra } = error);
    } else if (error.validation) {
      status = 400;
      title = 'Bad Request';
      detail = validationDetail(error);
    } else if (error.statusCode && error.statusCode < 500) {
      status = error.statusCode;
      title = status === 429 ? 'Too Many Requests' : status === 413 ? 'Content Too Large' : 'Bad Request';
      detail = error.message;
    } else {
      request.log.error({ err: error }, 'request failed');
      status = 500;
      title = 'Internal Server Error';
      detail = `the server failed to answer (request id ${request.id})`;
    }
    reply
      .code(status)
      .type('application/problem+json')
      .send(problemBody(status, title, detail, request.url, extra));
  });
  app.setNotFoundHandler((request, reply) => {
    reply
      .code(404)
      .type('application/problem+json')
      .send(problemBody(404, 'Not Found', `no route ${request.method} ${request.url}`, request.url));
  });

  await app.register(rateLimit, {
    max: options.rateLimitPerMinute,
    timeWindow: 60_000,
    // Per token: the hash of the presented bearer secret (never the secret itself); anonymous callers per address.
    keyGenerator: (request) => {
      const auth = request.headers.authorization;
      return auth ? `t:${hashToken(auth)}` : `ip:${request.ip}`;
    },
    allowList: (request) => request.url === '/healthz' || request.url === '/readyz',
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      message: `rate limit of ${context.max} requests per minute for this token reached; retry in ${context.after}`,
    }),
  });

  app.addHook('onRequest', async (request) => {
    const permission = request.routeOptions.config?.permission;
    if (!permission) return;
    const header = request.headers.authorization;
    const m = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!m) throw new HttpProblem(401, 'Unauthorized', 'send "Authorization: Bearer <token>" (sohoa token create)');
    const identity = await lookupToken(m[1]!);
    if (!identity) throw new HttpProblem(401, 'Unauthorized', 'the bearer token is unknown or revoked');
    if (!roleMay(identity.role, permission)) {
      throw new HttpProblem(403, 'Forbidden', `role ${identity.role} may not ${permission}`);
    }
    request.identity = identity;
  });

  await app.register(multipart, {
    limits: {
      fileSize: options.maxFileBytes,
      files: options.maxFilesPerRequest,
      fields: 10,
      fieldSize: 1024,
      parts: options.maxFilesPerRequest + 10,
    },
  });

  registerHealthRoutes(app, deps);
  registerDossierRoutes(app, deps);
  registerReviewRoutes(app, deps);
  registerSubjectRoutes(app, deps);
  registerFileRoutes(app, deps);
  registerSessionRoutes(app, deps);
  await registerWebRoutes(app);

  app.get(
    '/openapi.json',
    { config: { permission: 'procedure:read' }, schema: { hide: true } as Record<string, unknown> },
    async () => app.swagger(),
  );
  return app;
}
