/**
 * Request validation, shared by the JSON API (Fastify's validator compiler) and the staff pages
 * (src/modules/web/form-input.ts): the same ajv configuration, the same formats, the same
 * localized field errors. One rule, every path.
 */
import { createRequire } from 'node:module';
import type { TSchema } from '@sinclair/typebox';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { DATE_RANGE, isCalendarDate, isDateTime } from '../core/dates.js';
import { AppError, type FieldError } from '../core/errors.js';
import { registerMessages, t, type Lang } from '../core/i18n.js';

// ajv-i18n is CommonJS (module.exports = fn): load it with require.
const requireCjs = createRequire(import.meta.url);
type Localize = (errors: unknown[]) => void;
const localizeFr = requireCjs('ajv-i18n/localize/fr') as Localize;
const localizeEn = requireCjs('ajv-i18n/localize/en') as Localize;

export interface AjvError { instancePath: string; keyword: string; params: Record<string, unknown>; message?: string }

/** The largest integer any request may carry where its schema sets no bound: PostgreSQL's `integer`. */
export const INT32 = { min: -2147483648, max: 2147483647 } as const;

registerMessages({
  'field.invalid_calendar_date': {
    fr: `Date invalide : une date réelle AAAA-MM-JJ entre ${DATE_RANGE.from} et ${DATE_RANGE.to} est attendue.`,
    en: `Invalid date: a real date YYYY-MM-DD between ${DATE_RANGE.from} and ${DATE_RANGE.to} is expected.`,
  },
  'field.invalid_date_time': {
    fr: `Date et heure invalides : AAAA-MM-JJTHH:MM:SS avec le fuseau (Z ou ±HH:MM), entre ${DATE_RANGE.from} et ${DATE_RANGE.to}.`,
    en: `Invalid date and time: YYYY-MM-DDTHH:MM:SS with its time zone (Z or ±HH:MM), between ${DATE_RANGE.from} and ${DATE_RANGE.to}.`,
  },
});

/**
 * Query strings and path parameters arrive as text and are coerced to their types; JSON bodies
 * and form bodies are not (a null must stay null, never become 0 or ""). allErrors: every bad
 * field is named. `date` and `date-time` are real calendar checks, not patterns.
 */
export function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({ allErrors: true, coerceTypes: coerce ? 'array' : false, removeAdditional: false, useDefaults: true, strict: false, strictNumbers: true });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  ajv.addFormat('date', { type: 'string', validate: isCalendarDate });
  ajv.addFormat('date-time', { type: 'string', validate: isDateTime });
  return ajv;
}

export const ajvBody = makeAjv(false);
export const ajvText = makeAjv(true);

/** ajv's errors as field errors (JSON pointers), in the user's language. */
export function fieldErrors(errors: AjvError[], lang: Lang, context: string): FieldError[] {
  const copy = errors.map((e) => ({ ...e, params: { ...e.params } }));
  (lang === 'fr' ? localizeFr : localizeEn)(copy as never);
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of copy) {
    let field = e.instancePath || '';
    let key = `schema.${e.keyword}`;
    let message = e.message ?? '';
    if (e.keyword === 'required') {
      field = `${field}/${String(e.params.missingProperty)}`;
      key = 'field.required';
      message = t(lang, 'field.required');
    } else if (e.keyword === 'additionalProperties') {
      field = `${field}/${String(e.params.additionalProperty)}`;
      key = 'field.unknown_property';
      message = t(lang, 'field.unknown_property', { name: String(e.params.additionalProperty) });
    } else if (e.keyword === 'format' && e.params.format === 'date') {
      key = 'field.invalid_calendar_date';
      message = t(lang, key);
    } else if (e.keyword === 'format' && e.params.format === 'date-time') {
      key = 'field.invalid_date_time';
      message = t(lang, key);
    }
    if (context !== 'body') field = `${context}:${field || '/'}`;
    // anyOf/oneOf branches repeat each other: keep the first message per field.
    if (seen.has(field) || e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
    seen.add(field);
    out.push({ field: field || '/', key, message });
  }
  return out;
}

const compiled = new WeakMap<object, ValidateFunction>();

/**
 * Check a value against a request schema as the API would check a JSON body; a 422 naming every
 * bad field otherwise. Used by the staff pages to parse their forms with the API's own schemas.
 */
export function validateBody<T>(schema: TSchema, value: unknown, lang: Lang): T {
  let check = compiled.get(schema);
  if (!check) {
    check = ajvBody.compile(schema);
    compiled.set(schema, check);
  }
  if (!check(value)) throw new AppError(422, 'error.validation', {}, fieldErrors((check.errors ?? []) as AjvError[], lang, 'body'));
  return value as T;
}

/**
 * Every integer of a request schema bounded: where a schema sets no minimum or maximum, the
 * range of PostgreSQL's `integer` applies (so `?page=1e308` is a 422, not a database error).
 * Applied in place to each route's schemas when the route is declared, so the OpenAPI document
 * shows the bounds.
 */
export function boundIntegers(schema: unknown, seen = new Set<unknown>()): void {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
  seen.add(schema);
  const s = schema as Record<string, unknown>;
  const types = Array.isArray(s.type) ? s.type : [s.type];
  if (types.includes('integer')) {
    if (s.minimum === undefined && s.exclusiveMinimum === undefined) s.minimum = INT32.min;
    if (s.maximum === undefined && s.exclusiveMaximum === undefined) s.maximum = INT32.max;
  }
  for (const v of Object.values(s)) {
    if (Array.isArray(v)) v.forEach((x) => boundIntegers(x, seen));
    else if (v && typeof v === 'object') boundIntegers(v, seen);
  }
}
