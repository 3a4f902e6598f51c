/**
 * The justice chain, pure: legal titles over time and the legal situation they found, pre-trial
 * detention limits as versioned data with their arithmetic, release dates explained step by step,
 * alerts and backlog figures. No database, no clock: every function takes the date it reasons on
 * (a Bamako calendar date, "YYYY-MM-DD").
 *
 * Conventions (see docs/justice.md):
 * - A period counts its first day: a 6-month order starting 9 March covers 9 March to 8 September.
 *   `expiresOn` is that last covered day; the person is held without a title from the day after.
 * - An extension continues the previous period (it starts the day after the previous last day),
 *   whenever it is issued on or before that last day; issued later, it is late and starts on its date.
 * - A title is never replaced: a correction is a new version that supersedes the old one (with a
 *   reason), a withdrawal keeps the row and says why; derivation reads only the versions in force.
 */
import {
  addDays,
  addMonths,
  daysBetween,
  isEmptyPeriod,
  lastDayOf,
  minDate,
  type Period,
  subtractPeriod,
} from './calendar.js';
import {
  type ChargeFacts,
  computePretrial,
  DEFAULT_SETTINGS,
  type JusticeSettings,
  offenceCategoryOf,
  type PretrialComputation,
} from './pretrial.js';

export type { Period } from './calendar.js';

// ---------------------------------------------------------------------------------------------
// Legal titles
// ---------------------------------------------------------------------------------------------

export const TITLE_KINDS = [
  'committal_order', // mandat de dépôt
  'arrest_warrant', // mandat d'arrêt
  'extension_order', // ordonnance de prolongation / de maintien en détention
  'committal_for_trial', // ordonnance de renvoi / arrêt de mise en accusation
  'conviction', // jugement ou arrêt de condamnation (with the sentence)
  'acquittal', // relaxe / acquittement
  'release_order', // ordonnance de mise en liberté, mainlevée
  'appeal', // appel (against a judgment)
  'pardon', // grâce (full, or partial: a reduction)
  'remission', // remise de peine
] as const;
export type TitleKind = (typeof TITLE_KINDS)[number];

/** Orders that hold a person during the investigation. */
export const DETENTION_ORDER_KINDS: readonly TitleKind[] = ['committal_order', 'arrest_warrant', 'extension_order'];

export const AUTHORITY_KINDS = [
  'investigating_judge', // juge d'instruction
  'prosecutor', // procureur de la République
  'pole_judiciaire_specialise', // Pôle judiciaire spécialisé (terrorism, transnational organised crime)
  'liberty_detention_college', // Collège des libertés et de la détention (CPP 2024)
  'court_first_instance', // tribunal de première instance / de grande instance
  'indictment_chamber', // chambre d'accusation
  'assize_court', // cour d'assises (CPP 2001)
  'criminal_chamber', // chambre criminelle (CPP 2024)
  'appeal_court', // cour d'appel
  'supreme_court', // Cour suprême
  'head_of_state', // pardons
  'other',
] as const;
export type AuthorityKind = (typeof AUTHORITY_KINDS)[number];

export const OFFENCE_CATEGORIES = ['misdemeanour_2y_or_less', 'misdemeanour_over_2y', 'felony', 'terrorism'] as const;
export type OffenceCategory = (typeof OFFENCE_CATEGORIES)[number];

export type { Sentence } from './release.js';

export interface LegalTitle {
  id: string;
  kind: TitleKind;
  issuedOn: string;
  /** When the prison recorded it (ISO instant): orders ties between titles of the same day. */
  recordedAt?: string | null;
  authorityKind: AuthorityKind;
  authority: string;
  reference: string;
  /** This version corrects that one (the old one stays, superseded). */
  supersedesId?: string | null;
  correctionReason?: string | null;
  /** Recorded in error (wrong person, never issued): kept, but no longer in force. */
  withdrawn?: boolean;
  withdrawnReason?: string | null;
  /** Detention orders: the offence category that sets the limits, when the order says it. */
  offenceCategory?: OffenceCategory | null;
  /** Detention orders: first day covered when not the day of issue. */
  effectiveFrom?: string | null;
  /** A last day written on the order itself. */
  validUntil?: string | null;
  /** Extension orders: the length ordered, when the order states one. */
  period?: Period | null;
  /** Convictions. */
  sentence?: Sentence | null;
  sentenceStart?: string | null;
  /** Convictions: remand credit stated by the court, in days (otherwise computed). */
  remandCreditDays?: number | null;
  /** Remissions and partial pardons. */
  reduction?: Period | null;
  pardonScope?: 'full' | 'partial' | null;
  /** The case (case number as written) the title belongs to; else the sequence of titles decides. */
  caseRef?: string | null;
  /** Convictions: runs consecutively to, or concurrently with (confusion ordered by a court), the conviction `relatedToId`. */
  relation?: SentenceRelation | null;
  relatedToId?: string | null;
  /** Convictions: the day the judgment became final (appeal period passed, or appeal decided). */
  finalOn?: string | null;
  /** Remissions, pardons, appeals: the conviction they name. */
  appliesToId?: string | null;
  /** Pardons: commutation (of a life or death sentence, or a term) to this term. */
  commutedTo?: Period | null;
}

/** Compare by date of issue, then by the time recorded, then by id (UUIDv7: time-ordered). */
export function compareTitles(a: LegalTitle, b: LegalTitle): number {
  if (a.issuedOn !== b.issuedOn) return a.issuedOn < b.issuedOn ? -1 : 1;
  const ra = a.recordedAt ?? '',
    rb = b.recordedAt ?? '';
  if (ra !== rb) return ra < rb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The versions in force: neither superseded by a correction nor withdrawn. Sorted. */
export function effectiveTitles(titles: readonly LegalTitle[]): LegalTitle[] {
  const superseded = new Set(titles.map((t) => t.supersedesId).filter((x): x is string => !!x));
  return titles.filter((t) => !superseded.has(t.id) && !t.withdrawn).sort(compareTitles);
}

/** Every version of a title, oldest first, given the id of any one of them. */
export function titleVersions(titles: readonly LegalTitle[], id: string): LegalTitle[] {
  const byId = new Map(titles.map((t) => [t.id, t]));
  const supersededBy = new Map<string, LegalTitle>();
  for (const t of titles) if (t.supersedesId) supersededBy.set(t.supersedesId, t);
  let first = byId.get(id);
  if (!first) return [];
  const seen = new Set<string>();
  while (first.supersedesId && byId.has(first.supersedesId) && !seen.has(first.id)) {
    seen.add(first.id);
    first = byId.get(first.supersedesId)!;
  }
  const out: LegalTitle[] = [first];
  let cur = supersededBy.get(first.id);
  while (cur && !out.includes(cur)) {
    out.push(cur);
    cur = supersededBy.get(cur.id);
  }
  return out;
}

/** Problems in the chain of versions: a title corrected twice (two versions in force), an unknown target. */
export function versionProblems(titles: readonly LegalTitle[]): { key: string; titleId: string }[] {
  const ids = new Set(titles.map((t) => t.id));
  const count = new Map<string, number>();
  const out: { key: string; titleId: string }[] = [];
  for (const t of titles) {
    if (!t.supersedesId) continue;
    if (!ids.has(t.supersedesId)) out.push({ key: 'justice.warn.supersedes_unknown', titleId: t.id });
    count.set(t.supersedesId, (count.get(t.supersedesId) ?? 0) + 1);
  }
  for (const [id, n] of count) if (n > 1) out.push({ key: 'justice.warn.corrected_twice', titleId: id });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The legal situation
// ---------------------------------------------------------------------------------------------

/** The four values of admission.legal_status (custody). */
export const ADMISSION_LEGAL_STATUSES = ['under_investigation', 'awaiting_trial', 'convicted', 'appealing'] as const;
export type AdmissionLegalStatus = (typeof ADMISSION_LEGAL_STATUSES)[number];

/** Plus the outcomes after which the person must be let go. */
export const LEGAL_STATUSES = [...ADMISSION_LEGAL_STATUSES, 'acquitted', 'released', 'pardoned'] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];

export function isUntried(s: LegalStatus): boolean {
  return s === 'under_investigation' || s === 'awaiting_trial';
}
export function isSentenced(s: LegalStatus): boolean {
  return s === 'convicted' || s === 'appealing';
}
/** An outcome that ends the legal basis for holding the person. */
export function isReleaseOutcome(s: LegalStatus): boolean {
  return s === 'acquitted' || s === 'released' || s === 'pardoned';
}

export interface LegalSituation {
  status: LegalStatus;
  /** What admission.legal_status holds: after an outcome, the stage the person was at. */
  admissionStatus: AdmissionLegalStatus;
  /** The title that founds the detention now; null after an acquittal, release order or full pardon, or with no title. */
  basis: LegalTitle | null;
  /** The investigation's detention orders of the current case, in order. */
  detentionOrders: LegalTitle[];
  committalForTrial: LegalTitle | null;
  judgment: LegalTitle | null;
  appeal: LegalTitle | null;
  /** Remissions and partial pardons since the first conviction. */
  reductions: LegalTitle[];
  /** Acquittal, release order or full pardon. */
  outcome: LegalTitle | null;
  /** Message keys about titles that do not fit the sequence (the title is kept and shown). */
  warnings: { key: string; titleId: string }[];
}

/**
 * The legal status and basis, derived from the titles in force issued on or before `asOf` (all of
 * them when omitted). Never typed by hand.
 */
export function deriveLegalSituation(titles: readonly LegalTitle[], asOf?: string): LegalSituation {
  const list = effectiveTitles(titles).filter((t) => !asOf || t.issuedOn <= asOf);
  let status = null as LegalStatus | null;
  let stage: AdmissionLegalStatus = 'under_investigation';
  let detentionOrders: LegalTitle[] = [];
  let committalForTrial: LegalTitle | null = null;
  let judgment: LegalTitle | null = null;
  let appeal: LegalTitle | null = null;
  let reductions: LegalTitle[] = [];
  let outcome: LegalTitle | null = null;
  const warnings: { key: string; titleId: string }[] = [];
  const setStage = (s: AdmissionLegalStatus) => {
    status = s;
    stage = s;
  };

  for (const t of list) {
    switch (t.kind) {
      case 'committal_order':
      case 'arrest_warrant':
        if (status === null || isReleaseOutcome(status)) {
          // A first order, or a new case after the person was let go: start again.
          detentionOrders = [t];
          committalForTrial = null;
          judgment = null;
          appeal = null;
          reductions = [];
          outcome = null;
          setStage('under_investigation');
        } else if (status === 'under_investigation') {
          detentionOrders.push(t);
        }
        // Issued with or after a committal for trial or a judgment (e.g. the trial court's own
        // committal order): it accompanies that stage and does not change it.
        break;
      case 'extension_order':
        if (status === null || status === 'under_investigation') {
          if (!detentionOrders.length) warnings.push({ key: 'justice.warn.extension_without_order', titleId: t.id });
          detentionOrders.push(t);
          setStage('under_investigation');
        } else warnings.push({ key: 'justice.warn.extension_after_stage', titleId: t.id });
        break;
      case 'committal_for_trial':
        if (status === null || isUntried(status)) {
          committalForTrial = t;
          setStage('awaiting_trial');
        } else warnings.push({ key: 'justice.warn.out_of_sequence', titleId: t.id });
        break;
      case 'conviction':
        if (!status || !isSentenced(status)) reductions = [];
        judgment = t;
        appeal = null;
        outcome = null;
        setStage('convicted');
        break;
      case 'acquittal':
        outcome = t;
        status = 'acquitted';
        break;
      case 'release_order':
        outcome = t;
        status = 'released';
        break;
      case 'appeal':
        if (status === 'convicted' || status === 'appealing') {
          appeal = t;
          setStage('appealing');
        } else warnings.push({ key: 'justice.warn.appeal_without_judgment', titleId: t.id });
        break;
      case 'pardon':
        if (status !== null && isSentenced(status)) {
          // A full pardon naming one sentence ends that sentence only (release.ts); the others stay.
          if (
            (t.pardonScope ?? (isEmptyPeriod(t.reduction) && isEmptyPeriod(t.commutedTo) ? 'full' : 'partial')) ===
              'full' &&
            !t.appliesToId
          ) {
            outcome = t;
            status = 'pardoned';
          } else reductions.push(t);
        } else warnings.push({ key: 'justice.warn.pardon_without_judgment', titleId: t.id });
        break;
      case 'remission':
        if (status !== null && isSentenced(status)) reductions.push(t);
        else warnings.push({ key: 'justice.warn.remission_without_judgment', titleId: t.id });
        break;
    }
  }
  const finalStatus: LegalStatus = status ?? 'under_investigation';
  if (status === null) warnings.push({ key: 'justice.warn.no_title', titleId: '' });
  let basis: LegalTitle | null = null;
  if (!isReleaseOutcome(finalStatus)) {
    if (finalStatus === 'under_investigation') basis = detentionOrders[detentionOrders.length - 1] ?? null;
    else if (finalStatus === 'awaiting_trial') basis = committalForTrial;
    else basis = judgment;
  }
  return {
    status: finalStatus,
    admissionStatus: stage,
    basis,
    detentionOrders,
    committalForTrial,
    judgment,
    appeal,
    reductions,
    outcome,
    warnings,
  };
}

// Pre-trial detention limits: see pretrial.ts (re-exported here so callers compile unchanged).
export * from './pretrial.js';

// ---------------------------------------------------------------------------------------------
// Release dates: in release.ts (every sentence in force, each case's remand credit once)
// ---------------------------------------------------------------------------------------------

export {
  computeRelease,
  computeReleaseDate,
  hasCustodialTerm,
  releaseFromTitles,
  sentencesFromTitles,
  type MultiRelease,
  type MultiReleaseInput,
  type Reduction,
  type ReleaseComputation,
  type ReleaseInput,
  type RemandSpan,
  type SentenceRecord,
  type SentenceReduction,
  type SentenceRelation,
  type SentenceResult,
  type Step,
} from './release.js';
import { releaseFromTitles, type ReleaseComputation, type Sentence, type SentenceRelation } from './release.js';

// ---------------------------------------------------------------------------------------------
// Cases, alerts and backlog
// ---------------------------------------------------------------------------------------------

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
      ? releaseFromTitles(titles, pretrial.start ?? c.admittedOn)
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
