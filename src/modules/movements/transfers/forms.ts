/** The transfer pages' forms, parsed by the API's own schemas (schemas.ts). */
import type { Lang } from '../../../core/i18n.js';
import { type FieldSpecs, type FormBody, parseForm } from '../../../web/index.js';
import { m } from './messages.js';
import {
  ArrivalBody,
  CancelBody,
  ConvoyBody,
  DecisionBody,
  DepartBody,
  NewTransferBody,
  NoticeBody,
} from './schemas.js';

/** A field's label: every key passed here is a literal of the table (checked by the message-keys test). */
const text = (lang: Lang, key: keyof typeof m.table): string => (m.t as (l: Lang, k: string) => string)(lang, key);
const l = (lang: Lang, k: keyof typeof m.table) => ({ label: text(lang, k) });

export const requestFields = (lang: Lang): FieldSpecs => ({
  admission_id: l(lang, 'movements.transfers.f.admission_id'),
  to_prison: l(lang, 'movements.transfers.f.to_prison'),
  reason: l(lang, 'movements.transfers.f.reason'),
  note: l(lang, 'movements.transfers.f.note'),
});
export const decisionFields = (lang: Lang): FieldSpecs => ({
  decision: l(lang, 'movements.transfers.f.decision'),
  reason: l(lang, 'movements.transfers.f.decision_reason'),
});
export const convoyFields = (lang: Lang): FieldSpecs => ({
  to_prison: l(lang, 'movements.transfers.f.to_prison'),
  escort_force: l(lang, 'movements.transfers.f.escort_force'),
  vehicle: l(lang, 'movements.transfers.f.vehicle'),
  officers: l(lang, 'movements.transfers.f.officers'),
  planned_departure_at: l(lang, 'movements.transfers.f.planned_departure_at'),
  transfer_ids: { ...l(lang, 'movements.transfers.f.transfer_ids'), checkbox: true },
});
export const departFields = (lang: Lang): FieldSpecs => ({
  departed_at: l(lang, 'movements.transfers.f.departed_at'),
  property_signed_out: { ...l(lang, 'movements.transfers.f.property_signed_out'), checkbox: true },
});
export const arrivalFields = (lang: Lang): FieldSpecs => ({
  arrived_at: l(lang, 'movements.transfers.f.arrived_at'),
  security_check: { ...l(lang, 'movements.transfers.f.security_check'), checkbox: true },
  medical_check: { ...l(lang, 'movements.transfers.f.medical_check'), checkbox: true },
  registry_check: { ...l(lang, 'movements.transfers.f.registry_check'), checkbox: true },
  property_discrepancies: l(lang, 'movements.transfers.f.property_discrepancies'),
  note: l(lang, 'movements.transfers.f.note'),
  cell_id: l(lang, 'movements.transfers.f.cell_id'),
});
export const cancelFields = (lang: Lang): FieldSpecs => ({ reason: l(lang, 'movements.transfers.f.cancel_reason') });
export const noticeFields = (lang: Lang): FieldSpecs => ({
  notified: l(lang, 'movements.transfers.f.notified'),
  relative: l(lang, 'movements.transfers.f.relative'),
  method: l(lang, 'movements.transfers.f.method'),
  notified_at: l(lang, 'movements.transfers.f.notified_at'),
  reason_not: l(lang, 'movements.transfers.f.reason_not'),
});

/**
 * A time typed in a `datetime-local` box (YYYY-MM-DDTHH:MM) is Bamako time, which is UTC all year:
 * written as the instant the API takes. Anything else is left for the validator to name.
 */
function instants(body: FormBody | undefined, names: readonly string[]): FormBody | undefined {
  if (!body) return body;
  const out: Record<string, string | readonly string[] | undefined> = { ...body };
  for (const n of names) {
    const v = out[n];
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v)) out[n] = `${v}:00Z`;
  }
  return out;
}

export const parseRequestForm = (body: FormBody | undefined, lang: Lang) =>
  parseForm(NewTransferBody, body, { lang, fields: requestFields(lang) });
export const parseDecisionForm = (body: FormBody | undefined, lang: Lang) =>
  parseForm(DecisionBody, body, { lang, fields: decisionFields(lang) });
export const parseConvoyForm = (body: FormBody | undefined, lang: Lang) =>
  parseForm(ConvoyBody, instants(body, ['planned_departure_at']), { lang, fields: convoyFields(lang) });
export const parseDepartForm = (body: FormBody | undefined, lang: Lang) =>
  parseForm(DepartBody, instants(body, ['departed_at']), { lang, fields: departFields(lang) });
export const parseArrivalForm = (body: FormBody | undefined, lang: Lang) =>
  parseForm(ArrivalBody, instants(body, ['arrived_at']), { lang, fields: arrivalFields(lang) });
export const parseCancelForm = (body: FormBody | undefined, lang: Lang) =>
  parseForm(CancelBody, body, { lang, fields: cancelFields(lang) });
export const parseNoticeForm = (body: FormBody | undefined, lang: Lang) =>
  parseForm(NoticeBody, instants(body, ['notified_at']), { lang, fields: noticeFields(lang) });
