/**
 * Sentences: the fields of a conviction, remission or pardon that the release rules read.
 */
import { type FieldError, invalid } from '../../../core/errors.js';
import type { Tx } from '../../../db/index.js';
import { isDate, lastDayOf, type Period } from '../calendar.js';
import * as repo from '../repository.js';
import type { Sentence } from '../rules.js';
import type { TitleInput } from './title-input.js';

export function badPeriod(p: Period | null | undefined): boolean {
  if (!p) return false;
  return [p.years, p.months, p.days].some(
    (v) => v !== undefined && v !== null && (!Number.isInteger(v) || v < 0 || v > 1200),
  );
}
export const emptyPeriod = (p: Period | null | undefined) =>
  !p || (!(p.years ?? 0) && !(p.months ?? 0) && !(p.days ?? 0));

/** The sentence as stored: a term, or life, or death; a suspended part and a fine when set. */
export function cleanSentence(s: Sentence): Sentence {
  const p = (x: Period | null | undefined): Period => ({
    ...(x?.years ? { years: x.years } : {}),
    ...(x?.months ? { months: x.months } : {}),
    ...(x?.days ? { days: x.days } : {}),
  });
  if (s.death) return { death: true, ...(s.fine ? { fine: s.fine } : {}) };
  if (s.life) return { life: true, ...(s.fine ? { fine: s.fine } : {}) };
  return {
    ...p(s),
    ...(s.suspended && !emptyPeriod(s.suspended) ? { suspended: p(s.suspended) } : {}),
    ...(s.fine ? { fine: s.fine } : {}),
  };
}

/** Field errors of the sentence fields, kind by kind (pure). */
export function validateSentenceFields(input: TitleInput, base = ''): FieldError[] {
  const errs: FieldError[] = [];
  const f = (name: string) => `${base}/${name}`;
  const s = input.sentence;
  if (s && input.kind === 'conviction') {
    if (s.life && s.death) errs.push({ field: f('sentence'), key: 'justice.sentence.life_or_death' });
    if ((s.life || s.death) && !emptyPeriod(s))
      errs.push({ field: f('sentence'), key: 'justice.sentence.term_with_life' });
    if (s.suspended && badPeriod(s.suspended))
      errs.push({ field: f('sentence/suspended'), key: 'justice.rule.bad_period' });
    else if (
      s.suspended &&
      !emptyPeriod(s.suspended) &&
      (s.life || s.death || lastDayOf('2001-01-01', s.suspended) > lastDayOf('2001-01-01', s))
    )
      errs.push({ field: f('sentence/suspended'), key: 'justice.sentence.suspended_exceeds' });
    if (s.fine !== undefined && s.fine !== null && (!Number.isInteger(s.fine) || s.fine < 0))
      errs.push({ field: f('sentence/fine'), key: 'justice.sentence.bad_fine' });
  }
  if (
    input.case_ref !== undefined &&
    input.case_ref !== null &&
    (typeof input.case_ref !== 'string' || !input.case_ref.trim() || input.case_ref.length > 100)
  )
    errs.push({ field: f('case_ref'), key: 'justice.sentence.bad_case_ref' });
  const conviction = input.kind === 'conviction';
  if ((input.sentence_relation || input.related_to_id) && !conviction)
    errs.push({ field: f('sentence_relation'), key: 'justice.title.field_not_for_kind' });
  else if (!!input.sentence_relation !== !!input.related_to_id)
    errs.push({
      field: f(input.sentence_relation ? 'related_to_id' : 'sentence_relation'),
      key: 'justice.sentence.relation_pair',
    });
  if (input.final_on !== undefined && input.final_on !== null) {
    if (!conviction) errs.push({ field: f('final_on'), key: 'justice.title.field_not_for_kind' });
    else if (!isDate(input.final_on)) errs.push({ field: f('final_on'), key: 'field.invalid_date' });
    else if (isDate(input.issued_on) && input.final_on < input.issued_on)
      errs.push({ field: f('final_on'), key: 'justice.sentence.final_before_judgment' });
  }
  if (input.applies_to_id && !['remission', 'pardon', 'appeal'].includes(input.kind))
    errs.push({ field: f('applies_to_id'), key: 'justice.title.field_not_for_kind' });
  if (input.commuted_to && !emptyPeriod(input.commuted_to)) {
    if (input.kind !== 'pardon') errs.push({ field: f('commuted_to'), key: 'justice.title.field_not_for_kind' });
    else if (badPeriod(input.commuted_to)) errs.push({ field: f('commuted_to'), key: 'justice.rule.bad_period' });
    else if (!input.applies_to_id)
      errs.push({ field: f('applies_to_id'), key: 'justice.sentence.commutation_names_sentence' });
  }
  return errs;
}

/** The conviction a title names must be one of the person's convictions in force (any admission: titles follow the person). */
export async function checkSentenceLinks(
  tx: Tx,
  personId: string,
  input: TitleInput,
  base: string,
  selfId?: string,
): Promise<void> {
  const errs: FieldError[] = [];
  for (const [field, id] of [
    ['related_to_id', input.related_to_id],
    ['applies_to_id', input.applies_to_id],
  ] as const) {
    if (!id) continue;
    const t = await repo.findPersonConviction(tx, personId, id);
    if (!t || id === selfId) errs.push({ field: `${base}/${field}`, key: 'justice.sentence.unknown_conviction' });
  }
  if (errs.length) throw invalid(errs);
}
