/**
 * Release, escape and death pages (fr/en, no JavaScript) — the controller: parse the form with the
 * API's schemas (forms.ts), call the service (which authorises), choose the view. The release-due
 * list (and its section on the director's home page), the release checklist, the certificate, the
 * escape and death forms, the incident page with alerts and recapture, the alert sheet.
 */
import type { FastifyRequest } from 'fastify';
import { type Actor, authorize, can, type Permission } from '../../../core/access.js';
import { AppError } from '../../../core/errors.js';
import { t } from '../../../core/i18n.js';
import type { Db } from '../../../db/index.js';
import type { App, AppContext } from '../../../http/context.js';
import {
  type FormBody,
  type FormErrors,
  formErrorsFromService,
  html,
  type NavEntry,
  pageContext,
  pageRoute,
  type Raw,
  sendHtml,
} from '../../../web/index.js';
import { listCodes } from '../../reference/index.js';
import {
  parseCheckForm,
  parseCompletionForm,
  parseConfirmForm,
  parseDeathForm,
  parseEscapeForm,
  parseNoticeForm,
  parseRecaptureForm,
} from './forms.js';
import { p } from './page-messages.js';
import {
  addIncidentNotice,
  addReleaseNotice,
  checkRelease,
  completeRelease,
  confirmRelease,
  getIncident,
  getRelease,
  incidentContext,
  prisonFor,
  prisonsFor,
  recapture,
  recentMovements,
  recordDeath,
  recordEscape,
  releaseContext,
  releaseDueList,
  type PrisonAlerts,
} from './service.js';
import { alertSheetView, incidentFormView, incidentView } from './views/incident.js';
import { certificateView, checkView, dueTable, dueView, showView } from './views/release.js';

type Req = FastifyRequest<{
  Params: Record<string, string>;
  Querystring: Record<string, string | undefined>;
  Body: FormBody;
}>;

export const releaseNav: readonly NavEntry[] = [
  {
    href: '/movements/release-due',
    order: 45,
    text: (l) => p.t(l, 'movements.release.nav.due'),
    visible: (a) => a.permissions.has('movements.release'),
  },
];

/** Deny by default: a form's right is checked before its errors are shown on the page. */
const need = (actor: Actor | null | undefined, permission: Permission) => {
  authorize(actor!, permission);
};

/** A refusal that belongs on the form (422, 409): the errors on it; anything else propagates. */
function onForm(e: unknown): e is AppError {
  return e instanceof AppError && (e.status === 422 || e.status === 409);
}
const errorsFrom = (e: AppError, req: Req, nameOf: ((p: string) => string) | undefined, fallback: string) =>
  formErrorsFromService(e.fields.length ? e.fields : [{ field: `/${fallback}`, key: e.key, params: e.params }], {
    lang: req.lang,
    names: Object.keys(req.body),
    nameOf,
    fallback,
  });

/**
 * The director's home page (the registry's home): the release-due list of the prison, first ten,
 * for those who prepare releases. Nobody held a day too long.
 */
export async function releaseDueSection(
  req: FastifyRequest,
  db: Db,
  prison: { id: string; code: string },
  limit = 10,
  alerts?: PrisonAlerts,
): Promise<Raw | null> {
  const actor = req.actor!;
  if (!can(actor, 'movements.release') || !can(actor, 'justice.read')) return null;
  const lang = req.lang;
  const due = await releaseDueList(db, actor, prison.id, lang, alerts);
  return html`<section aria-labelledby="release-due-h">
<h2 id="release-due-h"><a href="/movements/release-due?prison=${prison.code}">${p.t(lang, 'movements.release.due.title')}</a> (${due.items.length})</h2>
${
  due.items.length
    ? html`${dueTable(lang, due.items.slice(0, limit), { mayPrepare: true })}${
        due.items.length > limit
          ? html`<p><a href="/movements/release-due?prison=${prison.code}">${p.t(lang, 'movements.release.due.more')}</a></p>`
          : null
      }`
    : html`<p>${p.t(lang, 'movements.release.due.none')}</p>`
}</section>`;
}

export function releasePages(app: App, ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  const hide = { schema: { hide: true } };

  app.get(
    '/movements/release-due',
    hide,
    pageRoute<Req>(async (req) => {
      const actor = req.actor!;
      const prison = await prisonFor(db, actor, req.query.prison || undefined);
      const due = await releaseDueList(db, actor, prison.id, req.lang);
      return dueView(pageContext(req), {
        due,
        prisons: await prisonsFor(db, actor),
        recent: await recentMovements(db, actor, prison.id),
      });
    }),
  );

  // ------------------------------------------------------------------ the release checklist
  const checkPage = async (req: Req, values: FormBody | null, errors: FormErrors | null) => {
    const c = await releaseContext(db, req.actor!, req.query.admission ?? '', req.lang);
    return checkView(pageContext(req), {
      admissionId: c.admission.id,
      name: `${c.person.family_name} ${c.person.given_names}`.trim(),
      committal: c.admission.committal_number,
      justiceStatus: c.justice_status,
      releaseOn: c.release_on,
      charges: c.admission.charges.map((x) => x.qualification),
      terrorism: c.terrorism_related,
      jurisdictions: c.jurisdictions,
      values: values ?? {
        ...(c.suggested_reason && c.suggested_reason !== 'death' ? { reason: c.suggested_reason } : {}),
        ...(c.suggested_basis ? { justice_basis: c.suggested_basis } : {}),
      },
      errors,
    });
  };
  app.get(
    '/movements/releases/new',
    hide,
    pageRoute<Req>(async (req, reply) => {
      const c = await releaseContext(db, req.actor!, req.query.admission ?? '', req.lang);
      if (c.open_release_id) return reply.redirect(`/movements/releases/${c.open_release_id}`, 303);
      return checkPage(req, null, null);
    }),
  );
  app.post(
    '/movements/releases/new',
    hide,
    pageRoute<Req>(async (req, reply) => {
      need(req.actor, 'movements.release');
      const parsed = parseCheckForm(req.body, req.lang);
      if (!parsed.ok) return sendHtml(reply, await checkPage(req, req.body, parsed.errors), 422);
      let id: string;
      try {
        id = (await checkRelease(db, req.actor!, parsed.value)).id;
      } catch (e) {
        if (!onForm(e)) throw e;
        return sendHtml(reply, await checkPage(req, req.body, errorsFrom(e, req, parsed.nameOf, 'reason')), e.status);
      }
      return reply.redirect(`/movements/releases/${id}?done=1`, 303);
    }),
  );

  const showPage = async (req: Req, extra: Partial<Parameters<typeof showView>[1]> = {}) => {
    const actor = req.actor!;
    const r = await getRelease(db, actor, req.params.id);
    return showView(pageContext(req), {
      r,
      done: req.query.done === '1',
      mayConfirm: can(actor, 'movements.release_confirm') && r.checked_by !== actor.userId,
      mayRelease: can(actor, 'movements.release'),
      ...extra,
    });
  };
  app.get(
    '/movements/releases/:id',
    hide,
    pageRoute<Req>(async (req) => showPage(req)),
  );
  app.post(
    '/movements/releases/:id/confirm',
    hide,
    pageRoute<Req>(async (req, reply) => {
      need(req.actor, 'movements.release_confirm');
      const parsed = parseConfirmForm(req.body, req.lang);
      if (!parsed.ok)
        return sendHtml(reply, await showPage(req, { confirmValues: req.body, confirmErrors: parsed.errors }), 422);
      try {
        await confirmRelease(db, req.actor!, req.params.id, parsed.value);
      } catch (e) {
        if (!onForm(e)) throw e;
        const errors = errorsFrom(e, req, parsed.nameOf, 'notes');
        return sendHtml(reply, await showPage(req, { confirmValues: req.body, confirmErrors: errors }), e.status);
      }
      return reply.redirect(`/movements/releases/${req.params.id}?done=1`, 303);
    }),
  );
  app.post(
    '/movements/releases/:id/complete',
    hide,
    pageRoute<Req>(async (req, reply) => {
      need(req.actor, 'movements.release');
      const parsed = parseCompletionForm(req.body, req.lang);
      if (!parsed.ok)
        return sendHtml(reply, await showPage(req, { completeValues: req.body, completeErrors: parsed.errors }), 422);
      try {
        await completeRelease(db, req.actor!, req.params.id, parsed.value);
      } catch (e) {
        if (!onForm(e)) throw e;
        const errors = errorsFrom(e, req, parsed.nameOf, 'all_returned');
        return sendHtml(reply, await showPage(req, { completeValues: req.body, completeErrors: errors }), e.status);
      }
      return reply.redirect(`/movements/releases/${req.params.id}?done=1`, 303);
    }),
  );
  app.post(
    '/movements/releases/:id/notify',
    hide,
    pageRoute<Req>(async (req, reply) => {
      need(req.actor, 'movements.release');
      const parsed = parseNoticeForm(req.body, req.lang);
      if (!parsed.ok)
        return sendHtml(reply, await showPage(req, { noticeValues: req.body, noticeErrors: parsed.errors }), 422);
      try {
        await addReleaseNotice(db, req.actor!, req.params.id, parsed.value);
      } catch (e) {
        if (!onForm(e)) throw e;
        const errors = errorsFrom(e, req, parsed.nameOf, 'recipient');
        return sendHtml(reply, await showPage(req, { noticeValues: req.body, noticeErrors: errors }), e.status);
      }
      return reply.redirect(`/movements/releases/${req.params.id}?done=1`, 303);
    }),
  );
  app.get(
    '/movements/releases/:id/certificate',
    hide,
    pageRoute<Req>(async (req) =>
      certificateView(pageContext(req), await getRelease(db, req.actor!, req.params.id), req.actor!.displayName),
    ),
  );

  // ------------------------------------------------------------------ escapes and deaths
  for (const kind of ['escape', 'death'] as const) {
    const path = kind === 'escape' ? '/movements/escapes/new' : '/movements/deaths/new';
    const formPage = async (req: Req, values: FormBody | null, errors: FormErrors | null) => {
      const c = await incidentContext(db, req.actor!, req.query.admission ?? '');
      return incidentFormView(pageContext(req), {
        kind,
        admissionId: c.admission.id,
        personId: c.person.id,
        name: `${c.person.family_name} ${c.person.given_names}`.trim(),
        committal: c.admission.committal_number,
        values,
        errors,
      });
    };
    app.get(
      path,
      hide,
      pageRoute<Req>(async (req, reply) => {
        const c = await incidentContext(db, req.actor!, req.query.admission ?? '');
        if (c.incident_id) return reply.redirect(`/movements/incidents/${c.incident_id}`, 303);
        return formPage(req, null, null);
      }),
    );
    app.post(
      path,
      hide,
      pageRoute<Req>(async (req, reply) => {
        const parsed = kind === 'escape' ? parseEscapeForm(req.body, req.lang) : parseDeathForm(req.body, req.lang);
        if (!parsed.ok) return sendHtml(reply, await formPage(req, req.body, parsed.errors), 422);
        let id: string;
        try {
          const i =
            kind === 'death'
              ? await recordDeath(db, req.actor!, parsed.value)
              : await recordEscape(db, req.actor!, parsed.value);
          id = i.id;
        } catch (e) {
          if (!onForm(e)) throw e;
          return sendHtml(reply, await formPage(req, req.body, errorsFrom(e, req, undefined, 'place')), e.status);
        }
        return reply.redirect(`/movements/incidents/${id}?done=1`, 303);
      }),
    );
  }

  const authoritiesFor = async (req: Req) =>
    (await listCodes(db, req.actor!, 'arresting_authority')).map((c) => ({
      code: c.code,
      label: req.lang === 'fr' ? c.label_fr : c.label_en,
    }));
  const incidentPage = async (req: Req, extra: Partial<Parameters<typeof incidentView>[1]> = {}) =>
    incidentView(pageContext(req), {
      i: await getIncident(db, req.actor!, req.params.id),
      done: req.query.done === '1',
      authorities: await authoritiesFor(req),
      ...extra,
    });
  app.get(
    '/movements/incidents/:id',
    hide,
    pageRoute<Req>(async (req) => incidentPage(req)),
  );
  app.post(
    '/movements/incidents/:id/notify',
    hide,
    pageRoute<Req>(async (req, reply) => {
      need(req.actor, 'movements.incident');
      const parsed = parseNoticeForm(req.body, req.lang);
      if (!parsed.ok)
        return sendHtml(reply, await incidentPage(req, { noticeValues: req.body, noticeErrors: parsed.errors }), 422);
      try {
        await addIncidentNotice(db, req.actor!, req.params.id, parsed.value);
      } catch (e) {
        if (!onForm(e)) throw e;
        const errors = errorsFrom(e, req, parsed.nameOf, 'recipient');
        return sendHtml(reply, await incidentPage(req, { noticeValues: req.body, noticeErrors: errors }), e.status);
      }
      return reply.redirect(`/movements/incidents/${req.params.id}?done=1`, 303);
    }),
  );
  app.post(
    '/movements/incidents/:id/recapture',
    hide,
    pageRoute<Req>(async (req, reply) => {
      const parsed = parseRecaptureForm(req.body, req.lang);
      if (!parsed.ok)
        return sendHtml(
          reply,
          await incidentPage(req, { recaptureValues: req.body, recaptureErrors: parsed.errors }),
          422,
        );
      try {
        await recapture(db, req.actor!, req.params.id, parsed.value);
      } catch (e) {
        if (!onForm(e)) throw e;
        const errors = errorsFrom(e, req, parsed.nameOf, 'recaptured_at');
        return sendHtml(
          reply,
          await incidentPage(req, { recaptureValues: req.body, recaptureErrors: errors }),
          e.status,
        );
      }
      return reply.redirect(`/movements/incidents/${req.params.id}?done=1`, 303);
    }),
  );
  app.get(
    '/movements/incidents/:id/alert-sheet',
    hide,
    pageRoute<Req>(async (req) => {
      const i = await getIncident(db, req.actor!, req.params.id);
      const sex =
        i.person.sex === 'male'
          ? t(req.lang, 'person.sex.male')
          : i.person.sex === 'female'
            ? t(req.lang, 'person.sex.female')
            : i.person.sex;
      return alertSheetView(pageContext(req), i, { printedBy: req.actor!.displayName, sex });
    }),
  );
  return Promise.resolve();
}
