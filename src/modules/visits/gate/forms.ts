/** The page forms of the gate, visitors and family contact, parsed by the API's own schemas (schemas.ts). */
import type { Lang } from '../../../core/i18n.js';
import { type FieldSpecs, type FormBody, parseForm } from '../../../web/index.js';
import { m } from './messages.js';
import {
  BanBody,
  ContactBody,
  ItemBody,
  NewVisitBody,
  NewVisitorBody,
  RelationshipBody,
  TracingBody,
} from './schemas.js';

export const visitFields = (lang: Lang): FieldSpecs => ({
  admission_id: { label: m.t(lang, 'visits.f.admission_id') },
  kind: { label: m.t(lang, 'visits.f.kind') },
  channel: { label: m.t(lang, 'visits.f.channel') },
  visitor_ids: { label: m.t(lang, 'visits.f.visitor_ids') },
  relationship: { label: m.t(lang, 'visits.f.relationship') },
  day: { label: m.t(lang, 'visits.f.day'), messages: { format: m.t(lang, 'visits.f.day.hint') } },
  time: { label: m.t(lang, 'visits.f.time'), messages: { format: m.t(lang, 'visits.time_format') } },
  bar_number: { label: m.t(lang, 'visits.f.bar_number') },
  staff_on_duty: { label: m.t(lang, 'visits.f.staff_on_duty') },
});
export const parseVisitForm = (body: FormBody | undefined, lang: Lang) =>
  parseForm(NewVisitBody, body, { lang, fields: visitFields(lang) });

export const visitorFields = (lang: Lang): FieldSpecs => ({
  family_name: { label: m.t(lang, 'visits.f.family_name') },
  given_names: { label: m.t(lang, 'visits.f.given_names') },
  id_doc_kind: { label: m.t(lang, 'visits.f.id_doc_kind') },
  id_doc_number: { label: m.t(lang, 'visits.f.id_doc_number') },
  phone: { label: m.t(lang, 'visits.f.phone') },
  bar_number: { label: m.t(lang, 'visits.f.bar_number') },
  person_id: { label: m.t(lang, 'visits.f.person_id') },
  relationship: { label: m.t(lang, 'visits.f.relationship') },
});
/** The visitor's own fields; the detainee and relationship (when the form links them) are parsed apart. */
export function parseVisitorForm(body: FormBody | undefined, lang: Lang) {
  const { person_id, relationship, admission_id: _a, ...own } = body ?? {};
  const visitor = parseForm(NewVisitorBody, own, { lang, fields: visitorFields(lang) });
  const link = person_id
    ? parseForm(RelationshipBody, { person_id, relationship }, { lang, fields: visitorFields(lang) })
    : null;
  return { visitor, link };
}

export const banFields = (lang: Lang): FieldSpecs => ({
  scope: { label: m.t(lang, 'visits.f.scope') },
  prison: { label: m.t(lang, 'visits.f.prison') },
  reason: { label: m.t(lang, 'visits.f.reason') },
  until: { label: m.t(lang, 'visits.f.until'), messages: { format: m.t(lang, 'visits.f.until.hint') } },
});
export const parseBanForm = (body: FormBody | undefined, lang: Lang) =>
  parseForm(BanBody, body, { lang, fields: banFields(lang) });

export const itemFields = (lang: Lang): FieldSpecs => ({
  kind: { label: m.t(lang, 'visits.f.item_kind') },
  description: { label: m.t(lang, 'visits.f.description') },
  outcome: { label: m.t(lang, 'visits.f.outcome') },
  refusal_reason: { label: m.t(lang, 'visits.f.refusal_reason') },
});
export const parseItemForm = (body: FormBody | undefined, lang: Lang) =>
  parseForm(ItemBody, body, { lang, fields: itemFields(lang) });

export const contactFields = (lang: Lang): FieldSpecs => ({
  admission_id: { label: m.t(lang, 'visits.f.admission_id') },
  kind: { label: m.t(lang, 'visits.f.contact_kind') },
  occurred_at: { label: m.t(lang, 'visits.f.occurred_at') },
  with_whom: { label: m.t(lang, 'visits.f.with_whom') },
});
export const parseContactForm = (body: FormBody | undefined, lang: Lang) =>
  parseForm(ContactBody, body, { lang, fields: contactFields(lang) });

export const tracingFields = (lang: Lang): FieldSpecs => ({
  admission_id: { label: m.t(lang, 'visits.f.admission_id') },
  partner: { label: m.t(lang, 'visits.f.partner') },
  sought: { label: m.t(lang, 'visits.f.sought') },
});
export const parseTracingForm = (body: FormBody | undefined, lang: Lang) =>
  parseForm(TracingBody, body, { lang, fields: tracingFields(lang) });
