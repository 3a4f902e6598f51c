/**
 * Account pages (fr/en, no JavaScript): my account — my sessions and tokens, my password, two-step
 * verification (TOTP) — and the administration of accounts (list, create under the grant rule,
 * sessions of a user, disable, approve, unlock, reset TOTP). Authorisation stays in the service.
 */
import type { FastifyReply } from 'fastify';
import { ROLES } from '../../core/access.js';
import { formatBamako } from '../../core/dates.js';
import { AppError, type FieldError } from '../../core/errors.js';
import { t, type Lang } from '../../core/i18n.js';
import { SESSION_COOKIE, type App, type AppContext } from '../../http/app.js';
import { listPrisons } from '../estate/service.js';
import { checkbox, checkboxGroup, errorSummary, type FormErrors, formErrors, hidden, selectField, textArea, textField } from '../web/forms.js';
import { html, raw, type Raw } from '../web/html.js';
import { dl, layout } from '../web/layout.js';
import { page, type Req, send } from '../web/page.js';
import './messages.js';
import { PASSWORD_MIN_LENGTH } from './rules.js';
import {
  addUser, approveUser, changePassword, confirmTotp, disableTotp, disableUser, isLocked, listMySessions, listUserSessions, listUsers, resetTotp,
  revokeSession, type SessionView, startTotp, totpStatus, unlockUser, type UserView,
} from './service.js';
import { totpQrSvg } from './totp.js';

type Body = Record<string, string | string[] | undefined>;
const str = (b: Body, k: string) => { const v = b[k]; return (Array.isArray(v) ? v[0] ?? '' : v ?? '').trim(); };
const list = (b: Body, k: string) => { const v = b[k]; return (Array.isArray(v) ? v : v ? [v] : []).filter((x) => x !== ''); };
const roleName = (lang: Lang, r: string) => t(lang, `access.role.${r}`);

/** A service refusal that belongs on the form (validation, conflict, a grant refused): re-render, else propagate. */
function formError(e: unknown, lang: Lang, names: readonly string[], formId = 'form'): { status: number; errors: FormErrors } {
  if (e instanceof AppError && (e.status === 422 || e.status === 409 || (e.status === 403 && (e.key.startsWith('grant.') || e.key.startsWith('totp.'))))) {
    return { status: e.status, errors: formErrors(e.fields.length ? e : [{ field: '', key: e.key, params: e.params } as FieldError], lang, names, formId) };
  }
  throw e;
}

function sessionsTable(req: Req, items: SessionView[], revokeAction: (id: string) => string): Raw {
  const lang = req.lang;
  if (!items.length) return html`<p>${t(lang, 'web.none')}</p>`;
  return html`<table><thead><tr><th scope="col">${t(lang, 'access.sessions.kind')}</th><th scope="col">${t(lang, 'access.sessions.created')}</th><th scope="col">${t(lang, 'access.sessions.last_used')}</th><th scope="col">${t(lang, 'access.sessions.expires')}</th><th scope="col">${t(lang, 'access.sessions.address')}</th><th scope="col">${t(lang, 'access.sessions.client')}</th><th scope="col">${t(lang, 'access.sessions.action')}</th></tr></thead><tbody>
${items.map((s) => html`<tr><td>${t(lang, `access.sessions.kind_${s.kind}`)}${s.name ? html` « ${s.name} »` : null}${s.current ? html` <strong>(${t(lang, 'access.sessions.current')})</strong>` : null}</td>
<td>${formatBamako(s.created_at, lang)}</td><td>${s.last_used_at ? formatBamako(s.last_used_at, lang) : '—'}</td><td>${formatBamako(s.expires_at, lang)}</td><td>${s.address ?? '—'}</td><td>${s.user_agent ?? '—'}</td>
<td><form method="post" action="${revokeAction(s.id)}">${hidden('_csrf', req.sessionCsrf ?? '')}<button type="submit" aria-label="${t(lang, s.kind === 'session' ? 'access.sessions.revoke_session' : 'access.sessions.revoke_token')} ${formatBamako(s.created_at, lang)}">${t(lang, s.kind === 'session' ? 'access.sessions.revoke_session' : 'access.sessions.revoke_token')}</button></form></td></tr>`)}
</tbody></table>`;
}

const scopeText = (lang: Lang, u: { national: boolean; prisons: string[] }) => (u.national ? t(lang, 'access.scope.national') : u.prisons.join(', ') || '—');

function stateText(lang: Lang, u: UserView, locked = false): string {
  const s = [u.disabled ? t(lang, 'access.state.disabled') : u.pending_approval ? t(lang, 'access.state.pending') : t(lang, 'access.state.active')];
  if (locked) s.push(t(lang, 'access.state.locked'));
  return s.join(' · ');
}

export async function accessPages(app: App, ctx: AppContext): Promise<void> {
  const db = ctx.database.db;

  // ---- My account ------------------------------------------------------------------------------

  app.get('/account', { schema: { hide: true } }, page(async (req) => {
    const lang = req.lang;
    const a = req.actor!;
    const [sessions, totp] = await Promise.all([listMySessions(db, a), totpStatus(db, a)]);
    return layout(req, t(lang, 'access.account.title'), html`${req.query.done ? html`<p class="notice" role="status">${t(lang, `access.done.${req.query.done}`)}</p>` : null}
${dl([[t(lang, 'web.login.username'), a.username], [t(lang, 'access.name'), a.displayName], [t(lang, 'access.roles'), a.roles.map((r) => roleName(lang, r)).join(', ')], [t(lang, 'access.scope'), a.national ? t(lang, 'access.scope.national') : String(a.prisonIds.length)]])}
<ul><li><a href="/account/password">${t(lang, 'access.password.title')}</a></li>
${totp.eligible || totp.enabled ? html`<li><a href="/account/2fa">${t(lang, 'access.totp.title')}</a> — ${t(lang, totp.enabled ? 'access.totp.on' : 'access.totp.off')}</li>` : null}
${a.permissions.has('user.admin') ? html`<li><a href="/users">${t(lang, 'access.users.title')}</a></li>` : null}</ul>
<h2>${t(lang, 'access.sessions.title')}</h2><p>${t(lang, 'access.sessions.intro', { idle: ctx.config.sessionIdleMinutes, ttl: ctx.config.sessionTtlHours })}</p>
${sessionsTable(req, sessions, (id) => `/account/sessions/${id}/revoke`)}`);
  }));

  app.post('/account/sessions/:id/revoke', { schema: { hide: true } }, page(async (req, reply) => {
    const current = req.actor!.sessionId === req.params.id;
    await revokeSession(db, req.actor!, req.params.id!);
    if (current) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.redirect('/login', 303);
    }
    return reply.redirect('/account?done=revoked', 303);
  }));

  const passwordForm = (req: Req, errors: FormErrors | null) => {
    const lang = req.lang;
    return layout(req, t(lang, 'access.password.title'), html`${errorSummary(lang, errors)}
<p>${t(lang, 'access.password.policy', { min: PASSWORD_MIN_LENGTH })}</p>
<form id="form" method="post" action="/account/password" novalidate>${hidden('_csrf', req.sessionCsrf ?? '')}
${textField({ label: t(lang, 'access.password.current'), name: 'current_password', type: 'password', errors, required: true, autocomplete: 'current-password' })}
${textField({ label: t(lang, 'access.password.new'), name: 'new_password', type: 'password', errors, required: true, autocomplete: 'new-password' })}
${textField({ label: t(lang, 'access.password.confirm'), name: 'new_password_confirm', type: 'password', errors, required: true, autocomplete: 'new-password' })}
<button type="submit">${t(lang, 'access.password.submit')}</button></form>`);
  };
  const PASSWORD_FIELDS = ['current_password', 'new_password', 'new_password_confirm'];

  app.get('/account/password', { schema: { hide: true } }, page(async (req) => passwordForm(req, null)));

  app.post('/account/password', { schema: { hide: true } }, page(async (req, reply) => {
    const lang = req.lang;
    const b = (req.body ?? {}) as Body;
    const current = typeof b.current_password === 'string' ? b.current_password : '';
    const next = typeof b.new_password === 'string' ? b.new_password : '';
    const missing: FieldError[] = PASSWORD_FIELDS.filter((k) => !(typeof b[k] === 'string' && b[k])).map((k) => ({ field: `/${k}`, key: 'field.required' }));
    if (!missing.length && next !== b.new_password_confirm) missing.push({ field: '/new_password_confirm', key: 'access.password.mismatch' });
    if (missing.length) return send(reply, passwordForm(req, formErrors(missing, lang, PASSWORD_FIELDS)), 422);
    try {
      await changePassword(db, req.actor!, current, next, { address: req.ip, log: (m) => req.log.warn(m) });
    } catch (e) {
      if (e instanceof AppError && e.status === 429) return send(reply, passwordForm(req, formErrors([{ field: '/current_password', key: e.key, params: e.params }], lang, PASSWORD_FIELDS)), 429);
      const f = formError(e, lang, PASSWORD_FIELDS);
      return send(reply, passwordForm(req, f.errors), f.status);
    }
    return reply.redirect('/account?done=password', 303);
  }));

  const totpPage = async (req: Req, errors: FormErrors | null = null, status = 200, reply?: FastifyReply) => {
    const lang = req.lang;
    const s = await totpStatus(db, req.actor!);
    const csrf = hidden('_csrf', req.sessionCsrf ?? '');
    let body: Raw;
    if (s.enabled) {
      body = html`<p>${t(lang, 'access.totp.enabled_text')}</p>
<form id="form" method="post" action="/account/2fa/disable" novalidate>${csrf}
${textField({ label: t(lang, 'web.login.code'), name: 'code', errors, required: true, autocomplete: 'one-time-code' })}
<button type="submit">${t(lang, 'access.totp.disable')}</button></form>`;
    } else if (s.pending) {
      const svg = await totpQrSvg(s.pending.uri);
      body = html`<ol><li>${t(lang, 'access.totp.step_scan')}</li><li>${t(lang, 'access.totp.step_code')}</li></ol>
<figure class="qr">${raw(svg.replace('<svg ', `<svg role="img" aria-label="${t(lang, 'access.totp.qr_label')}" width="220" height="220" `))}<figcaption>${t(lang, 'access.totp.secret')} : <code>${s.pending.secret.replace(/(.{4})/g, '$1 ').trim()}</code></figcaption></figure>
<form id="form" method="post" action="/account/2fa/confirm" novalidate>${csrf}
${textField({ label: t(lang, 'web.login.code'), name: 'code', errors, required: true, autocomplete: 'one-time-code' })}
<button type="submit">${t(lang, 'access.totp.confirm')}</button></form>`;
    } else if (s.eligible) {
      body = html`${errorSummary(lang, errors)}<p>${t(lang, 'access.totp.intro')}</p>
<form id="form" method="post" action="/account/2fa/start">${csrf}<button type="submit">${t(lang, 'access.totp.start')}</button></form>`;
    } else {
      body = html`<p>${t(lang, 'totp.not_eligible')}</p>`;
    }
    const out = layout(req, t(lang, 'access.totp.title'), html`${s.enabled || s.pending ? errorSummary(lang, errors) : null}${req.query.done ? html`<p class="notice" role="status">${t(lang, `access.done.${req.query.done}`)}</p>` : null}${body}`);
    return reply ? send(reply, out, status) : out;
  };

  app.get('/account/2fa', { schema: { hide: true } }, page(async (req) => totpPage(req)));
  app.post('/account/2fa/start', { schema: { hide: true } }, page(async (req, reply) => {
    try { await startTotp(db, req.actor!); } catch (e) {
      const f = formError(e, req.lang, ['code']);
      return totpPage(req, f.errors, f.status, reply);
    }
    return reply.redirect('/account/2fa', 303);
  }));
  app.post('/account/2fa/confirm', { schema: { hide: true } }, page(async (req, reply) => {
    try { await confirmTotp(db, req.actor!, str((req.body ?? {}) as Body, 'code')); } catch (e) {
      const f = formError(e, req.lang, ['code']);
      return totpPage(req, f.errors, f.status, reply);
    }
    return reply.redirect('/account/2fa?done=totp_on', 303);
  }));
  app.post('/account/2fa/disable', { schema: { hide: true } }, page(async (req, reply) => {
    try { await disableTotp(db, req.actor!, str((req.body ?? {}) as Body, 'code')); } catch (e) {
      const f = formError(e, req.lang, ['code']);
      return totpPage(req, f.errors, f.status, reply);
    }
    return reply.redirect('/account/2fa?done=totp_off', 303);
  }));

  // ---- Administration of accounts --------------------------------------------------------------

  app.get('/users', { schema: { hide: true } }, page(async (req) => {
    const lang = req.lang;
    const users = await listUsers(db, req.actor!);
    return layout(req, t(lang, 'access.users.title'), html`<p><a href="/users/new">${t(lang, 'access.users.new')}</a></p>
<p>${t(lang, 'access.users.intro')}</p>
<table><thead><tr><th scope="col">${t(lang, 'web.login.username')}</th><th scope="col">${t(lang, 'access.name')}</th><th scope="col">${t(lang, 'access.roles')}</th><th scope="col">${t(lang, 'access.scope')}</th><th scope="col">${t(lang, 'access.state')}</th><th scope="col">${t(lang, 'access.totp.short')}</th></tr></thead><tbody>
${users.map((u) => html`<tr><td><a href="/users/${u.username}">${u.username}</a></td><td>${u.display_name}</td><td>${u.roles.map((r) => roleName(lang, r)).join(', ')}</td><td>${scopeText(lang, u)}</td><td>${stateText(lang, u)}</td><td>${t(lang, u.totp ? 'web.yes' : 'web.no')}</td></tr>`)}
</tbody></table>`);
  }));

  const USER_FIELDS = ['username', 'display_name', 'password', 'roles', 'national', 'prisons', 'lang'];
  const userForm = async (req: Req, values: Body, errors: FormErrors | null) => {
    const lang = req.lang;
    const prisons = await listPrisons(db, req.actor!);
    return layout(req, t(lang, 'access.users.new'), html`${errorSummary(lang, errors)}
<p>${t(lang, 'access.users.grant_rule')}</p>
<form id="form" method="post" action="/users/new" novalidate>${hidden('_csrf', req.sessionCsrf ?? '')}
${textField({ label: t(lang, 'web.login.username'), name: 'username', value: str(values, 'username'), errors, required: true, hint: t(lang, 'user.username_format') })}
${textField({ label: t(lang, 'access.name'), name: 'display_name', value: str(values, 'display_name'), errors, required: true })}
${textField({ label: t(lang, 'access.password.initial'), name: 'password', type: 'password', errors, required: true, autocomplete: 'new-password', hint: t(lang, 'access.password.policy', { min: PASSWORD_MIN_LENGTH }) })}
${checkboxGroup({ label: t(lang, 'access.roles'), name: 'roles', values: list(values, 'roles'), errors, options: ROLES.map((r) => [r, roleName(lang, r)]) })}
${checkbox({ label: t(lang, 'access.scope.national'), name: 'national', checked: str(values, 'national') === '1', errors })}
${checkboxGroup({ label: t(lang, 'access.prisons'), name: 'prisons', values: list(values, 'prisons'), errors, options: prisons.map((p) => [p.code, `${p.name} (${p.code})`]) })}
${selectField({ label: t(lang, 'access.lang'), name: 'lang', value: str(values, 'lang') || 'fr', errors, options: [['fr', 'Français'], ['en', 'English']] })}
<button type="submit">${t(lang, 'access.users.create')}</button></form>`);
  };

  app.get('/users/new', { schema: { hide: true } }, page(async (req) => {
    if (!req.actor!.permissions.has('user.admin')) throw new AppError(403, 'error.forbidden');
    return userForm(req, {}, null);
  }));

  app.post('/users/new', { schema: { hide: true } }, page(async (req, reply) => {
    const lang = req.lang;
    const b = (req.body ?? {}) as Body;
    if (!req.actor!.permissions.has('user.admin')) throw new AppError(403, 'error.forbidden');
    const missing: FieldError[] = ['username', 'display_name', 'password'].filter((k) => !str(b, k)).map((k) => ({ field: `/${k}`, key: 'field.required' }));
    if (!list(b, 'roles').length) missing.push({ field: '/roles', key: 'field.required' });
    if (missing.length) return send(reply, await userForm(req, b, formErrors(missing, lang, USER_FIELDS)), 422);
    try {
      const u = await addUser(db, req.actor!, {
        username: str(b, 'username').toLowerCase(), display_name: str(b, 'display_name'), password: typeof b.password === 'string' ? b.password : '',
        roles: list(b, 'roles'), national: str(b, 'national') === '1', prisons: list(b, 'prisons'), lang: str(b, 'lang') === 'en' ? 'en' : 'fr',
      }, { via: 'page' });
      return reply.redirect(`/users/${u.username}?done=${u.pending_approval ? 'created_pending' : 'created'}`, 303);
    } catch (e) {
      const f = formError(e, lang, USER_FIELDS);
      return send(reply, await userForm(req, b, f.errors), f.status);
    }
  }));

  const userPage = async (req: Req, username: string, errors: FormErrors | null = null) => {
    const lang = req.lang;
    const u = (await listUsers(db, req.actor!)).find((x) => x.username === username);
    if (!u) throw new AppError(404, 'error.not_found');
    const [sessions, locked] = await Promise.all([listUserSessions(db, req.actor!, u.username), isLocked(db, u.username)]);
    const csrf = hidden('_csrf', req.sessionCsrf ?? '');
    const base = `/users/${encodeURIComponent(u.username)}`;
    const action = (path: string, label: string, withReason: boolean, required = false) => html`<form method="post" action="${base}/${path}" class="action" novalidate>${csrf}
${withReason ? textArea({ label: t(lang, 'access.reason'), name: `reason_${path.replace(/\W/g, '_')}`, errors, required, rows: 2 }) : null}<button type="submit">${label}</button></form>`;
    return layout(req, t(lang, 'access.user.title', { username: u.username }), html`${errorSummary(lang, errors)}${req.query.done ? html`<p class="notice" role="status">${t(lang, `access.done.${req.query.done}`)}</p>` : null}
${dl([[t(lang, 'access.name'), u.display_name], [t(lang, 'access.roles'), u.roles.map((r) => roleName(lang, r)).join(', ')], [t(lang, 'access.scope'), scopeText(lang, u)], [t(lang, 'access.state'), stateText(lang, u, locked)], [t(lang, 'access.totp.short'), t(lang, u.totp ? 'web.yes' : 'web.no')]])}
<h2>${t(lang, 'access.sessions.title')}</h2>
${sessionsTable(req, sessions, (id) => `${base}/sessions/${id}/revoke`)}
<h2>${t(lang, 'access.user.actions')}</h2>
${u.pending_approval ? action('approve', t(lang, 'access.user.approve'), true) : null}
${locked ? action('unlock', t(lang, 'access.user.unlock'), false) : null}
${u.totp ? action('totp-reset', t(lang, 'access.user.totp_reset'), true, true) : null}
${u.disabled ? null : action('disable', t(lang, 'access.user.disable'), true, true)}`);
  };

  app.get('/users/:username', { schema: { hide: true } }, page(async (req) => userPage(req, req.params.username!)));

  const userAction = (path: string, fn: (req: Req, username: string, reason: string) => Promise<void>, done: string, reasonRequired: boolean) =>
    app.post(`/users/:username/${path}`, { schema: { hide: true } }, page(async (req, reply) => {
      const username = req.params.username!;
      const field = `reason_${path.replace(/\W/g, '_')}`;
      const reason = str((req.body ?? {}) as Body, field);
      if (reasonRequired && !reason) return send(reply, await userPage(req, username, formErrors([{ field: `/${field}`, key: 'field.required' }], req.lang, [field])), 422);
      try {
        await fn(req, username, reason);
      } catch (e) {
        const f = formError(e, req.lang, [field]);
        return send(reply, await userPage(req, username, f.errors), f.status);
      }
      return reply.redirect(`/users/${encodeURIComponent(username)}?done=${done}`, 303);
    }));
  userAction('disable', (req, u, reason) => disableUser(db, req.actor!, u, reason), 'disabled', true);
  userAction('approve', (req, u, reason) => approveUser(db, req.actor!, u, reason || null), 'approved', false);
  userAction('unlock', (req, u) => unlockUser(db, req.actor!, u), 'unlocked', false);
  userAction('totp-reset', (req, u, reason) => resetTotp(db, req.actor!, u, reason), 'totp_reset', true);

  app.post('/users/:username/sessions/:id/revoke', { schema: { hide: true } }, page(async (req, reply) => {
    await revokeSession(db, req.actor!, req.params.id!, { username: req.params.username! });
    return reply.redirect(`/users/${encodeURIComponent(req.params.username!)}?done=revoked`, 303);
  }));
}
