/**
 * Justice alerts for a prison or for every prison in the actor's scope, and the home page's summary.
 */
import { type Actor, scopeFilter } from '../../../core/access.js';
import { bamakoDate, endOfBamakoDay } from '../../../core/dates.js';
import type { Lang } from '../../../core/i18n.js';
import type { Db, Tx } from '../../../db/index.js';
import * as repo from '../repository.js';
import { alertsForCase, evaluateCase, sortAlerts } from '../rules.js';
import { alertsFromSnapshot } from '../state.js';
import { resolvePrison, staffPrisonScope } from './access.js';
import { refreshJusticeStates } from './episodes.js';
import { checkAsOf } from './file.js';
import { loadCases, type LoadedCase, loadSettings } from './load.js';
import { alertsFromStates, heldStates } from './stored.js';
import { alertView, type AlertView } from './views.js';

async function heldCases(db: Tx, prisonIds: readonly string[] | undefined, asOf: string): Promise<LoadedCase[]> {
  const end = endOfBamakoDay(asOf);
  return loadCases(db, await repo.admissionsOverlapping(db, prisonIds, end, end));
}

async function alertsFor(
  db: Tx,
  actor: Actor,
  prisonIds: readonly string[] | undefined,
  asOf: string,
  kind?: string,
  lang: Lang = actor.lang,
): Promise<AlertView[]> {
  // Today and after: read the stored states (refreshed with every change); a past date recomputes from the records.
  if (asOf >= bamakoDate()) return alertsFromStates(db, actor, prisonIds, asOf, kind, lang);
  const settings = await loadSettings(db);
  const cases = await heldCases(db, prisonIds, asOf);
  const byId = new Map(cases.map((c) => [c.admission.id, c.admission]));
  let alerts = sortAlerts(cases.flatMap((c) => alertsForCase(evaluateCase(c.input, asOf, settings), settings)));
  if (kind) alerts = alerts.filter((a) => a.kind === kind);
  const names = await repo.peopleNames(db, [...new Set(alerts.map((a) => a.personId!).filter(Boolean))]);
  return alerts.map((a) => {
    const n = a.personId ? names.get(a.personId) : undefined;
    return alertView(a, lang, {
      committal_number: byId.get(a.admissionId)?.committalNumber,
      person_name: n ? `${n.familyName} ${n.givenNames}`.trim() : undefined,
    });
  });
}

/**
 * The justice alerts of one prison as of a date (today by default), most serious first: for the
 * director's home page.
 */
export async function justiceAlertsForPrison(
  db: Db,
  actor: Actor,
  prisonId: string,
  asOf?: string,
): Promise<AlertView[]> {
  const day = checkAsOf(asOf);
  staffPrisonScope(actor, 'justice.read', prisonId);
  return alertsFor(db, actor, [prisonId], day);
}

/**
 * The director's home page: how many justice alerts a prison has as of a date (today by default)
 * and the first `limit`, most serious first — the same as the first items of
 * `justiceAlertsForPrison`. From today on, the database counts and orders them from the stored
 * states and only the first ones are read and worded; a past date takes the full list.
 */
export async function justiceAlertSummary(
  db: Db,
  actor: Actor,
  prisonId: string,
  opts: { asOf?: string; limit?: number; lang?: Lang } = {},
): Promise<{ total: number; items: AlertView[] }> {
  const day = checkAsOf(opts.asOf);
  const lang = opts.lang ?? actor.lang;
  staffPrisonScope(actor, 'justice.read', prisonId);
  const limit = Math.max(0, Math.min(opts.limit ?? 25, 500));
  const today = bamakoDate();
  if (day < today) {
    const all = await alertsFor(db, actor, [prisonId], day, undefined, lang);
    return { total: all.length, items: all.slice(0, limit) };
  }
  const s = await repo.settings(db);
  const settings = { expiringWithinDays: s.expiringWithinDays, noHearingMonths: s.noHearingMonths };
  let sum = await repo.alertSummary(db, [prisonId], day, today, endOfBamakoDay(day), settings, limit);
  if (sum.refresh.length) {
    const ids = sum.refresh;
    await db.transaction(async (tx) =>
      refreshJusticeStates(tx, await repo.findAdmissions(tx, ids), null, 'justice_state refresh'),
    );
    sum = await repo.alertSummary(db, [prisonId], day, today, endOfBamakoDay(day), settings, limit);
  }
  const states = sum.top.length ? await heldStates(db, [prisonId], day, { ids: sum.top }) : [];
  const byId = new Map(states.map((x) => [x.snap.admissionId, x]));
  const items = sortAlerts(states.flatMap((x) => alertsFromSnapshot(x.snap, day, settings)))
    .slice(0, limit)
    .map((a) => {
      const h = byId.get(a.admissionId);
      return alertView(a, lang, { committal_number: h?.committalNumber, person_name: h?.name });
    });
  return { total: sum.total, items };
}

/** Alerts for one prison (id or code) or every prison in the actor's scope. */
export async function listAlerts(
  db: Db,
  actor: Actor,
  opts: { prison?: string; as_of?: string; kind?: string; lang?: Lang } = {},
): Promise<{ as_of: string; items: AlertView[] }> {
  const day = checkAsOf(opts.as_of);
  staffPrisonScope(actor, 'justice.read');
  const prisons = opts.prison ? [(await resolvePrison(db, actor, opts.prison)).id] : scopeFilter(actor);
  return { as_of: day, items: await alertsFor(db, actor, prisons, day, opts.kind, opts.lang) };
}
