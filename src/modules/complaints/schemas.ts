/**
 * The complaints module's inputs and outputs, as the API validates them. The pages parse their forms
 * into the same types with the same schemas; the service's input types are derived from them.
 */
import { type Static, type TLiteral, Type } from '@sinclair/typebox';
import { DateTime, Keyed, Nullable, Opt, PrisonRef, Uuid } from '../../http/schemas.js';
import { ACTIONS, ADDRESSEES, CATEGORIES, CHANNELS, KINDS, OUTCOMES, OWNERS, STATES } from './rules.js';

/** A union of literals whose static type is the enum's (a bad value is a field error). */
const lit = <T extends string>(xs: readonly T[]) => Type.Union(xs.map<TLiteral<T>>((x) => Type.Literal(x)));
const Text = (max: number, description?: string) =>
  Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });

export const NewComplaintBody = Type.Object(
  {
    admission_id: Opt(
      Type.String({
        format: 'uuid',
        description: "The complainant's current admission (or give cell_id for a cell leader's request)",
      }),
    ),
    cell_id: Opt(Type.String({ format: 'uuid', description: "A cell leader's request on behalf of the cell" })),
    kind: lit(KINDS),
    category: lit(CATEGORIES),
    channel: lit(CHANNELS),
    addressee: lit(ADDRESSEES),
    confidential: Type.Optional(
      Type.Boolean({
        description:
          'In confidence: only the independent body and the national complaints officer see it (forced for the addressee inspector)',
      }),
    ),
    urgent: Type.Optional(Type.Boolean()),
    words: Text(8000, "The detainee's own words"),
    named_staff: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 64, description: 'username' }), {
        maxItems: 10,
        description: 'Staff the complaint names (accounts): they never handle it nor see it',
      }),
    ),
    named_staff_text: Opt(Type.String({ maxLength: 500, description: 'Staff named as the detainee names them' })),
    received_at: Opt(DateTime),
    reception_id: Opt(
      Type.String({
        format: 'uuid',
        description: "The reception whose medical check recorded the injuries or the allegation (same person's prison)",
      }),
    ),
  },
  { additionalProperties: false },
);
export type NewComplaint = Static<typeof NewComplaintBody>;

export const ActionBody = Type.Object(
  {
    action: lit(ACTIONS),
    text: Opt(Type.String({ maxLength: 4000, description: 'A note with the action (the appeal reason for appeal)' })),
    answer: Opt(Type.String({ maxLength: 8000, description: 'The written answer (action answer)' })),
    outcome: Opt(lit(OUTCOMES)),
    action_taken: Opt(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);
export type ActionInput = Static<typeof ActionBody>;

export const NOTE_KINDS = ['note', 'read_to_detainee', 'facts_requested', 'facts', 'recommendation'] as const;
export const NoteBody = Type.Object(
  {
    kind: lit(NOTE_KINDS),
    text: Text(8000),
  },
  { additionalProperties: false },
);
export type NoteInput = Static<typeof NoteBody>;

export const AssignBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);

export const SettingsBody = Type.Object(
  {
    settings: Type.Object(
      {
        request_days: Type.Integer({ minimum: 1, maximum: 365 }),
        complaint_days: Type.Integer({ minimum: 1, maximum: 365 }),
        ill_treatment_hours: Type.Integer({ minimum: 1, maximum: 720 }),
        appeal_days: Type.Integer({ minimum: 1, maximum: 365 }),
        category_days: Type.Partial(
          Keyed(CATEGORIES, Type.Integer({ minimum: 1, maximum: 365 }), { additionalProperties: false }),
        ),
        owners: Keyed(CATEGORIES, lit(OWNERS), { additionalProperties: false }),
        inspector_name: Type.Object({ fr: Text(200), en: Text(200) }, { additionalProperties: false }),
      },
      { additionalProperties: false },
    ),
    reason: Text(2000),
  },
  { additionalProperties: false },
);
export type SettingsInput = Static<typeof SettingsBody>;

export const SettingsView = Type.Object({
  request_days: Type.Integer(),
  complaint_days: Type.Integer(),
  ill_treatment_hours: Type.Integer(),
  appeal_days: Type.Integer(),
  category_days: Type.Record(Type.String(), Type.Integer()),
  owners: Type.Record(Type.String(), Type.String()),
  inspector_name: Type.Object({ fr: Type.String(), en: Type.String() }),
});

export const PrisonQuery = Type.Object({ prison: PrisonRef }, { additionalProperties: false });
export const StatsQuery = Type.Object({ prison: Type.Optional(PrisonRef) }, { additionalProperties: false });
export const IdParam = Type.Object({ id: Uuid });

export const ComplaintItem = Type.Object({
  id: Uuid,
  reference: Type.String(),
  prison_id: Uuid,
  prison_code: Type.String(),
  person_id: Nullable(Uuid),
  person_name: Nullable(Type.String()),
  cell: Nullable(Type.String()),
  unit: Nullable(Type.String()),
  kind: Type.String({ description: KINDS.join(' | ') }),
  category: Type.String({ description: CATEGORIES.join(' | ') }),
  channel: Type.String({ description: CHANNELS.join(' | ') }),
  addressee: Type.String({ description: ADDRESSEES.join(' | ') }),
  confidential: Type.Boolean(),
  urgent: Type.Boolean(),
  state: Type.String({ description: STATES.join(' | ') }),
  owner: Type.String({ description: OWNERS.join(' | ') }),
  received_at: Type.String(),
  due_at: Type.String(),
  overdue: Type.Boolean(),
  age_days: Type.Integer(),
  outcome: Nullable(Type.String()),
});
export type ComplaintItemView = Static<typeof ComplaintItem>;

export const ComplaintDetail = Type.Intersect([
  ComplaintItem,
  Type.Object({
    words: Type.String(),
    named_staff_text: Nullable(Type.String()),
    answer: Nullable(Type.String()),
    action_taken: Nullable(Type.String()),
    answered_at: Nullable(Type.String()),
    answer_read_at: Nullable(Type.String()),
    appealed_at: Nullable(Type.String()),
    appeal_reason: Nullable(Type.String()),
    closed_at: Nullable(Type.String()),
    reception_id: Nullable(Type.String()),
    allowed_actions: Type.Array(Type.String()),
    may_handle: Type.Boolean(),
    events: Type.Array(
      Type.Object({
        id: Uuid,
        kind: Type.String(),
        state_after: Type.String(),
        text: Nullable(Type.String()),
        by: Nullable(Type.String()),
        at: Type.String(),
      }),
    ),
  }),
]);
export type ComplaintDetailView = Static<typeof ComplaintDetail>;

export const ListReply = Type.Object({ items: Type.Array(ComplaintItem) });
const Count = Type.Object({ key: Type.String(), count: Type.Integer() });
export const StatsReply = Type.Object({
  total: Type.Integer(),
  by_category: Type.Array(Count),
  by_quarter: Type.Array(Count),
  by_unit: Type.Array(Count),
  by_quarter_category: Type.Array(Count),
});
export const NoticeReply = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Uuid,
      complaint_id: Uuid,
      reference: Type.String(),
      prison_code: Type.String(),
      audience: Type.String(),
      category: Type.String(),
      created_at: Type.String(),
      seen_at: Nullable(Type.String()),
      seen_by: Nullable(Type.String()),
    }),
  ),
});
export const WarningReply = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Uuid,
      complaint_id: Uuid,
      reference: Type.String(),
      person_id: Uuid,
      person_name: Type.String(),
      event: Type.String(),
      event_at: Type.String(),
      detail: Nullable(Type.String()),
      triggered_by: Nullable(Type.String()),
      seen_by: Type.Array(Type.Object({ name: Type.String(), at: Type.String() })),
    }),
  ),
});
