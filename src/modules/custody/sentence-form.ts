/** The sentence fields of the admission and reception forms (a person admitted already convicted). */
import type { DocumentInput } from './service.js';

export const SENTENCE_FORM_FIELDS = [
  'legal_document.sentence.years',
  'legal_document.sentence.months',
  'legal_document.sentence.days',
  'legal_document.sentence_start',
  'legal_document.case_ref',
] as const;

/** The sentence typed in the form, or nothing when its fields are empty. A number that is not one is kept as NaN: the schema refuses it,
 * naming the field. */
export function sentenceFromForm(
  get: (name: string) => string,
): Pick<DocumentInput, 'sentence' | 'sentence_start' | 'case_ref'> {
  const n = (k: string): number | undefined => {
    const x = get(`legal_document.sentence.${k}`).trim();
    return x === '' ? undefined : /^\d{1,4}$/.test(x) ? Number(x) : Number.NaN;
  };
  const years = n('years'),
    months = n('months'),
    days = n('days');
  const start = get('legal_document.sentence_start').trim();
  const caseRef = get('legal_document.case_ref').trim();
  const any = years !== undefined || months !== undefined || days !== undefined;
  return {
    ...(any
      ? {
          sentence: {
            ...(years !== undefined ? { years } : {}),
            ...(months !== undefined ? { months } : {}),
            ...(days !== undefined ? { days } : {}),
          },
        }
      : {}),
    ...(start ? { sentence_start: start } : {}),
    ...(caseRef ? { case_ref: caseRef } : {}),
  };
}
