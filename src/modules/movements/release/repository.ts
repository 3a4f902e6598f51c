/** Queries of releases, escapes and deaths: the movements release tables, with the names they show. */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/index.js';
import { accountNames } from '../../access/index.js';
import { custodyIncident, movementNotice, release, releaseCounter, releaseSettings } from './schema.js';

export { custodyIncident, movementNotice, release, releaseSettings } from './schema.js';
export type ReleaseRow = typeof release.$inferSelect;
export type IncidentRow = typeof custodyIncident.$inferSelect;
export type NoticeRow = typeof movementNotice.$inferSelect;

export async function authorities(db: Tx): Promise<string[]> {
  const [r] = await db.select().from(releaseSettings).where(eq(releaseSettings.id, 'national'));
  return r?.authorities ?? [];
}

export async function putAuthorities(db: Tx, list: string[], userId: string): Promise<void> {
  await db
    .insert(releaseSettings)
    .values({ id: 'national', authorities: list, updatedBy: userId })
    .onConflictDoUpdate({
      target: releaseSettings.id,
      set: { authorities: list, updatedBy: userId, updatedAt: new Date() },
    });
}

/** The next certificate number of a prison's year (the row is locked until the transaction ends). */
export async function nextSeq(db: Tx, prisonId: string, year: number): Promise<number> {
  const r = await db
    .insert(releaseCounter)
    .values({ prisonId, year, seq: 1 })
    .onConflictDoUpdate({
      target: [releaseCounter.prisonId, releaseCounter.year],
      set: { seq: sql`${releaseCounter.seq} + 1` },
    })
    .returning({ seq: releaseCounter.seq });
  return r[0].seq;
}

export async function findRelease(db: Tx, id: string, forUpdate = false): Promise<ReleaseRow | undefined> {
  const q = db.select().from(release).where(eq(release.id, id));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

export async function openReleaseOf(db: Tx, admissionId: string): Promise<ReleaseRow | undefined> {
  const [r] = await db
    .select()
    .from(release)
    .where(and(eq(release.admissionId, admissionId), inArray(release.state, ['checked', 'confirmed'])));
  return r;
}

/** The releases in progress or done of some admissions (the release-due list shows where each stands). */
export async function releasesOf(db: Tx, admissionIds: readonly string[]): Promise<ReleaseRow[]> {
  if (!admissionIds.length) return [];
  return db
    .select()
    .from(release)
    .where(and(inArray(release.admissionId, [...admissionIds]), inArray(release.state, ['checked', 'confirmed'])));
}

/** The latest releases of a prison (done or in progress). */
export async function recentReleases(db: Tx, prisonId: string, limit = 20): Promise<ReleaseRow[]> {
  return db
    .select()
    .from(release)
    .where(and(eq(release.prisonId, prisonId), inArray(release.state, ['checked', 'confirmed', 'released'])))
    .orderBy(desc(release.checkedAt))
    .limit(limit);
}

export async function insertRelease(db: Tx, row: typeof release.$inferInsert): Promise<void> {
  await db.insert(release).values(row);
}

export async function updateRelease(db: Tx, id: string, set: Partial<typeof release.$inferInsert>): Promise<void> {
  await db.update(release).set(set).where(eq(release.id, id));
}

export async function findIncident(db: Tx, id: string, forUpdate = false): Promise<IncidentRow | undefined> {
  const q = db.select().from(custodyIncident).where(eq(custodyIncident.id, id));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

export async function incidentOfAdmission(db: Tx, admissionId: string): Promise<IncidentRow | undefined> {
  const [r] = await db.select().from(custodyIncident).where(eq(custodyIncident.admissionId, admissionId));
  return r;
}

export async function recentIncidents(db: Tx, prisonId: string, limit = 20): Promise<IncidentRow[]> {
  return db
    .select()
    .from(custodyIncident)
    .where(eq(custodyIncident.prisonId, prisonId))
    .orderBy(desc(custodyIncident.occurredAt))
    .limit(limit);
}

export async function insertIncident(db: Tx, row: typeof custodyIncident.$inferInsert): Promise<void> {
  await db.insert(custodyIncident).values(row);
}

export async function updateIncident(
  db: Tx,
  id: string,
  set: Partial<typeof custodyIncident.$inferInsert>,
): Promise<void> {
  await db.update(custodyIncident).set(set).where(eq(custodyIncident.id, id));
}

export async function insertNotice(db: Tx, row: typeof movementNotice.$inferInsert): Promise<void> {
  await db.insert(movementNotice).values(row);
}

export async function noticesOf(db: Tx, ref: { releaseId?: string; incidentId?: string }) {
  const r = await db.execute<{
    id: string;
    audience: string;
    recipient: string;
    channel: string;
    notified_at: Date | string;
    notes: string | null;
    recorded_by: string | null;
  }>(sql`
    SELECT n.id, n.audience, n.recipient, n.channel, n.notified_at, n.notes, n.recorded_by
    FROM movement_notice n
    WHERE ${ref.releaseId ? sql`n.release_id = ${ref.releaseId}` : sql`n.incident_id = ${ref.incidentId ?? null}`}
    ORDER BY n.notified_at, n.id`);
  // Who recorded each notice: the account's display name, from access's front door.
  const names = await userNames(
    db,
    r.rows.map((x) => x.recorded_by),
  );
  return r.rows.map((x) => ({
    ...x,
    notified_at: new Date(x.notified_at).toISOString(),
    recorded_by: x.recorded_by ? (names.get(x.recorded_by) ?? null) : null,
  }));
}

/** Staff display names by account id (access's front door). */
export async function userNames(db: Tx, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const names = await accountNames(
    db,
    ids.filter((x): x is string => !!x),
  );
  return new Map([...names].map(([id, u]) => [id, u.displayName]));
}
