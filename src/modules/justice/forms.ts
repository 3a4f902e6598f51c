/**
 * The justice pages' forms, parsed by the API's own schemas (schemas.ts): a title (and an
 * extension, which is a title), a correction, a hearing, its outcome. Dates are three boxes
 * (day, month, year); a hearing's time is one more box, joined to the API's instant (Bamako time,
 * UTC+0 all year).
 */
import type { Lang } from '../../core/i18n.js';
import { dateInputFirstId, type FieldSpecs, type FormBody, type FormError, parseForm } from '../../web/index.js';
import { jp } from './page-messages.js';
import { HearingBody, HearingOutcomeBody, TitleBody, TitleCorrectionBody } from './schemas.js';

const TITLE_FIELDS = [
  'kind',
  'authority_kind',
  'authority',
  'reference',
  'issued_on',
  'offence_category',
  'effective_from',
  'valid_until',
  'period.months',
  'period.days',
  'sentence.years',
  'sentence.months',
  'sentence.days',
  'sentence_start',
  'case_ref',
  'notes',
] as const;
const DATES = new Set(['issued_on', 'effective_from', 'valid_until', 'sentence_start']);
/** Groups of boxes sent empty when they do not apply (an extension's length, a sentence). */
const GROUPS = ['period', 'sentence'] as const;

function titleSpecs(lang: Lang, prefix: string): FieldSpecs {
  const out: Record<string, FieldSpecs[string]> = {};
  for (const f of TITLE_FIELDS)
    out[`${prefix}${f}`] = {
      label: jp.t(lang, `jpage.f.${f}`),
      ...(DATES.has(f) ? { date: 'date' as const } : {}),
    };
  return out;
}

export const titleFields = (lang: Lang): FieldSpecs => titleSpecs(lang, '');
export const correctionFields = (lang: Lang): FieldSpecs => ({
  ...titleSpecs(lang, 'changes.'),
  reason: { label: jp.t(lang, 'jpage.f.reason') },
});
export const hearingFields = (lang: Lang): FieldSpecs => ({
  court: { label: jp.t(lang, 'jpage.f.court') },
  scheduled_at: {
    label: jp.t(lang, 'jpage.f.scheduled_at'),
    messages: { format: jp.t(lang, 'jpage.f.scheduled_at.bad') },
  },
  scheduled_time: { label: jp.t(lang, 'jpage.f.scheduled_time') },
  purpose: { label: jp.t(lang, 'jpage.f.purpose') },
  production_order_ref: { label: jp.t(lang, 'jpage.f.production_order_ref') },
  ordered_by: { label: jp.t(lang, 'jpage.f.ordered_by') },
  escort_unit: { label: jp.t(lang, 'jpage.f.escort_unit') },
  escort_leader: { label: jp.t(lang, 'jpage.f.escort_leader') },
  escort_size: { label: jp.t(lang, 'jpage.f.escort_size') },
  vehicle: { label: jp.t(lang, 'jpage.f.vehicle') },
});
export const outcomeFields = (lang: Lang): FieldSpecs => ({
  outcome: { label: jp.t(lang, 'jpage.f.outcome') },
  notes: { label: jp.t(lang, 'jpage.f.outcome_notes') },
  next_date: { label: jp.t(lang, 'jpage.f.next_date'), date: 'date' },
});

const blank = (v: FormBody[string]) =>
  v === undefined || (typeof v === 'string' ? !v.trim() : v.every((x) => !x.trim()));

/** A group of boxes left empty (no extension length, no sentence) is not sent at all: the API's "absent". */
function withoutEmptyGroups(body: FormBody, prefix: string): FormBody {
  const dropped = new Set<string>();
  for (const g of GROUPS) {
    const names = Object.keys(body).filter((k) => k.startsWith(`${prefix}${g}.`));
    if (names.length && names.every((k) => blank(body[k]))) for (const k of names) dropped.add(k);
  }
  return Object.fromEntries(Object.entries(body).filter(([k]) => !dropped.has(k)));
}

/** Record a title (an extension is a title of kind extension_order): the API's TitleBody. */
export const parseTitleForm = (body: FormBody | undefined, lang: Lang) =>
  parseForm(TitleBody, withoutEmptyGroups(body ?? {}, ''), { lang, fields: titleFields(lang) });

/** Correct a title: the changed values under `changes.`, and the reason — the API's correction body. */
export const parseCorrectionForm = (body: FormBody | undefined, lang: Lang) =>
  parseForm(TitleCorrectionBody, withoutEmptyGroups(body ?? {}, 'changes.'), {
    lang,
    fields: correctionFields(lang),
  });

const one = (v: FormBody[string]) => (typeof v === 'string' ? v.trim() : (v?.at(-1)?.trim() ?? ''));

/**
 * The hearing's day (three boxes) and time ("09:30") as the API's instant: "2026-03-27T09:30:00Z".
 * Anything else is passed on as written, so the API's schema names the field.
 */
function joinScheduledAt(body: FormBody): FormBody {
  const d = one(body['scheduled_at.day']);
  const m = one(body['scheduled_at.month']);
  const y = one(body['scheduled_at.year']);
  const time = one(body.scheduled_time);
  const out: Record<string, string | readonly string[] | undefined> = Object.fromEntries(
    Object.entries(body).filter(([k]) => !k.startsWith('scheduled_at.') && k !== 'scheduled_time'),
  );
  if (!d && !m && !y && !time) return out; // nothing given: "required"
  const hm = /^(\d{1,2})[:hH.](\d{2})$/.exec(time);
  out.scheduled_at =
    /^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(m) && /^\d{4}$/.test(y) && hm
      ? `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}T${hm[1].padStart(2, '0')}:${hm[2]}:00Z`
      : `${y}-${m}-${d} ${time}`;
  return out;
}

/** The error on the hearing's date goes to its first box. */
const onDateBox = (errors: FormError[]): FormError[] =>
  errors.map((e) => (e.name === 'scheduled_at' ? { ...e, id: dateInputFirstId('scheduled-at') } : e));

/** Schedule a hearing: the API's HearingBody. */
export function parseHearingForm(body: FormBody | undefined, lang: Lang) {
  const r = parseForm(HearingBody, joinScheduledAt(body ?? {}), { lang, fields: hearingFields(lang) });
  return r.ok ? r : { ok: false as const, errors: onDateBox(r.errors) };
}

/** What happened at a hearing: the API's outcome body. */
export const parseOutcomeForm = (body: FormBody | undefined, lang: Lang) =>
  parseForm(HearingOutcomeBody, body, { lang, fields: outcomeFields(lang) });
