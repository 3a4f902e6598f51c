/** The releases, escapes and deaths API (OpenAPI tag `movements`). */
import type { App, AppContext } from '../../../http/context.js';
import {
  CompletionBody,
  ConfirmBody,
  DeathBody,
  DueReply,
  EscapeBody,
  IdParam,
  IncidentView,
  NoticeBody,
  PrisonQuery,
  RecaptureBody,
  ReleaseCheckBody,
  ReleaseView,
  SettingsBody,
  SettingsView,
} from './schemas.js';
import {
  addIncidentNotice,
  addReleaseNotice,
  checkRelease,
  completeRelease,
  confirmRelease,
  getIncident,
  getRelease,
  putReleaseSettings,
  recapture,
  recordDeath,
  recordEscape,
  releaseDueList,
  releaseSettings,
} from './service.js';

const tags = ['movements'];

export function releaseRoutes(app: App, { database }: AppContext): Promise<void> {
  const db = database.db;
  app.get(
    '/api/movements/release-due',
    {
      schema: {
        tags,
        summary:
          "Who must be released, so nobody is held a day too long: the justice module's release-due, expired-title and " +
          'no-title alerts, and sentences ending tomorrow or this week, with any release in progress',
        querystring: PrisonQuery,
        response: { 200: DueReply },
      },
    },
    async (req) => releaseDueList(db, req.actor!, req.query.prison, req.lang),
  );
  app.post(
    '/api/movements/releases',
    {
      schema: {
        tags,
        summary:
          "Check a release: the order (issuing authority, reference, date) or, with no order needed, the justice basis, and the person's identity against the file. Nothing leaves yet: a second officer confirms",
        body: ReleaseCheckBody,
        response: { 201: ReleaseView },
      },
    },
    async (req, reply) => reply.status(201).send(await checkRelease(db, req.actor!, req.body)),
  );
  app.get(
    '/api/movements/releases/:id',
    {
      schema: {
        tags,
        summary: 'A release and where its checklist stands',
        params: IdParam,
        response: { 200: ReleaseView },
      },
    },
    async (req) => getRelease(db, req.actor!, req.params.id),
  );
  app.post(
    '/api/movements/releases/:id/confirmation',
    {
      schema: {
        tags,
        summary: "The second officer's confirmation (never the officer who checked)",
        params: IdParam,
        body: ConfirmBody,
        response: { 200: ReleaseView },
      },
    },
    async (req) => confirmRelease(db, req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/movements/releases/:id/completion',
    {
      schema: {
        tags,
        summary:
          'Belongings and money returned against signature, then the admission ends (reason release) and the certificate is numbered. Refused (409) until checked and confirmed',
        params: IdParam,
        body: CompletionBody,
        response: { 200: ReleaseView },
      },
    },
    async (req) => completeRelease(db, req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/movements/releases/:id/notifications',
    {
      schema: {
        tags,
        summary: 'Record who was told of the release (the family; the designated authorities), how and when',
        params: IdParam,
        body: NoticeBody,
        response: { 201: ReleaseView },
      },
    },
    async (req, reply) => reply.status(201).send(await addReleaseNotice(db, req.actor!, req.params.id, req.body)),
  );
  app.get(
    '/api/movements/release-settings',
    {
      schema: {
        tags,
        summary: 'The authorities told of the release of a person held for a terrorism-related offence',
        response: { 200: SettingsView },
      },
    },
    async (req) => releaseSettings(db, req.actor!),
  );
  app.put(
    '/api/movements/release-settings',
    {
      schema: {
        tags,
        summary: 'Set the designated authorities (national administration)',
        body: SettingsBody,
        response: { 200: SettingsView },
      },
    },
    async (req) => putReleaseSettings(db, req.actor!, req.body),
  );
  app.post(
    '/api/movements/escapes',
    {
      schema: {
        tags,
        summary: 'Record an escape (when, from where, how): the admission ends with reason escape',
        body: EscapeBody,
        response: { 201: IncidentView },
      },
    },
    async (req, reply) => reply.status(201).send(await recordEscape(db, req.actor!, req.body)),
  );
  app.post(
    '/api/movements/deaths',
    {
      schema: {
        tags,
        summary:
          'Record a death in custody: the admission ends with reason death; the incident checklist opens where the incidents capability exists',
        body: DeathBody,
        response: { 201: IncidentView },
      },
    },
    async (req, reply) => reply.status(201).send(await recordDeath(db, req.actor!, req.body)),
  );
  app.get(
    '/api/movements/incidents/:id',
    { schema: { tags, summary: 'An escape or a death in custody', params: IdParam, response: { 200: IncidentView } } },
    async (req) => getIncident(db, req.actor!, req.params.id),
  );
  app.post(
    '/api/movements/incidents/:id/notifications',
    {
      schema: {
        tags,
        summary:
          'Record an alert sent (police, gendarmerie) or a notification (family, prosecutor): to whom, how, when',
        params: IdParam,
        body: NoticeBody,
        response: { 201: IncidentView },
      },
    },
    async (req, reply) => reply.status(201).send(await addIncidentNotice(db, req.actor!, req.params.id, req.body)),
  );
  app.post(
    '/api/movements/incidents/:id/recapture',
    {
      schema: {
        tags,
        summary:
          "Readmit a recaptured escapee on the same file (a new admission with the escaped one's title and charges)",
        params: IdParam,
        body: RecaptureBody,
        response: { 200: IncidentView },
      },
    },
    async (req) => recapture(db, req.actor!, req.params.id, req.body),
  );
  return Promise.resolve();
}
