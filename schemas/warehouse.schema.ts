// Warehouse tables. One schema for both drivers (PGlite embedded, PostgreSQL distributed); migrations are generated
// from this file by drizzle-kit into schemas/migrations.
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { BBox, ComponentStatus, Rotation, TextSource } from '../pipeline/page-model.js';

export const SOURCE_STATUSES = ['processing', 'done', 'failed'] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];
export const FIELD_STATES = ['machine', 'needs_review', 'confirmed'] as const;
export type FieldState = (typeof FIELD_STATES)[number];

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** One row per distinct file content (sha256); the same bytes under other names go to source_paths. */
export const sources = pgTable(
  'sources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sha256: text('sha256').notNull().unique('sources_sha256_unique'),
    byteSize: bigint('byte_size', { mode: 'number' }).notNull(),
    mediaType: text('media_type'),
    originalKey: text('original_key').notNull(),
    pageCount: integer('page_count'),
    status: text('status').$type<SourceStatus>().notNull().default('processing'),
    error: text('error'),
    pipelineVersion: text('pipeline_version').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('sources_status_check', sql`${t.status} in ('processing', 'done', 'failed')`),
    check('sources_sha256_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

export const sourcePaths = pgTable(
  'source_paths',
  {
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    path: text('path').notNull(),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'source_paths_pk', columns: [t.sourceId, t.path] })],
);

export const pages = pgTable(
  'pages',
  {
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    rotation: integer('rotation').$type<Rotation>().notNull(),
    textSource: text('text_source').$type<TextSource>().notNull(),
    confidence: doublePrecision('confidence').notNull(),
    text: text('text').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    dpi: integer('dpi').notNull(),
    skewDegrees: doublePrecision('skew_degrees').notNull(),
    imageKey: text('image_key'),
    ocrKey: text('ocr_key'),
    ocrEngine: text('ocr_engine'),
    ocrModel: text('ocr_model'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'pages_pk', columns: [t.sourceId, t.number] }),
    check('pages_number_check', sql`${t.number} >= 1`),
    check('pages_rotation_check', sql`${t.rotation} in (0, 90, 180, 270)`),
    check('pages_text_source_check', sql`${t.textSource} in ('ocr', 'text-layer', 'blank')`),
  ],
);

export const components = pgTable(
  'components',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    firstPage: integer('first_page').notNull(),
    lastPage: integer('last_page').notNull(),
    confidence: doublePrecision('confidence').notNull(),
    status: text('status').$type<ComponentStatus>().notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull().default([]),
    pdfKey: text('pdf_key'),
    rulePackVersion: text('rule_pack_version').notNull(),
    pipelineVersion: text('pipeline_version').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('components_source_idx').on(t.sourceId, t.firstPage),
    index('components_type_idx').on(t.type),
    check('components_status_check', sql`${t.status} in ('accepted', 'needs_review')`),
    check('components_pages_check', sql`${t.firstPage} >= 1 and ${t.lastPage} >= ${t.firstPage}`),
  ],
);

export const fields = pgTable(
  'fields',
  {
    componentId: uuid('component_id')
      .notNull()
      .references(() => components.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    value: text('value').notNull(),
    raw: text('raw').notNull(),
    confidence: doublePrecision('confidence').notNull(),
    page: integer('page').notNull(),
    bbox: jsonb('bbox').$type<BBox | null>(),
    state: text('state').$type<FieldState>().notNull().default('machine'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'fields_pk', columns: [t.componentId, t.key] }),
    // Reuse by identifier later: "which components carry CCCD number X".
    index('fields_key_value_idx').on(t.key, t.value),
    check('fields_state_check', sql`${t.state} in ('machine', 'needs_review', 'confirmed')`),
  ],
);

export const warehouseSchema = { sources, sourcePaths, pages, components, fields };
export type WarehouseSchema = typeof warehouseSchema;
