/** People routes of this module's own (the file's identity routes are served with custody's). */
import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../http/context.js';
import { IsoDate, Nullable, OneOf, Opt, Uuid } from '../../http/schemas.js';
import { ageAssessments, recordAgeAssessment } from './age.js';
import { AGE_METHODS, AGE_RESULTS } from './rules.js';

const IdParam = Type.Object({ id: Uuid });

export const AgeReading = Type.Object({
  treated_as_minor: Type.Boolean({ description: 'Treated as a minor on as_of, for separation and regime' }),
  assumed: Type.Boolean({
    description: 'True when the minority is assumed: the age is uncertain and no age assessment settles it',
  }),
  basis: Type.String({ description: 'birth_date | age_uncertain | age_unknown | assessment' }),
  as_of: Type.String(),
  assessed_on: Nullable(Type.String()),
  inconclusive: Type.Boolean(),
});

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify registration functions are async
export async function peopleRoutes(app: App, { database }: AppContext): Promise<void> {
  const db = database.db;
  app.post(
    '/api/persons/:id/age-assessments',
    {
      schema: {
        tags: ['people'],
        summary:
          'Record an age assessment (method, by whom, date, result, notes). Until one is recorded, a person who may be ' +
          'under 18 is treated as a minor (CRC General Comment 24).',
        params: IdParam,
        body: Type.Object(
          {
            method: OneOf(AGE_METHODS),
            assessed_by: Type.String({ minLength: 1, maxLength: 300 }),
            assessed_on: IsoDate,
            result: OneOf(AGE_RESULTS),
            minimum_age: Opt(
              Type.Integer({
                minimum: 0,
                maximum: 120,
                description: 'The lowest age the findings support on that day (required when the result is minor)',
              }),
            ),
            notes: Opt(Type.String({ maxLength: 4000 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Uuid, reading: AgeReading }) },
      },
    },
    async (req, reply) => reply.status(201).send(await recordAgeAssessment(db, req.actor!, req.params.id, req.body)),
  );
  app.get(
    '/api/persons/:id/age-assessments',
    {
      schema: {
        tags: ['people'],
        summary: "A person's age assessments (latest first) and whether they are treated as a minor today",
        params: IdParam,
        response: {
          200: Type.Object({
            reading: AgeReading,
            items: Type.Array(
              Type.Object({
                id: Uuid,
                method: Type.String(),
                assessed_by: Type.String(),
                assessed_on: Type.String(),
                result: Type.String(),
                minimum_age: Nullable(Type.Integer()),
                notes: Nullable(Type.String()),
                recorded_at: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => ageAssessments(db, req.actor!, req.params.id),
  );
}
