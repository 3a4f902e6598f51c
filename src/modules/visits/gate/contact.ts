/**
 * Family contact: calls and letters recorded as facts (when, with whom — never their content), a
 * person's contact overview (last family visit, visits and calls in 90 days, distance from home),
 * the detainees with no family contact for N days, and family tracing requests through a partner.
 */
import { authorize, type Actor } from '../../../core/access.js';
import { AppError, invalid, notFound } from '../../../core/errors.js';
import { recordChange } from '../../../core/history.js';
import { newId } from '../../../core/ids.js';
import type { Db } from '../../../db/index.js';
import { admissionPeople, admissionsOfPeople, findAdmission, findAdmissions, heldAt } from '../../custody/index.js';
import { getPrison } from '../../estate/index.js';
import { findPerson } from '../../people/index.js';
import './messages.js';
import * as repo from './repository.js';
import { visitViews } from './service.js';
import { addDays, daysWithoutContact, NO_CONTACT_DAYS, regionDistanceKm, restrictionInForce } from './rules.js';
import { bamakoDate } from './time.js';
import type { ContactInput, ContactOverviewT, NoContactListT, TracingInput, TracingUpdate } from './schemas.js';

export async function recordContact(db: Db, actor: Actor, input: ContactInput) {
  return db.transaction(async (tx) => {
    const a = await findAdmission(tx, input.admission_id);
    if (!a) throw notFound();
    authorize(actor, 'visits.contact', a.prisonId);
    const at = input.occurred_at ? new Date(input.occurred_at) : new Date();
    if (at > new Date(Date.now() + 5 * 60_000))
      throw invalid([{ field: '/occurred_at', key: 'visits.contact.future' }]);
    const id = newId();
    await repo.insertContact(tx, {
      id,
      prisonId: a.prisonId,
      personId: a.personId,
      admissionId: a.id,
      kind: input.kind,
      occurredAt: at,
      withWhom: input.with_whom.trim(),
      createdBy: actor.userId,
    });
    await recordChange(tx, actor, {
      entity: 'family_contact',
      entityId: id,
      personId: a.personId,
      prisonId: a.prisonId,
      action: 'record',
      after: { kind: input.kind, occurred_at: at.toISOString(), with_whom: input.with_whom.trim() },
    });
    return { id, kind: input.kind, occurred_at: at.toISOString(), with_whom: input.with_whom.trim() };
  });
}

const OPEN_TRACING: readonly string[] = ['sent', 'in_progress'];

const tracingView = (t: repo.TracingRow) => ({
  id: t.id,
  partner: t.partner,
  sought: t.sought,
  state: t.state,
  outcome: t.outcome,
  requested_on: t.requestedOn,
});

export async function requestTracing(db: Db, actor: Actor, input: TracingInput) {
  return db.transaction(async (tx) => {
    const a = await findAdmission(tx, input.admission_id);
    if (!a) throw notFound();
    authorize(actor, 'visits.contact', a.prisonId);
    const id = newId();
    await repo.insertTracing(tx, {
      id,
      prisonId: a.prisonId,
      personId: a.personId,
      admissionId: a.id,
      partner: input.partner.trim(),
      sought: input.sought.trim(),
      state: 'sent',
      requestedOn: bamakoDate(),
      createdBy: actor.userId,
    });
    await recordChange(tx, actor, {
      entity: 'tracing_request',
      entityId: id,
      personId: a.personId,
      prisonId: a.prisonId,
      action: 'request',
      after: { partner: input.partner.trim(), sought: input.sought.trim(), state: 'sent' },
    });
    return tracingView((await repo.findTracing(tx, id))!);
  });
}

export async function followTracing(db: Db, actor: Actor, id: string, input: TracingUpdate) {
  return db.transaction(async (tx) => {
    const t = await repo.findTracing(tx, id);
    if (!t) throw notFound();
    authorize(actor, 'visits.contact', t.prisonId);
    if (t.state === 'closed') throw new AppError(409, 'visits.tracing.closed');
    await repo.updateTracing(tx, id, {
      state: input.state,
      outcome: input.outcome?.trim() || t.outcome,
      updatedAt: new Date(),
    });
    await recordChange(tx, actor, {
      entity: 'tracing_request',
      entityId: id,
      personId: t.personId,
      prisonId: t.prisonId,
      action: 'update',
      before: { state: t.state, outcome: t.outcome },
      after: { state: input.state, outcome: input.outcome?.trim() || t.outcome },
    });
    return tracingView((await repo.findTracing(tx, id))!);
  });
}

/** A person's family contact in the prison holding them now (or the last one). */
export async function contactOverview(db: Db, actor: Actor, personId: string): Promise<ContactOverviewT> {
  const person = await findPerson(db, personId);
  if (!person) throw notFound();
  const adm = await currentAdmission(db, personId);
  if (!adm) throw notFound();
  authorize(actor, 'visits.read', adm.prisonId);
  const prison = await getPrison(db, actor, adm.prisonId);
  const today = bamakoDate();
  const from = addDays(today, -90);
  const [visits, contacts, restrictions, tracing, rels, who] = await Promise.all([
    repo.visitsOfPerson(db, personId, from, addDays(today, 366)),
    repo.contactsOfPerson(db, personId, new Date(Date.now() - 90 * 86_400_000)),
    repo.restrictionsOf(db, personId),
    repo.tracingOf(db, [personId]),
    repo.relationshipsOfPerson(db, personId),
    admissionPeople(db, [adm.id]),
  ]);
  const visitors = await repo.findVisitors(
    db,
    rels.map((r) => r.visitorId),
  );
  const took = (v: repo.VisitRow) => v.arrivedAt !== null && v.day <= today;
  const lastVisits = await repo.visitsOfPerson(db, personId, '1900-01-01', addDays(today, 1));
  const lastFamily = lastVisits
    .filter((v) => v.kind === 'family' && v.arrivedAt)
    .sort((a, b) => +b.arrivedAt! - +a.arrivedAt!)[0];
  return {
    person_id: personId,
    admission_id: adm.id,
    prison_id: prison.id,
    family_name: who[0]?.family_name ?? person.familyName,
    given_names: who[0]?.given_names ?? person.givenNames,
    committal_number: who[0]?.committal_number ?? '',
    last_family_visit: lastFamily?.arrivedAt?.toISOString() ?? null,
    family_visits_90_days: visits.filter((v) => v.kind === 'family' && took(v)).length,
    legal_visits_90_days: visits.filter((v) => v.kind === 'legal' && took(v)).length,
    calls_90_days: contacts.filter((c) => c.kind === 'call').length,
    letters_90_days: contacts.filter((c) => c.kind !== 'call').length,
    origin_region: person.originRegionCode,
    prison_region: prison.regionCode,
    distance_km: regionDistanceKm(person.originRegionCode, prison.regionCode),
    visits: await visitViews(db, visits.slice(0, 50)),
    contacts: contacts.map((c) => ({
      id: c.id,
      kind: c.kind,
      occurred_at: c.occurredAt.toISOString(),
      with_whom: c.withWhom,
    })),
    restrictions: restrictions.map((r) => ({
      id: r.id,
      admission_id: r.admissionId,
      basis: r.basis,
      reason: r.reason,
      from_date: r.fromDate,
      until_date: r.untilDate,
      lifted_at: r.liftedAt?.toISOString() ?? null,
      in_force: restrictionInForce(r, today),
    })),
    tracing: tracing.map(tracingView),
    visitors: visitors.map((v) => ({
      id: v.id,
      family_name: v.familyName,
      given_names: v.givenNames,
      relationship: rels.find((r) => r.visitorId === v.id)?.relationship ?? 'other',
    })),
  };
}

async function currentAdmission(db: Db, personId: string) {
  const rows = await admissionsOfPeople(db, [personId]);
  return [...rows].sort(
    (a, b) => Number(a.endedAt !== null) - Number(b.endedAt !== null) || +b.admittedAt - +a.admittedAt,
  )[0];
}

/**
 * The people held in a prison with no family contact (a family visit that took place, a call, a
 * letter) for `days` days or more — counted from the admission when there was none — longest first.
 */
export async function noContactList(
  db: Db,
  actor: Actor,
  prisonRef: string,
  days = NO_CONTACT_DAYS,
): Promise<NoContactListT> {
  const prison = await getPrison(db, actor, prisonRef);
  authorize(actor, 'visits.read', prison.id);
  const held = await heldAt(db, prison.id, null);
  const admissions = new Map(
    (
      await findAdmissions(
        db,
        held.map((h) => h.admission_id),
      )
    ).map((a) => [a.id, a]),
  );
  const last = await repo.lastContacts(
    db,
    held.map((h) => h.person_id),
  );
  const tracing = await repo.tracingOf(
    db,
    held.map((h) => h.person_id),
  );
  const now = new Date();
  const items = held
    .map((h) => {
      const a = admissions.get(h.admission_id)!;
      const l = last.get(h.person_id) ?? null;
      return {
        person_id: h.person_id,
        admission_id: h.admission_id,
        family_name: h.family_name,
        given_names: h.given_names,
        committal_number: h.committal_number,
        last_contact: l?.toISOString() ?? null,
        days_without: daysWithoutContact(l, a.admittedAt, now),
        distance_km: null as number | null,
        open_tracing: tracing.some((t) => t.personId === h.person_id && OPEN_TRACING.includes(t.state)),
      };
    })
    .filter((x) => x.days_without >= days)
    .sort((a, b) => b.days_without - a.days_without);
  // The distance from home, for the people listed only (one read of each file).
  for (const x of items)
    x.distance_km = regionDistanceKm((await findPerson(db, x.person_id))?.originRegionCode ?? null, prison.regionCode);
  return { prison_id: prison.id, prison_code: prison.code, prison_name: prison.name, days, items };
}
