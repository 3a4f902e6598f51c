/** The API of escorts, counts and the daily state (OpenAPI tag `movements`). */
import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../../http/context.js';
import { PrisonRef } from '../../../http/schemas.js';
import { dailyState, nationalState } from './daily.js';
import { escortBoard, getEscort, recordEscort, recordEscortBack } from './escorts.js';
import {
  CountDay,
  CountRoundView,
  CountSheetQuery,
  DailyState,
  DayQuery,
  EscortBackBody,
  EscortBoard,
  EscortView,
  IdParam,
  NationalQuery,
  NationalState,
  NewCountBody,
  NewEscortBody,
  RecountBody,
  SlotsBody,
  ValidateBody,
} from './schemas.js';
import {
  countDay,
  countSheet,
  getCountSlots,
  getRound,
  putCountSlots,
  recount,
  startCount,
  validateCount,
} from './service.js';

const tags = ['movements'];
const Slots = Type.Object({ slots: Type.Array(Type.String()) });

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify registration functions are async
export async function countRoutes(app: App, { database }: AppContext): Promise<void> {
  const db = database.db;

  app.get(
    '/api/movements/escorts',
    {
      schema: {
        tags,
        summary:
          "A prison's escorts for a day: who is out (overdue first), who came back, and the day's court productions " +
          '(hearings with production orders, from the justice chain) with their escort once recorded',
        querystring: DayQuery,
        response: { 200: EscortBoard },
      },
    },
    async (req) => escortBoard(db, req.actor!, req.query.prison, req.query.date),
  );
  app.post(
    '/api/movements/escorts',
    {
      schema: {
        tags,
        summary:
          'A detainee leaves under escort (court, hospital, funeral, family visit, other): still admitted, counted ' +
          '"out" at the roll call until back',
        body: NewEscortBody,
        response: { 201: EscortView },
      },
    },
    async (req, reply) => reply.status(201).send(await recordEscort(db, req.actor!, req.body)),
  );
  app.get(
    '/api/movements/escorts/:id',
    { schema: { tags, summary: 'One escort', params: IdParam, response: { 200: EscortView } } },
    async (req) => getEscort(db, req.actor!, req.params.id),
  );
  app.post(
    '/api/movements/escorts/:id/back',
    {
      schema: {
        tags,
        summary: 'The detainee is back from the escort (now, or at back_at)',
        params: IdParam,
        body: EscortBackBody,
        response: { 200: EscortView },
      },
    },
    async (req) => recordEscortBack(db, req.actor!, req.params.id, req.body),
  );

  app.get(
    '/api/movements/counts',
    {
      schema: {
        tags,
        summary: "A prison's counts of a day: units, count times, rounds with their results, people placed in no unit",
        querystring: DayQuery,
        response: { 200: CountDay },
      },
    },
    async (req) => countDay(db, req.actor!, req.query.prison, req.query.date),
  );
  app.get(
    '/api/movements/counts/sheet',
    {
      schema: {
        tags,
        summary:
          "A unit's count sheet for a count time today: what the registry expects per cell (open placements minus " +
          'people out on escort), or the round if already begun',
        querystring: CountSheetQuery,
        response: { 200: CountRoundView },
      },
    },
    async (req) => countSheet(db, req.actor!, req.query.unit, req.query.slot),
  );
  app.post(
    '/api/movements/counts',
    {
      schema: {
        tags,
        summary:
          "The first count of a unit at a count time: every cell's figure; the answer shows each cell's discrepancy",
        body: NewCountBody,
        response: { 201: CountRoundView },
      },
    },
    async (req, reply) => reply.status(201).send(await startCount(db, req.actor!, req.body)),
  );
  app.get(
    '/api/movements/counts/:id',
    {
      schema: {
        tags,
        summary: 'A count round, every attempt kept',
        params: IdParam,
        response: { 200: CountRoundView },
      },
    },
    async (req) => getRound(db, req.actor!, req.params.id),
  );
  app.post(
    '/api/movements/counts/:id/recount',
    {
      schema: {
        tags,
        summary: 'A recount of some cells: new figures kept beside the first ones, the latest decides',
        params: IdParam,
        body: RecountBody,
        response: { 200: CountRoundView },
      },
    },
    async (req) => recount(db, req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/movements/counts/:id/validate',
    {
      schema: {
        tags,
        summary: 'Close the count (the officer signed in); a discrepancy still there needs its explanation (note)',
        params: IdParam,
        body: ValidateBody,
        response: { 200: CountRoundView },
      },
    },
    async (req) => validateCount(db, req.actor!, req.params.id, req.body),
  );
  app.get(
    '/api/movements/count-slots',
    {
      schema: {
        tags,
        summary: "A prison's count times, in order (morning, noon, evening unless configured)",
        querystring: Type.Object({ prison: PrisonRef }, { additionalProperties: false }),
        response: { 200: Slots },
      },
    },
    async (req) => ({ slots: await getCountSlots(db, req.actor!, req.query.prison) }),
  );
  app.put(
    '/api/movements/count-slots',
    {
      schema: {
        tags,
        summary: "Set a prison's count times (national administration)",
        querystring: Type.Object({ prison: PrisonRef }, { additionalProperties: false }),
        body: SlotsBody,
        response: { 200: Slots },
      },
    },
    async (req) => ({ slots: await putCountSlots(db, req.actor!, req.query.prison, req.body.slots) }),
  );

  app.get(
    '/api/movements/daily-state',
    {
      schema: {
        tags,
        summary:
          'The daily state of a prison for a Bamako day: population at start and end, admissions, transfers in and ' +
          'out, releases, escapes, deaths, population by legal status, out on escort, the counts of the day',
        querystring: DayQuery,
        response: { 200: DailyState },
      },
    },
    async (req) => dailyState(db, req.actor!, req.query.prison, req.query.date),
  );
  app.get(
    '/api/movements/daily-state/national',
    {
      schema: {
        tags,
        summary: "The daily state of every prison in the caller's scope, and their sum (national administration)",
        querystring: NationalQuery,
        response: { 200: NationalState },
      },
    },
    async (req) => nationalState(db, req.actor!, req.query.date),
  );
}
