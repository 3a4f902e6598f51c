/** Counts the pages need that no service offers yet. Callers authorise first. */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/index.js';

/** Admissions to a prison at or after `since` (the start of the Bamako day). */
export async function arrivalsSince(db: Tx, prisonId: string, since: Date): Promise<number> {
  const r = await db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM admission WHERE prison_id = ${prisonId} AND admitted_at >= ${since}`,
  );
  return r.rows[0].n;
}
