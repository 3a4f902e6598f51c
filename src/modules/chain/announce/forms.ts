/** The announcement form, parsed by the API's own schema (schemas.ts). */
import type { Lang } from '../../../core/i18n.js';
import { type FieldSpecs, type FormBody, parseForm } from '../../../web/index.js';
import { p } from './page-messages.js';
import { NewAnnouncementBody } from './schemas.js';

export const announcementFields = (lang: Lang): FieldSpecs => ({
  unit: { label: p.t(lang, 'chn.f.unit') },
  prison: { label: p.t(lang, 'chn.f.prison') },
  family_name: { label: p.t(lang, 'chn.f.family_name') },
  given_names: { label: p.t(lang, 'chn.f.given_names') },
  sex: { label: p.t(lang, 'chn.f.sex') },
  birth_precision: { label: p.t(lang, 'chn.f.birth_precision') },
  birth_date: { label: p.t(lang, 'chn.f.birth_date') },
  estimated_age: { label: p.t(lang, 'chn.f.estimated_age') },
  from_place: { label: p.t(lang, 'chn.f.from_place') },
  expected_on: { label: p.t(lang, 'chn.f.expected_on') },
  legal_basis: { label: p.t(lang, 'chn.f.legal_basis') },
  legal_reference: { label: p.t(lang, 'chn.f.legal_reference') },
  jurisdiction: { label: p.t(lang, 'chn.f.jurisdiction') },
  charge: { label: p.t(lang, 'chn.f.charge') },
  terrorism_related: { label: p.t(lang, 'chn.f.terrorism_related'), checkbox: true },
  information: { label: p.t(lang, 'chn.f.information') },
  evidence: { label: p.t(lang, 'chn.f.evidence') },
});

export const parseAnnouncementForm = (body: FormBody | undefined, lang: Lang) =>
  parseForm(NewAnnouncementBody, body, { lang, fields: announcementFields(lang) });
