/** The release, escape and death pages' forms, parsed by the API's own schemas (schemas.ts). */
import type { Lang } from '../../../core/i18n.js';
import {
  dateInputFirstId,
  type FieldSpecs,
  type FormBody,
  type FormError,
  fieldId,
  parseForm,
} from '../../../web/index.js';
import { p } from './page-messages.js';
import {
  CompletionBody,
  ConfirmBody,
  DeathBody,
  EscapeBody,
  NoticeBody,
  RecaptureBody,
  ReleaseCheckBody,
} from './schemas.js';

export const checkFields = (lang: Lang): FieldSpecs => ({
  reason: { label: p.t(lang, 'movements.release.f.reason') },
  order_jurisdiction_id: { label: p.t(lang, 'movements.release.f.order_jurisdiction_id') },
  order_reference: { label: p.t(lang, 'movements.release.f.order_reference') },
  order_date: { label: p.t(lang, 'movements.release.f.order_date') },
  justice_basis: { label: p.t(lang, 'movements.release.f.justice_basis') },
  transfer_authority: { label: p.t(lang, 'movements.release.f.transfer_authority') },
  identity_verified: { label: p.t(lang, 'movements.release.f.identity_verified'), checkbox: true },
  photo_shown: { label: p.t(lang, 'movements.release.f.photo_shown') },
  fingerprints_taken: { label: p.t(lang, 'movements.release.f.fingerprints_taken') },
  check_notes: { label: p.t(lang, 'movements.release.f.check_notes') },
});
export const confirmFields = (lang: Lang): FieldSpecs => ({
  notes: { label: p.t(lang, 'movements.release.show.confirm_notes') },
});
export const completionFields = (lang: Lang): FieldSpecs => ({
  all_returned: { label: p.t(lang, 'movements.release.f.all_returned') },
  returned_notes: { label: p.t(lang, 'movements.release.f.returned_notes') },
  signed_by_person: { label: p.t(lang, 'movements.release.f.signed_by_person'), checkbox: true },
  released_at: { label: p.t(lang, 'movements.release.f.released_at') },
  released_time: { label: p.t(lang, 'movements.release.f.released_time') },
});
export const noticeFields = (lang: Lang): FieldSpecs => ({
  audience: { label: p.t(lang, 'movements.release.f.audience') },
  recipient: { label: p.t(lang, 'movements.release.f.recipient') },
  channel: { label: p.t(lang, 'movements.release.f.channel') },
  notified_at: { label: p.t(lang, 'movements.release.f.notified_at') },
  notified_time: { label: p.t(lang, 'movements.release.f.notified_time') },
  notes: { label: p.t(lang, 'movements.release.f.notes') },
});
export const incidentFields = (lang: Lang, kind: 'escape' | 'death'): FieldSpecs => ({
  occurred_at: { label: p.t(lang, 'movements.incident.f.occurred_at') },
  occurred_time: { label: p.t(lang, 'movements.incident.f.occurred_time') },
  place: {
    label:
      kind === 'escape'
        ? p.t(lang, 'movements.incident.f.place.escape')
        : p.t(lang, 'movements.incident.f.place.death'),
  },
  circumstances: {
    label:
      kind === 'escape'
        ? p.t(lang, 'movements.incident.f.circumstances.escape')
        : p.t(lang, 'movements.incident.f.circumstances.death'),
  },
  cause_reported: { label: p.t(lang, 'movements.incident.f.cause_reported') },
});
export const recaptureFields = (lang: Lang): FieldSpecs => ({
  recaptured_at: { label: p.t(lang, 'movements.incident.f.recaptured_at') },
  recaptured_time: { label: p.t(lang, 'movements.incident.f.recaptured_time') },
  place: { label: p.t(lang, 'movements.incident.f.recapture_place') },
  arresting_authority: { label: p.t(lang, 'movements.incident.f.arresting_authority') },
});

const one = (v: FormBody[string]) => (typeof v === 'string' ? v.trim() : (v?.at(-1)?.trim() ?? ''));

/**
 * A day in three boxes (`<name>.day/.month/.year`) and a time box (`<timeName>`, "14:05") as the
 * API's instant (Bamako is UTC+0): "2026-12-02T14:05:00Z". Nothing given: left out (the API's
 * default, or "required"); anything malformed is passed on as written so the schema names the field.
 */
export function joinInstant(body: FormBody, name: string, timeName: string): FormBody {
  const d = one(body[`${name}.day`]);
  const m = one(body[`${name}.month`]);
  const y = one(body[`${name}.year`]);
  const time = one(body[timeName]);
  const out: Record<string, string | readonly string[] | undefined> = Object.fromEntries(
    Object.entries(body).filter(([k]) => !k.startsWith(`${name}.`) && k !== timeName),
  );
  if (!d && !m && !y && !time) return out;
  const hm = /^(\d{1,2})[:hH.](\d{2})$/.exec(time);
  out[name] =
    /^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(m) && /^\d{4}$/.test(y) && hm
      ? `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}T${hm[1].padStart(2, '0')}:${hm[2]}:00Z`
      : `${y}-${m}-${d} ${time}`;
  return out;
}

/** An error on a joined instant goes to its first date box. */
const onDateBox = (errors: FormError[], name: string): FormError[] =>
  errors.map((e) => (e.name === name ? { ...e, id: dateInputFirstId(fieldId(name)) } : e));

export const parseCheckForm = (body: FormBody | undefined, lang: Lang) =>
  parseForm(ReleaseCheckBody, body, { lang, fields: checkFields(lang) });
export const parseConfirmForm = (body: FormBody | undefined, lang: Lang) =>
  parseForm(ConfirmBody, body, { lang, fields: confirmFields(lang) });
export function parseCompletionForm(body: FormBody | undefined, lang: Lang) {
  const r = parseForm(CompletionBody, joinInstant(body ?? {}, 'released_at', 'released_time'), {
    lang,
    fields: completionFields(lang),
  });
  return r.ok ? r : { ok: false as const, errors: onDateBox(r.errors, 'released_at') };
}
export function parseNoticeForm(body: FormBody | undefined, lang: Lang) {
  const r = parseForm(NoticeBody, joinInstant(body ?? {}, 'notified_at', 'notified_time'), {
    lang,
    fields: noticeFields(lang),
  });
  return r.ok ? r : { ok: false as const, errors: onDateBox(r.errors, 'notified_at') };
}
export function parseEscapeForm(body: FormBody | undefined, lang: Lang) {
  const r = parseForm(EscapeBody, joinInstant(body ?? {}, 'occurred_at', 'occurred_time'), {
    lang,
    fields: incidentFields(lang, 'escape'),
  });
  return r.ok ? r : { ok: false as const, errors: onDateBox(r.errors, 'occurred_at') };
}
export function parseDeathForm(body: FormBody | undefined, lang: Lang) {
  const r = parseForm(DeathBody, joinInstant(body ?? {}, 'occurred_at', 'occurred_time'), {
    lang,
    fields: incidentFields(lang, 'death'),
  });
  return r.ok ? r : { ok: false as const, errors: onDateBox(r.errors, 'occurred_at') };
}
export function parseRecaptureForm(body: FormBody | undefined, lang: Lang) {
  const r = parseForm(RecaptureBody, joinInstant(body ?? {}, 'recaptured_at', 'recaptured_time'), {
    lang,
    fields: recaptureFields(lang),
  });
  return r.ok ? r : { ok: false as const, errors: onDateBox(r.errors, 'recaptured_at') };
}
