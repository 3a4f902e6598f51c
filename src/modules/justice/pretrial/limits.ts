/**
 * Pre-trial detention limits as versioned data, pure: the rule categories, the seeded rules of the
 * Code of Criminal Procedure of 2001 (arts. 125, 127, 135, and the arrest warrant's short period), the
 * rule in force on a date, and the offence category of a case (doubt protects). See docs/justice.md.
 */
import { isEmptyPeriod, lastDayOf, type Period } from '../calendar.js';
import type { OffenceCategory } from '../rules/titles.js';

/**
 * What a rule applies to: an offence category (the limits of the investigation), or the arrest
 * warrant's short period before the person must be brought before the judge.
 */
// Spelled out rather than spread from OFFENCE_CATEGORIES (rules/titles.ts), so the list reads in one place.
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
  /** The offence's category code: 'contravention', 'misdemeanour', 'felony' (or another code of the list). */
  category: string;
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
