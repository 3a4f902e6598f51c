/**
 * A case evaluated on a date, pure: its situation, offence category, pre-trial limits, release date
 * and hearings. See rules.ts and docs/justice.md.
 */
import {
  type ChargeFacts,
  computePretrial,
  DEFAULT_SETTINGS,
  type JusticeSettings,
  offenceCategoryOf,
  type PretrialComputation,
} from '../pretrial.js';
import { addDays, daysBetween, minDate } from '../calendar.js';
import { releaseFromTitles, type ReleaseComputation } from '../release.js';
import { deriveLegalSituation, isSentenced, type LegalSituation } from './situation.js';
import type { LegalTitle, OffenceCategory } from './titles.js';

export const HEARING_OUTCOMES = ['held', 'adjourned', 'not_produced', 'cancelled'] as const;
export type HearingOutcome = (typeof HEARING_OUTCOMES)[number];
/** The detainee appeared before the court. */
export function hearingTookPlace(o: HearingOutcome | null | undefined): boolean {
  return o === 'held' || o === 'adjourned';
}

export interface HearingFacts {
  date: string;
  outcome: HearingOutcome | null;
}

export interface CaseInput {
  admissionId: string;
  prisonId: string;
  personId?: string;
  /** First day in this prison (Bamako date) and last, when the admission has ended. */
  admittedOn: string;
  endedOn?: string | null;
  titles: readonly LegalTitle[];
  charges: readonly ChargeFacts[];
  hearings: readonly HearingFacts[];
  residentInMali?: boolean | null;
  /** First day in custody before prison (police custody…), credited as remand (chain module, issue 20). */
  custodyFrom?: string | null;
  /**
   * Escapes before this admission on the same file, each recaptured: the day of the escape and the
   * day of the recapture (Bamako dates). Time unlawfully at large is not time served
   * (docs/decisions/0008-time-at-large.md).
   */
  atLarge?: readonly AtLarge[];
}

/** An escape and its recapture (Bamako dates). */
export interface AtLarge {
  from: string;
  to: string;
}

/**
 * Whole days unlawfully at large: the days strictly between the escape and the recapture. The day of
 * the escape and the day of the recapture, spent in custody for part of the day, count as served
 * (the protective reading where the law is silent: decision 0008).
 */
export function daysAtLarge(p: AtLarge): number {
  return Math.max(0, daysBetween(p.from, p.to) - 1);
}

/**
 * The release date after recaptures: the date computed from the sentences plus the days at large of
 * each escape made before that date (an escape after it changes nothing: the sentence was served).
 * One step per escape says so on the file; the result step gives the new date.
 */
export function withTimeAtLarge<R extends ReleaseComputation>(r: R, atLarge: readonly AtLarge[] | undefined): R {
  if (!atLarge?.length || !r.releaseOn || r.servedInFull) return r;
  let releaseOn = r.releaseOn;
  const steps = r.steps.filter(
    (s) => s.key !== 'justice.release.step.result' && s.key !== 'justice.release.step.result_all',
  );
  for (const p of [...atLarge].sort((a, b) => a.from.localeCompare(b.from))) {
    const days = daysAtLarge(p);
    if (p.from > releaseOn || days === 0) continue;
    releaseOn = addDays(releaseOn, days);
    steps.push({
      key: 'justice.release.step.at_large',
      params: { from: p.from, to: p.to, days, date: releaseOn },
      date: releaseOn,
    });
  }
  if (releaseOn === r.releaseOn) return r;
  steps.push({ key: 'justice.release.step.result', params: { date: releaseOn }, date: releaseOn });
  return { ...r, releaseOn, steps };
}

export interface CaseEvaluation {
  admissionId: string;
  prisonId: string;
  personId?: string;
  asOf: string;
  held: boolean;
  situation: LegalSituation;
  category: OffenceCategory;
  categoryAssumed: boolean;
  terrorismRelated: boolean;
  pretrial: PretrialComputation;
  release: ReleaseComputation | null;
  lastHearingOn: string | null;
  nextHearingOn: string | null;
}

/** Held on a date: admitted on or before it and not yet gone (an admission ending that day is gone). */
export function heldOn(c: Pick<CaseInput, 'admittedOn' | 'endedOn'>, asOf: string): boolean {
  return c.admittedOn <= asOf && (!c.endedOn || c.endedOn > asOf);
}

/** The first day in detention for the remand credit: custody before prison counts when it came first. */
export function detentionStartWithCustody(start: string, custodyFrom: string | null | undefined): string {
  return custodyFrom ? minDate(start, custodyFrom) : start;
}

export function evaluateCase(c: CaseInput, asOf: string, settings: JusticeSettings = DEFAULT_SETTINGS): CaseEvaluation {
  const titles = c.titles.filter((t) => t.issuedOn <= asOf);
  const situation = deriveLegalSituation(titles);
  const { category, assumed } = offenceCategoryOf(c.charges, { residentInMali: c.residentInMali });
  const pretrial = computePretrial({
    titles,
    category,
    categoryAssumed: assumed,
    rules: settings.rules,
    detentionStart: c.admittedOn,
    asOf,
  });
  const release =
    isSentenced(situation.status) || situation.status === 'pardoned'
      ? releaseFromTitles(titles, detentionStartWithCustody(pretrial.start ?? c.admittedOn, c.custodyFrom))
      : null;
  const afterEscapes = release ? withTimeAtLarge(release, c.atLarge) : null;
  const past = c.hearings
    .filter((h) => h.date <= asOf && hearingTookPlace(h.outcome))
    .map((h) => h.date)
    .sort();
  const future = c.hearings
    .filter((h) => h.date > asOf && h.outcome !== 'cancelled')
    .map((h) => h.date)
    .sort();
  return {
    admissionId: c.admissionId,
    prisonId: c.prisonId,
    personId: c.personId,
    asOf,
    held: heldOn(c, asOf),
    situation,
    category: pretrial.category,
    categoryAssumed: assumed && !situation.detentionOrders.some((t) => t.offenceCategory),
    terrorismRelated: c.charges.some((x) => x.terrorismRelated) || pretrial.category === 'terrorism',
    pretrial,
    release: afterEscapes,
    lastHearingOn: past[past.length - 1] ?? null,
    nextHearingOn: future[0] ?? null,
  };
}
