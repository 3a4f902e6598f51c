/**
 * The page forms of escorts and the count, parsed by the API's own schemas (schemas.ts). A form's
 * times are written "08:30" (today, Bamako time) and become the API's instants before parsing.
 */
import { bamakoDate, startOfBamakoDay } from '../../../core/dates.js';
import type { Lang } from '../../../core/i18n.js';
import { type FieldSpecs, type FormBody, parseForm } from '../../../web/index.js';
import { m } from './messages.js';
import { NewCountBody, NewEscortBody, RecountBody, ValidateBody } from './schemas.js';

const TIME = /^\s*(\d{1,2})\s*[:hH.]\s*(\d{2})\s*$/;

/** "08:30" today in Bamako as an instant (RFC 3339); anything else is left for the validator to name. */
export function timeToday(value: string, day = bamakoDate()): string {
  const t = TIME.exec(value);
  if (!t) return value;
  const h = Number(t[1]);
  const min = Number(t[2]);
  if (h > 23 || min > 59) return value;
  return new Date(startOfBamakoDay(day).getTime() + (h * 60 + min) * 60_000).toISOString();
}

const one = (v: string | readonly string[] | undefined): string | undefined => (typeof v === 'string' ? v : v?.[0]);

export const escortFields = (lang: Lang): FieldSpecs => ({
  admission_id: { label: m.t(lang, 'movements.count.f.admission_id') },
  hearing_id: { label: m.t(lang, 'movements.count.f.hearing_id') },
  purpose: { label: m.t(lang, 'movements.count.f.purpose') },
  destination: { label: m.t(lang, 'movements.count.f.destination') },
  officers: { label: m.t(lang, 'movements.count.f.officers') },
  out_at: {
    label: m.t(lang, 'movements.count.f.out_at'),
    messages: { format: m.t(lang, 'movements.count.time_format') },
  },
  expected_back_at: {
    label: m.t(lang, 'movements.count.f.expected_back_at'),
    messages: { format: m.t(lang, 'movements.count.time_format') },
  },
  notes: { label: m.t(lang, 'movements.count.f.notes') },
});

export function parseEscortForm(body: FormBody | undefined, lang: Lang, day?: string) {
  const b: Record<string, string | readonly string[] | undefined> = { ...(body ?? {}) };
  for (const k of ['out_at', 'expected_back_at']) {
    const v = one(b[k]);
    if (v) b[k] = timeToday(v, day);
  }
  return parseForm(NewEscortBody, b, { lang, fields: escortFields(lang) });
}

/** The count grid's fields: one per cell, named by its code so that every error names the cell. */
export const countFields = (lang: Lang, cells: readonly { code: string }[]): FieldSpecs =>
  Object.fromEntries(
    cells.flatMap((c, i) => [
      [`counts.${i}.cell_id`, { label: `${m.t(lang, 'movements.count.col.cell')} ${c.code}` }],
      [`counts.${i}.counted`, { label: `${m.t(lang, 'movements.count.col.cell')} ${c.code}` }],
    ]),
  );

export const parseCountForm = (body: FormBody | undefined, lang: Lang, cells: readonly { code: string }[]) =>
  parseForm(NewCountBody, body, {
    lang,
    fields: { unit_id: {}, slot: {}, ...countFields(lang, cells) },
  });

export const parseRecountForm = (body: FormBody | undefined, lang: Lang, cells: readonly { code: string }[]) =>
  parseForm(RecountBody, body, { lang, fields: countFields(lang, cells) });

export const validateFields = (lang: Lang): FieldSpecs => ({
  note: { label: m.t(lang, 'movements.count.round.note') },
});
export const parseValidateForm = (body: FormBody | undefined, lang: Lang) =>
  parseForm(ValidateBody, body, { lang, fields: validateFields(lang) });
