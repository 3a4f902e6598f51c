/**
 * Hearings and the court list: production orders, their outcome and changes, the people to take to
 * court on a day.
 */
import type { Actor } from '../../../core/access.js';
import { bamakoDate, endOfBamakoDay, startOfBamakoDay } from '../../../core/dates.js';
import { AppError, forbidden, invalid, notFound } from '../../../core/errors.js';
import { recordAccess, recordChange } from '../../../core/history.js';
import { newId } from '../../../core/ids.js';
import type { Lang } from '../../../core/i18n.js';
import type { Db, Tx } from '../../../db/index.js';
import { findOpenPlacements } from '../../custody/index.js';
import { findCellsById } from '../../estate/index.js';
import { addDays, isDate } from '../calendar.js';
import * as repo from '../repository.js';
import { deriveLegalSituation, HEARING_OUTCOMES, type HearingOutcome, isSentenced } from '../rules.js';
import { resolvePrison, visibleAdmission } from './access.js';
import { checkAsOf } from './file.js';
import { loadCases } from './load.js';
import { refreshJusticeState } from './stored.js';
import { resolveJurisdiction } from './title-input.js';
import { chargeWording, hearingView, type HearingView } from './views.js';

export interface HearingInput {
  court: string;
  jurisdiction?: string | null;
  scheduled_at: string;
  purpose?: string | null;
  production_order_ref?: string | null;
  ordered_by?: string | null;
  escort_unit?: string | null;
  escort_leader?: string | null;
  escort_size?: number | null;
  vehicle?: string | null;
}

function parseInstant(s: string, field: string): Date {
  const d = new Date(s);
  if (!s || Number.isNaN(d.getTime())) throw invalid([{ field, key: 'field.invalid_date' }]);
  return d;
}

/** Schedule a court appearance (production order) for a detainee held on this admission. */
export async function scheduleHearing(
  db: Db,
  actor: Actor,
  admissionId: string,
  input: HearingInput,
  opts: { lang?: Lang } = {},
): Promise<HearingView> {
  if (!input.court?.trim()) throw invalid([{ field: '/court', key: 'field.required' }]);
  const at = parseInstant(input.scheduled_at, '/scheduled_at');
  return db.transaction(async (tx) => {
    const { a, access } = await visibleAdmission(tx, actor, admissionId, 'justice.write', true);
    if (a.endedAt) throw invalid([{ field: '/', key: 'justice.hearing.admission_ended' }]);
    const jurisdictionId = await resolveJurisdiction(tx, access, input, '/jurisdiction');
    const id = newId();
    const row = {
      id,
      prisonId: a.prisonId,
      admissionId: a.id,
      personId: a.personId,
      jurisdictionId,
      court: input.court.trim(),
      scheduledAt: at,
      purpose: input.purpose ?? null,
      productionOrderRef: input.production_order_ref ?? null,
      orderedBy: input.ordered_by ?? null,
      escortUnit: input.escort_unit ?? null,
      escortLeader: input.escort_leader ?? null,
      escortSize: input.escort_size ?? null,
      vehicle: input.vehicle ?? null,
      createdBy: actor.userId,
    };
    await repo.insertHearing(tx, row);
    await recordChange(tx, actor, {
      entity: 'hearing',
      entityId: id,
      personId: a.personId,
      prisonId: a.prisonId,
      action: 'create',
      after: { ...input, jurisdiction_id: jurisdictionId },
    });
    if (access.partner)
      await recordAccess(tx, actor, {
        category: 'partner',
        action: 'write',
        entity: 'hearing',
        entityId: id,
        personId: a.personId,
        prisonId: a.prisonId,
      });
    await refreshJusticeState(tx, a.id, actor, `hearing ${row.court}`);
    return hearingView((await repo.findHearing(tx, id))!, opts.lang ?? actor.lang);
  });
}

async function editableHearing(tx: Tx, actor: Actor, id: string, version?: number) {
  const h = await repo.findHearing(tx, id, true);
  if (!h) throw notFound();
  const { a, access } = await visibleAdmission(tx, actor, h.admissionId, 'justice.write');
  if (access.partner && (!h.jurisdictionId || !access.jurisdictions.includes(h.jurisdictionId)))
    throw forbidden('justice.partner.own_hearings_only');
  if (version !== undefined && version !== h.version) throw new AppError(409, 'error.conflict');
  return { h, a, access };
}

/** What happened at the hearing: held, adjourned, not produced (no escort), cancelled. */
export async function recordHearingOutcome(
  db: Db,
  actor: Actor,
  hearingId: string,
  input: { outcome: HearingOutcome; notes?: string | null; next_date?: string | null; version?: number },
  opts: { lang?: Lang } = {},
): Promise<HearingView> {
  if (!(HEARING_OUTCOMES as readonly string[]).includes(input.outcome))
    throw invalid([{ field: '/outcome', key: 'field.unknown_code', params: { code: input.outcome, kind: 'outcome' } }]);
  if (input.next_date && !isDate(input.next_date)) throw invalid([{ field: '/next_date', key: 'field.invalid_date' }]);
  return db.transaction(async (tx) => {
    const { h, a, access } = await editableHearing(tx, actor, hearingId, input.version);
    const patch = {
      outcome: input.outcome,
      outcomeNotes: input.notes ?? null,
      nextDate: input.next_date ?? null,
      outcomeAt: new Date(),
      outcomeBy: actor.userId,
    };
    await repo.updateHearing(tx, h.id, patch);
    await recordChange(tx, actor, {
      entity: 'hearing',
      entityId: h.id,
      personId: a.personId,
      prisonId: a.prisonId,
      action: h.outcome ? 'outcome_correction' : 'outcome',
      reason: input.notes ?? null,
      before: { outcome: h.outcome, outcome_notes: h.outcomeNotes, next_date: h.nextDate },
      after: { outcome: input.outcome, outcome_notes: patch.outcomeNotes, next_date: patch.nextDate },
    });
    if (access.partner)
      await recordAccess(tx, actor, {
        category: 'partner',
        action: 'write',
        entity: 'hearing',
        entityId: h.id,
        personId: a.personId,
        prisonId: a.prisonId,
      });
    await refreshJusticeState(tx, a.id, actor, `hearing ${h.court}`);
    return hearingView((await repo.findHearing(tx, h.id))!, opts.lang ?? actor.lang);
  });
}

/** Change the date or the escort of a hearing, with the reason. */
export async function updateHearing(
  db: Db,
  actor: Actor,
  hearingId: string,
  input: { changes: Partial<Omit<HearingInput, 'jurisdiction'>>; reason: string; version?: number },
  opts: { lang?: Lang } = {},
): Promise<HearingView> {
  if (!input.reason?.trim()) throw invalid([{ field: '/reason', key: 'field.reason_required' }]);
  return db.transaction(async (tx) => {
    const { h, a, access } = await editableHearing(tx, actor, hearingId, input.version);
    const c = input.changes;
    const patch: Partial<repo.HearingRow> = {};
    if (c.court !== undefined) {
      if (!c.court.trim()) throw invalid([{ field: '/changes/court', key: 'field.required' }]);
      patch.court = c.court.trim();
    }
    if (c.scheduled_at !== undefined) patch.scheduledAt = parseInstant(c.scheduled_at, '/changes/scheduled_at');
    if (c.purpose !== undefined) patch.purpose = c.purpose;
    if (c.production_order_ref !== undefined) patch.productionOrderRef = c.production_order_ref;
    if (c.ordered_by !== undefined) patch.orderedBy = c.ordered_by;
    if (c.escort_unit !== undefined) patch.escortUnit = c.escort_unit;
    if (c.escort_leader !== undefined) patch.escortLeader = c.escort_leader;
    if (c.escort_size !== undefined) patch.escortSize = c.escort_size;
    if (c.vehicle !== undefined) patch.vehicle = c.vehicle;
    if (!Object.keys(patch).length) throw invalid([{ field: '/changes', key: 'justice.title.nothing_to_correct' }]);
    const before = Object.fromEntries((Object.keys(patch) as (keyof repo.HearingRow)[]).map((k) => [k, h[k]]));
    await repo.updateHearing(tx, h.id, patch);
    await recordChange(tx, actor, {
      entity: 'hearing',
      entityId: h.id,
      personId: a.personId,
      prisonId: a.prisonId,
      action: 'update',
      reason: input.reason,
      before,
      after: patch,
    });
    if (access.partner)
      await recordAccess(tx, actor, {
        category: 'partner',
        action: 'write',
        entity: 'hearing',
        entityId: h.id,
        personId: a.personId,
        prisonId: a.prisonId,
      });
    await refreshJusticeState(tx, a.id, actor, `hearing ${h.court}`);
    return hearingView((await repo.findHearing(tx, h.id))!, opts.lang ?? actor.lang);
  });
}

export interface CourtListItem extends HearingView {
  committal_number: string;
  family_name: string;
  given_names: string;
  father_name: string | null;
  cell: string | null;
  charges: string[];
}
export interface CourtList {
  prison_id: string;
  prison_code: string;
  prison_name: string;
  date: string;
  items: CourtListItem[];
}

/** The people to take to court on a day (tomorrow by default), with the escort's details. */
export async function courtList(
  db: Db,
  actor: Actor,
  prisonIdOrCode: string,
  date?: string,
  opts: { lang?: Lang } = {},
): Promise<CourtList> {
  const lang = opts.lang ?? actor.lang;
  const day = date ? checkAsOf(date, '/date') : addDays(bamakoDate(), 1);
  const p = await resolvePrison(db, actor, prisonIdOrCode);
  const hearings = await repo.hearingsOfDay(db, p.id, startOfBamakoDay(day), endOfBamakoDay(day));
  const admissionIds = [...new Set(hearings.map((h) => h.admissionId))];
  // Who (custody's admission, people's names) and where they sleep (custody's open placement in
  // estate's cell), each asked once for the day's hearings through the owning module's front door.
  const [admissions, names, placements] = await Promise.all([
    repo.findAdmissions(db, admissionIds),
    repo.peopleNames(db, [...new Set(hearings.map((h) => h.personId))]),
    findOpenPlacements(db, admissionIds),
  ]);
  const cellOf = new Map(placements.flatMap((pl) => (pl.cellId ? [[pl.admissionId, pl.cellId] as const] : [])));
  const cellCodes = new Map((await findCellsById(db, [...cellOf.values()])).map((c) => [c.id, c.code]));
  const admissionById = new Map(admissions.map((a) => [a.id, a]));
  const rows = hearings
    .flatMap((h) => {
      const a = admissionById.get(h.admissionId);
      const n = names.get(h.personId);
      if (!a || !n) return [];
      const cellId = cellOf.get(h.admissionId);
      return [{ h, committalNumber: a.committalNumber, ...n, cellCode: (cellId && cellCodes.get(cellId)) ?? null }];
    })
    // In time order, then by family name (the database's C collation: code point order).
    .sort(
      (x, y) =>
        x.h.scheduledAt.getTime() - y.h.scheduledAt.getTime() ||
        (x.familyName < y.familyName ? -1 : x.familyName > y.familyName ? 1 : 0),
    );
  const cases = await loadCases(db, admissions);
  const wording = new Map(
    cases.map((c) => {
      const sentenced = isSentenced(deriveLegalSituation(c.input.titles, day).status);
      return [c.admission.id, c.charges.map((x) => chargeWording(lang, x.qualification, sentenced))];
    }),
  );
  return {
    prison_id: p.id,
    prison_code: p.code,
    prison_name: p.name,
    date: day,
    items: rows.map((r) => ({
      ...hearingView(r.h, lang),
      committal_number: r.committalNumber,
      family_name: r.familyName,
      given_names: r.givenNames,
      father_name: r.fatherName,
      cell: r.cellCode,
      charges: wording.get(r.h.admissionId) ?? [],
    })),
  };
}
