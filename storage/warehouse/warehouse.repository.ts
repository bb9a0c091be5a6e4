import { and, asc, eq, exists, gt, inArray, ne, notInArray, type SQL, sql } from 'drizzle-orm';
import type { ComponentResult, ComponentStatus, Rotation, TextSource } from '../../pipeline/page-model.js';
import { runFiles } from '../../schemas/runs.schema.js';
import {
  components,
  type FieldState,
  fields,
  pages,
  type SourceStatus,
  sourcePaths,
  sources,
} from '../../schemas/warehouse.schema.js';
import { findHome, matchComponents } from './component-matching.js';
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
  pages: Array<{ number: number; rotation: Rotation; textSource: TextSource; confidence: number; text: string }>;
  components: Array<{
    type: string;
    pages: [number, number];
    confidence: number;
    status: ComponentStatus;
    /** Why the component needs review (empty when accepted). */
    reasons: string[];
    fields: Record<string, { value: string; confidence: number; page: number }>;
  }>;
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
  /** Sources an import run produced (its files' sources). */
  runId?: string;
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
  /** Inserts the source (status 'processing') or returns the existing id; records the path (idempotent). */
  beginSource(input: SourceRecordInput, path: string): Promise<{ id: string; created: boolean }>;
  recordPath(sourceId: string, path: string): Promise<void>;
  /** Completes a source in ONE transaction: replaces its pages, components and fields, sets status 'done' and page_count. */
  completeSource(sourceId: string, result: CompleteSourceInput): Promise<void>;
  failSource(sourceId: string, error: string, pageCount: number | null): Promise<void>;
  /** Replaces only the components (re-recognition from stored OCR); confirmed fields are kept as completeSource does. */
  replaceComponents(sourceId: string, input: ReplaceComponentsInput): Promise<void>;
  /** Sources matching a filter, ordered by id (page through with afterId). */
  listSources(filter: SourceFilter): Promise<ListedSource[]>;
  /** Where each page's stored OCR lives. */
  getPageRefs(sourceId: string): Promise<PageRef[]>;
  /** The components of a source in the result shape (what getSourceResult holds under `components`). */
  getComponentResults(sourceId: string): Promise<SourceResult['components']>;
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

/** Reason given to a component that a re-run no longer finds but that carries human-confirmed fields. */
export const KEPT_FOR_CONFIRMED_REASON = 'not found by the latest recognition run; kept for its confirmed fields';

const SHA256_HEX = /^[0-9a-f]{64}$/;

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
    // ON CONFLICT DO NOTHING makes concurrent begins for the same bytes converge on one row.
    const [inserted] = await db
      .insert(sources)
      .values({
        sha256: input.sha256,
        byteSize: input.byteSize,
        mediaType: input.mediaType,
        originalKey: input.originalKey,
        pipelineVersion: input.pipelineVersion,
        status: 'processing',
      })
      .onConflictDoNothing({ target: sources.sha256 })
      .returning({ id: sources.id });
    const id = inserted?.id ?? (await findSourceBySha(input.sha256))?.id;
    if (!id) throw new Error(`warehouse: source ${input.sha256} vanished while being registered`);
    await recordPath(id, path);
    return { id, created: inserted !== undefined };
  }

  async function writeFields(tx: Tx, componentId: string, component: ComponentResult) {
    const state: FieldState = component.status === 'needs_review' ? 'needs_review' : 'machine';
    const keys = Object.keys(component.fields);
    const stale: SQL[] = [eq(fields.componentId, componentId), ne(fields.state, 'confirmed')];
    if (keys.length > 0) stale.push(notInArray(fields.key, keys));
    await tx.delete(fields).where(and(...stale));
    const rows = Object.entries(component.fields).map(([key, f]) => ({
      componentId,
      key,
      value: f.value.normalize('NFC'),
      raw: f.raw.normalize('NFC'),
      confidence: f.confidence,
      page: f.page,
      bbox: f.bbox,
      state,
    }));
    for (const chunk of chunks(rows, chunkRows)) {
      await tx
        .insert(fields)
        .values(chunk)
        .onConflictDoUpdate({
          target: [fields.componentId, fields.key],
          set: {
            value: sql`excluded.value`,
            raw: sql`excluded.raw`,
            confidence: sql`excluded.confidence`,
            page: sql`excluded.page`,
            bbox: sql`excluded.bbox`,
            state: sql`excluded.state`,
            updatedAt: sql`now()`,
          },
          // Human corrections win over any machine re-run.
          setWhere: ne(fields.state, 'confirmed'),
        });
    }
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

  /** Replaces a source's components with a new recognition run's, keeping ids where type and range agree. */
  async function writeComponents(
    tx: Tx,
    sourceId: string,
    next: Array<ComponentResult & { pdfKey: string | null }>,
    versions: { rulePackVersion: string; pipelineVersion: string },
  ) {
    const stored = await tx
      .select({
        id: components.id,
        type: components.type,
        firstPage: components.firstPage,
        lastPage: components.lastPage,
      })
      .from(components)
      .where(eq(components.sourceId, sourceId));
    const ranges = next.map((c) => ({ type: c.type, firstPage: c.pages[0], lastPage: c.pages[1] }));
    const match = matchComponents(stored, ranges);
    const placed: Array<(typeof ranges)[number] & { id: string }> = [];
    for (const [i, c] of next.entries()) {
      const row = { confidence: c.confidence, status: c.status, reasons: c.reasons, pdfKey: c.pdfKey, ...versions };
      let id = match.reuse[i] ?? null;
      if (id) {
        await tx.update(components).set(row).where(eq(components.id, id));
      } else {
        const [inserted] = await tx
          .insert(components)
          .values({ ...row, sourceId, ...ranges[i]! })
          .returning({ id: components.id });
        id = inserted!.id;
      }
      placed.push({ ...ranges[i]!, id });
      await writeFields(tx, id, c);
    }
    await rehomeConfirmed(tx, match.unmatched, placed, versions);
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
      await writeComponents(tx, sourceId, result.components, versions);
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
      await writeComponents(tx, sourceId, input.components, {
        rulePackVersion: input.rulePackVersion,
        pipelineVersion: input.pipelineVersion,
      });
      await tx.update(sources).set({ updatedAt: sql`now()` }).where(eq(sources.id, sourceId));
    });
  }

  async function listSources(filter: SourceFilter): Promise<ListedSource[]> {
    const where: SQL[] = [];
    if (filter.status) where.push(eq(sources.status, filter.status));
    if (filter.afterId) where.push(gt(sources.id, filter.afterId));
    if (filter.shas && filter.shas.length > 0) where.push(inArray(sources.sha256, filter.shas));
    if (filter.componentType) {
      where.push(
        exists(
          db
            .select({ one: sql`1` })
            .from(components)
            .where(and(eq(components.sourceId, sources.id), eq(components.type, filter.componentType))),
        ),
      );
    }
    if (filter.notRulePackVersion) {
      where.push(
        exists(
          db
            .select({ one: sql`1` })
            .from(components)
            .where(and(eq(components.sourceId, sources.id), ne(components.rulePackVersion, filter.notRulePackVersion))),
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
    if (filter.needsReview) {
      where.push(
        exists(
          db
            .select({ one: sql`1` })
            .from(components)
            .where(and(eq(components.sourceId, sources.id), eq(components.status, 'needs_review'))),
        ),
      );
    }
    return db
      .select({ id: sources.id, sha256: sources.sha256, pageCount: sources.pageCount, status: sources.status })
      .from(sources)
      .where(and(...where))
      .orderBy(asc(sources.id))
      .limit(filter.limit ?? 500);
  }

  async function getPageRefs(sourceId: string): Promise<PageRef[]> {
    return db
      .select({
        number: pages.number,
        textSource: pages.textSource,
        ocrKey: pages.ocrKey,
        imageKey: pages.imageKey,
        dpi: pages.dpi,
      })
      .from(pages)
      .where(eq(pages.sourceId, sourceId))
      .orderBy(asc(pages.number));
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

  async function getComponentResults(sourceId: string): Promise<SourceResult['components']> {
    const componentRows = await db
      .select({
        id: components.id,
        type: components.type,
        firstPage: components.firstPage,
        lastPage: components.lastPage,
        confidence: components.confidence,
        status: components.status,
        reasons: components.reasons,
      })
      .from(components)
      .where(eq(components.sourceId, sourceId))
      .orderBy(asc(components.firstPage), asc(components.lastPage), asc(components.type), asc(components.createdAt));
    const fieldRows = await db
      .select({
        componentId: fields.componentId,
        key: fields.key,
        value: fields.value,
        confidence: fields.confidence,
        page: fields.page,
      })
      .from(fields)
      .innerJoin(components, eq(fields.componentId, components.id))
      .where(eq(components.sourceId, sourceId))
      .orderBy(asc(fields.key));
    const byComponent = new Map<string, SourceResult['components'][number]['fields']>();
    for (const f of fieldRows) {
      const record = byComponent.get(f.componentId) ?? {};
      record[f.key] = { value: f.value, confidence: f.confidence, page: f.page };
      byComponent.set(f.componentId, record);
    }
    return componentRows.map((c) => ({
      type: c.type,
      pages: [c.firstPage, c.lastPage],
      confidence: c.confidence,
      status: c.status,
      reasons: c.reasons ?? [],
      fields: byComponent.get(c.id) ?? {},
    }));
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
    listSources,
    getPageRefs,
    getComponentResults,
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
