/** The custody API's request bodies: they validate requests, generate OpenAPI and type the service's inputs. */
import { Type } from '@sinclair/typebox';
import { DateTime, IsoDate, OneOf, Opt, Uuid } from '../../http/schemas.js';
import { PersonInput } from '../people/index.js';
import { CHARGE_CATEGORIES, DOCUMENT_KINDS } from './rules.js';

export const ChargeBody = Type.Object(
  {
    qualification: Type.String({ minLength: 1, maxLength: 500 }),
    legal_reference: Opt(Type.String({ maxLength: 200 })),
    category: OneOf(CHARGE_CATEGORIES),
    terrorism_related: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const Term = Type.Integer({ minimum: 0, maximum: 1200 });
const TermT = { years: Type.Optional(Term), months: Type.Optional(Term), days: Type.Optional(Term) };
/** A sentence as written in a judgment (conviction only): a term, or life, or death; a suspended part; a fine in CFA francs. */
export const DocumentSentenceT = Type.Object(
  {
    ...TermT,
    life: Type.Optional(Type.Boolean()),
    death: Type.Optional(Type.Boolean()),
    suspended: Type.Optional(Type.Object(TermT, { additionalProperties: false })),
    fine: Type.Optional(Type.Integer({ minimum: 0, maximum: 2_000_000_000 })),
  },
  { additionalProperties: false },
);
const documentFields = {
  kind: OneOf(DOCUMENT_KINDS),
  authority: Type.String({ minLength: 1, maxLength: 300 }),
  reference: Type.String({ minLength: 1, maxLength: 200 }),
  issued_on: IsoDate,
  notes: Opt(Type.String({ maxLength: 2000 })),
  attachment_id: Opt(Uuid),
  // A person admitted already convicted: the sentence of the judgment (the release date follows).
  sentence: Opt(DocumentSentenceT),
  sentence_start: Opt(IsoDate),
  case_ref: Opt(Type.String({ minLength: 1, maxLength: 100, description: 'the case number as written on the title' })),
};
/** The legal document on arrival (a warrant, a committal order, a judgment). */
export const LegalDocumentBody = Type.Object(documentFields, { additionalProperties: false });

/** The body of POST /api/admissions; the admission page parses its form with it too. */
export const AdmissionBody = Type.Object(
  {
    prison: Type.String({ minLength: 2, maxLength: 64, description: 'prison id or code' }),
    person_id: Type.Optional(Uuid),
    person: Type.Optional(PersonInput),
    admitted_at: Type.Optional(DateTime),
    arresting_authority: Type.String({ minLength: 1, maxLength: 64 }),
    arresting_unit: Opt(Type.String({ maxLength: 300 })),
    arrested_at: Opt(DateTime),
    arrest_place: Opt(Type.String({ maxLength: 300 })),
    legal_document: LegalDocumentBody,
    charges: Type.Array(ChargeBody, { minItems: 1, maxItems: 50 }),
    cell_id: Opt(Uuid),
    over_capacity_reason: Opt(
      Type.String({
        maxLength: 2000,
        description: 'Why a full cell is exceeded (the director, or an officer under the standing delegation)',
      }),
    ),
    override_reason: Opt(
      Type.String({
        maxLength: 2000,
        description: "The director's reason for placing the person in this cell against a refusal (housing.override)",
      }),
    ),
  },
  { additionalProperties: false },
);
