/** The custody-before-prison pages' forms, parsed by the API's own schemas (schemas.ts). */
import type { Lang } from '../../../core/i18n.js';
import {
  dateInputFirstId,
  type FieldSpecs,
  type FormBody,
  type FormError,
  fieldId,
  parseForm,
} from '../../../web/index.js';
import { m } from './messages.js';
import { StageBody, StageCorrectionBody } from './schemas.js';

export const stageFields = (lang: Lang): FieldSpecs => ({
  force: { label: m.t(lang, 'chain.custody.f.force') },
  unit: { label: m.t(lang, 'chain.custody.f.unit') },
  place_kind: { label: m.t(lang, 'chain.custody.f.place_kind') },
  place_name: { label: m.t(lang, 'chain.custody.f.place_name') },
  from_at: { label: m.t(lang, 'chain.custody.f.from_at') },
  from_time: { label: m.t(lang, 'chain.custody.f.from_time') },
  to_at: { label: m.t(lang, 'chain.custody.f.to_at') },
  to_time: { label: m.t(lang, 'chain.custody.f.to_time') },
  legal_basis: { label: m.t(lang, 'chain.custody.f.legal_basis') },
  extensions: { label: m.t(lang, 'chain.custody.f.extensions') },
  extension_reference: { label: m.t(lang, 'chain.custody.f.extension_reference') },
  terrorism: { label: m.t(lang, 'chain.custody.f.terrorism'), checkbox: true },
  document_reference: { label: m.t(lang, 'chain.custody.f.document_reference') },
  prosecutor_jurisdiction_id: { label: m.t(lang, 'chain.custody.f.prosecutor_jurisdiction_id') },
  notes: { label: m.t(lang, 'chain.custody.f.notes') },
  reason: { label: m.t(lang, 'chain.custody.f.reason') },
});

const one = (v: FormBody[string]) => (typeof v === 'string' ? v.trim() : (v?.at(-1)?.trim() ?? ''));

/**
 * A day in three boxes (`<name>.day/.month/.year`) and a time box (`<timeName>`, "14:05") as the
 * API's instant (Bamako is UTC+0). Nothing given: left out; anything malformed is passed on as
 * written so the schema names the field.
 */
export function joinInstant(body: FormBody, name: string, timeName: string): FormBody {
  const d = one(body[`${name}.day`]);
  const mo = one(body[`${name}.month`]);
  const y = one(body[`${name}.year`]);
  const time = one(body[timeName]);
  const out: Record<string, string | readonly string[] | undefined> = Object.fromEntries(
    Object.entries(body).filter(([k]) => !k.startsWith(`${name}.`) && k !== timeName),
  );
  if (!d && !mo && !y && !time) return out;
  const hm = /^(\d{1,2})[:hH.](\d{2})$/.exec(time || '00:00');
  out[name] =
    /^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(mo) && /^\d{4}$/.test(y) && hm
      ? `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}T${hm[1].padStart(2, '0')}:${hm[2]}:00Z`
      : `${y}-${mo}-${d} ${time}`;
  return out;
}

/** An error on a joined instant goes to its first date box. */
const onDateBoxes = (errors: FormError[]): FormError[] =>
  errors.map((e) => (e.name === 'from_at' || e.name === 'to_at' ? { ...e, id: dateInputFirstId(fieldId(e.name)) } : e));

const joined = (body: FormBody | undefined) =>
  joinInstant(joinInstant(body ?? {}, 'from_at', 'from_time'), 'to_at', 'to_time');

export function parseStageForm(body: FormBody | undefined, lang: Lang) {
  const r = parseForm(StageBody, joined(body), { lang, fields: stageFields(lang) });
  return r.ok ? r : { ok: false as const, errors: onDateBoxes(r.errors) };
}

export function parseCorrectionForm(body: FormBody | undefined, lang: Lang) {
  const r = parseForm(StageCorrectionBody, joined(body), { lang, fields: stageFields(lang) });
  return r.ok ? r : { ok: false as const, errors: onDateBoxes(r.errors) };
}
