/**
 * Custody before prison, pure (no database, no clock): the police-custody limit of a chain of stages
 * (garde à vue with its extensions, longer for terrorism), the first day in custody credited as
 * remand, and the person held with no committal order or judgment after the set time. See
 * docs/chain-custody.md. One rule, one function: the API, the pages, the home page and the statistics call these.
 */
import { bamakoDate } from '../../../core/dates.js';

export const PLACE_KINDS = [
  'gendarmerie_brigade',
  'police_station',
  'camp_i',
  'state_security',
  'military_camp',
  'other',
] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const LEGAL_BASES = [
  'flagrante_delicto',
  'garde_a_vue',
  'prosecutor_order',
  'military_detention',
  'not_stated',
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export const LIMIT_CATEGORIES = ['ordinary', 'terrorism'] as const;
export type LimitCategory = (typeof LIMIT_CATEGORIES)[number];

/**
 * The bases under which the police-custody clock runs: a garde à vue, flagrante delicto (the
 * garde à vue of a flagrant offence), and — doubt protects the person — a military detention or a
 * basis not stated. Held on a prosecutor's order, the person has been brought before a magistrate:
 * the clock stops.
 */
export const POLICE_CUSTODY_BASES: ReadonlySet<LegalBasis> = new Set<LegalBasis>([
  'flagrante_delicto',
  'garde_a_vue',
  'military_detention',
  'not_stated',
]);

export interface CustodyRule {
  id: string;
  category: LimitCategory;
  effectiveFrom: string;
  initialHours: number;
  extensionHours: number;
  maxExtensions: number;
  source: string;
  toConfirm: boolean;
}

/** The seeded rules (migration 20261203_1000_chain_custody.sql); a test checks they agree. */
export const DEFAULT_CUSTODY_RULES: readonly CustodyRule[] = [
  {
    id: '0193a6c0-0000-7000-8000-00000000c001',
    category: 'ordinary',
    effectiveFrom: '2001-08-20',
    initialHours: 48,
    extensionHours: 48,
    maxExtensions: 1,
    source: 'CPP 2001 (Loi n°01-080): 48 h, extendable by the prosecutor — assumed, configurable',
    toConfirm: true,
  },
  {
    id: '0193a6c0-0000-7000-8000-00000000c002',
    category: 'terrorism',
    effectiveFrom: '2001-08-20',
    initialHours: 48,
    extensionHours: 48,
    maxExtensions: 3,
    source: 'CPP 2001 consolidated (2013), art. 7 (CJAD index): 48 h extendable three times — to confirm',
    toConfirm: true,
  },
];

export interface StageFacts {
  id: string;
  fromAt: Date;
  /** Null: until the handover at the prison. */
  toAt: Date | null;
  legalBasis: LegalBasis;
  extensions: number;
  terrorism: boolean;
}

/** The rule in force for a category on a day: the latest effective on or before it (else the earliest). */
export function ruleFor(rules: readonly CustodyRule[], category: LimitCategory, day: string): CustodyRule | null {
  const mine = rules
    .filter((r) => r.category === category)
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  const inForce = mine.filter((r) => r.effectiveFrom <= day);
  return inForce[inForce.length - 1] ?? mine[0] ?? null;
}

export interface CustodyEvaluation {
  category: LimitCategory;
  rule: CustodyRule | null;
  /** Police custody, in minutes, overlapping stages counted once. */
  countedMinutes: number;
  limitMinutes: number | null;
  overMinutes: number;
  over: boolean;
  extensionsGranted: number;
  /** More extensions granted than the rule allows: those give nothing. */
  extensionsBeyondRule: boolean;
  /** First instant and first day (Bamako) in custody before prison, any basis; null with no stage. */
  custodyStart: Date | null;
  firstDay: string | null;
}

const MINUTE = 60_000;

/**
 * The police-custody limit of an arrival's chain: the police-custody stages (overlaps counted once)
 * up to their end — or the handover (`until`) for a stage still open — against the rule of the
 * category (terrorism when any stage says so) in force on the first day: the initial period plus
 * each extension granted, never more than the rule's number of extensions.
 */
export function evaluateCustody(
  stages: readonly StageFacts[],
  rules: readonly CustodyRule[],
  until: Date,
): CustodyEvaluation {
  const counted = stages
    .filter((s) => POLICE_CUSTODY_BASES.has(s.legalBasis))
    .map((s) => {
      const end = s.toAt ?? until;
      return { from: s.fromAt.getTime(), to: Math.max(s.fromAt.getTime(), end.getTime()) };
    })
    .sort((a, b) => a.from - b.from);
  let total = 0;
  let cur: { from: number; to: number } | null = null;
  for (const i of counted) {
    if (cur && i.from <= cur.to) {
      cur.to = Math.max(cur.to, i.to);
      continue;
    }
    if (cur) total += cur.to - cur.from;
    cur = { ...i };
  }
  if (cur) total += cur.to - cur.from;
  const countedMinutes = Math.floor(total / MINUTE);
  const category: LimitCategory = stages.some((s) => s.terrorism) ? 'terrorism' : 'ordinary';
  const starts = stages.map((s) => s.fromAt.getTime());
  const custodyStart = starts.length ? new Date(Math.min(...starts)) : null;
  const policeStart = counted[0] ? new Date(counted[0].from) : custodyStart;
  const rule = policeStart ? ruleFor(rules, category, bamakoDate(policeStart)) : null;
  const extensionsGranted = stages
    .filter((s) => POLICE_CUSTODY_BASES.has(s.legalBasis))
    .reduce((n, s) => n + Math.max(0, s.extensions), 0);
  const allowed = rule ? Math.min(extensionsGranted, rule.maxExtensions) : 0;
  const limitMinutes = rule ? (rule.initialHours + allowed * rule.extensionHours) * 60 : null;
  const overMinutes = limitMinutes !== null && counted.length ? Math.max(0, countedMinutes - limitMinutes) : 0;
  return {
    category,
    rule,
    countedMinutes,
    limitMinutes,
    overMinutes,
    over: overMinutes > 0,
    extensionsGranted,
    extensionsBeyondRule: !!rule && extensionsGranted > rule.maxExtensions,
    custodyStart,
    firstDay: custodyStart ? bamakoDate(custodyStart) : null,
  };
}

/**
 * The first day credited as remand: the first day in custody before prison when the setting says
 * the law credits it (assumed, configurable), else nothing.
 */
export function creditFrom(e: Pick<CustodyEvaluation, 'firstDay'>, creditCustody: boolean): string | null {
  return creditCustody ? e.firstDay : null;
}

/** The titles that charge a person: a committal order (and its extension), a committal for trial, a judgment. */
export const CHARGING_TITLES = ['committal_order', 'extension_order', 'committal_for_trial', 'conviction'] as const;

export interface WithoutChargeInput {
  /** Arrival at the prison (the admission). */
  arrivedAt: Date;
  /** A committal order or a judgment is recorded. */
  charged: boolean;
  now: Date;
  thresholdHours: number;
}

export interface WithoutCharge {
  alert: boolean;
  /** When the set time after arrival ends. */
  dueAt: Date;
  /** Whole hours past it (0 when not alerted). */
  hoursOver: number;
}

/**
 * Held without charge: in prison with no committal order or judgment recorded `thresholdHours` after
 * arrival. Distinct from an expired title (the justice module's): here no charging title was ever recorded.
 */
export function heldWithoutCharge(i: WithoutChargeInput): WithoutCharge {
  const dueAt = new Date(i.arrivedAt.getTime() + i.thresholdHours * 3_600_000);
  const alert = !i.charged && i.now.getTime() > dueAt.getTime();
  return { alert, dueAt, hoursOver: alert ? Math.floor((i.now.getTime() - dueAt.getTime()) / 3_600_000) : 0 };
}

/** Hours and minutes, for a page or an API reply: 2 days 5 h → "53 h 00". */
export function hoursText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h} h ${String(m).padStart(2, '0')}`;
}
