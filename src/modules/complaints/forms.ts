/** The complaints pages' forms, parsed by the API's own schemas (schemas.ts). */
import type { Lang } from '../../core/i18n.js';
import { type FieldSpecs, type FormBody, parseForm } from '../../web/index.js';
import { p } from './page-messages.js';
import { ActionBody, NewComplaintBody, NoteBody } from './schemas.js';

export const complaintFields = (lang: Lang): FieldSpecs => ({
  admission_id: { label: p.t(lang, 'cmp.f.admission_id') },
  cell_id: { label: p.t(lang, 'cmp.f.cell_id') },
  reception_id: { label: p.t(lang, 'cmp.show.reception') },
  kind: { label: p.t(lang, 'cmp.f.kind') },
  category: { label: p.t(lang, 'cmp.f.category') },
  channel: { label: p.t(lang, 'cmp.f.channel') },
  addressee: { label: p.t(lang, 'cmp.f.addressee') },
  urgent: { label: p.t(lang, 'cmp.f.urgent'), checkbox: true },
  words: { label: p.t(lang, 'cmp.f.words') },
  named_staff_text: { label: p.t(lang, 'cmp.f.named_staff_text') },
  'named_staff.0': { label: p.t(lang, 'cmp.f.named_staff') },
});
export const actionFields = (lang: Lang): FieldSpecs => ({
  action: { label: p.t(lang, 'cmp.act.action') },
  answer: { label: p.t(lang, 'cmp.act.answer') },
  outcome: { label: p.t(lang, 'cmp.act.outcome') },
  action_taken: { label: p.t(lang, 'cmp.act.action_taken') },
  text: { label: p.t(lang, 'cmp.act.text') },
});
export const noteFields = (lang: Lang): FieldSpecs => ({
  kind: { label: p.t(lang, 'cmp.note.kind') },
  text: { label: p.t(lang, 'cmp.note.text') },
});

export const parseComplaintForm = (body: FormBody | undefined, lang: Lang) =>
  parseForm(NewComplaintBody, body, { lang, fields: complaintFields(lang) });
export const parseActionForm = (body: FormBody | undefined, lang: Lang) =>
  parseForm(ActionBody, body, { lang, fields: actionFields(lang) });
export const parseNoteForm = (body: FormBody | undefined, lang: Lang) =>
  parseForm(NoteBody, body, { lang, fields: noteFields(lang) });
