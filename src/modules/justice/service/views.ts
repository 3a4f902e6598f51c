/**
 * What the justice file shows of titles, hearings and alerts, in words of the reader's language.
 */
import { formatBamako } from '../../../core/dates.js';
import { t } from '../../../core/i18n.js';
import type { Period } from '../calendar.js';
import { legalStatusLabel } from '../../custody/index.js';
import { LEGAL_STATUSES, type LegalStatus } from '../../custody/index.js';
import '../messages.js';
import * as repo from '../repository.js';
import { effectiveTitles, type JusticeAlert, type Sentence, type Step, TITLE_KINDS } from '../rules.js';
import { guessAuthorityKind, type LoadedCase } from './load.js';

export interface TitleView {
  id: string;
  source: 'admission' | 'justice';
  kind: string;
  kind_label: string;
  authority_kind: string;
  authority: string;
  jurisdiction_id: string | null;
  reference: string;
  issued_on: string;
  offence_category: string | null;
  effective_from: string | null;
  valid_until: string | null;
  period: Period | null;
  sentence: Sentence | null;
  sentence_start: string | null;
  remand_credit_days: number | null;
  reduction: Period | null;
  pardon_scope: string | null;
  attachment_id: string | null;
  notes: string | null;
  case_ref: string | null;
  sentence_relation: string | null;
  related_to_id: string | null;
  final_on: string | null;
  applies_to_id: string | null;
  commuted_to: Period | null;
  in_force: boolean;
  supersedes_id: string | null;
  correction_reason: string | null;
  superseded_by_id: string | null;
  withdrawn: boolean;
  withdrawn_reason: string | null;
  recorded_at: string;
}

export function titleViews(c: LoadedCase, lang: 'fr' | 'en'): TitleView[] {
  const inForce = new Set(effectiveTitles(c.input.titles).map((x) => x.id));
  const supersededBy = new Map<string, string>();
  for (const r of c.rows) if (r.supersedesId) supersededBy.set(r.supersedesId, r.id);
  const fromDocs: TitleView[] = c.docs
    .filter((d) => (TITLE_KINDS as readonly string[]).includes(d.kind))
    .map((d) => ({
      id: d.id,
      source: 'admission',
      kind: d.kind,
      kind_label: t(lang, `justice.title.${d.kind}`),
      authority_kind: guessAuthorityKind(d.authority),
      authority: d.authority,
      jurisdiction_id: null,
      reference: d.reference,
      issued_on: d.issuedOn,
      offence_category: null,
      effective_from: null,
      valid_until: null,
      period: null,
      sentence: d.sentence,
      sentence_start: d.sentenceStart,
      remand_credit_days: null,
      reduction: null,
      pardon_scope: null,
      attachment_id: d.attachmentId,
      notes: d.notes,
      case_ref: d.caseRef,
      sentence_relation: null,
      related_to_id: null,
      final_on: null,
      applies_to_id: null,
      commuted_to: null,
      in_force: inForce.has(d.id),
      supersedes_id: null,
      correction_reason: null,
      superseded_by_id: supersededBy.get(d.id) ?? null,
      withdrawn: false,
      withdrawn_reason: null,
      recorded_at: d.receivedAt.toISOString(),
    }));
  const fromRows: TitleView[] = c.rows.map((r) => ({
    id: r.id,
    source: 'justice',
    kind: r.kind,
    kind_label: t(lang, `justice.title.${r.kind}`),
    authority_kind: r.authorityKind,
    authority: r.authority,
    jurisdiction_id: r.jurisdictionId,
    reference: r.reference,
    issued_on: r.issuedOn,
    offence_category: r.offenceCategory,
    effective_from: r.effectiveFrom,
    valid_until: r.validUntil,
    period: r.period,
    sentence: r.sentence,
    sentence_start: r.sentenceStart,
    remand_credit_days: r.remandCreditDays,
    reduction: r.reduction,
    pardon_scope: r.pardonScope,
    attachment_id: r.attachmentId,
    notes: r.notes,
    case_ref: r.caseRef,
    sentence_relation: r.sentenceRelation,
    related_to_id: r.relatedToId,
    final_on: r.finalOn,
    applies_to_id: r.appliesToId,
    commuted_to: r.commutedTo,
    in_force: inForce.has(r.id),
    supersedes_id: r.supersedesId,
    correction_reason: r.correctionReason,
    superseded_by_id: supersededBy.get(r.id) ?? null,
    withdrawn: r.withdrawnAt !== null,
    withdrawn_reason: r.withdrawnReason,
    recorded_at: r.createdAt.toISOString(),
  }));
  return [...fromDocs, ...fromRows].sort((a, b) =>
    a.issued_on === b.issued_on ? a.recorded_at.localeCompare(b.recorded_at) : a.issued_on.localeCompare(b.issued_on),
  );
}

export interface HearingView {
  id: string;
  admission_id: string;
  person_id: string;
  jurisdiction_id: string | null;
  court: string;
  scheduled_at: string;
  scheduled_local: string;
  purpose: string | null;
  production_order_ref: string | null;
  ordered_by: string | null;
  escort_unit: string | null;
  escort_leader: string | null;
  escort_size: number | null;
  vehicle: string | null;
  outcome: string | null;
  outcome_notes: string | null;
  next_date: string | null;
  version: number;
}

export function hearingView(h: repo.HearingRow, lang: 'fr' | 'en'): HearingView {
  return {
    id: h.id,
    admission_id: h.admissionId,
    person_id: h.personId,
    jurisdiction_id: h.jurisdictionId,
    court: h.court,
    scheduled_at: h.scheduledAt.toISOString(),
    scheduled_local: formatBamako(h.scheduledAt, lang),
    purpose: h.purpose,
    production_order_ref: h.productionOrderRef,
    ordered_by: h.orderedBy,
    escort_unit: h.escortUnit,
    escort_leader: h.escortLeader,
    escort_size: h.escortSize,
    vehicle: h.vehicle,
    outcome: h.outcome,
    outcome_notes: h.outcomeNotes,
    next_date: h.nextDate,
    version: h.version,
  };
}

export interface AlertView extends JusticeAlert {
  label: string;
  action: string;
  committal_number?: string;
  person_name?: string;
}

export function alertView(
  a: JusticeAlert,
  lang: 'fr' | 'en',
  extra: { committal_number?: string; person_name?: string } = {},
): AlertView {
  return {
    ...a,
    ...extra,
    label: t(lang, `justice.alert.${a.kind}`, { date: a.date ?? '', days: a.days }),
    action: t(lang, a.actionKey),
  };
}

export const stepView = (s: Step, lang: 'fr' | 'en') => ({
  key: s.key,
  text: t(lang, s.key, s.params),
  date: s.date ?? null,
  params: s.params,
});

/** The legal status in words: custody's one label (prévenu(e), accusé(e) for a felony…), justice's own for acquitted/released. */
export function statusLabel(lang: 'fr' | 'en', status: string, felony: boolean): string {
  return (LEGAL_STATUSES as readonly string[]).includes(status)
    ? legalStatusLabel(lang, { status: status as LegalStatus, felony })
    : t(lang, `justice.status.${status}`);
}

/** "accused of …" while untried, "convicted of …" once sentenced: never a label on the person. */
export function chargeWording(lang: 'fr' | 'en', qualification: string, sentenced: boolean): string {
  return t(lang, sentenced ? 'justice.charge.convicted_of' : 'justice.charge.accused_of', { qualification });
}
