/**
 * Page forms are parsed by the API's own request schemas: a page builds the object the JSON API
 * would receive from its flat form fields, then `parseForm` checks it with the route's TypeBox
 * schema and the API's validator (src/http/validation.ts) before any service is called. A bad value
 * is a 422 naming the field — shown on the form by `formErrors` — never a database error and never
 * stored. One rule, every path.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import type { Lang } from '../../core/i18n.js';
import { assertBody } from '../../http/validation.js';

/** A parsed form body: each field once (a string) or several times (an array). */
export type FormValues = Record<string, string | string[] | undefined>;

/** A field's value, trimmed; the first one when it was sent several times; '' when absent. */
export function text(v: FormValues, name: string): string {
  const x = v[name];
  return (Array.isArray(x) ? (x[0] ?? '') : (x ?? '')).trim();
}

/** A field's value, or null when empty. */
export const optText = (v: FormValues, name: string): string | null => text(v, name) || null;

/** Every non-empty value of a field sent several times (checkboxes sharing a name). */
export function values(v: FormValues, name: string): string[] {
  const x = v[name];
  return (Array.isArray(x) ? x : x ? [x] : []).filter(Boolean);
}

/** A ticked checkbox (value "1"). */
export const checked = (v: FormValues, name: string): boolean => text(v, name) === '1';

/**
 * A number typed in a form: null when empty, the number when it is one, else the text itself — so
 * the schema refuses it and names the field, rather than a NaN or a silent 0.
 */
export function num(v: FormValues, name: string): number | string | null {
  const s = text(v, name);
  if (!s) return null;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : s;
}

/** Check the object built from a form against the API route's body schema: a 422 naming each bad field otherwise. */
export function parseForm<T extends TSchema>(schema: T, input: unknown, lang: Lang): Static<T> {
  return assertBody(schema, input, lang);
}
