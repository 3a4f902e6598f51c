/**
 * Backlog figures, pure: the people held untried by duration, waiting for a hearing, and hearings
 * per month. See rules.ts and docs/justice.md.
 */
import { addMonths } from '../calendar.js';
import { DEFAULT_SETTINGS, type JusticeSettings } from '../pretrial.js';
import { alertsForCase } from './alerts.js';
import { type CaseEvaluation, type CaseInput, evaluateCase, hearingTookPlace, heldOn } from './cases.js';
import { isReleaseOutcome, isSentenced, isUntried } from './situation.js';

export const DURATION_BUCKETS = [
  { key: 'lt_1m', maxDays: 30 },
  { key: '1_3m', maxDays: 91 },
  { key: '3_6m', maxDays: 182 },
  { key: '6_12m', maxDays: 365 },
  { key: '1_2y', maxDays: 730 },
  { key: '2_3y', maxDays: 1095 },
  { key: 'gt_3y', maxDays: Infinity },
] as const;

export interface BacklogGroup {
  total: number;
  untried: number;
  underInvestigation: number;
  awaitingTrial: number;
  /** Convicted, in first instance or on appeal. */
  sentenced: number;
  convicted: number;
  appealing: number;
  /** Acquitted, released or pardoned but still held on that date. */
  releasePending: number;
  /** Whole percent, rounded half up; null when nobody is held. */
  sentencedPercent: number | null;
  untriedPercent: number | null;
  pretrial: {
    count: number;
    medianDays: number | null;
    meanDays: number | null;
    longestDays: number | null;
    longestAdmissionId: string | null;
    distribution: { bucket: string; count: number }[];
  };
  expiredTitles: number;
  expiringTitles: number;
  noHearing: number;
  /** People held on the date whose record shows days without a valid title (gaps, or expired now), and those days in all. */
  withoutTitle: { people: number; days: number };
}

export interface BacklogFigures {
  asOf: string;
  all: BacklogGroup;
  /** People accused or convicted of terrorism-related offences. */
  terrorismRelated: BacklogGroup;
  /** Court appearances that took place, per month, over the months up to `asOf`. */
  hearingsPerMonth: { month: string; count: number }[];
}

export function percent(part: number, whole: number): number | null {
  if (!whole) return null;
  return Math.floor((part * 100) / whole + 0.5);
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

function group(
  evals: readonly CaseEvaluation[],
  settings: Pick<JusticeSettings, 'expiringWithinDays' | 'noHearingMonths'>,
): BacklogGroup {
  const held = evals.filter((e) => e.held);
  const n = (f: (e: CaseEvaluation) => boolean) => held.filter(f).length;
  const untriedCases = held.filter((e) => isUntried(e.situation.status));
  const days = untriedCases.map((e) => e.pretrial.daysInPretrial);
  let longest: CaseEvaluation | null = null;
  for (const e of untriedCases)
    if (!longest || e.pretrial.daysInPretrial > longest.pretrial.daysInPretrial) longest = e;
  const alerts = held.flatMap((e) => alertsForCase(e, settings));
  const total = held.length;
  const sentenced = n((e) => isSentenced(e.situation.status));
  const untried = untriedCases.length;
  let lower = -1;
  const distribution = DURATION_BUCKETS.map((b) => {
    const count = days.filter((d) => d > lower && d <= b.maxDays).length;
    lower = b.maxDays;
    return { bucket: b.key, count };
  });
  return {
    total,
    untried,
    underInvestigation: n((e) => e.situation.status === 'under_investigation'),
    awaitingTrial: n((e) => e.situation.status === 'awaiting_trial'),
    sentenced,
    convicted: n((e) => e.situation.status === 'convicted'),
    appealing: n((e) => e.situation.status === 'appealing'),
    releasePending: n((e) => isReleaseOutcome(e.situation.status)),
    sentencedPercent: percent(sentenced, total),
    untriedPercent: percent(untried, total),
    pretrial: {
      count: days.length,
      medianDays: median(days),
      meanDays: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null,
      longestDays: longest ? longest.pretrial.daysInPretrial : null,
      longestAdmissionId: longest?.admissionId ?? null,
      distribution,
    },
    expiredTitles: alerts.filter((a) => a.kind === 'expired' || a.kind === 'no_title').length,
    expiringTitles: alerts.filter((a) => a.kind === 'expiring').length,
    noHearing: alerts.filter((a) => a.kind === 'no_hearing').length,
    withoutTitle: {
      people: held.filter((e) => e.pretrial.daysWithoutTitle > 0).length,
      days: held.reduce((n, e) => n + e.pretrial.daysWithoutTitle, 0),
    },
  };
}

/** The months "YYYY-MM" ending with the month of `asOf`, oldest first. */
export function monthsUpTo(asOf: string, count: number): string[] {
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) out.push(addMonths(`${asOf.slice(0, 7)}-01`, -i).slice(0, 7));
  return out;
}

/**
 * The backlog as of a date, from the cases: who is held that day, untried and sentenced counts and
 * shares, time in pre-trial detention, expired titles, and hearings held per month.
 */
export function backlogFigures(
  cases: readonly CaseInput[],
  asOf: string,
  settings: JusticeSettings = DEFAULT_SETTINGS,
  monthsBack = 12,
): BacklogFigures {
  const evals = cases.filter((c) => heldOn(c, asOf)).map((c) => evaluateCase(c, asOf, settings));
  const months = monthsUpTo(asOf, monthsBack);
  const counts = new Map(months.map((m) => [m, 0]));
  for (const c of cases)
    for (const h of c.hearings) {
      if (h.date > asOf || !hearingTookPlace(h.outcome)) continue;
      const m = h.date.slice(0, 7);
      if (counts.has(m)) counts.set(m, counts.get(m)! + 1);
    }
  return {
    asOf,
    all: group(evals, settings),
    terrorismRelated: group(
      evals.filter((e) => e.terrorismRelated),
      settings,
    ),
    hearingsPerMonth: months.map((month) => ({ month, count: counts.get(month)! })),
  };
}
