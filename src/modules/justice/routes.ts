import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../http/context.js';
import { IsoDate, Opt, PrisonRef, Reason, RefCode, Uuid } from '../../http/schemas.js';
import { courtListPage } from './pages.js';
import {
  HearingBody,
  HearingChangeBody,
  HearingOutcomeBody,
  RuleBody,
  RuleChangeBody,
  TitleBody,
  TitleCorrectionBody,
  TitleWithdrawalBody,
} from './schemas.js';
import { ALERT_KINDS, AUTHORITY_KINDS } from './rules.js';
import {
  addPartnerMember,
  addTitle,
  backlog,
  backlogCsv,
  correctTitle,
  courtList,
  createJurisdiction,
  createRule,
  getJusticeFile,
  getSettings,
  listAlerts,
  listJurisdictions,
  listRules,
  partnerAccessLog,
  partnerCases,
  recordHearingOutcome,
  scheduleHearing,
  updateHearing,
  updateRule,
  updateSettings,
  withdrawTitle,
} from './service.js';

const lit = (xs: readonly string[]) => Type.Union(xs.map((x) => Type.Literal(x)));
const IdParam = Type.Object({ id: Uuid });
const AsOf = Type.Optional(IsoDate);

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify registration functions are async
export async function justiceRoutes(app: App, { database }: AppContext): Promise<void> {
  const db = database.db;
  const tags = ['justice'];

  app.get(
    '/api/justice/admissions/:id',
    {
      schema: {
        tags,
        summary:
          'The justice file of an admission: every title and version, derived status and basis, pre-trial limits, release date with its calculation, hearings, alerts',
        params: IdParam,
        querystring: Type.Object({ as_of: AsOf }, { additionalProperties: false }),
      },
    },
    async (req) => getJusticeFile(db, req.actor!, req.params.id, { asOf: req.query.as_of, lang: req.lang }),
  );

  app.post(
    '/api/justice/admissions/:id/titles',
    {
      schema: {
        tags,
        summary:
          'Record a legal title (committal order, extension, judgment, appeal, pardon, remission...); admission.legal_status follows',
        params: IdParam,
        body: TitleBody,
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addTitle(db, req.actor!, req.params.id, req.body, { lang: req.lang })),
  );

  app.post(
    '/api/justice/titles/:id/corrections',
    {
      schema: {
        tags,
        summary:
          'Correct a title (or a document recorded at admission): a new version supersedes it; the old one stays',
        params: IdParam,
        body: TitleCorrectionBody,
      },
    },
    async (req, reply) =>
      reply.status(201).send(await correctTitle(db, req.actor!, req.params.id, req.body, { lang: req.lang })),
  );

  app.post(
    '/api/justice/titles/:id/withdrawal',
    {
      schema: {
        tags,
        summary: 'Withdraw a title recorded in error (kept, no longer in force)',
        params: IdParam,
        body: TitleWithdrawalBody,
      },
    },
    async (req) => withdrawTitle(db, req.actor!, req.params.id, req.body, { lang: req.lang }),
  );

  app.post(
    '/api/justice/admissions/:id/hearings',
    {
      schema: {
        tags,
        summary: 'Schedule a court appearance (production order) with its escort',
        params: IdParam,
        body: HearingBody,
      },
    },
    async (req, reply) =>
      reply.status(201).send(await scheduleHearing(db, req.actor!, req.params.id, req.body, { lang: req.lang })),
  );

  app.post(
    '/api/justice/hearings/:id/outcome',
    {
      schema: {
        tags,
        summary: 'What happened at the hearing',
        params: IdParam,
        body: HearingOutcomeBody,
      },
    },
    async (req) => recordHearingOutcome(db, req.actor!, req.params.id, req.body, { lang: req.lang }),
  );

  app.patch(
    '/api/justice/hearings/:id',
    {
      schema: {
        tags,
        summary: 'Change the date, court or escort of a hearing (with the reason)',
        params: IdParam,
        body: HearingChangeBody,
      },
    },
    async (req) => updateHearing(db, req.actor!, req.params.id, req.body, { lang: req.lang }),
  );

  app.get(
    '/api/justice/prisons/:prison/court-list',
    {
      schema: {
        tags,
        summary:
          'The people to take to court on a day (tomorrow by default), with the escort; format=html gives the printable list',
        params: Type.Object({ prison: PrisonRef }),
        querystring: Type.Object(
          { date: AsOf, format: Type.Optional(lit(['json', 'html'] as const)) },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      const list = await courtList(db, req.actor!, req.params.prison, req.query.date, { lang: req.lang });
      if (req.query.format === 'html')
        return reply.type('text/html; charset=utf-8').send(courtListPage(list, req.lang).toString());
      return list;
    },
  );

  app.get(
    '/api/justice/alerts',
    {
      schema: {
        tags,
        summary: 'Justice alerts (expired titles first), for one prison or every prison in scope, as of a date',
        querystring: Type.Object(
          { prison: Type.Optional(PrisonRef), as_of: AsOf, kind: Type.Optional(lit(ALERT_KINDS)) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => listAlerts(db, req.actor!, { ...req.query, lang: req.lang }),
  );

  app.get(
    '/api/justice/backlog',
    {
      schema: {
        tags,
        summary: 'The backlog in figures, per prison and over all prisons in scope, from the records as of a date',
        querystring: Type.Object({ prison: Type.Optional(PrisonRef), as_of: AsOf }, { additionalProperties: false }),
      },
    },
    async (req) => backlog(db, req.actor!, req.query),
  );

  app.get(
    '/api/justice/backlog.csv',
    {
      schema: {
        tags,
        summary:
          "The backlog as CSV (one row per prison, and the total): headings in the request's language, or headers=codes for stable column codes",
        querystring: Type.Object(
          {
            prison: Type.Optional(PrisonRef),
            as_of: AsOf,
            headers: Type.Optional(lit(['labels', 'codes'] as const)),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      const { headers, ...query } = req.query;
      const r = await backlog(db, req.actor!, query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="backlog-${r.as_of}.csv"`)
        .send(backlogCsv(r, { lang: req.lang, headers }));
    },
  );

  app.get(
    '/api/justice/rules',
    { schema: { tags, summary: 'Pre-trial detention limit rules (versioned by legal basis and date)' } },
    async (req) => ({ items: await listRules(db, req.actor!) }),
  );

  app.post(
    '/api/justice/rules',
    {
      schema: {
        tags,
        summary: 'Add a limit rule (e.g. the 2024 code with its effective date)',
        body: RuleBody,
      },
    },
    async (req, reply) => reply.status(201).send(await createRule(db, req.actor!, req.body)),
  );

  app.patch(
    '/api/justice/rules/:id',
    {
      schema: {
        tags,
        summary: 'Change a limit rule (the history keeps the old values)',
        params: IdParam,
        body: RuleChangeBody,
      },
    },
    async (req) => updateRule(db, req.actor!, req.params.id, req.body),
  );

  app.get('/api/justice/settings', { schema: { tags, summary: 'Alert thresholds' } }, async (req) =>
    getSettings(db, req.actor!),
  );

  app.put(
    '/api/justice/settings',
    {
      schema: {
        tags,
        summary: 'Change the alert thresholds',
        body: Type.Object(
          {
            expiring_within_days: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
            no_hearing_months: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
            reason: Reason,
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => updateSettings(db, req.actor!, req.body),
  );

  app.get(
    '/api/justice/jurisdictions',
    { schema: { tags, summary: "Courts, prosecutors' offices and the specialised judicial unit" } },
    async (req) => ({ items: await listJurisdictions(db, req.actor!) }),
  );

  app.post(
    '/api/justice/jurisdictions',
    {
      schema: {
        tags,
        summary: 'Add a jurisdiction',
        body: Type.Object(
          {
            code: Type.String({ minLength: 1, maxLength: 40 }),
            name: Type.String({ minLength: 1, maxLength: 300 }),
            kind: lit(AUTHORITY_KINDS),
            region_code: Opt(RefCode),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => reply.status(201).send(await createJurisdiction(db, req.actor, req.body)),
  );

  app.post(
    '/api/justice/jurisdictions/:id/members',
    {
      schema: {
        tags,
        summary: "Give a partner account (role prosecutor) access to the jurisdiction's cases",
        params: Type.Object({ id: Type.String({ maxLength: 64, description: 'jurisdiction id or code' }) }),
        body: Type.Object({ user: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false }),
      },
    },
    async (req, reply) => reply.status(201).send(await addPartnerMember(db, req.actor, req.params.id, req.body.user)),
  );

  app.get(
    '/api/justice/partner/cases',
    {
      schema: {
        tags,
        summary: "A partner's cases (their jurisdictions), with status and alerts; audited",
        querystring: Type.Object({ as_of: AsOf }, { additionalProperties: false }),
      },
    },
    async (req) => partnerCases(db, req.actor!, { ...req.query, lang: req.lang }),
  );

  app.get(
    '/api/justice/partner-access',
    {
      schema: {
        tags,
        summary: "Who among the justice partners read or wrote what in the prison's files",
        querystring: Type.Object(
          { prison: Type.Optional(PrisonRef), days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => ({ items: await partnerAccessLog(db, req.actor!, req.query) }),
  );
}
