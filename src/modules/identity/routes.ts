import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../http/context.js';
import { Nullable, OneOf, Opt, Reason, Uuid } from '../../http/schemas.js';
import {
  type CandidateQuery,
  findCandidates,
  identityHistory,
  mergePersons,
  recordDecision,
  unmergePersons,
} from './service.js';

const Precision = OneOf(['exact', 'month', 'year', 'estimated', 'unknown'] as const);
/** A field sent as null is searched as blank (''), as the pages send it. */
const blank = <T>(v: T | null | undefined): T | '' | undefined => (v === null ? '' : v);
const queryFields = {
  family_name: Type.String({ maxLength: 200 }),
  given_names: Opt(Type.String({ maxLength: 200 })),
  father_name: Opt(Type.String({ maxLength: 200 })),
  mother_name: Opt(Type.String({ maxLength: 200 })),
  birth_date: Opt(
    Type.String({
      pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$',
      maxLength: 10,
      description: 'YYYY, YYYY-MM or YYYY-MM-DD (for estimated: the estimated year of birth)',
    }),
  ),
  birth_precision: Opt(Precision),
  birth_place: Opt(Type.String({ maxLength: 200 })),
  nina: Opt(Type.String({ maxLength: 40 })),
};
const Query = Type.Object(queryFields, { additionalProperties: false });

const ReasonOut = Type.Object({
  field: Type.String(),
  verdict: Type.String(),
  code: Type.String(),
  params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
  weight: Type.Number(),
  text: Type.String(),
});
const CandidateOut = Type.Object({
  person_id: Uuid,
  details: Type.Union([Type.Literal('full'), Type.Literal('minimal')], {
    description:
      'minimal: a person known only in other prisons — names, sex, year of birth, region, prisons and dates; ' +
      'parents, birth date and place, NINA and committal numbers withheld (decision 0006)',
  }),
  family_name: Type.String(),
  given_names: Type.String(),
  matched_name: Nullable(Type.Object({ family_name: Type.String(), given_names: Type.String(), kind: Type.String() })),
  sex: Type.String(),
  origin_region_code: Nullable(Type.String()),
  father_name: Nullable(Type.String()),
  mother_name: Nullable(Type.String()),
  birth: Type.Object({ date: Type.String(), precision: Type.String() }),
  birth_place: Nullable(Type.String()),
  nina: Nullable(Type.String()),
  registered_prison_id: Uuid,
  admissions: Type.Array(
    Type.Object({
      prison_id: Uuid,
      prison_name: Type.String(),
      committal_number: Nullable(Type.String()),
      admitted_at: Type.String(),
      ended_at: Nullable(Type.String()),
    }),
  ),
  score: Type.Number(),
  decision: Type.String(),
  reasons: Type.Array(ReasonOut),
});
const MergeOut = Type.Object({
  id: Uuid,
  survivor_id: Uuid,
  merged_id: Uuid,
  reason: Type.String(),
  score: Nullable(Type.Number()),
  moved: Type.Array(Type.Object({ table: Type.String(), column: Type.String(), ids: Type.Array(Type.String()) })),
  merged_by: Uuid,
  merged_at: Type.String(),
  undone_by: Nullable(Uuid),
  undone_at: Nullable(Type.String()),
  undo_reason: Nullable(Type.String()),
});

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify registration functions are async
export async function identityRoutes(app: App, { database }: AppContext): Promise<void> {
  const db = database.db;

  app.post(
    '/api/identity/candidates',
    {
      schema: {
        tags: ['identity'],
        summary:
          'Likely same people among everyone ever registered, ranked, with score and reasons field by field ' +
          '(identity.match); people known only in other prisons are shown minimally (decision 0006)',
        body: Type.Object(
          {
            ...queryFields,
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
            min_score: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ candidates: Type.Array(CandidateOut) }) },
      },
    },
    async (req) => {
      const { limit, min_score, ...q } = req.body;
      const query: CandidateQuery = {
        family_name: q.family_name,
        given_names: blank(q.given_names),
        father_name: blank(q.father_name),
        mother_name: blank(q.mother_name),
        birth_date: blank(q.birth_date),
        birth_precision: blank(q.birth_precision),
        birth_place: blank(q.birth_place),
        nina: blank(q.nina),
      };
      return {
        candidates: await findCandidates(db, req.actor!, query, { limit, minScore: min_score, lang: req.lang }),
      };
    },
  );

  app.post(
    '/api/identity/decisions',
    {
      schema: {
        tags: ['identity'],
        summary:
          "Record the clerk's decision at reception: an existing person (re-admission) or a new person (identity.match)",
        body: Type.Object(
          {
            prison_id: Uuid,
            decision: Type.Union([Type.Literal('existing_person'), Type.Literal('new_person')]),
            person_id: Opt(Uuid),
            admission_id: Opt(Uuid),
            query: Query,
            candidates: Type.Optional(
              Type.Array(Type.Object({ person_id: Uuid, score: Type.Number() }), { maxItems: 50 }),
            ),
            reason: Opt(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Uuid }) },
      },
    },
    async (req, reply) => reply.status(201).send(await recordDecision(db, req.actor!, req.body)),
  );

  app.post(
    '/api/identity/merges',
    {
      schema: {
        tags: ['identity'],
        summary: 'Merge two files found to be one person; both histories kept; undoable (identity.merge)',
        body: Type.Object({ survivor_id: Uuid, merged_id: Uuid, reason: Reason }, { additionalProperties: false }),
        response: { 201: MergeOut },
      },
    },
    async (req, reply) => reply.status(201).send(await mergePersons(db, req.actor!, req.body)),
  );

  app.post(
    '/api/identity/merges/:id/undo',
    {
      schema: {
        tags: ['identity'],
        summary: 'Undo a merge: the moved rows go back, the two files are separate again (identity.merge)',
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ reason: Reason }, { additionalProperties: false }),
        response: { 200: MergeOut },
      },
    },
    async (req) => unmergePersons(db, req.actor!, req.params.id, req.body),
  );

  app.get(
    '/api/identity/persons/:id',
    {
      schema: {
        tags: ['identity'],
        summary: "A person's identity history: merges and reception decisions",
        params: Type.Object({ id: Uuid }),
      },
    },
    async (req) => identityHistory(db, req.actor!, req.params.id),
  );
}
