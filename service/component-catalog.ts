import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../pipeline/package-root.js';

export interface ComponentType {
  code: string;
  name: string;
  /** field key -> catalog value type */
  fields: Record<string, string>;
  /** field key -> its first printed label (what a clerk reads on the paper) */
  labels: Record<string, string>;
}

export interface ComponentCatalog {
  types: ReadonlyMap<string, ComponentType>;
  codes: ReadonlySet<string>;
  /** Field keys whose value names a subject (personal ID numbers, tax codes). */
  subjectKeys: string[];
}

const SUBJECT_VALUE_TYPES = new Set(['id_number', 'tax_code']);

export function loadComponentCatalog(path: string = join(packageRoot(), 'schemas', 'catalog.json')): ComponentCatalog {
  const json = JSON.parse(readFileSync(path, 'utf8')) as {
    components: Array<{ code: string; name: string; fields: Record<string, { type: string; labels?: string[] }> }>;
  };
  const types = new Map<string, ComponentType>();
  const subjectKeys = new Set<string>();
  for (const c of json.components) {
    const fields: Record<string, string> = {};
    const labels: Record<string, string> = {};
    for (const [key, f] of Object.entries(c.fields)) {
      fields[key] = f.type;
      labels[key] = f.labels?.[0] ?? key;
      if (SUBJECT_VALUE_TYPES.has(f.type)) subjectKeys.add(key);
    }
    types.set(c.code, { code: c.code, name: c.name, fields, labels });
  }
  return { types, codes: new Set(types.keys()), subjectKeys: [...subjectKeys].sort() };
}
