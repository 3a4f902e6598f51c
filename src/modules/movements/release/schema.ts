/** Drizzle tables of releases, escapes and deaths in custody (migration 20261202_1020_movements_release.sql). */
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

import type { InventoryLine } from './rules.js';

export const releaseSettings = pgTable('release_settings', {
  id: text('id').primaryKey(),
  authorities: jsonb('authorities').$type<string[]>().notNull().default([]),
  updatedBy: uuid('updated_by'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const releaseCounter = pgTable(
  'release_counter',
  {
    prisonId: uuid('prison_id').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.prisonId, t.year] })],
);

export const release = pgTable(
  'release',
  {
    id: uuid('id').primaryKey(),
    prisonId: uuid('prison_id').notNull(),
    admissionId: uuid('admission_id').notNull(),
    personId: uuid('person_id').notNull(),
    reason: text('reason').notNull(),
    state: text('state').notNull(),
    orderJurisdictionId: uuid('order_jurisdiction_id'),
    orderReference: text('order_reference'),
    orderDate: date('order_date', { mode: 'string' }),
    justiceBasis: text('justice_basis'),
    transferAuthority: text('transfer_authority'),
    identityVerified: boolean('identity_verified').notNull(),
    photoShown: boolean('photo_shown').notNull(),
    fingerprintsTaken: boolean('fingerprints_taken').notNull(),
    checkNotes: text('check_notes'),
    checkedBy: uuid('checked_by').notNull(),
    checkedAt: ts('checked_at').notNull(),
    confirmedBy: uuid('confirmed_by'),
    confirmedAt: ts('confirmed_at'),
    inventory: jsonb('inventory').$type<InventoryLine[]>(),
    allReturned: boolean('all_returned'),
    returnedNotes: text('returned_notes'),
    signedByPerson: boolean('signed_by_person'),
    releasedAt: ts('released_at'),
    releasedBy: uuid('released_by'),
    certificateNumber: text('certificate_number'),
    cancelReason: text('cancel_reason'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('release_prison_state_idx').on(t.prisonId, t.state), index('release_admission_idx').on(t.admissionId)],
);

export const custodyIncident = pgTable(
  'custody_incident',
  {
    id: uuid('id').primaryKey(),
    prisonId: uuid('prison_id').notNull(),
    admissionId: uuid('admission_id').notNull(),
    personId: uuid('person_id').notNull(),
    kind: text('kind').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    place: text('place').notNull(),
    circumstances: text('circumstances').notNull(),
    causeReported: text('cause_reported'),
    recordedBy: uuid('recorded_by').notNull(),
    recapturedAt: ts('recaptured_at'),
    recapturePlace: text('recapture_place'),
    recaptureAuthority: text('recapture_authority'),
    recaptureAdmissionId: uuid('recapture_admission_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('custody_incident_prison_idx').on(t.prisonId, t.occurredAt)],
);

export const movementNotice = pgTable(
  'movement_notice',
  {
    id: uuid('id').primaryKey(),
    prisonId: uuid('prison_id').notNull(),
    releaseId: uuid('release_id'),
    incidentId: uuid('incident_id'),
    audience: text('audience').notNull(),
    recipient: text('recipient').notNull(),
    channel: text('channel').notNull(),
    notifiedAt: ts('notified_at').notNull(),
    notes: text('notes'),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('movement_notice_release_idx').on(t.releaseId), index('movement_notice_incident_idx').on(t.incidentId)],
);
