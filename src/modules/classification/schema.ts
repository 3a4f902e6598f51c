/** Drizzle tables of classification, assessment and cell leaders (migration 20261125_0500_classification.sql). */
import { boolean, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AssessmentContent, InstrumentDefinition } from './instruments.js';
import type { ClassificationSettings, RegimeAdjustment } from './rules.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const assessmentInstrument = pgTable('assessment_instrument', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  kind: text('kind').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  retiredAt: ts('retired_at'),
});

export const assessmentInstrumentVersion = pgTable('assessment_instrument_version', {
  id: uuid('id').primaryKey(),
  instrumentId: uuid('instrument_id').notNull(),
  version: integer('version').notNull(),
  definition: jsonb('definition').$type<InstrumentDefinition>().notNull(),
  note: text('note').notNull(),
  publishedBy: uuid('published_by'),
  publishedAt: ts('published_at').notNull().defaultNow(),
});

export const assessment = pgTable('assessment', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  admissionId: uuid('admission_id').notNull(),
  personId: uuid('person_id').notNull(),
  instrumentVersionId: uuid('instrument_version_id').notNull(),
  status: text('status').$type<'draft' | 'complete'>().notNull(),
  content: jsonb('content').$type<AssessmentContent>().notNull(),
  judgement: text('judgement'),
  assessorId: uuid('assessor_id').notNull(),
  startedAt: ts('started_at').notNull().defaultNow(),
  completedAt: ts('completed_at'),
  previousId: uuid('previous_id'),
  rowVersion: integer('row_version').notNull().default(1),
});

export const classificationSettings = pgTable('classification_settings', {
  prisonId: uuid('prison_id').primaryKey(),
  settings: jsonb('settings').$type<ClassificationSettings>().notNull(),
  updatedBy: uuid('updated_by').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const classificationBasis = pgTable('classification_basis', {
  securityLevelId: uuid('security_level_id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  admissionId: uuid('admission_id').notNull(),
  assessmentId: uuid('assessment_id'),
  indicatedLevel: text('indicated_level'),
  override: boolean('override').notNull(),
  overrideJustification: text('override_justification'),
});

export const reviewEvent = pgTable('review_event', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  admissionId: uuid('admission_id').notNull(),
  personId: uuid('person_id').notNull(),
  kind: text('kind').$type<'incident' | 'new_title' | 'programme'>().notNull(),
  occurredOn: date('occurred_on').notNull(),
  note: text('note').notNull(),
  recordedBy: uuid('recorded_by').notNull(),
  recordedAt: ts('recorded_at').notNull().defaultNow(),
});

export const regimeAdjustment = pgTable('regime_adjustment', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  admissionId: uuid('admission_id').notNull(),
  personId: uuid('person_id').notNull(),
  subject: jsonb('subject').$type<RegimeAdjustment['subject']>().notNull(),
  effect: text('effect').$type<'allow' | 'restrict'>().notNull(),
  reason: text('reason').notNull(),
  until: date('until'),
  decidedBy: uuid('decided_by').notNull(),
  decidedAt: ts('decided_at').notNull().defaultNow(),
});

export const cellLeader = pgTable('cell_leader', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  cellId: uuid('cell_id').notNull(),
  admissionId: uuid('admission_id').notNull(),
  personId: uuid('person_id').notNull(),
  how: text('how').$type<'elected' | 'appointed'>().notNull(),
  since: date('since').notNull(),
  until: date('until'),
  endReason: text('end_reason'),
  recordedBy: uuid('recorded_by').notNull(),
  recordedAt: ts('recorded_at').notNull().defaultNow(),
  endedBy: uuid('ended_by'),
});

export const cellLeaderRequest = pgTable('cell_leader_request', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  cellLeaderId: uuid('cell_leader_id').notNull(),
  cellId: uuid('cell_id').notNull(),
  subject: text('subject').notNull(),
  detail: text('detail'),
  raisedOn: date('raised_on').notNull(),
  status: text('status').$type<'open' | 'answered'>().notNull().default('open'),
  answer: text('answer'),
  answeredBy: uuid('answered_by'),
  answeredAt: ts('answered_at'),
  recordedBy: uuid('recorded_by').notNull(),
  recordedAt: ts('recorded_at').notNull().defaultNow(),
});
