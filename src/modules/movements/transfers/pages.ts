/**
 * Transfer pages (fr/en, no JavaScript) — the controller: parse the form with the API's schemas
 * (forms.ts), call the service (which authorises), choose the view. A prison's transfers, the
 * in-transit board, the request, one transfer with its decision / notice / arrival / cancel forms,
 * a vehicle's list (printable) with its departure form.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../../core/access.js';
import { AppError } from '../../../core/errors.js';
import type { App, AppContext } from '../../../http/context.js';
import {
  type FormBody,
  type FormErrors,
  formErrorsFromService,
  type NavEntry,
  pageContext,
  pageRoute,
  sendHtml,
} from '../../../web/index.js';
import {
  parseArrivalForm,
  parseCancelForm,
  parseConvoyForm,
  parseDecisionForm,
  parseDepartForm,
  parseNoticeForm,
  parseRequestForm,
} from './forms.js';
import { m } from './messages.js';
import {
  cancelTransfer,
  cellsOf,
  convoysOf,
  createConvoy,
  decideTransfer,
  departConvoy,
  destinations,
  getConvoy,
  getTransfer,
  heldIn,
  listTransfers,
  mayOn,
  prisonFor,
  receiveTransfer,
  recordNotice,
  requestTransfer,
  transferBoard,
} from './service.js';
import {
  boardView,
  convoyNewView,
  convoyView,
  listView,
  newView,
  type ShowForms,
  showView,
} from './views/transfers.js';

type Req = FastifyRequest<{
  Params: Record<string, string>;
  Querystring: Record<string, string | undefined>;
  Body: FormBody;
}>;

export const transferNav: readonly NavEntry[] = [
  {
    href: '/movements/transfers',
    order: 45,
    text: (l) => m.t(l, 'movements.transfers.nav'),
    visible: (a) => a.permissions.has('movements.transfer') || a.permissions.has('movements.transfer_decide'),
  },
];

/** A refusal that belongs on the form (422, 409): the errors on it; anything else propagates. */
const onForm = (e: unknown): e is AppError => e instanceof AppError && (e.status === 422 || e.status === 409);

type Parsed = { ok: true; value: unknown; nameOf: (p: string) => string } | { ok: false; errors: FormErrors };

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async
export async function transferPages(app: App, ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  const hide = { schema: { hide: true } };

  app.get(
    '/movements/transfers',
    hide,
    pageRoute<Req>(async (req) => {
      const actor = req.actor!;
      const prison = await prisonFor(db, actor, req.query.prison || undefined);
      const items = await listTransfers(db, actor, { prison: prison.id });
      return listView(pageContext(req), {
        prison,
        items,
        mayRequest: can(actor, 'movements.transfer'),
        convoys: await convoysOf(db, actor, prison.id),
      });
    }),
  );

  app.get(
    '/movements/transfers/board',
    hide,
    pageRoute<Req>(async (req) => {
      const prison = await prisonFor(db, req.actor!, req.query.prison || undefined);
      return boardView(pageContext(req), await transferBoard(db, req.actor!, prison.id));
    }),
  );

  const newPage = async (req: Req, values: FormBody | null, errors: FormErrors | null) => {
    const actor = req.actor!;
    const prison = await prisonFor(db, actor, req.query.prison || undefined);
    return newView(pageContext(req), {
      prison,
      held: await heldIn(db, actor, prison.id),
      destinations: await destinations(db, actor),
      values: values ?? (req.query.admission ? { admission_id: req.query.admission } : null),
      errors,
    });
  };
  app.get(
    '/movements/transfers/new',
    hide,
    pageRoute<Req>(async (req) => newPage(req, null, null)),
  );
  app.post(
    '/movements/transfers/new',
    hide,
    pageRoute<Req>(async (req, reply) => {
      const parsed = parseRequestForm(req.body, req.lang);
      if (!parsed.ok) return sendHtml(reply, await newPage(req, req.body, parsed.errors), 422);
      let id: string;
      try {
        id = (await requestTransfer(db, req.actor!, parsed.value)).id;
      } catch (e) {
        if (!onForm(e)) throw e;
        const errors = serviceErrors(req, e, parsed, 'admission_id');
        return sendHtml(reply, await newPage(req, req.body, errors), e.status);
      }
      return reply.redirect(`/movements/transfers/${id}?done=1`, 303);
    }),
  );

  const showPage = async (req: Req, forms: ShowForms = {}) => {
    const actor = req.actor!;
    const t = await getTransfer(db, actor, req.params.id);
    const may = mayOn(actor, t);
    return showView(pageContext(req), {
      t,
      may,
      cells: may.arrive ? await cellsOf(db, actor, t.to_prison.id) : [],
      forms,
      done: req.query.done === '1',
    });
  };
  app.get(
    '/movements/transfers/:id',
    hide,
    pageRoute<Req>(async (req) => showPage(req)),
  );

  /** One action form on the transfer page: parse, act, or show the page again with the errors on that form. */
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- V ties each parser to its service call
  const action = <V>(
    path: string,
    form: keyof ShowForms,
    parse: (body: FormBody | undefined, lang: 'fr' | 'en') => Parsed,
    act: (req: Req, value: V) => Promise<unknown>,
    fallback: string,
  ) =>
    app.post(
      `/movements/transfers/:id/${path}`,
      hide,
      pageRoute<Req>(async (req, reply: FastifyReply) => {
        const parsed = parse(req.body, req.lang);
        if (!parsed.ok) {
          await getTransfer(db, req.actor!, req.params.id); // a transfer one may not see is refused first
          return sendHtml(reply, await showPage(req, { [form]: { values: req.body, errors: parsed.errors } }), 422);
        }
        try {
          await act(req, parsed.value as V);
        } catch (e) {
          if (!onForm(e)) throw e;
          const errors = serviceErrors(req, e, parsed, fallback);
          return sendHtml(reply, await showPage(req, { [form]: { values: req.body, errors } }), e.status);
        }
        return reply.redirect(`/movements/transfers/${req.params.id}?done=1`, 303);
      }),
    );
  action<Parameters<typeof decideTransfer>[3]>(
    'decision',
    'decision',
    parseDecisionForm,
    (req, v) => decideTransfer(db, req.actor!, req.params.id, v),
    'decision',
  );
  action<Parameters<typeof cancelTransfer>[3]>(
    'cancel',
    'cancel',
    parseCancelForm,
    (req, v) => cancelTransfer(db, req.actor!, req.params.id, v),
    'reason',
  );
  action<Parameters<typeof recordNotice>[3]>(
    'notice',
    'notice',
    parseNoticeForm,
    (req, v) => recordNotice(db, req.actor!, req.params.id, v),
    'notified',
  );
  action<Parameters<typeof receiveTransfer>[3]>(
    'arrival',
    'arrival',
    parseArrivalForm,
    (req, v) => receiveTransfer(db, req.actor!, req.params.id, v),
    'security_check',
  );

  const convoyNewPage = async (req: Req, values: FormBody | null, errors: FormErrors | null) => {
    const actor = req.actor!;
    const prison = await prisonFor(db, actor, req.query.prison || undefined);
    const all = await listTransfers(db, actor, { prison: prison.id });
    return convoyNewView(pageContext(req), {
      prison,
      destinations: await destinations(db, actor),
      candidates: all.filter(
        (t) => t.from_prison.id === prison.id && !t.convoy && ['requested', 'escalated', 'approved'].includes(t.state),
      ),
      values,
      errors,
    });
  };
  app.get(
    '/movements/convoys/new',
    hide,
    pageRoute<Req>(async (req) => convoyNewPage(req, null, null)),
  );
  app.post(
    '/movements/convoys/new',
    hide,
    pageRoute<Req>(async (req, reply) => {
      const parsed = parseConvoyForm(req.body, req.lang);
      if (!parsed.ok) return sendHtml(reply, await convoyNewPage(req, req.body, parsed.errors), 422);
      let id: string;
      try {
        id = (await createConvoy(db, req.actor!, parsed.value)).id;
      } catch (e) {
        if (!onForm(e)) throw e;
        return sendHtml(
          reply,
          await convoyNewPage(req, req.body, serviceErrors(req, e, parsed, 'transfer_ids')),
          e.status,
        );
      }
      return reply.redirect(`/movements/convoys/${id}`, 303);
    }),
  );

  const convoyPage = async (req: Req, values: FormBody | null, errors: FormErrors | null) => {
    const actor = req.actor!;
    const { convoy, transfers } = await getConvoy(db, actor, req.params.id);
    return convoyView(pageContext(req), {
      convoy,
      transfers,
      mayDepart:
        can(actor, 'movements.transfer') &&
        can(actor, 'custody.write') &&
        (actor.national || actor.prisonIds.includes(convoy.from_prison.id)),
      printedBy: actor.displayName,
      values,
      errors,
    });
  };
  app.get(
    '/movements/convoys/:id',
    hide,
    pageRoute<Req>(async (req) => convoyPage(req, null, null)),
  );
  app.post(
    '/movements/convoys/:id/departure',
    hide,
    pageRoute<Req>(async (req, reply) => {
      const parsed = parseDepartForm(req.body, req.lang);
      if (!parsed.ok) {
        await getConvoy(db, req.actor!, req.params.id);
        return sendHtml(reply, await convoyPage(req, req.body, parsed.errors), 422);
      }
      try {
        await departConvoy(db, req.actor!, req.params.id, parsed.value);
      } catch (e) {
        if (!onForm(e)) throw e;
        return sendHtml(
          reply,
          await convoyPage(req, req.body, serviceErrors(req, e, parsed, 'property_signed_out')),
          e.status,
        );
      }
      return reply.redirect(`/movements/convoys/${req.params.id}`, 303);
    }),
  );
}

function serviceErrors(req: Req, e: AppError, parsed: { nameOf: (p: string) => string }, fallback: string): FormErrors {
  const fields = e.fields.length ? e.fields : [{ field: `/${fallback}`, key: e.key, params: e.params }];
  return formErrorsFromService(fields, {
    lang: req.lang,
    names: Object.keys(req.body),
    nameOf: parsed.nameOf,
    fallback,
  });
}
