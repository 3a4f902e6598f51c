/**
 * Pre-trial detention limits, pure: the rules as versioned data (arts. 125, 127, 135 of the Code of
 * Criminal Procedure of 2001 and the arrest warrant's short period), the category of the offence
 * (doubt protects), and the arithmetic of the periods: late extensions, gaps held without a valid
 * title, caps at the legal period and at the legal maximum. No database, no clock.
 * Re-exported by rules.ts. See docs/justice.md.
 */
import {
  addDays,
  daysBetween,
  isEmptyPeriod,
  lastDayOf,
  maxDate,
  minDate,
  type Period,
  workingDaysBefore,
} from './calendar.js';
import { deriveLegalSituation, type LegalSituation } from './rules/situation.js';
import type { LegalTitle, OffenceCategory, TitleKind } from './rules/titles.js';

// ---------------------------------------------------------------------------------------------
// Pre-trial detention limits
// ---------------------------------------------------------------------------------------------

/**
 * What a rule applies to: an offence category (the limits of the investigation), or the arrest
 * warrant's short period before the person must be brought before the judge.
 */
// Spelled out (not spread from OFFENCE_CATEGORIES): rules.ts and this module import each other.
export const RULE_CATEGORIES = [
  'misdemeanour_2y_or_less',
  'misdemeanour_over_2y',
  'felony',
  'terrorism',
  'arrest_warrant',
] as const;
export type RuleCategory = (typeof RULE_CATEGORIES)[number];

export interface PretrialRule {
  id: string;
  category: RuleCategory;
  /** The text the values come from. */
  legalBasis: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  initial: Period;
  /** Length of one extension; null when the law allows none. */
  renewal: Period | null;
  /** How many extensions; null means as many as fit in the absolute maximum. */
  maxRenewals: number | null;
  /** Never more than this in all, from the first day of detention; null when the law sets none. */
  absoluteMax: Period | null;
  /** An extension must be issued within this many working days before expiry (art. 135: 8). */
  renewalWindowWorkingDays: number | null;
  /** Fields of this rule that the sources gathered so far do not confirm. */
  toConfirm: readonly string[];
  source: string;
}

const CPP2001 = 'Loi n°01-080 du 20 août 2001 portant Code de procédure pénale';
const SECONDARY =
  'Article text as quoted by maliweb.net ("Que dit la loi : mode d\'emploi du mandat de dépôt"), afribone.com (MCA de Bamako, art. 127 and 129) and malizine.com (2016, art. 135); the primary Journal officiel text was not read.';

/**
 * The Malian defaults (Code of Criminal Procedure of 2001, as amended by Loi 2013-016). An
 * administrator maintains the rules in the database; these are the seed and the fallback.
 */
export const DEFAULT_PRETRIAL_RULES: readonly PretrialRule[] = [
  {
    id: 'cpp2001-art125',
    category: 'misdemeanour_2y_or_less',
    legalBasis: `${CPP2001}, art. 125`,
    effectiveFrom: '2001-08-20',
    effectiveTo: null,
    initial: { months: 1 },
    renewal: null,
    maxRenewals: 0,
    absoluteMax: { months: 1 },
    renewalWindowWorkingDays: null,
    toConfirm: ['effectiveFrom', 'countedFromFirstAppearance'],
    source: SECONDARY,
  },
  {
    id: 'cpp2001-art127',
    category: 'misdemeanour_over_2y',
    legalBasis: `${CPP2001}, art. 127`,
    effectiveFrom: '2001-08-20',
    effectiveTo: null,
    initial: { months: 6 },
    renewal: { months: 6 },
    maxRenewals: 1,
    absoluteMax: { months: 12 },
    renewalWindowWorkingDays: null,
    toConfirm: ['effectiveFrom'],
    source: SECONDARY,
  },
  {
    id: 'cpp2001-art135',
    category: 'felony',
    legalBasis: `${CPP2001}, art. 135`,
    effectiveFrom: '2001-08-20',
    effectiveTo: null,
    initial: { years: 1 },
    renewal: { years: 1 },
    maxRenewals: null,
    absoluteMax: { years: 3 },
    renewalWindowWorkingDays: 8,
    toConfirm: ['effectiveFrom'],
    source: SECONDARY,
  },
  {
    id: 'cpp2001-art135-terrorism',
    category: 'terrorism',
    legalBasis: `${CPP2001}, art. 135 (no special pre-trial period for terrorism found)`,
    effectiveFrom: '2001-08-20',
    effectiveTo: null,
    initial: { years: 1 },
    renewal: { years: 1 },
    maxRenewals: null,
    absoluteMax: { years: 3 },
    renewalWindowWorkingDays: 8,
    toConfirm: ['effectiveFrom', 'initial', 'renewal', 'maxRenewals', 'absoluteMax'],
    source: `${SECONDARY} Terrorism offences are felonies; Loi 2013-016 set a special custody (garde à vue) period for them (CPP art. 7: 48 h, extendable three times), no special pre-trial detention period was found.`,
  },
  {
    id: 'cpp2001-arrest-warrant',
    category: 'arrest_warrant',
    legalBasis: `${CPP2001}, art. 114 (mandat d'arrêt); delay before the first interrogation: article to confirm`,
    effectiveFrom: '2001-08-20',
    effectiveTo: null,
    initial: { days: 2 },
    renewal: null,
    maxRenewals: 0,
    absoluteMax: null,
    renewalWindowWorkingDays: null,
    toConfirm: ['effectiveFrom', 'initial', 'legalBasis'],
    source:
      "Art. 114 CPP 2001 (the three warrants of the investigating judge: mandat d'amener, de dépôt, d'arrêt) read in the consolidated text indexed by the CJAD (University of Nottingham). The Malian code follows the French code of 1958, whose art. 133 has the person held under an arrest warrant interrogated within 48 hours of incarceration, after which the detention is arbitrary; the Malian article and delay were not read (to confirm). An arrest warrant is not a pre-trial detention title of a year: it holds the person only until they are brought before the judge, whose committal order then gives the period of the offence.",
  },
];

/** The rule in force on a date for a category: the one with the latest start not after the date. */
export function ruleFor(rules: readonly PretrialRule[], category: RuleCategory, on: string): PretrialRule | null {
  let best: PretrialRule | null = null;
  for (const r of rules) {
    if (r.category !== category || r.effectiveFrom > on || (r.effectiveTo !== null && r.effectiveTo <= on)) continue;
    if (!best || r.effectiveFrom > best.effectiveFrom) best = r;
  }
  return best;
}

/** Problems an administrator must fix before saving a rule. Keys with the field they concern. */
export function validateRule(
  r: Omit<PretrialRule, 'id' | 'toConfirm' | 'source'> & { toConfirm?: readonly string[] },
): { field: string; key: string }[] {
  const errs: { field: string; key: string }[] = [];
  const bad = (p: Period | null | undefined) =>
    !!p && [p.years, p.months, p.days].some((v) => v !== undefined && (!Number.isInteger(v) || v < 0));
  if (isEmptyPeriod(r.initial) || bad(r.initial)) errs.push({ field: '/initial', key: 'justice.rule.bad_period' });
  if (bad(r.renewal)) errs.push({ field: '/renewal', key: 'justice.rule.bad_period' });
  if (bad(r.absoluteMax)) errs.push({ field: '/absolute_max', key: 'justice.rule.bad_period' });
  if (r.maxRenewals !== null && (!Number.isInteger(r.maxRenewals) || r.maxRenewals < 0))
    errs.push({ field: '/max_renewals', key: 'justice.rule.bad_count' });
  if (r.maxRenewals && isEmptyPeriod(r.renewal)) errs.push({ field: '/renewal', key: 'justice.rule.renewal_needed' });
  if (r.effectiveTo !== null && r.effectiveTo <= r.effectiveFrom)
    errs.push({ field: '/effective_to', key: 'justice.rule.bad_dates' });
  if (
    r.absoluteMax &&
    !isEmptyPeriod(r.initial) &&
    lastDayOf('2001-01-01', r.absoluteMax) < lastDayOf('2001-01-01', r.initial)
  )
    errs.push({ field: '/absolute_max', key: 'justice.rule.max_below_initial' });
  return errs;
}

export interface ChargeFacts {
  category: 'contravention' | 'misdemeanour' | 'felony' | string;
  terrorismRelated: boolean;
  /** Maximum penalty the law sets for the offence, in months, when known. */
  maxPenaltyMonths?: number | null;
}

/**
 * The category that sets the pre-trial limits, from the charges. Art. 125 needs both a maximum
 * penalty of two years or less and an accused regularly domiciled in Mali. When either is not
 * known the protective reading applies: art. 125 (one month), with `assumed` set; art. 127 only
 * when the penalty is known to exceed two years or the person is known not to be resident.
 */
export function offenceCategoryOf(
  charges: readonly ChargeFacts[],
  opts: { residentInMali?: boolean | null } = {},
): { category: OffenceCategory; assumed: boolean } {
  if (charges.some((c) => c.terrorismRelated)) return { category: 'terrorism', assumed: false };
  if (charges.some((c) => c.category === 'felony')) return { category: 'felony', assumed: false };
  const mis = charges.filter((c) => c.category === 'misdemeanour' || c.category === 'contravention');
  // Doubt protects: a misdemeanour whose maximum penalty is not known (or no charge on file at
  // all) falls under the shorter limit of art. 125 unless the person is known not to be resident;
  // the file says the category is assumed and an alert asks for it.
  if (opts.residentInMali === false)
    return {
      category: 'misdemeanour_over_2y',
      assumed: !mis.length || !mis.every((c) => typeof c.maxPenaltyMonths === 'number'),
    };
  if (!mis.length) return { category: 'misdemeanour_2y_or_less', assumed: true };
  const known = mis.every((c) => typeof c.maxPenaltyMonths === 'number');
  if (known && mis.some((c) => (c.maxPenaltyMonths as number) > 24))
    return { category: 'misdemeanour_over_2y', assumed: false };
  if (known && opts.residentInMali === true) return { category: 'misdemeanour_2y_or_less', assumed: false };
  return { category: 'misdemeanour_2y_or_less', assumed: true };
}

export type PeriodFlag =
  | 'late' // issued after the previous title had expired: the person was held without a title
  | 'early' // extension issued before the window the law sets (art. 135: 8 working days before expiry)
  | 'renewal_not_provided' // the law allows no extension for this category
  | 'renewals_exceeded'
  | 'period_exceeds_rule' // the order grants more than the rule allows: capped at the legal period
  | 'capped_at_legal_maximum'
  | 'no_validity' // nothing left under the legal maximum (or after what a timely renewal would have given)
  | 'no_rule' // no rule known for this category and date
  | 'arrest_warrant_short_period' // an arrest warrant holds only until the person is brought before the judge
  | 'category_assumed'; // the category was not stated: the protective rule applies

export interface PretrialPeriod {
  titleId: string;
  kind: TitleKind;
  reference: string;
  issuedOn: string;
  from: string;
  /** Last day covered; null when no rule and no date on the order set one. */
  to: string | null;
  ruleId: string | null;
  legalBasis: string | null;
  flags: PeriodFlag[];
}

/** Days held without a valid title between two titles; `closedBy` is the title that ended them. */
export interface TitleGap {
  from: string;
  to: string;
  days: number;
  closedBy: string | null;
}

export interface PretrialComputation {
  /** The limits apply: untried and still in the investigation. */
  applies: boolean;
  category: OffenceCategory;
  rule: PretrialRule | null;
  /** First day of pre-trial detention. */
  start: string | null;
  daysInPretrial: number;
  periods: PretrialPeriod[];
  /** The title covering `asOf` (or the last one). */
  currentTitleId: string | null;
  /** Last day the titles cover. */
  expiresOn: string | null;
  /** expiresOn − asOf: 0 on the last covered day, negative once expired. */
  daysLeft: number | null;
  expired: boolean;
  /** The last day the law allows in all (absolute maximum from the first day). */
  legalMaximumOn: string | null;
  renewalsUsed: number;
  renewalsAllowed: number | null;
  /** Days held without a title, between titles (a late extension never erases them). */
  gaps: TitleGap[];
  /** Every day held without a valid title: the gaps plus, when expired, the days since expiry up to `asOf`. */
  daysWithoutTitle: number;
}

/**
 * Days in pre-trial detention as of a date, both ends counted: from the first day until `asOf`
 * while untried; until the day before the judgment once judged.
 */
export function pretrialDays(start: string | null, situation: LegalSituation, asOf: string): number {
  if (!start || start > asOf) return 0;
  const end =
    situation.judgment && situation.judgment.issuedOn <= asOf ? addDays(situation.judgment.issuedOn, -1) : asOf;
  return end < start ? 0 : daysBetween(start, end) + 1;
}

export interface PretrialInput {
  titles: readonly LegalTitle[];
  /** Category from the charges when no detention order states one. */
  category: OffenceCategory;
  /** The category from the charges was assumed (unknown): flagged on the periods it sets. */
  categoryAssumed?: boolean;
  rules: readonly PretrialRule[];
  /** The first day in detention known otherwise (the admission date): the start is the earlier of it and the first order. */
  detentionStart?: string | null;
  asOf: string;
}

/**
 * First day an order covers. An arrest warrant may be issued long before the person is found: it
 * holds them from the day they are brought in (the admission), not from its date of issue.
 */
function orderFrom(t: LegalTitle, detentionStart: string | null | undefined): string {
  if (t.effectiveFrom) return t.effectiveFrom;
  if (t.kind === 'arrest_warrant' && detentionStart && detentionStart > t.issuedOn) return detentionStart;
  return t.issuedOn;
}

/** The end of a period, the order's own last day or length never beyond what the rule allows. */
function cappedEnd(
  from: string,
  stated: { validUntil?: string | null; period?: Period | null },
  allowed: Period | null,
  flags: PeriodFlag[],
): string | null {
  const ruleEnd = allowed && !isEmptyPeriod(allowed) ? lastDayOf(from, allowed) : null;
  let end: string | null = ruleEnd;
  if (stated.period && !isEmptyPeriod(stated.period)) end = lastDayOf(from, stated.period);
  if (stated.validUntil) end = stated.validUntil;
  if (ruleEnd && end && end > ruleEnd) {
    flags.push('period_exceeds_rule');
    end = ruleEnd;
  }
  return end;
}

/**
 * Days in pre-trial detention, the current title's expiry and days left, with each period explained.
 *
 * - An arrest warrant gives only the short period of the arrest-warrant rule (from the day the
 *   person is brought in); the committal order that follows runs from its own date.
 * - The legal maximum is always counted from the first day of detention: no later order restarts it.
 * - An extension issued on or before the last covered day continues the period. Issued late, it
 *   covers from its own date only, never beyond the end a timely renewal would have given (art.
 *   135: renewal before expiry); the days in between stay a gap, held without a valid title.
 * - A period stated longer than the rule allows (length or last day) is capped at the legal period
 *   (flag `period_exceeds_rule` kept).
 */
export function computePretrial(input: PretrialInput): PretrialComputation {
  const { rules, asOf } = input;
  const situation = deriveLegalSituation(input.titles, asOf);
  const orders = situation.detentionOrders;
  const stated = [...orders].reverse().find((t) => t.offenceCategory)?.offenceCategory;
  const category = stated ?? input.category;
  const assumed = !stated && !!input.categoryAssumed;
  const firstFrom = orders[0] ? orderFrom(orders[0], input.detentionStart) : null;
  const start =
    firstFrom && input.detentionStart
      ? minDate(firstFrom, input.detentionStart)
      : (firstFrom ?? input.detentionStart ?? null);
  const applies = situation.status === 'under_investigation' && orders.length > 0;
  const periods: PretrialPeriod[] = [];
  let prevEnd: string | null = null;
  let renewals = 0;
  let rule: PretrialRule | null = null;
  let legalMaximumOn: string | null = null;
  let unlimited = false;

  for (const t of orders) {
    const r = ruleFor(rules, category, t.issuedOn);
    rule = r;
    const flags: PeriodFlag[] = [];
    let from: string;
    let to: string | null;
    let used: PretrialRule | null = r;
    if (t.kind === 'extension_order' && prevEnd !== null) {
      renewals++;
      const timelyFrom = addDays(prevEnd, 1);
      if (t.issuedOn > prevEnd) {
        flags.push('late');
        from = t.issuedOn;
      } else {
        from = timelyFrom;
        if (r?.renewalWindowWorkingDays && t.issuedOn < workingDaysBefore(from, r.renewalWindowWorkingDays))
          flags.push('early');
      }
      if (r && (isEmptyPeriod(r.renewal) || r.maxRenewals === 0)) flags.push('renewal_not_provided');
      else if (r && r.maxRenewals !== null && renewals > r.maxRenewals) flags.push('renewals_exceeded');
      // Counted from where a timely renewal would have started: lateness never buys more time.
      to = cappedEnd(timelyFrom, t, r ? (isEmptyPeriod(r.renewal) ? r.initial : r.renewal) : null, flags);
    } else if (t.kind === 'arrest_warrant') {
      used = ruleFor(rules, 'arrest_warrant', t.issuedOn);
      from = orderFrom(t, input.detentionStart);
      to = used ? lastDayOf(from, used.initial) : (t.validUntil ?? null);
      if (used) flags.push('arrest_warrant_short_period');
      if (used && t.validUntil && t.validUntil < to!) to = t.validUntil;
    } else {
      from = orderFrom(t, input.detentionStart);
      to = r ? cappedEnd(from, t, r.initial, flags) : (t.validUntil ?? null);
    }
    if (prevEnd !== null && from > addDays(prevEnd, 1) && !flags.includes('late')) flags.push('late');
    if (!used) flags.push('no_rule');
    if (assumed) flags.push('category_assumed');
    // The legal maximum of the offence, from the first day of detention (never restarted).
    if (r?.absoluteMax && start) {
      legalMaximumOn = lastDayOf(start, r.absoluteMax);
      if (to === null || to > legalMaximumOn) {
        to = legalMaximumOn;
        flags.push('capped_at_legal_maximum');
      }
    } else if (r) legalMaximumOn = null;
    const covers = to === null || to >= from;
    if (!covers) {
      to = addDays(from, -1);
      flags.push('no_validity');
    }
    periods.push({
      titleId: t.id,
      kind: t.kind,
      reference: t.reference,
      issuedOn: t.issuedOn,
      from,
      to,
      ruleId: used?.id ?? null,
      legalBasis: used?.legalBasis ?? null,
      flags,
    });
    if (to === null) unlimited = true;
    else if (covers) {
      unlimited = false;
      prevEnd = t.kind === 'extension_order' && prevEnd !== null ? maxDate(prevEnd, to) : to;
    }
  }
  // Gaps: the days between covered periods (a period that covers nothing closes no gap).
  const gaps: TitleGap[] = [];
  let covered: string | null = null;
  for (const p of periods) {
    if (p.to !== null && p.to < p.from) continue;
    if (covered !== null && p.from > addDays(covered, 1)) {
      const g = { from: addDays(covered, 1), to: addDays(p.from, -1) };
      gaps.push({ ...g, days: daysBetween(g.from, g.to) + 1, closedBy: p.titleId });
    }
    covered = p.to === null ? '9999-12-31' : covered === null ? p.to : maxDate(covered, p.to);
  }
  const expiresOn = applies && !unlimited ? prevEnd : null;
  const daysLeft = expiresOn ? daysBetween(asOf, expiresOn) : null;
  const current =
    [...periods].reverse().find((p) => p.from <= asOf && (p.to === null || p.to >= asOf)) ??
    periods[periods.length - 1];
  const expired = daysLeft !== null && daysLeft < 0;
  const gapDays = gaps
    .filter((g) => g.from <= asOf)
    .reduce((n, g) => n + daysBetween(g.from, minDate(g.to, asOf)) + 1, 0);
  return {
    applies,
    category,
    rule,
    start,
    daysInPretrial: pretrialDays(start, situation, asOf),
    periods,
    currentTitleId: current?.titleId ?? null,
    expiresOn,
    daysLeft,
    expired,
    legalMaximumOn,
    renewalsUsed: renewals,
    renewalsAllowed: rule ? (rule.maxRenewals ?? null) : null,
    gaps,
    daysWithoutTitle: gapDays + (expired ? -daysLeft : 0),
  };
}

export const EPISODE_KINDS = ['expired', 'no_title', 'release_due', 'category_assumed'] as const;
export type EpisodeKind = (typeof EPISODE_KINDS)[number];

/** One stretch of time an alert was on: from its first day to its last (null while it lasts), and what ended it. */
export interface AlertEpisode {
  kind: EpisodeKind;
  from: string;
  to: string | null;
  resolvedByTitleId: string | null;
}

/**
 * The "held without a valid title" episodes the titles show: every gap (closed by the title that
 * ended it) and, when expired now, the open one since the day after expiry. A late extension
 * closes an episode; it never removes it.
 */
export function expiredEpisodes(p: PretrialComputation): AlertEpisode[] {
  const out: AlertEpisode[] = p.gaps.map((g) => ({
    kind: 'expired',
    from: g.from,
    to: g.to,
    resolvedByTitleId: g.closedBy,
  }));
  if (p.expired && p.expiresOn)
    out.push({ kind: 'expired', from: addDays(p.expiresOn, 1), to: null, resolvedByTitleId: null });
  return out;
}

export interface JusticeSettings {
  rules: readonly PretrialRule[];
  /** Alert when a title expires within this many days. */
  expiringWithinDays: number;
  /** Alert when an untried person has not appeared before a court for this many months. */
  noHearingMonths: number;
}

export const DEFAULT_SETTINGS: JusticeSettings = {
  rules: DEFAULT_PRETRIAL_RULES,
  expiringWithinDays: 30,
  noHearingMonths: 6,
};
