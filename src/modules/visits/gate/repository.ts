/** Queries on the visits tables only (other modules' data comes through their front doors). */
import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/index.js';
import {
  familyContact,
  tracingRequest,
  visit,
  visitItem,
  visitor,
  visitorBan,
  visitorRelationship,
  visitRestriction,
  visitRule,
  visitVisitor,
} from './schema.js';

export type VisitorRow = typeof visitor.$inferSelect;
export type BanRow = typeof visitorBan.$inferSelect;
export type RuleRow = typeof visitRule.$inferSelect;
export type RestrictionRow = typeof visitRestriction.$inferSelect;
export type VisitRow = typeof visit.$inferSelect;
export type ItemRow = typeof visitItem.$inferSelect;
export type ContactRow = typeof familyContact.$inferSelect;
export type TracingRow = typeof tracingRequest.$inferSelect;

const ids = (xs: readonly string[]) => [...new Set(xs)];

// ---------------------------------------------------------------------------------------------- visitors

export async function insertVisitor(db: Tx, row: typeof visitor.$inferInsert): Promise<void> {
  await db.insert(visitor).values(row);
}
export async function findVisitor(db: Tx, id: string): Promise<VisitorRow | undefined> {
  const [r] = await db.select().from(visitor).where(eq(visitor.id, id));
  return r;
}
export async function findVisitors(db: Tx, visitorIds: readonly string[]): Promise<VisitorRow[]> {
  if (!visitorIds.length) return [];
  return db
    .select()
    .from(visitor)
    .where(inArray(visitor.id, ids(visitorIds)));
}
/** Visitors sharing a blocking key with the name asked for, or whose document number is the text asked for. */
export async function searchVisitors(db: Tx, keys: readonly string[], text: string, limit = 30): Promise<VisitorRow[]> {
  const list = sql.join(
    keys.map((k) => sql`${k}`),
    sql`, `,
  );
  const byKey = keys.length ? sql`${visitor.nameKeys} && ARRAY[${list}]::text[]` : sql`false`;
  return db
    .select()
    .from(visitor)
    .where(or(byKey, eq(visitor.idDocNumber, text), eq(visitor.barNumber, text)))
    .orderBy(asc(visitor.familyName), asc(visitor.givenNames))
    .limit(limit);
}

export async function relationshipsOfVisitors(db: Tx, visitorIds: readonly string[]) {
  if (!visitorIds.length) return [];
  return db
    .select()
    .from(visitorRelationship)
    .where(inArray(visitorRelationship.visitorId, ids(visitorIds)));
}
export async function relationshipsOfPerson(db: Tx, personId: string) {
  return db.select().from(visitorRelationship).where(eq(visitorRelationship.personId, personId));
}
/** Records the relationship once; an existing one is left as it is. Returns whether a row was added. */
export async function addRelationship(db: Tx, row: typeof visitorRelationship.$inferInsert): Promise<boolean> {
  const r = await db
    .insert(visitorRelationship)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: visitorRelationship.id });
  return r.length > 0;
}

export async function insertBan(db: Tx, row: typeof visitorBan.$inferInsert): Promise<void> {
  await db.insert(visitorBan).values(row);
}
export async function findBan(db: Tx, id: string): Promise<BanRow | undefined> {
  const [r] = await db.select().from(visitorBan).where(eq(visitorBan.id, id)).for('update');
  return r;
}
export async function liftBan(db: Tx, id: string, by: string, reason: string): Promise<void> {
  await db
    .update(visitorBan)
    .set({ liftedAt: new Date(), liftedBy: by, liftReason: reason })
    .where(eq(visitorBan.id, id));
}
export async function bansOf(db: Tx, visitorIds: readonly string[]): Promise<BanRow[]> {
  if (!visitorIds.length) return [];
  return db
    .select()
    .from(visitorBan)
    .where(inArray(visitorBan.visitorId, ids(visitorIds)))
    .orderBy(desc(visitorBan.decidedAt));
}

// ---------------------------------------------------------------------------------------------- rules

export async function rulesOf(db: Tx, prisonId: string): Promise<RuleRow[]> {
  return db
    .select()
    .from(visitRule)
    .where(and(eq(visitRule.prisonId, prisonId), isNull(visitRule.endedAt)))
    .orderBy(asc(visitRule.weekday), asc(visitRule.starts));
}
export async function endRules(db: Tx, prisonId: string, by: string): Promise<void> {
  await db
    .update(visitRule)
    .set({ endedAt: new Date(), endedBy: by })
    .where(and(eq(visitRule.prisonId, prisonId), isNull(visitRule.endedAt)));
}
export async function insertRules(db: Tx, rows: (typeof visitRule.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(visitRule).values(rows);
}
/** Serialises the changes of one prison's rules (and the visits checked against them). */
export async function lockPrisonVisits(db: Tx, prisonId: string): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext('visits:' || ${prisonId}))`);
}

// ---------------------------------------------------------------------------------------------- restrictions

export async function insertRestriction(db: Tx, row: typeof visitRestriction.$inferInsert): Promise<void> {
  await db.insert(visitRestriction).values(row);
}
export async function restrictionsOf(db: Tx, personId: string): Promise<RestrictionRow[]> {
  return db
    .select()
    .from(visitRestriction)
    .where(eq(visitRestriction.personId, personId))
    .orderBy(desc(visitRestriction.decidedAt));
}

// ---------------------------------------------------------------------------------------------- visits

export async function insertVisit(
  db: Tx,
  row: typeof visit.$inferInsert,
  visitorIds: readonly string[],
): Promise<void> {
  await db.insert(visit).values(row);
  await db.insert(visitVisitor).values(visitorIds.map((v) => ({ visitId: row.id, visitorId: v })));
}
export async function findVisit(db: Tx, id: string, forUpdate = false): Promise<VisitRow | undefined> {
  const q = db.select().from(visit).where(eq(visit.id, id));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}
export async function updateVisit(db: Tx, id: string, set: Partial<typeof visit.$inferInsert>): Promise<void> {
  await db.update(visit).set(set).where(eq(visit.id, id));
}
export async function visitsOfDay(db: Tx, prisonId: string, day: string): Promise<VisitRow[]> {
  return db
    .select()
    .from(visit)
    .where(and(eq(visit.prisonId, prisonId), eq(visit.day, day)))
    .orderBy(asc(visit.plannedTime), asc(visit.createdAt));
}
/** A person's visits with day in [from, to). */
export async function visitsOfPerson(db: Tx, personId: string, from: string, to: string): Promise<VisitRow[]> {
  return db
    .select()
    .from(visit)
    .where(and(eq(visit.personId, personId), gte(visit.day, from), lt(visit.day, to)))
    .orderBy(desc(visit.day), desc(visit.createdAt));
}
export async function visitorsOfVisits(db: Tx, visitIds: readonly string[]) {
  if (!visitIds.length) return [];
  return db
    .select({ visitId: visitVisitor.visitId, v: visitor })
    .from(visitVisitor)
    .innerJoin(visitor, eq(visitor.id, visitVisitor.visitorId))
    .where(inArray(visitVisitor.visitId, ids(visitIds)));
}
export async function itemsOfVisits(db: Tx, visitIds: readonly string[]): Promise<ItemRow[]> {
  if (!visitIds.length) return [];
  return db
    .select()
    .from(visitItem)
    .where(inArray(visitItem.visitId, ids(visitIds)))
    .orderBy(asc(visitItem.checkedAt));
}
export async function insertItem(db: Tx, row: typeof visitItem.$inferInsert): Promise<void> {
  await db.insert(visitItem).values(row);
}
/** Visitors in the same prison on the same day whose visit is booked or under way (the room's count). */
export async function visitorsInRoom(db: Tx, prisonId: string, day: string): Promise<number> {
  const r = await db.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM visit_visitor vv JOIN visit v ON v.id = vv.visit_id
    WHERE v.prison_id = ${prisonId} AND v.day = ${day} AND v.kind = 'family' AND v.state IN ('booked', 'in_progress')`);
  return r.rows[0]?.n ?? 0;
}

// ---------------------------------------------------------------------------------------------- family contact

export async function insertContact(db: Tx, row: typeof familyContact.$inferInsert): Promise<void> {
  await db.insert(familyContact).values(row);
}
export async function contactsOfPerson(db: Tx, personId: string, since: Date): Promise<ContactRow[]> {
  return db
    .select()
    .from(familyContact)
    .where(and(eq(familyContact.personId, personId), gte(familyContact.occurredAt, since)))
    .orderBy(desc(familyContact.occurredAt));
}
/** Per person, the last family contact: a family visit that took place, a call, a letter. */
export async function lastContacts(db: Tx, personIds: readonly string[]): Promise<Map<string, Date>> {
  if (!personIds.length) return new Map();
  const list = sql.join(
    ids(personIds).map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const r = await db.execute<{ person_id: string; last: string | Date }>(sql`
    SELECT person_id, max(at) AS last FROM (
      SELECT person_id, arrived_at AS at FROM visit
       WHERE kind = 'family' AND arrived_at IS NOT NULL AND person_id IN (${list})
      UNION ALL
      SELECT person_id, occurred_at FROM family_contact WHERE person_id IN (${list})
    ) x GROUP BY person_id`);
  return new Map(r.rows.map((x) => [x.person_id, new Date(x.last)]));
}

export async function insertTracing(db: Tx, row: typeof tracingRequest.$inferInsert): Promise<void> {
  await db.insert(tracingRequest).values(row);
}
export async function findTracing(db: Tx, id: string): Promise<TracingRow | undefined> {
  const [r] = await db.select().from(tracingRequest).where(eq(tracingRequest.id, id)).for('update');
  return r;
}
export async function updateTracing(
  db: Tx,
  id: string,
  set: Partial<typeof tracingRequest.$inferInsert>,
): Promise<void> {
  await db.update(tracingRequest).set(set).where(eq(tracingRequest.id, id));
}
export async function tracingOf(db: Tx, personIds: readonly string[]): Promise<TracingRow[]> {
  if (!personIds.length) return [];
  return db
    .select()
    .from(tracingRequest)
    .where(inArray(tracingRequest.personId, ids(personIds)))
    .orderBy(desc(tracingRequest.createdAt));
}
