/** The API of visitors, visiting rules, visits at the gate and family contact (OpenAPI tag `visits`). */
import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../../http/context.js';
import { contactOverview, followTracing, noContactList, recordContact, requestTracing } from './contact.js';
import {
  ArrivalBody,
  BanBody,
  ContactBody,
  ContactOverview,
  DayList,
  DayQuery,
  DepartureBody,
  IdParam,
  ItemBody,
  LiftBody,
  NewVisitBody,
  NewVisitorBody,
  NoContactList,
  NoContactQuery,
  PersonParam,
  PrisonQuery,
  RelationshipBody,
  RestrictionBody,
  RestrictionView,
  RulesBody,
  RulesView,
  TracingBody,
  TracingUpdateBody,
  TracingView,
  VisitorList,
  VisitorQuery,
  VisitorView,
  VisitView,
} from './schemas.js';
import {
  cancelVisit,
  dayList,
  getVisit,
  getVisitRules,
  putVisitRules,
  recordArrival,
  recordDeparture,
  recordItem,
  registerVisit,
  restrictVisits,
} from './service.js';
import {
  addVisitorRelationship,
  banVisitor,
  getVisitor,
  liftBan,
  registerVisitor,
  searchVisitors,
} from './visitors.js';

const tags = ['visits'];
const ContactView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  occurred_at: Type.String(),
  with_whom: Type.String(),
});

export function gateRoutes(app: App, { database }: AppContext): Promise<void> {
  const db = database.db;

  // ------------------------------------------------------------------------------------ visitors
  app.get(
    '/api/visits/visitors',
    {
      schema: {
        tags,
        summary:
          'Find visitors in the register shared by all prisons: a name in any spelling (identity keys), a document or bar number',
        querystring: VisitorQuery,
        response: { 200: VisitorList },
      },
    },
    async (req) => ({ items: await searchVisitors(db, req.actor!, req.query.q) }),
  );
  app.post(
    '/api/visits/visitors',
    {
      schema: {
        tags,
        summary: 'Register a visitor: the name as written, the identity document, phone, bar number for a lawyer',
        body: NewVisitorBody,
        response: { 201: VisitorView },
      },
    },
    async (req, reply) => reply.status(201).send(await registerVisitor(db, req.actor!, req.body)),
  );
  app.get(
    '/api/visits/visitors/:id',
    {
      schema: { tags, summary: 'One visitor: relationships and bans', params: IdParam, response: { 200: VisitorView } },
    },
    async (req) => getVisitor(db, req.actor!, req.params.id),
  );
  app.post(
    '/api/visits/visitors/:id/relationships',
    {
      schema: {
        tags,
        summary: 'Who the visitor is to a detainee (recorded once)',
        params: IdParam,
        body: RelationshipBody,
        response: { 200: VisitorView },
      },
    },
    async (req) => addVisitorRelationship(db, req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/visits/visitors/:id/bans',
    {
      schema: {
        tags,
        summary: 'The director bans a visitor from their prison or every prison, with the reason and an end date',
        params: IdParam,
        body: BanBody,
        response: { 201: VisitorView },
      },
    },
    async (req, reply) => reply.status(201).send(await banVisitor(db, req.actor!, req.params.id, req.body)),
  );
  app.post(
    '/api/visits/bans/:id/lift',
    {
      schema: {
        tags,
        summary: 'Lift a ban early, with the reason',
        params: IdParam,
        body: LiftBody,
        response: { 200: VisitorView },
      },
    },
    async (req) => liftBan(db, req.actor!, req.params.id, req.body),
  );

  // ------------------------------------------------------------------------------------ rules, restrictions
  app.get(
    '/api/visits/rules',
    { schema: { tags, summary: "A prison's visiting rules", querystring: PrisonQuery, response: { 200: RulesView } } },
    async (req) => getVisitRules(db, req.actor!, req.query.prison),
  );
  app.put(
    '/api/visits/rules',
    {
      schema: {
        tags,
        summary:
          "The director replaces the prison's visiting rules (days, hours, visits a week, visitors a visit, room capacity; " +
          'special rules per unit or regime level); the old rules are kept',
        body: RulesBody,
        response: { 200: RulesView },
      },
    },
    async (req) => putVisitRules(db, req.actor!, req.body),
  );
  app.post(
    '/api/visits/restrictions',
    {
      schema: {
        tags,
        summary:
          "An individual decision restricting a person's family visits, with its basis (never disciplinary: Mandela Rule 43(3)), " +
          'reason and end date; legal visits are never restricted',
        body: RestrictionBody,
        response: { 201: RestrictionView },
      },
    },
    async (req, reply) => reply.status(201).send(await restrictVisits(db, req.actor!, req.body)),
  );

  // ------------------------------------------------------------------------------------ visits
  app.get(
    '/api/visits',
    {
      schema: {
        tags,
        summary: "A prison's visits of a day, for the gate: booked, in progress, ended, refused with the reason",
        querystring: DayQuery,
        response: { 200: DayList },
      },
    },
    async (req) => dayList(db, req.actor!, req.query.prison, req.query.date),
  );
  app.post(
    '/api/visits',
    {
      schema: {
        tags,
        summary:
          'Book a visit (phone, gate) or register a walk-in. A refused visit is recorded with its reason and answered ' +
          '201 with state "refused". A legal visit needs the bar number, is out of hearing and never counts against the family quota',
        body: NewVisitBody,
        response: { 201: VisitView },
      },
    },
    async (req, reply) => reply.status(201).send(await registerVisit(db, req.actor!, req.body)),
  );
  app.get(
    '/api/visits/:id',
    { schema: { tags, summary: 'One visit', params: IdParam, response: { 200: VisitView } } },
    async (req) => getVisit(db, req.actor!, req.params.id),
  );
  app.post(
    '/api/visits/:id/arrival',
    {
      schema: {
        tags,
        summary: 'The booked visitors arrived',
        params: IdParam,
        body: ArrivalBody,
        response: { 200: VisitView },
      },
    },
    async (req) => recordArrival(db, req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/visits/:id/departure',
    {
      schema: {
        tags,
        summary: 'The visitors left',
        params: IdParam,
        body: DepartureBody,
        response: { 200: VisitView },
      },
    },
    async (req) => recordDeparture(db, req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/visits/:id/cancellation',
    { schema: { tags, summary: 'A booked visit cancelled', params: IdParam, response: { 200: VisitView } } },
    async (req) => cancelVisit(db, req.actor!, req.params.id),
  );
  app.post(
    '/api/visits/:id/items',
    {
      schema: {
        tags,
        summary: 'An item or food brought: checked, handed over, or refused with the reason',
        params: IdParam,
        body: ItemBody,
        response: { 200: VisitView },
      },
    },
    async (req) => recordItem(db, req.actor!, req.params.id, req.body),
  );

  // ------------------------------------------------------------------------------------ family contact
  app.get(
    '/api/visits/people/:personId/contact',
    {
      schema: {
        tags,
        summary:
          "A person's family contact: last family visit, visits, calls and letters in 90 days, the distance from the region " +
          'of origin, restrictions, tracing requests',
        params: PersonParam,
        response: { 200: ContactOverview },
      },
    },
    async (req) => contactOverview(db, req.actor!, req.params.personId),
  );
  app.get(
    '/api/visits/no-contact',
    {
      schema: {
        tags,
        summary:
          'The people held with no family contact (visit, call, letter) for N days (default 90), for the social worker',
        querystring: NoContactQuery,
        response: { 200: NoContactList },
      },
    },
    async (req) => noContactList(db, req.actor!, req.query.prison, req.query.days),
  );
  app.post(
    '/api/visits/contacts',
    {
      schema: {
        tags,
        summary: 'A phone call or a letter, recorded as a fact (when, with whom) — never its content',
        body: ContactBody,
        response: { 201: ContactView },
      },
    },
    async (req, reply) => reply.status(201).send(await recordContact(db, req.actor!, req.body)),
  );
  app.post(
    '/api/visits/tracing',
    {
      schema: {
        tags,
        summary: "A request to trace a detainee's family through a partner (e.g. the Red Cross)",
        body: TracingBody,
        response: { 201: TracingView },
      },
    },
    async (req, reply) => reply.status(201).send(await requestTracing(db, req.actor!, req.body)),
  );
  app.post(
    '/api/visits/tracing/:id',
    {
      schema: {
        tags,
        summary: 'Follow a tracing request: its state and outcome',
        params: IdParam,
        body: TracingUpdateBody,
        response: { 200: TracingView },
      },
    },
    async (req) => followTracing(db, req.actor!, req.params.id, req.body),
  );
  return Promise.resolve();
}
