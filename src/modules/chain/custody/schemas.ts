/**
 * The custody-before-prison API's inputs and outputs, as the API validates them. The pages parse
 * their forms into the same types with the same schemas.
 */
import { type Static, Type } from '@sinclair/typebox';
import { DateTime, IsoDate, Nullable, OneOf, Opt, PrisonRef, Reason, Uuid } from '../../../http/schemas.js';
import { LEGAL_BASES, LIMIT_CATEGORIES, PLACE_KINDS } from './rules.js';

const stageFields = {
  force: Type.String({
    minLength: 1,
    maxLength: 64,
    description: 'The arresting or holding force: a code of the reference list arresting_authority',
  }),
  unit: Opt(Type.String({ maxLength: 200, description: 'The unit (brigade, commissariat, battalion) as written' })),
  place_kind: OneOf(PLACE_KINDS),
  place_name: Opt(Type.String({ maxLength: 200, description: 'The place as written (e.g. Brigade de Sévaré)' })),
  from_at: DateTime,
  to_at: Opt(DateTime),
  legal_basis: OneOf(LEGAL_BASES),
  extensions: Opt(Type.Integer({ minimum: 0, maximum: 10, description: 'Extensions of the garde à vue granted' })),
  extension_reference: Opt(Type.String({ maxLength: 200, description: 'Who granted the extensions, reference' })),
  terrorism: Opt(Type.Boolean({ description: 'Held for a terrorism-related offence (the longer limits apply)' })),
  document_reference: Opt(
    Type.String({ maxLength: 200, description: 'The document brought (procès-verbal) and its number' }),
  ),
  prosecutor_jurisdiction_id: Opt(
    Type.String({
      format: 'uuid',
      description: "The competent prosecutor's office (a jurisdiction of the justice module)",
    }),
  ),
  notes: Opt(Type.String({ maxLength: 2000 })),
};

export const StageBody = Type.Object(stageFields, { additionalProperties: false });
export type StageInput = Static<typeof StageBody>;

export const StageCorrectionBody = Type.Object({ ...stageFields, reason: Reason }, { additionalProperties: false });
export type StageCorrection = Static<typeof StageCorrectionBody>;

export const IdParam = Type.Object({ id: Uuid });
export const PrisonQuery = Type.Object({ prison: Type.Optional(PrisonRef) }, { additionalProperties: false });

const StageFieldsView = {
  id: Uuid,
  force: Type.String(),
  force_label: Type.String(),
  unit: Nullable(Type.String()),
  place_kind: Type.String(),
  place_label: Type.String(),
  place_name: Nullable(Type.String()),
  from_at: Type.String(),
  to_at: Nullable(Type.String()),
  legal_basis: Type.String(),
  basis_label: Type.String(),
  extensions: Type.Integer(),
  extension_reference: Nullable(Type.String()),
  terrorism: Type.Boolean(),
  document_reference: Nullable(Type.String()),
  prosecutor_jurisdiction_id: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  correction_reason: Nullable(Type.String()),
  created_at: Type.String(),
};
export const StageVersionView = Type.Object(StageFieldsView);
export const StageView = Type.Object({
  ...StageFieldsView,
  /** The versions it corrected, the most recent first: the old values kept. */
  previous: Type.Array(StageVersionView),
});
export type StageViewT = Static<typeof StageView>;

export const EvaluationView = Type.Object({
  category: Type.String({ description: 'ordinary | terrorism' }),
  counted_minutes: Type.Integer(),
  limit_minutes: Nullable(Type.Integer()),
  over_minutes: Type.Integer(),
  over: Type.Boolean({ description: 'Police custody past its legal limit (with its extensions)' }),
  extensions_granted: Type.Integer(),
  extensions_beyond_rule: Type.Boolean(),
  first_day: Nullable(IsoDate),
  credited_from: Nullable(IsoDate),
  rule_source: Nullable(Type.String()),
  rule_to_confirm: Type.Boolean(),
  text: Type.String({ description: 'What the evaluation says, in the reader’s language' }),
});

export const WithoutChargeView = Type.Object({
  alert: Type.Boolean(),
  charged: Type.Boolean(),
  due_at: Type.String(),
  hours_over: Type.Integer(),
});

export const ChainView = Type.Object({
  admission_id: Uuid,
  person_id: Uuid,
  prison_id: Uuid,
  committal_number: Type.String(),
  admitted_at: Type.String(),
  ended: Type.Boolean(),
  stages: Type.Array(StageView),
  evaluation: EvaluationView,
  without_charge: WithoutChargeView,
});
export type ChainViewT = Static<typeof ChainView>;

export const BreachItem = Type.Object({
  admission_id: Uuid,
  person_id: Uuid,
  prison_id: Uuid,
  committal_number: Type.String(),
  person_name: Type.String(),
  force: Type.String(),
  force_label: Type.String(),
  category: Type.String(),
  over_minutes: Type.Integer(),
  limit_minutes: Nullable(Type.Integer()),
});
export const BreachReply = Type.Object({
  count: Type.Integer({ description: 'Arrivals whose police custody went past its legal limit' }),
  by_force: Type.Record(Type.String(), Type.Integer()),
  items: Type.Array(BreachItem),
});
export type BreachReplyT = Static<typeof BreachReply>;

export const WithoutChargeItem = Type.Object({
  admission_id: Uuid,
  person_id: Uuid,
  prison_id: Uuid,
  committal_number: Type.String(),
  person_name: Type.String(),
  admitted_at: Type.String(),
  hours_over: Type.Integer(),
  prosecutor_jurisdiction_id: Nullable(Type.String()),
  label: Type.String(),
  action: Type.String(),
});
export const WithoutChargeReply = Type.Object({
  count: Type.Integer(),
  threshold_hours: Type.Integer(),
  items: Type.Array(WithoutChargeItem),
});
export type WithoutChargeReplyT = Static<typeof WithoutChargeReply>;

export const RuleView = Type.Object({
  id: Uuid,
  category: Type.String(),
  effective_from: IsoDate,
  initial_hours: Type.Integer(),
  extension_hours: Type.Integer(),
  max_extensions: Type.Integer(),
  source: Type.String(),
  to_confirm: Type.Boolean(),
  version: Type.Integer(),
});
export const RuleBody = Type.Object(
  {
    category: OneOf(LIMIT_CATEGORIES),
    effective_from: IsoDate,
    initial_hours: Type.Integer({ minimum: 1, maximum: 720 }),
    extension_hours: Type.Integer({ minimum: 0, maximum: 720 }),
    max_extensions: Type.Integer({ minimum: 0, maximum: 10 }),
    source: Type.String({ minLength: 1, maxLength: 1000, description: 'The law and article, or "assumed"' }),
    to_confirm: Type.Boolean(),
    reason: Reason,
  },
  { additionalProperties: false },
);
export type RuleInput = Static<typeof RuleBody>;

export const SettingsView = Type.Object({
  without_charge_hours: Type.Integer(),
  credit_custody: Type.Boolean(),
});
export const SettingsBody = Type.Object(
  {
    without_charge_hours: Type.Integer({ minimum: 1, maximum: 8760 }),
    credit_custody: Type.Boolean(),
    reason: Reason,
  },
  { additionalProperties: false },
);
export type SettingsInput = Static<typeof SettingsBody>;
