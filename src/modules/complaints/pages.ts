/**
 * Requests and complaints pages (fr/en, no JavaScript) — the controller: parse the form with the
 * API's schemas (forms.ts), call the service (which authorises and applies the visibility rule),
 * choose the view. Record, receipt, a prison's open list, a person's complaints, the handling page,
 * the independent body's list, statistics, reprisal warnings.
 */
import type { FastifyRequest } from 'fastify';
import { can } from '../../core/access.js';
import { AppError } from '../../core/errors.js';
import type { App, AppContext } from '../../http/context.js';
import {
  type FormBody,
  formErrorsFromService,
  type NavEntry,
  pageContext,
  pageRoute,
  sendHtml,
} from '../../web/index.js';
import { parseActionForm, parseComplaintForm, parseNoteForm } from './forms.js';
import { m } from './messages.js';
import { p } from './page-messages.js';
import {
  act,
  addNote,
  complaintSettings,
  complaintStatistics,
  currentAdmissionOf,
  getComplaint,
  inspectorList,
  leaderRequests,
  notices,
  openList,
  personComplaints,
  prisonFor,
  prisonsFor,
  recordComplaint,
  recordingContext,
  reprisalWarnings,
} from './service.js';
import { newView, receiptView, showView } from './views/complaint.js';
import { inspectorView, openListView, personView, statisticsView, warningsView } from './views/lists.js';

type Req = FastifyRequest<{
  Params: Record<string, string>;
  Querystring: Record<string, string | undefined>;
  Body: FormBody;
}>;

const readsPrison = (a: { permissions: ReadonlySet<string> }) =>
  a.permissions.has('complaints.read') || a.permissions.has('complaints.national');
export const complaintsNav: readonly NavEntry[] = [
  { href: '/complaints', order: 60, text: (l) => p.t(l, 'cmp.nav.list'), visible: readsPrison },
  {
    href: '/complaints/inspector',
    order: 61,
    text: (l) => p.t(l, 'cmp.nav.inspector'),
    visible: (a) => a.permissions.has('complaints.confidential') || a.permissions.has('complaints.national'),
  },
];

/** A refusal that belongs on the form (422, 409, and a 403 with a complaints reason): the errors on it; anything else propagates. */
function onForm(e: unknown): e is AppError {
  return (
    e instanceof AppError &&
    (e.status === 422 || e.status === 409 || (e.status === 403 && e.key.startsWith('complaints.')))
  );
}

const reprisalEvent = (lang: 'fr' | 'en', e: string) =>
  (m.table as Record<string, { fr: string; en: string }>)[`complaints.event_kind.reprisal.${e}`]?.[lang] ?? e;

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify registration functions are async
export async function complaintsPages(app: App, ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  const hide = { schema: { hide: true } };

  app.get(
    '/complaints',
    hide,
    pageRoute<Req>(async (req) => {
      const actor = req.actor!;
      const prison = await prisonFor(db, actor, req.query.prison);
      const items = await openList(db, actor, prison.code);
      const told = await notices(db, actor).catch((e: unknown) => {
        if (e instanceof AppError && e.status === 403) return [];
        throw e;
      });
      const leaders = await leaderRequests(db, actor, prison.code);
      return openListView(pageContext(req), {
        prison,
        prisons: await prisonsFor(db, actor),
        items,
        leaders,
        notices: told,
        mayRecord: can(actor, 'complaints.record'),
      });
    }),
  );

  app.get(
    '/complaints/inspector',
    hide,
    pageRoute<Req>(async (req) => {
      const items = await inspectorList(db, req.actor!);
      const s = await complaintSettings(db);
      return inspectorView(pageContext(req), { body: s.inspector_name[req.lang], items });
    }),
  );

  app.get(
    '/complaints/statistics',
    hide,
    pageRoute<Req>(async (req) => {
      const stats = await complaintStatistics(db, req.actor!, req.query.prison || undefined);
      const scope = req.query.prison
        ? (await prisonFor(db, req.actor!, req.query.prison)).name
        : p.t(req.lang, 'cmp.stats.all');
      return statisticsView(pageContext(req), { scope, stats });
    }),
  );

  app.get(
    '/complaints/warnings',
    hide,
    pageRoute<Req>(async (req) => {
      const items = await reprisalWarnings(db, req.actor!, req.query.prison || undefined);
      return warningsView(pageContext(req), { items, eventLabel: (e) => reprisalEvent(req.lang, e) });
    }),
  );

  app.get(
    '/complaints/person/:id',
    hide,
    pageRoute<Req>(async (req) => {
      const items = await personComplaints(db, req.actor!, req.params.id);
      const admissionId = await currentAdmissionOf(db, req.actor!, req.params.id);
      return personView(pageContext(req), {
        personId: req.params.id,
        admissionId,
        items,
        mayRecord: can(req.actor!, 'complaints.record'),
      });
    }),
  );

  const newPage = async (
    req: Req,
    values: FormBody | null,
    errors: ReturnType<typeof formErrorsFromService> | null,
  ) => {
    const admission =
      req.query.admission ??
      (typeof values?.admission_id === 'string' && values.admission_id ? values.admission_id : undefined);
    const c = await recordingContext(db, req.actor!, {
      prison: req.query.prison || undefined,
      admission: req.query.admission || undefined,
    });
    const reception = req.query.reception && /^[0-9a-f-]{36}$/i.test(req.query.reception) ? req.query.reception : null;
    return newView(pageContext(req), {
      body: c.body_names[req.lang],
      admissionId: req.query.admission ? (admission ?? null) : null,
      receptionId: reception,
      cells: c.cells,
      values,
      errors,
      prison: c.prison.code,
    });
  };
  app.get(
    '/complaints/new',
    hide,
    pageRoute<Req>(async (req) => newPage(req, null, null)),
  );
  app.post(
    '/complaints/new',
    hide,
    pageRoute<Req>(async (req, reply) => {
      const parsed = parseComplaintForm(req.body, req.lang);
      if (!parsed.ok) return sendHtml(reply, await newPage(req, req.body, parsed.errors), 422);
      try {
        const c = await recordComplaint(db, req.actor!, parsed.value);
        if (c.confidential) {
          // The receipt is shown once, now: the one who took it down may not open a confidential complaint again.
          const s = await complaintSettings(db);
          return await sendHtml(
            reply,
            receiptView(pageContext(req), c, {
              body: s.inspector_name[req.lang],
              prison: c.prison_code,
              printedBy: req.actor!.displayName,
            }),
            201,
          );
        }
        return await reply.redirect(`/complaints/${c.id}/receipt`, 303);
      } catch (e) {
        if (!onForm(e)) throw e;
        const fields = e.fields.length ? e.fields : [{ field: '/words', key: e.key, params: e.params }];
        const errors = formErrorsFromService(fields, {
          lang: req.lang,
          names: Object.keys(req.body),
          nameOf: parsed.nameOf,
          fallback: 'words',
        });
        return sendHtml(reply, await newPage(req, req.body, errors), e.status);
      }
    }),
  );

  app.get(
    '/complaints/:id/receipt',
    hide,
    pageRoute<Req>(async (req) => {
      const c = await getComplaint(db, req.actor!, req.params.id);
      const s = await complaintSettings(db);
      return receiptView(pageContext(req), c, {
        body: s.inspector_name[req.lang],
        prison: c.prison_code,
        printedBy: req.actor!.displayName,
      });
    }),
  );

  const showPage = async (req: Req, extra: Partial<Parameters<typeof showView>[1]> = {}) => {
    const actor = req.actor!;
    const c = await getComplaint(db, actor, req.params.id);
    const inspector = can(actor, 'complaints.confidential') || can(actor, 'complaints.national');
    return showView(pageContext(req), {
      c,
      done: req.query.done === '1',
      mayNote: c.may_handle || inspector,
      inspector,
      mayList: can(actor, 'complaints.read'),
      ...extra,
    });
  };
  app.get(
    '/complaints/:id',
    hide,
    pageRoute<Req>(async (req) => showPage(req)),
  );

  app.post(
    '/complaints/:id/action',
    hide,
    pageRoute<Req>(async (req, reply) => {
      const parsed = parseActionForm(req.body, req.lang);
      if (!parsed.ok) {
        await getComplaint(db, req.actor!, req.params.id); // a complaint one may not see is refused first
        return sendHtml(reply, await showPage(req, { actionValues: req.body, actionErrors: parsed.errors }), 422);
      }
      try {
        await act(db, req.actor!, req.params.id, parsed.value);
      } catch (e) {
        if (!onForm(e)) throw e;
        const fields = e.fields.length ? e.fields : [{ field: '/action', key: e.key, params: e.params }];
        const errors = formErrorsFromService(fields, {
          lang: req.lang,
          names: Object.keys(req.body),
          nameOf: parsed.nameOf,
          fallback: 'action',
        });
        return sendHtml(reply, await showPage(req, { actionValues: req.body, actionErrors: errors }), e.status);
      }
      return reply.redirect(`/complaints/${req.params.id}?done=1`, 303);
    }),
  );

  app.post(
    '/complaints/:id/note',
    hide,
    pageRoute<Req>(async (req, reply) => {
      const parsed = parseNoteForm(req.body, req.lang);
      if (!parsed.ok) {
        await getComplaint(db, req.actor!, req.params.id);
        return sendHtml(reply, await showPage(req, { noteValues: req.body, noteErrors: parsed.errors }), 422);
      }
      try {
        await addNote(db, req.actor!, req.params.id, parsed.value);
      } catch (e) {
        if (!onForm(e)) throw e;
        const fields = e.fields.length ? e.fields : [{ field: '/text', key: e.key, params: e.params }];
        const errors = formErrorsFromService(fields, {
          lang: req.lang,
          names: Object.keys(req.body),
          nameOf: parsed.nameOf,
          fallback: 'text',
        });
        return sendHtml(reply, await showPage(req, { noteValues: req.body, noteErrors: errors }), e.status);
      }
      return reply.redirect(`/complaints/${req.params.id}?done=1`, 303);
    }),
  );
}
