/** Shared TypeBox schemas for the API (they validate requests and generate the OpenAPI document). */
import { type TSchema, Type } from '@sinclair/typebox';

export const Uuid = Type.String({ format: 'uuid' });
export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const Opt = <T extends TSchema>(t: T) => Type.Optional(Nullable(t));
export const Problem = Type.Object({
  type: Type.String(), title: Type.String(), status: Type.Integer(), code: Type.String(), instance: Type.Optional(Type.String()),
  errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() }))),
}, { description: 'application/problem+json (RFC 9457); `errors` names each bad field' });
export const Paging = Type.Object({
  page: Type.Integer({ minimum: 1, default: 1 }),
  page_size: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});
export const Reason = Type.String({ minLength: 1, maxLength: 2000, description: 'Why: kept in the history' });
