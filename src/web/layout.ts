/**
 * The page shell: a whole HTML document on the GOV.UK template's structure (skip link, header with
 * the service navigation and the language switch, main content, footer) and the HTML error pages.
 * No JavaScript. The stylesheet comes from one hashed URL (assets.ts).
 */
import type { Lang } from '../core/i18n.js';
import { stylesheetUrl } from './assets.js';
import { backLink, footer, header, type NavItem, skipLink, subNavigation } from './components/navigation.js';
import { errorSummary, type ErrorSummaryItem } from './components/content.js';
import { letterhead, type Letterhead } from './components/pmis.js';
import { html, type Raw, type Value } from './html.js';
import { kit } from './messages.js';

/** What a page needs to know about its request; made from a Fastify request by the caller. */
export interface PageContext {
  lang: Lang;
  /** The request's path and query (req.url): marks the current navigation item, and where the language switch comes back to. */
  path: string;
  /** The navigation the user may see, already chosen by permission (label, href); empty when signed out. */
  nav: readonly { href: string; text: string }[];
  /** The signed-in user; null on the login page and the error pages of anonymous requests. */
  user?: { name: string } | null;
  /** The session's CSRF token, for the logout form. */
  csrf?: string | null;
}

export interface PageOptions {
  /** The error summary, put first in the main content (title prefixed "Erreur : "/"Error: "). */
  errors?: readonly ErrorSummaryItem[] | null;
  /** A back link above the main content. */
  back?: string;
  /** A caption above the h1 (e.g. the person's name over a form's title). */
  caption?: string;
  /** false: the body carries its own h1 (a label or legend as page heading). */
  heading?: boolean;
  /** Sections of the page as links (the no-JavaScript tabs). */
  sections?: readonly NavItem[];
  /** Printed on top of the page when printed (hidden on screen). */
  letterhead?: Letterhead;
  /** Forms and question pages read best in two thirds of the width. */
  width?: 'full' | 'two-thirds';
  /** A notification banner or similar, above the error summary. */
  banner?: Raw;
}

const LOCAL_PATH = /^\/(?![/\\])/;

/**
 * A local path to come back to, never another site: only "/…" — not "//host" nor "/\host", no
 * backslash, no control character or whitespace (browsers drop tabs and newlines, so "/\t/host"
 * would become "//host"; a newline would also break the Location header) — and the path as
 * normalised by the URL parser must still be local ("/.//host" becomes "//host").
 */
export function safeNext(next: unknown, fallback = '/'): string {
  if (
    typeof next !== 'string' ||
    next.length > 2000 ||
    !LOCAL_PATH.test(next) ||
    // eslint-disable-next-line no-control-regex -- control characters are what this refuses
    /[\u0000-\u0020\u007f-\u009f\\]/.test(next)
  ) {
    return fallback;
  }
  try {
    const u = new URL(next, 'http://pmis.invalid');
    const out = u.pathname + u.search + u.hash;
    return u.origin === 'http://pmis.invalid' && LOCAL_PATH.test(out) ? out : fallback;
  } catch {
    return fallback;
  }
}

function pathname(p: string): string {
  const q = p.indexOf('?');
  return q < 0 ? p : p.slice(0, q);
}

/** The navigation with the current page (aria-current="page") and its section (aria-current="true") marked. */
export function markCurrent(nav: PageContext['nav'], path: string): NavItem[] {
  const here = pathname(path);
  const exact = nav.find((n) => pathname(n.href) === here);
  const section = exact
    ? undefined
    : [...nav]
        .filter((n) => n.href !== '/' && here.startsWith(`${pathname(n.href)}/`))
        .sort((a, b) => b.href.length - a.href.length)[0];
  return nav.map((n) => ({ href: n.href, text: n.text, current: n === exact, active: n === section }));
}

/** A whole HTML document: skip link, header, back link, main (error summary, h1, body), footer. */
export function pageLayout(ctx: PageContext, title: string, body: Value, opts: PageOptions = {}): string {
  const lang = ctx.lang;
  const here = safeNext(ctx.path);
  const hasErrors = !!opts.errors?.length;
  const docTitle = `${hasErrors ? `${kit.t(lang, 'kit.error_prefix')}${lang === 'fr' ? '\u00a0: ' : ': '}` : ''}${title} · ${kit.t(
    lang,
    'kit.service_name',
  )}`;
  const main = html`${opts.letterhead ? letterhead(lang, opts.letterhead) : null}${opts.banner ?? null}${
    hasErrors
      ? errorSummary({
          lang,
          errorList: opts.errors ?? [],
        })
      : null
  }
${
  opts.heading === false
    ? null
    : html`${opts.caption ? html`<span class="govuk-caption-l">${opts.caption}</span>` : null}<h1 class="govuk-heading-l">${title}</h1>
`
}
${opts.sections?.length ? subNavigation({ lang, items: opts.sections }) : null}
${body}`;
  return (
    '<!DOCTYPE html>\n' +
    html`<html lang="${lang}" class="govuk-template">
<head>
<meta charset="utf-8">
<title>${docTitle}</title>
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="theme-color" content="#0b3d2e">
<link rel="stylesheet" href="${stylesheetUrl()}">
</head>
<body class="govuk-template__body">
${skipLink({ href: '#main-content', text: kit.t(lang, 'kit.skip') })}
${header({
  lang,
  navigation: ctx.user ? markCurrent(ctx.nav, here) : [],
  user: ctx.user && ctx.csrf ? { name: ctx.user.name, logoutAction: '/logout', csrf: ctx.csrf } : null,
  languageLinks: { fr: `/lang/fr?next=${encodeURIComponent(here)}`, en: `/lang/en?next=${encodeURIComponent(here)}` },
})}
<div class="govuk-width-container">
${opts.back ? backLink({ href: opts.back, lang }) : null}
<main class="govuk-main-wrapper" id="main-content" tabindex="-1">
${opts.width === 'two-thirds' ? html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">${main}</div></div>` : main}
</main>
</div>
${footer({ lang })}
</body>
</html>`.value
  );
}

export type ErrorStatus = 401 | 403 | 404 | 500;

/**
 * The HTML error page for a page path (never for /api, which answers problem+json): 404 (page not
 * found), 403 (not allowed), 401 (a form sent without a session: sign in again), 500 (unexpected;
 * `reference` is the request id in the logs).
 */
export function errorPage(
  ctx: PageContext,
  status: ErrorStatus,
  opts: { reference?: string; detail?: string } = {},
): string {
  const lang = ctx.lang;
  const title = kit.t(
    lang,
    status === 404
      ? 'kit.error_page.404.title'
      : status === 403
        ? 'kit.error_page.403.title'
        : status === 401
          ? 'kit.error_page.401.title'
          : 'kit.error_page.500.title',
  );
  const body =
    status === 404
      ? kit.t(lang, 'kit.error_page.404.body')
      : status === 403
        ? kit.t(lang, 'kit.error_page.403.body')
        : status === 401
          ? kit.t(lang, 'kit.error_page.401.body')
          : opts.reference
            ? kit.t(lang, 'kit.error_page.500.body', { ref: opts.reference })
            : kit.t(lang, 'kit.error_page.500.body_no_ref');
  const way =
    status === 401
      ? html`<a class="govuk-link" href="/login">${kit.t(lang, 'kit.error_page.sign_in')}</a>`
      : html`<a class="govuk-link" href="/">${kit.t(lang, 'kit.error_page.home')}</a>`;
  return pageLayout(
    ctx,
    title,
    html`<p class="govuk-body">${body}</p>
${opts.detail ? html`<p class="govuk-body">${kit.t(lang, 'kit.error_page.reason', { reason: opts.detail })}</p>` : null}
<p class="govuk-body">${way}</p>`,
    { width: 'two-thirds' },
  );
}
