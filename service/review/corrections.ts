// Human corrections. Field values become `confirmed` (the warehouse repository keeps confirmed fields across re-runs);
// component type and page-range corrections are recorded with the machine placement they replaced and re-applied
// after every recognition run of the source.
import { and, asc, eq, sql } from 'drizzle-orm';
import { corrections, dossierFiles, dossiers } from '../../schemas/service.schema.js';
import { components, fields, sources } from '../../schemas/warehouse.schema.js';
import type { ReviewItem } from '../api/review.schema.js';
import type { ComponentCatalog } from '../component-catalog.js';
import { problems } from '../problem.js';
import type { ServiceDb } from '../service-db.js';

const VALUE_CHECKS: Record<string, { test: RegExp; expect: string }> = {
  id_number: { test: /^(\d{9}|\d{12})$/, expect: '9 or 12 digits' },
  tax_code: { test: /^\d{10}(-?\d{3})?$/, expect: '10 digits, or 13 as NNNNNNNNNN-NNN' },
  date: { test: /^\d{4}-\d{2}-\d{2}$/, expect: 'a date as YYYY-MM-DD' },
  money: { test: /^\d+$/, expect: 'a whole number of đồng as digits' },
};

async function loadComponent(db: ServiceDb, componentId: string) {
  const [c] = await db
    .select({
      id: components.id,
      sourceId: components.sourceId,
      type: components.type,
      firstPage: components.firstPage,
      lastPage: components.lastPage,
      pageCount: sources.pageCount,
    })
    .from(components)
    .innerJoin(sources, eq(sources.id, components.sourceId))
    .where(eq(components.id, componentId));
  if (!c) throw problems.notFound(`no component ${componentId}`);
  return c;
}

export async function correctField(
  db: ServiceDb,
  catalog: ComponentCatalog,
  input: { componentId: string; key: string; value: string; by: string },
): Promise<void> {
  const c = await loadComponent(db, input.componentId);
  const valueType = catalog.types.get(c.type)?.fields[input.key];
  if (!valueType) {
    throw problems.unprocessable(`component type ${c.type} has no field "${input.key}" in schemas/catalog.json`);
  }
  const value = input.value.normalize('NFC').trim();
  const check = VALUE_CHECKS[valueType];
  if (check && !check.test.test(value)) {
    throw problems.unprocessable(`${input.key} is a ${valueType}: expected ${check.expect}, got "${input.value}"`);
  }
  await db.transaction(async (tx) => {
    const [old] = await tx
      .select({ value: fields.value, state: fields.state })
      .from(fields)
      .where(and(eq(fields.componentId, c.id), eq(fields.key, input.key)));
    await tx
      .insert(fields)
      .values({
        componentId: c.id,
        key: input.key,
        value,
        raw: value,
        confidence: 1,
        page: c.firstPage,
        bbox: null,
        state: 'confirmed',
      })
      .onConflictDoUpdate({
        target: [fields.componentId, fields.key],
        set: { value, confidence: 1, state: 'confirmed', updatedAt: sql`now()` },
      });
    await tx.insert(corrections).values({
      sourceId: c.sourceId,
      componentId: c.id,
      kind: 'field',
      fieldKey: input.key,
      machineType: c.type,
      machineFirstPage: c.firstPage,
      oldValue: old ? { value: old.value, state: old.state } : null,
      newValue: { value },
      correctedBy: input.by,
    });
  });
}

export async function correctComponent(
  db: ServiceDb,
  catalog: ComponentCatalog,
  input: { componentId: string; type?: string; pages?: [number, number]; by: string },
): Promise<void> {
  const c = await loadComponent(db, input.componentId);
  if (input.type === undefined && input.pages === undefined) throw problems.badRequest('give a type, pages or both');
  if (input.type !== undefined && !catalog.codes.has(input.type)) {
    throw problems.unprocessable(`"${input.type}" is not a component type of schemas/catalog.json`);
  }
  if (input.pages) {
    const [first, last] = input.pages;
    if (first < 1 || last < first || (c.pageCount !== null && last > c.pageCount)) {
      throw problems.unprocessable(
        `pages [${first}, ${last}] must satisfy 1 <= first <= last <= ${c.pageCount ?? 'the page count'}`,
      );
    }
  }
  await db.transaction(async (tx) => {
    const base = { sourceId: c.sourceId, componentId: c.id, machineType: c.type, machineFirstPage: c.firstPage };
    if (input.type !== undefined && input.type !== c.type) {
      await tx.insert(corrections).values({
        ...base,
        kind: 'component_type',
        oldValue: { type: c.type },
        newValue: { type: input.type },
        correctedBy: input.by,
      });
    }
    if (input.pages && (input.pages[0] !== c.firstPage || input.pages[1] !== c.lastPage)) {
      await tx.insert(corrections).values({
        ...base,
        kind: 'component_pages',
        oldValue: { pages: [c.firstPage, c.lastPage] },
        newValue: { pages: input.pages },
        correctedBy: input.by,
      });
    }
    await tx
      .update(components)
      .set({
        type: input.type ?? c.type,
        firstPage: input.pages?.[0] ?? c.firstPage,
        lastPage: input.pages?.[1] ?? c.lastPage,
        status: 'accepted',
        reasons: [],
      })
      .where(eq(components.id, c.id));
  });
}

/** Components that need review, the dossier due soonest first (components of no dossier last). */
export async function reviewQueue(db: ServiceDb, limit: number): Promise<ReviewItem[]> {
  const rows = await db
    .select({
      componentId: components.id,
      type: components.type,
      firstPage: components.firstPage,
      lastPage: components.lastPage,
      reasons: components.reasons,
      sourceSha256: sources.sha256,
      dossierId: dossiers.id,
      dossierCode: dossiers.code,
      dueDate: dossiers.dueDate,
    })
    .from(components)
    .innerJoin(sources, eq(sources.id, components.sourceId))
    .leftJoin(dossierFiles, eq(dossierFiles.sha256, sources.sha256))
    .leftJoin(dossiers, eq(dossiers.id, dossierFiles.dossierId))
    .where(eq(components.status, 'needs_review'))
    .orderBy(sql`${dossiers.dueDate} asc nulls last`, asc(dossiers.receivedAt), asc(components.createdAt))
    .limit(limit);
  return rows.map((r) => ({
    componentId: r.componentId,
    type: r.type,
    pages: [r.firstPage, r.lastPage],
    reasons: r.reasons ?? [],
    sourceSha256: r.sourceSha256,
    dossierId: r.dossierId,
    dossierCode: r.dossierCode,
    dueDate: r.dueDate,
  }));
}
