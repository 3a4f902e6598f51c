import { boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Period, Sentence } from './rules.js';
import type { SentenceRelation } from './release.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const jurisdiction = pgTable('jurisdiction', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  regionCode: text('region_code'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const userJurisdiction = pgTable(
  'user_jurisdiction',
  {
    userId: uuid('user_id').notNull(),
    jurisdictionId: uuid('jurisdiction_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.jurisdictionId] })],
);

export const legalTitle = pgTable('legal_title', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  admissionId: uuid('admission_id').notNull(),
  personId: uuid('person_id').notNull(),
  kind: text('kind').notNull(),
  authorityKind: text('authority_kind').notNull(),
  authority: text('authority').notNull(),
  jurisdictionId: uuid('jurisdiction_id'),
  reference: text('reference').notNull(),
  issuedOn: date('issued_on').notNull(),
  offenceCategory: text('offence_category'),
  effectiveFrom: date('effective_from'),
  validUntil: date('valid_until'),
  period: jsonb('period').$type<Period>(),
  sentence: jsonb('sentence').$type<Sentence>(),
  sentenceStart: date('sentence_start'),
  remandCreditDays: integer('remand_credit_days'),
  reduction: jsonb('reduction').$type<Period>(),
  pardonScope: text('pardon_scope'),
  attachmentId: uuid('attachment_id'),
  notes: text('notes'),
  caseRef: text('case_ref'),
  sentenceRelation: text('sentence_relation').$type<SentenceRelation>(),
  relatedToId: uuid('related_to_id'),
  finalOn: date('final_on'),
  appliesToId: uuid('applies_to_id'),
  commutedTo: jsonb('commuted_to').$type<Period>(),
  supersedesId: uuid('supersedes_id'),
  correctionReason: text('correction_reason'),
  withdrawnAt: ts('withdrawn_at'),
  withdrawnBy: uuid('withdrawn_by'),
  withdrawnReason: text('withdrawn_reason'),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const pretrialRule = pgTable('pretrial_rule', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  category: text('category').notNull(),
  legalBasis: text('legal_basis').notNull(),
  effectiveFrom: date('effective_from').notNull(),
  effectiveTo: date('effective_to'),
  initialPeriod: jsonb('initial_period').$type<Period>().notNull(),
  renewalPeriod: jsonb('renewal_period').$type<Period>(),
  maxRenewals: integer('max_renewals'),
  absoluteMax: jsonb('absolute_max').$type<Period>(),
  renewalWindowWorkingDays: integer('renewal_window_working_days'),
  toConfirm: text('to_confirm').array().notNull(),
  source: text('source').notNull(),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const justiceSettings = pgTable('justice_settings', {
  id: boolean('id').primaryKey().default(true),
  expiringWithinDays: integer('expiring_within_days').notNull(),
  noHearingMonths: integer('no_hearing_months').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const hearing = pgTable('hearing', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  admissionId: uuid('admission_id').notNull(),
  personId: uuid('person_id').notNull(),
  jurisdictionId: uuid('jurisdiction_id'),
  court: text('court').notNull(),
  scheduledAt: ts('scheduled_at').notNull(),
  purpose: text('purpose'),
  productionOrderRef: text('production_order_ref'),
  orderedBy: text('ordered_by'),
  escortUnit: text('escort_unit'),
  escortLeader: text('escort_leader'),
  escortSize: integer('escort_size'),
  vehicle: text('vehicle'),
  outcome: text('outcome'),
  outcomeNotes: text('outcome_notes'),
  nextDate: date('next_date'),
  outcomeBy: uuid('outcome_by'),
  outcomeAt: ts('outcome_at'),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** Every stretch of time a legality alert was on, and what ended it (migration 20261202_0200). Never deleted. */
export const alertEpisode = pgTable('alert_episode', {
  id: uuid('id').primaryKey(),
  admissionId: uuid('admission_id').notNull(),
  prisonId: uuid('prison_id').notNull(),
  personId: uuid('person_id').notNull(),
  kind: text('kind').notNull(),
  fromOn: date('from_on').notNull(),
  toOn: date('to_on'),
  resolvedByTitleId: uuid('resolved_by_title_id'),
  resolvedBy: text('resolved_by'),
  openedAt: ts('opened_at').notNull().defaultNow(),
  closedAt: ts('closed_at'),
});

/** The justice situation of an admission, stored and refreshed with every change (refreshJusticeState). */
export const justiceState = pgTable('justice_state', {
  admissionId: uuid('admission_id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  computedOn: date('computed_on').notNull(),
  status: text('status').notNull(),
  category: text('category').notNull(),
  categoryAssumed: boolean('category_assumed').notNull(),
  terrorismRelated: boolean('terrorism_related').notNull(),
  hasDetentionOrder: boolean('has_detention_order').notNull(),
  pretrialStart: date('pretrial_start'),
  expiresOn: date('expires_on'),
  periods: jsonb('periods').$type<{ titleId: string; from: string; to: string | null }[]>().notNull().default([]),
  basisTitleId: uuid('basis_title_id'),
  judgmentOn: date('judgment_on'),
  releaseOn: date('release_on'),
  releaseTitleId: uuid('release_title_id'),
  outcomeOn: date('outcome_on'),
  lastHearingOn: date('last_hearing_on'),
  gapDays: integer('gap_days').notNull().default(0),
  stale: boolean('stale').notNull().default(false),
  refreshedAt: ts('refreshed_at').notNull().defaultNow(),
});
