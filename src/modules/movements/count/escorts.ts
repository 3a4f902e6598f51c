/**
 * Escorts out and back: a detainee taken to court (the justice chain's production orders for the
 * day), to hospital, to a funeral or a family visit, and brought back. The person stays admitted the
 * whole time: counted in the prison, shown "out" at the count.
 */
import { authorize, type Actor } from '../../../core/access.js';
import { bamakoDate, endOfBamakoDay, startOfBamakoDay } from '../../../core/dates.js';
import { AppError, invalid, notFound } from '../../../core/errors.js';
import { recordChange } from '../../../core/history.js';
import { newId } from '../../../core/ids.js';
import type { Db, Tx } from '../../../db/index.js';
import { admissionPeople, findAdmission } from '../../custody/index.js';
import { getPrison } from '../../estate/index.js';
import { courtList } from '../../justice/index.js';
import * as repo from './repository.js';
import { escortTimeErrors, isOutAt, isOverdue } from './rules.js';
import type { CourtProductionT, EscortBack, EscortBoardT, EscortViewT, NewEscort } from './schemas.js';

export async function escortViews(db: Tx, rows: readonly repo.EscortRow[], now = new Date()): Promise<EscortViewT[]> {
  const people = new Map(
    (await admissionPeople(db, [...new Set(rows.map((r) => r.admissionId))])).map((p) => [p.admission_id, p]),
  );
  return rows.map((r) => {
    const p = people.get(r.admissionId);
    return {
      id: r.id,
      prison_id: r.prisonId,
      admission_id: r.admissionId,
      person_id: r.personId,
      family_name: p?.family_name ?? '',
      given_names: p?.given_names ?? '',
      committal_number: p?.committal_number ?? '',
      purpose: r.purpose,
      hearing_id: r.hearingId,
      destination: r.destination,
      officers: r.officers,
      out_at: r.outAt.toISOString(),
      expected_back_at: r.expectedBackAt.toISOString(),
      back_at: r.backAt?.toISOString() ?? null,
      notes: r.notes,
      overdue: isOverdue({ out_at: r.outAt, expected_back_at: r.expectedBackAt, back_at: r.backAt }, now),
      out: isOutAt({ out_at: r.outAt, expected_back_at: r.expectedBackAt, back_at: r.backAt }, now),
    };
  });
}

/** A person leaves under escort. A court production names its hearing: one of the day's production orders. */
export async function recordEscort(db: Db, actor: Actor, input: NewEscort): Promise<EscortViewT> {
  const outAt = input.out_at ? new Date(input.out_at) : new Date();
  const expectedBack = new Date(input.expected_back_at);
  // A court production carries out one of the day's production orders for this person (justice chain).
  let hearingKnown = true;
  if (input.hearing_id && input.purpose === 'court') {
    const held = await findAdmission(db, input.admission_id);
    if (held) {
      authorize(actor, 'movements.escort', held.prisonId);
      const list = await courtList(db, actor, held.prisonId, bamakoDate(outAt));
      hearingKnown = list.items.some((h) => h.id === input.hearing_id && h.admission_id === held.id);
    }
  }
  return db.transaction(async (tx) => {
    const a = await findAdmission(tx, input.admission_id, true);
    if (!a) throw notFound();
    authorize(actor, 'movements.escort', a.prisonId);
    const errors: { field: string; key: string }[] = [];
    if (a.endedAt) errors.push({ field: '/admission_id', key: 'movements.count.escort.not_held' });
    if (input.hearing_id && input.purpose !== 'court')
      errors.push({ field: '/hearing_id', key: 'movements.count.escort.hearing_not_court' });
    else if (!hearingKnown) errors.push({ field: '/hearing_id', key: 'movements.count.escort.hearing_unknown' });
    errors.push(...escortTimeErrors(outAt, expectedBack));
    if (errors.length) throw invalid(errors);
    if (await repo.openEscortOf(tx, a.id))
      throw new AppError(409, 'movements.count.escort.already_out', {}, [
        { field: '/admission_id', key: 'movements.count.escort.already_out' },
      ]);
    const id = newId();
    const row = {
      id,
      prisonId: a.prisonId,
      admissionId: a.id,
      personId: a.personId,
      purpose: input.purpose,
      hearingId: input.hearing_id ?? null,
      destination: input.destination.trim(),
      officers: input.officers.trim(),
      outAt,
      expectedBackAt: expectedBack,
      notes: input.notes?.trim() || null,
      recordedBy: actor.userId,
    };
    await repo.insertEscort(tx, row);
    await recordChange(tx, actor, {
      entity: 'escort',
      entityId: id,
      personId: a.personId,
      prisonId: a.prisonId,
      action: 'out',
      after: {
        purpose: row.purpose,
        hearing_id: row.hearingId,
        destination: row.destination,
        officers: row.officers,
        out_at: outAt.toISOString(),
        expected_back_at: expectedBack.toISOString(),
      },
    });
    return (await escortViews(tx, [(await repo.findEscort(tx, id))!]))[0];
  });
}

/** The person is back from the escort. */
export async function recordEscortBack(db: Db, actor: Actor, id: string, input: EscortBack): Promise<EscortViewT> {
  return db.transaction(async (tx) => {
    const e = await repo.findEscort(tx, id, true);
    if (!e) throw notFound();
    authorize(actor, 'movements.escort', e.prisonId);
    if (e.backAt) throw new AppError(409, 'movements.count.escort.already_back');
    const backAt = input.back_at ? new Date(input.back_at) : new Date();
    const errors = escortTimeErrors(e.outAt, e.expectedBackAt, backAt);
    if (errors.length) throw invalid(errors);
    await repo.markBack(tx, id, backAt, actor.userId);
    await recordChange(tx, actor, {
      entity: 'escort',
      entityId: id,
      personId: e.personId,
      prisonId: e.prisonId,
      action: 'back',
      before: { back_at: null },
      after: { back_at: backAt.toISOString() },
    });
    return (await escortViews(tx, [(await repo.findEscort(tx, id))!]))[0];
  });
}

export async function getEscort(db: Db, actor: Actor, id: string): Promise<EscortViewT> {
  const e = await repo.findEscort(db, id);
  if (!e) throw notFound();
  authorize(actor, 'custody.read', e.prisonId);
  return (await escortViews(db, [e]))[0];
}

/**
 * A prison's escorts for a day: who is out (overdue first), who came back, and the day's court
 * productions (production orders from the justice chain), each with its escort once recorded.
 */
export async function escortBoard(db: Db, actor: Actor, prisonRef: string, date?: string): Promise<EscortBoardT> {
  const prison = await getPrison(db, actor, prisonRef);
  authorize(actor, 'custody.read', prison.id);
  const day = date ?? bamakoDate();
  const from = startOfBamakoDay(day);
  const to = endOfBamakoDay(day);
  const now = new Date();
  const at = now < to ? now : to;
  const rows = await repo.escortsBetween(db, [prison.id], from, to);
  const views = await escortViews(db, rows, at);
  const out = views.filter((v) => v.out).sort((a, b) => Number(b.overdue) - Number(a.overdue));
  const back = views.filter((v) => v.back_at !== null && new Date(v.back_at) >= from && new Date(v.back_at) < to);
  let productions: CourtProductionT[] = [];
  try {
    const list = await courtList(db, actor, prison.id, day);
    const escorts = new Map(
      (
        await repo.escortsOfHearings(
          db,
          list.items.map((h) => h.id),
        )
      ).map((e) => [e.hearingId, e]),
    );
    productions = list.items.map((h) => ({
      hearing_id: h.id,
      admission_id: h.admission_id,
      person_id: h.person_id,
      family_name: h.family_name,
      given_names: h.given_names,
      committal_number: h.committal_number,
      cell: h.cell,
      court: h.court,
      scheduled_at: h.scheduled_at,
      production_order_ref: h.production_order_ref,
      escort_unit: h.escort_unit,
      escort_leader: h.escort_leader,
      escort_id: escorts.get(h.id)?.id ?? null,
    }));
  } catch (e) {
    // Without the justice chain's reading (medical staff), the board shows escorts only.
    if (!(e instanceof AppError && e.status === 403)) throw e;
  }
  return {
    prison_id: prison.id,
    prison_code: prison.code,
    prison_name: prison.name,
    date: day,
    out,
    back,
    productions,
  };
}
