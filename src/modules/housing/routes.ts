import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../http/context.js';
import { IsoDate, Nullable, Opt, PrisonRef, Reason, Uuid } from '../../http/schemas.js';
import { LEVELS, POLICIES } from './rules.js';
import {
  addKeepApart,
  allocate,
  awaitingAllocation,
  breachReport,
  capacityDelegation,
  decideLevel,
  levelHistory,
  listKeepApart,
  setCapacityDelegation,
  setPolicy,
} from './service.js';

const lit = (xs: readonly string[]) => Type.Union(xs.map((x) => Type.Literal(x)));
const IdParam = Type.Object({ id: Uuid });
// Request bodies the pages parse their forms with too.
export const AllocateBody = Type.Object(
  {
    cell_id: Uuid,
    reason: Reason,
    override_reason: Opt(
      Type.String({
        maxLength: 2000,
        description: "The director's reason for going past a refusal (housing.override)",
      }),
    ),
    over_capacity_reason: Opt(
      Type.String({
        maxLength: 2000,
        description: 'Why the full cell is exceeded (the director, or an officer under a standing delegation)',
      }),
    ),
  },
  { additionalProperties: false },
);
export const KeepApartBody = Type.Object(
  {
    prison: PrisonRef,
    person_a: Uuid,
    person_b: Uuid,
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
    source: Type.String({ minLength: 1, maxLength: 300 }),
    review_on: Opt(IsoDate),
  },
  { additionalProperties: false },
);

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify registration functions are async
export async function housingRoutes(app: App, { database }: AppContext): Promise<void> {
  const db = database.db;
  app.post(
    '/api/admissions/:id/allocate',
    {
      schema: {
        tags: ['housing'],
        summary:
          'Put a detainee in a cell through the one placement rule (capacity, untried/convicted, women/men, ' +
          'minors/adults read protectively, keep-apart, high-risk policy; under a lock on the cell); refused with every ' +
          'reason (422) unless a director overrides with a reason — or, for capacity only, an officer gives a reason ' +
          "under the director's standing delegation",
        params: IdParam,
        body: AllocateBody,
        response: {
          200: Type.Object({
            admission_id: Uuid,
            cell_id: Uuid,
            placement_id: Uuid,
            overridden: Type.Array(Type.String()),
            capacity_delegation_id: Nullable(Uuid),
          }),
        },
      },
    },
    async (req) => allocate(db, req.actor!, req.params.id, req.body),
  );
  const PrisonParam = Type.Object({ prison: PrisonRef });
  const BreachPerson = Type.Object({
    person_id: Uuid,
    admission_id: Uuid,
    name: Type.String(),
    committal_number: Type.String(),
    label: Type.String({ description: 'Presumption-of-innocence wording: what the person is accused or convicted of' }),
    age: Nullable(Type.String()),
  });
  app.get(
    '/api/prisons/:prison/breaches',
    {
      schema: {
        tags: ['housing'],
        summary:
          'The daily breach report: every cell whose current occupants break a separation rule now (untried/convicted, ' +
          "women/men, minors/adults, keep-apart), the people concerned and any director's override that covers it; computed live",
        params: PrisonParam,
        response: {
          200: Type.Object({
            prison_id: Uuid,
            as_of: Type.String(),
            keep_apart_included: Type.Boolean({
              description: 'Keep-apart breaches need intelligence.read (the read is audited)',
            }),
            uncovered: Type.Integer(),
            covered: Type.Integer(),
            cells: Type.Array(
              Type.Object({
                cell_id: Uuid,
                cell_code: Type.String(),
                unit_code: Type.String(),
                population: Type.Integer(),
                breaches: Type.Array(
                  Type.Object({
                    rule: Type.String(),
                    covered: Type.Boolean(),
                    sides: Type.Tuple([Type.Array(BreachPerson), Type.Array(BreachPerson)]),
                    overrides: Type.Array(
                      Type.Object({
                        person_id: Uuid,
                        name: Type.String(),
                        by: Nullable(Type.String()),
                        at: Nullable(Type.String()),
                        reason: Nullable(Type.String()),
                      }),
                    ),
                  }),
                ),
              }),
            ),
          }),
        },
      },
    },
    async (req) => breachReport(db, req.actor!, req.params.prison, req.lang),
  );
  app.get(
    '/api/prisons/:prison/awaiting-allocation',
    {
      schema: {
        tags: ['housing'],
        summary: 'People held in the prison and in no cell yet (awaiting allocation), oldest first',
        params: PrisonParam,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                admission_id: Uuid,
                person_id: Uuid,
                name: Type.String(),
                committal_number: Type.String(),
                admitted_at: Type.String(),
                label: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => ({ items: await awaitingAllocation(db, req.actor!, req.params.prison, req.lang) }),
  );
  const Delegation = Type.Object({
    id: Uuid,
    reason: Type.String(),
    decided_by: Type.String(),
    decided_at: Type.String(),
    ended_at: Nullable(Type.String()),
    ended_by: Nullable(Type.String()),
    end_reason: Nullable(Type.String()),
  });
  const DelegationView = Type.Object({
    prison_id: Uuid,
    delegated: Type.Boolean(),
    current: Nullable(Delegation),
    history: Type.Array(Delegation),
  });
  app.get(
    '/api/prisons/:prison/capacity-delegation',
    {
      schema: {
        tags: ['housing'],
        summary:
          "The director's standing decision letting placing officers exceed a cell's capacity (capacity only; default: " +
          'not delegated), with its history',
        params: PrisonParam,
        response: { 200: DelegationView },
      },
    },
    async (req) => capacityDelegation(db, req.actor!, req.params.prison),
  );
  app.put(
    '/api/prisons/:prison/capacity-delegation',
    {
      schema: {
        tags: ['housing'],
        summary:
          'The director delegates (or stops delegating) exceeding cell capacity to the placing officers, each placement ' +
          'with its own reason; separation rules and keep-apart records are never delegated',
        params: PrisonParam,
        body: Type.Object({ delegated: Type.Boolean(), reason: Reason }, { additionalProperties: false }),
        response: { 200: DelegationView },
      },
    },
    async (req) => setCapacityDelegation(db, req.actor!, req.params.prison, req.body),
  );
  app.post(
    '/api/admissions/:id/security-level',
    {
      schema: {
        tags: ['housing'],
        summary: 'Decide the security level, by a named person with reasons',
        params: IdParam,
        body: Type.Object(
          {
            level: lit(LEVELS),
            reasons: Type.String({ minLength: 1, maxLength: 4000 }),
            trigger: lit(['initial', 'periodic', 'incident', 'new_title', 'programme', 'override'] as const),
            next_review_on: Opt(IsoDate),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => reply.status(201).send(await decideLevel(db, req.actor!, req.params.id, req.body)),
  );
  app.get(
    '/api/admissions/:id/security-level',
    {
      schema: {
        tags: ['housing'],
        summary:
          'Security level decisions, latest first; the reasons only for holders of intelligence.read (audited), otherwise `withheld`',
        params: IdParam,
      },
    },
    async (req) => ({ items: await levelHistory(db, req.actor!, req.params.id) }),
  );
  app.post(
    '/api/keep-apart',
    {
      schema: {
        tags: ['housing'],
        summary: 'Record that two people must not share a cell or unit (security staff; audited)',
        body: KeepApartBody,
      },
    },
    async (req, reply) => reply.status(201).send(await addKeepApart(db, req.actor!, req.body)),
  );
  app.get(
    '/api/keep-apart',
    {
      schema: {
        tags: ['housing'],
        summary: 'Keep-apart records of a prison (security staff; audited)',
        querystring: Type.Object({ prison: PrisonRef }, { additionalProperties: false }),
      },
    },
    async (req) => ({ items: await listKeepApart(db, req.actor!, req.query.prison) }),
  );
  app.put(
    '/api/prisons/:prison/housing-policy',
    {
      schema: {
        tags: ['housing'],
        summary: "The prison's policy for people assessed as high-risk: concentrate (in a unit), disperse, or mixed",
        params: Type.Object({ prison: PrisonRef }),
        body: Type.Object(
          { high_risk_policy: lit(POLICIES), high_risk_unit_id: Opt(Uuid), reason: Reason },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => setPolicy(db, req.actor!, req.params.prison, req.body),
  );
}
