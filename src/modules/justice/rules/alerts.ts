/**
 * Justice alerts, pure: what a case evaluated on a date calls for (expired title, held without a
 * title, release due, expiring soon, …), and their order. See rules.ts and docs/justice.md.
 */
import { addMonths, daysBetween } from '../calendar.js';
import { DEFAULT_SETTINGS, type JusticeSettings } from '../pretrial.js';
import type { CaseEvaluation } from './cases.js';
import { isReleaseOutcome, isSentenced, isUntried } from './situation.js';

export const ALERT_KINDS = [
  'expired',
  'no_title',
  'release_due',
  'expiring',
  'no_hearing',
  'release_soon',
  'category_assumed',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface JusticeAlert {
  kind: AlertKind;
  severity: 'critical' | 'warning';
  admissionId: string;
  prisonId: string;
  personId?: string;
  /** The date the alert turns on: expiry, release date, last hearing. */
  date: string | null;
  /** Days left (expiring) or days overdue (expired, release due, no hearing). */
  days: number;
  titleId: string | null;
  /** A message key for the action the prison must take (art. 129 for an expired title). */
  actionKey: string;
}

/**
 * The alerts for a case held on `asOf`:
 * - expired: untried and held past the last day the titles cover (the most serious: held without a
 *   valid title; art. 129 makes informing the judge and the prosecutor the director's duty);
 * - no_title: untried with no detention order on file;
 * - release_due: sentence served, or acquitted / released / pardoned, and still held;
 * - expiring: the title expires within `expiringWithinDays`;
 * - no_hearing: untried and no court appearance for `noHearingMonths` months (since the last
 *   hearing, else since the start of detention).
 */
export function alertsForCase(
  e: CaseEvaluation,
  settings: Pick<JusticeSettings, 'expiringWithinDays' | 'noHearingMonths'> = DEFAULT_SETTINGS,
): JusticeAlert[] {
  if (!e.held) return [];
  const out: JusticeAlert[] = [];
  const base = { admissionId: e.admissionId, prisonId: e.prisonId, personId: e.personId };
  const s = e.situation;
  const p = e.pretrial;
  if (isReleaseOutcome(s.status)) {
    const d = s.outcome?.issuedOn ?? e.asOf;
    out.push({
      ...base,
      kind: 'release_due',
      severity: 'critical',
      date: d,
      days: daysBetween(d, e.asOf),
      titleId: s.outcome?.id ?? null,
      actionKey: 'justice.action.release',
    });
  } else if (isSentenced(s.status) && e.release?.releaseOn && e.release.releaseOn <= e.asOf) {
    out.push({
      ...base,
      kind: 'release_due',
      severity: 'critical',
      date: e.release.releaseOn,
      days: daysBetween(e.release.releaseOn, e.asOf),
      titleId: s.judgment?.id ?? null,
      actionKey: 'justice.action.release',
    });
  } else if (
    isSentenced(s.status) &&
    e.release?.releaseOn &&
    daysBetween(e.asOf, e.release.releaseOn) <= settings.expiringWithinDays
  ) {
    // Release near: within the same window as an expiring title, so the registry prepares it.
    out.push({
      ...base,
      kind: 'release_soon',
      severity: 'warning',
      date: e.release.releaseOn,
      days: daysBetween(e.asOf, e.release.releaseOn),
      titleId: s.judgment?.id ?? null,
      actionKey: 'justice.action.prepare_release',
    });
  }
  if (s.status === 'under_investigation') {
    if (!s.detentionOrders.length) {
      out.push({
        ...base,
        kind: 'no_title',
        severity: 'critical',
        date: null,
        days: 0,
        titleId: null,
        actionKey: 'justice.action.art129',
      });
    } else if (p.expiresOn && p.daysLeft !== null) {
      if (p.daysLeft < 0)
        out.push({
          ...base,
          kind: 'expired',
          severity: 'critical',
          date: p.expiresOn,
          days: -p.daysLeft,
          titleId: p.currentTitleId,
          actionKey: 'justice.action.art129',
        });
      else if (p.daysLeft <= settings.expiringWithinDays)
        out.push({
          ...base,
          kind: 'expiring',
          severity: 'warning',
          date: p.expiresOn,
          days: p.daysLeft,
          titleId: p.currentTitleId,
          actionKey: 'justice.action.remind_judge',
        });
    }
  }
  // The limits rest on an assumed category (the protective one): ask the court for it.
  if (s.status === 'under_investigation' && e.categoryAssumed && s.detentionOrders.length) {
    out.push({
      ...base,
      kind: 'category_assumed',
      severity: 'warning',
      date: null,
      days: 0,
      titleId: p.currentTitleId,
      actionKey: 'justice.action.confirm_category',
    });
  }
  if (isUntried(s.status)) {
    const since = e.lastHearingOn ?? p.start ?? null;
    if (since && addMonths(since, settings.noHearingMonths) <= e.asOf) {
      out.push({
        ...base,
        kind: 'no_hearing',
        severity: 'warning',
        date: e.lastHearingOn,
        days: daysBetween(since, e.asOf),
        titleId: s.basis?.id ?? null,
        actionKey: 'justice.action.request_hearing',
      });
    }
  }
  return out;
}

const SEVERITY_ORDER = { critical: 0, warning: 1 } as const;
const KIND_ORDER: Record<AlertKind, number> = {
  expired: 0,
  no_title: 1,
  release_due: 2,
  expiring: 3,
  release_soon: 4,
  no_hearing: 5,
  category_assumed: 6,
};

/** Most serious first; within a kind, the longest overdue (or the soonest to expire) first. */
export function sortAlerts(alerts: JusticeAlert[]): JusticeAlert[] {
  return [...alerts].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      (a.kind === 'expiring' || a.kind === 'release_soon' ? a.days - b.days : b.days - a.days) ||
      (a.admissionId < b.admissionId ? -1 : a.admissionId > b.admissionId ? 1 : 0),
  );
}
