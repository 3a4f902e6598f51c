/**
 * The releases, escapes and deaths API's inputs and outputs, as the API validates them. The pages
 * parse their forms into the same types with the same schemas.
 */
import { type Static, type TLiteral, Type } from '@sinclair/typebox';
import { DateTime, IsoDate, Nullable, Opt, PrisonRef, Uuid } from '../../../http/schemas.js';
import { AUDIENCES, CHANNELS, DUE_KINDS, RELEASE_REASONS, RELEASE_STATES } from './rules.js';

/** A union of literals whose static type is the enum's (a bad value is a field error). */
const lit = <T extends string>(xs: readonly T[]) => Type.Union(xs.map((x): TLiteral<T> => Type.Literal(x)));
const Text = (max: number, description?: string) =>
  Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });

export const ReleaseCheckBody = Type.Object(
  {
    admission_id: Type.String({ format: 'uuid', description: 'The open admission the person leaves' }),
    reason: lit(RELEASE_REASONS),
    order_jurisdiction_id: Opt(
      Type.String({
        format: 'uuid',
        description: "The order's issuing authority (a jurisdiction of the justice module)",
      }),
    ),
    order_reference: Opt(Type.String({ maxLength: 200, description: "The order's reference as written" })),
    order_date: Opt(IsoDate),
    justice_basis: Opt(
      Type.String({
        maxLength: 1000,
        description:
          'Without an order (end of sentence, detention expired): the justice basis (release date, expired title)',
      }),
    ),
    transfer_authority: Opt(Type.String({ maxLength: 300, description: 'The authority the person is handed to' })),
    identity_verified: Type.Boolean({ description: "The person's identity verified against the file" }),
    photo_shown: Type.Boolean({ description: "The file's photo compared with the person" }),
    fingerprints_taken: Type.Boolean(),
    check_notes: Opt(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type ReleaseCheck = Static<typeof ReleaseCheckBody>;

export const ConfirmBody = Type.Object(
  { notes: Opt(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export type ConfirmInput = Static<typeof ConfirmBody>;

export const CompletionBody = Type.Object(
  {
    all_returned: Type.Boolean({ description: 'Every item and sum of the inventory handed back' }),
    returned_notes: Opt(Type.String({ maxLength: 2000, description: 'What was not returned, and why' })),
    signed_by_person: Type.Boolean({ description: 'The person signed for what was handed back' }),
    released_at: Opt(DateTime),
  },
  { additionalProperties: false },
);
export type CompletionInput = Static<typeof CompletionBody>;

export const NoticeBody = Type.Object(
  {
    audience: lit(AUDIENCES),
    recipient: Text(300, 'Who was told (a relative by name, an authority)'),
    channel: lit(CHANNELS),
    notified_at: Opt(DateTime),
    notes: Opt(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type NoticeInput = Static<typeof NoticeBody>;

export const EscapeBody = Type.Object(
  {
    admission_id: Type.String({ format: 'uuid' }),
    occurred_at: DateTime,
    place: Text(300, 'From where'),
    circumstances: Text(4000, 'How'),
  },
  { additionalProperties: false },
);
export type EscapeInput = Static<typeof EscapeBody>;

export const DeathBody = Type.Object(
  {
    admission_id: Type.String({ format: 'uuid' }),
    occurred_at: DateTime,
    place: Text(300),
    circumstances: Text(4000),
    cause_reported: Opt(Type.String({ maxLength: 1000, description: 'The cause as reported by the doctor, if known' })),
  },
  { additionalProperties: false },
);
export type DeathInput = Static<typeof DeathBody>;

export const RecaptureBody = Type.Object(
  {
    recaptured_at: DateTime,
    place: Text(300),
    arresting_authority: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'reference code (police, gendarmerie…)',
    }),
    cell_id: Opt(Uuid),
  },
  { additionalProperties: false },
);
export type RecaptureInput = Static<typeof RecaptureBody>;

export const SettingsBody = Type.Object(
  {
    authorities: Type.Array(Text(300), {
      maxItems: 20,
      description: 'The authorities to tell of the release of a person held for a terrorism-related offence',
    }),
    reason: Text(2000),
  },
  { additionalProperties: false },
);

export const PrisonQuery = Type.Object({ prison: Type.Optional(PrisonRef) }, { additionalProperties: false });
export const IdParam = Type.Object({ id: Uuid });

const Notice = Type.Object({
  id: Type.String(),
  audience: Type.String(),
  recipient: Type.String(),
  channel: Type.String(),
  notified_at: Type.String(),
  notes: Nullable(Type.String()),
  recorded_by: Nullable(Type.String()),
});
const Person = Type.Object({
  id: Type.String(),
  family_name: Type.String(),
  given_names: Type.String(),
  committal_number: Type.String(),
});
const Line = Type.Object({ kind: Type.String(), text: Type.String() });

export const ReleaseView = Type.Object({
  id: Type.String(),
  prison_id: Type.String(),
  prison_code: Type.String(),
  prison_name: Type.String(),
  admission_id: Type.String(),
  person: Person,
  reason: Type.String({ description: RELEASE_REASONS.join(' | ') }),
  state: Type.String({ description: RELEASE_STATES.join(' | ') }),
  order: Nullable(
    Type.Object({
      jurisdiction_id: Nullable(Type.String()),
      jurisdiction_name: Nullable(Type.String()),
      reference: Nullable(Type.String()),
      date: Nullable(Type.String()),
    }),
  ),
  justice_basis: Nullable(Type.String()),
  transfer_authority: Nullable(Type.String()),
  identity_verified: Type.Boolean(),
  photo_shown: Type.Boolean(),
  fingerprints_taken: Type.Boolean(),
  check_notes: Nullable(Type.String()),
  checked_by: Type.String(),
  checked_by_name: Nullable(Type.String()),
  checked_at: Type.String(),
  confirmed_by: Nullable(Type.String()),
  confirmed_by_name: Nullable(Type.String()),
  confirmed_at: Nullable(Type.String()),
  inventory: Type.Array(Line),
  all_returned: Nullable(Type.Boolean()),
  returned_notes: Nullable(Type.String()),
  signed_by_person: Nullable(Type.Boolean()),
  released_at: Nullable(Type.String()),
  certificate_number: Nullable(Type.String()),
  terrorism_related: Type.Boolean(),
  notices: Type.Array(Notice),
  missing_notices: Type.Array(Type.Object({ audience: Type.String(), recipient: Nullable(Type.String()) })),
});
export type ReleaseViewT = Static<typeof ReleaseView>;

export const IncidentView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  prison_id: Type.String(),
  prison_code: Type.String(),
  prison_name: Type.String(),
  admission_id: Type.String(),
  person: Type.Intersect([
    Person,
    Type.Object({
      sex: Type.String(),
      birth: Type.String(),
      father_name: Nullable(Type.String()),
      mother_name: Nullable(Type.String()),
      nationality: Nullable(Type.String()),
      photo_attachment_id: Nullable(Type.String()),
    }),
  ]),
  charges: Type.Array(Type.String()),
  occurred_at: Type.String(),
  place: Type.String(),
  circumstances: Type.String(),
  cause_reported: Nullable(Type.String()),
  recorded_by_name: Nullable(Type.String()),
  recaptured_at: Nullable(Type.String()),
  recapture_place: Nullable(Type.String()),
  recapture_admission_id: Nullable(Type.String()),
  notices: Type.Array(Notice),
  missing_alerts: Type.Array(Type.String()),
  incident_checklist: Type.Object({
    available: Type.Boolean({ description: 'Whether the incidents capability exists to open its checklist' }),
    href: Nullable(Type.String()),
  }),
});
export type IncidentViewT = Static<typeof IncidentView>;

export const DueItem = Type.Object({
  due: Type.String({ description: DUE_KINDS.join(' | ') }),
  admission_id: Type.String(),
  person_id: Nullable(Type.String()),
  person_name: Nullable(Type.String()),
  committal_number: Nullable(Type.String()),
  date: Nullable(Type.String()),
  days: Type.Integer(),
  label: Type.String({ description: "The justice module's alert, in words" }),
  action: Type.String(),
  release_id: Nullable(Type.String()),
  release_state: Nullable(Type.String()),
});
export type DueItemT = Static<typeof DueItem>;
export const DueReply = Type.Object({
  prison: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }),
  as_of: Type.String(),
  items: Type.Array(DueItem),
  counts: Type.Record(Type.String(), Type.Integer()),
});
export type DueReplyT = Static<typeof DueReply>;
export const SettingsView = Type.Object({ authorities: Type.Array(Type.String()) });
