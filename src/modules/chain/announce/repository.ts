/** Queries on the announced arrivals' own tables (force units, their members, announcements, documents). */
import { and, asc, desc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/index.js';
import { chainAnnouncement, chainDocument, forceUnit, forceUnitMember } from './schema.js';

export type UnitRow = typeof forceUnit.$inferSelect;
export type AnnouncementRow = typeof chainAnnouncement.$inferSelect;
export type DocumentRow = typeof chainDocument.$inferSelect;

export async function units(tx: Tx): Promise<UnitRow[]> {
  return tx.select().from(forceUnit).orderBy(asc(forceUnit.authority), asc(forceUnit.code));
}
export async function findUnit(tx: Tx, idOrCode: string): Promise<UnitRow | undefined> {
  const isUuid = /^[0-9a-f-]{36}$/i.test(idOrCode);
  const [u] = await tx
    .select()
    .from(forceUnit)
    .where(isUuid ? eq(forceUnit.id, idOrCode) : eq(forceUnit.code, idOrCode.toUpperCase()));
  return u;
}
export async function insertUnit(tx: Tx, row: typeof forceUnit.$inferInsert): Promise<void> {
  await tx.insert(forceUnit).values(row);
}
export async function addMember(tx: Tx, userId: string, unitId: string): Promise<void> {
  await tx.insert(forceUnitMember).values({ userId, unitId }).onConflictDoNothing();
}
export async function unitsOfUser(tx: Tx, userId: string): Promise<UnitRow[]> {
  const rows = await tx
    .select({ u: forceUnit })
    .from(forceUnitMember)
    .innerJoin(forceUnit, eq(forceUnit.id, forceUnitMember.unitId))
    .where(eq(forceUnitMember.userId, userId))
    .orderBy(asc(forceUnit.code));
  return rows.map((r) => r.u);
}

export async function insertAnnouncement(tx: Tx, row: typeof chainAnnouncement.$inferInsert): Promise<void> {
  await tx.insert(chainAnnouncement).values(row);
}
export async function findAnnouncement(tx: Tx, id: string, forUpdate = false): Promise<AnnouncementRow | undefined> {
  const q = tx.select().from(chainAnnouncement).where(eq(chainAnnouncement.id, id));
  const [a] = forUpdate ? await q.for('update') : await q;
  return a;
}
export async function markReceived(tx: Tx, id: string, receptionId: string, by: string): Promise<void> {
  await tx
    .update(chainAnnouncement)
    .set({ status: 'received', receptionId, receivedAt: new Date(), receivedBy: by })
    .where(eq(chainAnnouncement.id, id));
}

/** Announcements matching a filter (the caller's visibility rule), expected first then newest. */
export async function announcements(
  tx: Tx,
  f: {
    unitIds?: readonly string[];
    prisonIds?: readonly string[];
    jurisdictionIds?: readonly string[];
    terrorismToo?: boolean;
    status?: string;
  },
): Promise<AnnouncementRow[]> {
  const where: SQL[] = [];
  if (f.unitIds) {
    if (!f.unitIds.length) return [];
    where.push(inArray(chainAnnouncement.unitId, [...f.unitIds]));
  }
  if (f.prisonIds) {
    if (!f.prisonIds.length) return [];
    where.push(inArray(chainAnnouncement.prisonId, [...f.prisonIds]));
  }
  if (f.jurisdictionIds) {
    const js = [...f.jurisdictionIds];
    const mine = js.length ? inArray(chainAnnouncement.jurisdictionId, js) : sql`false`;
    where.push(f.terrorismToo ? sql`(${mine} OR ${chainAnnouncement.terrorismRelated})` : mine);
  }
  if (f.status) where.push(eq(chainAnnouncement.status, f.status));
  return tx
    .select()
    .from(chainAnnouncement)
    .where(and(...where))
    .orderBy(asc(chainAnnouncement.expectedOn), desc(chainAnnouncement.createdAt))
    .limit(1000);
}

/** The announcements linked to receptions (reception id → announcement). */
export async function byReceptions(tx: Tx, receptionIds: readonly string[]): Promise<Map<string, AnnouncementRow>> {
  if (!receptionIds.length) return new Map();
  const rows = await tx
    .select()
    .from(chainAnnouncement)
    .where(and(isNotNull(chainAnnouncement.receptionId), inArray(chainAnnouncement.receptionId, [...receptionIds])));
  return new Map(rows.map((r) => [r.receptionId!, r]));
}

export async function insertDocument(tx: Tx, row: typeof chainDocument.$inferInsert): Promise<void> {
  await tx.insert(chainDocument).values(row);
}
export async function findDocument(tx: Tx, id: string): Promise<DocumentRow | undefined> {
  const [d] = await tx.select().from(chainDocument).where(eq(chainDocument.id, id));
  return d;
}
export async function documentsOf(tx: Tx, announcementIds: readonly string[]): Promise<DocumentRow[]> {
  if (!announcementIds.length) return [];
  return tx
    .select()
    .from(chainDocument)
    .where(inArray(chainDocument.announcementId, [...announcementIds]))
    .orderBy(asc(chainDocument.createdAt));
}
