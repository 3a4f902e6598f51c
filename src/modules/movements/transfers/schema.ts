/** Transfers between prisons: the tables (migrations/20261202_1000_movements_transfers.sql). */
import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Property } from './rules.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One vehicle with its escort; the transfer list is the transfers it carries. */
export const transferConvoy = pgTable('transfer_convoy', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  toPrisonId: uuid('to_prison_id').notNull(),
  escortForce: text('escort_force').notNull(),
  vehicle: text('vehicle').notNull(),
  officers: text('officers').notNull(),
  plannedDepartureAt: ts('planned_departure_at').notNull(),
  departedAt: ts('departed_at'),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const transfer = pgTable('transfer', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  toPrisonId: uuid('to_prison_id').notNull(),
  personId: uuid('person_id').notNull(),
  fromAdmissionId: uuid('from_admission_id').notNull(),
  toAdmissionId: uuid('to_admission_id'),
  reason: text('reason').notNull(),
  note: text('note'),
  state: text('state').notNull(),
  requestedBy: uuid('requested_by').notNull(),
  requestedAt: ts('requested_at').notNull(),
  sendingDecision: text('sending_decision'),
  sendingBy: uuid('sending_by'),
  sendingAt: ts('sending_at'),
  sendingReason: text('sending_reason'),
  receivingDecision: text('receiving_decision'),
  receivingBy: uuid('receiving_by'),
  receivingAt: ts('receiving_at'),
  receivingReason: text('receiving_reason'),
  nationalDecision: text('national_decision'),
  nationalBy: uuid('national_by'),
  nationalAt: ts('national_at'),
  nationalReason: text('national_reason'),
  convoyId: uuid('convoy_id'),
  departedAt: ts('departed_at'),
  property: jsonb('property').$type<Property>(),
  propertyOutBy: uuid('property_out_by'),
  propertyOutAt: ts('property_out_at'),
  propertyInBy: uuid('property_in_by'),
  propertyInAt: ts('property_in_at'),
  propertyDiscrepancies: text('property_discrepancies'),
  arrivedAt: ts('arrived_at'),
  receivedBy: uuid('received_by'),
  securityCheck: boolean('security_check'),
  medicalCheck: boolean('medical_check'),
  registryCheck: boolean('registry_check'),
  arrivalNote: text('arrival_note'),
  cancelledAt: ts('cancelled_at'),
  cancelledBy: uuid('cancelled_by'),
  cancelReason: text('cancel_reason'),
  rowVersion: integer('row_version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** The family told of the transfer (Rule 68): who, how, when, by whom — or why not. */
export const transferNotice = pgTable('transfer_notice', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  transferId: uuid('transfer_id').notNull(),
  personId: uuid('person_id').notNull(),
  notified: boolean('notified').notNull(),
  relative: text('relative'),
  method: text('method'),
  notifiedAt: ts('notified_at'),
  reasonNot: text('reason_not'),
  recordedBy: uuid('recorded_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
