import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../http/context.js';
import { Nullable, Reason, Uuid } from '../../http/schemas.js';
import { listOpenings, OPENING_CATEGORIES, openFile, revokeOpening } from './service.js';

const Opening = Type.Object({
  id: Uuid,
  person_id: Uuid,
  from_prison_id: Uuid,
  to_prison_id: Uuid,
  kind: Type.Union([Type.Literal('readmission'), Type.Literal('decision')]),
  categories: Type.Array(Type.String()),
  admission_id: Nullable(Uuid),
  reason: Nullable(Type.String()),
  decided_by: Nullable(Type.String()),
  decided_at: Type.String(),
  revoked_at: Nullable(Type.String()),
  revoked_by: Nullable(Type.String()),
  revoke_reason: Nullable(Type.String()),
});
const IdParam = Type.Object({ id: Uuid });

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify registration functions are async
export async function sharingRoutes(app: App, { database }: AppContext): Promise<void> {
  const db = database.db;

  app.get(
    '/api/persons/:id/file-openings',
    {
      schema: {
        tags: ['people'],
        summary:
          "Openings of this person's data from one prison to another (re-admissions and decisions) that concern your prisons",
        params: IdParam,
        response: { 200: Type.Object({ items: Type.Array(Opening) }) },
      },
    },
    async (req) => ({ items: await listOpenings(db, req.actor!, req.params.id) }),
  );

  app.post(
    '/api/persons/:id/file-openings',
    {
      schema: {
        tags: ['people'],
        summary:
          "Open this person's data held by one prison to another prison (file.open: a director of the prison holding " +
          'the data, or the national administration); recorded with its reason. Restricted data still needs its own permission.',
        params: IdParam,
        body: Type.Object(
          {
            from_prison: Type.String({
              minLength: 2,
              maxLength: 64,
              description: 'prison id or code holding the data',
            }),
            to_prison: Type.String({ minLength: 2, maxLength: 64, description: 'prison id or code that may read it' }),
            categories: Type.Array(Type.Union(OPENING_CATEGORIES.map((c) => Type.Literal(c))), {
              minItems: 1,
              uniqueItems: true,
            }),
            reason: Reason,
          },
          { additionalProperties: false },
        ),
        response: { 201: Opening },
      },
    },
    async (req, reply) => reply.status(201).send(await openFile(db, req.actor!, req.params.id, req.body)),
  );

  app.post(
    '/api/file-openings/:id/revoke',
    {
      schema: {
        tags: ['people'],
        summary: 'End an opening (file.open, same authority); the opening and its revocation stay in the history',
        params: IdParam,
        body: Type.Object({ reason: Reason }, { additionalProperties: false }),
        response: { 200: Opening },
      },
    },
    async (req) => revokeOpening(db, req.actor!, req.params.id, req.body),
  );
}
