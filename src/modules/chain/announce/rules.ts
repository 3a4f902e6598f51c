/**
 * The announced arrivals' rules, plain functions of values (tested without a database): what an
 * announcement must say, what is still missing in it, the handover and the registration it fills
 * in, and the "nothing shared" table per force and month. One rule, one function: the API, the
 * pages and the demo all call these.
 */
import type { FieldError } from '../../../core/errors.js';

export const LEGAL_BASES = ['flagrante_delicto', 'police_custody', 'prosecutor_order', 'warrant', 'other'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];
export const BIRTH_PRECISIONS = ['exact', 'month', 'year', 'estimated', 'unknown'] as const;
export type BirthPrecision = (typeof BIRTH_PRECISIONS)[number];
export const SEXES = ['male', 'female'] as const;
export const STATUSES = ['announced', 'received', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];
export const SOURCES = ['force', 'prosecutor'] as const;
export type Source = (typeof SOURCES)[number];
/** What may be missing in an announced case, in the order the partners' view lists it. */
export const MISSING = [
  'birth',
  'legal_reference',
  'jurisdiction',
  'charge',
  'information',
  'evidence',
  'documents',
] as const;
export type Missing = (typeof MISSING)[number];

export interface AnnouncementFacts {
  birth_precision: BirthPrecision;
  birth_date?: string | null;
  estimated_age?: number | null;
  legal_reference?: string | null;
  jurisdiction_id?: string | null;
  charge?: string | null;
  information?: string | null;
  evidence?: string | null;
}

const blank = (s: string | null | undefined) => !s?.trim();

const BIRTH_FORMAT_KEY = {
  exact: 'chain.birth.format_exact',
  month: 'chain.birth.format_month',
  year: 'chain.birth.format_year',
} as const;
const BIRTH_FORMAT: Record<Exclude<BirthPrecision, 'estimated' | 'unknown'>, RegExp> = {
  exact: /^\d{4}-\d{2}-\d{2}$/,
  month: /^\d{4}-\d{2}$/,
  year: /^\d{4}$/,
};

/**
 * An announcement's own checks: the birth date as precise as it says (an exact date, a month, a
 * year, or an estimated age), not after the expected day, and an expected date no more than a week
 * past (an announcement comes before the transfer) nor a year ahead.
 */
export function announcementErrors(a: AnnouncementFacts & { expected_on: string }, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (a.birth_precision === 'estimated') {
    if (a.estimated_age === null || a.estimated_age === undefined)
      errors.push({ field: '/estimated_age', key: 'chain.birth.age_required' });
  } else if (a.birth_precision !== 'unknown') {
    const d = a.birth_date?.trim() ?? '';
    if (!BIRTH_FORMAT[a.birth_precision].test(d))
      errors.push({ field: '/birth_date', key: BIRTH_FORMAT_KEY[a.birth_precision] });
    else if (d > a.expected_on.slice(0, d.length)) errors.push({ field: '/birth_date', key: 'chain.birth.future' });
  }
  if (a.expected_on < addDays(today, -7)) errors.push({ field: '/expected_on', key: 'chain.expected.past' });
  if (a.expected_on > addDays(today, 366)) errors.push({ field: '/expected_on', key: 'chain.expected.far' });
  return errors;
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** What the force has not said about the case (documents: none attached yet). */
export function missingInformation(a: AnnouncementFacts, documents: number): Missing[] {
  const out: Missing[] = [];
  if (a.birth_precision === 'unknown') out.push('birth');
  if (blank(a.legal_reference)) out.push('legal_reference');
  if (!a.jurisdiction_id) out.push('jurisdiction');
  if (blank(a.charge)) out.push('charge');
  if (blank(a.information)) out.push('information');
  if (blank(a.evidence)) out.push('evidence');
  if (documents === 0) out.push('documents');
  return out;
}

/** Announced "without information": neither information, nor evidence, nor a document came with the announcement. */
export function announcedWithoutInformation(a: AnnouncementFacts, documents: number): boolean {
  return blank(a.information) && blank(a.evidence) && documents === 0;
}

/** The birth as the reception's warrant line says it ("1990", "1990-05", "about 35"). */
export function birthText(a: {
  birth_precision: BirthPrecision;
  birth_date?: string | null;
  estimated_age?: number | null;
}) {
  if (a.birth_precision === 'estimated') return a.estimated_age != null ? `~${a.estimated_age}` : null;
  if (a.birth_precision === 'unknown') return null;
  return a.birth_date ?? null;
}

export interface Announced extends AnnouncementFacts {
  prison_code: string;
  authority: string;
  unit_name: string;
  family_name: string;
  given_names?: string | null;
  sex?: string | null;
  from_place: string;
  jurisdiction_name?: string | null;
}

/** The reception's handover, as announced: nothing retyped at the gate. */
export function handoverFrom(a: Announced) {
  const information = [a.information?.trim(), a.from_place ? `(${a.from_place})` : null].filter(Boolean).join(' ');
  return {
    prison: a.prison_code,
    arresting_authority: a.authority,
    officer_unit: a.unit_name,
    warrant_name: [a.family_name, a.given_names].filter((x) => !blank(x)).join(' '),
    warrant_birth: birthText(a),
    warrant_charge: a.charge?.trim() || null,
    warrant_reference: a.legal_reference?.trim() || null,
    information_shared: blank(a.information) ? null : information,
    evidence_shared: a.evidence?.trim() || null,
    nothing_shared: blank(a.information) && blank(a.evidence),
  };
}

/** The administration step's form values (the page's field names), as announced. */
export function registrationFrom(a: Announced): Record<string, string> {
  const v: Record<string, string> = { 'person.family_name': a.family_name };
  if (!blank(a.given_names)) v['person.given_names'] = a.given_names!.trim();
  if (a.sex) v['person.sex'] = a.sex;
  v['person.birth.precision'] = a.birth_precision;
  if (a.birth_precision === 'estimated' && a.estimated_age != null)
    v['person.birth.estimated_age'] = String(a.estimated_age);
  else if (a.birth_date) v['person.birth.date'] = a.birth_date;
  if (!blank(a.legal_reference)) v['legal_document.reference'] = a.legal_reference!.trim();
  if (!blank(a.jurisdiction_name)) v['legal_document.authority'] = a.jurisdiction_name!.trim();
  if (!blank(a.charge)) v['charges.0.qualification'] = a.charge!.trim();
  return v;
}

export interface ArrivalFact {
  authority: string;
  arrived_at: Date;
  /** Linked to an announcement. */
  announced: boolean;
  /** Announced with neither information, evidence nor document (or the handover found nothing shared). */
  without_information: boolean;
}

export interface NothingSharedRow {
  authority: string;
  month: string;
  arrivals: number;
  unannounced: number;
  announced_without_information: number;
  /** Unannounced or announced without information: the figure to take to the force. */
  nothing_shared: number;
}

/** Bamako is on UTC all year: the month of an arrival is its UTC month. */
export const monthOf = (d: Date) => d.toISOString().slice(0, 7);

/** The "nothing shared" table: per force and month, the arrivals never announced or announced without information. */
export function nothingSharedTable(arrivals: readonly ArrivalFact[]): NothingSharedRow[] {
  const rows = new Map<string, NothingSharedRow>();
  for (const a of arrivals) {
    const month = monthOf(a.arrived_at);
    const key = `${a.authority}|${month}`;
    const r = rows.get(key) ?? {
      authority: a.authority,
      month,
      arrivals: 0,
      unannounced: 0,
      announced_without_information: 0,
      nothing_shared: 0,
    };
    r.arrivals++;
    if (!a.announced) r.unannounced++;
    else if (a.without_information) r.announced_without_information++;
    if (!a.announced || a.without_information) r.nothing_shared++;
    rows.set(key, r);
  }
  return [...rows.values()].sort((x, y) => y.month.localeCompare(x.month) || x.authority.localeCompare(y.authority));
}
