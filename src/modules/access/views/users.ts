/** The accounts I may manage. */
import { button, html, type PageContext, pageLayout, table, tableScroll } from '../../../web/index.js';
import { m } from '../messages.js';
import type { UserView } from '../service.js';
import { rolesText, scopeText, stateText } from './shared.js';

export function usersView(ctx: PageContext, users: readonly UserView[]): string {
  const lang = ctx.lang;
  return pageLayout(
    ctx,
    m.t(lang, 'access.users.title'),
    html`<p class="govuk-body">${m.t(lang, 'access.users.intro')}</p>
${button({ text: m.t(lang, 'access.users.new'), href: '/users/new' })}
${tableScroll(
  m.t(lang, 'access.users.title'),
  table({
    caption: m.t(lang, 'access.users.title'),
    captionClasses: 'govuk-visually-hidden',
    head: [
      { text: m.t(lang, 'access.username') },
      { text: m.t(lang, 'access.name') },
      { text: m.t(lang, 'access.roles') },
      { text: m.t(lang, 'access.scope') },
      { text: m.t(lang, 'access.state') },
      { text: m.t(lang, 'access.totp.short') },
    ],
    rows: users.map((u) => [
      { html: html`<a class="govuk-link" href="/users/${encodeURIComponent(u.username)}">${u.username}</a>` },
      { text: u.display_name },
      { text: rolesText(lang, u.roles) },
      { text: scopeText(lang, u) },
      { text: stateText(lang, u) },
      { text: m.t(lang, u.totp ? 'access.yes' : 'access.no') },
    ]),
  }),
)}`,
  );
}
