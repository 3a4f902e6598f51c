import { boolean, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const reception = pgTable('reception', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  status: text('status').notNull().default('in_progress'),
  arrestingAuthority: text('arresting_authority').notNull(),
  officerName: text('officer_name'),
  officerRank: text('officer_rank'),
  officerUnit: text('officer_unit'),
  warrantName: text('warrant_name').notNull(),
  warrantBirth: text('warrant_birth'),
  warrantRegion: text('warrant_region'),
  warrantCharge: text('warrant_charge'),
  warrantReference: text('warrant_reference'),
  informationShared: text('information_shared'),
  evidenceShared: text('evidence_shared'),
  nothingShared: boolean('nothing_shared').notNull().default(false),
  arrivedAt: ts('arrived_at').notNull(),
  admissionId: uuid('admission_id'),
  personId: uuid('person_id'),
  startedBy: uuid('started_by').notNull(),
  startedAt: ts('started_at').notNull().defaultNow(),
  completedBy: uuid('completed_by'),
  completedAt: ts('completed_at'),
});

export const receptionStep = pgTable('reception_step', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  receptionId: uuid('reception_id').notNull(),
  step: text('step').notNull(),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  outOfOrderReason: text('out_of_order_reason'),
  doneBy: uuid('done_by').notNull(),
  doneAt: ts('done_at').notNull().defaultNow(),
});

export const receptionMedical = pgTable('reception_medical', {
  receptionId: uuid('reception_id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  visibleInjuries: text('visible_injuries'),
  illTreatmentAlleged: boolean('ill_treatment_alleged').notNull(),
  illTreatmentAccount: text('ill_treatment_account'),
  fitness: text('fitness').notNull(),
  referral: text('referral'),
  notes: text('notes'),
  doneBy: uuid('done_by').notNull(),
  doneAt: ts('done_at').notNull().defaultNow(),
});
