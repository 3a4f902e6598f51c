/**
 * Gate, visitor and family-contact pages (fr/en, no JavaScript) — the controller: parse the form with
 * the API's schemas (forms.ts), call the service (which authorises), choose the view.
 */
import type { FastifyRequest } from 'fastify';
import { type Actor, can } from '../../../core/access.js';
import { AppError } from '../../../core/errors.js';
import { isIsoDate } from '../../../core/dates.js';
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
import { contactOverview, noContactList, recordContact, requestTracing } from './contact.js';
import {
  contactFields,
  itemFields,
  parseBanForm,
  parseContactForm,
  parseItemForm,
  parseTracingForm,
  parseVisitForm,
  parseVisitorForm,
  banFields,
  tracingFields,
  visitFields,
  visitorFields,
} from './forms.js';
import { m, refusalLabel } from './messages.js';
import type { RefusalCode } from './rules.js';
import { dayList, getVisit, recordArrival, recordDeparture, recordItem, registerVisit } from './service.js';
import { addVisitorRelationship, banVisitor, getVisitor, registerVisitor, searchVisitors } from './visitors.js';
import { gateView, newVisitView, visitView } from './views/gate.js';
import { contactView, newVisitorView, noContactView, visitorsView, visitorView } from './views/people.js';

type Req = FastifyRequest<{
  Params: Record<string, string>;
  Querystring: Record<string, string | undefined>;
  Body: FormBody;
}>;

export const gateNav: readonly NavEntry[] = [
  { href: '/visits/gate', order: 50, text: (l) => m.t(l, 'visits.nav.gate'), visible: (a) => can(a, 'visits.read') },
  {
    href: '/visits/visitors',
    order: 51,
    text: (l) => m.t(l, 'visits.nav.visitors'),
    visible: (a) => can(a, 'visits.read'),
  },
  {
    href: '/visits/no-contact',
    order: 52,
    text: (l) => m.t(l, 'visits.nav.no_contact'),
    visible: (a) => can(a, 'visits.read') && !a.national,
  },
];

async function prisonOf(db: Db, actor: Actor, asked: string | undefined) {
  if (asked) return getPrison(db, actor, asked);
  const first = actor.national ? (await findPrisons(db))[0] : (await findPrisons(db, actor.prisonIds))[0];
  if (!first) throw new AppError(403, 'error.out_of_scope');
  return getPrison(db, actor, first.id);
}
const onForm = (e: unknown): e is AppError => e instanceof AppError && (e.status === 422 || e.status === 409);
const str = (v: string | readonly string[] | undefined) => (typeof v === 'string' ? v : undefined);

export function gatePages(app: App, ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  const hide = { schema: { hide: true } };
  const serviceErrors = (req: Req, e: AppError, nameOf: (p: string) => string, fallback: string) =>
    formErrorsFromService(e.fields.length ? e.fields : [{ field: `/${fallback}`, key: e.key, params: e.params }], {
      lang: req.lang,
      names: Object.keys(req.body),
      nameOf,
      fallback,
    });

  // ------------------------------------------------------------------------------------ the gate
  app.get(
    '/visits/gate',
    hide,
    pageRoute<Req>(async (req) => {
      const prison = await prisonOf(db, req.actor!, req.query.prison);
      const date = req.query.date && isIsoDate(req.query.date) ? req.query.date : undefined;
      const list = await dayList(db, req.actor!, prison.id, date);
      const code = req.query.reason as RefusalCode | undefined;
      const known = code && (refusalLabel.values as readonly string[]).includes(code);
      return gateView(pageContext(req), {
        list,
        mayGate: can(req.actor!, 'visits.gate'),
        done: req.query.done ?? null,
        reason: known ? refusalLabel(req.lang, code) : null,
        printedBy: req.actor!.displayName,
      });
    }),
  );

  const newVisitPage = async (req: Req, values: FormBody | null, errors: FormErrors | null) => {
    const actor = req.actor!;
    if (!can(actor, 'visits.gate')) throw new AppError(403, 'error.forbidden');
    const admission = str(values?.admission_id) ?? req.query.admission;
    const prisons = actor.national ? await findPrisons(db) : await findPrisons(db, actor.prisonIds);
    let prison = await prisonOf(db, actor, req.query.prison);
    let held = await heldAt(db, prison.id, null);
    let person = admission ? held.find((h) => h.admission_id === admission) : undefined;
    if (admission && !person)
      for (const p of prisons) {
        const h = (await heldAt(db, p.id, null)).find((x) => x.admission_id === admission);
        if (h) {
          prison = await getPrison(db, actor, p.id);
          held = [];
          person = h;
          break;
        }
      }
    if (admission && !person) throw new AppError(404, 'error.not_found');
    const q = (req.query.q ?? '').trim();
    const needle = q.toLowerCase();
    const matches = q
      ? held
          .filter((h) => `${h.family_name} ${h.given_names} ${h.committal_number}`.toLowerCase().includes(needle))
          .slice(0, 20)
      : [];
    const visitors = person ? (await contactOverview(db, actor, person.person_id)).visitors : [];
    return newVisitView(pageContext(req), {
      prison,
      person: person ?? null,
      q,
      matches,
      visitors,
      values,
      errors,
      fields: visitFields(req.lang),
    });
  };
  app.get(
    '/visits/new',
    hide,
    pageRoute<Req>(async (req) => newVisitPage(req, null, null)),
  );
  app.post(
    '/visits/new',
    hide,
    pageRoute<Req>(async (req, reply) => {
      const parsed = parseVisitForm(req.body, req.lang);
      if (!parsed.ok) return sendHtml(reply, await newVisitPage(req, req.body, parsed.errors), 422);
      let target: string;
      try {
        const v = await registerVisit(db, req.actor!, parsed.value);
        const prison = await getPrison(db, req.actor!, v.prison_id);
        const done = v.state === 'refused' ? `refused&reason=${v.refusal_code ?? ''}` : 'booked';
        target = `/visits/gate?prison=${prison.code}&date=${v.day}&done=${done}`;
      } catch (e) {
        if (!onForm(e)) throw e;
        return sendHtml(
          reply,
          await newVisitPage(req, req.body, serviceErrors(req, e, parsed.nameOf, 'kind')),
          e.status,
        );
      }
      return reply.redirect(target, 303);
    }),
  );

  const visitPage = async (req: Req, values: FormBody | null, errors: FormErrors | null) => {
    const v = await getVisit(db, req.actor!, req.params.id);
    const prison = await getPrison(db, req.actor!, v.prison_id);
    return visitView(pageContext(req), {
      visit: v,
      mayGate: can(req.actor!, 'visits.gate'),
      values,
      errors,
      fields: itemFields(req.lang),
      done: req.query.done === 'item',
      prisonCode: prison.code,
    });
  };
  app.get(
    '/visits/:id',
    hide,
    pageRoute<Req>(async (req) => visitPage(req, null, null)),
  );
  app.post(
    '/visits/:id/items',
    hide,
    pageRoute<Req>(async (req, reply) => {
      const parsed = parseItemForm(req.body, req.lang);
      if (!parsed.ok) return sendHtml(reply, await visitPage(req, req.body, parsed.errors), 422);
      try {
        await recordItem(db, req.actor!, req.params.id, parsed.value);
      } catch (e) {
        if (!onForm(e)) throw e;
        return sendHtml(
          reply,
          await visitPage(req, req.body, serviceErrors(req, e, parsed.nameOf, 'description')),
          e.status,
        );
      }
      return reply.redirect(`/visits/${req.params.id}?done=item`, 303);
    }),
  );
  for (const [path, done] of [
    ['arrival', 'arrived'],
    ['departure', 'left'],
  ] as const)
    app.post(
      `/visits/:id/${path}`,
      hide,
      pageRoute<Req>(async (req, reply) => {
        const v =
          path === 'arrival'
            ? await recordArrival(db, req.actor!, req.params.id, {})
            : await recordDeparture(db, req.actor!, req.params.id, {});
        const prison = await getPrison(db, req.actor!, v.prison_id);
        return reply.redirect(`/visits/gate?prison=${prison.code}&date=${v.day}&done=${done}`, 303);
      }),
    );

  // ------------------------------------------------------------------------------------ visitors
  app.get(
    '/visits/visitors',
    hide,
    pageRoute<Req>(async (req) => {
      const q = (req.query.q ?? '').trim().slice(0, 200);
      if (!can(req.actor!, 'visits.read')) throw new AppError(403, 'error.forbidden');
      const items = q ? await searchVisitors(db, req.actor!, q) : [];
      return visitorsView(pageContext(req), { q, items, mayGate: can(req.actor!, 'visits.gate') });
    }),
  );
  const newVisitorPage = async (req: Req, values: FormBody | null, errors: FormErrors | null) => {
    if (!can(req.actor!, 'visits.gate')) throw new AppError(403, 'error.forbidden');
    const personId = str(values?.person_id) ?? req.query.person;
    let person = null;
    if (personId) {
      const o = await contactOverview(db, req.actor!, personId);
      person = {
        person_id: o.person_id,
        admission_id: o.admission_id,
        family_name: o.family_name,
        given_names: o.given_names,
      };
    }
    return newVisitorView(pageContext(req), { person, values, errors, fields: visitorFields(req.lang) });
  };
  app.get(
    '/visits/visitors/new',
    hide,
    pageRoute<Req>(async (req) => newVisitorPage(req, null, null)),
  );
  app.post(
    '/visits/visitors/new',
    hide,
    pageRoute<Req>(async (req, reply) => {
      const { visitor, link } = parseVisitorForm(req.body, req.lang);
      if (!visitor.ok || (link && !link.ok)) {
        const errors = [...(visitor.ok ? [] : visitor.errors), ...(link && !link.ok ? link.errors : [])];
        return sendHtml(reply, await newVisitorPage(req, req.body, errors), 422);
      }
      let id: string;
      try {
        id = (await registerVisitor(db, req.actor!, visitor.value)).id;
      } catch (e) {
        if (!onForm(e)) throw e;
        return sendHtml(
          reply,
          await newVisitorPage(req, req.body, serviceErrors(req, e, visitor.nameOf, 'family_name')),
          e.status,
        );
      }
      if (link?.ok) {
        await addVisitorRelationship(db, req.actor!, id, link.value);
        const admission = str(req.body.admission_id);
        if (admission) return reply.redirect(`/visits/new?admission=${encodeURIComponent(admission)}`, 303);
      }
      return reply.redirect(`/visits/visitors/${id}?done=visitor`, 303);
    }),
  );
  const visitorPage = async (req: Req, values: FormBody | null, errors: FormErrors | null) => {
    const actor = req.actor!;
    const v = await getVisitor(db, actor, req.params.id);
    const prisons = actor.national ? await findPrisons(db) : await findPrisons(db, actor.prisonIds);
    return visitorView(pageContext(req), {
      visitor: v,
      prisons: prisons.map((p) => ({ id: p.id, code: p.code, name: p.name })),
      mayDecide: can(actor, 'visits.decide'),
      values,
      errors,
      fields: banFields(req.lang),
      done: req.query.done ?? null,
    });
  };
  app.get(
    '/visits/visitors/:id',
    hide,
    pageRoute<Req>(async (req) => visitorPage(req, null, null)),
  );
  app.post(
    '/visits/visitors/:id/ban',
    hide,
    pageRoute<Req>(async (req, reply) => {
      const parsed = parseBanForm(req.body, req.lang);
      if (!parsed.ok) return sendHtml(reply, await visitorPage(req, req.body, parsed.errors), 422);
      try {
        await banVisitor(db, req.actor!, req.params.id, parsed.value);
      } catch (e) {
        if (!onForm(e)) throw e;
        return sendHtml(
          reply,
          await visitorPage(req, req.body, serviceErrors(req, e, parsed.nameOf, 'reason')),
          e.status,
        );
      }
      return reply.redirect(`/visits/visitors/${req.params.id}?done=ban`, 303);
    }),
  );

  // ------------------------------------------------------------------------------------ family contact
  const contactPage = async (
    req: Req,
    which: 'contact' | 'tracing' | null,
    values: FormBody | null,
    errors: FormErrors | null,
  ) => {
    const o = await contactOverview(db, req.actor!, req.params.personId);
    return contactView(pageContext(req), {
      o,
      mayContact: can(req.actor!, 'visits.contact'),
      contactValues: which === 'contact' ? values : null,
      contactErrors: which === 'contact' ? errors : null,
      tracingValues: which === 'tracing' ? values : null,
      tracingErrors: which === 'tracing' ? errors : null,
      contactFields: contactFields(req.lang),
      tracingFields: tracingFields(req.lang),
      done: req.query.done ?? null,
      regionName: (c) => c ?? '',
    });
  };
  app.get(
    '/visits/people/:personId',
    hide,
    pageRoute<Req>(async (req) => contactPage(req, null, null, null)),
  );
  app.post(
    '/visits/people/:personId/contacts',
    hide,
    pageRoute<Req>(async (req, reply) => {
      const parsed = parseContactForm(req.body, req.lang);
      if (!parsed.ok) return sendHtml(reply, await contactPage(req, 'contact', req.body, parsed.errors), 422);
      try {
        await recordContact(db, req.actor!, parsed.value);
      } catch (e) {
        if (!onForm(e)) throw e;
        return sendHtml(
          reply,
          await contactPage(req, 'contact', req.body, serviceErrors(req, e, parsed.nameOf, 'with_whom')),
          e.status,
        );
      }
      return reply.redirect(`/visits/people/${req.params.personId}?done=contact`, 303);
    }),
  );
  app.post(
    '/visits/people/:personId/tracing',
    hide,
    pageRoute<Req>(async (req, reply) => {
      const parsed = parseTracingForm(req.body, req.lang);
      if (!parsed.ok) return sendHtml(reply, await contactPage(req, 'tracing', req.body, parsed.errors), 422);
      try {
        await requestTracing(db, req.actor!, parsed.value);
      } catch (e) {
        if (!onForm(e)) throw e;
        return sendHtml(
          reply,
          await contactPage(req, 'tracing', req.body, serviceErrors(req, e, parsed.nameOf, 'sought')),
          e.status,
        );
      }
      return reply.redirect(`/visits/people/${req.params.personId}?done=tracing`, 303);
    }),
  );
  app.get(
    '/visits/no-contact',
    hide,
    pageRoute<Req>(async (req) => {
      const prison = await prisonOf(db, req.actor!, req.query.prison);
      const d = Number(req.query.days);
      const days = Number.isInteger(d) && d >= 1 && d <= 3650 ? d : undefined;
      return noContactView(pageContext(req), await noContactList(db, req.actor!, prison.id, days));
    }),
  );
  return Promise.resolve();
}
