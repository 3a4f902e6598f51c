import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../http/context.js';
import {
  DateTime,
  IsoDate,
  Nullable,
  OneOf,
  Opt,
  Paging,
  PrisonRef,
  Problem,
  Reason,
  RefCode,
  Uuid,
} from '../../http/schemas.js';
import {
  OtherName,
  Person,
  PersonInput,
  PersonChange,
  Relative,
  AgeReading,
  addOtherName,
  addRelative,
  changePerson,
  createPersonTx,
  getPerson,
  setSensitive,
} from '../people/index.js';
import { END_REASONS } from './rules.js';
import {
  admit,
  correctAdmission,
  refuseEndAdmission,
  getAdmission,
  getPrisonerFile,
  move,
  personHistory,
  population,
  search,
} from './service.js';
import { getPrison } from '../estate/index.js';
import { AdmissionBody } from './api-schemas.js';

const Admission = Type.Object({
  id: Uuid,
  prison_id: Uuid,
  person_id: Uuid,
  committal_number: Type.String(),
  admitted_at: Type.String(),
  arresting_authority: Type.String(),
  arresting_unit: Nullable(Type.String()),
  arrested_at: Nullable(Type.String()),
  arrest_place: Nullable(Type.String()),
  legal_status: Type.String(),
  ended_at: Nullable(Type.String()),
  end_reason: Nullable(Type.String()),
  end_detail: Nullable(Type.String()),
  transfer_to_prison_id: Nullable(Type.String()),
  version: Type.Integer(),
  documents: Type.Array(
    Type.Object({
      id: Uuid,
      kind: Type.String(),
      authority: Type.String(),
      reference: Type.String(),
      issued_on: Type.String(),
      received_at: Type.String(),
      notes: Nullable(Type.String()),
      on_arrival: Type.Boolean(),
      attachment_id: Nullable(Type.String()),
    }),
  ),
  charges: Type.Array(
    Type.Object({
      id: Uuid,
      legal_document_id: Uuid,
      qualification: Type.String(),
      legal_reference: Nullable(Type.String()),
      category: Type.String(),
      terrorism_related: Type.Boolean(),
    }),
  ),
  location: Nullable(
    Type.Object({ unit_id: Nullable(Type.String()), cell_id: Nullable(Type.String()), since: Type.String() }),
  ),
  placements: Type.Array(
    Type.Object({
      id: Uuid,
      unit_id: Nullable(Type.String()),
      cell_id: Nullable(Type.String()),
      from_at: Type.String(),
      to_at: Nullable(Type.String()),
      reason: Nullable(Type.String()),
      over_capacity_reason: Nullable(Type.String()),
      via: Nullable(Type.String()),
      overridden: Type.Array(Type.String()),
      override_reason: Nullable(Type.String()),
    }),
  ),
});
const IdParam = Type.Object({ id: Uuid });
// eslint-disable-next-line @typescript-eslint/require-await -- Fastify registration functions are async
export async function custodyRoutes(app: App, { database }: AppContext): Promise<void> {
  const db = database.db;

  app.get(
    '/api/persons',
    {
      schema: {
        tags: ['people'],
        summary: 'Search people by name (spellings tolerated), committal number or NINA',
        querystring: Type.Object(
          {
            q: Type.String({ minLength: 2, maxLength: 200 }),
            limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => ({ items: await search(db, req.actor!, req.query.q, req.query.limit) }),
  );

  app.post(
    '/api/persons',
    {
      schema: {
        tags: ['people'],
        summary: 'Register a person (a file without an admission yet)',
        body: Type.Object({ prison: PrisonRef, person: PersonInput }, { additionalProperties: false }),
        response: { 201: Person },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const id = await db.transaction(async (tx) => {
        const p = await getPrison(tx, actor, req.body.prison);
        return createPersonTx(tx, actor, p.id, req.body.person, '/person');
      });
      return reply.status(201).send(await getPerson(db, actor, id));
    },
  );

  app.get(
    '/api/persons/:id',
    {
      schema: {
        tags: ['people'],
        summary:
          'The prisoner file: identity, admissions, legal basis, location. `include=sensitive` adds religion and ' +
          'ethnicity (person.sensitive; audited).',
        params: IdParam,
        querystring: Type.Object(
          { include: Type.Optional(Type.Literal('sensitive')) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            person: Person,
            admissions: Type.Array(Admission),
            current_admission_id: Nullable(Uuid),
            admissions_elsewhere: Type.Array(
              Type.Object({
                prison_id: Uuid,
                committal_number: Type.String(),
                admitted_at: Type.String(),
                ended_at: Nullable(Type.String()),
                legal: Nullable(
                  Type.Object(
                    {
                      legal_status: Type.String(),
                      end_reason: Nullable(Type.String()),
                      documents: Type.Array(
                        Type.Object({
                          kind: Type.String(),
                          authority: Type.String(),
                          reference: Type.String(),
                          issued_on: Type.String(),
                        }),
                      ),
                      charges: Type.Array(
                        Type.Object({
                          qualification: Type.String(),
                          legal_reference: Nullable(Type.String()),
                          category: Type.String(),
                          terrorism_related: Type.Boolean(),
                        }),
                      ),
                    },
                    {
                      description:
                        'the legal history, when a re-admission or a decision opened it to your prison (docs/access.md)',
                    },
                  ),
                ),
              }),
            ),
            age: AgeReading,
          }),
        },
      },
    },
    async (req) => getPrisonerFile(db, req.actor!, req.params.id, { sensitive: req.query.include === 'sensitive' }),
  );

  app.patch(
    '/api/persons/:id',
    {
      schema: {
        tags: ['people'],
        summary:
          "Change a person's file: an update (new information) or a correction (the old value was wrong). The old value is kept.",
        params: IdParam,
        body: PersonChange,
        response: { 200: Person },
      },
    },
    async (req) => changePerson(db, req.actor!, req.params.id, req.body),
  );

  app.post(
    '/api/persons/:id/names',
    {
      schema: {
        tags: ['people'],
        summary: 'Add another spelling or an alias',
        params: IdParam,
        body: OtherName,
        response: { 201: Person },
      },
    },
    async (req, reply) => reply.status(201).send(await addOtherName(db, req.actor!, req.params.id, req.body)),
  );

  app.post(
    '/api/persons/:id/relatives',
    {
      schema: {
        tags: ['people'],
        summary: 'Add a family member, child or emergency contact (Mandela Rule 7)',
        params: IdParam,
        body: Relative,
        response: { 201: Person },
      },
    },
    async (req, reply) => reply.status(201).send(await addRelative(db, req.actor!, req.params.id, req.body)),
  );

  app.put(
    '/api/persons/:id/sensitive',
    {
      schema: {
        tags: ['people'],
        summary: 'Religion and ethnicity (optional; needs person.sensitive; audited)',
        params: IdParam,
        body: Type.Object(
          { religion: Opt(RefCode), ethnicity: Opt(RefCode), reason: Reason },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => setSensitive(db, req.actor!, req.params.id, req.body),
  );

  app.get(
    '/api/persons/:id/history',
    {
      schema: {
        tags: ['people'],
        summary:
          "Every change to the person's file: who, when, what (before/after) and why. Restricted parts (interview, " +
          'health, intelligence, assessments, ethnicity/religion) only with their permission, audited; otherwise listed in `withheld`',
        params: IdParam,
      },
    },
    async (req) => ({ items: await personHistory(db, req.actor!, req.params.id) }),
  );

  app.post(
    '/api/admissions',
    {
      schema: {
        tags: ['custody'],
        summary: 'Admit a person (new, or registered before) to a prison; assigns the committal number',
        body: AdmissionBody,
        response: { 201: Admission },
      },
    },
    async (req, reply) => reply.status(201).send(await admit(db, req.actor!, req.body)),
  );

  app.get(
    '/api/admissions/:id',
    { schema: { tags: ['custody'], summary: 'One admission', params: IdParam, response: { 200: Admission } } },
    async (req) => getAdmission(db, req.actor!, req.params.id),
  );

  app.post(
    '/api/admissions/:id/move',
    {
      schema: {
        tags: ['custody'],
        summary:
          'Move to another cell, through the one placement rule (as POST /api/admissions/:id/allocate): refused with ' +
          'every reason unless the director overrides with a reason',
        params: IdParam,
        body: Type.Object(
          {
            cell_id: Uuid,
            reason: Reason,
            over_capacity_reason: Opt(Type.String({ maxLength: 2000 })),
            override_reason: Opt(Type.String({ maxLength: 2000 })),
            at: Type.Optional(DateTime),
          },
          { additionalProperties: false },
        ),
        response: { 200: Admission },
      },
    },
    async (req) => move(db, req.actor!, req.params.id, req.body),
  );

  // Closed (issue 13): an admission ends only through the movements module's flows — the release
  // checklist with its second officer, the transfer, the escape and death reports. The route stays so
  // that a client still using it is told where to go (409 naming /reason), not left with a 404.
  app.post(
    '/api/admissions/:id/end',
    {
      schema: {
        tags: ['custody'],
        deprecated: true,
        summary:
          'Closed: always 409 (field /reason). An admission ends through the movements API — ' +
          'POST /api/movements/releases (check, confirmation by a second officer, completion), POST /api/transfers, ' +
          'POST /api/movements/escapes, POST /api/movements/deaths',
        params: IdParam,
        body: Type.Object(
          {
            reason: OneOf(END_REASONS),
            ended_at: Type.Optional(DateTime),
            detail: Opt(Type.String({ maxLength: 2000 })),
            transfer_to: Opt(PrisonRef),
          },
          { additionalProperties: false },
        ),
        response: { 409: Problem },
      },
    },
    async (req) => refuseEndAdmission(db, req.actor!, req.params.id),
  );

  app.post(
    '/api/admissions/:id/corrections',
    {
      schema: {
        tags: ['custody'],
        summary: 'Correct a wrong value on an admission (the old value is kept)',
        params: IdParam,
        body: Type.Object(
          {
            changes: Type.Object(
              {
                admitted_at: Type.Optional(DateTime),
                arresting_authority: Type.Optional(Type.String({ maxLength: 64 })),
                arresting_unit: Opt(Type.String({ maxLength: 300 })),
                arrested_at: Opt(DateTime),
                arrest_place: Opt(Type.String({ maxLength: 300 })),
              },
              { additionalProperties: false },
            ),
            reason: Reason,
            version: Type.Optional(Type.Integer({ minimum: 1 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Admission },
      },
    },
    async (req) => correctAdmission(db, req.actor!, req.params.id, req.body),
  );

  app.get(
    '/api/prisons/:prison/population',
    {
      schema: {
        tags: ['custody'],
        summary: 'People held in a prison, today or at the end of a past day; paginated',
        params: Type.Object({ prison: PrisonRef }),
        querystring: Type.Intersect([Paging, Type.Object({ date: Type.Optional(IsoDate) })]),
      },
    },
    async (req) => population(db, req.actor!, req.params.prison, req.query),
  );
}
