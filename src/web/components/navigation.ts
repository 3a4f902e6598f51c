/**
 * Navigation: govukSkipLink, govukBackLink, govukPagination, govukServiceNavigation,
 * govukLanguageNavigation, the generic header (pmis's name, no crown, no GOV.UK logo), the footer
 * (no crown, no licence logo) and the pmis sub-navigation (a no-JavaScript replacement for tabs).
 */
import type { Lang } from '../../core/i18n.js';
import { html, raw, type Raw } from '../html.js';
import { kit } from '../messages.js';
import { type Attributes, attributes, classes, type Content, content } from './shared.js';

export interface SkipLinkOptions extends Content {
  href?: string;
  classes?: string;
  attributes?: Attributes;
}

/** govukSkipLink: first thing in the body, to "#main-content". */
export function skipLink(o: SkipLinkOptions): Raw {
  return html`<a href="${o.href || '#content'}" class="${classes(
    'govuk-skip-link',
    o.classes,
  )}"${attributes(o.attributes)} data-module="govuk-skip-link">${content(o)}</a>`;
}

export interface BackLinkOptions extends Content {
  href?: string;
  lang: Lang;
  classes?: string;
  attributes?: Attributes;
}

/** govukBackLink: "Retour" / "Back" unless text is given. Put it before the main content. */
export function backLink(o: BackLinkOptions): Raw {
  const text = o.html !== undefined || o.text !== undefined ? content(o) : kit.t(o.lang, 'kit.back');
  return html`<a href="${o.href || '#'}" class="${classes('govuk-back-link', o.classes)}"${attributes(o.attributes)}>${text}</a>`;
}

// ---------------------------------------------------------------------------------------------
export interface PaginationLink extends Content {
  href: string;
  labelText?: string;
  attributes?: Attributes;
}

export type PaginationItem =
  | {
      number: number;
      href: string;
      current?: boolean;
      visuallyHiddenText?: string;
      attributes?: Attributes;
      ellipsis?: undefined;
    }
  | { ellipsis: true };

export interface PaginationOptions {
  items?: readonly PaginationItem[];
  previous?: PaginationLink;
  next?: PaginationLink;
  lang: Lang;
  landmarkLabel?: string;
  classes?: string;
  attributes?: Attributes;
}

const ARROW_PREV = raw(
  '<svg class="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" ' +
    'height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path ' +
    'd="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"></path></svg>',
);
const ARROW_NEXT = raw(
  '<svg class="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" ' +
    'height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path ' +
    'd="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"></path></svg>',
);

/** govukPagination: numbered pages (with ellipses), or previous/next links alone (block style). */
export function pagination(o: PaginationOptions): Raw {
  const blockLevel = !o.items && !!(o.next || o.previous);
  const arrowLink = (link: PaginationLink, type: 'prev' | 'next'): Raw => {
    const title =
      link.html !== undefined || link.text !== undefined
        ? content(link)
        : kit.t(o.lang, type === 'prev' ? 'kit.pagination.previous' : 'kit.pagination.next');
    return html`<div class="govuk-pagination__${type}">
<a class="govuk-link govuk-pagination__link" href="${link.href}" rel="${type}"${attributes(link.attributes)}>${
      blockLevel || type === 'prev' ? (type === 'prev' ? ARROW_PREV : ARROW_NEXT) : null
    }<span class="${classes(
      'govuk-pagination__link-title',
      blockLevel && !link.labelText && 'govuk-pagination__link-title--decorated',
    )}">${title}</span>${
      link.labelText && blockLevel
        ? html`<span class="govuk-visually-hidden">:</span><span class="govuk-pagination__link-label">${link.labelText}</span>`
        : null
    }${!blockLevel && type === 'next' ? ARROW_NEXT : null}</a>
</div>`;
  };
  return html`<nav class="${classes('govuk-pagination', blockLevel && 'govuk-pagination--block', o.classes)}" aria-label="${
    o.landmarkLabel || kit.t(o.lang, 'kit.pagination')
  }"${attributes(o.attributes)}>
${o.previous?.href ? arrowLink(o.previous, 'prev') : null}
${
  o.items
    ? html`<ul class="govuk-pagination__list">
${o.items.map((item) =>
  item.ellipsis
    ? html`<li class="govuk-pagination__item govuk-pagination__item--ellipsis">&ctdot;</li>
`
    : html`<li class="${classes(
        'govuk-pagination__item',
        item.current && 'govuk-pagination__item--current',
      )}"><a class="govuk-link govuk-pagination__link" href="${item.href}" aria-label="${item.visuallyHiddenText || kit.t(o.lang, 'kit.pagination.page', { n: item.number })}"${item.current ? raw(' aria-current="page"') : null}${attributes(item.attributes)}>${item.number}</a>
</li>
`,
)}</ul>`
    : null
}
${o.next?.href ? arrowLink(o.next, 'next') : null}
</nav>`;
}

/**
 * The page numbers to show for page `current` of `pages`: first, last, current and its
 * neighbours, ellipses between (GOV.UK's guidance). `href(n)` builds each page's link.
 */
export function paginationItems(current: number, pages: number, href: (n: number) => string): PaginationItem[] {
  const shown = [...new Set([1, current - 1, current, current + 1, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  const out: PaginationItem[] = [];
  shown.forEach((n, i) => {
    if (i > 0 && n - shown[i - 1] > 1) out.push({ ellipsis: true });
    out.push({ number: n, href: href(n), current: n === current });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
export interface NavItem {
  href: string;
  text: string;
  /** This page (aria-current="page"). */
  current?: boolean;
  /** A parent of this page (aria-current="true"). */
  active?: boolean;
  attributes?: Attributes;
}

/** govukLanguageNavigation: the current language as text, the other as a link with lang/hreflang. */
export function languageNavigation(o: {
  lang: Lang;
  items: readonly { lang: Lang; text: string; href?: string; current?: boolean }[];
  classes?: string;
  ariaLabel?: string;
}): Raw {
  return html`<nav class="${classes('govuk-language-navigation', o.classes)}" aria-label="${o.ariaLabel || kit.t(o.lang, 'kit.language')}">
<ul class="govuk-language-navigation__list">
${o.items.map((item) =>
  item.current || !item.href
    ? html`<li class="govuk-language-navigation__list-item"><span class="govuk-language-navigation__text" aria-current="true" lang="${item.lang}">${item.text}</span>
</li>
`
    : html`<li class="govuk-language-navigation__list-item"><a class="govuk-language-navigation__link" href="${item.href}" rel="alternate" lang="${item.lang}" hreflang="${item.lang}">${item.text}</a>
</li>
`,
)}</ul>
</nav>`;
}

export interface ServiceNavigationOptions {
  lang: Lang;
  /** The navigation, already chosen by the user's permissions. */
  navigation: readonly NavItem[];
  navigationLabel?: string;
  navigationId?: string;
  inverse?: boolean;
  /** After the navigation: the language switch. */
  end?: Raw;
  classes?: string;
}

/**
 * govukServiceNavigation. Without JavaScript its menu button stays hidden and every link shows
 * (they wrap on a phone).
 */
export function serviceNavigation(o: ServiceNavigationOptions): Raw {
  const menu = kit.t(o.lang, 'kit.menu');
  const id = o.navigationId || 'navigation';
  const nav = o.navigation.length
    ? html`<nav aria-label="${o.navigationLabel || kit.t(o.lang, 'kit.nav')}" class="govuk-service-navigation__wrapper">
${
  o.navigation.length > 1
    ? html`<button type="button" class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle" aria-controls="${id}" hidden aria-hidden="true">${menu}</button>`
    : null
}
<ul class="govuk-service-navigation__list" id="${id}">
${o.navigation.map((item) => {
  const on = item.current || item.active;
  return html`<li class="${classes(
    'govuk-service-navigation__item',
    on && 'govuk-service-navigation__item--active',
  )}"><a class="govuk-service-navigation__link" href="${item.href}"${
    on ? html` aria-current="${item.current ? 'page' : 'true'}"` : null
  }${attributes(item.attributes)}>${
    on ? html`<strong class="govuk-service-navigation__active-fallback">${item.text}</strong>` : item.text
  }</a>
</li>
`;
})}</ul>
</nav>`
    : null;
  const inner = html`<div class="govuk-width-container">
<div class="govuk-service-navigation__container">${nav}</div>
${o.end ?? null}
</div>`;
  const cls = classes('govuk-service-navigation', o.inverse && 'govuk-service-navigation--inverse', o.classes);
  return o.end
    ? html`<section aria-label="${kit.t(
        o.lang,
        'kit.service_info',
      )}" class="${cls}" data-module="govuk-service-navigation">${inner}</section>
`
    : html`<div class="${cls}" data-module="govuk-service-navigation">${inner}</div>`;
}

// ---------------------------------------------------------------------------------------------
export interface HeaderOptions {
  lang: Lang;
  homeHref?: string;
  /** The signed-in user and the logout form (POST /logout with the CSRF token); none on the login page. */
  user?: { name: string; logoutAction: string; csrf: string } | null;
  /** Navigation chosen by the user's permissions (a list, not decided here). */
  navigation: readonly NavItem[];
  /** Links to this page in each language: { fr: '/lang/fr?next=…', en: '/lang/en?next=…' }. */
  languageLinks: Record<Lang, string>;
}

/**
 * The pmis header: the generic header (the service's name in text: no crown, no GOV.UK logo) with
 * the signed-in user and a logout form; then the service navigation with the language switch
 * "Français | English".
 */
export function header(o: HeaderOptions): Raw {
  const langNav = languageNavigation({
    lang: o.lang,
    classes: 'govuk-language-navigation--inverse',
    items: (['fr', 'en'] as const).map((l) => ({
      lang: l,
      text: kit.t(l, `kit.lang.${l}`),
      href: l === o.lang ? undefined : o.languageLinks[l],
      current: l === o.lang,
    })),
  });
  return html`<header class="govuk-template__header">
<div class="govuk-generic-header pmis-header">
<div class="govuk-generic-header__container govuk-width-container">
<div class="govuk-generic-header__logo"><a href="${o.homeHref || '/'}" class="govuk-generic-header__homepage-link">${kit.t(
    o.lang,
    'kit.service_name',
  )}<span class="pmis-header__tagline">${kit.t(o.lang, 'kit.service_tagline')}</span></a>
</div>
${
  o.user
    ? html`<form class="pmis-header__user" method="post" action="${o.user.logoutAction}"><span>${kit.t(
        o.lang,
        'kit.signed_in_as',
        { name: o.user.name },
      )}</span><input type="hidden" name="_csrf" value="${o.user.csrf}"><button type="submit" class="pmis-header__logout">${kit.t(o.lang, 'kit.logout')}</button>
</form>`
    : null
}
</div>
</div>
${serviceNavigation({ lang: o.lang, navigation: o.navigation, inverse: true, end: langNav })}
</header>`;
}

export interface FooterOptions {
  lang: Lang;
  meta?: readonly { href: string; text: string }[];
  /** Under the links, e.g. the version. */
  text?: string;
}

/** govukFooter without the crown, the crest or the Open Government Licence. */
export function footer(o: FooterOptions): Raw {
  return html`<footer class="govuk-template__footer"><div class="govuk-footer">
<div class="govuk-width-container">
<div class="govuk-footer__meta">
<div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
${
  o.meta?.length
    ? html`<h2 class="govuk-visually-hidden">${kit.t(o.lang, 'kit.footer.label')}</h2>
<ul class="govuk-footer__inline-list">
${o.meta.map(
  (m) => html`<li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="${m.href}">${m.text}</a>
</li>`,
)}</ul>`
    : null
}
<div class="govuk-footer__meta-custom">${kit.t(o.lang, 'kit.footer.text')}${o.text ? html` · ${o.text}` : null}</div>
</div>
</div>
</div>
</div></footer>`;
}

// ---------------------------------------------------------------------------------------------
export interface SubNavigationOptions {
  lang: Lang;
  label?: string;
  items: readonly NavItem[];
}

/**
 * Sections of one page or file (identity, justice, classification…) as links — the no-JavaScript
 * replacement for GOV.UK's tabs: each section is its own URL; the current one has aria-current="page".
 */
export function subNavigation(o: SubNavigationOptions): Raw {
  return html`<nav class="pmis-sub-navigation" aria-label="${o.label || kit.t(o.lang, 'kit.sub_navigation')}">
<ul class="pmis-sub-navigation__list">
${o.items.map(
  (item) => html`<li class="pmis-sub-navigation__item"><a class="pmis-sub-navigation__link" href="${item.href}"${
    item.current ? raw(' aria-current="page"') : item.active ? raw(' aria-current="true"') : null
  }${attributes(item.attributes)}>${item.text}</a>
</li>
`,
)}</ul>
</nav>`;
}
