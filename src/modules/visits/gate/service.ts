/**
 * Visiting rules, individual restrictions and visits: a booking or a walk-in is checked by one rule
 * (rules.ts refusalOf) and, when refused, kept with its reason — never silently dropped. Arrivals,
 * departures and the items brought; the day's list for the gate.
 */
import { authorize, type Actor } from '../../../core/access.js';
import { bamakoDate, bamakoTime } from './time.js';
import { AppError, invalid, notFound } from '../../../core/errors.js';
import { recordChange } from '../../../core/history.js';
import { newId } from '../../../core/ids.js';
import type { Db, Tx } from '../../../db/index.js';
import { visitRegimeOf } from '../../classification/index.js';
import { admissionPeople, findAdmission, findOpenPlacement } from '../../custody/index.js';
import { getPrison } from '../../estate/index.js';
import './messages.js';
import * as repo from './repository.js';
import {
  countsAgainstQuota,
  itemErrors,
  refusalOf,
  restrictionInForce,
  ruleErrors,
  rulesFor,
  weekOf,
  type VisitState,
} from './rules.js';
import type {
  ArrivalInput,
  DayListT,
  DepartureInput,
  ItemInput,
  NewVisit,
  RestrictionInput,
  RuleViewT,
  RulesInput,
  RulesViewT,
  VisitViewT,
} from './schemas.js';
import { relate } from './visitors.js';

// ---------------------------------------------------------------------------------------------- rules

const ruleView = (r: repo.RuleRow): RuleViewT => ({
  id: r.id,
  weekday: r.weekday,
  starts: r.starts,
  ends: r.ends,
  unit_id: r.unitId,
  regime_level: r.regimeLevel,
  per_person_week: r.perPersonWeek,
  visitors_per_visit: r.visitorsPerVisit,
  room_capacity: r.roomCapacity,
});

export async function getVisitRules(db: Db, actor: Actor, prisonRef: string): Promise<RulesViewT> {
  const prison = await getPrison(db, actor, prisonRef);
  authorize(actor, 'visits.read', prison.id);
  return { prison_id: prison.id, prison_name: prison.name, rules: (await repo.rulesOf(db, prison.id)).map(ruleView) };
}

/** The director replaces the prison's visiting rules; the old ones stay (ended), the change is in the history. */
export async function putVisitRules(db: Db, actor: Actor, input: RulesInput): Promise<RulesViewT> {
  const prison = await getPrison(db, actor, input.prison);
  authorize(actor, 'visits.decide', prison.id);
  const errors = ruleErrors(input.rules);
  if (errors.length) throw invalid(errors);
  return db.transaction(async (tx) => {
    await repo.lockPrisonVisits(tx, prison.id);
    const before = (await repo.rulesOf(tx, prison.id)).map(ruleView);
    await repo.endRules(tx, prison.id, actor.userId);
    await repo.insertRules(
      tx,
      input.rules.map((r) => ({
        id: newId(),
        prisonId: prison.id,
        unitId: r.unit_id ?? null,
        regimeLevel: r.regime_level?.trim() || null,
        weekday: r.weekday,
        starts: r.starts,
        ends: r.ends,
        perPersonWeek: r.per_person_week,
        visitorsPerVisit: r.visitors_per_visit,
        roomCapacity: r.room_capacity,
        createdBy: actor.userId,
      })),
    );
    const after = (await repo.rulesOf(tx, prison.id)).map(ruleView);
    const strip = (xs: RuleViewT[]) => xs.map(({ id: _id, ...rest }) => rest);
    await recordChange(tx, actor, {
      entity: 'visit_rule',
      entityId: prison.id,
      prisonId: prison.id,
      action: 'set',
      reason: input.reason.trim(),
      before: strip(before),
      after: strip(after),
    });
    return { prison_id: prison.id, prison_name: prison.name, rules: after };
  });
}

// ---------------------------------------------------------------------------------------------- restrictions

/**
 * An individual decision restricting a person's family visits, by the director: a basis among the
 * lawful ones (never disciplinary — Mandela Rule 43(3)), a reason, an end date. Legal visits are
 * never restricted by it.
 */
export async function restrictVisits(db: Db, actor: Actor, input: RestrictionInput) {
  return db.transaction(async (tx) => {
    const a = await findAdmission(tx, input.admission_id);
    if (!a) throw notFound();
    authorize(actor, 'visits.decide', a.prisonId);
    const from = input.from ?? bamakoDate();
    const errors = [];
    if (a.endedAt) errors.push({ field: '/admission_id', key: 'visits.not_held' });
    if (input.until < from) errors.push({ field: '/until', key: 'visits.restriction.until_before' });
    if (errors.length) throw invalid(errors);
    const id = newId();
    const row = {
      id,
      prisonId: a.prisonId,
      personId: a.personId,
      admissionId: a.id,
      basis: input.basis,
      reason: input.reason.trim(),
      fromDate: from,
      untilDate: input.until,
      decidedBy: actor.userId,
      decidedAt: new Date(),
    };
    await repo.insertRestriction(tx, row);
    await recordChange(tx, actor, {
      entity: 'visit_restriction',
      entityId: id,
      personId: a.personId,
      prisonId: a.prisonId,
      action: 'decide',
      reason: row.reason,
      after: { basis: row.basis, from: row.fromDate, until: row.untilDate },
    });
    return {
      id,
      admission_id: a.id,
      basis: row.basis,
      reason: row.reason,
      from_date: row.fromDate,
      until_date: row.untilDate,
      lifted_at: null,
      in_force: restrictionInForce({ ...row, liftedAt: null }, bamakoDate()),
    };
  });
}

// ---------------------------------------------------------------------------------------------- visits

export async function visitViews(db: Tx, rows: readonly repo.VisitRow[]): Promise<VisitViewT[]> {
  const ids = rows.map((r) => r.id);
  // One after the other: db may be a transaction's single connection.
  const people = await admissionPeople(db, [...new Set(rows.map((r) => r.admissionId))]);
  const visitors = await repo.visitorsOfVisits(db, ids);
  const items = await repo.itemsOfVisits(db, ids);
  const who = new Map(people.map((p) => [p.admission_id, p]));
  return rows.map((r) => {
    const p = who.get(r.admissionId);
    return {
      id: r.id,
      prison_id: r.prisonId,
      admission_id: r.admissionId,
      person_id: r.personId,
      family_name: p?.family_name ?? '',
      given_names: p?.given_names ?? '',
      committal_number: p?.committal_number ?? '',
      kind: r.kind,
      channel: r.channel,
      day: r.day,
      planned_time: r.plannedTime,
      state: r.state,
      refusal_code: r.refusalCode,
      refusal_detail: r.refusalDetail,
      out_of_hearing: r.kind === 'legal',
      counts_against_quota: countsAgainstQuota(r),
      bar_number: r.barNumber,
      staff_on_duty: r.staffOnDuty,
      arrived_at: r.arrivedAt?.toISOString() ?? null,
      left_at: r.leftAt?.toISOString() ?? null,
      visitors: visitors
        .filter((v) => v.visitId === r.id)
        .map((v) => ({ id: v.v.id, family_name: v.v.familyName, given_names: v.v.givenNames })),
      items: items
        .filter((i) => i.visitId === r.id)
        .map((i) => ({
          id: i.id,
          kind: i.kind,
          description: i.description,
          outcome: i.outcome,
          refusal_reason: i.refusalReason,
        })),
    };
  });
}

/**
 * A visit booked (by phone, at the gate) or registered on arrival (walk-in). Checked by refusalOf:
 * a refused visit is written with its reason and answered as such (201, state "refused") — the
 * refusal is on the record, never silent. A walk-in that is accepted is in progress at once.
 */
export async function registerVisit(db: Db, actor: Actor, input: NewVisit): Promise<VisitViewT> {
  const held = await findAdmission(db, input.admission_id);
  if (!held) throw notFound();
  authorize(actor, 'visits.gate', held.prisonId);
  const walkIn = input.channel === 'walk_in';
  const now = new Date();
  const day = walkIn ? bamakoDate(now) : (input.day ?? bamakoDate(now));
  const time = walkIn ? bamakoTime(now) : (input.time ?? null);
  const errors = [];
  if (input.kind === 'legal' && !input.bar_number?.trim())
    errors.push({ field: '/bar_number', key: 'visits.legal.bar_number_required' });
  if (!walkIn && day < bamakoDate(now)) errors.push({ field: '/day', key: 'visits.day_past' });
  if (walkIn && input.day && input.day !== day) errors.push({ field: '/day', key: 'visits.walk_in_today' });
  if (errors.length) throw invalid(errors);
  // The regime is read before the transaction (the classification module's own reads).
  const regime = await visitRegimeOf(db, held, day);
  return db.transaction(async (tx) => {
    await repo.lockPrisonVisits(tx, held.prisonId);
    const a = (await findAdmission(tx, input.admission_id))!;
    const visitors = await repo.findVisitors(tx, input.visitor_ids);
    if (visitors.length !== input.visitor_ids.length)
      throw invalid([{ field: '/visitor_ids', key: 'visits.visitor_unknown' }]);
    const bans = await repo.bansOf(tx, input.visitor_ids);
    const placement = await findOpenPlacement(tx, a.id);
    const rules = rulesFor(await repo.rulesOf(tx, a.prisonId), {
      unitId: placement?.unitId ?? null,
      regimeLevel: regime.level,
    });
    const week = weekOf(day);
    const weekCount = (await repo.visitsOfPerson(tx, a.personId, week.from, week.to)).filter(countsAgainstQuota).length;
    const refusal = refusalOf({
      kind: input.kind,
      day,
      time,
      held: a.endedAt === null,
      prisonId: a.prisonId,
      visitors: visitors.map((v) => ({
        name: `${v.familyName} ${v.givenNames}`.trim(),
        bans: bans
          .filter((b) => b.visitorId === v.id)
          .map((b) => ({ ...b, fromDate: b.fromDate, untilDate: b.untilDate })),
      })),
      restrictions: await repo.restrictionsOf(tx, a.personId),
      regime: { perWeek: regime.perWeek, reason: regime.basis === 'individual' ? regime.reason : null },
      rules,
      weekCount,
      roomCount: await repo.visitorsInRoom(tx, a.prisonId, day),
    });
    const id = newId();
    const state: VisitState = refusal ? 'refused' : walkIn ? 'in_progress' : 'booked';
    const row = {
      id,
      prisonId: a.prisonId,
      admissionId: a.id,
      personId: a.personId,
      kind: input.kind,
      channel: input.channel,
      day,
      plannedTime: time,
      state,
      refusalCode: refusal?.code ?? null,
      refusalDetail: refusal?.detail || null,
      barNumber: input.kind === 'legal' ? input.bar_number!.trim() : null,
      staffOnDuty: input.staff_on_duty?.trim() || null,
      arrivedAt: state === 'in_progress' ? now : null,
      createdBy: actor.userId,
    };
    await repo.insertVisit(tx, row, input.visitor_ids);
    if (input.relationship && !refusal)
      for (const v of input.visitor_ids) await relate(tx, actor, v, a.personId, input.relationship);
    await recordChange(tx, actor, {
      entity: 'visit',
      entityId: id,
      personId: a.personId,
      prisonId: a.prisonId,
      action: refusal ? 'deny' : walkIn ? 'arrive' : 'create',
      // The refusal's code is in the record (shown in the reader's language); the reason is its detail, as written.
      reason: refusal?.detail || null,
      after: {
        kind: row.kind,
        channel: row.channel,
        day,
        time,
        state,
        visitor_ids: input.visitor_ids,
        ...(refusal ? { refusal_code: refusal.code } : {}),
      },
    });
    return (await visitViews(tx, [(await repo.findVisit(tx, id))!]))[0];
  });
}

async function changeVisit(
  db: Db,
  actor: Actor,
  id: string,
  change: (v: repo.VisitRow, tx: Tx) => Promise<{ action: 'arrive' | 'depart' | 'cancel' | 'check'; after: object }>,
): Promise<VisitViewT> {
  return db.transaction(async (tx) => {
    const v = await repo.findVisit(tx, id, true);
    if (!v) throw notFound();
    authorize(actor, 'visits.gate', v.prisonId);
    const { action, after } = await change(v, tx);
    await recordChange(tx, actor, {
      entity: 'visit',
      entityId: id,
      personId: v.personId,
      prisonId: v.prisonId,
      action,
      after,
    });
    return (await visitViews(tx, [(await repo.findVisit(tx, id))!]))[0];
  });
}

/** The booked visitors are at the gate: the visit begins (the booking's checks were made when it was booked). */
export async function recordArrival(db: Db, actor: Actor, id: string, input: ArrivalInput): Promise<VisitViewT> {
  return changeVisit(db, actor, id, async (v, tx) => {
    if (v.state !== 'booked') throw new AppError(409, 'visits.not_booked');
    const at = input.at ? new Date(input.at) : new Date();
    const staff = input.staff_on_duty?.trim() || v.staffOnDuty;
    await repo.updateVisit(tx, v.id, { state: 'in_progress', arrivedAt: at, staffOnDuty: staff });
    return { action: 'arrive', after: { state: 'in_progress', arrived_at: at.toISOString(), staff_on_duty: staff } };
  });
}

export async function recordDeparture(db: Db, actor: Actor, id: string, input: DepartureInput): Promise<VisitViewT> {
  return changeVisit(db, actor, id, async (v, tx) => {
    if (v.state !== 'in_progress') throw new AppError(409, 'visits.not_in_progress');
    const at = input.at ? new Date(input.at) : new Date();
    if (v.arrivedAt && at < v.arrivedAt) throw invalid([{ field: '/at', key: 'visits.left_before_arrival' }]);
    await repo.updateVisit(tx, v.id, { state: 'ended', leftAt: at });
    return { action: 'depart', after: { state: 'ended', left_at: at.toISOString() } };
  });
}

export async function cancelVisit(db: Db, actor: Actor, id: string): Promise<VisitViewT> {
  return changeVisit(db, actor, id, async (v, tx) => {
    if (v.state !== 'booked') throw new AppError(409, 'visits.not_booked');
    await repo.updateVisit(tx, v.id, { state: 'cancelled' });
    return { action: 'cancel', after: { state: 'cancelled' } };
  });
}

/** An item or food brought: checked, then handed over or refused with the reason. */
export async function recordItem(db: Db, actor: Actor, id: string, input: ItemInput): Promise<VisitViewT> {
  const errors = itemErrors(input);
  if (errors.length) throw invalid(errors);
  return changeVisit(db, actor, id, async (v, tx) => {
    if (v.state !== 'in_progress' && v.state !== 'booked') throw new AppError(409, 'visits.not_open');
    const refused = input.outcome === 'refused';
    await repo.insertItem(tx, {
      id: newId(),
      visitId: v.id,
      kind: input.kind,
      description: input.description.trim(),
      outcome: input.outcome,
      refusalReason: refused ? input.refusal_reason!.trim() : null,
      checkedBy: actor.userId,
      checkedAt: new Date(),
    });
    return {
      action: 'check',
      after: {
        item: input.kind,
        description: input.description.trim(),
        outcome: input.outcome,
        refusal_reason: refused ? input.refusal_reason!.trim() : null,
      },
    };
  });
}

export async function getVisit(db: Db, actor: Actor, id: string): Promise<VisitViewT> {
  const v = await repo.findVisit(db, id);
  if (!v) throw notFound();
  authorize(actor, 'visits.read', v.prisonId);
  return (await visitViews(db, [v]))[0];
}

/** The day's visits of a prison, for the gate (printable): booked, in progress, ended, refused. */
export async function dayList(db: Db, actor: Actor, prisonRef: string, date?: string): Promise<DayListT> {
  const prison = await getPrison(db, actor, prisonRef);
  authorize(actor, 'visits.read', prison.id);
  const day = date ?? bamakoDate();
  const [rows, rules] = await Promise.all([repo.visitsOfDay(db, prison.id, day), repo.rulesOf(db, prison.id)]);
  return {
    prison_id: prison.id,
    prison_code: prison.code,
    prison_name: prison.name,
    date: day,
    visits: await visitViews(db, rows),
    rules: rules.map(ruleView),
  };
}
