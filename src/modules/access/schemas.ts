/**
 * The access module's inputs, as the API validates them. The pages parse their forms into the same
 * types with the same schemas (forms.ts); the service's input types are derived from them.
 */
import { type Static, Type } from '@sinclair/typebox';
import { ROLES } from '../../core/access.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './rules.js';

export const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));

export const NewUserBody = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 64, pattern: '^[a-z0-9._-]+$' }),
    display_name: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH }),
    roles: Type.Array(RoleSchema, { minItems: 1, maxItems: 20 }),
    national: Type.Optional(Type.Boolean()),
    prisons: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 200 })),
    lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);
export type NewUser = Static<typeof NewUserBody>;

export const PasswordChangeBody = Type.Object(
  {
    current_password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
    new_password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
  },
  { additionalProperties: false },
);
export type PasswordChange = Static<typeof PasswordChangeBody>;

export const CodeBody = Type.Object(
  { code: Type.String({ minLength: 6, maxLength: 10 }) },
  { additionalProperties: false },
);

/** An action with nothing to say but an optional reason. */
export const OptionalReasonBody = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);
/** An action that must say why (disabling an account, removing its two-step verification). */
export const ReasonBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);
