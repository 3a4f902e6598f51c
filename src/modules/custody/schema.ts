import { boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LegalStatus } from './rules.js';

/** A sentence as written in a judgment: term, life, death, suspended part, fine (CFA francs). */
export interface DocumentSentence {
  years?: number;
  months?: number;
  days?: number;
  life?: boolean;
  death?: boolean;
  suspended?: { years?: number; months?: number; days?: number };
  fine?: number;
}

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const committalCounter = pgTable(
  'committal_counter',
  {
    prisonId: uuid('prison_id').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.prisonId, t.year] })],
);

export const admission = pgTable('admission', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  personId: uuid('person_id').notNull(),
  committalNumber: text('committal_number').notNull(),
  admittedAt: ts('admitted_at').notNull(),
  arrestingAuthority: text('arresting_authority').notNull(),
  arrestingUnit: text('arresting_unit'),
  arrestedAt: ts('arrested_at'),
  arrestPlace: text('arrest_place'),
  legalStatus: text('legal_status').$type<LegalStatus>().notNull(),
  endedAt: ts('ended_at'),
  endReason: text('end_reason'),
  endDetail: text('end_detail'),
  transferToPrisonId: uuid('transfer_to_prison_id'),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const legalDocument = pgTable('legal_document', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  admissionId: uuid('admission_id').notNull(),
  kind: text('kind').notNull(),
  authority: text('authority').notNull(),
  reference: text('reference').notNull(),
  issuedOn: date('issued_on').notNull(),
  receivedAt: ts('received_at').notNull().defaultNow(),
  attachmentId: uuid('attachment_id'),
  notes: text('notes'),
  onArrival: boolean('on_arrival').notNull().default(false),
  /** A conviction recorded at admission: its sentence (the justice module's Sentence shape) and case number. */
  sentence: jsonb('sentence').$type<DocumentSentence>(),
  sentenceStart: date('sentence_start'),
  caseRef: text('case_ref'),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const charge = pgTable('charge', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  admissionId: uuid('admission_id').notNull(),
  legalDocumentId: uuid('legal_document_id').notNull(),
  qualification: text('qualification').notNull(),
  legalReference: text('legal_reference'),
  category: text('category').notNull(),
  terrorismRelated: boolean('terrorism_related').notNull().default(false),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const placement = pgTable('placement', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  admissionId: uuid('admission_id').notNull(),
  unitId: uuid('unit_id'),
  cellId: uuid('cell_id'),
  fromAt: ts('from_at').notNull(),
  toAt: ts('to_at'),
  reason: text('reason'),
  overCapacityReason: text('over_capacity_reason'),
  /** Which way in put the person there: admission, reception, move, allocation, import, transfer. */
  via: text('via'),
  /** The allocation rules waived for this placement (by a director, or capacity under a delegation). */
  overridden: text('overridden').array().notNull().default([]),
  overrideReason: text('override_reason'),
  overrideBy: uuid('override_by'),
  capacityDelegationId: uuid('capacity_delegation_id'),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
