import { pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';

/** The one row GET /health rewrites to prove the database accepts writes (src/db/health.ts). */
export const pmisHeartbeat = pgTable('pmis_heartbeat', {
  id: smallint('id').primaryKey(),
  beatAt: timestamp('beat_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  beatBy: text('beat_by'),
});
