/** One account: its state, its sessions and tokens, and the actions on it (each asking why where it must). */
import {
  button,
  type FormErrors,
  formView,
  html,
  type PageContext,
  pageLayout,
  summaryList,
} from '../../../web/index.js';
import { reasonName } from '../forms.js';
import { m } from '../messages.js';
import type { SessionView, UserView } from '../service.js';
import { type Done, doneBanner, rolesText, scopeText, sessionsTable, stateText } from './shared.js';

export interface UserModel {
  user: UserView;
  locked: boolean;
  sessions: readonly SessionView[];
  done: Done | null;
}

/** The actions offered on an account: path, whether a reason is asked, whether it must be given. */
export const USER_ACTIONS = {
  approve: { reason: true, required: false },
  unlock: { reason: false, required: false },
  'totp-reset': { reason: true, required: true },
  disable: { reason: true, required: true },
} as const;
export type UserAction = keyof typeof USER_ACTIONS;

export function userView(ctx: PageContext, model: UserModel, errors: FormErrors | null = null): string {
  const lang = ctx.lang;
  const u = model.user;
  const base = `/users/${encodeURIComponent(u.username)}`;
  const fields = Object.fromEntries(
    Object.keys(USER_ACTIONS).map((a) => [reasonName(a), { label: m.t(lang, 'access.reason') }]),
  );
  const f = formView({ lang, errors, fields });
  const label: Record<UserAction, string> = {
    approve: m.t(lang, 'access.user.approve'),
    unlock: m.t(lang, 'access.user.unlock'),
    'totp-reset': m.t(lang, 'access.user.totp_reset'),
    disable: m.t(lang, 'access.user.disable'),
  };
  const action = (
    a: UserAction,
  ) => html`<form method="post" action="${base}/${a}" novalidate>${f.hidden('_csrf', ctx.csrf ?? '')}
${USER_ACTIONS[a].reason ? f.textarea({ name: reasonName(a), label: `${m.t(lang, 'access.reason')} (${label[a]})`, rows: 2 }) : null}
${button({ text: label[a], classes: a === 'disable' ? 'govuk-button--warning' : 'govuk-button--secondary' })}
</form>`;
  const offered: UserAction[] = [];
  if (u.pending_approval) offered.push('approve');
  if (model.locked) offered.push('unlock');
  if (u.totp) offered.push('totp-reset');
  if (!u.disabled) offered.push('disable');
  return pageLayout(
    ctx,
    m.t(lang, 'access.user.title', { username: u.username }),
    html`${summaryList({
      rows: [
        { key: { text: m.t(lang, 'access.name') }, value: { text: u.display_name } },
        { key: { text: m.t(lang, 'access.roles') }, value: { text: rolesText(lang, u.roles) } },
        { key: { text: m.t(lang, 'access.scope') }, value: { text: scopeText(lang, u) } },
        { key: { text: m.t(lang, 'access.state') }, value: { text: stateText(lang, u, model.locked) } },
        {
          key: { text: m.t(lang, 'access.totp.short') },
          value: { text: m.t(lang, u.totp ? 'access.yes' : 'access.no') },
        },
      ],
    })}
<h2 class="govuk-heading-m">${m.t(lang, 'access.sessions.title')}</h2>
${sessionsTable(lang, ctx.csrf ?? '', model.sessions, (id) => `${base}/sessions/${id}/revoke`)}
${offered.length ? html`<h2 class="govuk-heading-m">${m.t(lang, 'access.user.actions')}</h2>${offered.map(action)}` : null}`,
    { errors: f.summaryItems(), banner: doneBanner(lang, model.done), back: '/users' },
  );
}
