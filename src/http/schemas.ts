/** Shared TypeBox schemas for the API (they validate requests and generate the OpenAPI document). */
import { type ObjectOptions, type SchemaOptions, type TLiteral, type TSchema, Type } from '@sinclair/typebox';

export const Uuid = Type.String({ format: 'uuid' });
/** A real calendar day (not only the shape: 2025-02-30 is refused), 1900–2199; see src/http/validation.ts. */
export const IsoDate = Type.String({
  format: 'date',
  description: 'YYYY-MM-DD: a real calendar day between 1900 and 2199',
});
/** An instant with its time zone (RFC 3339), on a real calendar day between 1900 and 2199. */
export const DateTime = Type.String({
  format: 'date-time',
  description: 'YYYY-MM-DDTHH:MM:SS with Z or ±HH:MM (1900–2199)',
});
/**
 * One of these strings (a list of codes such as a rules.ts `as const` array): a union of literals whose
 * `Static` type is the union of the strings, so a service input typed `Static<typeof Body>` keeps it.
 */
export const OneOf = <T extends string>(xs: readonly T[], options?: SchemaOptions) =>
  Type.Union(
    xs.map((x): TLiteral<T> => Type.Literal(x)),
    options,
  );
/**
 * An object with one property per code of a list (e.g. a deadline per complaint category), each with
 * the same schema: its `Static` type is `Record<code, …>`, which `Object.fromEntries` alone would lose.
 */
export const Keyed = <K extends string, S extends TSchema>(keys: readonly K[], schema: S, options?: ObjectOptions) =>
  Type.Object(Object.fromEntries(keys.map((k) => [k, schema])) as Record<K, S>, options);
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const Opt = <T extends TSchema>(t: T) => Type.Optional(Nullable(t));
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() })),
    ),
  },
  { description: 'application/problem+json (RFC 9457); `errors` names each bad field' },
);
export const Paging = Type.Object({
  page: Type.Integer({ minimum: 1, default: 1 }),
  page_size: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});
export const Reason = Type.String({ minLength: 1, maxLength: 2000, description: 'Why: kept in the history' });
/** A prison named by its id or its code (e.g. 'BKO'). */
export const PrisonRef = Type.String({ minLength: 1, maxLength: 64, description: 'prison id or code' });
/** A value of a reference list (region, education_level, occupation, ...): see GET /api/reference/{kind}. */
export const RefCode = Type.String({ maxLength: 64 });
