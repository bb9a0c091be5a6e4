// Reuse: the components that name a subject (by a personal-ID or tax-code field), the latest still-valid one of each
// type, with provenance. Linking is by the indexed (key, value) of warehouse fields, so it follows every re-run.
import { sql } from 'drizzle-orm';
import type { BBox } from '../../pipeline/page-model.js';
import type { ProvenancedField, ReuseItem, SubjectDocument } from '../api/subject.schema.js';
import type { ComponentCatalog } from '../component-catalog.js';
import type { Procedure } from '../procedures/procedure-catalog.js';
import type { ServiceDb } from '../service-db.js';

/** Values a subject may be written as in a field (tax codes of branches with or without the hyphen). */
function storedForms(subjectId: string): string[] {
  return subjectId.length === 13 ? [subjectId, `${subjectId.slice(0, 10)}-${subjectId.slice(10)}`] : [subjectId];
}

interface DocumentRow {
  id: string;
  type: string;
  status: 'accepted' | 'needs_review';
  first_page: number;
  last_page: number;
  created_at: Date | string;
  rule_pack_version: string;
  pipeline_version: string;
  sha256: string;
  fields: Array<{
    key: string;
    value: string;
    state: ProvenancedField['state'];
    confidence: number;
    page: number;
    bbox: BBox | null;
    correction: { by: string; at: string; oldValue: unknown } | null;
  }>;
  file_names: string[];
  ocr_engine: string | null;
  ocr_model: string | null;
}

/**
 * The latest valid component of each type naming the subject; expired ones (co_gia_tri_den before today) are left
 * out. One statement, one round trip: the subject look-up uses fields_key_value_idx, and Postgres assembles fields,
 * corrections, file names and OCR versions (this is the hot read path of reuse).
 */
export async function subjectDocuments(
  db: ServiceDb,
  catalog: ComponentCatalog,
  subjectId: string,
  today: string,
): Promise<SubjectDocument[]> {
  const list = (values: string[]) =>
    sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    );
  const result = await db.execute(sql`
    with named as (
      select distinct f.component_id as id from fields f
      where f.key in (${list(catalog.subjectKeys)}) and f.value in (${list(storedForms(subjectId))})
    ), candidates as (
      select c.id, c.type, c.status, c.first_page, c.last_page, c.created_at, c.rule_pack_version, c.pipeline_version,
        c.source_id, s.sha256,
        (select v.value from fields v where v.component_id = c.id and v.key = 'co_gia_tri_den') as valid_until
      from named n join components c on c.id = n.id join sources s on s.id = c.source_id
    ), latest as (
      select distinct on (type) * from candidates
      where valid_until is null or valid_until !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' or valid_until >= ${today}
      order by type, created_at desc, id desc
    )
    select l.id, l.type, l.status, l.first_page, l.last_page, l.created_at, l.rule_pack_version, l.pipeline_version,
      l.sha256,
      (select coalesce(json_agg(json_build_object(
          'key', f.key, 'value', f.value, 'state', f.state, 'confidence', f.confidence, 'page', f.page, 'bbox', f.bbox,
          'correction', (select json_build_object('by', k.corrected_by, 'at', k.corrected_at, 'oldValue', k.old_value)
                         from corrections k
                         where k.component_id = l.id and k.kind = 'field' and k.field_key = f.key
                         order by k.id desc limit 1)
        ) order by f.key), '[]'::json) from fields f where f.component_id = l.id) as fields,
      (select coalesce(json_agg(distinct d.file_name), '[]'::json) from dossier_files d where d.sha256 = l.sha256)
        as file_names,
      p.ocr_engine, p.ocr_model
    from latest l
    left join pages p on p.source_id = l.source_id and p.number = l.first_page
    order by l.created_at desc, l.type`);
  const rows = (result as unknown as { rows: DocumentRow[] }).rows;
  return rows.map((r) => {
    const out: Record<string, ProvenancedField> = {};
    for (const f of r.fields) {
      out[f.key] = {
        value: f.value,
        state: f.state,
        confidence: f.confidence,
        page: f.page,
        bbox: f.bbox ?? null,
        ...(f.correction
          ? {
              correction: {
                by: f.correction.by,
                at: new Date(f.correction.at).toISOString(),
                oldValue: f.correction.oldValue,
              },
            }
          : {}),
      };
    }
    return {
      componentId: r.id,
      type: r.type,
      status: r.status,
      validUntil: out.co_gia_tri_den?.value ?? null,
      fields: out,
      provenance: {
        sourceSha256: r.sha256,
        fileNames: r.file_names,
        pages: [r.first_page, r.last_page],
        recognizedAt: new Date(r.created_at).toISOString(),
        versions: {
          pipeline: r.pipeline_version,
          rulePack: r.rule_pack_version,
          ocrEngine: r.ocr_engine,
          ocrModel: r.ocr_model,
        },
      },
    };
  });
}

/** For each required component of a procedure: a valid one already on file, or what must still be submitted. */
export function reusePlan(procedure: Procedure, catalog: ComponentCatalog, documents: SubjectDocument[]): ReuseItem[] {
  return procedure.required.map((type) => {
    const document = documents.find((d) => d.type === type) ?? null;
    return {
      type,
      name: catalog.types.get(type)?.name ?? type,
      status: document ? 'on_file' : 'must_submit',
      document,
    };
  });
}
