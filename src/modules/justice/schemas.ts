/**
 * The justice chain's request bodies, as the API validates them. The pages parse their forms into the
 * same inputs with the same schemas (forms.ts), so a form and a JSON call accept and refuse alike.
 */
import { type Static, type TLiteral, Type } from '@sinclair/typebox';
import { DateTime, IsoDate, Opt, Reason, Uuid } from '../../http/schemas.js';
import { AUTHORITY_KINDS, HEARING_OUTCOMES, OFFENCE_CATEGORIES, RULE_CATEGORIES, TITLE_KINDS } from './rules.js';

/** A union of literals whose static type is the enum's (a bad value is a field error). */
export const lit = <T extends string>(xs: readonly T[]) => Type.Union(xs.map((x): TLiteral<T> => Type.Literal(x)));

const Count = Type.Integer({ minimum: 0, maximum: 1200 });
export const PeriodT = Type.Object(
  { years: Type.Optional(Count), months: Type.Optional(Count), days: Type.Optional(Count) },
  { additionalProperties: false },
);
export const SentenceT = Type.Object(
  {
    years: Type.Optional(Count),
    months: Type.Optional(Count),
    days: Type.Optional(Count),
    life: Type.Optional(Type.Boolean()),
    death: Type.Optional(Type.Boolean()),
    suspended: Type.Optional(PeriodT),
    fine: Type.Optional(Type.Integer({ minimum: 0, maximum: 2_000_000_000, description: 'CFA francs' })),
  },
  { additionalProperties: false, description: 'a term, or life, or death; the suspended part (sursis) and a fine' },
);
export const TitleFields = {
  kind: lit(TITLE_KINDS),
  authority_kind: lit(AUTHORITY_KINDS),
  authority: Type.String({
    minLength: 1,
    maxLength: 300,
    description: 'the issuing court or authority as written on the title',
  }),
  jurisdiction: Opt(Type.String({ maxLength: 64, description: 'jurisdiction id or code (partners: their own)' })),
  reference: Type.String({ minLength: 1, maxLength: 200 }),
  issued_on: IsoDate,
  offence_category: Opt(lit(OFFENCE_CATEGORIES)),
  effective_from: Opt(IsoDate),
  valid_until: Opt(IsoDate),
  period: Opt(PeriodT),
  sentence: Opt(SentenceT),
  sentence_start: Opt(IsoDate),
  remand_credit_days: Opt(Type.Integer({ minimum: 0 })),
  reduction: Opt(PeriodT),
  pardon_scope: Opt(lit(['full', 'partial'] as const)),
  attachment_id: Opt(Uuid),
  notes: Opt(Type.String({ maxLength: 2000 })),
  case_ref: Opt(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description:
        'the case number as written: titles of one case share it (remand credit is counted for its own case only)',
    }),
  ),
  sentence_relation: Opt(lit(['consecutive', 'concurrent'] as const)),
  related_to_id: Opt(
    Type.String({
      format: 'uuid',
      description:
        'convictions: the conviction this sentence runs consecutively to, or concurrently with (confusion ordered by a court)',
    }),
  ),
  final_on: Opt(IsoDate),
  applies_to_id: Opt(
    Type.String({ format: 'uuid', description: 'remissions, pardons, appeals: the conviction they name' }),
  ),
  commuted_to: Opt(PeriodT),
};
/** POST /api/justice/admissions/:id/titles */
export const TitleBody = Type.Object(TitleFields, { additionalProperties: false });
export type TitleBodyInput = Static<typeof TitleBody>;
export const TitleChanges = Type.Partial(Type.Object(TitleFields), { additionalProperties: false });
/** POST /api/justice/titles/:id/corrections */
export const TitleCorrectionBody = Type.Object(
  { changes: TitleChanges, reason: Reason },
  { additionalProperties: false },
);
export type TitleCorrection = Static<typeof TitleCorrectionBody>;
/** POST /api/justice/titles/:id/withdrawal */
export const TitleWithdrawalBody = Type.Object({ reason: Reason }, { additionalProperties: false });

export const HearingFields = {
  court: Type.String({ minLength: 1, maxLength: 300 }),
  scheduled_at: DateTime,
  purpose: Opt(Type.String({ maxLength: 500 })),
  production_order_ref: Opt(Type.String({ maxLength: 200 })),
  ordered_by: Opt(Type.String({ maxLength: 300 })),
  escort_unit: Opt(Type.String({ maxLength: 300 })),
  escort_leader: Opt(Type.String({ maxLength: 300 })),
  escort_size: Opt(Type.Integer({ minimum: 0, maximum: 200 })),
  vehicle: Opt(Type.String({ maxLength: 200 })),
};
/** POST /api/justice/admissions/:id/hearings */
export const HearingBody = Type.Object(
  { ...HearingFields, jurisdiction: Opt(Type.String({ maxLength: 64 })) },
  { additionalProperties: false },
);
export type HearingBodyInput = Static<typeof HearingBody>;
/** POST /api/justice/hearings/:id/outcome */
export const HearingOutcomeBody = Type.Object(
  {
    outcome: lit(HEARING_OUTCOMES),
    notes: Opt(Type.String({ maxLength: 2000 })),
    next_date: Opt(IsoDate),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type HearingOutcomeInput = Static<typeof HearingOutcomeBody>;
/** PATCH /api/justice/hearings/:id */
export const HearingChangeBody = Type.Object(
  {
    changes: Type.Partial(Type.Object(HearingFields), { additionalProperties: false }),
    reason: Reason,
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

/** A pre-trial limit rule (the administrator's table; the history keeps the old values). */
const RuleFields = {
  category: lit(RULE_CATEGORIES),
  legal_basis: Type.String({ minLength: 1, maxLength: 500 }),
  effective_from: IsoDate,
  effective_to: Opt(IsoDate),
  initial: PeriodT,
  renewal: Opt(PeriodT),
  max_renewals: Opt(Type.Integer({ minimum: 0, maximum: 100 })),
  absolute_max: Opt(PeriodT),
  renewal_window_working_days: Opt(Type.Integer({ minimum: 1, maximum: 100 })),
  to_confirm: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 })),
  source: Type.String({ minLength: 1, maxLength: 2000 }),
};
export const RuleBody = Type.Object(
  { code: Type.String({ minLength: 2, maxLength: 64, pattern: '^[a-z0-9._-]+$' }), ...RuleFields },
  { additionalProperties: false },
);
export type RuleInput = Static<typeof RuleBody>;
export const RuleChangeBody = Type.Object(
  {
    changes: Type.Partial(Type.Object(RuleFields), { additionalProperties: false }),
    reason: Reason,
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type RuleChange = Static<typeof RuleChangeBody>;
