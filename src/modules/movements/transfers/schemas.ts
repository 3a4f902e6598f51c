/**
 * Transfers between prisons: the API's inputs and outputs. The pages parse their forms into the same
 * types with the same schemas; the service's input types are derived from them.
 */
import { type Static, Type } from '@sinclair/typebox';
import { DateTime, Nullable, OneOf, Opt, PrisonRef, Reason, Uuid } from '../../../http/schemas.js';
import { DECISIONS, NOTICE_METHODS, TRANSFER_REASONS, TRANSFER_STATES } from './rules.js';

const Text = (max: number, description?: string) =>
  Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });

export const NewTransferBody = Type.Object(
  {
    admission_id: Type.String({ format: 'uuid', description: "The person's open admission in the sending prison" }),
    to_prison: PrisonRef,
    reason: OneOf(TRANSFER_REASONS),
    note: Opt(Text(2000)),
  },
  { additionalProperties: false },
);
export type NewTransfer = Static<typeof NewTransferBody>;

export const DecisionBody = Type.Object(
  {
    decision: OneOf(DECISIONS),
    reason: Reason,
  },
  { additionalProperties: false },
);
export type DecisionInput = Static<typeof DecisionBody>;

export const ConvoyBody = Type.Object(
  {
    to_prison: PrisonRef,
    escort_force: Text(200, 'Who escorts: gendarmerie, garde nationale, police, prison guards'),
    vehicle: Text(200, 'The vehicle (kind and plate)'),
    officers: Text(2000, 'The escort officers, by name and rank'),
    planned_departure_at: DateTime,
    transfer_ids: Type.Array(Uuid, { minItems: 1, maxItems: 200, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type ConvoyInput = Static<typeof ConvoyBody>;

export const DepartBody = Type.Object(
  {
    departed_at: Opt(DateTime),
    property_signed_out: Type.Boolean({
      description: 'The registry hands the property and money listed to the escort: signed out by the caller',
    }),
  },
  { additionalProperties: false },
);
export type DepartInput = Static<typeof DepartBody>;

export const ArrivalBody = Type.Object(
  {
    arrived_at: Opt(DateTime),
    security_check: Type.Boolean({ description: 'Search and identity checked against the file' }),
    medical_check: Type.Boolean({ description: 'Seen by the medical service (findings go to the health record)' }),
    registry_check: Type.Boolean({ description: 'The title of detention and the property received checked' }),
    property_discrepancies: Opt(Text(2000, 'What is missing or differs from the list signed out, if anything')),
    note: Opt(Text(2000)),
    cell_id: Opt(Uuid),
  },
  { additionalProperties: false },
);
export type ArrivalInput = Static<typeof ArrivalBody>;

export const CancelBody = Type.Object({ reason: Reason }, { additionalProperties: false });
export type CancelInput = Static<typeof CancelBody>;

export const NoticeBody = Type.Object(
  {
    notified: Type.Boolean(),
    relative: Opt(Text(300, 'Who was told (name, relationship)')),
    method: Opt(OneOf(NOTICE_METHODS)),
    notified_at: Opt(DateTime),
    reason_not: Opt(Text(2000, 'Why the family was not told')),
  },
  { additionalProperties: false },
);
export type NoticeInput = Static<typeof NoticeBody>;

export const IdParam = Type.Object({ id: Uuid });
export const BoardQuery = Type.Object(
  { prison: Type.Optional(PrisonRef), state: Type.Optional(OneOf(TRANSFER_STATES)) },
  { additionalProperties: false },
);

const Who = Nullable(Type.Object({ id: Uuid, name: Type.String() }));
const DecisionView = Nullable(
  Type.Object({
    decision: Type.String({ description: 'approved, refused' }),
    by: Who,
    at: DateTime,
    reason: Nullable(Type.String()),
  }),
);
const PropertyView = Type.Object({
  items: Type.Array(
    Type.Object({ item: Type.String(), quantity: Type.Number(), description: Type.Optional(Nullable(Type.String())) }),
  ),
  money: Type.Array(Type.Object({ amount: Type.Number(), currency: Type.String() })),
  id_documents: Type.Array(Type.Object({ kind: Type.String(), number: Type.Optional(Nullable(Type.String())) })),
  phones: Type.Array(Type.Object({ description: Type.String(), imei: Type.Optional(Nullable(Type.String())) })),
});
const PrisonName = Type.Object({ id: Uuid, code: Type.String(), name: Type.String() });

export const ConvoyView = Type.Object({
  id: Uuid,
  from_prison: PrisonName,
  to_prison: PrisonName,
  escort_force: Type.String(),
  vehicle: Type.String(),
  officers: Type.String(),
  planned_departure_at: DateTime,
  departed_at: Nullable(DateTime),
  transfer_ids: Type.Array(Uuid),
});
export type ConvoyView = Static<typeof ConvoyView>;

export const TransferView = Type.Object({
  id: Uuid,
  state: Type.String({ description: TRANSFER_STATES.join(', ') }),
  person: Type.Object({ id: Uuid, family_name: Type.String(), given_names: Type.String() }),
  from_prison: PrisonName,
  to_prison: PrisonName,
  from_admission: Type.Object({ id: Uuid, committal_number: Type.String() }),
  to_admission: Nullable(Type.Object({ id: Uuid, committal_number: Type.String() })),
  reason: Type.String({ description: TRANSFER_REASONS.join(', ') }),
  note: Nullable(Type.String()),
  requested_by: Who,
  requested_at: DateTime,
  sending: DecisionView,
  receiving: DecisionView,
  national: DecisionView,
  convoy: Nullable(ConvoyView),
  departed_at: Nullable(DateTime),
  property: Nullable(PropertyView),
  property_out: Nullable(Type.Object({ by: Who, at: DateTime })),
  property_in: Nullable(Type.Object({ by: Who, at: DateTime, discrepancies: Nullable(Type.String()) })),
  arrival: Nullable(
    Type.Object({
      at: DateTime,
      by: Who,
      security_check: Type.Boolean(),
      medical_check: Type.Boolean(),
      registry_check: Type.Boolean(),
      note: Nullable(Type.String()),
    }),
  ),
  cancelled: Nullable(Type.Object({ at: DateTime, by: Who, reason: Type.String() })),
  notices: Type.Array(
    Type.Object({
      id: Uuid,
      notified: Type.Boolean(),
      relative: Nullable(Type.String()),
      method: Nullable(Type.String({ description: NOTICE_METHODS.join(', ') })),
      notified_at: Nullable(DateTime),
      reason_not: Nullable(Type.String()),
      recorded_by: Who,
      recorded_at: DateTime,
    }),
  ),
  row_version: Type.Integer(),
});
/** The view as the service builds it: the enums typed. */
export type TransferView = Omit<Static<typeof TransferView>, 'state' | 'reason'> & {
  state: (typeof TRANSFER_STATES)[number];
  reason: (typeof TRANSFER_REASONS)[number];
};

export const TransferList = Type.Object({ items: Type.Array(TransferView) });
export const BoardReply = Type.Object({
  prison: PrisonName,
  leaving: Type.Array(TransferView),
  arriving: Type.Array(TransferView),
});
