/**
 * The announced arrivals' inputs and outputs, as the API validates them (OpenAPI tag `chain`). The
 * pages parse their forms into the same types with the same schemas.
 */
import { type Static, Type } from '@sinclair/typebox';
import { IsoDate, Nullable, OneOf, Opt, PrisonRef, Uuid } from '../../../http/schemas.js';
import { BIRTH_PRECISIONS, LEGAL_BASES, SEXES, STATUSES } from './rules.js';

const Text = (max: number, description?: string) =>
  Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });

export const NewAnnouncementBody = Type.Object(
  {
    unit: Opt(
      Type.String({
        maxLength: 64,
        description: "The announcing unit's code (optional when the officer has one unit)",
      }),
    ),
    prison: PrisonRef,
    family_name: Text(200, 'The family name as known to the force'),
    given_names: Opt(Type.String({ maxLength: 200 })),
    sex: Opt(OneOf(SEXES)),
    birth_precision: OneOf(BIRTH_PRECISIONS, { description: 'How precise the birth date is' }),
    birth_date: Opt(Type.String({ maxLength: 10, description: 'YYYY-MM-DD, YYYY-MM or YYYY, as precise as it says' })),
    estimated_age: Opt(Type.Integer({ minimum: 0, maximum: 120, description: 'When the precision is estimated' })),
    from_place: Text(300, 'Where the person is held now (brigade, camp, service)'),
    expected_on: IsoDate,
    legal_basis: OneOf(LEGAL_BASES),
    legal_reference: Opt(
      Type.String({ maxLength: 200, description: 'Reference of the order, warrant or custody record' }),
    ),
    jurisdiction: Opt(
      Type.String({ maxLength: 64, description: "The competent prosecutor's office (jurisdiction code)" }),
    ),
    charge: Opt(Type.String({ maxLength: 500, description: 'What the person is accused of' })),
    terrorism_related: Type.Optional(Type.Boolean()),
    information: Opt(Type.String({ maxLength: 4000, description: 'The information that will travel with the person' })),
    evidence: Opt(
      Type.String({
        maxLength: 4000,
        description: 'The evidence that will travel with the person or go to the prosecutor',
      }),
    ),
  },
  { additionalProperties: false },
);
export type NewAnnouncement = Static<typeof NewAnnouncementBody>;

export const IdParam = Type.Object({ id: Uuid });
export const CodeParam = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });
export const ListQuery = Type.Object(
  {
    prison: Type.Optional(PrisonRef),
    status: Type.Optional(OneOf(STATUSES)),
  },
  { additionalProperties: false },
);
export const FiguresQuery = Type.Object(
  {
    prison: Type.Optional(PrisonRef),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

export const DocumentView = Type.Object({
  id: Uuid,
  title: Type.String(),
  source: Type.String(),
  filename: Nullable(Type.String()),
  content_type: Nullable(Type.String()),
  size_bytes: Nullable(Type.Integer()),
  created_at: Type.String(),
});
export type DocumentViewT = Static<typeof DocumentView>;

export const AnnouncementView = Type.Object({
  id: Uuid,
  status: Type.String({ description: 'announced, received or cancelled' }),
  prison_id: Uuid,
  prison_code: Type.String(),
  prison_name: Type.String(),
  unit_code: Type.String(),
  unit_name: Type.String(),
  authority: Type.String(),
  family_name: Type.String(),
  given_names: Nullable(Type.String()),
  sex: Nullable(Type.String()),
  birth_precision: Type.String(),
  birth_date: Nullable(Type.String()),
  estimated_age: Nullable(Type.Integer()),
  from_place: Type.String(),
  expected_on: Type.String(),
  legal_basis: Type.String(),
  legal_reference: Nullable(Type.String()),
  jurisdiction_id: Nullable(Uuid),
  jurisdiction_name: Nullable(Type.String()),
  charge: Nullable(Type.String()),
  terrorism_related: Type.Boolean(),
  information: Nullable(Type.String()),
  evidence: Nullable(Type.String()),
  reception_id: Nullable(Uuid),
  admission_id: Nullable(Uuid),
  received_at: Nullable(Type.String()),
  created_at: Type.String(),
  missing: Type.Array(Type.String()),
  document_count: Type.Integer(),
  /** Only for those who may read them (the case's prosecutor, the Pôle's magistrates, the announcing unit). */
  documents: Nullable(Type.Array(DocumentView)),
});
export type AnnouncementViewT = Static<typeof AnnouncementView>;
export const AnnouncementList = Type.Object({ items: Type.Array(AnnouncementView) });

export const ReceivedReply = Type.Object({ announcement_id: Uuid, reception_id: Uuid });

export const NothingSharedRowView = Type.Object({
  authority: Type.String(),
  authority_label: Type.String(),
  month: Type.String(),
  arrivals: Type.Integer(),
  unannounced: Type.Integer(),
  announced_without_information: Type.Integer(),
  nothing_shared: Type.Integer(),
});
export const NothingSharedReply = Type.Object({
  from: Type.String(),
  to: Type.String(),
  prison: Nullable(Type.String()),
  rows: Type.Array(NothingSharedRowView),
});

export const ForceFigures = Type.Object({
  authority: Type.String(),
  authority_label: Type.String(),
  announced: Type.Integer(),
  received: Type.Integer(),
  awaiting: Type.Integer(),
  with_missing_information: Type.Integer(),
});
/** What the custody part (custody stages before prison) answers, once it is there. */
export const CustodyFigures = Type.Object({
  held_without_charge: Type.Integer(),
  custody_limit_breaches: Type.Integer(),
});
export const PartnerReply = Type.Object({
  scope: Type.String(),
  jurisdictions: Type.Array(Type.String()),
  announced: Type.Integer(),
  received: Type.Integer(),
  awaiting: Type.Integer(),
  by_force: Type.Array(ForceFigures),
  cases: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      authority: Type.String(),
      unit_name: Type.String(),
      prison_code: Type.String(),
      status: Type.String({ description: 'announced, received or cancelled' }),
      expected_on: Type.String(),
      charge: Nullable(Type.String()),
      missing: Type.Array(Type.String()),
      document_count: Type.Integer(),
    }),
  ),
  /** Null until the custody part of the chain module provides its figures (custody-hook.ts). */
  custody: Nullable(CustodyFigures),
});
export type PartnerReplyT = Static<typeof PartnerReply>;

export const NewUnitBody = Type.Object(
  {
    code: Type.String({ minLength: 2, maxLength: 32, pattern: '^[A-Za-z0-9_-]{2,32}$' }),
    authority: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'A code of the reference list arresting_authority',
    }),
    name: Text(200),
    place: Opt(Type.String({ maxLength: 200 })),
    region_code: Opt(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type NewUnit = Static<typeof NewUnitBody>;
export const UnitView = Type.Object({
  id: Uuid,
  code: Type.String(),
  authority: Type.String(),
  name: Type.String(),
  place: Nullable(Type.String()),
  region_code: Nullable(Type.String()),
});
export type UnitViewT = Static<typeof UnitView>;
export const UnitList = Type.Object({ items: Type.Array(UnitView) });
export const MemberBody = Type.Object(
  { user: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
export const MemberReply = Type.Object({ user_id: Uuid, unit_id: Uuid });
