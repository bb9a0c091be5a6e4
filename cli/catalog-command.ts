import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../pipeline/package-root.js';
import { loadRulePack } from '../pipeline/recognize/index.js';

interface CatalogFile {
  components: Array<{ code: string; name: string; fields: Record<string, { type: string }> }>;
}

export interface CatalogCoverage {
  rulePackVersion: string;
  types: Array<{
    code: string;
    name: string;
    titles: number;
    keyFields: string[];
    fields: Array<{ key: string; type: string; labels: number }>;
    /** Catalog fields the running rules do not extract (should be empty). */
    missingFields: string[];
  }>;
  /** Catalog types the running rules do not know (should be empty). */
  missingTypes: string[];
}

/** The catalog as the running rule pack covers it: every type and field, with the rules behind it. */
export function catalogCoverage(): CatalogCoverage {
  const pack = loadRulePack();
  const catalog = JSON.parse(readFileSync(join(packageRoot(), 'schemas', 'catalog.json'), 'utf8')) as CatalogFile;
  const types = catalog.components.flatMap((c) => {
    const rule = pack.byCode.get(c.code);
    if (!rule) return [];
    return [
      {
        code: c.code,
        name: c.name,
        titles: rule.titles.length,
        keyFields: rule.keyFields,
        fields: Object.entries(rule.fields).map(([key, f]) => ({
          key,
          type: f.type,
          labels: f.labels.length + f.items.length,
        })),
        missingFields: Object.keys(c.fields ?? {}).filter((k) => !rule.fields[k]),
      },
    ];
  });
  return {
    rulePackVersion: pack.version,
    types,
    missingTypes: catalog.components.map((c) => c.code).filter((code) => !pack.byCode.has(code)),
  };
}

export function formatCatalog(coverage: CatalogCoverage): string {
  const lines = [`rule pack ${coverage.rulePackVersion}: ${coverage.types.length} component types`];
  for (const t of coverage.types) {
    lines.push(`${t.code}  ${t.name}  (${t.titles} titles)`);
    for (const f of t.fields) {
      const key = t.keyFields.includes(f.key) ? `${f.key} *` : f.key;
      lines.push(`    ${key.padEnd(38)} ${f.type.padEnd(12)} ${f.labels} labels`);
    }
    if (t.missingFields.length) lines.push(`    not extracted: ${t.missingFields.join(', ')}`);
  }
  if (coverage.missingTypes.length) lines.push(`not recognized: ${coverage.missingTypes.join(', ')}`);
  lines.push('* key field: must be read confidently for the component to be accepted without review');
  return `${lines.join('\n')}\n`;
}
