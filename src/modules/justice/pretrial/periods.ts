/**
 * The arithmetic of the pre-trial periods, pure: late extensions, gaps held without a valid title,
 * caps at the legal period and at the legal maximum. See docs/justice.md ("Arithmetic").
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
} from '../calendar.js';
import { deriveLegalSituation, type LegalSituation } from '../rules/situation.js';
import type { LegalTitle, OffenceCategory, TitleKind } from '../rules/titles.js';
import { type PretrialRule, ruleFor } from './limits.js';

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
