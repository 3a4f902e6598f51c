/**
 * The visitor register, shared by every prison: a visitor's name as written, found again under
 * another spelling through the identity module's keys; who they are to each detainee; the bans a
 * director decides (one prison or all, until a date), lifted with a reason, never deleted.
 */
import { authorize, type Actor } from '../../../core/access.js';
import { bamakoDate } from '../../../core/dates.js';
import { AppError, invalid, notFound } from '../../../core/errors.js';
import { recordChange } from '../../../core/history.js';
import { newId } from '../../../core/ids.js';
import type { Db, Tx } from '../../../db/index.js';
import { findPerson, peopleNames } from '../../people/index.js';
import { getPrison } from '../../estate/index.js';
import { blockingKeys } from '../../identity/index.js';
import './messages.js';
import * as repo from './repository.js';
import type { BanInput, LiftInput, NewVisitor, RelationshipInput, VisitorViewT } from './schemas.js';

const clean = (s: string | null | undefined) => s?.trim() || null;

/** The keys a visitor is found by: the identity module's blocking keys of the whole name (docs/identity-matching.md). */
export const visitorKeys = (familyName: string, givenNames: string | null | undefined) =>
  blockingKeys(familyName, givenNames ?? '');

export async function visitorViews(db: Tx, rows: readonly repo.VisitorRow[]): Promise<VisitorViewT[]> {
  const ids = rows.map((r) => r.id);
  // One after the other: db may be a transaction's single connection.
  const rels = await repo.relationshipsOfVisitors(db, ids);
  const bans = await repo.bansOf(db, ids);
  const names = await peopleNames(
    db,
    rels.map((r) => r.personId),
  );
  const today = bamakoDate();
  return rows.map((v) => ({
    id: v.id,
    family_name: v.familyName,
    given_names: v.givenNames,
    id_doc_kind: v.idDocKind,
    id_doc_number: v.idDocNumber,
    phone: v.phone,
    bar_number: v.barNumber,
    relationships: rels
      .filter((r) => r.visitorId === v.id)
      .map((r) => ({
        person_id: r.personId,
        family_name: names.get(r.personId)?.familyName ?? '',
        given_names: names.get(r.personId)?.givenNames ?? '',
        relationship: r.relationship,
      })),
    bans: bans
      .filter((b) => b.visitorId === v.id)
      .map((b) => ({
        id: b.id,
        prison_id: b.prisonId,
        reason: b.reason,
        from_date: b.fromDate,
        until_date: b.untilDate,
        decided_at: b.decidedAt.toISOString(),
        lifted_at: b.liftedAt?.toISOString() ?? null,
        in_force: b.liftedAt === null && b.fromDate <= today && (b.untilDate === null || b.untilDate >= today),
      })),
  }));
}

/** Any prison's gate may register a visitor: the register is shared. */
export async function registerVisitor(db: Db, actor: Actor, input: NewVisitor): Promise<VisitorViewT> {
  authorize(actor, 'visits.gate');
  const errors = [];
  if (input.id_doc_kind !== 'none' && !clean(input.id_doc_number))
    errors.push({ field: '/id_doc_number', key: 'visits.visitor.doc_number_required' });
  if (errors.length) throw invalid(errors);
  return db.transaction(async (tx) => {
    const id = newId();
    const row = {
      id,
      familyName: input.family_name.trim(),
      givenNames: input.given_names?.trim() ?? '',
      nameKeys: visitorKeys(input.family_name, input.given_names),
      idDocKind: input.id_doc_kind,
      idDocNumber: clean(input.id_doc_number),
      phone: clean(input.phone),
      barNumber: clean(input.bar_number),
      createdBy: actor.userId,
    };
    await repo.insertVisitor(tx, row);
    await recordChange(tx, actor, {
      entity: 'visitor',
      entityId: id,
      action: 'create',
      after: {
        family_name: row.familyName,
        given_names: row.givenNames,
        id_doc_kind: row.idDocKind,
        id_doc_number: row.idDocNumber,
        phone: row.phone,
        bar_number: row.barNumber,
      },
    });
    return (await visitorViews(tx, [(await repo.findVisitor(tx, id))!]))[0];
  });
}

/** Visitors by name in any spelling (the identity module's keys), or by document or bar number. */
export async function searchVisitors(db: Db, actor: Actor, q: string): Promise<VisitorViewT[]> {
  authorize(actor, 'visits.read');
  const text = q.trim();
  if (!text) return [];
  const rows = await repo.searchVisitors(db, visitorKeys(text, ''), text);
  return visitorViews(db, rows);
}

export async function getVisitor(db: Db, actor: Actor, id: string): Promise<VisitorViewT> {
  authorize(actor, 'visits.read');
  const v = await repo.findVisitor(db, id);
  if (!v) throw notFound();
  return (await visitorViews(db, [v]))[0];
}

export async function addVisitorRelationship(
  db: Db,
  actor: Actor,
  visitorId: string,
  input: RelationshipInput,
): Promise<VisitorViewT> {
  authorize(actor, 'visits.gate');
  return db.transaction(async (tx) => {
    const v = await repo.findVisitor(tx, visitorId);
    if (!v) throw notFound();
    if (!(await findPerson(tx, input.person_id)))
      throw invalid([{ field: '/person_id', key: 'visits.person_unknown' }]);
    await relate(tx, actor, v.id, input.person_id, input.relationship);
    return (await visitorViews(tx, [v]))[0];
  });
}

/** Records who the visitor is to the person, once (the first word stays; history keeps who said it). */
export async function relate(tx: Tx, actor: Actor, visitorId: string, personId: string, relationship: string) {
  const id = newId();
  if (await repo.addRelationship(tx, { id, visitorId, personId, relationship, createdBy: actor.userId }))
    await recordChange(tx, actor, {
      entity: 'visitor',
      entityId: visitorId,
      personId,
      action: 'record',
      after: { relationship, person_id: personId },
    });
}

/** A ban decided by the director of the prison named: for it alone, or for every prison. */
export async function banVisitor(db: Db, actor: Actor, visitorId: string, input: BanInput): Promise<VisitorViewT> {
  const prison = await getPrison(db, actor, input.prison);
  authorize(actor, 'visits.decide', prison.id);
  const today = bamakoDate();
  if (input.until && input.until < today) throw invalid([{ field: '/until', key: 'visits.ban.until_past' }]);
  return db.transaction(async (tx) => {
    const v = await repo.findVisitor(tx, visitorId);
    if (!v) throw notFound();
    const id = newId();
    const row = {
      id,
      visitorId: v.id,
      prisonId: input.scope === 'all' ? null : prison.id,
      reason: input.reason.trim(),
      fromDate: today,
      untilDate: input.until ?? null,
      decidedBy: actor.userId,
      decidedAt: new Date(),
    };
    await repo.insertBan(tx, row);
    await recordChange(tx, actor, {
      entity: 'visitor_ban',
      entityId: id,
      prisonId: prison.id,
      action: 'decide',
      reason: row.reason,
      after: { visitor_id: v.id, scope: input.scope, prison_id: row.prisonId, until: row.untilDate },
    });
    return (await visitorViews(tx, [v]))[0];
  });
}

export async function liftBan(db: Db, actor: Actor, banId: string, input: LiftInput): Promise<VisitorViewT> {
  return db.transaction(async (tx) => {
    const b = await repo.findBan(tx, banId);
    if (!b) throw notFound();
    // A ban on every prison is lifted by any director; a prison's ban by its own.
    authorize(actor, 'visits.decide', b.prisonId ?? undefined);
    if (b.liftedAt) throw new AppError(409, 'visits.ban.already_lifted');
    await repo.liftBan(tx, b.id, actor.userId, input.reason.trim());
    await recordChange(tx, actor, {
      entity: 'visitor_ban',
      entityId: b.id,
      prisonId: b.prisonId,
      action: 'end',
      reason: input.reason.trim(),
      before: { lifted_at: null },
      after: { lifted_at: new Date().toISOString() },
    });
    return (await visitorViews(tx, [(await repo.findVisitor(tx, b.visitorId))!]))[0];
  });
}
