/** Drizzle tables of requests and complaints (migration 20261202_0500_complaints.sql). */
import { boolean, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ComplaintSettings } from './rules.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const complaintSettings = pgTable('complaint_settings', {
  id: text('id').primaryKey(),
  settings: jsonb('settings').$type<ComplaintSettings>().notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const complaintCounter = pgTable(
  'complaint_counter',
  {
    prisonId: uuid('prison_id').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.prisonId, t.year] })],
);

export const complaint = pgTable('complaint', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  reference: text('reference').notNull(),
  personId: uuid('person_id'),
  admissionId: uuid('admission_id'),
  cellId: uuid('cell_id'),
  unitId: uuid('unit_id'),
  receptionId: uuid('reception_id'),
  kind: text('kind').notNull(),
  category: text('category').notNull(),
  channel: text('channel').notNull(),
  addressee: text('addressee').notNull(),
  confidential: boolean('confidential').notNull().default(false),
  urgent: boolean('urgent').notNull().default(false),
  words: text('words').notNull(),
  namedStaff: uuid('named_staff').array().notNull().default([]),
  namedStaffText: text('named_staff_text'),
  owner: text('owner').notNull(),
  assignedTo: uuid('assigned_to'),
  state: text('state').notNull(),
  receivedAt: ts('received_at').notNull(),
  dueAt: ts('due_at').notNull(),
  recordedBy: uuid('recorded_by').notNull(),
  acknowledgedAt: ts('acknowledged_at'),
  answer: text('answer'),
  outcome: text('outcome'),
  actionTaken: text('action_taken'),
  answeredAt: ts('answered_at'),
  answeredBy: uuid('answered_by'),
  answerReadAt: ts('answer_read_at'),
  acceptedAt: ts('accepted_at'),
  appealedAt: ts('appealed_at'),
  appealReason: text('appeal_reason'),
  closedAt: ts('closed_at'),
  rowVersion: integer('row_version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const complaintEvent = pgTable('complaint_event', {
  id: uuid('id').primaryKey(),
  complaintId: uuid('complaint_id').notNull(),
  kind: text('kind').notNull(),
  stateAfter: text('state_after').notNull(),
  text: text('text'),
  byUser: uuid('by_user').notNull(),
  at: ts('at').notNull().defaultNow(),
});

export const complaintNotice = pgTable('complaint_notice', {
  id: uuid('id').primaryKey(),
  complaintId: uuid('complaint_id').notNull(),
  prisonId: uuid('prison_id').notNull(),
  audience: text('audience').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  seenBy: uuid('seen_by'),
  seenAt: ts('seen_at'),
});

export const complaintReprisalWarning = pgTable('complaint_reprisal_warning', {
  id: uuid('id').primaryKey(),
  complaintId: uuid('complaint_id').notNull(),
  prisonId: uuid('prison_id').notNull(),
  personId: uuid('person_id').notNull(),
  event: text('event').notNull(),
  eventAt: ts('event_at').notNull(),
  detail: text('detail'),
  triggeredBy: uuid('triggered_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const complaintWarningSeen = pgTable(
  'complaint_warning_seen',
  {
    warningId: uuid('warning_id').notNull(),
    userId: uuid('user_id').notNull(),
    seenAt: ts('seen_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.warningId, t.userId] })],
);
