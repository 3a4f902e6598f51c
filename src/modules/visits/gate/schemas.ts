/**
 * The inputs and outputs of visitors, visiting rules, visits and family contact, as the API
 * validates them. The pages parse their forms into the same types with the same schemas (forms.ts).
 */
import { type Static, Type } from '@sinclair/typebox';
import { DateTime, IsoDate, Nullable, OneOf, Opt, PrisonRef, Reason, Uuid } from '../../../http/schemas.js';
import {
  BAN_SCOPES,
  CONTACT_KINDS,
  ID_DOC_KINDS,
  ITEM_KINDS,
  ITEM_OUTCOMES,
  MAX_VISITORS,
  REFUSAL_CODES,
  RELATIONSHIPS,
  RESTRICTION_BASES,
  TRACING_STATES,
  VISIT_CHANNELS,
  VISIT_KINDS,
  VISIT_STATES,
} from './rules.js';

const Text = (max: number, description?: string) =>
  Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });
const Time = Type.String({
  maxLength: 5,
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  description: 'HH:MM, Bamako time',
});
export const IdParam = Type.Object({ id: Uuid });
export const PersonParam = Type.Object({ personId: Uuid });

// ---------------------------------------------------------------------------------------------- visitors

export const NewVisitorBody = Type.Object(
  {
    family_name: Text(120, 'As written on the document or as said'),
    given_names: Opt(Type.String({ maxLength: 200 })),
    id_doc_kind: OneOf(ID_DOC_KINDS),
    id_doc_number: Opt(Type.String({ maxLength: 60 })),
    phone: Opt(Type.String({ maxLength: 40 })),
    bar_number: Opt(Type.String({ maxLength: 40, description: "A lawyer's bar registration number" })),
  },
  { additionalProperties: false },
);
export type NewVisitor = Static<typeof NewVisitorBody>;

export const RelationshipBody = Type.Object(
  { person_id: Uuid, relationship: OneOf(RELATIONSHIPS) },
  { additionalProperties: false },
);
export type RelationshipInput = Static<typeof RelationshipBody>;

export const BanBody = Type.Object(
  {
    scope: OneOf(BAN_SCOPES, { description: "prison: the director's prison only; all: every prison" }),
    prison: PrisonRef,
    reason: Reason,
    until: Opt(IsoDate),
  },
  { additionalProperties: false },
);
export type BanInput = Static<typeof BanBody>;

export const LiftBody = Type.Object({ reason: Reason }, { additionalProperties: false });
export type LiftInput = Static<typeof LiftBody>;

export const BanView = Type.Object({
  id: Uuid,
  prison_id: Nullable(Uuid),
  reason: Type.String(),
  from_date: Type.String(),
  until_date: Nullable(Type.String()),
  decided_at: Type.String(),
  lifted_at: Nullable(Type.String()),
  in_force: Type.Boolean(),
});

export const VisitorView = Type.Object({
  id: Uuid,
  family_name: Type.String(),
  given_names: Type.String(),
  id_doc_kind: Type.String(),
  id_doc_number: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  bar_number: Nullable(Type.String()),
  relationships: Type.Array(
    Type.Object({
      person_id: Uuid,
      family_name: Type.String(),
      given_names: Type.String(),
      relationship: Type.String(),
    }),
  ),
  bans: Type.Array(BanView),
});
export type VisitorViewT = Static<typeof VisitorView>;

export const VisitorQuery = Type.Object(
  { q: Type.String({ minLength: 1, maxLength: 200, description: 'A name in any spelling, or a document number' }) },
  { additionalProperties: false },
);
export const VisitorList = Type.Object({ items: Type.Array(VisitorView) });

// ---------------------------------------------------------------------------------------------- rules

export const RuleInput = Type.Object(
  {
    weekday: Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 Monday … 5 Friday … 7 Sunday' }),
    starts: Time,
    ends: Time,
    unit_id: Opt(Uuid),
    regime_level: Opt(Type.String({ minLength: 1, maxLength: 40 })),
    per_person_week: Type.Integer({ minimum: 0, maximum: 14, description: 'Family visits a person may have a week' }),
    visitors_per_visit: Type.Integer({ minimum: 1, maximum: MAX_VISITORS }),
    room_capacity: Type.Integer({ minimum: 1, maximum: 2000, description: 'Visitors in the room at once' }),
  },
  { additionalProperties: false },
);
export const RulesBody = Type.Object(
  { prison: PrisonRef, rules: Type.Array(RuleInput, { maxItems: 50 }), reason: Reason },
  { additionalProperties: false },
);
export type RulesInput = Static<typeof RulesBody>;
export const RuleView = Type.Object({
  id: Uuid,
  weekday: Type.Integer(),
  starts: Type.String(),
  ends: Type.String(),
  unit_id: Nullable(Uuid),
  regime_level: Nullable(Type.String()),
  per_person_week: Type.Integer(),
  visitors_per_visit: Type.Integer(),
  room_capacity: Type.Integer(),
});
export type RuleViewT = Static<typeof RuleView>;
export const RulesView = Type.Object({ prison_id: Uuid, prison_name: Type.String(), rules: Type.Array(RuleView) });
export type RulesViewT = Static<typeof RulesView>;
export const PrisonQuery = Type.Object({ prison: PrisonRef }, { additionalProperties: false });

// ---------------------------------------------------------------------------------------------- restrictions

export const RestrictionBody = Type.Object(
  {
    admission_id: Uuid,
    basis: OneOf(RESTRICTION_BASES, { description: 'Never disciplinary (Mandela Rule 43(3))' }),
    reason: Reason,
    from: Opt(IsoDate),
    until: IsoDate,
  },
  { additionalProperties: false },
);
export type RestrictionInput = Static<typeof RestrictionBody>;
export const RestrictionView = Type.Object({
  id: Uuid,
  admission_id: Uuid,
  basis: Type.String(),
  reason: Type.String(),
  from_date: Type.String(),
  until_date: Type.String(),
  lifted_at: Nullable(Type.String()),
  in_force: Type.Boolean(),
});

// ---------------------------------------------------------------------------------------------- visits

export const NewVisitBody = Type.Object(
  {
    admission_id: Uuid,
    kind: OneOf(VISIT_KINDS),
    channel: OneOf(VISIT_CHANNELS),
    visitor_ids: Type.Array(Uuid, { minItems: 1, maxItems: MAX_VISITORS, uniqueItems: true }),
    relationship: Opt(OneOf(RELATIONSHIPS)),
    day: Opt(IsoDate),
    time: Opt(Time),
    bar_number: Opt(Type.String({ minLength: 1, maxLength: 40, description: 'Legal visits: the lawyer’s bar number' })),
    staff_on_duty: Opt(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);
export type NewVisit = Static<typeof NewVisitBody>;

export const ArrivalBody = Type.Object(
  { at: Opt(DateTime), staff_on_duty: Opt(Type.String({ maxLength: 300 })) },
  { additionalProperties: false },
);
export type ArrivalInput = Static<typeof ArrivalBody>;
export const DepartureBody = Type.Object({ at: Opt(DateTime) }, { additionalProperties: false });
export type DepartureInput = Static<typeof DepartureBody>;

export const ItemBody = Type.Object(
  {
    kind: OneOf(ITEM_KINDS),
    description: Text(300),
    outcome: OneOf(ITEM_OUTCOMES),
    refusal_reason: Opt(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type ItemInput = Static<typeof ItemBody>;

export const VisitView = Type.Object({
  id: Uuid,
  prison_id: Uuid,
  admission_id: Uuid,
  person_id: Uuid,
  family_name: Type.String(),
  given_names: Type.String(),
  committal_number: Type.String(),
  kind: Type.String({ description: VISIT_KINDS.join(', ') }),
  channel: Type.String({ description: VISIT_CHANNELS.join(', ') }),
  day: Type.String(),
  planned_time: Nullable(Type.String()),
  state: Type.String({ description: VISIT_STATES.join(', ') }),
  refusal_code: Nullable(Type.String({ description: REFUSAL_CODES.join(', ') })),
  refusal_detail: Nullable(Type.String()),
  out_of_hearing: Type.Boolean({ description: 'Legal visits: in sight, out of hearing of staff (Rule 61)' }),
  counts_against_quota: Type.Boolean(),
  bar_number: Nullable(Type.String()),
  staff_on_duty: Nullable(Type.String()),
  arrived_at: Nullable(Type.String()),
  left_at: Nullable(Type.String()),
  visitors: Type.Array(Type.Object({ id: Uuid, family_name: Type.String(), given_names: Type.String() })),
  items: Type.Array(
    Type.Object({
      id: Uuid,
      kind: Type.String(),
      description: Type.String(),
      outcome: Type.String(),
      refusal_reason: Nullable(Type.String()),
    }),
  ),
});
export type VisitViewT = Static<typeof VisitView>;

export const DayQuery = Type.Object(
  { prison: PrisonRef, date: Type.Optional(IsoDate) },
  { additionalProperties: false },
);
export const DayList = Type.Object({
  prison_id: Uuid,
  prison_code: Type.String(),
  prison_name: Type.String(),
  date: Type.String(),
  visits: Type.Array(VisitView),
  rules: Type.Array(RuleView),
});
export type DayListT = Static<typeof DayList>;

// ---------------------------------------------------------------------------------------------- family contact

export const ContactBody = Type.Object(
  {
    admission_id: Uuid,
    kind: OneOf(CONTACT_KINDS),
    occurred_at: Opt(DateTime),
    with_whom: Text(200, 'Who was called or wrote: never what was said'),
  },
  { additionalProperties: false },
);
export type ContactInput = Static<typeof ContactBody>;

export const TracingBody = Type.Object(
  {
    admission_id: Uuid,
    partner: Text(200, 'The partner asked to trace (e.g. the ICRC / Red Cross)'),
    sought: Text(500, 'Who is sought, and where they were last known'),
  },
  { additionalProperties: false },
);
export type TracingInput = Static<typeof TracingBody>;
export const TracingUpdateBody = Type.Object(
  { state: OneOf(TRACING_STATES), outcome: Opt(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);
export type TracingUpdate = Static<typeof TracingUpdateBody>;
export const TracingView = Type.Object({
  id: Uuid,
  partner: Type.String(),
  sought: Type.String(),
  state: Type.String({ description: TRACING_STATES.join(', ') }),
  outcome: Nullable(Type.String()),
  requested_on: Type.String(),
});

export const ContactOverview = Type.Object({
  person_id: Uuid,
  admission_id: Uuid,
  prison_id: Uuid,
  family_name: Type.String(),
  given_names: Type.String(),
  committal_number: Type.String(),
  last_family_visit: Nullable(Type.String()),
  family_visits_90_days: Type.Integer(),
  legal_visits_90_days: Type.Integer(),
  calls_90_days: Type.Integer(),
  letters_90_days: Type.Integer(),
  origin_region: Nullable(Type.String()),
  prison_region: Type.String(),
  distance_km: Nullable(
    Type.Integer({ description: 'Great-circle distance between the chefs-lieux of the two regions' }),
  ),
  visits: Type.Array(VisitView),
  contacts: Type.Array(
    Type.Object({ id: Uuid, kind: Type.String(), occurred_at: Type.String(), with_whom: Type.String() }),
  ),
  restrictions: Type.Array(RestrictionView),
  tracing: Type.Array(TracingView),
  visitors: Type.Array(
    Type.Object({ id: Uuid, family_name: Type.String(), given_names: Type.String(), relationship: Type.String() }),
  ),
});
export type ContactOverviewT = Static<typeof ContactOverview>;

export const NoContactQuery = Type.Object(
  { prison: PrisonRef, days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })) },
  { additionalProperties: false },
);
export const NoContactList = Type.Object({
  prison_id: Uuid,
  prison_code: Type.String(),
  prison_name: Type.String(),
  days: Type.Integer(),
  items: Type.Array(
    Type.Object({
      person_id: Uuid,
      admission_id: Uuid,
      family_name: Type.String(),
      given_names: Type.String(),
      committal_number: Type.String(),
      last_contact: Nullable(Type.String()),
      days_without: Type.Integer(),
      distance_km: Nullable(Type.Integer()),
      open_tracing: Type.Boolean(),
    }),
  ),
});
export type NoContactListT = Static<typeof NoContactList>;
