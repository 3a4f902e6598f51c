/** Cross-prison openings of a person's data (migration 20261201_1500_confidentiality.sql). */
import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const fileOpening = pgTable('file_opening', {
  id: uuid('id').primaryKey(),
  personId: uuid('person_id').notNull(),
  fromPrisonId: uuid('from_prison_id').notNull(),
  toPrisonId: uuid('to_prison_id').notNull(),
  kind: text('kind').$type<'readmission' | 'decision'>().notNull(),
  categories: text('categories').array().notNull(),
  admissionId: uuid('admission_id'),
  reason: text('reason'),
  decidedBy: uuid('decided_by').notNull(),
  decidedAt: ts('decided_at').notNull().defaultNow(),
  revokedAt: ts('revoked_at'),
  revokedBy: uuid('revoked_by'),
  revokeReason: text('revoke_reason'),
});
