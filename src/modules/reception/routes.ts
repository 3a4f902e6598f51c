import { Type } from '@sinclair/typebox';
import { DocumentSentenceT, CHARGE_CATEGORIES, DOCUMENT_KINDS } from '../custody/index.js';
import type { App, AppContext } from '../../http/context.js';
import { DateTime, IsoDate, Opt, PrisonRef, RefCode, Uuid } from '../../http/schemas.js';
import { PersonInput } from '../people/index.js';
import { FINGERPRINTS, FITNESS, INVOLVEMENT, REASONS } from './rules.js';
import {
  completeReception,
  getReception,
  listReceptions,
  nothingSharedCount,
  recordStep,
  startReception,
} from './service.js';

const lit = (xs: readonly string[]) => Type.Union(xs.map((x) => Type.Literal(x)));
const Text = (max = 2000) => Opt(Type.String({ maxLength: max }));
const OutOfOrder = { out_of_order_reason: Text(1000) };
const IdParam = Type.Object({ id: Uuid });

export const Handover = Type.Object(
  {
    prison: PrisonRef,
    arresting_authority: Type.String({ minLength: 1, maxLength: 64 }),
    officer_name: Text(200),
    officer_rank: Text(100),
    officer_unit: Text(300),
    warrant_name: Type.String({ minLength: 1, maxLength: 300 }),
    warrant_birth: Text(100),
    warrant_region: Opt(RefCode),
    warrant_charge: Text(500),
    warrant_reference: Text(200),
    information_shared: Text(),
    evidence_shared: Text(),
    nothing_shared: Type.Optional(Type.Boolean()),
    arrived_at: Type.Optional(DateTime),
  },
  { additionalProperties: false },
);

export const Security = Type.Object(
  {
    rules_explained: Type.Boolean(),
    rules_language: Opt(RefCode),
    cell_id: Opt(Uuid),
    over_capacity_reason: Text(1000),
    override_reason: Text(2000),
    body_search_done: Type.Boolean(),
    prohibited_items: Type.Optional(
      Type.Array(
        Type.Object(
          { item: Type.String({ minLength: 1, maxLength: 200 }), description: Text(500) },
          { additionalProperties: false },
        ),
      ),
    ),
    ...OutOfOrder,
  },
  { additionalProperties: false },
);

export const Administration = Type.Object(
  {
    person: Type.Optional(PersonInput),
    person_id: Opt(Uuid),
    photo_taken: Type.Boolean(),
    fingerprints: lit(FINGERPRINTS),
    fingerprints_reason: Text(500),
    warrant_scanned: Type.Boolean(),
    legal_document: Type.Object(
      {
        kind: lit(DOCUMENT_KINDS),
        authority: Type.String({ minLength: 1, maxLength: 300 }),
        reference: Type.String({ minLength: 1, maxLength: 200 }),
        issued_on: IsoDate,
        notes: Text(),
        // A person received already convicted: the sentence of the judgment (the release date follows).
        sentence: Type.Optional(DocumentSentenceT),
        sentence_start: Type.Optional(IsoDate),
        case_ref: Text(100),
      },
      { additionalProperties: false },
    ),
    charges: Type.Array(
      Type.Object(
        {
          qualification: Type.String({ minLength: 1, maxLength: 500 }),
          legal_reference: Text(200),
          category: lit(CHARGE_CATEGORIES),
          terrorism_related: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
    ...OutOfOrder,
  },
  { additionalProperties: false },
);

export const Registry = Type.Object(
  {
    items: Type.Optional(
      Type.Array(
        Type.Object(
          {
            item: Type.String({ minLength: 1, maxLength: 200 }),
            quantity: Type.Integer({ minimum: 1, maximum: 10000 }),
            description: Text(500),
          },
          { additionalProperties: false },
        ),
      ),
    ),
    money: Type.Optional(
      Type.Array(
        Type.Object(
          { amount: Type.Number({ minimum: 0 }), currency: Type.String({ pattern: '^[A-Z]{3}$', maxLength: 3 }) },
          { additionalProperties: false },
        ),
      ),
    ),
    id_documents: Type.Optional(
      Type.Array(
        Type.Object(
          { kind: Type.String({ minLength: 1, maxLength: 100 }), number: Text(100) },
          { additionalProperties: false },
        ),
      ),
    ),
    phones: Type.Optional(
      Type.Array(
        Type.Object(
          { description: Type.String({ minLength: 1, maxLength: 200 }), imei: Text(40) },
          { additionalProperties: false },
        ),
      ),
    ),
    notes: Text(),
    ...OutOfOrder,
  },
  { additionalProperties: false },
);

export const Medical = Type.Object(
  {
    visible_injuries: Text(),
    ill_treatment_alleged: Type.Boolean(),
    ill_treatment_account: Text(4000),
    fitness: lit(FITNESS),
    referral: Text(500),
    notes: Text(4000),
    ...OutOfOrder,
  },
  { additionalProperties: false },
);

export const Interview = Type.Object(
  {
    interviewer: lit(['director', 'social_worker'] as const),
    background: Text(4000),
    family_situation: Text(4000),
    own_account: Text(8000),
    education_level: Opt(RefCode),
    occupation: Opt(RefCode),
    affiliation_declared: Text(300),
    involvement: lit(INVOLVEMENT),
    reasons: Type.Optional(Type.Array(lit(REASONS), { uniqueItems: true })),
    free_text: Text(8000),
    ...OutOfOrder,
  },
  { additionalProperties: false },
);

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify registration functions are async
export async function receptionRoutes(app: App, { database }: AppContext): Promise<void> {
  const db = database.db;
  app.post(
    '/api/receptions',
    {
      schema: {
        tags: ['reception'],
        summary: 'Start a reception: the handover by the arresting force (say explicitly when nothing was shared)',
        body: Handover,
      },
    },
    async (req, reply) => reply.status(201).send(await startReception(db, req.actor!, req.body)),
  );
  app.get(
    '/api/receptions',
    {
      schema: {
        tags: ['reception'],
        summary: 'Receptions (in progress by default) and what each is missing',
        querystring: Type.Object(
          {
            prison: Type.Optional(PrisonRef),
            status: Type.Optional(lit(['in_progress', 'completed', 'abandoned'] as const)),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => ({ items: await listReceptions(db, req.actor!, req.query) }),
  );
  app.get(
    '/api/receptions/:id',
    {
      schema: {
        tags: ['reception'],
        summary:
          'One reception. include=medical adds the medical check for medical staff (the injury report for the ' +
          "director); include=interview adds the interview's content for holders of intake.interview (social workers, " +
          'the director); both audited. Without it the interview step says `restricted: interview` and carries no data.',
        params: IdParam,
        querystring: Type.Object(
          {
            include: Type.Optional(
              Type.String({
                pattern: '^(medical|interview)(,(medical|interview))?$',
                maxLength: 20,
                description: 'medical, interview or medical,interview',
              }),
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      const include = new Set((req.query.include ?? '').split(','));
      return getReception(db, req.actor!, req.params.id, {
        medical: include.has('medical'),
        interview: include.has('interview'),
      });
    },
  );
  const step = (
    name: 'security' | 'administration' | 'registry' | 'medical' | 'interview',
    body: typeof Security | typeof Administration | typeof Registry | typeof Medical | typeof Interview,
    summary: string,
  ) =>
    app.post(
      `/api/receptions/:id/steps/${name}`,
      { schema: { tags: ['reception'], summary, params: IdParam, body } },
      async (req) => recordStep(db, req.actor!, req.params.id, name, req.body),
    );
  step('security', Security, 'Security office: rules explained (language), cell, body search, prohibited items');
  step(
    'administration',
    Administration,
    'Administration office: identity, photo, fingerprints, the file and committal number, the warrant',
  );
  step('registry', Registry, 'Registry: belongings inventory (items, money, identity documents, phones)');
  step('medical', Medical, 'Medical check: injuries, allegations of ill-treatment, fitness, referral (medical staff)');
  step('interview', Interview, 'Interview with the director or a social worker: the social investigation report');
  app.post(
    '/api/receptions/:id/complete',
    {
      schema: {
        tags: ['reception'],
        summary: 'Complete a reception (refused while a mandatory step is missing)',
        params: IdParam,
      },
    },
    async (req) => completeReception(db, req.actor!, req.params.id),
  );
  app.get(
    '/api/receptions/statistics/nothing-shared',
    {
      schema: {
        tags: ['reception'],
        summary: 'Arrivals with nothing shared by the arresting force, per prison and period',
        querystring: Type.Object({ prison: PrisonRef, from: IsoDate, to: IsoDate }, { additionalProperties: false }),
      },
    },
    async (req) =>
      nothingSharedCount(
        db,
        req.actor!,
        req.query.prison,
        new Date(`${req.query.from}T00:00:00Z`),
        new Date(`${req.query.to}T00:00:00Z`),
      ),
  );
}
