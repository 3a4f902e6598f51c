/**
 * The stored justice state of an admission, pure: what `refreshJusticeState` keeps in the
 * justice_state table (one row per admission), and the alerts and backlog figures computed from it
 * for any date on or after the day it was computed. The titles, charges and hearings do not change
 * without a refresh (the service refreshes in the same transaction; triggers mark the row stale for
 * writes from elsewhere), so the row stays true as days pass: only the comparisons with the date move.
 * Tests check that these give the same answers as `alertsForCase` and `backlogFigures`.
 */
import { dayNumber } from './calendar.js';
import {
  type BacklogFigures,
  type BacklogGroup,
  type CaseEvaluation,
  DURATION_BUCKETS,
  heldOn,
  isReleaseOutcome,
  isSentenced,
  isUntried,
  type JusticeAlert,
  type JusticeSettings,
  type LegalStatus,
  median,
  monthsUpTo,
  type OffenceCategory,
  percent,
} from './rules.js';

/** Day numbers memoised: a prison's 4,000 states share few distinct dates, and parsing one is the main cost here. */
const dayCache = new Map<string, number>();
function day(d: string): number {
  let n = dayCache.get(d);
  if (n === undefined) {
    n = dayNumber(d);
    if (dayCache.size > 100_000) dayCache.clear();
    dayCache.set(d, n);
  }
  return n;
}
/** b − a in days (as calendar.daysBetween). */
const daysBetween = (a: string, b: string): number => day(b) - day(a);

export interface JusticeSnapshot {
  admissionId: string;
  prisonId: string;
  personId?: string;
  admittedOn: string;
  endedOn?: string | null;
  /** The day the snapshot was computed: valid for that day and after. */
  computedOn: string;
  status: LegalStatus;
  category: OffenceCategory;
  categoryAssumed: boolean;
  terrorismRelated: boolean;
  hasDetentionOrder: boolean;
  pretrialStart: string | null;
  /** Last day the titles cover, while the pre-trial limits apply. */
  expiresOn: string | null;
  /** The periods of the titles (title, first and last day): the one in force on a date names the alert. */
  periods: { titleId: string; from: string; to: string | null }[];
  basisTitleId: string | null;
  judgmentOn: string | null;
  /** Release due on: the release date of the sentence, or the day of an acquittal, release order or full pardon. */
  releaseOn: string | null;
  releaseTitleId: string | null;
  outcomeOn: string | null;
  lastHearingOn: string | null;
  /** Days held without a valid title between titles (closed gaps). */
  gapDays: number;
}

export function snapshotOf(e: CaseEvaluation, c: { admittedOn: string; endedOn?: string | null }): JusticeSnapshot {
  const s = e.situation;
  const p = e.pretrial;
  const outcome = isReleaseOutcome(s.status) ? s.outcome : null;
  return {
    admissionId: e.admissionId,
    prisonId: e.prisonId,
    personId: e.personId,
    admittedOn: c.admittedOn,
    endedOn: c.endedOn ?? null,
    computedOn: e.asOf,
    status: s.status,
    category: e.category,
    categoryAssumed: e.categoryAssumed,
    terrorismRelated: e.terrorismRelated,
    hasDetentionOrder: s.detentionOrders.length > 0,
    pretrialStart: p.start,
    expiresOn: p.expiresOn,
    periods: p.periods.map((x) => ({ titleId: x.titleId, from: x.from, to: x.to })),
    basisTitleId: s.basis?.id ?? null,
    judgmentOn: s.judgment?.issuedOn ?? null,
    releaseOn: outcome ? outcome.issuedOn : isSentenced(s.status) ? (e.release?.releaseOn ?? null) : null,
    releaseTitleId: outcome ? outcome.id : isSentenced(s.status) ? (s.judgment?.id ?? null) : null,
    outcomeOn: outcome?.issuedOn ?? null,
    lastHearingOn: e.lastHearingOn,
    gapDays: p.gaps.reduce((n, g) => n + g.days, 0),
  };
}

/** Days in pre-trial detention on a date, both ends counted, until the day before the judgment. */
function pretrialDaysOf(s: JusticeSnapshot, asOf: string): number {
  if (!s.pretrialStart || s.pretrialStart > asOf) return 0;
  const end =
    s.judgmentOn && s.judgmentOn <= asOf
      ? daysBetween(s.pretrialStart, s.judgmentOn) - 1
      : daysBetween(s.pretrialStart, asOf);
  return end < 0 ? 0 : end + 1;
}

/** Every day held without a valid title up to the date: the closed gaps and, when expired, the days since expiry. */
export function daysWithoutTitleOf(s: JusticeSnapshot, asOf: string): number {
  const open =
    s.status === 'under_investigation' && s.expiresOn && s.expiresOn < asOf ? daysBetween(s.expiresOn, asOf) : 0;
  return s.gapDays + open;
}

/** The title in force on the date (the last period covering it), else the last period's. */
function currentTitleIdOf(s: JusticeSnapshot, asOf: string): string | null {
  const ps = s.periods;
  for (let i = ps.length - 1; i >= 0; i--) {
    const p = ps[i];
    if (p.from <= asOf && (p.to === null || p.to >= asOf)) return p.titleId;
  }
  return ps.length ? ps[ps.length - 1].titleId : null;
}

/** `addMonths(since, months) <= asOf` without building the date (both ISO days): the month is compared first,
 * then the day clamped to the month's length. */
export function monthsReached(since: string, months: number, asOf: string): boolean {
  const total = Number(since.slice(0, 4)) * 12 + Number(since.slice(5, 7)) - 1 + months;
  const target = Number(asOf.slice(0, 4)) * 12 + Number(asOf.slice(5, 7)) - 1;
  if (total !== target) return total < target;
  const y = Math.floor(total / 12),
    m0 = total - y * 12;
  const dim = new Date(Date.UTC(y, m0 + 1, 0)).getUTCDate();
  return Math.min(Number(since.slice(8, 10)), dim) <= Number(asOf.slice(8, 10));
}

/**
 * The same alerts as `alertsForCase`, from the stored state, on any date from the day it was
 * computed. Called for every person held on each home page: no copies, the title in force looked
 * up only when an alert names it.
 */
export function alertsFromSnapshot(
  s: JusticeSnapshot,
  asOf: string,
  settings: Pick<JusticeSettings, 'expiringWithinDays' | 'noHearingMonths'>,
): JusticeAlert[] {
  const out: JusticeAlert[] = [];
  if (!heldOn(s, asOf)) return out;
  const { admissionId, prisonId, personId, status } = s;
  if (isReleaseOutcome(status)) {
    const d = s.outcomeOn ?? asOf;
    out.push({
      admissionId,
      prisonId,
      personId,
      kind: 'release_due',
      severity: 'critical',
      date: d,
      days: daysBetween(d, asOf),
      titleId: s.releaseTitleId,
      actionKey: 'justice.action.release',
    });
  } else if (isSentenced(status) && s.releaseOn) {
    if (s.releaseOn <= asOf) {
      out.push({
        admissionId,
        prisonId,
        personId,
        kind: 'release_due',
        severity: 'critical',
        date: s.releaseOn,
        days: daysBetween(s.releaseOn, asOf),
        titleId: s.releaseTitleId,
        actionKey: 'justice.action.release',
      });
    } else {
      const left = daysBetween(asOf, s.releaseOn);
      if (left <= settings.expiringWithinDays)
        out.push({
          admissionId,
          prisonId,
          personId,
          kind: 'release_soon',
          severity: 'warning',
          date: s.releaseOn,
          days: left,
          titleId: s.releaseTitleId,
          actionKey: 'justice.action.prepare_release',
        });
    }
  }
  if (status === 'under_investigation') {
    if (!s.hasDetentionOrder) {
      out.push({
        admissionId,
        prisonId,
        personId,
        kind: 'no_title',
        severity: 'critical',
        date: null,
        days: 0,
        titleId: null,
        actionKey: 'justice.action.art129',
      });
    } else if (s.expiresOn) {
      const daysLeft = daysBetween(asOf, s.expiresOn);
      if (daysLeft < 0)
        out.push({
          admissionId,
          prisonId,
          personId,
          kind: 'expired',
          severity: 'critical',
          date: s.expiresOn,
          days: -daysLeft,
          titleId: currentTitleIdOf(s, asOf),
          actionKey: 'justice.action.art129',
        });
      else if (daysLeft <= settings.expiringWithinDays)
        out.push({
          admissionId,
          prisonId,
          personId,
          kind: 'expiring',
          severity: 'warning',
          date: s.expiresOn,
          days: daysLeft,
          titleId: currentTitleIdOf(s, asOf),
          actionKey: 'justice.action.remind_judge',
        });
    }
    if (s.categoryAssumed && s.hasDetentionOrder)
      out.push({
        admissionId,
        prisonId,
        personId,
        kind: 'category_assumed',
        severity: 'warning',
        date: null,
        days: 0,
        titleId: currentTitleIdOf(s, asOf),
        actionKey: 'justice.action.confirm_category',
      });
  }
  if (isUntried(status)) {
    const since = s.lastHearingOn ?? s.pretrialStart ?? null;
    if (since && monthsReached(since, settings.noHearingMonths, asOf)) {
      out.push({
        admissionId,
        prisonId,
        personId,
        kind: 'no_hearing',
        severity: 'warning',
        date: s.lastHearingOn,
        days: daysBetween(since, asOf),
        titleId: s.basisTitleId,
        actionKey: 'justice.action.request_hearing',
      });
    }
  }
  return out;
}

function groupOf(
  all: readonly JusticeSnapshot[],
  asOf: string,
  settings: Pick<JusticeSettings, 'expiringWithinDays' | 'noHearingMonths'>,
): BacklogGroup {
  // One pass over the people held (the home page's backlog reads 4,000 states): counts, days, alerts.
  let total = 0,
    underInvestigation = 0,
    awaitingTrial = 0,
    convicted = 0,
    appealing = 0,
    releasePending = 0;
  let expired = 0,
    expiring = 0,
    noHearing = 0,
    withoutPeople = 0,
    withoutDays = 0;
  const days: number[] = [];
  let longest: { s: JusticeSnapshot; d: number } | null = null;
  for (const s of all) {
    if (!heldOn(s, asOf)) continue;
    total++;
    const st = s.status;
    if (st === 'under_investigation') underInvestigation++;
    else if (st === 'awaiting_trial') awaitingTrial++;
    else if (st === 'convicted') convicted++;
    else if (st === 'appealing') appealing++;
    if (isReleaseOutcome(st)) releasePending++;
    if (isUntried(st)) {
      const d = pretrialDaysOf(s, asOf);
      days.push(d);
      if (!longest || d > longest.d) longest = { s, d };
    }
    for (const a of alertsFromSnapshot(s, asOf, settings)) {
      if (a.kind === 'expired' || a.kind === 'no_title') expired++;
      else if (a.kind === 'expiring') expiring++;
      else if (a.kind === 'no_hearing') noHearing++;
    }
    const w = daysWithoutTitleOf(s, asOf);
    if (w > 0) withoutPeople++;
    withoutDays += w;
  }
  const sentenced = convicted + appealing;
  const untried = underInvestigation + awaitingTrial;
  const counts = DURATION_BUCKETS.map(() => 0);
  for (const d of days) {
    let i = 0;
    while (d > DURATION_BUCKETS[i].maxDays) i++;
    counts[i]++;
  }
  const distribution = DURATION_BUCKETS.map((b, i) => ({ bucket: b.key, count: counts[i] }));
  return {
    total,
    untried,
    underInvestigation,
    awaitingTrial,
    sentenced,
    convicted,
    appealing,
    releasePending,
    sentencedPercent: percent(sentenced, total),
    untriedPercent: percent(untried, total),
    pretrial: {
      count: days.length,
      medianDays: median(days),
      meanDays: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null,
      longestDays: longest ? longest.d : null,
      longestAdmissionId: longest?.s.admissionId ?? null,
      distribution,
    },
    expiredTitles: expired,
    expiringTitles: expiring,
    noHearing,
    withoutTitle: { people: withoutPeople, days: withoutDays },
  };
}

/**
 * The backlog from stored states (as `backlogFigures` from the cases), with the hearings that took
 * place per month counted by the database ("YYYY-MM" → count).
 */
export function backlogFromSnapshots(
  states: readonly JusticeSnapshot[],
  asOf: string,
  settings: Pick<JusticeSettings, 'expiringWithinDays' | 'noHearingMonths'>,
  hearingsByMonth: ReadonlyMap<string, number>,
  monthsBack = 12,
): BacklogFigures {
  return {
    asOf,
    all: groupOf(states, asOf, settings),
    terrorismRelated: groupOf(
      states.filter((s) => s.terrorismRelated),
      asOf,
      settings,
    ),
    hearingsPerMonth: monthsUpTo(asOf, monthsBack).map((month) => ({ month, count: hearingsByMonth.get(month) ?? 0 })),
  };
}
