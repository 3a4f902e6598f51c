import { date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const securityLevel = pgTable('security_level', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  admissionId: uuid('admission_id').notNull(),
  personId: uuid('person_id').notNull(),
  level: text('level').notNull(),
  reasons: text('reasons').notNull(),
  trigger: text('trigger').notNull(),
  decidedBy: uuid('decided_by').notNull(),
  decidedAt: ts('decided_at').notNull().defaultNow(),
  nextReviewOn: date('next_review_on'),
});

export const keepApart = pgTable('keep_apart', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  personA: uuid('person_a').notNull(),
  personB: uuid('person_b').notNull(),
  reason: text('reason').notNull(),
  source: text('source').notNull(),
  reviewOn: date('review_on'),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  endedAt: ts('ended_at'),
  endedBy: uuid('ended_by'),
  endReason: text('end_reason'),
});

export const housingPolicy = pgTable('housing_policy', {
  prisonId: uuid('prison_id').primaryKey(),
  highRiskPolicy: text('high_risk_policy').notNull(),
  highRiskUnitId: uuid('high_risk_unit_id'),
  updatedBy: uuid('updated_by').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** A director's standing decision letting placing officers exceed a cell's capacity (capacity only). */
export const capacityDelegation = pgTable('capacity_delegation', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  reason: text('reason').notNull(),
  decidedBy: uuid('decided_by').notNull(),
  decidedAt: ts('decided_at').notNull().defaultNow(),
  endedAt: ts('ended_at'),
  endedBy: uuid('ended_by'),
  endReason: text('end_reason'),
});
