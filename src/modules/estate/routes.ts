import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../http/context.js';
import { IsoDate, Nullable, PrisonRef, Reason, Uuid } from '../../http/schemas.js';
import { PRISON_KINDS, PRISON_STATUSES } from './rules.js';
import {
  createCell,
  createPrison,
  createUnit,
  estateHistory,
  getPrisonView,
  listPrisons,
  occupancyReport,
  recordCapacity,
  recordStatus,
  updatePrison,
} from './service.js';

const Prison = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  region_code: Type.String(),
  official_capacity: Nullable(
    Type.Integer({
      description: 'The official capacity in force today (dated: GET /api/prisons/{prison}/estate-history)',
    }),
  ),
  status: Type.String({ description: 'In force today: open, closed, destroyed, under_reconstruction' }),
  opened_on: Nullable(Type.String()),
});
const Occ = {
  population: Type.Integer(),
  capacity: Nullable(Type.Integer({ description: 'Places available on the date (a prison not open offers none)' })),
  occupancy_rate: Nullable(
    Type.Number({
      description:
        'Occupancy rate ("taux d\'occupation"): population ÷ capacity × 100; null when the capacity is unknown',
    }),
  ),
  over_capacity: Nullable(
    Type.Integer({ description: 'Overcrowding ("surpopulation"): people held beyond the capacity, 0 within it' }),
  ),
  congestion_rate: Nullable(
    Type.Number({ deprecated: true, description: 'Deprecated: the same value as occupancy_rate' }),
  ),
};

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify registration functions are async
export async function estateRoutes(app: App, { database }: AppContext): Promise<void> {
  const db = database.db;
  app.get(
    '/api/prisons',
    {
      schema: {
        tags: ['estate'],
        summary: 'Prisons in your scope',
        response: { 200: Type.Object({ items: Type.Array(Prison) }) },
      },
    },
    async (req) => ({ items: await listPrisons(db, req.actor!) }),
  );

  app.post(
    '/api/prisons',
    {
      schema: {
        tags: ['estate'],
        summary: 'Create a prison (national administration)',
        body: Type.Object(
          {
            code: Type.String({ pattern: '^[A-Z0-9]{2,8}$', maxLength: 8 }),
            name: Type.String({ minLength: 1, maxLength: 300 }),
            kind: Type.Union(PRISON_KINDS.map((k) => Type.Literal(k))),
            region_code: Type.String({ minLength: 1, maxLength: 64 }),
            official_capacity: Nullable(Type.Integer({ minimum: 0 })),
            opened_on: Type.Optional(Nullable(IsoDate)),
          },
          { additionalProperties: false },
        ),
        response: { 201: Prison },
      },
    },
    async (req, reply) => reply.status(201).send(await createPrison(db, req.actor, req.body)),
  );

  app.get(
    '/api/prisons/:prison',
    {
      schema: {
        tags: ['estate'],
        summary: 'One prison, by id or code',
        params: Type.Object({ prison: PrisonRef }),
        response: { 200: Prison },
      },
    },
    async (req) => getPrisonView(db, req.actor!, req.params.prison),
  );

  app.patch(
    '/api/prisons/:prison',
    {
      schema: {
        tags: ['estate'],
        summary: 'Change a prison (name; official capacity from today, as a dated change); kept in the history',
        params: Type.Object({ prison: PrisonRef }),
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
            official_capacity: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
            reason: Reason,
          },
          { additionalProperties: false },
        ),
        response: { 200: Prison },
      },
    },
    async (req) => updatePrison(db, req.actor!, req.params.prison, req.body),
  );

  const Dated = {
    effective_from: Nullable(Type.String()),
    reason: Type.String(),
    source: Nullable(Type.String()),
    recorded_by: Nullable(Type.String()),
    recorded_at: Type.String(),
  };
  app.get(
    '/api/prisons/:prison/estate-history',
    {
      schema: {
        tags: ['estate'],
        summary:
          "The prison's dated official capacities and statuses, latest effective first (effective_from null: since " +
          "before the registry's records, assumed)",
        params: Type.Object({ prison: PrisonRef }),
        response: {
          200: Type.Object({
            prison: Prison,
            capacity: Type.Array(Type.Object({ id: Uuid, official_capacity: Nullable(Type.Integer()), ...Dated })),
            status: Type.Array(Type.Object({ id: Uuid, status: Type.String(), ...Dated })),
          }),
        },
      },
    },
    async (req) => estateHistory(db, req.actor!, req.params.prison),
  );
  const DatedBody = {
    effective_from: IsoDate,
    reason: Reason,
    source: Type.Optional(
      Nullable(
        Type.String({ maxLength: 500, description: 'Where the figure comes from (decree, inspection report, …)' }),
      ),
    ),
  };
  app.post(
    '/api/prisons/:prison/capacity',
    {
      schema: {
        tags: ['estate'],
        summary:
          'Record the official capacity in force from a date (never in the future); past occupancy keeps the capacity then in force',
        params: Type.Object({ prison: PrisonRef }),
        body: Type.Object(
          { official_capacity: Nullable(Type.Integer({ minimum: 0 })), ...DatedBody },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Uuid, prison: Prison }) },
      },
    },
    async (req, reply) => reply.status(201).send(await recordCapacity(db, req.actor!, req.params.prison, req.body)),
  );
  app.post(
    '/api/prisons/:prison/status',
    {
      schema: {
        tags: ['estate'],
        summary:
          "Record the prison's status from a date: open, closed, destroyed, under reconstruction (a prison not open offers no places)",
        params: Type.Object({ prison: PrisonRef }),
        body: Type.Object(
          { status: Type.Union(PRISON_STATUSES.map((x) => Type.Literal(x))), ...DatedBody },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Uuid, prison: Prison }) },
      },
    },
    async (req, reply) => reply.status(201).send(await recordStatus(db, req.actor!, req.params.prison, req.body)),
  );
  app.post(
    '/api/prisons/:prison/units',
    {
      schema: {
        tags: ['estate'],
        summary: 'Add a unit (quarter) to a prison',
        params: Type.Object({ prison: PrisonRef }),
        body: Type.Object(
          {
            code: Type.String({ minLength: 1, maxLength: 32 }),
            name: Type.String({ minLength: 1, maxLength: 300 }),
            capacity: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      const u = await createUnit(db, req.actor, req.params.prison, req.body);
      return reply
        .status(201)
        .send({ id: u.id, prison_id: u.prisonId, code: u.code, name: u.name, capacity: u.capacity });
    },
  );

  app.post(
    '/api/prisons/:prison/cells',
    {
      schema: {
        tags: ['estate'],
        summary: 'Add a cell to a unit',
        params: Type.Object({ prison: PrisonRef }),
        body: Type.Object(
          {
            unit_id: Uuid,
            code: Type.String({ minLength: 1, maxLength: 32 }),
            capacity: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
            area_m2: Type.Optional(Nullable(Type.Number({ minimum: 0 }))),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      const c = await createCell(db, req.actor, req.params.prison, req.body);
      return reply
        .status(201)
        .send({ id: c.id, prison_id: c.prisonId, unit_id: c.unitId, code: c.code, capacity: c.capacity });
    },
  );

  app.get(
    '/api/occupancy',
    {
      schema: {
        tags: ['estate'],
        summary:
          'Occupancy rate per cell, unit, prison and nationally, today or at the end of a past day (Africa/Bamako), ' +
          'with the official capacity and status in force on that day',
        querystring: Type.Object(
          { date: Type.Optional(IsoDate), prison: Type.Optional(PrisonRef) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            as_of: Type.String(),
            national: Type.Object({
              ...Occ,
              prisons: Type.Integer(),
              prisons_with_unknown_capacity: Type.Integer(),
              capacity_known_part: Type.Integer(),
              occupancy_rate_known_part: Nullable(Type.Number()),
              congestion_rate_known_part: Nullable(Type.Number({ deprecated: true })),
            }),
            prisons: Type.Array(
              Type.Object({
                id: Uuid,
                code: Type.String(),
                name: Type.String(),
                kind: Type.String(),
                region_code: Type.String(),
                ...Occ,
                official_capacity: Nullable(Type.Integer()),
                status: Type.String(),
                unassigned: Type.Integer(),
                units: Type.Array(
                  Type.Object({
                    id: Uuid,
                    code: Type.String(),
                    name: Type.String(),
                    ...Occ,
                    cells: Type.Array(Type.Object({ id: Uuid, code: Type.String(), ...Occ })),
                  }),
                ),
              }),
            ),
          }),
        },
      },
    },
    async (req) => occupancyReport(db, req.actor!, req.query),
  );
}
