/** The attachments module's table: files received (scans, photos), stored outside the database by their hash. */
import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const attachment = pgTable('attachment', {
  id: uuid('id').primaryKey(),
  prisonId: uuid('prison_id').notNull(),
  personId: uuid('person_id'),
  receptionId: uuid('reception_id'),
  kind: text('kind').notNull(),
  filename: text('filename').notNull(),
  contentType: text('content_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  storageKey: text('storage_key').notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
