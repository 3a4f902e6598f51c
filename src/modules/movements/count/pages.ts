/**
 * Escort, count and daily-state pages (fr/en, no JavaScript) — the controller: parse the form with
 * the API's schemas (forms.ts), call the service (which authorises), choose the view.
 */
import type { FastifyRequest } from 'fastify';
import { type Actor, can } from '../../../core/access.js';
import { AppError } from '../../../core/errors.js';
import { bamakoDate, isIsoDate } from '../../../core/dates.js';
import type { Db } from '../../../db/index.js';
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
import { heldAt } from '../../custody/index.js';
import { findPrisons, getPrison } from '../../estate/index.js';
import { courtList } from '../../justice/index.js';
import { dailyState, nationalState } from './daily.js';
import { escortBoard, recordEscort, recordEscortBack } from './escorts.js';
import { escortFields, parseCountForm, parseEscortForm, parseRecountForm, parseValidateForm } from './forms.js';
import { m } from './messages.js';
import { countDay, countSheet, getRound, recount, startCount, validateCount } from './service.js';
import { boardView, newEscortView } from './views/escorts.js';
import { dayView, roundView, sheetView } from './views/count.js';
import { dailyView, nationalView } from './views/daily.js';

type Req = FastifyRequest<{
  Params: Record<string, string>;
  Querystring: Record<string, string | undefined>;
  Body: FormBody;
}>;

const has = (a: Actor, p: Parameters<typeof can>[1]) => can(a, p);
export const countNav: readonly NavEntry[] = [
  {
    href: '/movements/escorts',
    order: 40,
    text: (l) => m.t(l, 'movements.count.nav.escorts'),
    visible: (a) => has(a, 'movements.escort'),
  },
  {
    href: '/movements/count',
    order: 41,
    text: (l) => m.t(l, 'movements.count.nav.count'),
    visible: (a) => has(a, 'movements.count'),
  },
  {
    href: '/movements/daily-state',
    order: 42,
    text: (l) => m.t(l, 'movements.count.nav.daily'),
    visible: (a) => has(a, 'statistics.read') && !a.national && (has(a, 'movements.count') || has(a, 'custody.write')),
  },
  {
    href: '/movements/daily-state/national',
    order: 43,
    text: (l) => m.t(l, 'movements.count.nav.national'),
    visible: (a) => has(a, 'statistics.read') && a.national,
  },
];

/** The prison a page is about: the one asked for, else the actor's first (national: the first prison). */
async function prisonOf(db: Db, actor: Actor, asked: string | undefined) {
  if (asked) return getPrison(db, actor, asked);
  const first = actor.national ? (await findPrisons(db))[0] : (await findPrisons(db, actor.prisonIds))[0];
  if (!first) throw new AppError(403, 'error.out_of_scope'); // no prison in scope (a justice partner)
  return getPrison(db, actor, first.id);
}
const dateOf = (q: string | undefined) => (q && isIsoDate(q) ? q : undefined);

/** A refusal that belongs on the form: its fields; anything else propagates. */
function onForm(e: unknown): e is AppError {
  return e instanceof AppError && (e.status === 422 || e.status === 409);
}

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify registration functions are async
export async function countPages(app: App, ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  const hide = { schema: { hide: true } };

  // ------------------------------------------------------------------------------------ escorts
  app.get(
    '/movements/escorts',
    hide,
    pageRoute<Req>(async (req) => {
      const prison = await prisonOf(db, req.actor!, req.query.prison);
      const board = await escortBoard(db, req.actor!, prison.id, dateOf(req.query.date));
      const done = req.query.done === 'out' || req.query.done === 'back' ? req.query.done : null;
      return boardView(pageContext(req), { board, mayEscort: can(req.actor!, 'movements.escort'), done });
    }),
  );

  const newEscortPage = async (req: Req, values: FormBody | null, errors: FormErrors | null) => {
    const actor = req.actor!;
    const admissionId =
      (typeof values?.admission_id === 'string' && values.admission_id) || req.query.admission || undefined;
    const hearingId = (typeof values?.hearing_id === 'string' && values.hearing_id) || req.query.hearing || undefined;
    const prison = await prisonOf(db, actor, req.query.prison);
    if (!can(actor, 'movements.escort')) throw new AppError(403, 'error.forbidden');
    const held = await heldAt(db, prison.id, null);
    const person = admissionId ? (held.find((h) => h.admission_id === admissionId) ?? null) : null;
    if (admissionId && !person) {
      // Another prison's admission: its own prison's page, if in scope.
      const all = await Promise.all(
        (actor.national ? await findPrisons(db) : await findPrisons(db, actor.prisonIds)).map(async (p) => ({
          p,
          h: (await heldAt(db, p.id, null)).find((x) => x.admission_id === admissionId),
        })),
      );
      const found = all.find((x) => x.h);
      if (!found) throw new AppError(404, 'error.not_found');
      return newEscortForm(req, found.p, found.h!, hearingId, values, errors);
    }
    if (person) return newEscortForm(req, prison, person, hearingId, values, errors);
    const q = (req.query.q ?? '').trim();
    const needle = q.toLowerCase();
    const matches = q
      ? held
          .filter((h) => `${h.family_name} ${h.given_names} ${h.committal_number}`.toLowerCase().includes(needle))
          .slice(0, 20)
      : [];
    return newEscortView(pageContext(req), {
      prison,
      person: null,
      hearing: null,
      q,
      matches,
      values: null,
      errors: null,
      fields: escortFields(req.lang),
    });
  };
  const newEscortForm = async (
    req: Req,
    prison: { id: string; code: string; name: string },
    person: { admission_id: string; family_name: string; given_names: string; committal_number: string },
    hearingId: string | undefined,
    values: FormBody | null,
    errors: FormErrors | null,
  ) => {
    let hearing: { id: string; court: string; scheduled_at: string } | null = null;
    if (hearingId) {
      const list = await courtList(db, req.actor!, prison.id, bamakoDate());
      const h = list.items.find((x) => x.id === hearingId && x.admission_id === person.admission_id);
      if (h) hearing = { id: h.id, court: h.court, scheduled_at: h.scheduled_at };
    }
    const prefill: FormBody = hearing ? { purpose: 'court', destination: hearing.court } : {};
    return newEscortView(pageContext(req), {
      prison,
      person,
      hearing,
      q: '',
      matches: [],
      values: values ?? prefill,
      errors,
      fields: escortFields(req.lang),
    });
  };
  app.get(
    '/movements/escorts/new',
    hide,
    pageRoute<Req>(async (req) => newEscortPage(req, null, null)),
  );
  app.post(
    '/movements/escorts/new',
    hide,
    pageRoute<Req>(async (req, reply) => {
      const parsed = parseEscortForm(req.body, req.lang);
      if (!parsed.ok) return sendHtml(reply, await newEscortPage(req, req.body, parsed.errors), 422);
      let code: string;
      try {
        const e = await recordEscort(db, req.actor!, parsed.value);
        code = (await getPrison(db, req.actor!, e.prison_id)).code;
      } catch (e) {
        if (!onForm(e)) throw e;
        const fields = e.fields.length ? e.fields : [{ field: '/admission_id', key: e.key, params: e.params }];
        const errors = formErrorsFromService(fields, {
          lang: req.lang,
          names: Object.keys(req.body),
          nameOf: parsed.nameOf,
          fallback: 'purpose',
        });
        return sendHtml(reply, await newEscortPage(req, req.body, errors), e.status);
      }
      return reply.redirect(`/movements/escorts?prison=${code}&done=out`, 303);
    }),
  );
  app.post(
    '/movements/escorts/:id/back',
    hide,
    pageRoute<Req>(async (req, reply) => {
      const e = await recordEscortBack(db, req.actor!, req.params.id, {});
      const prison = await getPrison(db, req.actor!, e.prison_id);
      return reply.redirect(`/movements/escorts?prison=${prison.code}&done=back`, 303);
    }),
  );

  // ------------------------------------------------------------------------------------ count
  app.get(
    '/movements/count',
    hide,
    pageRoute<Req>(async (req) => {
      const prison = await prisonOf(db, req.actor!, req.query.prison);
      const day = await countDay(db, req.actor!, prison.id, dateOf(req.query.date));
      return dayView(pageContext(req), day, can(req.actor!, 'movements.count'));
    }),
  );

  const sheetPage = async (
    req: Req,
    unit: string,
    slot: string | undefined,
    values: FormBody | null,
    errors: FormErrors | null,
  ) => {
    if (!can(req.actor!, 'movements.count')) throw new AppError(403, 'error.forbidden');
    const sheet = await countSheet(db, req.actor!, unit, slot);
    return { sheet, html: sheetView(pageContext(req), { sheet, values, errors }) };
  };
  app.get(
    '/movements/count/sheet',
    hide,
    pageRoute<Req>(async (req, reply) => {
      let unit = req.query.unit;
      if (!unit) {
        // No unit named: the first unit of the actor's prison.
        const prison = await prisonOf(db, req.actor!, req.query.prison);
        unit = (await countDay(db, req.actor!, prison.id)).units[0]?.id;
      }
      if (!unit || !/^[0-9a-f-]{36}$/i.test(unit)) throw new AppError(404, 'error.not_found');
      const { sheet, html } = await sheetPage(req, unit, req.query.slot || undefined, null, null);
      if (sheet.id) return reply.redirect(`/movements/count/${sheet.id}`, 303);
      return html;
    }),
  );
  app.post(
    '/movements/count/sheet',
    hide,
    pageRoute<Req>(async (req, reply) => {
      // A body the form parser could not read (a malformed multipart upload, say) is an empty form.
      const body = (req.body as Req['body'] | undefined) ?? {};
      const unit = typeof body.unit_id === 'string' ? body.unit_id : '';
      const slot = typeof body.slot === 'string' ? body.slot : undefined;
      if (!/^[0-9a-f-]{36}$/i.test(unit)) throw new AppError(404, 'error.not_found');
      const current = await countSheet(db, req.actor!, unit, slot);
      const parsed = parseCountForm(body, req.lang, current.cells);
      if (!parsed.ok) return sendHtml(reply, (await sheetPage(req, unit, slot, body, parsed.errors)).html, 422);
      let id: string | null;
      try {
        id = (await startCount(db, req.actor!, parsed.value)).id;
      } catch (e) {
        if (!onForm(e)) throw e;
        const fields = e.fields.length ? e.fields : [{ field: '/counts/0/counted', key: e.key, params: e.params }];
        const errors = formErrorsFromService(fields, {
          lang: req.lang,
          names: Object.keys(body),
          nameOf: parsed.nameOf,
          fallback: 'counts.0.counted',
        });
        return sendHtml(reply, (await sheetPage(req, unit, slot, body, errors)).html, e.status);
      }
      return reply.redirect(`/movements/count/${id}?saved=1`, 303);
    }),
  );

  const roundPage = async (req: Req, extra: Partial<Parameters<typeof roundView>[1]> = {}) => {
    const round = await getRound(db, req.actor!, req.params.id);
    return roundView(pageContext(req), {
      round,
      mayCount: can(req.actor!, 'movements.count'),
      saved: req.query.saved === '1',
      ...extra,
    });
  };
  app.get(
    '/movements/count/:id',
    hide,
    pageRoute<Req>(async (req) => roundPage(req)),
  );
  app.post(
    '/movements/count/:id/recount',
    hide,
    pageRoute<Req>(async (req, reply) => {
      const round = await getRound(db, req.actor!, req.params.id);
      const cells = round.cells.filter((c) => c.difference !== 0);
      const parsed = parseRecountForm(req.body, req.lang, cells);
      if (!parsed.ok)
        return sendHtml(reply, await roundPage(req, { recount: { values: req.body, errors: parsed.errors } }), 422);
      try {
        await recount(db, req.actor!, req.params.id, parsed.value);
      } catch (e) {
        if (!onForm(e)) throw e;
        const fields = e.fields.length ? e.fields : [{ field: '/counts/0/counted', key: e.key, params: e.params }];
        const errors = formErrorsFromService(fields, {
          lang: req.lang,
          names: Object.keys(req.body),
          nameOf: parsed.nameOf,
          fallback: 'counts.0.counted',
        });
        return sendHtml(reply, await roundPage(req, { recount: { values: req.body, errors } }), e.status);
      }
      return reply.redirect(`/movements/count/${req.params.id}?saved=1`, 303);
    }),
  );
  app.post(
    '/movements/count/:id/validate',
    hide,
    pageRoute<Req>(async (req, reply) => {
      const parsed = parseValidateForm(req.body, req.lang);
      if (!parsed.ok) {
        await getRound(db, req.actor!, req.params.id);
        return sendHtml(reply, await roundPage(req, { validate: { values: req.body, errors: parsed.errors } }), 422);
      }
      try {
        await validateCount(db, req.actor!, req.params.id, parsed.value);
      } catch (e) {
        if (!onForm(e)) throw e;
        const fields = e.fields.length ? e.fields : [{ field: '/note', key: e.key, params: e.params }];
        const errors = formErrorsFromService(fields, {
          lang: req.lang,
          names: Object.keys(req.body),
          nameOf: parsed.nameOf,
          fallback: 'note',
        });
        return sendHtml(reply, await roundPage(req, { validate: { values: req.body, errors } }), e.status);
      }
      return reply.redirect(`/movements/count/${req.params.id}?saved=1`, 303);
    }),
  );

  // ------------------------------------------------------------------------------------ daily state
  app.get(
    '/movements/daily-state',
    hide,
    pageRoute<Req>(async (req) => {
      const prison = await prisonOf(db, req.actor!, req.query.prison);
      const d = await dailyState(db, req.actor!, prison.id, dateOf(req.query.date));
      return dailyView(pageContext(req), d, req.actor!.displayName);
    }),
  );
  app.get(
    '/movements/daily-state/national',
    hide,
    pageRoute<Req>(async (req) => {
      const s = await nationalState(db, req.actor!, dateOf(req.query.date));
      return nationalView(pageContext(req), s, req.actor!.displayName);
    }),
  );
}
