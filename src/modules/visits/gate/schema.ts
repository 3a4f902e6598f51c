/** Drizzle tables of visitors, visiting rules, visits and family contact (migration 20261203_1100_visits_gate.sql). */
import { date, integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const visitor = pgTable('visitor', {
  id: uuid('id').primaryKey(),
  familyName: text('family_name').notNull(),
  givenNames: text('given_names').notNull().default(''),
  nameKeys: text('name_keys').array().notNull().default([]),
  idDocKind: text('id_doc_kind').notNull(),
  idDocNumber: text('id_doc_number'),
  phone: text('phone'),
  barNumber: text('bar_number'),
  photoAttachmentId: uuid('photo_attachment_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
  createdBy: uuid('created_by'),
});

export const visitorRelationship = pgTable('visitor_relationship', {
  id: uuid('id').primaryKey(),
  visitorId: uuid('visitor_id').notNull(),
  personId: uuid('person_id').notNull(),
  relationship: text('relationship').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  createdBy: uuid('created_by'),
});

export const visitorBan = pgTable('visitor_ban', {
  id: uuid('id').primaryKey(),
  visitorId: uuid('visitor_id').notNull(),
  prisonId: uuid('prison_id'),
  reason: text('reason').notNull(),
  fromDate: date('from_date').notNull(),
  untilDate: date('until_date'),
  decidedBy: uuid('decided_by').notNull(),
  decidedAt: ts('decided_at').notNull(),
  liftedAt: ts('lifted_at'),
  liftedBy: uuid('lifted_by'),
  liftReason: text('lift_reason'),
});

export const visitRule = pgTable('visit_rule', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  unitId: uuid('unit_id'),
  regimeLevel: text('regime_level'),
  weekday: smallint('weekday').notNull(),
  starts: text('starts').notNull(),
  ends: text('ends').notNull(),
  perPersonWeek: integer('per_person_week').notNull(),
  visitorsPerVisit: integer('visitors_per_visit').notNull(),
  roomCapacity: integer('room_capacity').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  createdBy: uuid('created_by'),
  endedAt: ts('ended_at'),
  endedBy: uuid('ended_by'),
});

export const visitRestriction = pgTable('visit_restriction', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  personId: uuid('person_id').notNull(),
  admissionId: uuid('admission_id').notNull(),
  basis: text('basis').notNull(),
  reason: text('reason').notNull(),
  fromDate: date('from_date').notNull(),
  untilDate: date('until_date').notNull(),
  decidedBy: uuid('decided_by').notNull(),
  decidedAt: ts('decided_at').notNull(),
  liftedAt: ts('lifted_at'),
  liftedBy: uuid('lifted_by'),
});

export const visit = pgTable('visit', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  admissionId: uuid('admission_id').notNull(),
  personId: uuid('person_id').notNull(),
  kind: text('kind').notNull(),
  channel: text('channel').notNull(),
  day: date('day').notNull(),
  plannedTime: text('planned_time'),
  state: text('state').notNull(),
  refusalCode: text('refusal_code'),
  refusalDetail: text('refusal_detail'),
  barNumber: text('bar_number'),
  staffOnDuty: text('staff_on_duty'),
  arrivedAt: ts('arrived_at'),
  leftAt: ts('left_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  createdBy: uuid('created_by').notNull(),
});

export const visitVisitor = pgTable(
  'visit_visitor',
  {
    visitId: uuid('visit_id').notNull(),
    visitorId: uuid('visitor_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.visitorId] })],
);

export const visitItem = pgTable('visit_item', {
  id: uuid('id').primaryKey(),
  visitId: uuid('visit_id').notNull(),
  kind: text('kind').notNull(),
  description: text('description').notNull(),
  outcome: text('outcome').notNull(),
  refusalReason: text('refusal_reason'),
  checkedBy: uuid('checked_by').notNull(),
  checkedAt: ts('checked_at').notNull(),
});

export const familyContact = pgTable('family_contact', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  personId: uuid('person_id').notNull(),
  admissionId: uuid('admission_id').notNull(),
  kind: text('kind').notNull(),
  occurredAt: ts('occurred_at').notNull(),
  withWhom: text('with_whom').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  createdBy: uuid('created_by').notNull(),
});

export const tracingRequest = pgTable('tracing_request', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  personId: uuid('person_id').notNull(),
  admissionId: uuid('admission_id').notNull(),
  partner: text('partner').notNull(),
  sought: text('sought').notNull(),
  state: text('state').notNull(),
  outcome: text('outcome'),
  requestedOn: date('requested_on').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  createdAt: ts('created_at').notNull().defaultNow(),
  createdBy: uuid('created_by').notNull(),
});
