// The stored result shapes as TypeBox schemas, the one source for the CLI `--json` output types and the HTTP
// service's response schemas (OpenAPI and serialization), so the two cannot drift apart.
import { type Static, type TLiteral, Type } from '@sinclair/typebox';
import { FIELD_STATES } from '../../schemas/warehouse.schema.js';

const literals = <T extends string | number>(values: readonly T[]) =>
  Type.Union(values.map((v) => Type.Literal(v)) as TLiteral<T>[]);

export const PageResultSchema = Type.Object({
  number: Type.Integer({ minimum: 1 }),
  rotation: literals([0, 90, 180, 270] as const),
  textSource: literals(['ocr', 'text-layer', 'blank'] as const),
  confidence: Type.Number(),
  text: Type.String(),
});
export type PageOutput = Static<typeof PageResultSchema>;

export const FieldResultSchema = Type.Object({
  value: Type.String(),
  confidence: Type.Number(),
  page: Type.Integer({ minimum: 1 }),
});

const componentProperties = {
  type: Type.String({ description: 'component type code of schemas/catalog.json' }),
  pages: Type.Tuple([Type.Integer({ minimum: 1 }), Type.Integer({ minimum: 1 })], {
    description: 'inclusive 1-based page range',
  }),
  confidence: Type.Number(),
  status: literals(['accepted', 'needs_review'] as const),
  reasons: Type.Array(Type.String(), { description: 'why the component needs review (empty when accepted)' }),
};

/** A component as `sohoa digitize --json` prints it. */
export const ComponentResultSchema = Type.Object({
  ...componentProperties,
  fields: Type.Record(Type.String(), FieldResultSchema),
});
export type ComponentOutput = Static<typeof ComponentResultSchema>;

const BBoxSchema = Type.Object(
  { x0: Type.Number(), y0: Type.Number(), x1: Type.Number(), y1: Type.Number() },
  { description: 'where the value was read, in pixels of the page image' },
);

export const StoredFieldSchema = Type.Object({
  ...FieldResultSchema.properties,
  bbox: Type.Union([BBoxSchema, Type.Null()], { description: 'null when the value was not located' }),
  state: literals(FIELD_STATES),
});

/** A component with its warehouse id and field states: the CLI shape plus what a reviewer needs to correct it. */
export const StoredComponentSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  ...componentProperties,
  fields: Type.Record(Type.String(), StoredFieldSchema),
});
export type StoredComponent = Static<typeof StoredComponentSchema>;

/** The CLI shape of a stored component (without id and field states). */
export function componentResultOf(stored: StoredComponent): ComponentOutput {
  const fields: ComponentOutput['fields'] = {};
  for (const [key, f] of Object.entries(stored.fields)) {
    fields[key] = { value: f.value, confidence: f.confidence, page: f.page };
  }
  return {
    type: stored.type,
    pages: stored.pages,
    confidence: stored.confidence,
    status: stored.status,
    reasons: stored.reasons,
    fields,
  };
}
