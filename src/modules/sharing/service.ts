/**
 * Cross-prison rules (docs/access.md). A person's data stays with the prison that wrote it. A
 * re-admission in another prison opens the identity and the legal history to the new prison, and is
 * recorded; anything more (the change history, receptions, classification, assessments) is opened
 * only by a recorded decision of a director of the prison holding the data or of the national
 * administration. Restricted data opened this way still needs its own permission, and its reads are
 * still audited. Health data is never opened by this route.
 */
import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { type Actor, authorize, inScope } from '../../core/access.js';
import { AppError, invalid, notFound } from '../../core/errors.js';
import { recordChange } from '../../core/history.js';
import { newId } from '../../core/ids.js';
import type { Db, Tx } from '../../db/index.js';
import { accountNames } from '../access/index.js';
import * as estateRepo from '../estate/index.js';
import * as peopleRepo from '../people/index.js';
import { assertPersonVisible } from '../people/index.js';
import './messages.js';
import { fileOpening } from './schema.js';

export const OPENING_CATEGORIES = ['legal_history', 'history', 'reception', 'classification', 'assessment'] as const;
export type OpeningCategory = (typeof OPENING_CATEGORIES)[number];
/** What a re-admission opens by itself: the identity (the person comes into scope) and the legal history. */
export const READMISSION_OPENS: readonly OpeningCategory[] = ['legal_history'];

/**
 * Prisons outside the actor's scope whose `category` data about the person are open to one of the
 * actor's prisons. Empty for national users (they see every prison anyway).
 */
export async function openedPrisons(
  tx: Tx,
  actor: Actor,
  personId: string,
  category: OpeningCategory,
): Promise<string[]> {
  if (actor.national || !actor.prisonIds.length) return [];
  const rows = await tx
    .selectDistinct({ p: fileOpening.fromPrisonId })
    .from(fileOpening)
    .where(
      and(
        eq(fileOpening.personId, personId),
        inArray(fileOpening.toPrisonId, [...actor.prisonIds]),
        isNull(fileOpening.revokedAt),
        sql`${category} = ANY(${fileOpening.categories})`,
      ),
    );
  return rows.map((r) => r.p).filter((p) => !inScope(actor, p));
}

/** The prisons whose `category` data about the person the actor may read: their scope and what is opened to it (undefined = all). */
export async function readablePrisons(
  tx: Tx,
  actor: Actor,
  personId: string,
  category: OpeningCategory,
): Promise<readonly string[] | undefined> {
  if (actor.national) return undefined;
  return [...actor.prisonIds, ...(await openedPrisons(tx, actor, personId, category))];
}

/** Whether the actor may read `category` data about the person written in `prisonId`. */
export async function mayReadPrisonData(
  tx: Tx,
  actor: Actor,
  personId: string,
  prisonId: string,
  category: OpeningCategory,
): Promise<boolean> {
  return inScope(actor, prisonId) || (await openedPrisons(tx, actor, personId, category)).includes(prisonId);
}

/** 403 unless the prison is in scope or its `category` data about the person is opened to the actor's prisons. */
export async function assertMayRead(
  tx: Tx,
  actor: Actor,
  personId: string,
  prisonId: string,
  category: OpeningCategory,
): Promise<void> {
  if (!(await mayReadPrisonData(tx, actor, personId, prisonId, category)))
    throw new AppError(403, 'error.out_of_scope');
}

/**
 * A re-admission: the person, known in other prisons, is admitted in `toPrisonId`. Records one
 * opening per prison that holds data about the person (identity and legal history) and a change-log
 * entry. Called by custody.admit in the admission's transaction.
 */
export async function recordReadmission(
  tx: Tx,
  actor: Actor,
  input: { personId: string; admissionId: string; toPrisonId: string },
): Promise<string[]> {
  const from = (await peopleRepo.personPrisons(tx, input.personId)).filter((p) => p !== input.toPrisonId);
  if (!from.length) return [];
  for (const p of from) {
    await tx.insert(fileOpening).values({
      id: newId(),
      personId: input.personId,
      fromPrisonId: p,
      toPrisonId: input.toPrisonId,
      kind: 'readmission',
      categories: [...READMISSION_OPENS],
      admissionId: input.admissionId,
      reason: null,
      decidedBy: actor.userId,
    });
  }
  await recordChange(tx, actor, {
    entity: 'file_opening',
    entityId: input.admissionId,
    personId: input.personId,
    prisonId: input.toPrisonId,
    action: 'readmission',
    after: {
      from_prison_ids: from,
      to_prison_id: input.toPrisonId,
      categories: READMISSION_OPENS,
      admission_id: input.admissionId,
    },
  });
  return from;
}

/**
 * A transfer decided and carried out opens the person's whole file held by the sending prison to the
 * receiving one (history, reception, classification, assessments; the legal history is opened by the
 * re-admission itself): the file follows the person. Recorded as a decision with the transfer as reason.
 */
export async function openOnTransfer(
  tx: Tx,
  actor: Actor,
  input: { personId: string; fromPrisonId: string; toPrisonId: string; admissionId: string; reason: string },
): Promise<void> {
  if (input.fromPrisonId === input.toPrisonId) return;
  const id = newId();
  const categories = OPENING_CATEGORIES.filter((c) => !READMISSION_OPENS.includes(c));
  await tx.insert(fileOpening).values({
    id,
    personId: input.personId,
    fromPrisonId: input.fromPrisonId,
    toPrisonId: input.toPrisonId,
    kind: 'decision',
    categories,
    admissionId: input.admissionId,
    reason: input.reason,
    decidedBy: actor.userId,
  });
  await recordChange(tx, actor, {
    entity: 'file_opening',
    entityId: id,
    personId: input.personId,
    prisonId: input.fromPrisonId,
    action: 'open',
    reason: input.reason,
    after: { from_prison_id: input.fromPrisonId, to_prison_id: input.toPrisonId, categories },
  });
}

export interface OpeningView {
  id: string;
  person_id: string;
  from_prison_id: string;
  to_prison_id: string;
  kind: 'readmission' | 'decision';
  categories: string[];
  admission_id: string | null;
  reason: string | null;
  decided_by: string | null;
  decided_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

/**
 * Open more of a person's data held by one prison to another: a decision of a director of the
 * prison holding the data, or of the national administration, with its reason. Recorded.
 */
export async function openFile(
  db: Db,
  actor: Actor,
  personId: string,
  input: { from_prison: string; to_prison: string; categories: OpeningCategory[]; reason: string },
): Promise<OpeningView> {
  authorize(actor, 'file.open');
  return db.transaction(async (tx) => {
    const person = await peopleRepo.findPerson(tx, personId);
    if (!person) throw notFound();
    const from = await estateRepo.findPrison(tx, input.from_prison);
    const to = await estateRepo.findPrison(tx, input.to_prison);
    const errors = [];
    if (!from) errors.push({ field: '/from_prison', key: 'sharing.prison_unknown' });
    if (!to) errors.push({ field: '/to_prison', key: 'sharing.prison_unknown' });
    if (!input.reason?.trim()) errors.push({ field: '/reason', key: 'field.reason_required' });
    const categories = [...new Set(input.categories)];
    if (!categories.length || categories.some((c) => !(OPENING_CATEGORIES as readonly string[]).includes(c)))
      errors.push({ field: '/categories', key: 'sharing.categories' });
    if (errors.length) throw invalid(errors);
    // The prison that holds the data decides (or the national administration).
    if (!inScope(actor, from!.id)) throw new AppError(403, 'error.out_of_scope');
    const prisons = await peopleRepo.personPrisons(tx, personId);
    if (from!.id === to!.id) throw invalid([{ field: '/to_prison', key: 'sharing.same_prison' }]);
    if (!prisons.includes(from!.id)) throw invalid([{ field: '/from_prison', key: 'sharing.no_data_there' }]);
    if (!prisons.includes(to!.id)) throw invalid([{ field: '/to_prison', key: 'sharing.not_known_there' }]);
    const id = newId();
    await tx.insert(fileOpening).values({
      id,
      personId,
      fromPrisonId: from!.id,
      toPrisonId: to!.id,
      kind: 'decision',
      categories,
      admissionId: null,
      reason: input.reason.trim(),
      decidedBy: actor.userId,
    });
    await recordChange(tx, actor, {
      entity: 'file_opening',
      entityId: id,
      personId,
      prisonId: from!.id,
      action: 'open',
      reason: input.reason.trim(),
      after: { from_prison_id: from!.id, to_prison_id: to!.id, categories },
    });
    return (await views(tx, eq(fileOpening.id, id)))[0];
  });
}

/** End an opening (the row and its history stay). Same authority as opening. */
export async function revokeOpening(db: Db, actor: Actor, id: string, input: { reason: string }): Promise<OpeningView> {
  authorize(actor, 'file.open');
  if (!input.reason?.trim()) throw invalid([{ field: '/reason', key: 'field.reason_required' }]);
  return db.transaction(async (tx) => {
    const [o] = await tx.select().from(fileOpening).where(eq(fileOpening.id, id)).for('update');
    if (!o) throw notFound();
    if (!inScope(actor, o.fromPrisonId)) throw new AppError(403, 'error.out_of_scope');
    if (o.revokedAt) throw new AppError(409, 'sharing.already_revoked');
    await tx
      .update(fileOpening)
      .set({ revokedAt: new Date(), revokedBy: actor.userId, revokeReason: input.reason.trim() })
      .where(eq(fileOpening.id, id));
    await recordChange(tx, actor, {
      entity: 'file_opening',
      entityId: id,
      personId: o.personId,
      prisonId: o.fromPrisonId,
      action: 'revoke',
      reason: input.reason.trim(),
      before: { categories: o.categories, to_prison_id: o.toPrisonId },
      after: { revoked: true },
    });
    return (await views(tx, eq(fileOpening.id, id)))[0];
  });
}

/** The openings of a person's data that concern the actor's prisons (all of them for national users). */
export async function listOpenings(db: Db, actor: Actor, personId: string): Promise<OpeningView[]> {
  await assertPersonVisible(db, actor, personId);
  const scope = actor.national ? undefined : [...actor.prisonIds];
  return views(
    db,
    and(
      eq(fileOpening.personId, personId),
      scope ? or(inArray(fileOpening.fromPrisonId, scope), inArray(fileOpening.toPrisonId, scope)) : undefined,
    ),
  );
}

async function views(tx: Tx, where: ReturnType<typeof and>): Promise<OpeningView[]> {
  const rows = await tx.select().from(fileOpening).where(where).orderBy(desc(fileOpening.decidedAt));
  // Who decided and who revoked: the accounts are the access module's, asked for once.
  const names = await accountNames(
    tx,
    rows.flatMap((o) => [o.decidedBy, o.revokedBy].filter((x): x is string => !!x)),
  );
  return rows.map((o) => ({
    id: o.id,
    person_id: o.personId,
    from_prison_id: o.fromPrisonId,
    to_prison_id: o.toPrisonId,
    kind: o.kind,
    categories: o.categories,
    admission_id: o.admissionId,
    reason: o.reason,
    decided_by: names.get(o.decidedBy)?.username ?? null,
    decided_at: o.decidedAt.toISOString(),
    revoked_at: o.revokedAt?.toISOString() ?? null,
    revoked_by: o.revokedBy ? (names.get(o.revokedBy)?.username ?? null) : null,
    revoke_reason: o.revokeReason,
  }));
}
