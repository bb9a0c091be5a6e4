// Who a token is and the component types with their printed labels: what the counter pages need to start.
import { type Static, Type } from '@sinclair/typebox';
import { SERVICE_ROLES } from '../../schemas/service.schema.js';
import { PERMISSIONS } from '../auth/permissions.js';

export const SessionSchema = Type.Object({
  name: Type.String(),
  role: Type.Union(SERVICE_ROLES.map((r) => Type.Literal(r))),
  permissions: Type.Array(Type.Union(PERMISSIONS.map((p) => Type.Literal(p)))),
});
export type Session = Static<typeof SessionSchema>;

export const ComponentTypesSchema = Type.Object({
  types: Type.Array(
    Type.Object({
      code: Type.String({ description: 'component type code of schemas/catalog.json' }),
      name: Type.String(),
      fields: Type.Record(Type.String(), Type.String(), { description: 'field key → the label printed on the paper' }),
    }),
  ),
});
export type ComponentTypes = Static<typeof ComponentTypesSchema>;
