/** The complaints API (OpenAPI tag `complaints`). */
import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../http/context.js';
import {
  ActionBody,
  AssignBody,
  ComplaintDetail,
  IdParam,
  ListReply,
  NewComplaintBody,
  NoteBody,
  NoticeReply,
  PrisonQuery,
  SettingsBody,
  SettingsView,
  StatsQuery,
  StatsReply,
  WarningReply,
} from './schemas.js';
import {
  act,
  addNote,
  assign,
  byReference,
  complaintStatistics,
  getComplaint,
  getSettings,
  inspectorList,
  markNoticeSeen,
  notices,
  openList,
  personComplaints,
  putSettings,
  recordComplaint,
  reprisalWarnings,
} from './service.js';

const tags = ['complaints'];

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify registration functions are async
export async function complaintsRoutes(app: App, { database }: AppContext): Promise<void> {
  const db = database.db;
  app.post(
    '/api/complaints',
    {
      schema: {
        tags,
        summary:
          "Record a request or complaint in the detainee's own words (at their word, by the cell leader for a cell, or " +
          'from a paper slip); answers the receipt with its reference. An allegation of ill-treatment is told at once to ' +
          'the director and the national administration; a complaint addressed to the independent body is confidential',
        body: NewComplaintBody,
        response: { 201: ComplaintDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await recordComplaint(db, req.actor!, req.body)),
  );
  app.get(
    '/api/complaints',
    {
      schema: {
        tags,
        summary:
          "A prison's open requests and complaints, overdue first, then by age and category (never the confidential " +
          "ones for the prison's staff)",
        querystring: PrisonQuery,
        response: { 200: ListReply },
      },
    },
    async (req) => ({ items: await openList(db, req.actor!, req.query.prison) }),
  );
  app.get(
    '/api/complaints/inspector',
    {
      schema: {
        tags,
        summary:
          "The independent body's list: its confidential complaints and every allegation of ill-treatment, across " +
          'prisons (each confidential read audited)',
        response: { 200: ListReply },
      },
    },
    async (req) => ({ items: await inspectorList(db, req.actor!) }),
  );
  app.get(
    '/api/complaints/statistics',
    {
      schema: {
        tags,
        summary:
          'Counts of the complaints the reader may see by category, quarter and unit (one prison, or every prison in scope)',
        querystring: StatsQuery,
        response: { 200: StatsReply },
      },
    },
    async (req) => complaintStatistics(db, req.actor!, req.query.prison),
  );
  app.get(
    '/api/complaints/notices',
    {
      schema: {
        tags,
        summary:
          'What the reader was told at once: allegations of ill-treatment (director, national administration, ' +
          'independent body), appeals, confidential complaints',
        response: { 200: NoticeReply },
      },
    },
    async (req) => ({ items: await notices(db, req.actor!) }),
  );
  app.post(
    '/api/complaints/notices/:id/seen',
    {
      schema: {
        tags,
        summary: 'Mark a notice as seen (who and when are kept)',
        params: IdParam,
        response: { 200: Type.Object({ id: Type.String() }) },
      },
    },
    async (req) => markNoticeSeen(db, req.actor!, req.params.id),
  );
  app.get(
    '/api/complaints/reprisal-warnings',
    {
      schema: {
        tags,
        summary:
          'Complainants moved, transferred, disciplined or restricted within 30 days of a complaint; reading them ' +
          'records who saw each warning',
        querystring: StatsQuery,
        response: { 200: WarningReply },
      },
    },
    async (req) => ({ items: await reprisalWarnings(db, req.actor!, req.query.prison) }),
  );
  app.get(
    '/api/complaints/settings',
    {
      schema: {
        tags,
        summary: "Deadlines, owners per category and the independent body's name (national settings)",
        response: { 200: SettingsView },
      },
    },
    async (req) => getSettings(db, req.actor!),
  );
  app.put(
    '/api/complaints/settings',
    {
      schema: {
        tags,
        summary:
          "Change the deadlines, owners and the independent body's name (national complaints officer; kept in the history)",
        body: SettingsBody,
        response: { 200: SettingsView },
      },
    },
    async (req) => putSettings(db, req.actor!, req.body),
  );
  app.get(
    '/api/complaints/by-reference/:reference',
    {
      schema: {
        tags,
        summary: 'Find a complaint by the reference on the receipt',
        params: Type.Object({ reference: Type.String({ minLength: 1, maxLength: 40 }) }),
        response: { 200: ComplaintDetail },
      },
    },
    async (req) => byReference(db, req.actor!, req.params.reference),
  );
  app.get(
    '/api/complaints/:id',
    {
      schema: {
        tags,
        summary:
          'One complaint with its history (a confidential one: only the independent body and the national complaints ' +
          'officer; the read is audited)',
        params: IdParam,
        response: { 200: ComplaintDetail },
      },
    },
    async (req) => getComplaint(db, req.actor!, req.params.id),
  );
  app.post(
    '/api/complaints/:id/actions',
    {
      schema: {
        tags,
        summary:
          'Move the complaint on: acknowledge, investigate, answer (text and outcome), the detainee accepts or appeals ' +
          '(once, to the national level), close, withdraw. Never by staff the complaint names',
        params: IdParam,
        body: ActionBody,
        response: { 200: ComplaintDetail },
      },
    },
    async (req) => act(db, req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/complaints/:id/notes',
    {
      schema: {
        tags,
        summary:
          'An investigation note, the answer read to the detainee, or for the independent body facts asked for, facts ' +
          'recorded and recommendations',
        params: IdParam,
        body: NoteBody,
        response: { 200: ComplaintDetail },
      },
    },
    async (req) => addNote(db, req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/complaints/:id/assign',
    {
      schema: {
        tags,
        summary: 'Give the complaint to a handler (never staff it names)',
        params: IdParam,
        body: AssignBody,
        response: { 200: ComplaintDetail },
      },
    },
    async (req) => assign(db, req.actor!, req.params.id, req.body.username),
  );
  app.get(
    '/api/persons/:id/complaints',
    {
      schema: {
        tags,
        summary: "A person's requests and complaints the reader may see",
        params: IdParam,
        response: { 200: ListReply },
      },
    },
    async (req) => ({ items: await personComplaints(db, req.actor!, req.params.id) }),
  );
}
