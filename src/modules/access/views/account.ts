/** My account: who I am, my password, two-step verification, my open sessions and tokens. */
import type { Actor } from '../../../core/access.js';
import type { Lang } from '../../../core/i18n.js';
import { html, type PageContext, pageLayout, summaryList } from '../../../web/index.js';
import { m } from '../messages.js';
import type { SessionView } from '../service.js';
import { type Done, doneBanner, rolesText, sessionsTable } from './shared.js';

export interface AccountModel {
  actor: Actor;
  sessions: readonly SessionView[];
  totp: { eligible: boolean; enabled: boolean };
  idleMinutes: number;
  ttlHours: number;
  done: Done | null;
}

export function accountView(ctx: PageContext, model: AccountModel): string {
  const lang: Lang = ctx.lang;
  const a = model.actor;
  const link = (href: string, text: string) => html`<a class="govuk-link" href="${href}">${text}</a>`;
  return pageLayout(
    ctx,
    m.t(lang, 'access.account.title'),
    html`${summaryList({
      rows: [
        { key: { text: m.t(lang, 'access.username') }, value: { text: a.username } },
        { key: { text: m.t(lang, 'access.name') }, value: { text: a.displayName } },
        { key: { text: m.t(lang, 'access.roles') }, value: { text: rolesText(lang, a.roles) } },
        {
          key: { text: m.t(lang, 'access.scope') },
          value: { text: a.national ? m.t(lang, 'access.scope.national') : String(a.prisonIds.length) },
        },
      ],
    })}
<ul class="govuk-list">
<li>${link('/account/password', m.t(lang, 'access.password.title'))}</li>
${
  model.totp.eligible || model.totp.enabled
    ? html`<li>${link('/account/2fa', m.t(lang, 'access.totp.title'))} — ${m.t(
        lang,
        model.totp.enabled ? 'access.totp.on' : 'access.totp.off',
      )}</li>
`
    : null
}
${a.permissions.has('user.admin') ? html`<li>${link('/users', m.t(lang, 'access.users.title'))}</li>` : null}
</ul>
<h2 class="govuk-heading-m">${m.t(lang, 'access.sessions.title')}</h2>
<p class="govuk-body">${m.t(lang, 'access.sessions.intro', { idle: model.idleMinutes, ttl: model.ttlHours })}</p>
${sessionsTable(lang, ctx.csrf ?? '', model.sessions, (id) => `/account/sessions/${id}/revoke`)}`,
    { banner: doneBanner(lang, model.done) },
  );
}
