// Reuse: the components that name a subject (by a personal-ID or tax-code field), the latest still-valid one of each
// type, with provenance. Linking is by the indexed (key, value) of warehouse fields, so it follows every re-run.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { BBox } from '../../pipeline/page-model.js';
import { corrections, dossierFiles } from '../../schemas/service.schema.js';
import { components, fields, pages, sources } from '../../schemas/warehouse.schema.js';
import type { ComponentCatalog } from '../component-catalog.js';
import type { Procedure } from '../procedures/procedure-catalog.js';
import type { ServiceDb } from '../service-db.js';

export interface ProvenancedField {
  value: string;
  state: 'machine' | 'needs_review' | 'confirmed';
  confidence: number;
  page: number;
  bbox: BBox | null;
  correction?: { by: string; at: string; oldValue: unknown };
}

export interface SubjectDocument {
  componentId: string;
  type: string;
  status: 'accepted' | 'needs_review';
  validUntil: string | null;
  fields: Record<string, ProvenancedField>;
  provenance: {
    sourceSha256: string;
    fileNames: string[];
    pages: [number, number];
    recognizedAt: string;
    versions: { pipeline: string; rulePack: string; ocrEngine: string | null; ocrModel: string | null };
  };
}

/** Values a subject may be written as in a field (tax codes of branches with or without the hyphen). */
function storedForms(subjectId: string): string[] {
  return subjectId.length === 13 ? [subjectId, `${subjectId.slice(0, 10)}-${subjectId.slice(10)}`] : [subjectId];
}

/** The latest valid component of each type naming the subject; expired ones (co_gia_tri_den before today) are left out. */
export async function subjectDocuments(
  db: ServiceDb,
  catalog: ComponentCatalog,
  subjectId: string,
  today: string,
): Promise<SubjectDocument[]> {
  // Round trip 1: the components naming the subject (fields_key_value_idx), newest first.
  const rows = await db
    .select({
      id: components.id,
      type: components.type,
      status: components.status,
      firstPage: components.firstPage,
      lastPage: components.lastPage,
      createdAt: components.createdAt,
      rulePack: components.rulePackVersion,
      pipeline: components.pipelineVersion,
      sourceId: components.sourceId,
      sha256: sources.sha256,
    })
    .from(components)
    .innerJoin(sources, eq(sources.id, components.sourceId))
    .where(
      inArray(
        components.id,
        db
          .select({ id: fields.componentId })
          .from(fields)
          .where(and(inArray(fields.key, catalog.subjectKeys), inArray(fields.value, storedForms(subjectId)))),
      ),
    )
    .orderBy(desc(components.createdAt), desc(components.id));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  // Round trip 2, in parallel: fields, corrections, file names and OCR versions of every candidate.
  const [fieldRows, fixes, names, pageVersions] = await Promise.all([
    db.select().from(fields).where(inArray(fields.componentId, ids)),
    db
      .select()
      .from(corrections)
      .where(and(inArray(corrections.componentId, ids), eq(corrections.kind, 'field')))
      .orderBy(desc(corrections.id)),
    db
      .select({ sha256: dossierFiles.sha256, fileName: dossierFiles.fileName })
      .from(dossierFiles)
      .where(inArray(dossierFiles.sha256, [...new Set(rows.map((c) => c.sha256))])),
    db
      .select({ sourceId: pages.sourceId, number: pages.number, ocrEngine: pages.ocrEngine, ocrModel: pages.ocrModel })
      .from(pages)
      .where(inArray(pages.sourceId, [...new Set(rows.map((c) => c.sourceId))])),
  ]);
  const fieldsOf = new Map<string, typeof fieldRows>();
  for (const f of fieldRows) fieldsOf.set(f.componentId, [...(fieldsOf.get(f.componentId) ?? []), f]);

  const chosen = new Map<string, (typeof rows)[number]>();
  for (const c of rows) {
    if (chosen.has(c.type)) continue;
    const until = fieldsOf.get(c.id)?.find((f) => f.key === 'co_gia_tri_den')?.value;
    if (until && /^\d{4}-\d{2}-\d{2}$/.test(until) && until < today) continue;
    chosen.set(c.type, c);
  }
  const picked = [...chosen.values()];
  return picked.map((c) => {
    const out: Record<string, ProvenancedField> = {};
    for (const f of fieldsOf.get(c.id) ?? []) {
      const fix = fixes.find((x) => x.componentId === c.id && x.fieldKey === f.key);
      out[f.key] = {
        value: f.value,
        state: f.state,
        confidence: f.confidence,
        page: f.page,
        bbox: f.bbox ?? null,
        ...(fix
          ? { correction: { by: fix.correctedBy, at: fix.correctedAt.toISOString(), oldValue: fix.oldValue } }
          : {}),
      };
    }
    const firstPage = pageVersions.find((p) => p.sourceId === c.sourceId && p.number === c.firstPage);
    return {
      componentId: c.id,
      type: c.type,
      status: c.status,
      validUntil: out.co_gia_tri_den?.value ?? null,
      fields: out,
      provenance: {
        sourceSha256: c.sha256,
        fileNames: [...new Set(names.filter((n) => n.sha256 === c.sha256).map((n) => n.fileName))],
        pages: [c.firstPage, c.lastPage],
        recognizedAt: c.createdAt.toISOString(),
        versions: {
          pipeline: c.pipeline,
          rulePack: c.rulePack,
          ocrEngine: firstPage?.ocrEngine ?? null,
          ocrModel: firstPage?.ocrModel ?? null,
        },
      },
    };
  });
}

export interface ReuseItem {
  type: string;
  name: string;
  status: 'on_file' | 'must_submit';
  document: SubjectDocument | null;
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
