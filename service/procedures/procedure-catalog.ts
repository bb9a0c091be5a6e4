import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { packageRoot } from '../../pipeline/package-root.js';
import { type Procedure, ProcedureSchema } from '../api/procedure.schema.js';

export { CODE_SCOPES, type CodeScope, type Procedure } from '../api/procedure.schema.js';

/** National procedure codes are one digit, a dot and six digits (a provincial suffix such as .H56 is stripped). */
const NATIONAL_CODE = /^\d\.\d{6}$/;

const CatalogFileSchema = Type.Object({ about: Type.Optional(Type.String()), procedures: Type.Array(ProcedureSchema) });

export interface ProcedureCatalog {
  list(): Procedure[];
  get(code: string): Procedure | undefined;
}

export function defaultProcedureCatalogPath(root: string = packageRoot()): string {
  return join(root, 'service', 'data', 'procedures.json');
}

/** Every component type a procedure names must exist in the public component catalog. */
export function parseProcedureCatalog(json: unknown, componentCodes: ReadonlySet<string>): ProcedureCatalog {
  const file = Value.Default(CatalogFileSchema, structuredClone(json));
  if (!Value.Check(CatalogFileSchema, file)) {
    const first = Value.Errors(CatalogFileSchema, file).First();
    throw new Error(`procedure catalog: ${first?.path || '/'} ${first?.message ?? 'is invalid'}`);
  }
  const byCode = new Map<string, Procedure>();
  for (const p of file.procedures) {
    if (byCode.has(p.code)) throw new Error(`procedure catalog: code ${p.code} appears twice`);
    if (p.codeScope === 'national' && !NATIONAL_CODE.test(p.code)) {
      throw new Error(
        `procedure catalog: ${p.code} is not a national procedure code (N.NNNNNN); mark it "codeScope": "provincial"`,
      );
    }
    for (const type of [...p.required, ...p.optional]) {
      if (!componentCodes.has(type)) {
        throw new Error(
          `procedure catalog: ${p.code} names component type "${type}", which schemas/catalog.json lacks`,
        );
      }
    }
    byCode.set(p.code, p);
  }
  return { list: () => [...byCode.values()], get: (code) => byCode.get(code) };
}

export function loadProcedureCatalog(
  componentCodes: ReadonlySet<string>,
  path: string = defaultProcedureCatalogPath(),
): ProcedureCatalog {
  return parseProcedureCatalog(JSON.parse(readFileSync(path, 'utf8')), componentCodes);
}
