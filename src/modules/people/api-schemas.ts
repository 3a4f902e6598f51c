import { Type } from '@sinclair/typebox';
import { Nullable, OneOf, Opt, Reason, RefCode, Uuid } from '../../http/schemas.js';
import { BIRTH_PRECISIONS, RELATIONSHIPS } from './rules.js';

export const Birth = Type.Object(
  {
    precision: OneOf(BIRTH_PRECISIONS),
    date: Opt(Type.String({ maxLength: 10, description: "'YYYY-MM-DD' (exact), 'YYYY-MM' (month) or 'YYYY' (year)" })),
    estimated_age: Opt(Type.Integer({ minimum: 0, maximum: 120 })),
    estimated_on: Opt(Type.String({ maxLength: 10, description: 'YYYY-MM-DD: the day the age was estimated' })),
  },
  { additionalProperties: false },
);

export const OtherName = Type.Object(
  {
    kind: Type.Union([Type.Literal('spelling'), Type.Literal('alias')]),
    family_name: Type.String({ minLength: 1, maxLength: 200 }),
    given_names: Type.Optional(Type.String({ maxLength: 200 })),
    source: Opt(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

const fields = {
  gender_identity: Opt(Type.String({ maxLength: 100 })),
  birth_place: Opt(Type.String({ maxLength: 200 })),
  father_name: Opt(Type.String({ maxLength: 200 })),
  mother_name: Opt(Type.String({ maxLength: 200 })),
  nationality: Opt(Type.String({ maxLength: 8 })),
  nina: Opt(Type.String({ maxLength: 40 })),
  origin_region_code: Opt(RefCode),
  origin_commune: Opt(Type.String({ maxLength: 200 })),
  languages: Type.Optional(Type.Array(RefCode, { maxItems: 20 })),
  marital_status: Opt(RefCode),
  children_count: Opt(Type.Integer({ minimum: 0, maximum: 60 })),
  education_level: Opt(RefCode),
  occupation: Opt(RefCode),
  emergency_contact: Opt(Type.String({ maxLength: 500 })),
};

export const PersonInput = Type.Object(
  {
    family_name: Type.String({ minLength: 1, maxLength: 200 }),
    given_names: Type.Optional(Type.String({ maxLength: 200 })),
    sex: Type.Union([Type.Literal('male'), Type.Literal('female')]),
    birth: Birth,
    ...fields,
    other_names: Type.Optional(Type.Array(OtherName, { maxItems: 50 })),
    sensitive: Type.Optional(
      Type.Object({ religion: Opt(RefCode), ethnicity: Opt(RefCode) }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);

export const PersonPatch = Type.Object(
  {
    family_name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    given_names: Type.Optional(Type.String({ maxLength: 200 })),
    sex: Type.Optional(Type.Union([Type.Literal('male'), Type.Literal('female')])),
    birth: Type.Optional(Birth),
    ...fields,
  },
  { additionalProperties: false },
);

/** The body of PATCH /api/persons/{id}: an update or a correction of the file, with its reason. */
export const PersonChange = Type.Object(
  {
    changes: PersonPatch,
    reason: Reason,
    kind: Type.Union([Type.Literal('update'), Type.Literal('correction')], { default: 'update' }),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const Relative = Type.Object(
  {
    relationship: OneOf(RELATIONSHIPS),
    full_name: Type.String({ minLength: 1, maxLength: 200 }),
    birth_year: Opt(Type.Integer({ minimum: 1900, maximum: 2100 })),
    phone: Opt(Type.String({ maxLength: 50 })),
    address: Opt(Type.String({ maxLength: 500 })),
    whereabouts: Opt(Type.String({ maxLength: 500 })),
    custody: Opt(Type.String({ maxLength: 500 })),
    emergency_contact: Type.Optional(Type.Boolean()),
    notes: Opt(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const Person = Type.Object({
  id: Uuid,
  family_name: Type.String(),
  given_names: Type.String(),
  sex: Type.String(),
  gender_identity: Nullable(Type.String()),
  birth: Type.Object({
    precision: Type.String(),
    date: Opt(Type.String()),
    estimated_age: Opt(Type.Integer()),
    estimated_on: Opt(Type.String()),
  }),
  birth_place: Nullable(Type.String()),
  father_name: Nullable(Type.String()),
  mother_name: Nullable(Type.String()),
  nationality: Nullable(Type.String()),
  nina: Nullable(Type.String()),
  origin_region_code: Nullable(Type.String()),
  origin_commune: Nullable(Type.String()),
  languages: Type.Array(Type.String()),
  photo_attachment_id: Nullable(Type.String()),
  marital_status: Nullable(Type.String()),
  children_count: Nullable(Type.Integer()),
  education_level: Nullable(Type.String()),
  occupation: Nullable(Type.String()),
  emergency_contact: Nullable(Type.String()),
  other_names: Type.Array(
    Type.Object({
      id: Uuid,
      kind: Type.String(),
      family_name: Type.String(),
      given_names: Type.Optional(Type.String()),
      source: Opt(Type.String()),
    }),
  ),
  relatives: Type.Array(
    Type.Intersect([
      Type.Object({ id: Uuid }),
      Type.Object({
        relationship: Type.String(),
        full_name: Type.String(),
        birth_year: Opt(Type.Integer()),
        phone: Opt(Type.String()),
        address: Opt(Type.String()),
        whereabouts: Opt(Type.String()),
        custody: Opt(Type.String()),
        emergency_contact: Type.Optional(Type.Boolean()),
        notes: Opt(Type.String()),
      }),
    ]),
  ),
  registered_prison_id: Uuid,
  merged_into_id: Nullable(Uuid),
  version: Type.Integer(),
  created_at: Type.String(),
  updated_at: Type.String(),
  sensitive: Type.Optional(Type.Object({ religion: Nullable(Type.String()), ethnicity: Nullable(Type.String()) })),
});
