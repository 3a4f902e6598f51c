/**
 * The rules of visits at the gate, as plain functions (no database): which visiting window applies,
 * whether a visit is refused and why, what counts against the family quota, how far a detainee is
 * held from home. One rule, one function: the API, the pages and the demo call these.
 */
import type { FieldError } from '../../../core/errors.js';

export const VISIT_KINDS = ['family', 'legal'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];
/** How the visit came: booked by phone, booked at the gate, or a walk-in registered on arrival. */
export const VISIT_CHANNELS = ['phone', 'gate', 'walk_in'] as const;
export const VISIT_STATES = ['booked', 'in_progress', 'ended', 'refused', 'cancelled'] as const;
export type VisitState = (typeof VISIT_STATES)[number];
export const REFUSAL_CODES = [
  'not_held',
  'visitor_banned',
  'person_restricted',
  'weekly_quota',
  'outside_hours',
  'too_many_visitors',
  'room_full',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];
export const RELATIONSHIPS = ['spouse', 'parent', 'child', 'sibling', 'relative', 'friend', 'lawyer', 'other'] as const;
export const ID_DOC_KINDS = [
  'nina_card',
  'passport',
  'consular_card',
  'voter_card',
  'bar_card',
  'other',
  'none',
] as const;
/**
 * What an individual restriction of family visits may rest on. There is no "disciplinary" basis:
 * Mandela Rule 43(3) forbids a ban on family contact as a sanction.
 */
export const RESTRICTION_BASES = ['security', 'judicial_order', 'health', 'visitor_safety'] as const;
export const ITEM_KINDS = ['food', 'clothes', 'money', 'medicine', 'documents', 'hygiene', 'other'] as const;
export const ITEM_OUTCOMES = ['handed_over', 'refused'] as const;
export const CONTACT_KINDS = ['call', 'letter_in', 'letter_out'] as const;
export const TRACING_STATES = ['sent', 'in_progress', 'found', 'not_found', 'closed'] as const;
export const BAN_SCOPES = ['prison', 'all'] as const;
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/** The family-contact list's default: nobody seen, called or written to for 90 days. */
export const NO_CONTACT_DAYS = 90;
export const MAX_VISITORS = 20;

export const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date "YYYY-MM-DD". */
export function weekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The Monday of the week of a date, and the Monday after: the week a quota counts in. */
export function weekOf(day: string): { from: string; to: string } {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - (weekday(day) - 1));
  const from = d.toISOString().slice(0, 10);
  d.setUTCDate(d.getUTCDate() + 7);
  return { from, to: d.toISOString().slice(0, 10) };
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export interface RuleFacts {
  id: string;
  unitId: string | null;
  regimeLevel: string | null;
  weekday: number;
  starts: string;
  ends: string;
  perPersonWeek: number;
  visitorsPerVisit: number;
  roomCapacity: number;
}

/**
 * The rules that apply to one person: the special rules of their unit or regime level when the
 * prison has any, otherwise the prison's general rules (neither unit nor level).
 */
export function rulesFor<R extends RuleFacts>(
  rules: readonly R[],
  who: { unitId: string | null; regimeLevel: string | null },
): R[] {
  const special = rules.filter(
    (r) =>
      (r.unitId !== null || r.regimeLevel !== null) &&
      (r.unitId === null || r.unitId === who.unitId) &&
      (r.regimeLevel === null || r.regimeLevel === who.regimeLevel),
  );
  if (special.length) return special;
  return rules.filter((r) => r.unitId === null && r.regimeLevel === null);
}

/** The window a visit on this day (at this time, when known) falls in, among the applicable rules. */
export function windowOf<R extends RuleFacts>(rules: readonly R[], day: string, time: string | null): R | null {
  const wd = weekday(day);
  return rules.find((r) => r.weekday === wd && (time === null || (r.starts <= time && time < r.ends))) ?? null;
}

/** A legal visit never counts against the family quota (Mandela Rule 61); a refused or cancelled one neither. */
export function countsAgainstQuota(v: { kind: string; state: string }): boolean {
  return v.kind === 'family' && v.state !== 'refused' && v.state !== 'cancelled';
}

export interface BanFacts {
  prisonId: string | null;
  reason: string;
  fromDate: string;
  untilDate: string | null;
  liftedAt: Date | null;
}
/** A ban in force on a day at a prison: not lifted, begun, not ended, for this prison or for all. */
export function banInForce(b: BanFacts, prisonId: string, day: string): boolean {
  return (
    b.liftedAt === null &&
    (b.prisonId === null || b.prisonId === prisonId) &&
    b.fromDate <= day &&
    (b.untilDate === null || b.untilDate >= day)
  );
}

export interface RestrictionFacts {
  basis: string;
  reason: string;
  fromDate: string;
  untilDate: string;
  liftedAt: Date | null;
}
export function restrictionInForce(r: RestrictionFacts, day: string): boolean {
  return r.liftedAt === null && r.fromDate <= day && r.untilDate >= day;
}

export interface VisitFacts {
  kind: VisitKind;
  day: string;
  time: string | null;
  held: boolean;
  visitors: readonly { name: string; bans: readonly BanFacts[] }[];
  prisonId: string;
  restrictions: readonly RestrictionFacts[];
  /** The person's regime (classification): family visits a week, and its basis (level or an individual decision). */
  regime: { perWeek: number; reason: string | null } | null;
  /** The rules that apply to this person (rulesFor). */
  rules: readonly RuleFacts[];
  /** Family visits of the person this week that count (countsAgainstQuota). */
  weekCount: number;
  /** Visitors already booked or in the room in the same window that day. */
  roomCount: number;
}

export interface Refusal {
  code: RefusalCode;
  /** The recorded reason behind it: the ban's or the decision's own words, or the figures. */
  detail: string;
}

/**
 * Whether a visit is refused, and why — the first reason found, in this order: the person is not
 * held here; a visitor is banned (every kind of visit); then, for family visits only, an individual
 * restriction, the weekly quota (the regime's and the rules'), the visiting hours, the number of
 * visitors, the room's capacity. A legal visit is refused only for a ban or a person not held.
 */
export function refusalOf(f: VisitFacts): Refusal | null {
  if (!f.held) return { code: 'not_held', detail: '' };
  for (const v of f.visitors) {
    const ban = v.bans.find((b) => banInForce(b, f.prisonId, f.day));
    if (ban) return { code: 'visitor_banned', detail: `${ban.reason} (${v.name})` };
  }
  if (f.kind === 'legal') return null;
  const r = f.restrictions.find((x) => restrictionInForce(x, f.day));
  if (r) return { code: 'person_restricted', detail: r.reason };
  const window = f.rules.length ? windowOf(f.rules, f.day, f.time) : null;
  const ruleQuota = window?.perPersonWeek ?? (f.rules.length ? Math.min(...f.rules.map((x) => x.perPersonWeek)) : null);
  const quotas = [ruleQuota, f.regime?.perWeek ?? null].filter((q): q is number => q !== null);
  const quota = quotas.length ? Math.min(...quotas) : null;
  if (quota !== null && f.weekCount >= quota) {
    const regimeBinds = f.regime !== null && f.regime.perWeek === quota && f.regime.reason;
    return {
      code: 'weekly_quota',
      detail: regimeBinds ? `${f.weekCount}/${quota} — ${f.regime!.reason}` : `${f.weekCount}/${quota}`,
    };
  }
  if (!f.rules.length) return null;
  if (!window) return { code: 'outside_hours', detail: hoursText(f.rules) };
  if (f.visitors.length > window.visitorsPerVisit)
    return { code: 'too_many_visitors', detail: `${f.visitors.length}/${window.visitorsPerVisit}` };
  if (f.roomCount + f.visitors.length > window.roomCapacity)
    return { code: 'room_full', detail: `${f.roomCount}/${window.roomCapacity}` };
  return null;
}

/** "5 08:00–12:00" per rule, for a refusal's detail (the page puts weekday names on the rules). */
export function hoursText(rules: readonly RuleFacts[]): string {
  return rules.map((r) => `${r.weekday} ${r.starts}–${r.ends}`).join(', ');
}

/** The errors of a set of visiting rules: hours written HH:MM, the end after the start. */
export function ruleErrors(rules: readonly { starts: string; ends: string }[]): FieldError[] {
  const out: FieldError[] = [];
  rules.forEach((r, i) => {
    if (!TIME.test(r.starts)) out.push({ field: `/rules/${i}/starts`, key: 'visits.time_format' });
    if (!TIME.test(r.ends)) out.push({ field: `/rules/${i}/ends`, key: 'visits.time_format' });
    else if (TIME.test(r.starts) && r.ends <= r.starts)
      out.push({ field: `/rules/${i}/ends`, key: 'visits.rule.ends_before' });
  });
  return out;
}

/** An item refused needs its reason; one handed over carries none. */
export function itemErrors(i: { outcome: string; refusal_reason?: string | null }, base = ''): FieldError[] {
  if (i.outcome === 'refused' && !i.refusal_reason?.trim())
    return [{ field: `${base}/refusal_reason`, key: 'visits.item.reason_required' }];
  return [];
}

/**
 * Approximate coordinates (degrees) of each region's chef-lieu, keyed by the reference data's region
 * codes (migration 20261125_0110). Typed from public gazetteers to about a kilometre: the shared
 * reference data has the regions and their chefs-lieux but no coordinates.
 */
export const CHEF_LIEU: Readonly<Record<string, readonly [number, number]>> = {
  BKO: [12.639, -8.003],
  KAYES: [14.447, -11.445],
  KOULIKORO: [12.863, -7.56],
  SIKASSO: [11.317, -5.667],
  SEGOU: [13.432, -6.216],
  MOPTI: [14.484, -4.183],
  TOMBOUCTOU: [16.774, -3.007],
  GAO: [16.267, -0.04],
  KIDAL: [18.441, 1.408],
  TAOUDENIT: [22.678, -3.984],
  MENAKA: [15.918, 2.402],
  NIORO: [15.231, -9.59],
  KITA: [13.035, -9.49],
  DIOILA: [12.493, -6.746],
  NARA: [15.168, -7.286],
  BOUGOUNI: [11.418, -7.483],
  KOUTIALA: [12.392, -5.464],
  SAN: [13.303, -4.896],
  DOUENTZA: [15.002, -2.95],
  BANDIAGARA: [14.35, -3.61],
};

/**
 * Distance in km between two regions: the great-circle (haversine, Earth radius 6371 km) distance
 * between their chefs-lieux, rounded to 10 km — a floor on the road distance a family travels.
 * Null when either region is unknown.
 */
export function regionDistanceKm(from: string | null, to: string | null): number | null {
  const a = from ? CHEF_LIEU[from] : undefined;
  const b = to ? CHEF_LIEU[to] : undefined;
  if (!a || !b) return null;
  const rad = (x: number) => (x * Math.PI) / 180;
  const dLat = rad(b[0] - a[0]);
  const dLon = rad(b[1] - a[1]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[0])) * Math.cos(rad(b[0])) * Math.sin(dLon / 2) ** 2;
  return Math.round((2 * 6371 * Math.asin(Math.sqrt(h))) / 10) * 10;
}

/**
 * Days since the last family contact (a visit that took place, a call, a letter); with none, since
 * the admission. A person is on the no-contact list when this reaches the threshold.
 */
export function daysWithoutContact(last: Date | null, admittedAt: Date, now: Date): number {
  const since = last && last > admittedAt ? last : admittedAt;
  return Math.floor((now.getTime() - since.getTime()) / 86_400_000);
}
