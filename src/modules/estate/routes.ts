import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../http/app.js';
import { IsoDate, Nullable, PrisonRef, Reason, Uuid } from '../../http/schemas.js';
import { PRISON_KINDS } from './rules.js';
import { createCell, createPrison, createUnit, getPrisonView, listPrisons, occupancyReport, updatePrison } from './service.js';

const Prison = Type.Object({
  id: Uuid, code: Type.String(), name: Type.String(), kind: Type.String(), region_code: Type.String(),
  official_capacity: Nullable(Type.Integer()), opened_on: Nullable(Type.String()),
});
const Occ = { population: Type.Integer(), capacity: Nullable(Type.Integer()), congestion_rate: Nullable(Type.Number()) };

export async function estateRoutes(app: App, { database }: AppContext): Promise<void> {
  const db = database.db;
  app.get('/api/prisons', { schema: { tags: ['estate'], summary: 'Prisons in your scope', response: { 200: Type.Object({ items: Type.Array(Prison) }) } } },
    async (req) => ({ items: await listPrisons(db, req.actor!) }));

  app.post('/api/prisons', {
    schema: {
      tags: ['estate'], summary: 'Create a prison (national administration)',
      body: Type.Object({
        code: Type.String({ pattern: '^[A-Z0-9]{2,8}$', maxLength: 8 }), name: Type.String({ minLength: 1, maxLength: 300 }),
        kind: Type.Union(PRISON_KINDS.map((k) => Type.Literal(k))), region_code: Type.String({ minLength: 1, maxLength: 64 }),
        official_capacity: Nullable(Type.Integer({ minimum: 0 })), opened_on: Type.Optional(Nullable(IsoDate)),
      }, { additionalProperties: false }),
      response: { 201: Prison },
    },
  }, async (req, reply) => reply.status(201).send(await createPrison(db, req.actor!, req.body)));

  app.get('/api/prisons/:prison', { schema: { tags: ['estate'], summary: 'One prison, by id or code', params: Type.Object({ prison: PrisonRef }), response: { 200: Prison } } },
    async (req) => getPrisonView(db, req.actor!, req.params.prison));

  app.patch('/api/prisons/:prison', {
    schema: {
      tags: ['estate'], summary: 'Change a prison (name, official capacity); kept in the history',
      params: Type.Object({ prison: PrisonRef }),
      body: Type.Object({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })), official_capacity: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))), reason: Reason }, { additionalProperties: false }),
      response: { 200: Prison },
    },
  }, async (req) => updatePrison(db, req.actor!, req.params.prison, req.body));

  app.post('/api/prisons/:prison/units', {
    schema: {
      tags: ['estate'], summary: 'Add a unit (quarter) to a prison',
      params: Type.Object({ prison: PrisonRef }),
      body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 32 }), name: Type.String({ minLength: 1, maxLength: 300 }), capacity: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))) }, { additionalProperties: false }),
    },
  }, async (req, reply) => {
    const u = await createUnit(db, req.actor!, req.params.prison, req.body);
    return reply.status(201).send({ id: u.id, prison_id: u.prisonId, code: u.code, name: u.name, capacity: u.capacity });
  });

  app.post('/api/prisons/:prison/cells', {
    schema: {
      tags: ['estate'], summary: 'Add a cell to a unit',
      params: Type.Object({ prison: PrisonRef }),
      body: Type.Object({ unit_id: Uuid, code: Type.String({ minLength: 1, maxLength: 32 }), capacity: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))), area_m2: Type.Optional(Nullable(Type.Number({ minimum: 0 }))) }, { additionalProperties: false }),
    },
  }, async (req, reply) => {
    const c = await createCell(db, req.actor!, req.params.prison, req.body);
    return reply.status(201).send({ id: c.id, prison_id: c.prisonId, unit_id: c.unitId, code: c.code, capacity: c.capacity });
  });

  app.get('/api/occupancy', {
    schema: {
      tags: ['estate'], summary: 'Occupancy and congestion per cell, unit, prison and nationally, today or at the end of a past day (Africa/Bamako)',
      querystring: Type.Object({ date: Type.Optional(IsoDate), prison: Type.Optional(PrisonRef) }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          as_of: Type.String(),
          national: Type.Object({ ...Occ, prisons: Type.Integer(), prisons_with_unknown_capacity: Type.Integer(), capacity_known_part: Type.Integer(), congestion_rate_known_part: Nullable(Type.Number()) }),
          prisons: Type.Array(Type.Object({
            id: Uuid, code: Type.String(), name: Type.String(), kind: Type.String(), region_code: Type.String(), ...Occ, unassigned: Type.Integer(),
            units: Type.Array(Type.Object({ id: Uuid, code: Type.String(), name: Type.String(), ...Occ, cells: Type.Array(Type.Object({ id: Uuid, code: Type.String(), ...Occ })) })),
          })),
        }),
      },
    },
  }, async (req) => occupancyReport(db, req.actor!, req.query));
}
