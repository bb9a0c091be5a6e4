// Optional check of every JSON answer against its route's response schema (SOHOA_VALIDATE_RESPONSES; the tests
// turn it on). Serialization drops properties a schema lacks and coerces types, so without this check a handler
// drifting from its schema would go unnoticed.
import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { type TypeCheck, TypeCompiler } from '@sinclair/typebox/compiler';
import type { FastifyInstance } from 'fastify';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
if (!FormatRegistry.Has('uuid')) FormatRegistry.Set('uuid', (v) => UUID.test(v));
if (!FormatRegistry.Has('date')) FormatRegistry.Set('date', (v) => DATE.test(v));
if (!FormatRegistry.Has('date-time')) FormatRegistry.Set('date-time', (v) => DATE_TIME.test(v));
if (!FormatRegistry.Has('binary')) FormatRegistry.Set('binary', () => true);

type ResponseDef = TSchema | { content: Record<string, { schema: TSchema }> };

/** The schema declared for this status (exact, then Nxx, then default) and content type, if any. */
export function declaredSchema(
  response: Record<string, ResponseDef> | undefined,
  status: number,
  contentType: string,
): TSchema | undefined {
  const range = `${String(status)[0]}xx`;
  const def = response?.[String(status)] ?? response?.[range] ?? response?.[range.toUpperCase()] ?? response?.default;
  if (!def) return undefined;
  if ('content' in def && typeof def.content === 'object') return def.content[contentType]?.schema;
  return def as TSchema;
}

export function checkResponses(app: FastifyInstance): void {
  const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>();
  app.addHook('preSerialization', async (request, reply, payload) => {
    const response = request.routeOptions.schema?.response as Record<string, ResponseDef> | undefined;
    const contentType = String(reply.getHeader('content-type') ?? 'application/json')
      .split(';')[0]!
      .trim();
    const schema = declaredSchema(response, reply.statusCode, contentType);
    if (!schema) {
      // Every JSON answer of a route with declared responses must be declared too (a 500 is the error handler's own).
      if (response && reply.statusCode < 500) {
        throw new Error(`${request.method} ${request.routeOptions.url}: no response schema for ${reply.statusCode}`);
      }
      return payload;
    }
    let check = compiled.get(schema);
    if (!check) {
      check = TypeCompiler.Compile(schema);
      compiled.set(schema, check);
    }
    if (!check.Check(payload) && reply.statusCode < 500) {
      const first = check.Errors(payload).First();
      throw new Error(
        `${request.method} ${request.routeOptions.url} answered ${reply.statusCode} off its schema: ${first?.path || '/'} ${first?.message ?? ''}`,
      );
    }
    return payload;
  });
}
