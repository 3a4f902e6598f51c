/**
 * Age assessments and the protective reading of a person's age (issue 9, "doubt protects"). A
 * person who may be under 18 is treated as a minor — for separation and regime — until an age
 * assessment (method, by whom, date, result, notes) is recorded. Assessments are never changed or
 * deleted: a new one supersedes (the latest by date, then by recording time, counts).
 */
import type { Actor } from '../../core/access.js';
import { bamakoDate, isIsoDate } from '../../core/dates.js';
import { type FieldError, invalid } from '../../core/errors.js';
import { recordChange } from '../../core/history.js';
import { t, type Lang } from '../../core/i18n.js';
import { newId } from '../../core/ids.js';
import type { Db, Tx } from '../../db/index.js';
import './messages.js';
import * as repo from './repository.js';
import {
  AGE_METHODS,
  AGE_RESULTS,
  type AgeMethod,
  type AgeResult,
  type MinorBasis,
  type MinorReading,
  minorReading,
} from './rules.js';
import { assertPersonVisible } from './service.js';

export interface AgeAssessmentInput {
  method: AgeMethod;
  assessed_by: string;
  assessed_on: string;
  result: AgeResult;
  minimum_age?: number | null;
  notes?: string | null;
}

export interface AgeReadingView {
  /** Treated as a minor on `as_of`, for separation and regime. */
  treated_as_minor: boolean;
  /** The minority is assumed because the age is uncertain and no assessment settles it. */
  assumed: boolean;
  basis: MinorBasis;
  as_of: string;
  assessed_on: string | null;
  inconclusive: boolean;
}

export const readingView = (r: MinorReading, asOf: string): AgeReadingView => ({
  treated_as_minor: r.minor,
  assumed: r.assumed,
  basis: r.basis,
  as_of: asOf,
  assessed_on: r.assessedOn ?? null,
  inconclusive: !!r.inconclusive,
});

/** "Treated as a minor: age uncertain, no age assessment" and its siblings, fr/en. */
export function ageReadingText(
  lang: Lang,
  r: Pick<AgeReadingView, 'treated_as_minor' | 'basis' | 'assessed_on' | 'inconclusive'>,
): string {
  switch (r.basis) {
    case 'assessment':
      return t(lang, r.treated_as_minor ? 'person.age.assessed_minor' : 'person.age.assessed_adult', {
        date: r.assessed_on ?? '',
      });
    case 'birth_date':
      return t(lang, r.treated_as_minor ? 'person.age.minor' : 'person.age.adult');
    case 'age_uncertain':
      return t(lang, r.inconclusive ? 'person.age.age_uncertain_inconclusive' : 'person.age.age_uncertain');
    case 'age_unknown':
      return t(lang, r.inconclusive ? 'person.age.age_unknown_inconclusive' : 'person.age.age_unknown');
  }
}

/** The protective reading of one person's age on a date (today by default). */
export async function ageReadingOf(db: Tx, personId: string, on: string = bamakoDate()): Promise<AgeReadingView> {
  const f = (await repo.ageFactsOf(db, [personId])).get(personId);
  if (!f) return readingView({ minor: true, assumed: true, basis: 'age_unknown' }, on);
  return readingView(minorReading(f.birth, on, f.assessments), on);
}

function validate(input: AgeAssessmentInput, today: string): FieldError[] {
  const errors: FieldError[] = [];
  // Every way in (API, page, import) meets the same lists: a value outside them is a field error.
  if (!(AGE_METHODS as readonly string[]).includes(input.method))
    errors.push({ field: '/method', key: 'person.age.method_unknown' });
  if (!(AGE_RESULTS as readonly string[]).includes(input.result))
    errors.push({ field: '/result', key: 'person.age.result_unknown' });
  if (!input.assessed_by?.trim()) errors.push({ field: '/assessed_by', key: 'person.age.assessed_by_required' });
  if (!isIsoDate(input.assessed_on ?? '')) errors.push({ field: '/assessed_on', key: 'field.invalid_date' });
  else if (input.assessed_on > today) errors.push({ field: '/assessed_on', key: 'field.date_in_future' });
  const min = input.minimum_age ?? null;
  if (input.result === 'minor' && (min === null || min >= 18))
    errors.push({ field: '/minimum_age', key: 'person.age.minimum_age_minor' });
  if (input.result === 'adult' && min !== null && min < 18)
    errors.push({ field: '/minimum_age', key: 'person.age.minimum_age_adult' });
  return errors;
}

/** Record an age assessment (person.write); the history keeps it with who and when. */
export async function recordAgeAssessment(
  db: Db,
  actor: Actor,
  personId: string,
  input: AgeAssessmentInput,
  prisonId: string | null = null,
) {
  return db.transaction(async (tx) => {
    const p = await assertPersonVisible(tx, actor, personId, 'person.write');
    const today = bamakoDate();
    const errors = validate(input, today);
    if (errors.length) throw invalid(errors);
    const before = await ageReadingOf(tx, personId, today);
    const id = newId();
    await repo.insertAgeAssessment(tx, {
      id,
      personId,
      prisonId: prisonId ?? p.registeredPrisonId,
      method: input.method,
      assessedBy: input.assessed_by.trim(),
      assessedOn: input.assessed_on,
      result: input.result,
      minimumAge: input.minimum_age ?? null,
      notes: input.notes ?? null,
      recordedBy: actor.userId,
    });
    const after = await ageReadingOf(tx, personId, today);
    await recordChange(tx, actor, {
      entity: 'age_assessment',
      entityId: id,
      personId,
      prisonId: prisonId ?? p.registeredPrisonId,
      action: 'record',
      reason: input.notes ?? null,
      before: { treated_as_minor: before.treated_as_minor, basis: before.basis },
      after: {
        method: input.method,
        assessed_by: input.assessed_by.trim(),
        assessed_on: input.assessed_on,
        result: input.result,
        minimum_age: input.minimum_age ?? null,
        treated_as_minor: after.treated_as_minor,
        basis: after.basis,
      },
    });
    return { id, reading: after };
  });
}

/** A person's age assessments (latest first) and the reading that follows today. */
export async function ageAssessments(db: Db, actor: Actor, personId: string) {
  await assertPersonVisible(db, actor, personId);
  const rows = await repo.findAgeAssessments(db, personId);
  return {
    reading: await ageReadingOf(db, personId),
    items: rows.map((a) => ({
      id: a.id,
      method: a.method,
      assessed_by: a.assessedBy,
      assessed_on: a.assessedOn,
      result: a.result,
      minimum_age: a.minimumAge,
      notes: a.notes,
      recorded_at: a.recordedAt.toISOString(),
    })),
  };
}
