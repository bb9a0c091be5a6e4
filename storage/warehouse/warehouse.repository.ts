import { randomUUID } from 'node:crypto';
import { and, asc, eq, exists, gt, gte, inArray, isNull, lt, ne, type SQL, sql } from 'drizzle-orm';
import type { ComponentResult, Rotation, TextSource } from '../../pipeline/page-model.js';
import { runFiles } from '../../schemas/runs.schema.js';
import { corrections } from '../../schemas/service.schema.js';
import {
  components,
  type FieldState,
  fields,
  pages,
  type SourceStatus,
  sourcePaths,
  sources,
} from '../../schemas/warehouse.schema.js';
import { applyComponentCorrections, type ComponentCorrection } from './component-corrections.js';
import { type ComponentIdentity, findHome, matchComponents } from './component-matching.js';
import {
  type ComponentOutput,
  componentResultOf,
  type PageOutput,
  type StoredComponent,
} from './component-result.schema.js';
import { KEPT_FOR_CONFIRMED_REASON, type StoredComponentState } from './stored-outcome.js';

export { KEPT_FOR_CONFIRMED_REASON } from './stored-outcome.js';

import type { WarehouseDb } from './warehouse-db.js';

export interface SourceRecordInput {
  sha256: string;
  byteSize: number;
  mediaType: string | null;
  originalKey: string;
  pipelineVersion: string;
}

export interface PageRecordInput {
  number: number;
  rotation: Rotation;
  textSource: TextSource;
  confidence: number;
  text: string;
  width: number;
  height: number;
  dpi: number;
  skewDegrees: number;
  imageKey: string | null;
  ocrKey: string | null;
  ocrEngine: string | null;
  ocrModel: string | null;
}

export interface CompleteSourceInput {
  pageCount: number;
  pages: PageRecordInput[];
  components: Array<ComponentResult & { pdfKey: string | null }>;
  rulePackVersion: string;
  pipelineVersion: string;
}

/** The stored result in the CLI --json source shape (without `path`). */
export interface SourceResult {
  sha256: string;
  /** null while the source is still processing (or failed before the page count was known). */
  pageCount: number | null;
  status: SourceStatus;
  /** Present only when the source failed. */
  error?: string;
  pages: PageOutput[];
  components: ComponentOutput[];
}

export interface ReplaceComponentsInput {
  components: Array<ComponentResult & { pdfKey: string | null }>;
  rulePackVersion: string;
  pipelineVersion: string;
}

/** Selection of sources for re-processing; all conditions must hold. */
export interface SourceFilter {
  status?: SourceStatus;
  /** Keyset pagination: only ids after this one. */
  afterId?: string;
  limit?: number;
  shas?: string[];
  /** Sources holding a component of this type. */
  componentType?: string;
  /** Sources holding a component made by another rule-pack version. */
  notRulePackVersion?: string;
  /** Sources holding a component that needs review. */
  needsReview?: boolean;
  /** Sources holding a component made by one of these rule-pack versions. */
  rulePackVersions?: string[];
  /** Sources holding a page read by this OCR model. */
  ocrModel?: string;
  /** Received (first registered) in [receivedFrom, receivedTo). */
  receivedFrom?: Date;
  receivedTo?: Date;
  /** Last processed (completed or re-recognized) in [processedFrom, processedTo). */
  processedFrom?: Date;
  processedTo?: Date;
  /** Sources an import run produced (its files' sources). */
  runId?: string;
}

/** What re-recognition needs of a stored source, read for many sources at once. */
export interface RecognitionInput {
  sourceId: string;
  pages: PageRef[];
  components: StoredComponentState[];
  /** Component type and page-range corrections, oldest first. */
  corrections: ComponentCorrection[];
}

export interface RecognitionWrite {
  sourceId: string;
  components: Array<ComponentResult & { pdfKey: string | null }>;
  /** The source's corrections when already read (else they are read in the transaction). */
  corrections?: ComponentCorrection[];
}

export interface ComponentWithoutPdf {
  id: string;
  sourceId: string;
  sha256: string;
  type: string;
  pages: [number, number];
}

export interface ListedSource {
  id: string;
  sha256: string;
  pageCount: number | null;
  status: SourceStatus;
}

export interface PageRef {
  number: number;
  textSource: TextSource;
  ocrKey: string | null;
  imageKey: string | null;
  dpi: number;
}

export type WarehouseTable = 'sources' | 'source_paths' | 'pages' | 'components' | 'fields';

export interface WarehouseRepository {
  findSourceBySha(sha256: string): Promise<{ id: string; status: SourceStatus; error: string | null } | null>;
  /**
   * Inserts the source (status 'processing') or finds the existing one, and records the path (idempotent), in one
   * statement; gives its id, whether this call created it, and its status (an existing source keeps its own).
   */
  beginSource(input: SourceRecordInput, path: string): Promise<{ id: string; created: boolean; status: SourceStatus }>;
  recordPath(sourceId: string, path: string): Promise<void>;
  /** Completes a source in ONE transaction: replaces its pages, components and fields, sets status 'done' and page_count. */
  completeSource(sourceId: string, result: CompleteSourceInput): Promise<void>;
  failSource(sourceId: string, error: string, pageCount: number | null): Promise<void>;
  /** Replaces only the components (re-recognition from stored OCR); confirmed fields are kept as completeSource does. */
  replaceComponents(sourceId: string, input: ReplaceComponentsInput): Promise<void>;
  /** Re-recognition results of many sources in ONE transaction (same rules as replaceComponents). */
  writeRecognitionResults(
    items: RecognitionWrite[],
    versions: { rulePackVersion: string; pipelineVersion: string },
  ): Promise<void>;
  /** Pages, components (with field states) and component corrections of many sources, in a few queries. */
  loadRecognitionInputs(sourceIds: string[]): Promise<Map<string, RecognitionInput>>;
  /** Components of these sources that have no searchable PDF yet. */
  componentsWithoutPdf(sourceIds: string[]): Promise<ComponentWithoutPdf[]>;
  setPdfKeys(items: Array<{ componentId: string; pdfKey: string }>): Promise<void>;
  /** Every rule-pack version that made a stored component. */
  rulePackVersions(): Promise<string[]>;
  /** Sources matching a filter, ordered by id (page through with afterId). */
  listSources(filter: SourceFilter): Promise<ListedSource[]>;
  /** Where each page's stored OCR lives. */
  getPageRefs(sourceId: string): Promise<PageRef[]>;
  /** The components of a source in the result shape (what getSourceResult holds under `components`). */
  getComponentResults(sourceId: string): Promise<SourceResult['components']>;
  /** The components of several sources with their ids and field states, by source id, in one read. */
  getStoredComponents(sourceIds: string[]): Promise<Map<string, StoredComponent[]>>;
  /** Records that a rule-pack version re-checked these sources and changed nothing. */
  stampRulePackVersion(sourceIds: string[], rulePackVersion: string): Promise<void>;
  getSourceResult(sourceId: string): Promise<SourceResult>;
  /** Row counts per table (tests check re-runs add no rows). */
  countRows(): Promise<Record<WarehouseTable, number>>;
  /**
   * Records a human correction: the field's value becomes `value` with state 'confirmed' (confidence 1), and no later
   * completeSource overwrites it. Adds the field when recognition missed it. Keeps `raw`, page and box as read.
   */
  confirmField(sourceId: string, at: { type: string; firstPage: number; key: string }, value: string): Promise<void>;
}

export interface WarehouseRepositoryOptions {
  /** Rows per INSERT statement; keeps bind parameters well under PostgreSQL's 65535 limit. */
  insertChunkRows?: number;
}

export const REPOSITORY_DEFAULTS = { insertChunkRows: 500 } as const;

const SHA256_HEX = /^[0-9a-f]{64}$/;

const PAGE_REF_COLUMNS = {
  number: pages.number,
  textSource: pages.textSource,
  ocrKey: pages.ocrKey,
  imageKey: pages.imageKey,
  dpi: pages.dpi,
};

type Tx = Parameters<Parameters<WarehouseDb['transaction']>[0]>[0];

export function createWarehouseRepository(
  db: WarehouseDb,
  options: WarehouseRepositoryOptions = {},
): WarehouseRepository {
  const chunkRows = options.insertChunkRows ?? REPOSITORY_DEFAULTS.insertChunkRows;

  async function findSourceBySha(sha256: string) {
    const [row] = await db
      .select({ id: sources.id, status: sources.status, error: sources.error })
      .from(sources)
      .where(eq(sources.sha256, sha256));
    return row ?? null;
  }

  async function recordPath(sourceId: string, path: string) {
    await db.insert(sourcePaths).values({ sourceId, path }).onConflictDoNothing();
  }

  async function beginSource(input: SourceRecordInput, path: string) {
    if (!SHA256_HEX.test(input.sha256)) {
      throw new Error(`warehouse: sha256 must be 64 lowercase hex digits, got "${input.sha256}"`);
    }
    // One statement, one commit: the source row (ON CONFLICT DO NOTHING makes concurrent begins for the same bytes
    // converge on one row) and its path. Each round trip and commit waits its turn on a busy worker machine.
    const result = await db.execute(sql`
      with inserted as (
        insert into ${sources} (sha256, byte_size, media_type, original_key, pipeline_version, status)
        values (${input.sha256}, ${input.byteSize}, ${input.mediaType}, ${input.originalKey},
          ${input.pipelineVersion}, 'processing')
        on conflict (sha256) do nothing
        returning id, status
      ),
      source as (
        select id, true as created, status from inserted
        union all
        select id, false as created, status from ${sources} where sha256 = ${input.sha256}
      ),
      path as (
        insert into ${sourcePaths} (source_id, path) select id, ${path} from source on conflict do nothing
      )
      select id, created, status from source limit 1`);
    const [row] = (result as unknown as { rows: Array<{ id: string; created: boolean; status: SourceStatus }> }).rows;
    if (row) return row;
    // A concurrent begin committed the row after this statement's snapshot: it is visible now.
    const existing = await findSourceBySha(input.sha256);
    if (!existing) throw new Error(`warehouse: source ${input.sha256} vanished while being registered`);
    await recordPath(existing.id, path);
    return { id: existing.id, created: false, status: existing.status };
  }

  /**
   * Replaces the machine fields of the placed components in two statements: machine fields go, the new ones come,
   * and a field a human confirmed stays (the insert skips its key). Human corrections win over any machine re-run.
   */
  async function writeFields(tx: Tx, placed: Array<{ id: string; component: ComponentResult }>) {
    for (const chunk of chunks(placed, chunkRows)) {
      await tx.delete(fields).where(
        and(
          inArray(
            fields.componentId,
            chunk.map((p) => p.id),
          ),
          ne(fields.state, 'confirmed'),
        ),
      );
    }
    const rows = placed.flatMap(({ id, component }) => {
      const state: FieldState = component.status === 'needs_review' ? 'needs_review' : 'machine';
      return Object.entries(component.fields).map(([key, f]) => ({
        componentId: id,
        key,
        value: f.value.normalize('NFC'),
        raw: f.raw.normalize('NFC'),
        confidence: f.confidence,
        page: f.page,
        bbox: f.bbox,
        state,
      }));
    });
    for (const chunk of chunks(rows, chunkRows)) await tx.insert(fields).values(chunk).onConflictDoNothing();
  }

  /** Moves confirmed fields off components the new run dropped; keeps a dropped component only if a field has no home. */
  async function rehomeConfirmed(
    tx: Tx,
    unmatched: string[],
    placed: Array<{ id: string; type: string; firstPage: number; lastPage: number }>,
    versions: { rulePackVersion: string; pipelineVersion: string },
  ) {
    if (unmatched.length === 0) return;
    const confirmed = await tx
      .select({
        componentId: fields.componentId,
        type: components.type,
        key: fields.key,
        value: fields.value,
        raw: fields.raw,
        confidence: fields.confidence,
        page: fields.page,
        bbox: fields.bbox,
      })
      .from(fields)
      .innerJoin(components, eq(fields.componentId, components.id))
      .where(and(inArray(fields.componentId, unmatched), eq(fields.state, 'confirmed')));
    const keep = new Set<string>();
    for (const f of confirmed) {
      const home = findHome(placed, f.type, f.page);
      if (!home) {
        keep.add(f.componentId);
        continue;
      }
      const { componentId: from, type: _type, ...field } = f;
      await tx
        .insert(fields)
        .values({ ...field, componentId: home.id, state: 'confirmed' })
        .onConflictDoUpdate({
          target: [fields.componentId, fields.key],
          set: {
            value: field.value,
            raw: field.raw,
            confidence: field.confidence,
            page: field.page,
            bbox: field.bbox,
            state: 'confirmed',
            updatedAt: sql`now()`,
          },
          setWhere: ne(fields.state, 'confirmed'),
        });
      await tx.delete(fields).where(and(eq(fields.componentId, from), eq(fields.key, f.key)));
    }
    const drop = unmatched.filter((id) => !keep.has(id));
    if (drop.length > 0) await tx.delete(components).where(inArray(components.id, drop));
    for (const id of keep) {
      await tx.delete(fields).where(and(eq(fields.componentId, id), ne(fields.state, 'confirmed')));
      await tx
        .update(components)
        .set({ status: 'needs_review', reasons: [KEPT_FOR_CONFIRMED_REASON], pdfKey: null, ...versions })
        .where(eq(components.id, id));
    }
  }

  /**
   * Replaces the components of one or more sources with a new recognition run's, keeping ids where type and range
   * agree (so confirmed fields stay attached), in a few statements per batch.
   */
  async function writeComponents(
    tx: Tx,
    items: Array<{
      sourceId: string;
      components: Array<ComponentResult & { pdfKey: string | null }>;
      corrections?: ComponentCorrection[];
    }>,
    versions: { rulePackVersion: string; pipelineVersion: string },
  ) {
    const ids = items.map((i) => i.sourceId);
    const unread = items.filter((i) => !i.corrections).map((i) => i.sourceId);
    const read = unread.length > 0 ? await readCorrections(tx, unread) : new Map<string, ComponentCorrection[]>();
    const storedBySource = new Map<string, Array<ComponentIdentity & { id: string }>>();
    for (const chunk of chunks(ids, chunkRows)) {
      const rows = await tx
        .select({
          id: components.id,
          sourceId: components.sourceId,
          type: components.type,
          firstPage: components.firstPage,
          lastPage: components.lastPage,
        })
        .from(components)
        .where(inArray(components.sourceId, chunk));
      for (const { sourceId, ...r } of rows) storedBySource.set(sourceId, [...(storedBySource.get(sourceId) ?? []), r]);
    }
    const updates: Array<{ id: string; c: ComponentResult & { pdfKey: string | null } }> = [];
    const inserts: Array<typeof components.$inferInsert> = [];
    const placed: Array<{ id: string; component: ComponentResult }> = [];
    const dropped: Array<{ unmatched: string[]; placed: Array<ComponentIdentity & { id: string }> }> = [];
    for (const item of items) {
      // Reviewers' type and page-range corrections win over every recognition run, whichever path wrote it.
      const next = applyComponentCorrections(item.components, item.corrections ?? read.get(item.sourceId) ?? []);
      const ranges = next.map((c) => ({ type: c.type, firstPage: c.pages[0], lastPage: c.pages[1] }));
      const match = matchComponents(storedBySource.get(item.sourceId) ?? [], ranges);
      const here: Array<ComponentIdentity & { id: string }> = [];
      for (const [i, c] of next.entries()) {
        let id = match.reuse[i] ?? null;
        if (id) updates.push({ id, c });
        else {
          id = randomUUID();
          inserts.push({
            id,
            sourceId: item.sourceId,
            ...ranges[i]!,
            confidence: c.confidence,
            status: c.status,
            reasons: c.reasons,
            pdfKey: c.pdfKey,
            ...versions,
          });
        }
        here.push({ ...ranges[i]!, id });
        placed.push({ id, component: c });
      }
      if (match.unmatched.length > 0) dropped.push({ unmatched: match.unmatched, placed: here });
    }
    for (const chunk of chunks(updates, chunkRows)) {
      const values = sql.join(
        chunk.map(
          ({ id, c }) =>
            sql`(${id}::uuid, ${c.confidence}::float8, ${c.status}::text, ${JSON.stringify(c.reasons)}::jsonb, ${c.pdfKey}::text)`,
        ),
        sql`, `,
      );
      await tx.execute(sql`
        update components as c set confidence = v.confidence, status = v.status, reasons = v.reasons,
          pdf_key = v.pdf_key, rule_pack_version = ${versions.rulePackVersion}, pipeline_version = ${versions.pipelineVersion}
        from (values ${values}) as v(id, confidence, status, reasons, pdf_key)
        where c.id = v.id`);
    }
    for (const chunk of chunks(inserts, chunkRows)) await tx.insert(components).values(chunk);
    await writeFields(tx, placed);
    for (const d of dropped) await rehomeConfirmed(tx, d.unmatched, d.placed, versions);
  }

  async function readCorrections(q: Tx | WarehouseDb, sourceIds: string[]) {
    const bySource = new Map<string, ComponentCorrection[]>();
    for (const chunk of chunks(sourceIds, chunkRows)) {
      const rows = await q
        .select({
          sourceId: corrections.sourceId,
          machineType: corrections.machineType,
          machineFirstPage: corrections.machineFirstPage,
          newValue: corrections.newValue,
        })
        .from(corrections)
        .where(and(inArray(corrections.sourceId, chunk), ne(corrections.kind, 'field')))
        .orderBy(asc(corrections.id));
      for (const r of rows) {
        const next = r.newValue as { type?: string; pages?: [number, number] };
        const list = bySource.get(r.sourceId) ?? [];
        list.push({
          machineType: r.machineType,
          machineFirstPage: r.machineFirstPage,
          ...(next.type ? { type: next.type } : {}),
          ...(next.pages ? { pages: next.pages } : {}),
        });
        bySource.set(r.sourceId, list);
      }
    }
    return bySource;
  }

  async function lockSource(tx: Tx, sourceId: string, action: string) {
    // Row lock: two workers writing the same source run one after the other.
    const [source] = await tx.select({ id: sources.id }).from(sources).where(eq(sources.id, sourceId)).for('update');
    if (!source) throw new Error(`warehouse: cannot ${action} unknown source ${sourceId}`);
  }

  async function completeSource(sourceId: string, result: CompleteSourceInput) {
    await db.transaction(async (tx) => {
      await lockSource(tx, sourceId, 'complete');
      await tx.delete(pages).where(eq(pages.sourceId, sourceId));
      // PostgreSQL text cannot hold NUL; other control characters are kept as read.
      const pageRows = result.pages.map((p) => ({
        ...p,
        sourceId,
        text: p.text.replaceAll('\u0000', '').normalize('NFC'),
      }));
      for (const chunk of chunks(pageRows, chunkRows)) await tx.insert(pages).values(chunk);
      const versions = { rulePackVersion: result.rulePackVersion, pipelineVersion: result.pipelineVersion };
      await writeComponents(tx, [{ sourceId, components: result.components }], versions);
      await tx
        .update(sources)
        .set({
          status: 'done',
          error: null,
          pageCount: result.pageCount,
          pipelineVersion: result.pipelineVersion,
          updatedAt: sql`now()`,
        })
        .where(eq(sources.id, sourceId));
    });
  }

  async function replaceComponents(sourceId: string, input: ReplaceComponentsInput) {
    await db.transaction(async (tx) => {
      await lockSource(tx, sourceId, 'update');
      await writeComponents(tx, [{ sourceId, components: input.components }], {
        rulePackVersion: input.rulePackVersion,
        pipelineVersion: input.pipelineVersion,
      });
      await tx.update(sources).set({ updatedAt: sql`now()` }).where(eq(sources.id, sourceId));
    });
  }

  async function writeRecognitionResults(
    items: RecognitionWrite[],
    versions: { rulePackVersion: string; pipelineVersion: string },
  ) {
    if (items.length === 0) return;
    await db.transaction(async (tx) => {
      const ids = items.map((i) => i.sourceId);
      // Row locks in id order, so concurrent batches cannot deadlock.
      const locked = await tx
        .select({ id: sources.id })
        .from(sources)
        .where(inArray(sources.id, ids))
        .orderBy(asc(sources.id))
        .for('update');
      if (locked.length !== new Set(ids).size) throw new Error('warehouse: cannot update unknown sources');
      await writeComponents(tx, items, versions);
      for (const chunk of chunks(ids, chunkRows)) {
        await tx.update(sources).set({ updatedAt: sql`now()` }).where(inArray(sources.id, chunk));
      }
    });
  }

  async function loadRecognitionInputs(sourceIds: string[]): Promise<Map<string, RecognitionInput>> {
    const out = new Map<string, RecognitionInput>(
      sourceIds.map((id) => [id, { sourceId: id, pages: [], components: [], corrections: [] }]),
    );
    for (const chunk of chunks(sourceIds, chunkRows)) {
      const pageRows = await db
        .select({ sourceId: pages.sourceId, ...PAGE_REF_COLUMNS })
        .from(pages)
        .where(inArray(pages.sourceId, chunk))
        .orderBy(asc(pages.sourceId), asc(pages.number));
      for (const { sourceId, ...ref } of pageRows) out.get(sourceId)?.pages.push(ref);
      for (const [sourceId, list] of await readStoredComponents(chunk)) out.get(sourceId)!.components = list;
    }
    for (const [sourceId, list] of await readCorrections(db, sourceIds)) {
      const input = out.get(sourceId);
      if (input) input.corrections = list;
    }
    return out;
  }

  async function componentsWithoutPdf(sourceIds: string[]): Promise<ComponentWithoutPdf[]> {
    const out: ComponentWithoutPdf[] = [];
    for (const chunk of chunks(sourceIds, chunkRows)) {
      const rows = await db
        .select({
          id: components.id,
          sourceId: components.sourceId,
          sha256: sources.sha256,
          type: components.type,
          firstPage: components.firstPage,
          lastPage: components.lastPage,
        })
        .from(components)
        .innerJoin(sources, eq(sources.id, components.sourceId))
        .where(and(inArray(components.sourceId, chunk), isNull(components.pdfKey)))
        .orderBy(asc(components.sourceId), asc(components.firstPage));
      for (const { firstPage, lastPage, ...r } of rows) out.push({ ...r, pages: [firstPage, lastPage] });
    }
    return out;
  }

  async function setPdfKeys(items: Array<{ componentId: string; pdfKey: string }>) {
    if (items.length === 0) return;
    await db.transaction(async (tx) => {
      for (const item of items) {
        await tx.update(components).set({ pdfKey: item.pdfKey }).where(eq(components.id, item.componentId));
      }
    });
  }

  async function rulePackVersions(): Promise<string[]> {
    const rows = await db
      .selectDistinct({ version: components.rulePackVersion })
      .from(components)
      .orderBy(asc(components.rulePackVersion));
    return rows.map((r) => r.version);
  }

  async function listSources(filter: SourceFilter): Promise<ListedSource[]> {
    const where: SQL[] = [];
    if (filter.status) where.push(eq(sources.status, filter.status));
    if (filter.afterId) where.push(gt(sources.id, filter.afterId));
    if (filter.shas && filter.shas.length > 0) where.push(inArray(sources.sha256, filter.shas));
    // "The source holds a component (or page) such that…"
    const withComponent = (condition: SQL | undefined) =>
      exists(
        db
          .select({ one: sql`1` })
          .from(components)
          .where(and(eq(components.sourceId, sources.id), condition)),
      );
    if (filter.componentType) where.push(withComponent(eq(components.type, filter.componentType)));
    if (filter.notRulePackVersion) where.push(withComponent(ne(components.rulePackVersion, filter.notRulePackVersion)));
    if (filter.needsReview) where.push(withComponent(eq(components.status, 'needs_review')));
    if (filter.rulePackVersions) {
      // An empty list selects nothing (no stored version matched the asked range).
      if (filter.rulePackVersions.length === 0) return [];
      where.push(withComponent(inArray(components.rulePackVersion, filter.rulePackVersions)));
    }
    if (filter.ocrModel) {
      where.push(
        exists(
          db
            .select({ one: sql`1` })
            .from(pages)
            .where(and(eq(pages.sourceId, sources.id), eq(pages.ocrModel, filter.ocrModel))),
        ),
      );
    }
    if (filter.runId) {
      where.push(
        exists(
          db
            .select({ one: sql`1` })
            .from(runFiles)
            .where(and(eq(runFiles.runId, filter.runId), eq(runFiles.sourceId, sources.id))),
        ),
      );
    }
    if (filter.receivedFrom) where.push(gte(sources.createdAt, filter.receivedFrom));
    if (filter.receivedTo) where.push(lt(sources.createdAt, filter.receivedTo));
    if (filter.processedFrom) where.push(gte(sources.updatedAt, filter.processedFrom));
    if (filter.processedTo) where.push(lt(sources.updatedAt, filter.processedTo));
    return db
      .select({ id: sources.id, sha256: sources.sha256, pageCount: sources.pageCount, status: sources.status })
      .from(sources)
      .where(and(...where))
      .orderBy(asc(sources.id))
      .limit(filter.limit ?? 500);
  }

  async function getPageRefs(sourceId: string): Promise<PageRef[]> {
    return db.select(PAGE_REF_COLUMNS).from(pages).where(eq(pages.sourceId, sourceId)).orderBy(asc(pages.number));
  }

  async function failSource(sourceId: string, error: string, pageCount: number | null) {
    const updated = await db
      .update(sources)
      .set({
        status: 'failed',
        error,
        // Keep a page count learnt earlier when this failure happened before counting.
        pageCount: pageCount ?? sql`${sources.pageCount}`,
        updatedAt: sql`now()`,
      })
      .where(eq(sources.id, sourceId))
      .returning({ id: sources.id });
    if (updated.length === 0) throw new Error(`warehouse: cannot fail unknown source ${sourceId}`);
  }

  async function getSourceResult(sourceId: string): Promise<SourceResult> {
    const [source] = await db
      .select({
        sha256: sources.sha256,
        pageCount: sources.pageCount,
        status: sources.status,
        error: sources.error,
      })
      .from(sources)
      .where(eq(sources.id, sourceId));
    if (!source) throw new Error(`warehouse: no source ${sourceId}`);
    const pageRows = await db
      .select({
        number: pages.number,
        rotation: pages.rotation,
        textSource: pages.textSource,
        confidence: pages.confidence,
        text: pages.text,
      })
      .from(pages)
      .where(eq(pages.sourceId, sourceId))
      .orderBy(asc(pages.number));
    const componentResults = await getComponentResults(sourceId);
    return {
      sha256: source.sha256,
      pageCount: source.pageCount,
      status: source.status,
      ...(source.error !== null ? { error: source.error } : {}),
      pages: pageRows,
      components: componentResults,
    };
  }

  /** Components with their fields (and field states) of many sources, two queries per chunk. */
  async function readStoredComponents(sourceIds: string[]): Promise<Map<string, StoredComponentState[]>> {
    const out = new Map<string, StoredComponentState[]>();
    const byId = new Map<string, StoredComponentState>();
    for (const chunk of chunks(sourceIds, chunkRows)) {
      const componentRows = await db
        .select({
          id: components.id,
          sourceId: components.sourceId,
          type: components.type,
          firstPage: components.firstPage,
          lastPage: components.lastPage,
          confidence: components.confidence,
          status: components.status,
          reasons: components.reasons,
          pdfKey: components.pdfKey,
        })
        .from(components)
        .where(inArray(components.sourceId, chunk))
        .orderBy(asc(components.firstPage), asc(components.lastPage), asc(components.type), asc(components.createdAt));
      for (const { sourceId, firstPage, lastPage, reasons, ...c } of componentRows) {
        const stored: StoredComponentState = { ...c, pages: [firstPage, lastPage], reasons: reasons ?? [], fields: {} };
        byId.set(c.id, stored);
        out.set(sourceId, [...(out.get(sourceId) ?? []), stored]);
      }
      const fieldRows = await db
        .select({
          componentId: fields.componentId,
          key: fields.key,
          value: fields.value,
          confidence: fields.confidence,
          page: fields.page,
          bbox: fields.bbox,
          state: fields.state,
        })
        .from(fields)
        .innerJoin(components, eq(fields.componentId, components.id))
        .where(inArray(components.sourceId, chunk))
        .orderBy(asc(fields.key));
      for (const { componentId, key, ...f } of fieldRows) {
        const owner = byId.get(componentId);
        if (owner) owner.fields[key] = f;
      }
    }
    return out;
  }

  /** Components with ids, field states and evidence boxes, as the service shows them; a batched read. */
  async function getStoredComponents(sourceIds: string[]): Promise<Map<string, StoredComponent[]>> {
    const out = new Map<string, StoredComponent[]>();
    for (const [sourceId, list] of await readStoredComponents(sourceIds)) {
      out.set(
        sourceId,
        list.map(({ pdfKey: _pdfKey, ...c }) => ({
          ...c,
          fields: Object.fromEntries(Object.entries(c.fields).map(([key, f]) => [key, { ...f, bbox: f.bbox ?? null }])),
        })),
      );
    }
    return out;
  }

  async function getComponentResults(sourceId: string): Promise<SourceResult['components']> {
    return ((await getStoredComponents([sourceId])).get(sourceId) ?? []).map(componentResultOf);
  }

  async function stampRulePackVersion(sourceIds: string[], rulePackVersion: string) {
    for (const chunk of chunks(sourceIds, chunkRows)) {
      await db
        .update(components)
        .set({ rulePackVersion })
        .where(and(inArray(components.sourceId, chunk), ne(components.rulePackVersion, rulePackVersion)));
    }
  }

  async function countRows(): Promise<Record<WarehouseTable, number>> {
    // Sequential: PGlite has a single connection anyway.
    return {
      sources: await db.$count(sources),
      source_paths: await db.$count(sourcePaths),
      pages: await db.$count(pages),
      components: await db.$count(components),
      fields: await db.$count(fields),
    };
  }

  async function confirmField(sourceId: string, at: { type: string; firstPage: number; key: string }, value: string) {
    const [target] = await db
      .select({ id: components.id })
      .from(components)
      .where(
        and(eq(components.sourceId, sourceId), eq(components.type, at.type), eq(components.firstPage, at.firstPage)),
      )
      .orderBy(asc(components.createdAt))
      .limit(1);
    if (!target) {
      throw new Error(`warehouse: no component ${at.type} starting on page ${at.firstPage} in source ${sourceId}`);
    }
    const normalised = value.normalize('NFC');
    await db
      .insert(fields)
      .values({
        componentId: target.id,
        key: at.key,
        value: normalised,
        raw: normalised,
        confidence: 1,
        page: at.firstPage,
        bbox: null,
        state: 'confirmed',
      })
      .onConflictDoUpdate({
        target: [fields.componentId, fields.key],
        set: { value: normalised, confidence: 1, state: 'confirmed', updatedAt: sql`now()` },
      });
  }

  return {
    findSourceBySha,
    beginSource,
    recordPath,
    completeSource,
    replaceComponents,
    writeRecognitionResults,
    loadRecognitionInputs,
    componentsWithoutPdf,
    setPdfKeys,
    rulePackVersions,
    listSources,
    getPageRefs,
    getComponentResults,
    getStoredComponents,
    stampRulePackVersion,
    failSource,
    getSourceResult,
    countRows,
    confirmField,
  };
}

function chunks<T>(rows: T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`warehouse: insert chunk size must be >= 1, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
