/** Drizzle tables of the announced arrivals (migration 20261203_1010_chain_announce.sql). */
import { boolean, date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const forceUnit = pgTable('force_unit', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  authority: text('authority').notNull(),
  name: text('name').notNull(),
  place: text('place'),
  regionCode: text('region_code'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const forceUnitMember = pgTable(
  'force_unit_member',
  {
    userId: uuid('user_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.unitId] })],
);

export const chainAnnouncement = pgTable('chain_announcement', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  authority: text('authority').notNull(),
  familyName: text('family_name').notNull(),
  givenNames: text('given_names'),
  sex: text('sex'),
  birthPrecision: text('birth_precision').notNull(),
  birthDate: text('birth_date'),
  estimatedAge: integer('estimated_age'),
  fromPlace: text('from_place').notNull(),
  expectedOn: date('expected_on', { mode: 'string' }).notNull(),
  legalBasis: text('legal_basis').notNull(),
  legalReference: text('legal_reference'),
  jurisdictionId: uuid('jurisdiction_id'),
  charge: text('charge'),
  terrorismRelated: boolean('terrorism_related').notNull().default(false),
  information: text('information'),
  evidence: text('evidence'),
  status: text('status').notNull().default('announced'),
  receptionId: uuid('reception_id'),
  receivedAt: ts('received_at'),
  receivedBy: uuid('received_by'),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const chainDocument = pgTable('chain_document', {
  id: uuid('id').primaryKey(),
  announcementId: uuid('announcement_id').notNull(),
  prisonId: uuid('prison_id').notNull(),
  attachmentId: uuid('attachment_id').notNull(),
  source: text('source').notNull(),
  title: text('title').notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
