/** Queries on the escort and count tables only (other modules' data comes through their front doors). */
import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/index.js';
import { accountNames } from '../../access/index.js';
import { countEntry, countRound, countSlotSetting, escort } from './schema.js';

export type EscortRow = typeof escort.$inferSelect;
export type RoundRow = typeof countRound.$inferSelect;
export type EntryRow = typeof countEntry.$inferSelect;

export async function insertEscort(db: Tx, row: typeof escort.$inferInsert): Promise<void> {
  await db.insert(escort).values(row);
}

export async function findEscort(db: Tx, id: string, forUpdate = false): Promise<EscortRow | undefined> {
  const q = db.select().from(escort).where(eq(escort.id, id));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

export async function openEscortOf(db: Tx, admissionId: string): Promise<EscortRow | undefined> {
  const [r] = await db
    .select()
    .from(escort)
    .where(and(eq(escort.admissionId, admissionId), isNull(escort.backAt)));
  return r;
}

export async function markBack(db: Tx, id: string, backAt: Date, by: string): Promise<void> {
  await db.update(escort).set({ backAt, backRecordedBy: by }).where(eq(escort.id, id));
}

/** A prison's escorts that touch [from, to): left in it, came back in it, or still out at its start. */
export async function escortsBetween(db: Tx, prisonIds: readonly string[], from: Date, to: Date): Promise<EscortRow[]> {
  if (!prisonIds.length) return [];
  return db
    .select()
    .from(escort)
    .where(
      and(
        inArray(escort.prisonId, [...prisonIds]),
        lt(escort.outAt, to),
        or(isNull(escort.backAt), gte(escort.backAt, from)),
      ),
    )
    .orderBy(asc(escort.outAt));
}

/** The escorts of these admissions out at an instant. */
export async function outAt(db: Tx, prisonId: string, at: Date): Promise<EscortRow[]> {
  return db
    .select()
    .from(escort)
    .where(
      and(
        eq(escort.prisonId, prisonId),
        sql`${escort.outAt} <= ${at}`,
        or(isNull(escort.backAt), sql`${escort.backAt} > ${at}`),
      ),
    );
}

export async function escortsOfHearings(db: Tx, hearingIds: readonly string[]): Promise<EscortRow[]> {
  if (!hearingIds.length) return [];
  return db
    .select()
    .from(escort)
    .where(inArray(escort.hearingId, [...hearingIds]));
}

// ----------------------------------------------------------------------------------------------

export async function slotSetting(db: Tx, prisonId: string): Promise<string[] | null> {
  const [r] = await db.select().from(countSlotSetting).where(eq(countSlotSetting.prisonId, prisonId));
  return r?.slots ?? null;
}

export async function putSlotSetting(db: Tx, prisonId: string, slots: string[], by: string): Promise<void> {
  await db
    .insert(countSlotSetting)
    .values({ prisonId, slots, updatedBy: by })
    .onConflictDoUpdate({
      target: countSlotSetting.prisonId,
      set: { slots, updatedBy: by, updatedAt: new Date() },
    });
}

export async function insertRound(db: Tx, row: typeof countRound.$inferInsert): Promise<void> {
  await db.insert(countRound).values(row);
}

export async function findRound(db: Tx, id: string, forUpdate = false): Promise<RoundRow | undefined> {
  const q = db.select().from(countRound).where(eq(countRound.id, id));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

export async function findRoundOf(db: Tx, unitId: string, day: string, slot: string): Promise<RoundRow | undefined> {
  const [r] = await db
    .select()
    .from(countRound)
    .where(and(eq(countRound.unitId, unitId), eq(countRound.day, day), eq(countRound.slot, slot)));
  return r;
}

export async function roundsOfDay(db: Tx, prisonIds: readonly string[], day: string): Promise<RoundRow[]> {
  if (!prisonIds.length) return [];
  return db
    .select()
    .from(countRound)
    .where(and(inArray(countRound.prisonId, [...prisonIds]), eq(countRound.day, day)))
    .orderBy(asc(countRound.startedAt));
}

export async function validateRound(
  db: Tx,
  id: string,
  patch: { validatedAt: Date; validatedBy: string; validationNote: string | null },
): Promise<void> {
  await db
    .update(countRound)
    .set({ ...patch, state: 'validated' })
    .where(eq(countRound.id, id));
}

export async function insertEntries(db: Tx, rows: (typeof countEntry.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(countEntry).values(rows);
}

export async function entriesOf(db: Tx, roundIds: readonly string[]): Promise<EntryRow[]> {
  if (!roundIds.length) return [];
  return db
    .select()
    .from(countEntry)
    .where(inArray(countEntry.roundId, [...roundIds]))
    .orderBy(asc(countEntry.attempt), desc(countEntry.enteredAt));
}

/** The display names of accounts (who began, who closed a count), as complaints read them. */
export async function findUsersNames(db: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  const names = await accountNames(db, ids);
  return new Map([...names].map(([id, u]) => [id, u.displayName]));
}
