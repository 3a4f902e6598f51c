/**
 * The JSON-schema validator of pmis: ajv with ajv-formats, every error reported (allErrors),
 * defaults filled, unknown properties refused by the schemas themselves. The API (http/app.ts)
 * validates request bodies with `createAjv({ coerce: false })` and query strings with
 * `{ coerce: true }`; the form layer (web/forms.ts) validates what it parsed from a page's form
 * with `validateBody`, built the same way, so a page accepts and refuses exactly what the API does.
 * `date` and `date-time` are real calendar checks (core/dates.ts: 2025-02-30 and 0000-00-00 are
 * refused, years 1900–2199), not the shape alone; NaN and Infinity are no numbers.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { isCalendarDate, isDateTime } from './dates.js';

export type { ErrorObject };

/**
 * coerce false: JSON bodies (a null stays null, never becomes 0 or ""). coerce true: query strings
 * and path parameters, which arrive as text.
 */
export function createAjv(opts: { coerce: boolean }): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    coerceTypes: opts.coerce ? 'array' : false,
    removeAdditional: false,
    useDefaults: true,
    strict: false,
    strictNumbers: true,
  });
  // ajv-formats is CommonJS: under NodeNext its default export is the module object, whose
  // `default` is the plugin (at run time both are the same function).
  addFormats.default(ajv);
  ajv.addFormat('date', { type: 'string', validate: isCalendarDate });
  ajv.addFormat('date-time', { type: 'string', validate: isDateTime });
  return ajv;
}

const bodyAjv = createAjv({ coerce: false });

/** The body validator of a schema, as the API's: a type guard to `Static<S>` (ajv compiles a schema object once and caches it). */
export function bodyValidator<S extends TSchema>(schema: S): ValidateFunction<Static<S>> {
  return bodyAjv.compile<Static<S>>(schema);
}

/** Validate a parsed body against a schema as the API does (defaults are filled in place). */
export function validateBody<S extends TSchema>(
  schema: S,
  value: unknown,
): { ok: true; value: Static<S> } | { ok: false; errors: ErrorObject[] } {
  const validate = bodyValidator(schema);
  if (validate(value)) return { ok: true, value };
  return { ok: false, errors: validate.errors ?? [] };
}
