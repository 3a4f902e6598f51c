/** Pure rules for the prisoner's identity: dates of birth with their precision, NINA, names. */
import type { FieldError } from '../../core/errors.js';
import { isIsoDate } from '../../core/dates.js';

export const BIRTH_PRECISIONS = ['exact', 'month', 'year', 'estimated', 'unknown'] as const;
export type BirthPrecision = (typeof BIRTH_PRECISIONS)[number];

/** A relative's tie to the prisoner (Mandela Rule 7). */
export const RELATIONSHIPS = [
  'spouse',
  'child',
  'father',
  'mother',
  'sibling',
  'other_family',
  'guardian',
  'other',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** As the API takes and gives it: `date` is 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' to match the precision. */
export interface BirthInput {
  precision: BirthPrecision;
  date?: string | null;
  estimated_age?: number | null;
  estimated_on?: string | null;
}

/** As stored: a first-of-period date for month/year precision. */
export interface BirthStored {
  birthPrecision: BirthPrecision;
  birthDate: string | null;
  birthEstimatedAge: number | null;
  birthEstimatedOn: string | null;
}

export function parseBirth(
  b: BirthInput,
  today: string,
  field = '/birth',
): { value?: BirthStored; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const none = { birthDate: null, birthEstimatedAge: null, birthEstimatedOn: null };
  switch (b.precision) {
    case 'exact':
    case 'month':
    case 'year': {
      const pattern = { exact: /^\d{4}-\d{2}-\d{2}$/, month: /^\d{4}-\d{2}$/, year: /^\d{4}$/ }[b.precision];
      const d = b.date ?? '';
      const full = b.precision === 'exact' ? d : b.precision === 'month' ? `${d}-01` : `${d}-01-01`;
      if (!pattern.test(d) || !isIsoDate(full))
        errors.push({ field: `${field}/date`, key: `person.birth_date_format.${b.precision}` });
      else if (full > today) errors.push({ field: `${field}/date`, key: 'field.date_in_future' });
      else if (Number(full.slice(0, 4)) < Number(today.slice(0, 4)) - 120)
        errors.push({ field: `${field}/date`, key: 'person.birth_too_old' });
      return errors.length ? { errors } : { value: { ...none, birthPrecision: b.precision, birthDate: full }, errors };
    }
    case 'estimated': {
      const age = b.estimated_age;
      const on = b.estimated_on ?? today;
      if (age === null || age === undefined || !Number.isInteger(age) || age < 0 || age > 120)
        errors.push({ field: `${field}/estimated_age`, key: 'person.estimated_age_range' });
      if (!isIsoDate(on)) errors.push({ field: `${field}/estimated_on`, key: 'field.invalid_date' });
      else if (on > today) errors.push({ field: `${field}/estimated_on`, key: 'field.date_in_future' });
      return errors.length
        ? { errors }
        : { value: { ...none, birthPrecision: 'estimated', birthEstimatedAge: age!, birthEstimatedOn: on }, errors };
    }
    case 'unknown':
      return { value: { ...none, birthPrecision: 'unknown' }, errors };
    default:
      return { errors: [{ field: `${field}/precision`, key: 'person.birth_precision' }] };
  }
}

/** The stored birth back into its API form, keeping its precision. */
export function formatBirth(s: BirthStored): BirthInput {
  switch (s.birthPrecision) {
    case 'exact':
      return { precision: 'exact', date: s.birthDate };
    case 'month':
      return { precision: 'month', date: s.birthDate!.slice(0, 7) };
    case 'year':
      return { precision: 'year', date: s.birthDate!.slice(0, 4) };
    case 'estimated':
      return { precision: 'estimated', estimated_age: s.birthEstimatedAge, estimated_on: s.birthEstimatedOn };
    default:
      return { precision: 'unknown' };
  }
}

/**
 * The earliest and latest possible dates of birth. An estimated age is taken as ±2 years around
 * the age given on the day of the estimate (documented in docs/data-model.md).
 */
export function birthRange(s: BirthStored, estimateToleranceYears = 2): { from: string; to: string } | null {
  const addYears = (iso: string, n: number) => `${String(Number(iso.slice(0, 4)) + n).padStart(4, '0')}${iso.slice(4)}`;
  switch (s.birthPrecision) {
    case 'exact':
      return { from: s.birthDate!, to: s.birthDate! };
    case 'month': {
      const [y, m] = s.birthDate!.split('-').map(Number) as [number, number];
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      return { from: s.birthDate!, to: `${s.birthDate!.slice(0, 7)}-${String(last).padStart(2, '0')}` };
    }
    case 'year':
      return { from: s.birthDate!, to: `${s.birthDate!.slice(0, 4)}-12-31` };
    case 'estimated': {
      const on = s.birthEstimatedOn!;
      const age = s.birthEstimatedAge!;
      return {
        from: addYears(on, -(age + 1 + estimateToleranceYears)),
        to: addYears(on, -(age - estimateToleranceYears)),
      };
    }
    default:
      return null;
  }
}

/** Age in whole years on a date, or an interval when the date of birth is imprecise. */
export function ageOn(s: BirthStored, on: string): { min: number; max: number } | null {
  const r = birthRange(s, 0);
  if (!r) return null;
  const years = (from: string) => {
    let a = Number(on.slice(0, 4)) - Number(from.slice(0, 4));
    if (on.slice(5) < from.slice(5)) a--;
    return a;
  };
  return { min: Math.max(0, years(r.to)), max: Math.max(0, years(r.from)) };
}

/**
 * How many years an estimated age may be off, each way, when deciding whether a person may be a
 * minor (the same ±2 years as `birthRange`). A person estimated at 19 may be 17: treated as a minor.
 */
export const AGE_ESTIMATE_TOLERANCE_YEARS = 2;

export const AGE_METHODS = ['documents', 'psychosocial', 'medical', 'judicial', 'other'] as const;
export type AgeMethod = (typeof AGE_METHODS)[number];
export const AGE_RESULTS = ['minor', 'adult', 'inconclusive'] as const;
export type AgeResult = (typeof AGE_RESULTS)[number];

/** What an age assessment concluded: on `assessedOn` the person was at least `minimumAge`. */
export interface AgeAssessmentFact {
  assessedOn: string;
  result: AgeResult;
  /** The lowest age the findings support on that day (required for 'minor'). */
  minimumAge: number | null;
  /** Tie-break between assessments of the same day: the later recorded counts. */
  recordedAt?: string;
}

export type MinorBasis = 'birth_date' | 'age_uncertain' | 'age_unknown' | 'assessment';

export interface MinorReading {
  /** Treated as a minor on the date, for separation (Rule 11) and regime. */
  minor: boolean;
  /** The minority is assumed: the stored birth data leave a doubt and no assessment settles it. */
  assumed: boolean;
  basis: MinorBasis;
  /** The date of the assessment the reading rests on. */
  assessedOn?: string;
  /** The latest assessment was inconclusive: the doubt remains, and so does the protection. */
  inconclusive?: boolean;
}

const fullYears = (from: string, on: string) => {
  let a = Number(on.slice(0, 4)) - Number(from.slice(0, 4));
  if (on.slice(5) < from.slice(5)) a--;
  return a;
};

/**
 * Whether a person is treated as a minor on a date — the one function every placement, the breach
 * report, the regime and the file use. Doubt protects (CRC General Comment No. 24, benefit of the
 * doubt to the child): a person who may be under 18 on that day — any birth date possible within
 * the stored precision (year, month, an estimated age ± AGE_ESTIMATE_TOLERANCE_YEARS, or unknown)
 * — is treated as a minor until an age assessment settles it. The latest assessment on or before
 * the date counts; an inconclusive one settles nothing.
 */
export function minorReading(
  birth: BirthStored,
  on: string,
  assessments: readonly AgeAssessmentFact[] = [],
  toleranceYears = AGE_ESTIMATE_TOLERANCE_YEARS,
): MinorReading {
  const latest = [...assessments]
    .filter((a) => a.assessedOn <= on)
    .sort(
      (a, b) => b.assessedOn.localeCompare(a.assessedOn) || (b.recordedAt ?? '').localeCompare(a.recordedAt ?? ''),
    )[0];
  if (latest && latest.result === 'adult')
    return { minor: false, assumed: false, basis: 'assessment', assessedOn: latest.assessedOn };
  if (latest && latest.result === 'minor') {
    const age = (latest.minimumAge ?? 0) + Math.max(0, fullYears(latest.assessedOn, on));
    return { minor: age < 18, assumed: false, basis: 'assessment', assessedOn: latest.assessedOn };
  }
  const inconclusive = latest ? { inconclusive: true } : {};
  const r = birthRange(birth, toleranceYears);
  if (!r) return { minor: true, assumed: true, basis: 'age_unknown', ...inconclusive };
  const youngest = Math.max(0, fullYears(r.to, on));
  const oldest = Math.max(0, fullYears(r.from, on));
  if (oldest < 18) return { minor: true, assumed: false, basis: 'birth_date' };
  if (youngest >= 18) return { minor: false, assumed: false, basis: 'birth_date' };
  return { minor: true, assumed: true, basis: 'age_uncertain', ...inconclusive };
}

/** NINA as written on the card, normalised for storage: upper case, no spaces or dashes. */
export function normaliseNina(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const v = raw.replace(/[\s-]/g, '').toUpperCase();
  return v === '' ? null : v;
}

export function ninaErrors(nina: string | null, field = '/nina'): FieldError[] {
  if (nina === null) return [];
  return /^[0-9A-Z]{8,20}$/.test(nina) ? [] : [{ field, key: 'person.nina_format' }];
}

/** "DIARRA Amadou": the family name in capitals first, as on Malian registers. */
export function displayName(familyName: string, givenNames: string): string {
  return [familyName.toLocaleUpperCase('fr'), givenNames].filter(Boolean).join(' ');
}
