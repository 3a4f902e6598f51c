/** Queries of the transfers: its own tables; the names it shows (people, prisons, admissions, users) from their owners' front doors. */
import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { Tx } from '../../../db/index.js';
import { accountNames } from '../../access/index.js';
import { findAdmissions } from '../../custody/index.js';
import { findPrisons } from '../../estate/index.js';
import { peopleNames } from '../../people/index.js';
import { ACTIVE_STATES, type TransferState } from './rules.js';
import { transfer, transferConvoy, transferNotice } from './schema.js';

export type TransferRow = typeof transfer.$inferSelect;
export type ConvoyRow = typeof transferConvoy.$inferSelect;
export type NoticeRow = typeof transferNotice.$inferSelect;

export async function find(db: Tx, id: string, forUpdate = false): Promise<TransferRow | undefined> {
  const q = db.select().from(transfer).where(eq(transfer.id, id));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

export async function insert(db: Tx, row: typeof transfer.$inferInsert): Promise<void> {
  await db.insert(transfer).values(row);
}

export async function update(db: Tx, id: string, set: Partial<TransferRow>, version: number): Promise<void> {
  await db
    .update(transfer)
    .set({ ...set, rowVersion: version + 1 })
    .where(eq(transfer.id, id));
}

/** A transfer of this person still under way (requested, escalated, approved, in transit). */
export async function activeOf(db: Tx, personId: string): Promise<TransferRow | undefined> {
  const [r] = await db
    .select()
    .from(transfer)
    .where(and(eq(transfer.personId, personId), inArray(transfer.state, [...ACTIVE_STATES])));
  return r;
}

/** Transfers leaving or coming to these prisons (all when undefined), newest first. */
export async function list(
  db: Tx,
  prisonIds: readonly string[] | undefined,
  states?: readonly TransferState[],
): Promise<TransferRow[]> {
  const where = and(
    prisonIds
      ? or(inArray(transfer.prisonId, [...prisonIds]), inArray(transfer.toPrisonId, [...prisonIds]))
      : undefined,
    states ? inArray(transfer.state, [...states]) : undefined,
  );
  return db.select().from(transfer).where(where).orderBy(desc(transfer.requestedAt)).limit(500);
}

export async function ofConvoy(db: Tx, convoyId: string, forUpdate = false): Promise<TransferRow[]> {
  const q = db.select().from(transfer).where(eq(transfer.convoyId, convoyId)).orderBy(asc(transfer.requestedAt));
  return forUpdate ? q.for('update') : q;
}

export async function ofPerson(db: Tx, personId: string): Promise<TransferRow[]> {
  return db.select().from(transfer).where(eq(transfer.personId, personId)).orderBy(desc(transfer.requestedAt));
}

export async function findConvoy(db: Tx, id: string, forUpdate = false): Promise<ConvoyRow | undefined> {
  const q = db.select().from(transferConvoy).where(eq(transferConvoy.id, id));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

export async function findConvoys(db: Tx, ids: readonly string[]): Promise<ConvoyRow[]> {
  if (!ids.length) return [];
  return db
    .select()
    .from(transferConvoy)
    .where(inArray(transferConvoy.id, [...ids]));
}

export async function insertConvoy(db: Tx, row: typeof transferConvoy.$inferInsert): Promise<void> {
  await db.insert(transferConvoy).values(row);
}

export async function setConvoyDeparted(db: Tx, id: string, at: Date): Promise<void> {
  await db.update(transferConvoy).set({ departedAt: at }).where(eq(transferConvoy.id, id));
}

export async function convoyMembers(db: Tx, convoyIds: readonly string[]): Promise<{ id: string; convoyId: string }[]> {
  if (!convoyIds.length) return [];
  const rows = await db
    .select({ id: transfer.id, convoyId: transfer.convoyId })
    .from(transfer)
    .where(inArray(transfer.convoyId, [...convoyIds]));
  return rows.map((r) => ({ id: r.id, convoyId: r.convoyId! }));
}

export async function insertNotice(db: Tx, row: typeof transferNotice.$inferInsert): Promise<void> {
  await db.insert(transferNotice).values(row);
}

export async function noticesOf(db: Tx, transferIds: readonly string[]): Promise<NoticeRow[]> {
  if (!transferIds.length) return [];
  return db
    .select()
    .from(transferNotice)
    .where(inArray(transferNotice.transferId, [...transferIds]))
    .orderBy(asc(transferNotice.createdAt));
}

/**
 * The names a transfer shows: people, prisons, admissions (committal numbers) and users, by id —
 * each asked of the module that owns it, through its front door.
 */
export async function names(
  db: Tx,
  ids: { people: string[]; prisons: string[]; admissions: string[]; users: string[] },
): Promise<{
  people: Map<string, { family_name: string; given_names: string }>;
  prisons: Map<string, { id: string; code: string; name: string }>;
  admissions: Map<string, string>;
  users: Map<string, string>;
}> {
  const uniq = (xs: string[]) => [...new Set(xs)];
  const people = await peopleNames(db, uniq(ids.people));
  const prisons = ids.prisons.length ? await findPrisons(db, uniq(ids.prisons)) : [];
  const admissions = await findAdmissions(db, uniq(ids.admissions));
  const users = await accountNames(db, ids.users);
  return {
    people: new Map([...people].map(([id, p]) => [id, { family_name: p.familyName, given_names: p.givenNames }])),
    prisons: new Map(prisons.map((p) => [p.id, { id: p.id, code: p.code, name: p.name }])),
    admissions: new Map(admissions.map((a) => [a.id, a.committalNumber])),
    users: new Map([...users].map(([id, u]) => [id, u.displayName])),
  };
}

/** Every prison (id, code, name): the destinations of a transfer, by name. */
export async function allPrisons(db: Tx): Promise<{ id: string; code: string; name: string }[]> {
  return (await findPrisons(db))
    .map((p) => ({ id: p.id, code: p.code, name: p.name }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
