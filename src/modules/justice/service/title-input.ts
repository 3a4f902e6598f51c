/**
 * A legal title as entered (page, API, import): its fields and their errors, kind by kind.
 */
import { type FieldError, invalid } from '../../../core/errors.js';
import type { Tx } from '../../../db/index.js';
import { isDate, type Period } from '../calendar.js';
import * as repo from '../repository.js';
import {
  AUTHORITY_KINDS,
  type AuthorityKind,
  OFFENCE_CATEGORIES,
  type OffenceCategory,
  type Sentence,
  TITLE_KINDS,
  type TitleKind,
} from '../rules.js';
import type { Access } from './access.js';
import { badPeriod, cleanSentence, emptyPeriod, validateSentenceFields } from './sentences.js';

export interface TitleInput {
  kind: TitleKind;
  authority_kind: AuthorityKind;
  authority: string;
  jurisdiction?: string | null;
  reference: string;
  issued_on: string;
  offence_category?: OffenceCategory | null;
  effective_from?: string | null;
  valid_until?: string | null;
  period?: Period | null;
  sentence?: Sentence | null;
  sentence_start?: string | null;
  remand_credit_days?: number | null;
  reduction?: Period | null;
  pardon_scope?: 'full' | 'partial' | null;
  attachment_id?: string | null;
  notes?: string | null;
  /** The case number as written (titles of one case share it). */
  case_ref?: string | null;
  /** Convictions: consecutive to, or concurrent with (court-ordered confusion), the conviction `related_to_id`. */
  sentence_relation?: 'consecutive' | 'concurrent' | null;
  related_to_id?: string | null;
  /** Convictions: final on (appeal period passed or appeal decided). */
  final_on?: string | null;
  /** Remissions, pardons, appeals: the conviction they name. */
  applies_to_id?: string | null;
  /** Pardons: commutation to this term (life or death to a term). */
  commuted_to?: Period | null;
}

/** Field errors for a title, kind by kind. `base` prefixes the JSON pointers. */
export function validateTitle(input: TitleInput, today: string, base = ''): FieldError[] {
  const errs: FieldError[] = [];
  const f = (name: string) => `${base}/${name}`;
  if (!(TITLE_KINDS as readonly string[]).includes(input.kind))
    errs.push({ field: f('kind'), key: 'field.unknown_code', params: { code: input.kind, kind: 'kind' } });
  if (!(AUTHORITY_KINDS as readonly string[]).includes(input.authority_kind))
    errs.push({
      field: f('authority_kind'),
      key: 'field.unknown_code',
      params: { code: input.authority_kind, kind: 'authority_kind' },
    });
  if (!input.authority?.trim()) errs.push({ field: f('authority'), key: 'field.required' });
  if (!input.reference?.trim()) errs.push({ field: f('reference'), key: 'field.required' });
  if (!isDate(input.issued_on)) errs.push({ field: f('issued_on'), key: 'field.invalid_date' });
  else if (input.issued_on > today) errs.push({ field: f('issued_on'), key: 'field.date_in_future' });
  for (const k of ['effective_from', 'valid_until', 'sentence_start'] as const) {
    const v = input[k];
    if (v !== undefined && v !== null && !isDate(v)) errs.push({ field: f(k), key: 'field.invalid_date' });
  }
  if (
    input.valid_until &&
    isDate(input.valid_until) &&
    isDate(input.issued_on) &&
    input.valid_until < (input.effective_from ?? input.issued_on)
  )
    errs.push({ field: f('valid_until'), key: 'justice.title.valid_until_before_start' });
  if (input.offence_category && !(OFFENCE_CATEGORIES as readonly string[]).includes(input.offence_category))
    errs.push({
      field: f('offence_category'),
      key: 'field.unknown_code',
      params: { code: input.offence_category, kind: 'offence_category' },
    });
  const detention =
    input.kind === 'committal_order' || input.kind === 'arrest_warrant' || input.kind === 'extension_order';
  if (!detention && (input.offence_category || input.effective_from || input.valid_until))
    errs.push({ field: f('offence_category'), key: 'justice.title.field_not_for_kind' });
  if (input.period && (input.kind !== 'extension_order' || badPeriod(input.period)))
    errs.push({
      field: f('period'),
      key: input.kind !== 'extension_order' ? 'justice.title.field_not_for_kind' : 'justice.rule.bad_period',
    });
  if (input.kind === 'conviction') {
    if (
      !input.sentence ||
      (!input.sentence.life && !input.sentence.death && emptyPeriod(input.sentence) && !input.sentence.fine)
    )
      errs.push({ field: f('sentence'), key: 'justice.title.sentence_required' });
    else if (badPeriod(input.sentence)) errs.push({ field: f('sentence'), key: 'justice.rule.bad_period' });
    if (
      input.remand_credit_days !== undefined &&
      input.remand_credit_days !== null &&
      (!Number.isInteger(input.remand_credit_days) || input.remand_credit_days < 0)
    )
      errs.push({ field: f('remand_credit_days'), key: 'justice.rule.bad_count' });
  } else if (input.sentence || input.sentence_start || (input.remand_credit_days ?? null) !== null)
    errs.push({ field: f('sentence'), key: 'justice.title.field_not_for_kind' });
  const needsReduction = input.kind === 'remission' || (input.kind === 'pardon' && input.pardon_scope === 'partial');
  if (needsReduction && (emptyPeriod(input.reduction) || badPeriod(input.reduction)))
    errs.push({ field: f('reduction'), key: 'justice.title.reduction_required' });
  if (!needsReduction && !emptyPeriod(input.reduction) && input.kind !== 'pardon')
    errs.push({ field: f('reduction'), key: 'justice.title.field_not_for_kind' });
  if (input.pardon_scope && input.kind !== 'pardon')
    errs.push({ field: f('pardon_scope'), key: 'justice.title.field_not_for_kind' });
  errs.push(...validateSentenceFields(input, base));
  return errs;
}

export async function resolveJurisdiction(
  db: Tx,
  access: Access,
  input: { jurisdiction?: string | null },
  field: string,
): Promise<string | null> {
  let id: string | null = null;
  if (input.jurisdiction) {
    const j = await repo.findJurisdiction(db, input.jurisdiction);
    if (!j) throw invalid([{ field, key: 'justice.jurisdiction.unknown' }]);
    id = j.id;
  } else if (access.partner && access.jurisdictions.length === 1) id = access.jurisdictions[0]!;
  if (access.partner && (!id || !access.jurisdictions.includes(id)))
    throw invalid([{ field, key: 'justice.partner.own_jurisdiction_only' }]);
  return id;
}

export function rowValues(
  input: TitleInput,
): Omit<
  typeof import('../schema.js').legalTitle.$inferInsert,
  'id' | 'prisonId' | 'admissionId' | 'personId' | 'createdBy' | 'jurisdictionId'
> {
  const clean = (p: Period | null | undefined): Period | null =>
    p && !emptyPeriod(p)
      ? {
          ...(p.years ? { years: p.years } : {}),
          ...(p.months ? { months: p.months } : {}),
          ...(p.days ? { days: p.days } : {}),
        }
      : null;
  return {
    kind: input.kind,
    authorityKind: input.authority_kind,
    authority: input.authority.trim(),
    reference: input.reference.trim(),
    issuedOn: input.issued_on,
    offenceCategory: input.offence_category ?? null,
    effectiveFrom: input.effective_from ?? null,
    validUntil: input.valid_until ?? null,
    period: clean(input.period),
    sentence: input.sentence ? cleanSentence(input.sentence) : null,
    sentenceStart: input.sentence_start ?? null,
    remandCreditDays: input.remand_credit_days ?? null,
    reduction: clean(input.reduction),
    pardonScope:
      input.kind === 'pardon' ? (input.pardon_scope ?? (emptyPeriod(input.reduction) ? 'full' : 'partial')) : null,
    attachmentId: input.attachment_id ?? null,
    notes: input.notes ?? null,
    caseRef: input.case_ref?.trim() || null,
    sentenceRelation: input.sentence_relation ?? null,
    relatedToId: input.sentence_relation ? (input.related_to_id ?? null) : null,
    finalOn: input.final_on ?? null,
    appliesToId: input.applies_to_id ?? null,
    commutedTo: clean(input.commuted_to),
  };
}
