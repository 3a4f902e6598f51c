/** Drizzle tables of escorts and counts (migration 20261202_1010_movements_count.sql). */
import { date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const escort = pgTable('escort', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  admissionId: uuid('admission_id').notNull(),
  personId: uuid('person_id').notNull(),
  purpose: text('purpose').notNull(),
  hearingId: uuid('hearing_id'),
  destination: text('destination').notNull(),
  officers: text('officers').notNull(),
  outAt: ts('out_at').notNull(),
  expectedBackAt: ts('expected_back_at').notNull(),
  backAt: ts('back_at'),
  notes: text('notes'),
  recordedBy: uuid('recorded_by').notNull(),
  backRecordedBy: uuid('back_recorded_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const countSlotSetting = pgTable('count_slot_setting', {
  prisonId: uuid('prison_id').primaryKey(),
  slots: text('slots').array().notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const countRound = pgTable('count_round', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  day: date('day').notNull(),
  slot: text('slot').notNull(),
  startedAt: ts('started_at').notNull(),
  startedBy: uuid('started_by').notNull(),
  state: text('state').notNull(),
  validatedAt: ts('validated_at'),
  validatedBy: uuid('validated_by'),
  validationNote: text('validation_note'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const countEntry = pgTable('count_entry', {
  id: uuid('id').primaryKey(),
  roundId: uuid('round_id').notNull(),
  attempt: integer('attempt').notNull(),
  cellId: uuid('cell_id').notNull(),
  counted: integer('counted').notNull(),
  placed: integer('placed').notNull(),
  out: integer('out').notNull(),
  enteredBy: uuid('entered_by').notNull(),
  enteredAt: ts('entered_at').notNull(),
});
