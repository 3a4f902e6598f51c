/**
 * The inputs and outputs of escorts, counts and the daily state, as the API validates them. The
 * pages parse their forms into the same types with the same schemas (forms.ts).
 */
import { type Static, Type } from '@sinclair/typebox';
import { DateTime, IsoDate, Nullable, OneOf, Opt, PrisonRef, Uuid } from '../../../http/schemas.js';
import { ESCORT_PURPOSES, MAX_COUNT, ROUND_STATES } from './rules.js';

const Text = (max: number, description?: string) =>
  Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });

// ---------------------------------------------------------------------------------------------- escorts

export const NewEscortBody = Type.Object(
  {
    admission_id: Type.String({ format: 'uuid', description: 'The current admission of the person taken out' }),
    purpose: OneOf(ESCORT_PURPOSES),
    hearing_id: Opt(
      Type.String({
        format: 'uuid',
        description: 'A court production: the hearing whose production order is carried out',
      }),
    ),
    destination: Text(200, 'Court, hospital, place of the funeral or visit'),
    officers: Text(500, 'The escort officers (names, force)'),
    out_at: Opt(DateTime),
    expected_back_at: DateTime,
    notes: Opt(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type NewEscort = Static<typeof NewEscortBody>;

export const EscortBackBody = Type.Object({ back_at: Opt(DateTime) }, { additionalProperties: false });
export type EscortBack = Static<typeof EscortBackBody>;

export const EscortView = Type.Object({
  id: Uuid,
  prison_id: Uuid,
  admission_id: Uuid,
  person_id: Uuid,
  family_name: Type.String(),
  given_names: Type.String(),
  committal_number: Type.String(),
  purpose: Type.String({ description: ESCORT_PURPOSES.join(', ') }),
  hearing_id: Nullable(Uuid),
  destination: Type.String(),
  officers: Type.String(),
  out_at: Type.String(),
  expected_back_at: Type.String(),
  back_at: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  overdue: Type.Boolean(),
  out: Type.Boolean(),
});
export type EscortViewT = Static<typeof EscortView>;

export const CourtProduction = Type.Object({
  hearing_id: Uuid,
  admission_id: Uuid,
  person_id: Uuid,
  family_name: Type.String(),
  given_names: Type.String(),
  committal_number: Type.String(),
  cell: Nullable(Type.String()),
  court: Type.String(),
  scheduled_at: Type.String(),
  production_order_ref: Nullable(Type.String()),
  escort_unit: Nullable(Type.String()),
  escort_leader: Nullable(Type.String()),
  escort_id: Nullable(Uuid),
});
export type CourtProductionT = Static<typeof CourtProduction>;

export const EscortBoard = Type.Object({
  prison_id: Uuid,
  prison_code: Type.String(),
  prison_name: Type.String(),
  date: Type.String(),
  out: Type.Array(EscortView),
  back: Type.Array(EscortView),
  productions: Type.Array(CourtProduction),
});
export type EscortBoardT = Static<typeof EscortBoard>;

export const DayQuery = Type.Object(
  { prison: PrisonRef, date: Type.Optional(IsoDate) },
  { additionalProperties: false },
);
export const NationalQuery = Type.Object({ date: Type.Optional(IsoDate) }, { additionalProperties: false });
export const IdParam = Type.Object({ id: Uuid });

// ---------------------------------------------------------------------------------------------- counts

const CellCount = Type.Object(
  {
    cell_id: Type.String({ format: 'uuid' }),
    counted: Type.Integer({ minimum: 0, maximum: MAX_COUNT, description: 'People seen in the cell' }),
  },
  { additionalProperties: false },
);

export const NewCountBody = Type.Object(
  {
    unit_id: Type.String({ format: 'uuid' }),
    slot: Text(60, "The count time: one of the prison's names (default morning, noon, evening)"),
    counts: Type.Array(CellCount, { minItems: 1, maxItems: 500, description: 'Every cell of the unit' }),
  },
  { additionalProperties: false },
);
export type NewCount = Static<typeof NewCountBody>;

export const RecountBody = Type.Object(
  { counts: Type.Array(CellCount, { minItems: 1, maxItems: 500, description: 'The cells counted again' }) },
  { additionalProperties: false },
);
export type Recount = Static<typeof RecountBody>;

export const ValidateBody = Type.Object(
  {
    note: Opt(
      Type.String({
        maxLength: 2000,
        description: 'Required while a discrepancy remains: what explains it, what was done',
      }),
    ),
  },
  { additionalProperties: false },
);
export type Validate = Static<typeof ValidateBody>;

export const SlotsBody = Type.Object(
  {
    slots: Type.Array(Text(60), { minItems: 1, maxItems: 8, description: "The prison's count times, in order" }),
  },
  { additionalProperties: false },
);

const Person = Type.Object({
  admission_id: Uuid,
  person_id: Uuid,
  family_name: Type.String(),
  given_names: Type.String(),
  committal_number: Type.String(),
});

const Attempt = Type.Object({
  attempt: Type.Integer(),
  counted: Type.Integer(),
  expected: Type.Integer(),
  difference: Type.Integer(),
});

export const CountCell = Type.Object({
  cell_id: Uuid,
  code: Type.String(),
  placed: Type.Integer(),
  out: Type.Integer(),
  expected: Type.Integer(),
  counted: Nullable(Type.Integer()),
  difference: Nullable(Type.Integer()),
  attempts: Type.Array(Attempt),
  out_people: Type.Array(Person),
});

export const CountRoundView = Type.Object({
  id: Nullable(Uuid),
  prison_id: Uuid,
  prison_code: Type.String(),
  unit_id: Uuid,
  unit_code: Type.String(),
  unit_name: Type.String(),
  day: Type.String(),
  slot: Type.String(),
  state: Nullable(Type.String({ description: ROUND_STATES.join(', ') })),
  started_at: Nullable(Type.String()),
  started_by: Nullable(Type.String()),
  validated_at: Nullable(Type.String()),
  validated_by: Nullable(Type.String()),
  validation_note: Nullable(Type.String()),
  attempts: Type.Integer(),
  cells: Type.Array(CountCell),
  expected: Type.Integer(),
  counted: Type.Integer(),
  difference: Type.Integer(),
  mismatched: Type.Integer(),
  complete: Type.Boolean(),
  balanced: Type.Boolean(),
  unplaced: Type.Array(Person),
});
export type CountRoundViewT = Static<typeof CountRoundView>;

export const CountSheetQuery = Type.Object(
  { unit: Uuid, slot: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })) },
  { additionalProperties: false },
);

const RoundSummary = Type.Object({
  id: Uuid,
  unit_id: Uuid,
  unit_code: Type.String(),
  slot: Type.String(),
  state: Type.String({ description: ROUND_STATES.join(', ') }),
  attempts: Type.Integer(),
  expected: Type.Integer(),
  counted: Type.Integer(),
  difference: Type.Integer(),
  mismatched: Type.Integer(),
  balanced: Type.Boolean(),
  validated_by: Nullable(Type.String()),
  validated_at: Nullable(Type.String()),
});
export type RoundSummaryT = Static<typeof RoundSummary>;

export const CountDay = Type.Object({
  prison_id: Uuid,
  prison_code: Type.String(),
  prison_name: Type.String(),
  date: Type.String(),
  slots: Type.Array(Type.String()),
  units: Type.Array(Type.Object({ id: Uuid, code: Type.String(), name: Type.String() })),
  rounds: Type.Array(RoundSummary),
  unplaced: Type.Array(Person),
});
export type CountDayT = Static<typeof CountDay>;

// ---------------------------------------------------------------------------------------------- daily state

const Figures = {
  population_start: Type.Integer(),
  population_end: Type.Integer(),
  admissions: Type.Integer(),
  transfers_in: Type.Integer(),
  releases: Type.Integer(),
  transfers_out: Type.Integer(),
  escapes: Type.Integer(),
  deaths: Type.Integer(),
  total_in: Type.Integer(),
  total_out: Type.Integer(),
  computed_end: Type.Integer(),
  balanced: Type.Boolean(),
  by_status: Type.Record(Type.String(), Type.Integer()),
  out_on_escort: Type.Integer(),
};

export const DailyState = Type.Object({
  prison_id: Uuid,
  prison_code: Type.String(),
  prison_name: Type.String(),
  date: Type.String(),
  ...Figures,
  escorts: Type.Array(EscortView),
  rounds: Type.Array(RoundSummary),
});
export type DailyStateT = Static<typeof DailyState>;

export const NationalState = Type.Object({
  date: Type.String(),
  ...Figures,
  prisons: Type.Array(
    Type.Object({ prison_id: Uuid, prison_code: Type.String(), prison_name: Type.String(), ...Figures }),
  ),
});
export type NationalStateT = Static<typeof NationalState>;
