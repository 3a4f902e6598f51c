/** Classification, assessment instruments and assessments, regime, review events, moves, cell leaders. */
import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../http/context.js';
import { IsoDate, Nullable, OneOf, Opt, PrisonRef, Reason, Uuid } from '../../http/schemas.js';
import { getPrison } from '../estate/index.js';
import { ACTIVITIES, REVIEW_EVENTS, TRIGGERS, VISIT_MODES } from './rules.js';
import {
  addLeaderRequest,
  adjustRegime,
  answerLeaderRequest,
  cellLeaders,
  cellOccupants,
  classificationOf,
  classificationsDueForReview,
  decideClassification,
  endCellLeader,
  getAssessment,
  getInstrumentVersion,
  getSettings,
  listAssessments,
  listInstruments,
  moveHistory,
  publishInstrumentVersion,
  putSettings,
  recordReviewEvent,
  saveAssessment,
  setCellLeader,
  startAssessment,
} from './service.js';

const lit = OneOf;
const IdParam = Type.Object({ id: Uuid });
const Code = Type.String({ minLength: 1, maxLength: 40 });
const Text = Type.Object(
  { fr: Type.String({ maxLength: 4000 }), en: Type.String({ maxLength: 4000 }) },
  { additionalProperties: false },
);

const Definition = Type.Object(
  {
    code: Code,
    kind: lit(['risk', 'needs'] as const),
    title: Text,
    purpose: Text,
    guidance: Text,
    scales: Type.Array(
      Type.Object(
        {
          code: Code,
          label: Text,
          levels: Type.Array(
            Type.Object({ value: Code, label: Text, rank: Nullable(Type.Integer()) }, { additionalProperties: false }),
            { maxItems: 20 },
          ),
        },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
    domains: Type.Array(
      Type.Object(
        {
          code: Code,
          title: Text,
          guidance: Text,
          protective: Type.Boolean(),
          items: Type.Array(
            Type.Object({ code: Code, text: Text, guidance: Text, scale: Code }, { additionalProperties: false }),
            { maxItems: 60 },
          ),
        },
        { additionalProperties: false },
      ),
      { maxItems: 30 },
    ),
    judgement: Type.Object(
      {
        question: Text,
        guidance: Text,
        options: Type.Array(Type.Object({ value: Code, label: Text }, { additionalProperties: false }), {
          maxItems: 10,
        }),
      },
      { additionalProperties: false },
    ),
  },
  {
    additionalProperties: false,
    description:
      'An instrument definition: domains, items rated on named scales, guidance, and the overall judgement. No score.',
  },
);

const Content = Type.Object(
  {
    ratings: Type.Optional(
      Type.Record(
        Type.String(),
        Type.Object(
          { value: Type.String({ maxLength: 40 }), evidence: Opt(Type.String({ maxLength: 4000 })) },
          { additionalProperties: false },
        ),
      ),
    ),
    domain_notes: Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: 8000 }))),
    summary: Type.Optional(Type.String({ maxLength: 20000 })),
    judgement: Type.Optional(Type.String({ maxLength: 40 })),
    judgement_reasons: Type.Optional(Type.String({ maxLength: 20000 })),
    recommendations: Opt(Type.String({ maxLength: 20000 })),
  },
  { additionalProperties: false },
);

const Regime = Type.Object(
  {
    activities: Type.Array(lit(ACTIVITIES)),
    visits: Type.Object({ mode: lit(VISIT_MODES), perWeek: Type.Integer() }, { additionalProperties: false }),
    programmes: Type.Union([Type.Literal('all'), Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50 })]),
  },
  { additionalProperties: false },
);
const Settings = Type.Object(
  {
    levels: Type.Array(Type.String({ maxLength: 20 }), { maxItems: 10 }),
    initialDays: Type.Integer(),
    eventReviewDays: Type.Integer(),
    reviewDays: Type.Record(Type.String(), Type.Integer()),
    regime: Type.Record(Type.String(), Regime),
  },
  { additionalProperties: false },
);

const Subject = Type.Union([
  Type.Object({ kind: Type.Literal('activity'), activity: lit(ACTIVITIES) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('visits'), mode: lit(VISIT_MODES) }, { additionalProperties: false }),
  Type.Object(
    { kind: Type.Literal('programme'), programme: Type.String({ minLength: 1, maxLength: 200 }) },
    { additionalProperties: false },
  ),
]);

// Request bodies the classification pages parse their forms with too.
export const StartAssessmentBody = Type.Object(
  { instrument: Code, content: Type.Optional(Content) },
  { additionalProperties: false },
);
export const SaveAssessmentBody = Type.Object(
  { content: Content, row_version: Type.Integer({ minimum: 0 }), complete: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export const DecideBody = Type.Object(
  {
    level: Type.String({ maxLength: 20 }),
    reasons: Type.String({ minLength: 1, maxLength: 4000 }),
    trigger: lit(TRIGGERS),
    assessment_id: Opt(Uuid),
    override_justification: Opt(Type.String({ maxLength: 4000 })),
    next_review_on: Opt(IsoDate),
  },
  { additionalProperties: false },
);
export const ReviewEventBody = Type.Object(
  { kind: lit(REVIEW_EVENTS), occurred_on: IsoDate, note: Reason },
  { additionalProperties: false },
);
export const RegimeBody = Type.Object(
  { subject: Subject, effect: lit(['allow', 'restrict'] as const), reason: Reason, until: Opt(IsoDate) },
  { additionalProperties: false },
);
export const LeaderBody = Type.Object(
  { admission_id: Uuid, how: lit(['elected', 'appointed'] as const), since: IsoDate, reason: Reason },
  { additionalProperties: false },
);
export const LeaderRequestBody = Type.Object(
  {
    subject: Type.String({ minLength: 1, maxLength: 300 }),
    detail: Opt(Type.String({ maxLength: 4000 })),
    raised_on: IsoDate,
  },
  { additionalProperties: false },
);
export const AnswerBody = Type.Object(
  { answer: Type.String({ minLength: 1, maxLength: 4000 }) },
  { additionalProperties: false },
);

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify registration functions are async
export async function classificationRoutes(app: App, { database }: AppContext): Promise<void> {
  const db = database.db;
  const tags = ['classification'];

  // Instruments
  app.get(
    '/api/assessment-instruments',
    { schema: { tags, summary: 'Assessment instruments and their latest version' } },
    async (req) => ({ items: await listInstruments(db, req.actor!) }),
  );
  app.get(
    '/api/assessment-instruments/:code',
    {
      schema: {
        tags,
        summary: 'One version of an instrument (the latest unless ?version=)',
        params: Type.Object({ code: Code }),
        querystring: Type.Object(
          { version: Type.Optional(Type.Integer({ minimum: 1 })) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => getInstrumentVersion(db, req.actor!, req.params.code, req.query.version),
  );
  app.post(
    '/api/assessment-instruments',
    {
      schema: {
        tags,
        summary:
          'Publish a new instrument or a new version of one (national administration); past assessments keep their version',
        body: Type.Object({ definition: Definition, note: Reason }, { additionalProperties: false }),
      },
    },
    async (req, reply) => reply.status(201).send(await publishInstrumentVersion(db, req.actor!, req.body)),
  );

  // Assessments (restricted, every read audited)
  app.post(
    '/api/admissions/:id/assessments',
    {
      schema: {
        tags,
        summary: 'Start an assessment with the latest version of an instrument (draft)',
        params: IdParam,
        body: StartAssessmentBody,
      },
    },
    async (req, reply) => reply.status(201).send(await startAssessment(db, req.actor!, req.params.id, req.body)),
  );
  app.put(
    '/api/assessments/:id',
    {
      schema: {
        tags,
        summary: 'Save a draft assessment, or complete it (complete: true); a completed assessment is final',
        params: IdParam,
        body: SaveAssessmentBody,
      },
    },
    async (req) => saveAssessment(db, req.actor!, req.params.id, req.body),
  );
  app.get(
    '/api/assessments/:id',
    {
      schema: {
        tags,
        summary: 'One assessment with its profile and change since the previous one (audited read)',
        params: IdParam,
      },
    },
    async (req) => getAssessment(db, req.actor!, req.params.id),
  );
  app.get(
    '/api/persons/:id/assessments',
    { schema: { tags, summary: "A person's assessments (audited read)", params: IdParam } },
    async (req) => ({ items: await listAssessments(db, req.actor!, req.params.id) }),
  );

  // Classification
  app.get(
    '/api/prisons/:prison/classification-settings',
    {
      schema: {
        tags,
        summary: 'Levels, initial delay, review intervals and regime per level',
        params: Type.Object({ prison: PrisonRef }),
      },
    },
    async (req) => getSettings(db, req.actor!, req.params.prison),
  );
  app.put(
    '/api/prisons/:prison/classification-settings',
    {
      schema: {
        tags,
        summary: "Change the prison's classification settings (director)",
        params: Type.Object({ prison: PrisonRef }),
        body: Type.Object({ settings: Settings, reason: Reason }, { additionalProperties: false }),
      },
    },
    async (req) => putSettings(db, req.actor!, req.params.prison, req.body),
  );
  app.post(
    '/api/admissions/:id/classification',
    {
      schema: {
        tags,
        summary:
          'Decide the security classification from an assessment, with reasons; departing from the assessor needs a ' +
          'justification and the director',
        params: IdParam,
        body: DecideBody,
      },
    },
    async (req, reply) => reply.status(201).send(await decideClassification(db, req.actor!, req.params.id, req.body)),
  );
  app.get(
    '/api/admissions/:id/classification',
    {
      schema: {
        tags,
        summary: 'Current classification, history, what is due and the regime that follows',
        params: IdParam,
        querystring: Type.Object({ as_of: Type.Optional(IsoDate) }, { additionalProperties: false }),
      },
    },
    async (req) => classificationOf(db, req.actor!, req.params.id, req.query.as_of),
  );
  app.post(
    '/api/admissions/:id/review-events',
    {
      schema: {
        tags,
        summary: 'Record an event that calls for a classification review (incident, new title, programme completed)',
        params: IdParam,
        body: ReviewEventBody,
      },
    },
    async (req, reply) => reply.status(201).send(await recordReviewEvent(db, req.actor!, req.params.id, req.body)),
  );
  app.post(
    '/api/admissions/:id/regime',
    {
      schema: {
        tags,
        summary: "A person's own regime decision: allow or restrict an activity, visits or a programme, with a reason",
        params: IdParam,
        body: RegimeBody,
      },
    },
    async (req, reply) => reply.status(201).send(await adjustRegime(db, req.actor!, req.params.id, req.body)),
  );
  app.get(
    '/api/prisons/:prison/classifications-due',
    {
      schema: {
        tags,
        summary: 'Initial classifications and reviews (periodic or after an event) due, earliest first',
        params: Type.Object({ prison: PrisonRef }),
        querystring: Type.Object({ as_of: Type.Optional(IsoDate) }, { additionalProperties: false }),
      },
    },
    async (req) => ({
      items: await classificationsDueForReview(
        db,
        req.actor!,
        (await getPrison(db, req.actor!, req.params.prison)).id,
        req.query.as_of,
        req.lang,
      ),
    }),
  );

  // Moves and occupants (moves themselves go through POST /api/admissions/:id/allocate, the allocation check)
  app.get(
    '/api/admissions/:id/moves',
    {
      schema: {
        tags,
        summary: 'Move history of a detainee: every cell, from when to when, why and by whom',
        params: IdParam,
      },
    },
    async (req) => ({ items: await moveHistory(db, req.actor!, req.params.id) }),
  );
  app.get(
    '/api/cells/:id/occupants',
    { schema: { tags, summary: "A cell's current and past occupants", params: IdParam } },
    async (req) => cellOccupants(db, req.actor!, req.params.id, req.lang),
  );

  // Cell leaders
  app.get(
    '/api/cells/:id/leaders',
    { schema: { tags, summary: "A cell's leaders (current first) and the requests they carried", params: IdParam } },
    async (req) => cellLeaders(db, req.actor!, req.params.id),
  );
  app.post(
    '/api/cells/:id/leaders',
    {
      schema: {
        tags,
        summary: 'Record the cell leader (elected or appointed); ends the previous term',
        params: IdParam,
        body: LeaderBody,
      },
    },
    async (req, reply) => reply.status(201).send(await setCellLeader(db, req.actor!, req.params.id, req.body)),
  );
  app.post(
    '/api/cells/:id/leaders/end',
    {
      schema: {
        tags,
        summary: "End the current cell leader's term",
        params: IdParam,
        body: Type.Object({ until: IsoDate, reason: Reason }, { additionalProperties: false }),
      },
    },
    async (req) => endCellLeader(db, req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/cells/:id/leader-requests',
    {
      schema: { tags, summary: 'Record a request the cell leader carries', params: IdParam, body: LeaderRequestBody },
    },
    async (req, reply) => reply.status(201).send(await addLeaderRequest(db, req.actor!, req.params.id, req.body)),
  );
  app.post(
    '/api/leader-requests/:id/answer',
    {
      schema: { tags, summary: "Answer a cell leader's request", params: IdParam, body: AnswerBody },
    },
    async (req) => answerLeaderRequest(db, req.actor!, req.params.id, req.body),
  );
}
