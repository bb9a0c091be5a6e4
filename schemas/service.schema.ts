// Tables of the intake and reuse service (dossiers, files, corrections, tokens, audit). Only ADDS tables beside the
// warehouse's; links to warehouse rows by id or content hash.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { components, sources } from './warehouse.schema.js';

export const SERVICE_ROLES = ['intake', 'reviewer', 'reader', 'admin'] as const;
export type ServiceRole = (typeof SERVICE_ROLES)[number];
export const CORRECTION_KINDS = ['field', 'component_type', 'component_pages'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

const at = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();

/** Bearer tokens: only the SHA-256 of the secret is kept. */
export const serviceTokens = pgTable(
  'service_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    role: text('role').$type<ServiceRole>().notNull(),
    tokenHash: text('token_hash').notNull().unique('service_tokens_hash_unique'),
    createdAt: at('created_at'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [check('service_tokens_role_check', sql`${t.role} in ('intake', 'reviewer', 'reader', 'admin')`)],
);

export const dossiers = pgTable(
  'dossiers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique('dossiers_code_unique'),
    procedureCode: text('procedure_code').notNull(),
    applicantId: text('applicant_id').notNull(),
    applicantName: text('applicant_name'),
    agencyCode: text('agency_code').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by').references(() => serviceTokens.id, { onDelete: 'set null' }),
    createdAt: at('created_at'),
  },
  (t) => [index('dossiers_applicant_idx').on(t.applicantId), index('dossiers_due_idx').on(t.dueDate)],
);

/** Daily sequence per receiving agency for the dossier code's last part. */
export const dossierSequences = pgTable(
  'dossier_sequences',
  {
    agencyCode: text('agency_code').notNull(),
    day: text('day').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ name: 'dossier_sequences_pk', columns: [t.agencyCode, t.day] })],
);

/** A scan uploaded to a dossier; joined to the warehouse source by content hash (the source row appears once the job starts). */
export const dossierFiles = pgTable(
  'dossier_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    byteSize: integer('byte_size').notNull(),
    mediaType: text('media_type').notNull(),
    createdAt: at('created_at'),
  },
  (t) => [index('dossier_files_dossier_idx').on(t.dossierId), index('dossier_files_sha_idx').on(t.sha256)],
);

/**
 * Human corrections beside the machine value: who, when, old and new. Component-level ones (type, page range) are
 * re-applied after every recognition run so a re-run never undoes them.
 */
export const corrections = pgTable(
  'corrections',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    componentId: uuid('component_id').references(() => components.id, { onDelete: 'set null' }),
    kind: text('kind').$type<CorrectionKind>().notNull(),
    fieldKey: text('field_key'),
    /** The component as the machine placed it: where to re-apply a component-level correction. */
    machineType: text('machine_type').notNull(),
    machineFirstPage: integer('machine_first_page').notNull(),
    oldValue: jsonb('old_value'),
    newValue: jsonb('new_value').notNull(),
    correctedBy: text('corrected_by').notNull(),
    correctedAt: at('corrected_at'),
  },
  (t) => [
    index('corrections_source_idx').on(t.sourceId),
    index('corrections_component_idx').on(t.componentId),
    check('corrections_kind_check', sql`${t.kind} in ('field', 'component_type', 'component_pages')`),
  ],
);

/** Reads of personal data: who read which subject's data, through which endpoint, when. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tokenId: uuid('token_id'),
    tokenName: text('token_name').notNull(),
    role: text('role').notNull(),
    subjectId: text('subject_id').notNull(),
    endpoint: text('endpoint').notNull(),
    requestId: text('request_id').notNull(),
    at: at('at'),
  },
  (t) => [index('audit_log_subject_idx').on(t.subjectId, t.at), index('audit_log_at_idx').on(t.at)],
);

export const serviceSchema = { serviceTokens, dossiers, dossierSequences, dossierFiles, corrections, auditLog };
export type ServiceSchema = typeof serviceSchema;
