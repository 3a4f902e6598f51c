/** Drizzle tables of custody before prison (migration 20261203_1000_chain_custody.sql). */
import { boolean, date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const custodyStage = pgTable(
  'custody_stage',
  {
    id: uuid('id').primaryKey(),
    prisonId: uuid('prison_id').notNull(),
    admissionId: uuid('admission_id').notNull(),
    personId: uuid('person_id').notNull(),
    force: text('force').notNull(),
    unit: text('unit'),
    placeKind: text('place_kind').notNull(),
    placeName: text('place_name'),
    fromAt: ts('from_at').notNull(),
    toAt: ts('to_at'),
    legalBasis: text('legal_basis').notNull(),
    extensions: integer('extensions').notNull().default(0),
    extensionReference: text('extension_reference'),
    terrorism: boolean('terrorism').notNull().default(false),
    documentReference: text('document_reference'),
    prosecutorJurisdictionId: uuid('prosecutor_jurisdiction_id'),
    notes: text('notes'),
    supersedesId: uuid('supersedes_id').unique(),
    correctionReason: text('correction_reason'),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('custody_stage_admission_idx').on(t.admissionId),
    index('custody_stage_prosecutor_idx').on(t.prosecutorJurisdictionId),
  ],
);

export const custodyLimitRule = pgTable(
  'custody_limit_rule',
  {
    id: uuid('id').primaryKey(),
    category: text('category').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    initialHours: integer('initial_hours').notNull(),
    extensionHours: integer('extension_hours').notNull(),
    maxExtensions: integer('max_extensions').notNull(),
    source: text('source').notNull(),
    toConfirm: boolean('to_confirm').notNull().default(true),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [unique().on(t.category, t.effectiveFrom)],
);

export const chainCustodySettings = pgTable('chain_custody_settings', {
  id: text('id').primaryKey(),
  withoutChargeHours: integer('without_charge_hours').notNull().default(48),
  creditCustody: boolean('credit_custody').notNull().default(true),
  updatedBy: uuid('updated_by'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
