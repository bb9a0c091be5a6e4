// The dossier as GET /dossiers/{id} returns it: files with status per file and page, recognised components and
// fields (the CLI --json source shape plus ids and field states), what the procedure still requires, findings.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { BBox } from '../../pipeline/page-model.js';
import { dossierFindings } from '../../pipeline/recognize/index.js';
import { dossierFiles, dossiers } from '../../schemas/service.schema.js';
import { components, fields, pages, sources } from '../../schemas/warehouse.schema.js';
import type { ComponentCatalog } from '../component-catalog.js';
import type { Procedure } from '../procedures/procedure-catalog.js';
import type { ServiceDb } from '../service-db.js';

export interface FieldView {
  value: string;
  confidence: number;
  page: number;
  /** Where the value was read, in pixels of the page image (null when it was not located). */
  bbox: BBox | null;
  state: 'machine' | 'needs_review' | 'confirmed';
}

export interface ComponentView {
  id: string;
  type: string;
  pages: [number, number];
  confidence: number;
  status: 'accepted' | 'needs_review';
  reasons: string[];
  fields: Record<string, FieldView>;
}

export interface FileView {
  id: string;
  fileName: string;
  sha256: string;
  byteSize: number;
  mediaType: string;
  status: 'queued' | 'processing' | 'done' | 'failed';
  error?: string;
  pageCount: number | null;
  pages: Array<{ number: number; rotation: number; textSource: string; confidence: number; text: string }>;
  components: ComponentView[];
}

export interface Finding {
  code: string;
  severity: 'error' | 'warning' | 'info';
  detail: string;
  componentId?: string;
  /** Cross-document findings involve several components. */
  componentIds?: string[];
}

export type DossierRow = typeof dossiers.$inferSelect;

export async function getDossierRow(db: ServiceDb, id: string): Promise<DossierRow | null> {
  const [row] = await db.select().from(dossiers).where(eq(dossiers.id, id));
  return row ?? null;
}

/** Components (with ids and field states) of the given sources, ordered like the CLI output. */
export async function componentsOfSources(db: ServiceDb, sourceIds: string[]): Promise<Map<string, ComponentView[]>> {
  const out = new Map<string, ComponentView[]>();
  if (sourceIds.length === 0) return out;
  const rows = await db
    .select()
    .from(components)
    .where(inArray(components.sourceId, sourceIds))
    .orderBy(asc(components.firstPage), asc(components.lastPage), asc(components.type), asc(components.createdAt));
  const fieldRows =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(fields)
          .where(
            inArray(
              fields.componentId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(asc(fields.key));
  const byComponent = new Map<string, Record<string, FieldView>>();
  for (const f of fieldRows) {
    const record = byComponent.get(f.componentId) ?? {};
    record[f.key] = { value: f.value, confidence: f.confidence, page: f.page, bbox: f.bbox ?? null, state: f.state };
    byComponent.set(f.componentId, record);
  }
  for (const c of rows) {
    const list = out.get(c.sourceId) ?? [];
    list.push({
      id: c.id,
      type: c.type,
      pages: [c.firstPage, c.lastPage],
      confidence: c.confidence,
      status: c.status,
      reasons: c.reasons ?? [],
      fields: byComponent.get(c.id) ?? {},
    });
    out.set(c.sourceId, list);
  }
  return out;
}

export async function dossierFilesView(db: ServiceDb, dossierId: string): Promise<FileView[]> {
  const files = await db
    .select()
    .from(dossierFiles)
    .where(eq(dossierFiles.dossierId, dossierId))
    .orderBy(asc(dossierFiles.createdAt), asc(dossierFiles.fileName));
  if (files.length === 0) return [];
  const sourceRows = await db
    .select({
      id: sources.id,
      sha256: sources.sha256,
      status: sources.status,
      error: sources.error,
      pageCount: sources.pageCount,
    })
    .from(sources)
    .where(
      inArray(
        sources.sha256,
        files.map((f) => f.sha256),
      ),
    );
  const bySha = new Map(sourceRows.map((s) => [s.sha256, s]));
  const ids = sourceRows.map((s) => s.id);
  const pageRows =
    ids.length === 0
      ? []
      : await db
          .select({
            sourceId: pages.sourceId,
            number: pages.number,
            rotation: pages.rotation,
            textSource: pages.textSource,
            confidence: pages.confidence,
            text: pages.text,
          })
          .from(pages)
          .where(inArray(pages.sourceId, ids))
          .orderBy(asc(pages.number));
  const componentMap = await componentsOfSources(db, ids);
  return files.map((f) => {
    const s = bySha.get(f.sha256);
    return {
      id: f.id,
      fileName: f.fileName,
      sha256: f.sha256,
      byteSize: f.byteSize,
      mediaType: f.mediaType,
      status: s ? s.status : 'queued',
      ...(s?.error ? { error: s.error } : {}),
      pageCount: s?.pageCount ?? null,
      pages: s
        ? pageRows
            .filter((p) => p.sourceId === s.id)
            .map(({ sourceId: _s, ...p }) => ({ ...p, rotation: p.rotation as number }))
        : [],
      components: s ? (componentMap.get(s.id) ?? []) : [],
    };
  });
}

/** Required component types of the procedure that no file of the dossier holds. */
export function missingTypes(procedure: Procedure, files: FileView[]): string[] {
  const present = new Set(files.flatMap((f) => f.components.map((c) => c.type)));
  return procedure.required.filter((t) => !present.has(t));
}

/** Cross-document checks a clerk should see before accepting the dossier. */
export function consistencyFindings(
  dossier: DossierRow,
  procedure: Procedure,
  files: FileView[],
  catalog: ComponentCatalog,
): Finding[] {
  const findings: Finding[] = [];
  const receivedOn = dossier.receivedAt.toISOString().slice(0, 10);
  const accepted = new Set([...procedure.required, ...procedure.optional, 'khac']);
  const idCards: ComponentView[] = [];
  for (const f of files) {
    if (f.status === 'failed') {
      findings.push({ code: 'file_failed', severity: 'error', detail: `${f.fileName}: ${f.error ?? 'failed'}` });
    }
    for (const c of f.components) {
      if (c.type === 'can_cuoc') idCards.push(c);
      if (c.status === 'needs_review') {
        findings.push({
          code: 'needs_review',
          severity: 'warning',
          componentId: c.id,
          detail: `${c.type} (pages ${c.pages[0]}-${c.pages[1]} of ${f.fileName}) needs review: ${c.reasons.join('; ') || 'low confidence'}`,
        });
      }
      if (!accepted.has(c.type)) {
        findings.push({
          code: 'unexpected_component',
          severity: 'info',
          componentId: c.id,
          detail: `${catalog.types.get(c.type)?.name ?? c.type} is not a component of procedure ${procedure.code}`,
        });
      }
      const validUntil = c.fields.co_gia_tri_den?.value;
      if (validUntil && /^\d{4}-\d{2}-\d{2}$/.test(validUntil) && validUntil < receivedOn) {
        findings.push({
          code: 'expired',
          severity: 'error',
          componentId: c.id,
          detail: `${c.type} was valid until ${validUntil}, before the dossier was received (${receivedOn})`,
        });
      }
    }
  }
  // Same person, different ID / name / birth date across the dossier's components (pipeline/recognize).
  const all = files.flatMap((f) => f.components);
  for (const f of dossierFindings(all)) {
    const ids = all
      .filter((c) =>
        f.components.some((x) => x.type === c.type && x.pages[0] === c.pages[0] && x.pages[1] === c.pages[1]),
      )
      .map((c) => c.id);
    findings.push({ code: f.kind, severity: 'warning', detail: f.message, componentIds: ids });
  }
  if (idCards.length > 0 && !idCards.some((c) => c.fields.so_dinh_danh?.value === dossier.applicantId)) {
    findings.push({
      code: 'applicant_id_not_found',
      severity: 'warning',
      detail: `no identity card in the dossier carries the applicant's ID ${dossier.applicantId}`,
    });
  }
  return findings;
}

export async function dossierIdsOfSource(db: ServiceDb, sha256: string): Promise<string[]> {
  const rows = await db
    .select({ id: dossierFiles.dossierId })
    .from(dossierFiles)
    .where(and(eq(dossierFiles.sha256, sha256)));
  return [...new Set(rows.map((r) => r.id))];
}

export interface FileStatus {
  id: string;
  fileName: string;
  sha256: string;
  status: FileView['status'];
  pageCount: number | null;
  error?: string;
}

/** Just the status of each file (for the event stream's polling: no page text, no fields). */
export async function dossierFileStatuses(db: ServiceDb, dossierId: string): Promise<FileStatus[]> {
  const rows = await db
    .select({
      id: dossierFiles.id,
      fileName: dossierFiles.fileName,
      sha256: dossierFiles.sha256,
      status: sources.status,
      pageCount: sources.pageCount,
      error: sources.error,
    })
    .from(dossierFiles)
    .leftJoin(sources, eq(sources.sha256, dossierFiles.sha256))
    .where(eq(dossierFiles.dossierId, dossierId))
    .orderBy(asc(dossierFiles.createdAt), asc(dossierFiles.fileName));
  return rows.map((r) => ({
    id: r.id,
    fileName: r.fileName,
    sha256: r.sha256,
    status: r.status ?? 'queued',
    pageCount: r.pageCount,
    ...(r.error ? { error: r.error } : {}),
  }));
}
