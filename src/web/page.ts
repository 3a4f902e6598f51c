/**
 * From a Fastify request to a page: the page context (language, path, user, navigation by
 * permission, CSRF token), HTML replies, and the wrapper that turns a refusal into an HTML error
 * page. The kit knows requests only through their decorations (src/http/context.ts declares them).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../core/access.js';
import { AppError } from '../core/errors.js';
import { t, type Lang } from '../core/i18n.js';
import { html } from './html.js';
import { errorPage, pageLayout, type PageContext, type PageOptions } from './layout.js';
import { kit } from './messages.js';

/** One item of the staff navigation, given by the module that owns the page. */
export interface NavEntry {
  href: string;
  text: (lang: Lang) => string;
  /** Shown to this actor? Decide by the permissions the page's service checks (deny by default). */
  visible: (actor: Actor) => boolean;
  /** Position in the menu (lower first). */
  order: number;
}

/** The navigation an actor sees, in menu order. */
export function navFor(
  entries: readonly NavEntry[],
  actor: Actor | null,
  lang: Lang,
): { href: string; text: string }[] {
  if (!actor) return [];
  return entries
    .filter((e) => e.visible(actor))
    .sort((a, b) => a.order - b.order)
    .map((e) => ({ href: e.href, text: e.text(lang) }));
}

/** What the layout needs from this request. */
export function pageContext(req: FastifyRequest): PageContext {
  const actor = req.actor;
  return {
    lang: req.lang,
    path: req.url,
    nav: navFor(req.server.pmisNav, actor, req.lang),
    user: actor ? { name: actor.displayName } : null,
    csrf: req.sessionCsrf,
  };
}

/** A whole page for this request (see pageLayout for the options). */
export function renderPage(
  req: FastifyRequest,
  title: string,
  body: Parameters<typeof pageLayout>[2],
  opts?: PageOptions,
): string {
  return pageLayout(pageContext(req), title, body, opts);
}

/** An HTML reply, never cached (pages hold prisoner data). */
export function sendHtml(reply: FastifyReply, body: string, status = 200): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
}

/**
 * The HTML answer to a refusal or an error on a page path, in the kit's layout and the request's
 * language: 404 and 403 pages (the refusal's own reason under the standard text), the message of
 * any other refusal (409, 422, 429, 503) on a page of its own with the fields it names, 500 with
 * the request's reference for anything unexpected, 401 the way to sign in again — never a message
 * key, never JSON.
 */
export function sendErrorPage(req: FastifyRequest, reply: FastifyReply, err: unknown): FastifyReply {
  const ctx = pageContext(req);
  if (err instanceof AppError && err.status !== 500) {
    const reason = t(req.lang, err.key, err.params);
    if (err.status === 404 || err.status === 403) {
      return sendHtml(reply, errorPage(ctx, err.status, { detail: reason }), err.status);
    }
    if (err.status === 401) return sendHtml(reply, errorPage(ctx, 401), 401);
    const title = kit.t(
      req.lang,
      err.status >= 500 ? 'kit.error_page.unavailable.title' : 'kit.error_page.refused.title',
    );
    const fields = err.fields.map((f) => f.message ?? t(req.lang, f.key, f.params));
    return sendHtml(
      reply,
      pageLayout(
        ctx,
        title,
        html`<p class="govuk-body">${reason}</p>
${fields.length ? html`<ul class="govuk-list govuk-list--bullet">${fields.map((f) => html`<li>${f}</li>`)}</ul>` : null}
<p class="govuk-body"><a class="govuk-link" href="/">${kit.t(req.lang, 'kit.error_page.home')}</a></p>`,
        { width: 'two-thirds' },
      ),
      err.status,
    );
  }
  // An AppError(500) was logged by whoever made it (the application's error handler); anything else here.
  if (!(err instanceof AppError)) req.log.error(err);
  return sendHtml(reply, errorPage(ctx, 500, { reference: req.id }), 500);
}

/** A page handler: returns HTML (sent with 200) or a reply; a refusal becomes an HTML error page. */
export function pageRoute<R extends FastifyRequest>(
  fn: (req: R, reply: FastifyReply) => Promise<FastifyReply | string>,
) {
  return async (req: R, reply: FastifyReply): Promise<FastifyReply> => {
    let out: FastifyReply | string;
    try {
      out = await fn(req, reply);
    } catch (e) {
      if (e instanceof AppError && e.status < 500) return sendErrorPage(req, reply, e);
      throw e;
    }
    return typeof out === 'string' ? sendHtml(reply, out) : out;
  };
}
