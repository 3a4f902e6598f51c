/**
 * The file history's tables: every change (change_log) and every reading of restricted data
 * (access_audit). They belong to no module: src/core/history.ts writes and reads them for all.
 */
import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const changeLog = pgTable('change_log', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id'),
  entity: text('entity').notNull(),
  entityId: uuid('entity_id').notNull(),
  personId: uuid('person_id'),
  action: text('action').notNull(),
  actorId: uuid('actor_id'),
  at: ts('at').notNull().defaultNow(),
  reason: text('reason'),
  before: jsonb('before'),
  after: jsonb('after'),
  address: text('address'),
  sessionId: uuid('session_id'),
  tokenId: uuid('token_id'),
  /** Restricted parts of the change, by category (core/confidentiality.ts); read only through readChanges. */
  restricted: jsonb('restricted'),
});

export const accessAudit = pgTable('access_audit', {
  id: uuid('id').primaryKey(),
  actorId: uuid('actor_id'),
  at: ts('at').notNull().defaultNow(),
  prisonId: uuid('prison_id'),
  category: text('category').notNull(),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: uuid('entity_id'),
  personId: uuid('person_id'),
  detail: jsonb('detail'),
  address: text('address'),
  sessionId: uuid('session_id'),
  tokenId: uuid('token_id'),
});
