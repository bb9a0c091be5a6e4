import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../../pipeline/package-root.js';

/** national: a mã TTHC of the national procedure database; provincial: a local code the province's catalog replaces. */
export const CODE_SCOPES = ['national', 'provincial'] as const;
export type CodeScope = (typeof CODE_SCOPES)[number];

export interface Procedure {
  code: string;
  codeScope: CodeScope;
  name: string;
  field: string;
  processingWorkingDays: number;
  /** Catalog component codes the dossier must hold. */
  required: string[];
  optional: string[];
}

/** National procedure codes are one digit, a dot and six digits (a provincial suffix such as .H56 is stripped). */
const NATIONAL_CODE = /^\d\.\d{6}$/;

const procedureSchema = z.object({
  code: z.string().min(1).max(64),
  codeScope: z.enum(CODE_SCOPES).default('national'),
  name: z.string().min(1),
  field: z.string().min(1),
  processingWorkingDays: z.number().int().min(0),
  required: z.array(z.string()).min(1),
  optional: z.array(z.string()),
});

export interface ProcedureCatalog {
  list(): Procedure[];
  get(code: string): Procedure | undefined;
}

export function defaultProcedureCatalogPath(root: string = packageRoot()): string {
  return join(root, 'service', 'data', 'procedures.json');
}

/** Every component type a procedure names must exist in the public component catalog. */
export function parseProcedureCatalog(json: unknown, componentCodes: ReadonlySet<string>): ProcedureCatalog {
  const { procedures } = z.object({ procedures: z.array(procedureSchema) }).parse(json);
  const byCode = new Map<string, Procedure>();
  for (const p of procedures) {
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
