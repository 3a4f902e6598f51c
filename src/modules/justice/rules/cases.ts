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
import { minDate } from '../calendar.js';
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
    release,
    lastHearingOn: past[past.length - 1] ?? null,
    nextHearingOn: future[0] ?? null,
  };
}
