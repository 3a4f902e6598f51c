/**
 * The justice chain's pages (fr/en, no JavaScript): the alert list with filters, the printable court
 * list, and the forms — record a title or an extension, correct or withdraw a title, schedule or
 * change a hearing, record its outcome — each parsed with the API's schema (forms.ts) and sent to the same service call as
 * the API, which authorises (justice.read / justice.write) exactly as for the API.
 */
import type { Actor } from '../../../core/access.js';
import type { FastifyRequest } from 'fastify';
import { can } from '../../../core/access.js';
import { AppError, forbidden, notFound } from '../../../core/errors.js';
import type { App, AppContext } from '../../../http/context.js';
import {
  type FormBody,
  type FormErrors,
  formatDate,
  formErrorsFromService,
  type NavEntry,
  pageContext,
  pageRoute,
  sendHtml,
  toFormValues,
} from '../../../web/index.js';
import { listPrisons } from '../../estate/index.js';
import { isPartner } from '../service/access.js';
import {
  correctionFields,
  parseCorrectionForm,
  parseHearingChangeForm,
  parseHearingForm,
  parseOutcomeForm,
  parseTitleForm,
  parseWithdrawalForm,
} from '../forms.js';
import { jp } from '../page-messages.js';
import {
  addTitle,
  correctTitle,
  courtList,
  getJusticeFile,
  listAlerts,
  recordHearingOutcome,
  scheduleHearing,
  updateHearing,
  withdrawTitle,
} from '../service.js';
import {
  correctionFormView,
  hearingChangeFormView,
  hearingFormView,
  outcomeFormView,
  titleFormView,
  type Who,
  withdrawalFormView,
} from '../views/forms.js';
import { alertsView, courtListView } from '../views/lists.js';

type Req = FastifyRequest<{
  Params: Record<string, string>;
  Querystring: Record<string, string | undefined>;
  Body: FormBody | undefined;
}>;

/** The form's fields; none when the body is not a form (a multipart or empty body reaches the parser as no field). */
const bodyOf = (req: Req): FormBody => req.body ?? {};

/** The alert list and the court list are the prisons' staff's: a justice partner reads its own cases, not a prison's. */
const staffReader = (a: Actor): boolean => a.permissions.has('justice.read') && !isPartner(a);

export const justiceNav: readonly NavEntry[] = [
  {
    href: '/justice/alerts',
    order: 31,
    text: (l) => jp.t(l, 'jpage.nav.alerts'),
    visible: staffReader,
  },
  {
    href: '/justice/court-list',
    order: 32,
    text: (l) => jp.t(l, 'jpage.nav.court_list'),
    visible: staffReader,
  },
];

const onForm = (e: unknown): e is AppError => e instanceof AppError && (e.status === 422 || e.status === 409);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify registration functions are async
export async function justicePages(app: App, ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  const hide = { schema: { hide: true } };
  const actorOf = (req: Req) => ({ ...req.actor!, lang: req.lang });
  const fileOf = async (req: Req) => {
    if (!UUID.test(req.params.id ?? '')) throw notFound();
    if (!can(req.actor!, 'justice.write')) throw forbidden();
    const file = await getJusticeFile(db, actorOf(req), req.params.id);
    const who: Who = {
      admissionId: file.admission.id,
      personId: file.admission.person_id,
      name: `${file.person.family_name} ${file.person.given_names}`.trim(),
      committal: file.admission.committal_number,
    };
    return { file, who };
  };
  const serviceErrors = (
    req: Req,
    e: AppError,
    nameOf: ((p: string) => string) | undefined,
    fallback: string,
  ): FormErrors =>
    formErrorsFromService(e.fields.length ? e.fields : [{ field: `/${fallback}`, key: e.key, params: e.params }], {
      lang: req.lang,
      names: Object.keys(bodyOf(req)),
      nameOf,
      fallback,
    });

  app.get(
    '/justice/alerts',
    hide,
    pageRoute<Req>(async (req) => {
      const q = req.query;
      const filters = { prison: q.prison ?? '', kind: q.kind ?? '', severity: q.severity ?? '' };
      const r = await listAlerts(db, actorOf(req), {
        prison: filters.prison || undefined,
        kind: filters.kind || undefined,
      });
      const items = filters.severity ? r.items.filter((a) => a.severity === filters.severity) : r.items;
      const prisons = await listPrisons(db, req.actor!);
      return alertsView(pageContext(req), { asOf: r.as_of, prisons, filters, items });
    }),
  );

  app.get(
    '/justice/court-list',
    hide,
    pageRoute<Req>(async (req) => {
      const prisons = await listPrisons(db, req.actor!);
      const prison = req.query.prison || prisons[0]?.code;
      if (!prison) throw forbidden();
      const [d, m, y] = [req.query['date.day'], req.query['date.month'], req.query['date.year']];
      const date =
        req.query.date ||
        (d && m && y ? `${y.trim()}-${m.trim().padStart(2, '0')}-${d.trim().padStart(2, '0')}` : undefined);
      const list = await courtList(db, actorOf(req), prison, date);
      return courtListView(pageContext(req), { list, prisons, printedBy: req.actor!.displayName });
    }),
  );

  // A title, or an extension (a title of kind extension_order).
  app.get(
    '/justice/admissions/:id/titles/new',
    hide,
    pageRoute<Req>(async (req) => {
      const { who } = await fileOf(req);
      const extension = req.query.kind === 'extension_order';
      return titleFormView(pageContext(req), who, {
        values: extension ? { kind: 'extension_order', authority_kind: 'investigating_judge' } : null,
        errors: null,
        extension,
      });
    }),
  );
  app.post(
    '/justice/admissions/:id/titles/new',
    hide,
    pageRoute<Req>(async (req, reply) => {
      const { who } = await fileOf(req);
      const extension = bodyOf(req).kind === 'extension_order';
      const parsed = parseTitleForm(bodyOf(req), req.lang);
      if (!parsed.ok)
        return sendHtml(
          reply,
          titleFormView(pageContext(req), who, { values: bodyOf(req), errors: parsed.errors, extension }),
          422,
        );
      try {
        await addTitle(db, actorOf(req), who.admissionId, parsed.value);
      } catch (e) {
        if (!onForm(e)) throw e;
        const errors = serviceErrors(req, e, parsed.nameOf, 'kind');
        return sendHtml(
          reply,
          titleFormView(pageContext(req), who, { values: bodyOf(req), errors, extension }),
          e.status,
        );
      }
      return reply.redirect(`/people/${who.personId}#justice-${who.admissionId}`, 303);
    }),
  );

  // Correct a title: a new version, with the reason.
  const titleOf = (file: Awaited<ReturnType<typeof fileOf>>['file'], id: string | undefined) => {
    const x = file.titles.find((t) => t.id === id);
    if (!x) throw notFound();
    return x;
  };
  app.get(
    '/justice/admissions/:id/titles/:title/correct',
    hide,
    pageRoute<Req>(async (req) => {
      const { file, who } = await fileOf(req);
      const x = titleOf(file, req.params.title);
      const values = toFormValues(
        {
          changes: {
            kind: x.kind,
            authority_kind: x.authority_kind,
            authority: x.authority,
            reference: x.reference,
            issued_on: x.issued_on,
            offence_category: x.offence_category,
            effective_from: x.effective_from,
            valid_until: x.valid_until,
            period: x.period,
            sentence: x.sentence ? { years: x.sentence.years, months: x.sentence.months, days: x.sentence.days } : null,
            sentence_start: x.sentence_start,
            case_ref: x.case_ref,
            notes: x.notes,
          },
        },
        { fields: correctionFields(req.lang) },
      );
      return correctionFormView(pageContext(req), who, x.id, { values, errors: null });
    }),
  );
  app.post(
    '/justice/admissions/:id/titles/:title/correct',
    hide,
    pageRoute<Req>(async (req, reply) => {
      const { file, who } = await fileOf(req);
      const x = titleOf(file, req.params.title);
      const parsed = parseCorrectionForm(bodyOf(req), req.lang);
      if (!parsed.ok)
        return sendHtml(
          reply,
          correctionFormView(pageContext(req), who, x.id, { values: bodyOf(req), errors: parsed.errors }),
          422,
        );
      try {
        await correctTitle(db, actorOf(req), x.id, parsed.value);
      } catch (e) {
        if (!onForm(e)) throw e;
        const errors = serviceErrors(req, e, parsed.nameOf, 'reason');
        return sendHtml(
          reply,
          correctionFormView(pageContext(req), who, x.id, { values: bodyOf(req), errors }),
          e.status,
        );
      }
      return reply.redirect(`/people/${who.personId}#justice-${who.admissionId}`, 303);
    }),
  );

  // Withdraw a title recorded in error: kept in the file, marked withdrawn, with the reason.
  const withdrawn = (lang: 'fr' | 'en', x: ReturnType<typeof titleOf>) => ({
    id: x.id,
    text: jp.t(lang, 'jpage.form.withdraw_which', {
      kind: x.kind_label,
      reference: x.reference,
      date: formatDate(lang, x.issued_on),
      authority: x.authority,
    }),
  });
  app.get(
    '/justice/admissions/:id/titles/:title/withdraw',
    hide,
    pageRoute<Req>(async (req) => {
      const { file, who } = await fileOf(req);
      const x = titleOf(file, req.params.title);
      return withdrawalFormView(pageContext(req), who, withdrawn(req.lang, x), { values: null, errors: null });
    }),
  );
  app.post(
    '/justice/admissions/:id/titles/:title/withdraw',
    hide,
    pageRoute<Req>(async (req, reply) => {
      const { file, who } = await fileOf(req);
      const x = withdrawn(req.lang, titleOf(file, req.params.title));
      const parsed = parseWithdrawalForm(bodyOf(req), req.lang);
      if (!parsed.ok)
        return sendHtml(
          reply,
          withdrawalFormView(pageContext(req), who, x, { values: bodyOf(req), errors: parsed.errors }),
          422,
        );
      try {
        await withdrawTitle(db, actorOf(req), x.id, parsed.value);
      } catch (e) {
        if (!onForm(e)) throw e;
        const errors = serviceErrors(req, e, parsed.nameOf, 'reason');
        return sendHtml(reply, withdrawalFormView(pageContext(req), who, x, { values: bodyOf(req), errors }), e.status);
      }
      return reply.redirect(`/people/${who.personId}#justice-${who.admissionId}`, 303);
    }),
  );

  // Schedule a hearing.
  app.get(
    '/justice/admissions/:id/hearings/new',
    hide,
    pageRoute<Req>(async (req) => {
      const { who } = await fileOf(req);
      return hearingFormView(pageContext(req), who, { values: null, errors: null });
    }),
  );
  app.post(
    '/justice/admissions/:id/hearings/new',
    hide,
    pageRoute<Req>(async (req, reply) => {
      const { who } = await fileOf(req);
      const parsed = parseHearingForm(bodyOf(req), req.lang);
      if (!parsed.ok)
        return sendHtml(
          reply,
          hearingFormView(pageContext(req), who, { values: bodyOf(req), errors: parsed.errors }),
          422,
        );
      try {
        await scheduleHearing(db, actorOf(req), who.admissionId, parsed.value);
      } catch (e) {
        if (!onForm(e)) throw e;
        const errors = serviceErrors(req, e, parsed.nameOf, 'court');
        return sendHtml(reply, hearingFormView(pageContext(req), who, { values: bodyOf(req), errors }), e.status);
      }
      return reply.redirect(`/people/${who.personId}#justice-${who.admissionId}`, 303);
    }),
  );

  // What happened at a hearing.
  const hearingOf = (file: Awaited<ReturnType<typeof fileOf>>['file'], id: string | undefined) => {
    const h = file.hearings.find((x) => x.id === id);
    if (!h) throw notFound();
    return { id: h.id, when: h.scheduled_local, court: h.court };
  };
  app.get(
    '/justice/admissions/:id/hearings/:hearing/outcome',
    hide,
    pageRoute<Req>(async (req) => {
      const { file, who } = await fileOf(req);
      return outcomeFormView(pageContext(req), who, hearingOf(file, req.params.hearing), {
        values: null,
        errors: null,
      });
    }),
  );
  app.post(
    '/justice/admissions/:id/hearings/:hearing/outcome',
    hide,
    pageRoute<Req>(async (req, reply) => {
      const { file, who } = await fileOf(req);
      const h = hearingOf(file, req.params.hearing);
      const parsed = parseOutcomeForm(bodyOf(req), req.lang);
      if (!parsed.ok)
        return sendHtml(
          reply,
          outcomeFormView(pageContext(req), who, h, { values: bodyOf(req), errors: parsed.errors }),
          422,
        );
      try {
        await recordHearingOutcome(db, actorOf(req), h.id, parsed.value);
      } catch (e) {
        if (!onForm(e)) throw e;
        const errors = serviceErrors(req, e, parsed.nameOf, 'outcome');
        return sendHtml(reply, outcomeFormView(pageContext(req), who, h, { values: bodyOf(req), errors }), e.status);
      }
      return reply.redirect(`/people/${who.personId}#justice-${who.admissionId}`, 303);
    }),
  );

  // Change a hearing (date, court, escort), with the reason: only what differs from the hearing as it
  // stands is sent, as through the API's PATCH.
  const hearingRow = (file: Awaited<ReturnType<typeof fileOf>>['file'], id: string | undefined) => {
    const h = file.hearings.find((x) => x.id === id);
    if (!h) throw notFound();
    return h;
  };
  app.get(
    '/justice/admissions/:id/hearings/:hearing/change',
    hide,
    pageRoute<Req>(async (req) => {
      const { file, who } = await fileOf(req);
      const h = hearingRow(file, req.params.hearing);
      // Bamako time is UTC all year: the instant's day and time are the local ones.
      const [day, time] = h.scheduled_at.split('T');
      const [y, m, d] = day.split('-');
      const values = {
        'changes.court': h.court,
        'changes.scheduled_at.day': String(Number(d)),
        'changes.scheduled_at.month': String(Number(m)),
        'changes.scheduled_at.year': y,
        'changes.scheduled_time': time.slice(0, 5),
        'changes.purpose': h.purpose ?? '',
        'changes.production_order_ref': h.production_order_ref ?? '',
        'changes.ordered_by': h.ordered_by ?? '',
        'changes.escort_unit': h.escort_unit ?? '',
        'changes.escort_leader': h.escort_leader ?? '',
        'changes.escort_size': h.escort_size === null ? '' : String(h.escort_size),
        'changes.vehicle': h.vehicle ?? '',
        version: String(h.version),
      };
      return hearingChangeFormView(pageContext(req), who, h.id, { values, errors: null });
    }),
  );
  app.post(
    '/justice/admissions/:id/hearings/:hearing/change',
    hide,
    pageRoute<Req>(async (req, reply) => {
      const { file, who } = await fileOf(req);
      const h = hearingRow(file, req.params.hearing);
      const parsed = parseHearingChangeForm(bodyOf(req), req.lang);
      if (!parsed.ok)
        return sendHtml(
          reply,
          hearingChangeFormView(pageContext(req), who, h.id, { values: bodyOf(req), errors: parsed.errors }),
          422,
        );
      const now: Record<string, unknown> = { ...h, scheduled_at: new Date(h.scheduled_at).getTime() };
      const changes = Object.fromEntries(
        Object.entries(parsed.value.changes).filter(([k, v]) => {
          const sent = k === 'scheduled_at' && typeof v === 'string' ? new Date(v).getTime() : v;
          return (sent ?? null) !== (now[k] ?? null);
        }),
      );
      try {
        await updateHearing(db, actorOf(req), h.id, { ...parsed.value, changes });
      } catch (e) {
        if (!onForm(e)) throw e;
        // "No value changed" is said of the whole form; after a change made meanwhile (409), the form
        // carries the version now stored, so that sending it again is a choice made knowingly.
        const nameOf = (pointer: string) => (pointer === '/changes' ? '' : parsed.nameOf(pointer));
        const errors = serviceErrors(req, e, nameOf, e.status === 409 ? 'reason' : 'hearing-change');
        const values = { ...bodyOf(req), version: String(h.version) };
        return sendHtml(reply, hearingChangeFormView(pageContext(req), who, h.id, { values, errors }), e.status);
      }
      return reply.redirect(`/people/${who.personId}#justice-${who.admissionId}`, 303);
    }),
  );
}
