/**
 * The announced arrivals' pages (fr/en, no JavaScript) — the controller: parse the form with the
 * API's schema (forms.ts), call the service (which authorises), choose the view. Also plugs the
 * expected arrivals and the registration prefill into the reception pages (reception's chain port).
 */
import type { FastifyRequest } from 'fastify';
import { can } from '../../../core/access.js';
import { AppError } from '../../../core/errors.js';
import type { App, AppContext } from '../../../http/context.js';
import { contentDisposition } from '../../attachments/index.js';
import { provideChainArrivals } from '../../reception/index.js';
import {
  type FormBody,
  formErrorsFromService,
  type NavEntry,
  pageContext,
  pageRoute,
  sendHtml,
} from '../../../web/index.js';
import { parseAnnouncementForm } from './forms.js';
import { p } from './page-messages.js';
import {
  announceArrival,
  announcementChoices,
  expectedArrivals,
  getAnnouncement,
  listAnnouncements,
  nothingShared,
  partnerView,
  readDocument,
  receiveAnnounced,
  registrationPrefillFor,
} from './service.js';
import { expectedSection, listView, newView, nothingSharedView, partnerPage, showView } from './views/announce.js';

type Req = FastifyRequest<{
  Params: Record<string, string>;
  Querystring: Record<string, string | undefined>;
  Body: FormBody;
}>;

export const announceNav: readonly NavEntry[] = [
  {
    href: '/chain/announcements',
    order: 70,
    text: (l) => p.t(l, 'chn.nav.announcements'),
    visible: (a) => a.permissions.has('chain.announce') || a.permissions.has('chain.receive'),
  },
  {
    href: '/chain/partner',
    order: 71,
    text: (l) => p.t(l, 'chn.nav.partner'),
    visible: (a) => a.permissions.has('chain.partner_view') && (a.national || a.roles.includes('prosecutor')),
  },
];

const onForm = (e: unknown): e is AppError => e instanceof AppError && (e.status === 422 || e.status === 409);

// eslint-disable-next-line @typescript-eslint/require-await -- the registration signature every module's pages share
export async function announcePages(app: App, ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  const { config } = ctx;
  const hide = { schema: { hide: true } };

  provideChainArrivals({
    expectedArrivals: async (d, actor, lang) =>
      can(actor, 'chain.receive') ? expectedSection(lang, await expectedArrivals(d, actor)) : null,
    registrationPrefill: registrationPrefillFor,
  });

  app.get(
    '/chain/announcements',
    hide,
    pageRoute<Req>(async (req) => {
      const actor = req.actor!;
      const items = await listAnnouncements(db, actor);
      return listView(pageContext(req), {
        items,
        mayAnnounce: can(actor, 'chain.announce'),
        mayFigures: can(actor, 'statistics.read'),
        mayPartner: can(actor, 'chain.partner_view') && (actor.national || actor.roles.includes('prosecutor')),
      });
    }),
  );

  const newPage = async (
    req: Req,
    values: FormBody | null,
    errors: ReturnType<typeof formErrorsFromService> | null,
  ) => {
    const c = await announcementChoices(db, req.actor!);
    return newView(pageContext(req), { values, errors, ...c });
  };
  app.get(
    '/chain/announcements/new',
    hide,
    pageRoute<Req>(async (req) => newPage(req, null, null)),
  );
  app.post(
    '/chain/announcements/new',
    hide,
    pageRoute<Req>(async (req, reply) => {
      const parsed = parseAnnouncementForm(req.body, req.lang);
      if (!parsed.ok) return sendHtml(reply, await newPage(req, req.body, parsed.errors), 422);
      try {
        const a = await announceArrival(db, req.actor!, parsed.value);
        return await reply.redirect(`/chain/announcements/${a.id}?done=1`, 303);
      } catch (e) {
        if (!onForm(e)) throw e;
        const fields = e.fields.length ? e.fields : [{ field: '/family_name', key: e.key, params: e.params }];
        const errors = formErrorsFromService(fields, {
          lang: req.lang,
          names: Object.keys(req.body),
          nameOf: parsed.nameOf,
          fallback: 'family_name',
        });
        return sendHtml(reply, await newPage(req, req.body, errors), e.status);
      }
    }),
  );

  app.get(
    '/chain/announcements/:id',
    hide,
    pageRoute<Req>(async (req) => {
      const a = await getAnnouncement(db, req.actor!, req.params.id);
      return showView(pageContext(req), a, {
        done: req.query.done === '1',
        mayReceive:
          can(req.actor!, 'chain.receive') &&
          (can(req.actor!, 'intake.security') || can(req.actor!, 'intake.administration')),
      });
    }),
  );

  app.post(
    '/chain/announcements/:id/receive',
    hide,
    pageRoute<Req>(async (req, reply) => {
      const r = await receiveAnnounced(db, req.actor!, req.params.id);
      return reply.redirect(`/receptions/${r.reception_id}`, 303);
    }),
  );

  app.get(
    '/chain/documents/:id',
    hide,
    pageRoute<Req>(async (req, reply) => {
      const f = await readDocument(db, req.actor!, config.attachmentsDir, req.params.id);
      return reply
        .type(f.content_type)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', contentDisposition(f.filename, f.content_type))
        .header('x-content-type-options', 'nosniff')
        .send(f.data);
    }),
  );

  app.get(
    '/chain/nothing-shared',
    hide,
    pageRoute<Req>(async (req) => {
      const r = await nothingShared(db, req.actor!, { prison: req.query.prison || undefined, lang: req.lang });
      return nothingSharedView(pageContext(req), r);
    }),
  );

  app.get(
    '/chain/partner',
    hide,
    pageRoute<Req>(async (req) => partnerPage(pageContext(req), await partnerView(db, req.actor!, req.lang))),
  );
}
