/**
 * Reading the stored justice state: refreshed when missing or stale, then the alerts and the backlog
 * from it.
 */
import type { Actor } from '../../../core/access.js';
import { bamakoDate, endOfBamakoDay, startOfBamakoDay } from '../../../core/dates.js';
import { type Lang, t } from '../../../core/i18n.js';
import type { Tx } from '../../../db/index.js';
import * as estateRepo from '../../estate/index.js';
import { addMonths } from '../calendar.js';
import '../messages.js';
import * as repo from '../repository.js';
import { type JusticeAlert, sortAlerts } from '../rules.js';
import { alertsFromSnapshot, backlogFromSnapshots, type JusticeSnapshot } from '../state.js';
import type { BacklogReport } from './backlog.js';
import { refreshJusticeStates, rowSnapshot } from './episodes.js';
import type { AlertView } from './views.js';

/**
 * Recompute the stored justice state of one admission (same transaction as the change that calls
 * it: a title, a hearing, a charge) so the alert list and the backlog read a table.
 */
export async function refreshJusticeState(
  tx: Tx,
  admissionId: string,
  actor: Actor | null = null,
  because = 'refresh',
): Promise<JusticeSnapshot | null> {
  const a = await repo.findAdmission(tx, admissionId);
  if (!a) return null;
  return (await refreshJusticeStates(tx, [a], actor, because)).get(a.id) ?? null;
}

interface HeldState {
  snap: JusticeSnapshot;
  committalNumber: string;
  name: string;
}

/** The stored states of the people held at the end of `asOf`; rows missing or marked stale are refreshed first. */
export async function heldStates(
  db: Tx,
  prisonIds: readonly string[] | undefined,
  asOf: string,
  opts: { figuresOnly?: boolean; ids?: readonly string[] } = {},
): Promise<HeldState[]> {
  const rows = await repo.heldStateRows(db, prisonIds, endOfBamakoDay(asOf), opts);
  const today = bamakoDate();
  const todo = rows.filter((r) => !r.has_state || r.stale || r.computed_on! > asOf || r.computed_on! > today);
  let fresh = new Map<string, JusticeSnapshot>();
  if (todo.length) {
    fresh = await db.transaction(async (tx) =>
      refreshJusticeStates(
        tx,
        await repo.findAdmissions(
          tx,
          todo.map((r) => r.id),
        ),
        null,
        'justice_state refresh',
      ),
    );
  }
  return rows.map((r) => {
    const f = fresh.get(r.id);
    const snap = f ? { ...f, admittedOn: r.admitted_on, endedOn: r.ended_on } : rowSnapshot(r);
    return { snap, committalNumber: r.committal_number, name: (r.name ?? '').trim() };
  });
}

/** The alerts from the stored states (dates on or after the day they were computed). */
export async function alertsFromStates(
  db: Tx,
  actor: Actor,
  prisonIds: readonly string[] | undefined,
  asOf: string,
  kind?: string,
  lang: Lang = actor.lang,
): Promise<AlertView[]> {
  const s = await repo.settings(db);
  const settings = { expiringWithinDays: s.expiringWithinDays, noHearingMonths: s.noHearingMonths };
  const states = await heldStates(db, prisonIds, asOf);
  const byId = new Map<string, HeldState>();
  const raw: JusticeAlert[] = [];
  for (const x of states) {
    const found = alertsFromSnapshot(x.snap, asOf, settings);
    if (!found.length) continue;
    byId.set(x.snap.admissionId, x);
    for (const a of found) if (!kind || a.kind === kind) raw.push(a);
  }
  // The action's words depend on the kind only: looked up once per kind, not once per alert.
  const actions = new Map<string, string>();
  return sortAlerts(raw).map((a) => {
    const h = byId.get(a.admissionId);
    let action = actions.get(a.actionKey);
    if (action === undefined) actions.set(a.actionKey, (action = t(lang, a.actionKey)));
    return {
      ...a,
      committal_number: h?.committalNumber,
      person_name: h?.name,
      label: t(lang, `justice.alert.${a.kind}`, { date: a.date ?? '', days: a.days }),
      action,
    };
  });
}

/** The backlog from the stored states, per prison and overall, with hearings per month counted by the database. */
export async function backlogFromStates(
  db: Tx,
  prisonRows: estateRepo.PrisonRow[],
  day: string,
): Promise<BacklogReport> {
  const ids = prisonRows.map((p) => p.id);
  // The settings, the states and the hearings are independent reads: asked at once.
  const [s, held, perPrison] = await Promise.all([
    repo.settings(db),
    ids.length ? heldStates(db, ids, day, { figuresOnly: true }) : [],
    ids.length
      ? repo.hearingsPerMonth(db, ids, startOfBamakoDay(addMonths(`${day.slice(0, 7)}-01`, -11)), endOfBamakoDay(day))
      : new Map<string, Map<string, number>>(),
  ]);
  const settings = { expiringWithinDays: s.expiringWithinDays, noHearingMonths: s.noHearingMonths };
  const states = held.map((x) => x.snap);
  const prisons = prisonRows.map((p) => ({
    prison_id: p.id,
    code: p.code,
    name: p.name,
    figures: backlogFromSnapshots(
      prisonRows.length === 1 ? states : states.filter((x) => x.prisonId === p.id),
      day,
      settings,
      perPrison.get(p.id) ?? new Map(),
    ),
  }));
  // One prison: the overall figures are that prison's (same people, same hearings), computed once.
  if (prisons.length === 1) return { as_of: day, overall: prisons[0].figures, prisons };
  const overall = new Map<string, number>();
  for (const m of perPrison.values()) for (const [k, v] of m) overall.set(k, (overall.get(k) ?? 0) + v);
  return { as_of: day, overall: backlogFromSnapshots(states, day, settings, overall), prisons };
}
