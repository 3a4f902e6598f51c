/** Pieces shared by the access pages: role and scope words, the "done" banner, the sessions table. */
import type { Lang } from '../../../core/i18n.js';
import { button, formatDateTime, html, notificationBanner, type Raw, table, tableScroll } from '../../../web/index.js';
import { m } from '../messages.js';
import type { SessionView, UserView } from '../service.js';
import { ROLES, type Role } from '../../../core/access.js';

export const roleName = m.family('access.role.', ROLES);
export const rolesText = (lang: Lang, roles: readonly string[]) =>
  roles.map((r) => ((ROLES as readonly string[]).includes(r) ? roleName(lang, r as Role) : r)).join(', ');

export const scopeText = (lang: Lang, u: { national: boolean; prisons: readonly string[] }) =>
  u.national ? m.t(lang, 'access.scope.national') : u.prisons.join(', ') || '—';

export function stateText(lang: Lang, u: UserView, locked = false): string {
  const s = [
    u.disabled
      ? m.t(lang, 'access.state.disabled')
      : u.pending_approval
        ? m.t(lang, 'access.state.pending')
        : m.t(lang, 'access.state.active'),
  ];
  if (locked) s.push(m.t(lang, 'access.state.locked'));
  return s.join(' · ');
}

const DONE = [
  'revoked',
  'password',
  'totp_on',
  'totp_off',
  'created',
  'created_pending',
  'disabled',
  'approved',
  'unlocked',
  'totp_reset',
] as const;
export type Done = (typeof DONE)[number];
const doneText = m.family('access.done.', DONE);
export const isDone = (v: unknown): v is Done => typeof v === 'string' && (DONE as readonly string[]).includes(v);

/** The confirmation after an action (POST, redirect, GET with ?done=…). */
export function doneBanner(lang: Lang, done: Done | null): Raw | undefined {
  return done ? notificationBanner({ lang, type: 'success', text: doneText(lang, done) }) : undefined;
}

/** A hidden CSRF field for a small action form. */
export const csrfField = (csrf: string) => html`<input type="hidden" name="_csrf" value="${csrf}">`;

/** Open sessions and tokens, each with its button to end it. */
export function sessionsTable(
  lang: Lang,
  csrf: string,
  items: readonly SessionView[],
  revokeAction: (id: string) => string,
): Raw {
  if (!items.length) return html`<p class="govuk-body">${m.t(lang, 'access.none')}</p>`;
  const kind = (s: SessionView) =>
    m.t(lang, s.kind === 'session' ? 'access.sessions.kind_session' : 'access.sessions.kind_token');
  const revoke = (s: SessionView) =>
    m.t(lang, s.kind === 'session' ? 'access.sessions.revoke_session' : 'access.sessions.revoke_token');
  return tableScroll(
    m.t(lang, 'access.sessions.caption'),
    table({
      caption: m.t(lang, 'access.sessions.caption'),
      captionClasses: 'govuk-visually-hidden',
      head: [
        { text: m.t(lang, 'access.sessions.kind') },
        { text: m.t(lang, 'access.sessions.created') },
        { text: m.t(lang, 'access.sessions.last_used') },
        { text: m.t(lang, 'access.sessions.expires') },
        { text: m.t(lang, 'access.sessions.address') },
        { text: m.t(lang, 'access.sessions.client') },
        { text: m.t(lang, 'access.sessions.action') },
      ],
      rows: items.map((s) => [
        {
          html: html`${kind(s)}${s.name ? html` « ${s.name} »` : null}${
            s.current ? html` <strong>(${m.t(lang, 'access.sessions.current')})</strong>` : null
          }`,
        },
        { text: formatDateTime(lang, s.created_at) },
        { text: s.last_used_at ? formatDateTime(lang, s.last_used_at) : '—' },
        { text: formatDateTime(lang, s.expires_at) },
        { text: s.address ?? '—' },
        { text: s.user_agent ?? '—' },
        {
          html: html`<form method="post" action="${revokeAction(s.id)}">${csrfField(csrf)}${button({
            text: revoke(s),
            classes: 'govuk-button--secondary govuk-!-margin-bottom-0',
            attributes: {
              'aria-label': m.t(lang, 'access.sessions.revoke_label', {
                action: revoke(s),
                date: formatDateTime(lang, s.created_at),
              }),
            },
          })}</form>`,
        },
      ]),
    }),
  );
}
