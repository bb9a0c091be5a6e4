// Error answers: RFC 9457 problem details, declared on every route for the statuses it can give.
import { type TSchema, Type } from '@sinclair/typebox';

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer({ minimum: 400, maximum: 599 }),
    detail: Type.String({ description: 'what went wrong, in a sentence a person can act on' }),
    instance: Type.String(),
  },
  { additionalProperties: true },
);

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

const MEANING: Record<number, string> = {
  400: 'malformed request: bad JSON, unknown or mis-typed property',
  401: 'missing, unknown or revoked bearer token',
  403: "the token's role may not do this",
  404: 'no such resource',
  409: 'the request conflicts with the configuration',
  413: 'over a size limit',
  415: 'unsupported media type (checked by content)',
  422: 'well-formed but not acceptable',
  429: 'rate limit of this token reached',
  500: 'the server failed; the detail names the request id',
  503: 'a dependency is not ready',
};

/** Problem answers every route behind a token can give (bad request, auth, rate limit, server error). */
const AUTHENTICATED = [400, 401, 403, 429, 500] as const;

export type ResponseSchemas = Record<number, TSchema | { description: string; content: Record<string, unknown> }>;

/** The route's success answers plus problem answers for the authenticated statuses and `extra` ones. */
export function responses(ok: ResponseSchemas, ...extra: number[]): ResponseSchemas {
  const out: ResponseSchemas = { ...ok };
  for (const status of [...AUTHENTICATED, ...extra]) out[status] = problemResponse(MEANING[status] ?? 'error');
  return out;
}

/** Answers of a public route (no token): only a server error besides its own. */
export function publicResponses(ok: ResponseSchemas): ResponseSchemas {
  return { ...ok, 500: problemResponse(MEANING[500]!) };
}
