/**
 * Request validation around the validator factory of core/validation.ts, shared by the JSON API
 * (Fastify's validator compiler), the current staff pages (src/modules/web/form-input.ts) and the
 * register import: the same ajv configuration, the same formats, the same localized field errors,
 * and integer bounds for every route. One rule, every path.
 */
import { createRequire } from 'node:module';
import type { Static, TSchema } from '@sinclair/typebox';
import { DATE_RANGE } from '../core/dates.js';
import { AppError, type FieldError } from '../core/errors.js';
import { registerMessages, t, type Lang } from '../core/i18n.js';
import { createAjv, validateBody } from '../core/validation.js';

// ajv-i18n is CommonJS (module.exports = fn): load it with require.
const requireCjs = createRequire(import.meta.url);
type Localize = (errors: unknown[]) => void;
const localizeFr = requireCjs('ajv-i18n/localize/fr') as Localize;
const localizeEn = requireCjs('ajv-i18n/localize/en') as Localize;

export interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

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

/** The API's validators (core/validation.ts): JSON bodies as they are, query strings and path parameters coerced from text. */
export const ajvBody = createAjv({ coerce: false });
export const ajvText = createAjv({ coerce: true });

/** ajv's errors as field errors (JSON pointers), in the user's language. */
export function fieldErrors(errors: AjvError[], lang: Lang, context: string): FieldError[] {
  const copy = errors.map((e) => ({ ...e, params: { ...e.params } }));
  (lang === 'fr' ? localizeFr : localizeEn)(copy);
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

/**
 * Check a value against a request schema as the API checks a JSON body (core/validation.ts
 * `validateBody`); a 422 naming every bad field otherwise, in the user's language. Used where the
 * object is built by code: the current pages (modules/web/form-input.ts) and the register import.
 */
export function assertBody<S extends TSchema>(schema: S, value: unknown, lang: Lang): Static<S> {
  const r = validateBody(schema, value);
  if (!r.ok) throw new AppError(422, 'error.validation', {}, fieldErrors(r.errors as AjvError[], lang, 'body'));
  return r.value;
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
    if (Array.isArray(v))
      v.forEach((x) => {
        boundIntegers(x, seen);
      });
    else if (v && typeof v === 'object') boundIntegers(v, seen);
  }
}
