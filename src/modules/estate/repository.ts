import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/index.js';
import { cell, prison, prisonCapacity, prisonStatus, unit } from './schema.js';

export type PrisonRow = typeof prison.$inferSelect;
export type UnitRow = typeof unit.$inferSelect;
export type CellRow = typeof cell.$inferSelect;

export async function findPrisons(db: Tx, ids?: readonly string[]): Promise<PrisonRow[]> {
  if (ids && ids.length === 0) return [];
  return db
    .select()
    .from(prison)
    .where(ids ? inArray(prison.id, [...ids]) : undefined)
    .orderBy(asc(prison.code));
}

export async function findPrison(db: Tx, idOrCode: string): Promise<PrisonRow | undefined> {
  const isUuid = /^[0-9a-f-]{36}$/i.test(idOrCode);
  const [p] = await db
    .select()
    .from(prison)
    .where(isUuid ? eq(prison.id, idOrCode) : eq(prison.code, idOrCode.toUpperCase()));
  return p;
}

/** The prisons with these codes (unknown codes are simply absent). */
export async function findPrisonsByCode(db: Tx, codes: readonly string[]): Promise<PrisonRow[]> {
  if (!codes.length) return [];
  return db
    .select()
    .from(prison)
    .where(inArray(prison.code, [...codes]))
    .orderBy(asc(prison.code));
}

export async function findUnits(db: Tx, prisonIds: readonly string[]): Promise<UnitRow[]> {
  if (!prisonIds.length) return [];
  return db
    .select()
    .from(unit)
    .where(inArray(unit.prisonId, [...prisonIds]))
    .orderBy(asc(unit.code));
}

export async function findCells(db: Tx, prisonIds: readonly string[]): Promise<CellRow[]> {
  if (!prisonIds.length) return [];
  return db
    .select()
    .from(cell)
    .where(inArray(cell.prisonId, [...prisonIds]))
    .orderBy(asc(cell.code));
}

export async function findUnit(db: Tx, id: string): Promise<UnitRow | undefined> {
  const [u] = await db.select().from(unit).where(eq(unit.id, id));
  return u;
}

export async function findCell(db: Tx, id: string): Promise<CellRow | undefined> {
  const [c] = await db.select().from(cell).where(eq(cell.id, id));
  return c;
}

/** Some cells by id (unknown ids are simply absent). */
export async function findCellsById(db: Tx, ids: readonly string[]): Promise<CellRow[]> {
  if (!ids.length) return [];
  return db
    .select()
    .from(cell)
    .where(inArray(cell.id, [...new Set(ids)]));
}

/** The cell row, locked until the end of the transaction: placements into one cell are serialised. */
export async function lockCell(db: Tx, id: string): Promise<CellRow | undefined> {
  const [c] = await db.select().from(cell).where(eq(cell.id, id)).for('update');
  return c;
}

/**
 * Many cells locked at once, in id order (the order every batch locks them in, so that two batches
 * never wait on each other in a cycle): the set-based form of `lockCell` (the register import).
 */
export async function lockCells(db: Tx, ids: readonly string[]): Promise<CellRow[]> {
  if (!ids.length) return [];
  return db
    .select()
    .from(cell)
    .where(inArray(cell.id, [...ids]))
    .orderBy(asc(cell.id))
    .for('update');
}

/** People held in each prison at instant `at` (admitted before, not yet ended). */
export async function populationByPrison(
  db: Tx,
  at: Date,
  prisonIds?: readonly string[],
): Promise<Map<string, number>> {
  const rows = await db.execute<{ prison_id: string; n: number }>(sql`
    SELECT prison_id, count(*)::int AS n FROM admission
    WHERE admitted_at < ${at} AND (ended_at IS NULL OR ended_at >= ${at})
    ${prisonIds ? sql`AND prison_id = ANY(${sql.param([...prisonIds])}::uuid[])` : sql``}
    GROUP BY prison_id`);
  return new Map(rows.rows.map((r) => [r.prison_id, r.n]));
}

/** People in each cell at instant `at`, from the placement history. */
export async function populationByCell(db: Tx, at: Date, prisonIds?: readonly string[]): Promise<Map<string, number>> {
  const rows = await db.execute<{ cell_id: string; n: number }>(sql`
    SELECT cell_id, count(*)::int AS n FROM placement
    WHERE cell_id IS NOT NULL AND from_at < ${at} AND (to_at IS NULL OR to_at >= ${at})
    ${prisonIds ? sql`AND prison_id = ANY(${sql.param([...prisonIds])}::uuid[])` : sql``}
    GROUP BY cell_id`);
  return new Map(rows.rows.map((r) => [r.cell_id, r.n]));
}

export async function findCellWithPopulation(
  db: Tx,
  id: string,
): Promise<{ cell: CellRow; population: number } | undefined> {
  const [r] = await db
    .select({
      cell,
      population: sql<number>`(SELECT count(*)::int FROM placement p WHERE p.cell_id = ${id} AND p.to_at IS NULL)`,
    })
    .from(cell)
    .where(eq(cell.id, id));
  return r;
}

export async function insertPrison(db: Tx, row: typeof prison.$inferInsert): Promise<void> {
  await db.insert(prison).values(row);
}
export async function updatePrisonRow(db: Tx, id: string, patch: Partial<typeof prison.$inferInsert>): Promise<void> {
  await db.update(prison).set(patch).where(eq(prison.id, id));
}
export async function insertUnit(db: Tx, row: typeof unit.$inferInsert): Promise<void> {
  await db.insert(unit).values(row);
}
export async function insertCell(db: Tx, row: typeof cell.$inferInsert): Promise<void> {
  await db.insert(cell).values(row);
}
export async function unitCodeTaken(db: Tx, prisonId: string, code: string): Promise<boolean> {
  const r = await db
    .select({ id: unit.id })
    .from(unit)
    .where(and(eq(unit.prisonId, prisonId), eq(unit.code, code)));
  return r.length > 0;
}
export async function cellCodeTaken(db: Tx, prisonId: string, code: string): Promise<boolean> {
  const r = await db
    .select({ id: cell.id })
    .from(cell)
    .where(and(eq(cell.prisonId, prisonId), eq(cell.code, code)));
  return r.length > 0;
}

export type CapacityRow = typeof prisonCapacity.$inferSelect;
export type StatusRow = typeof prisonStatus.$inferSelect;

/** The dated official capacities of some prisons (all when undefined). */
export async function findCapacityHistory(db: Tx, prisonIds?: readonly string[]): Promise<CapacityRow[]> {
  if (prisonIds && !prisonIds.length) return [];
  return db
    .select()
    .from(prisonCapacity)
    .where(prisonIds ? inArray(prisonCapacity.prisonId, [...prisonIds]) : undefined)
    .orderBy(asc(prisonCapacity.effectiveFrom), asc(prisonCapacity.recordedAt));
}

/** The dated statuses of some prisons (all when undefined). */
export async function findStatusHistory(db: Tx, prisonIds?: readonly string[]): Promise<StatusRow[]> {
  if (prisonIds && !prisonIds.length) return [];
  return db
    .select()
    .from(prisonStatus)
    .where(prisonIds ? inArray(prisonStatus.prisonId, [...prisonIds]) : undefined)
    .orderBy(asc(prisonStatus.effectiveFrom), asc(prisonStatus.recordedAt));
}

export async function insertCapacity(db: Tx, row: typeof prisonCapacity.$inferInsert): Promise<void> {
  await db.insert(prisonCapacity).values(row);
}

export async function insertStatus(db: Tx, row: typeof prisonStatus.$inferInsert): Promise<void> {
  await db.insert(prisonStatus).values(row);
}
