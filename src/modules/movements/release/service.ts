/**
 * Releases (the checklist: order or justice basis checked with the person's identity, a second
 * officer's confirmation, belongings returned against signature, then custody's endAdmission with
 * reason 'release'), the release-due list from the justice module's alerts, notifications, escapes
 * with recapture on the same file, and deaths in custody. Rules in rules.ts; docs/movements-release.md.
 */
import { type Actor, authorize, can } from '../../../core/access.js';
import { bamakoDate } from '../../../core/dates.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../../core/errors.js';
import { recordChange } from '../../../core/history.js';
import type { Lang } from '../../../core/i18n.js';
import { newId } from '../../../core/ids.js';
import type { Db, Tx } from '../../../db/index.js';
import { admit, type AdmissionInput, getAdmission } from '../../custody/index.js';
import { endAdmission } from '../exit.js';
import { getPrison, listPrisons } from '../../estate/index.js';
import { getJusticeFile, justiceAlertsForPrison, listJurisdictions } from '../../justice/index.js';
import { getPerson } from '../../people/index.js';
import { receptionsOfPerson } from '../../reception/index.js';
import { findIncidentChecklist, incidentChecklistAvailable, openIncidentChecklist } from './incident-port.js';
import { m, reasonLabel } from './messages.js';
import * as repo from './repository.js';
import {
  certificateNumber,
  checkProblems,
  completionProblems,
  confirmProblem,
  type DueKind,
  dueKind,
  instantProblem,
  type InventoryLine,
  inventoryLines,
  missingEscapeAlerts,
  missingNotices,
  needsOrder,
  reasonFromJustice,
  recaptureProblems,
  type ReleaseReason,
  type ReleaseState,
  sortDue,
} from './rules.js';
import type {
  CompletionInput,
  ConfirmInput,
  DeathInput,
  DueItemT,
  DueReplyT,
  EscapeInput,
  IncidentViewT,
  NoticeInput,
  RecaptureInput,
  ReleaseCheck,
  ReleaseViewT,
} from './schemas.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The prison a page or list is about: the one named, else the first in the actor's scope. */
export async function prisonFor(db: Db, actor: Actor, prison?: string) {
  if (prison) return getPrison(db, actor, prison);
  const all = await listPrisons(db, actor);
  if (!all[0]) throw notFound();
  return getPrison(db, actor, all[0].id);
}

export async function prisonsFor(db: Db, actor: Actor) {
  return (await listPrisons(db, actor)).map((x) => ({ code: x.code, name: x.name }));
}

// ---------------------------------------------------------------------------------------------
// Settings: the authorities told of the release of a person held for a terrorism-related offence

export async function releaseSettings(db: Db, actor: Actor): Promise<{ authorities: string[] }> {
  if (!can(actor, 'movements.release') && !can(actor, 'reference.admin')) throw forbidden();
  return { authorities: await repo.authorities(db) };
}

export async function putReleaseSettings(db: Db, actor: Actor, input: { authorities: string[]; reason: string }) {
  authorize(actor, 'reference.admin');
  const list = [...new Set(input.authorities.map((a) => a.trim()).filter(Boolean))];
  return db.transaction(async (tx) => {
    const before = await repo.authorities(tx);
    await repo.putAuthorities(tx, list, actor.userId);
    await recordChange(tx, actor, {
      entity: 'release_settings',
      entityId: actor.userId,
      action: 'update',
      reason: input.reason,
      before: { authorities: before },
      after: { authorities: list },
    });
    return { authorities: list };
  });
}

// ---------------------------------------------------------------------------------------------
// The release-due list

/** The justice module's alerts for one prison, as `justiceAlertsForPrison` gives them. */
export type PrisonAlerts = Awaited<ReturnType<typeof justiceAlertsForPrison>>;

/**
 * Who must leave, or will soon: the justice module's own alerts (release due, expired title, no
 * title, release within the week) for the prison, in the order of `sortDue`, each with the release
 * already in progress when there is one. Nothing is recomputed here: a page that already holds the
 * prison's alerts for this request (the home page) passes them (`alerts`), so that they are
 * computed once per request.
 */
export async function releaseDueList(
  db: Db,
  actor: Actor,
  prisonRef?: string,
  lang: Lang = actor.lang,
  alreadyComputed?: PrisonAlerts,
): Promise<DueReplyT> {
  const prison = await prisonFor(db, actor, prisonRef);
  authorize(actor, 'movements.release', prison.id);
  const alerts = alreadyComputed ?? (await justiceAlertsForPrison(db, { ...actor, lang }, prison.id));
  const picked = alerts.flatMap((a) => {
    const due = dueKind(a);
    return due ? [{ a, due }] : [];
  });
  // One line per admission: its most pressing reason (expired before due before soon).
  const byAdmission = new Map<string, { a: (typeof picked)[number]['a']; due: DueKind }>();
  for (const x of sortDue(picked.map((p) => ({ ...p, days: p.a.days, date: p.a.date }))))
    if (!byAdmission.has(x.a.admissionId)) byAdmission.set(x.a.admissionId, x);
  const open = new Map((await repo.releasesOf(db, [...byAdmission.keys()])).map((r) => [r.admissionId, r]));
  const items: (DueItemT & { due: DueKind })[] = [...byAdmission.values()].map(({ a, due }) => ({
    due,
    admission_id: a.admissionId,
    person_id: a.personId ?? null,
    person_name: a.person_name ?? null,
    committal_number: a.committal_number ?? null,
    date: a.date,
    days: a.days,
    label: a.label,
    action: a.action,
    release_id: open.get(a.admissionId)?.id ?? null,
    release_state: open.get(a.admissionId)?.state ?? null,
  }));
  const counts: Record<string, number> = {};
  for (const i of items) counts[i.due] = (counts[i.due] ?? 0) + 1;
  return {
    prison: { id: prison.id, code: prison.code, name: prison.name },
    as_of: bamakoDate(),
    items: sortDue(items),
    counts,
  };
}

// ---------------------------------------------------------------------------------------------
// The release checklist

/** The registry's belongings inventory for an admission (its reception's registry step, via reception's front door). */
async function inventoryOf(db: Db, actor: Actor, personId: string, admissionId: string): Promise<InventoryLine[]> {
  const receptions = await receptionsOfPerson(db, actor, personId);
  const r = receptions.find((x) => x.admission_id === admissionId) ?? null;
  const step = r?.steps.find((s) => s.step === 'registry' && s.done);
  return inventoryLines(step?.data ?? null);
}

/** What the checklist form needs: the person, the justice module's view (suggested reason and basis), authorities, inventory. */
export async function releaseContext(db: Db, actor: Actor, admissionId: string, lang: Lang = actor.lang) {
  authorize(actor, 'movements.release');
  if (!UUID.test(admissionId)) throw notFound();
  const a = await getAdmission(db, actor, admissionId);
  authorize(actor, 'movements.release', a.prison_id);
  if (a.ended_at) throw new AppError(409, 'movements.release.admission_ended');
  const person = await getPerson(db, actor, a.person_id);
  const justice = can(actor, 'justice.read') ? await getJusticeFile(db, actor, a.id, { lang }) : null;
  const reason = reasonFromJustice(justice?.status) ?? null;
  let basis: string | null = null;
  if (justice?.release?.release_on && reason === 'end_of_sentence')
    basis = m.t(lang, 'movements.release.basis_sentence', { date: justice.release.release_on });
  else if (justice?.pretrial.expired && justice.pretrial.expires_on)
    basis = m.t(lang, 'movements.release.basis_expired', { date: justice.pretrial.expires_on });
  const open = await repo.openReleaseOf(db, a.id);
  return {
    admission: a,
    person,
    justice_status: justice?.status_label ?? null,
    release_on: justice?.release?.release_on ?? null,
    suggested_reason: justice?.pretrial.expired ? ('detention_expired' as const) : reason,
    suggested_basis: basis,
    jurisdictions: can(actor, 'justice.read') ? await listJurisdictions(db, actor) : [],
    inventory: await inventoryOf(db, actor, a.person_id, a.id),
    terrorism_related: a.charges.some((c) => c.terrorism_related),
    open_release_id: open?.id ?? null,
  };
}

async function releaseView(db: Db, actor: Actor, r: repo.ReleaseRow): Promise<ReleaseViewT> {
  const a = await getAdmission(db, actor, r.admissionId);
  const person = await getPerson(db, actor, r.personId);
  const prison = await getPrison(db, actor, r.prisonId);
  const names = await repo.userNames(db, [r.checkedBy, r.confirmedBy]);
  const jurisdictions = r.orderJurisdictionId && can(actor, 'justice.read') ? await listJurisdictions(db, actor) : [];
  const notices = await repo.noticesOf(db, { releaseId: r.id });
  const terrorism = a.charges.some((c) => c.terrorism_related);
  return {
    id: r.id,
    prison_id: r.prisonId,
    prison_code: prison.code,
    prison_name: prison.name,
    admission_id: r.admissionId,
    person: {
      id: person.id,
      family_name: person.family_name,
      given_names: person.given_names,
      committal_number: a.committal_number,
    },
    reason: r.reason,
    state: r.state,
    order: r.orderReference
      ? {
          jurisdiction_id: r.orderJurisdictionId,
          jurisdiction_name: jurisdictions.find((j) => j.id === r.orderJurisdictionId)?.name ?? null,
          reference: r.orderReference,
          date: r.orderDate,
        }
      : null,
    justice_basis: r.justiceBasis,
    transfer_authority: r.transferAuthority,
    identity_verified: r.identityVerified,
    photo_shown: r.photoShown,
    fingerprints_taken: r.fingerprintsTaken,
    check_notes: r.checkNotes,
    checked_by: r.checkedBy,
    checked_by_name: names.get(r.checkedBy) ?? null,
    checked_at: r.checkedAt.toISOString(),
    confirmed_by: r.confirmedBy,
    confirmed_by_name: r.confirmedBy ? (names.get(r.confirmedBy) ?? null) : null,
    confirmed_at: r.confirmedAt?.toISOString() ?? null,
    inventory: r.inventory ?? (await inventoryOf(db, actor, r.personId, r.admissionId)),
    all_returned: r.allReturned,
    returned_notes: r.returnedNotes,
    signed_by_person: r.signedByPerson,
    released_at: r.releasedAt?.toISOString() ?? null,
    certificate_number: r.certificateNumber,
    terrorism_related: terrorism,
    notices,
    missing_notices: missingNotices(terrorism, await repo.authorities(db), notices),
  };
}

/** Those who prepare a release or confirm one may read it (deny by default: the right first, then the record). */
function assertReleaseReader(actor: Actor) {
  if (!can(actor, 'movements.release') && !can(actor, 'movements.release_confirm')) throw forbidden();
}

async function loadRelease(tx: Tx, actor: Actor, id: string, forUpdate = false): Promise<repo.ReleaseRow> {
  assertReleaseReader(actor);
  if (!UUID.test(id)) throw notFound();
  const r = await repo.findRelease(tx, id, forUpdate);
  if (!r) throw notFound();
  authorize(actor, 'custody.read', r.prisonId);
  return r;
}

export async function getRelease(db: Db, actor: Actor, id: string): Promise<ReleaseViewT> {
  const r = await loadRelease(db, actor, id);
  if (!can(actor, 'movements.release') && !can(actor, 'movements.release_confirm'))
    authorize(actor, 'movements.release');
  return releaseView(db, actor, r);
}

/**
 * Step 1: the registry checks the order (issuing authority among the justice module's
 * jurisdictions, reference, date) — or records the justice basis when no order is needed — and the
 * person's identity against the file. The checker is recorded; nothing leaves yet.
 */
export async function checkRelease(db: Db, actor: Actor, input: ReleaseCheck): Promise<ReleaseViewT> {
  authorize(actor, 'movements.release');
  const a = await getAdmission(db, actor, input.admission_id);
  authorize(actor, 'movements.release', a.prison_id);
  if (a.ended_at) throw invalid([{ field: '/admission_id', key: 'movements.release.admission_ended' }]);
  const errors = checkProblems(input, bamakoDate());
  const order = needsOrder(input.reason);
  if (order && input.order_jurisdiction_id) {
    const known = (await listJurisdictions(db, actor)).some((j) => j.id === input.order_jurisdiction_id);
    if (!known) errors.push({ field: '/order_jurisdiction_id', key: 'movements.release.authority_unknown' });
  }
  if (errors.length) throw invalid(errors);
  const id = newId();
  try {
    await db.transaction(async (tx) => {
      if (await repo.openReleaseOf(tx, a.id)) throw conflict('movements.release.in_progress');
      const now = new Date();
      await repo.insertRelease(tx, {
        id,
        prisonId: a.prison_id,
        admissionId: a.id,
        personId: a.person_id,
        reason: input.reason,
        state: 'checked',
        orderJurisdictionId: order ? (input.order_jurisdiction_id ?? null) : null,
        orderReference: order ? (input.order_reference?.trim() ?? null) : null,
        orderDate: order ? (input.order_date ?? null) : null,
        justiceBasis: order ? null : (input.justice_basis?.trim() ?? null),
        transferAuthority: input.reason === 'transfer_to_authority' ? (input.transfer_authority?.trim() ?? null) : null,
        identityVerified: input.identity_verified,
        photoShown: input.photo_shown,
        fingerprintsTaken: input.fingerprints_taken,
        checkNotes: input.check_notes ?? null,
        checkedBy: actor.userId,
        checkedAt: now,
      });
      await recordChange(tx, actor, {
        entity: 'release',
        entityId: id,
        personId: a.person_id,
        prisonId: a.prison_id,
        action: 'check',
        after: {
          admission_id: a.id,
          reason: input.reason,
          state: 'checked',
          order_jurisdiction_id: input.order_jurisdiction_id ?? null,
          order_reference: input.order_reference ?? null,
          order_date: input.order_date ?? null,
          justice_basis: input.justice_basis ?? null,
          identity_verified: input.identity_verified,
          photo_shown: input.photo_shown,
          fingerprints_taken: input.fingerprints_taken,
        },
      });
    });
  } catch (e) {
    // Two officers starting the same release at once: the unique index keeps one.
    if ((e as { code?: string }).code === '23505') throw conflict('movements.release.in_progress');
    throw e;
  }
  return getRelease(db, actor, id);
}

/** Step 2: a second officer — never the one who checked — confirms. */
export async function confirmRelease(db: Db, actor: Actor, id: string, input: ConfirmInput): Promise<ReleaseViewT> {
  authorize(actor, 'movements.release_confirm');
  await db.transaction(async (tx) => {
    const r = await loadRelease(tx, actor, id, true);
    authorize(actor, 'movements.release_confirm', r.prisonId);
    const p = confirmProblem({ state: r.state as ReleaseState, checked_by: r.checkedBy }, actor.userId);
    if (p) throw new AppError(409, p.key, {}, [p]);
    const now = new Date();
    await repo.updateRelease(tx, r.id, { state: 'confirmed', confirmedBy: actor.userId, confirmedAt: now });
    await recordChange(tx, actor, {
      entity: 'release',
      entityId: r.id,
      personId: r.personId,
      prisonId: r.prisonId,
      action: 'confirm',
      reason: input.notes ?? null,
      before: { state: r.state },
      after: { state: 'confirmed', confirmed_by: actor.userId, confirmed_at: now.toISOString() },
    });
  });
  return getRelease(db, actor, id);
}

/**
 * Step 3: belongings and money handed back against the person's signature, then the admission
 * ends through custody's endAdmission (reason 'release') — in one transaction. Refused until the
 * release was checked and confirmed.
 */
export async function completeRelease(db: Db, actor: Actor, id: string, input: CompletionInput): Promise<ReleaseViewT> {
  authorize(actor, 'movements.release');
  await db.transaction(async (tx) => {
    const r = await loadRelease(tx, actor, id, true);
    authorize(actor, 'movements.release', r.prisonId);
    const errors = completionProblems({ state: r.state as ReleaseState, confirmed_by: r.confirmedBy }, input);
    const bad = instantProblem(input.released_at, '/released_at', new Date());
    if (bad) errors.push(bad);
    if (errors.length)
      throw errors[0].field === '/state' ? new AppError(409, errors[0].key, {}, errors) : invalid(errors);
    const releasedAt = input.released_at ? new Date(input.released_at) : new Date();
    const inventory = await inventoryOf(db, actor, r.personId, r.admissionId);
    const prison = await getPrison(tx, actor, r.prisonId);
    const year = Number(bamakoDate(releasedAt).slice(0, 4));
    const number = certificateNumber(prison.code, year, await repo.nextSeq(tx, r.prisonId, year));
    await repo.updateRelease(tx, r.id, {
      state: 'released',
      inventory,
      allReturned: input.all_returned,
      returnedNotes: input.returned_notes ?? null,
      signedByPerson: input.signed_by_person,
      releasedAt,
      releasedBy: actor.userId,
      certificateNumber: number,
    });
    // The one way out of custody: every path (release, escape, death, transfer) ends the admission here.
    await endAdmission(tx, actor, r.admissionId, {
      reason: 'release',
      ended_at: releasedAt.toISOString(),
      detail: reasonLabel('fr', r.reason as ReleaseReason),
    });
    await recordChange(tx, actor, {
      entity: 'release',
      entityId: r.id,
      personId: r.personId,
      prisonId: r.prisonId,
      action: 'release',
      before: { state: r.state },
      after: {
        state: 'released',
        released_at: releasedAt.toISOString(),
        all_returned: input.all_returned,
        returned_notes: input.returned_notes ?? null,
        signed_by_person: input.signed_by_person,
        certificate_number: number,
        inventory,
      },
    });
  });
  return getRelease(db, actor, id);
}

async function insertNotice(
  tx: Tx,
  actor: Actor,
  ref: { prisonId: string; personId: string; releaseId?: string; incidentId?: string },
  input: NoticeInput,
) {
  const bad = instantProblem(input.notified_at, '/notified_at', new Date());
  if (bad) throw invalid([bad]);
  const id = newId();
  const at = input.notified_at ? new Date(input.notified_at) : new Date();
  await repo.insertNotice(tx, {
    id,
    prisonId: ref.prisonId,
    releaseId: ref.releaseId ?? null,
    incidentId: ref.incidentId ?? null,
    audience: input.audience,
    recipient: input.recipient.trim(),
    channel: input.channel,
    notifiedAt: at,
    notes: input.notes ?? null,
    recordedBy: actor.userId,
  });
  await recordChange(tx, actor, {
    entity: 'movement_notice',
    entityId: id,
    personId: ref.personId,
    prisonId: ref.prisonId,
    action: 'create',
    after: {
      release_id: ref.releaseId ?? null,
      incident_id: ref.incidentId ?? null,
      audience: input.audience,
      recipient: input.recipient.trim(),
      channel: input.channel,
      notified_at: at.toISOString(),
    },
  });
}

/** Record who was told of a release (the family; the designated authorities), how and when. */
export async function addReleaseNotice(db: Db, actor: Actor, id: string, input: NoticeInput): Promise<ReleaseViewT> {
  authorize(actor, 'movements.release');
  await db.transaction(async (tx) => {
    const r = await loadRelease(tx, actor, id);
    authorize(actor, 'movements.release', r.prisonId);
    await insertNotice(tx, actor, { prisonId: r.prisonId, personId: r.personId, releaseId: r.id }, input);
  });
  return getRelease(db, actor, id);
}

/** The latest releases and incidents of a prison, for its list page. */
export async function recentMovements(db: Db, actor: Actor, prisonId: string) {
  authorize(actor, 'custody.read', prisonId);
  const [releases, incidents] = await Promise.all([
    can(actor, 'movements.release') ? repo.recentReleases(db, prisonId) : Promise.resolve([]),
    can(actor, 'movements.incident') ? repo.recentIncidents(db, prisonId) : Promise.resolve([]),
  ]);
  const people = new Map<string, string>();
  for (const id of new Set([...releases, ...incidents].map((x) => x.personId))) {
    const p = await getPerson(db, actor, id);
    people.set(id, `${p.family_name} ${p.given_names}`.trim());
  }
  return {
    releases: releases.map((r) => ({
      id: r.id,
      person_id: r.personId,
      person_name: people.get(r.personId) ?? '',
      reason: r.reason as ReleaseReason,
      state: r.state as ReleaseState,
      at: (r.releasedAt ?? r.checkedAt).toISOString(),
    })),
    incidents: incidents.map((i) => ({
      id: i.id,
      person_id: i.personId,
      person_name: people.get(i.personId) ?? '',
      kind: i.kind as 'escape' | 'death',
      at: i.occurredAt.toISOString(),
      recaptured: i.recapturedAt !== null,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Escapes, recaptures and deaths in custody

async function loadIncident(tx: Tx, actor: Actor, id: string, forUpdate = false): Promise<repo.IncidentRow> {
  authorize(actor, 'movements.incident');
  if (!UUID.test(id)) throw notFound();
  const i = await repo.findIncident(tx, id, forUpdate);
  if (!i) throw notFound();
  authorize(actor, 'movements.incident', i.prisonId);
  return i;
}

export async function getIncident(db: Db, actor: Actor, id: string): Promise<IncidentViewT> {
  const i = await loadIncident(db, actor, id);
  const a = await getAdmission(db, actor, i.admissionId);
  const person = await getPerson(db, actor, i.personId);
  const prison = await getPrison(db, actor, i.prisonId);
  const names = await repo.userNames(db, [i.recordedBy]);
  const notices = await repo.noticesOf(db, { incidentId: i.id });
  const checklist = await findIncidentChecklist(db, i.id);
  return {
    id: i.id,
    kind: i.kind,
    prison_id: i.prisonId,
    prison_code: prison.code,
    prison_name: prison.name,
    admission_id: i.admissionId,
    person: {
      id: person.id,
      family_name: person.family_name,
      given_names: person.given_names,
      committal_number: a.committal_number,
      sex: person.sex,
      birth: person.birth.date ?? '',
      father_name: person.father_name ?? null,
      mother_name: person.mother_name ?? null,
      nationality: person.nationality,
      photo_attachment_id: person.photo_attachment_id,
    },
    // What the person is accused or convicted of, as the file says it (never a label).
    charges: a.charges.map((c) => c.qualification),
    occurred_at: i.occurredAt.toISOString(),
    place: i.place,
    circumstances: i.circumstances,
    // The cause of a death as reported is health data: only for health.read.
    cause_reported: can(actor, 'health.read') ? i.causeReported : null,
    recorded_by_name: names.get(i.recordedBy) ?? null,
    recaptured_at: i.recapturedAt?.toISOString() ?? null,
    recapture_place: i.recapturePlace,
    recapture_admission_id: i.recaptureAdmissionId,
    notices,
    missing_alerts: i.kind === 'escape' ? missingEscapeAlerts(notices) : [],
    incident_checklist: { available: incidentChecklistAvailable(), href: checklist?.href ?? null },
  };
}

/** An escape or a death: the incident recorded and the admission ended (custody's endAdmission), in one transaction. */
async function recordIncident(
  db: Db,
  actor: Actor,
  kind: 'escape' | 'death',
  input: EscapeInput | DeathInput,
): Promise<IncidentViewT> {
  authorize(actor, 'movements.incident');
  const a = await getAdmission(db, actor, input.admission_id);
  authorize(actor, 'movements.incident', a.prison_id);
  if (a.ended_at) throw invalid([{ field: '/admission_id', key: 'movements.release.admission_ended' }]);
  const bad = instantProblem(input.occurred_at, '/occurred_at', new Date());
  if (bad) throw invalid([bad]);
  const at = new Date(input.occurred_at);
  if (at < new Date(a.admitted_at)) throw invalid([{ field: '/occurred_at', key: 'custody.end_before_admission' }]);
  const id = newId();
  await db.transaction(async (tx) => {
    if (await repo.openReleaseOf(tx, a.id)) {
      // A release in progress for someone who escaped or died is cancelled with the reason.
      const open = (await repo.openReleaseOf(tx, a.id))!;
      await repo.updateRelease(tx, open.id, { state: 'cancelled', cancelReason: kind });
      await recordChange(tx, actor, {
        entity: 'release',
        entityId: open.id,
        personId: a.person_id,
        prisonId: a.prison_id,
        action: 'cancel',
        reason: kind,
        before: { state: open.state },
        after: { state: 'cancelled' },
      });
    }
    await repo.insertIncident(tx, {
      id,
      prisonId: a.prison_id,
      admissionId: a.id,
      personId: a.person_id,
      kind,
      occurredAt: at,
      place: input.place.trim(),
      circumstances: input.circumstances.trim(),
      causeReported: 'cause_reported' in input ? (input.cause_reported ?? null) : null,
      recordedBy: actor.userId,
    });
    await endAdmission(tx, actor, a.id, { reason: kind, ended_at: at.toISOString(), detail: input.place.trim() });
    await recordChange(tx, actor, {
      entity: 'custody_incident',
      entityId: id,
      personId: a.person_id,
      prisonId: a.prison_id,
      action: kind,
      after: {
        admission_id: a.id,
        occurred_at: at.toISOString(),
        place: input.place.trim(),
        circumstances: input.circumstances.trim(),
        ...('cause_reported' in input ? { cause_reported: input.cause_reported ?? null } : {}),
      },
    });
    // A death opens the incident checklist where the incidents capability exists (the hook: incident-port.ts).
    if (kind === 'death')
      await openIncidentChecklist(tx, actor, {
        incidentId: id,
        kind,
        prisonId: a.prison_id,
        personId: a.person_id,
        admissionId: a.id,
        occurredAt: at,
      });
  });
  return getIncident(db, actor, id);
}

export const recordEscape = (db: Db, actor: Actor, input: EscapeInput) => recordIncident(db, actor, 'escape', input);
export const recordDeath = (db: Db, actor: Actor, input: DeathInput) => recordIncident(db, actor, 'death', input);

/** Record who was alerted (police, gendarmerie) or told (the family, the prosecutor), how and when. */
export async function addIncidentNotice(db: Db, actor: Actor, id: string, input: NoticeInput): Promise<IncidentViewT> {
  await db.transaction(async (tx) => {
    const i = await loadIncident(tx, actor, id);
    await insertNotice(tx, actor, { prisonId: i.prisonId, personId: i.personId, incidentId: i.id }, input);
  });
  return getIncident(db, actor, id);
}

/**
 * A recaptured escapee is readmitted on the same file: custody's admit with `person_id`, the legal
 * basis and charges of the admission they escaped from, linked to the escape.
 */
export async function recapture(db: Db, actor: Actor, id: string, input: RecaptureInput): Promise<IncidentViewT> {
  authorize(actor, 'movements.incident');
  await db.transaction(async (tx) => {
    const i = await loadIncident(tx, actor, id, true);
    const errors = recaptureProblems(
      {
        kind: i.kind as 'escape' | 'death',
        occurred_at: i.occurredAt.toISOString(),
        recaptured_at: i.recapturedAt?.toISOString() ?? null,
      },
      input.recaptured_at,
    );
    const bad = instantProblem(input.recaptured_at, '/recaptured_at', new Date());
    if (bad) errors.push(bad);
    if (errors.length) throw invalid(errors);
    const old = await getAdmission(db, actor, i.admissionId);
    const doc = old.documents[old.documents.length - 1];
    if (!doc || !old.charges.length) throw invalid([{ field: '/recaptured_at', key: 'movements.incident.no_basis' }]);
    const prison = await getPrison(tx, actor, i.prisonId);
    const admission: AdmissionInput = {
      prison: prison.code,
      person_id: i.personId,
      admitted_at: input.recaptured_at,
      arresting_authority: input.arresting_authority,
      arrested_at: input.recaptured_at,
      arrest_place: input.place.trim(),
      legal_document: {
        kind: doc.kind as AdmissionInput['legal_document']['kind'],
        authority: doc.authority,
        reference: doc.reference,
        issued_on: doc.issued_on,
        notes: m.t('fr', 'movements.incident.readmission_note', { committal: old.committal_number }),
      },
      charges: old.charges.map((c) => ({
        qualification: c.qualification,
        legal_reference: c.legal_reference,
        category: c.category as AdmissionInput['charges'][number]['category'],
        terrorism_related: c.terrorism_related,
      })),
      cell_id: input.cell_id ?? null,
    };
    const readmitted = await admit(tx, actor, admission);
    await repo.updateIncident(tx, i.id, {
      recapturedAt: new Date(input.recaptured_at),
      recapturePlace: input.place.trim(),
      recaptureAuthority: input.arresting_authority,
      recaptureAdmissionId: readmitted.id,
    });
    await recordChange(tx, actor, {
      entity: 'custody_incident',
      entityId: i.id,
      personId: i.personId,
      prisonId: i.prisonId,
      action: 'recapture',
      before: { recaptured_at: null },
      after: {
        recaptured_at: input.recaptured_at,
        place: input.place.trim(),
        arresting_authority: input.arresting_authority,
        admission_id: readmitted.id,
      },
    });
  });
  return getIncident(db, actor, id);
}

/** The incident form's context: the admission and person (the escape or death form, the alert sheet). */
export async function incidentContext(db: Db, actor: Actor, admissionId: string) {
  authorize(actor, 'movements.incident');
  if (!UUID.test(admissionId)) throw notFound();
  const a = await getAdmission(db, actor, admissionId);
  authorize(actor, 'movements.incident', a.prison_id);
  const person = await getPerson(db, actor, a.person_id);
  const incident = await repo.incidentOfAdmission(db, a.id);
  return { admission: a, person, incident_id: incident?.id ?? null };
}
