// A procedure of the catalog: the schema that checks service/data/procedures.json (or SOHOA_PROCEDURES_FILE) at
// start and describes GET /procedures.
import { type Static, Type } from '@sinclair/typebox';

/** national: a mã TTHC of the national procedure database; provincial: a local code the province's catalog replaces. */
export const CODE_SCOPES = ['national', 'provincial'] as const;
export type CodeScope = (typeof CODE_SCOPES)[number];

export const ProcedureSchema = Type.Object(
  {
    code: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'national mã TTHC (N.NNNNNN) or, when codeScope is provincial, a local code',
    }),
    codeScope: Type.Union(
      CODE_SCOPES.map((s) => Type.Literal(s)),
      { default: 'national' },
    ),
    name: Type.String({ minLength: 1 }),
    field: Type.String({ minLength: 1, description: 'lĩnh vực' }),
    processingWorkingDays: Type.Integer({ minimum: 0 }),
    required: Type.Array(Type.String(), { minItems: 1, description: 'component types the dossier must hold' }),
    optional: Type.Array(Type.String(), { description: 'component types the dossier may hold' }),
  },
  { additionalProperties: false },
);
export type Procedure = Static<typeof ProcedureSchema>;

export const ProcedureListSchema = Type.Object({ procedures: Type.Array(ProcedureSchema) });
