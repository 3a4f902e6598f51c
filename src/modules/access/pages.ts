/**
 * Account pages (fr/en, no JavaScript) — the controller: parse the form (forms.ts, the API's
 * schemas), call the service (which authorises), choose the view (views/). My account: sessions and
 * tokens, password, two-step verification (TOTP). Administration of accounts: list, create under
 * the grant rule, one account's sessions, disable, approve, unlock, reset TOTP.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import type { Lang } from '../../core/i18n.js';
import { type App, type AppContext, SESSION_COOKIE } from '../../http/context.js';
import {
  type FormBody,
  type FormErrors,
  formErrorsFromService,
  type NavEntry,
  pageContext,
  pageRoute,
  type ParseResult,
  sendHtml,
} from '../../web/index.js';
import { listPrisons } from '../estate/index.js';
import { parseCodeForm, parseNewUserForm, parsePasswordForm, parseReasonForm, reasonName } from './forms.js';
import { m } from './messages.js';
import {
  addUser,
  approveUser,
  changePassword,
  confirmTotp,
  disableTotp,
  disableUser,
  isLocked,
  listMySessions,
  listUserSessions,
  listUsers,
  resetTotp,
  revokeSession,
  startTotp,
  totpStatus,
  unlockUser,
} from './service.js';
import { totpQrSvg } from './totp.js';
import { accountView } from './views/account.js';
import { passwordView } from './views/password.js';
import { isDone } from './views/shared.js';
import { totpView } from './views/totp.js';
import { newUserView } from './views/user-new.js';
import { USER_ACTIONS, type UserAction, userView } from './views/user.js';
import { usersView } from './views/users.js';

type Req = FastifyRequest<{
  Params: Record<string, string>;
  Querystring: Record<string, string | undefined>;
  Body: FormBody;
}>;

/** The access module's menu entries. */
export const accessNav: readonly NavEntry[] = [
  {
    href: '/users',
    order: 90,
    text: (l) => m.t(l, 'access.nav.users'),
    visible: (a) => a.permissions.has('user.admin'),
  },
  { href: '/account', order: 100, text: (l) => m.t(l, 'access.nav.account'), visible: () => true },
];

/**
 * A service refusal that belongs on the form (invalid input, a conflict, a grant refused, a wrong
 * code, too many attempts): the form again with the errors; anything else propagates.
 */
function formRefusal(
  e: unknown,
  lang: Lang,
  names: readonly string[],
  fallback: string | ((key: string) => string),
): { status: number; errors: FormErrors } {
  const onForm =
    e instanceof AppError &&
    (e.status === 422 ||
      e.status === 409 ||
      e.status === 429 ||
      (e.status === 403 && (e.key.startsWith('grant.') || e.key.startsWith('totp.'))));
  if (!onForm) throw e;
  const to = typeof fallback === 'string' ? fallback : fallback(e.key);
  const fields = e.fields.length ? e.fields : [{ field: `/${to}`, key: e.key, params: e.params }];
  return { status: e.status, errors: formErrorsFromService(fields, { lang, names, fallback: to }) };
}

const done = (req: Req) => (isDone(req.query.done) ? req.query.done : null);

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify registration functions are async
export async function accessPages(app: App, ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  const hide = { schema: { hide: true } };

  // ---- My account ------------------------------------------------------------------------------

  app.get(
    '/account',
    hide,
    pageRoute<Req>(async (req) => {
      const [sessions, totp] = await Promise.all([listMySessions(db, req.actor!), totpStatus(db, req.actor!)]);
      return accountView(pageContext(req), {
        actor: req.actor!,
        sessions,
        totp,
        idleMinutes: ctx.config.sessionIdleMinutes,
        ttlHours: ctx.config.sessionTtlHours,
        done: done(req),
      });
    }),
  );

  app.post(
    '/account/sessions/:id/revoke',
    hide,
    pageRoute<Req>(async (req, reply) => {
      const current = req.actor!.sessionId === req.params.id;
      await revokeSession(db, req.actor, req.params.id);
      if (current) {
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.redirect('/login', 303);
      }
      return reply.redirect('/account?done=revoked', 303);
    }),
  );

  app.get(
    '/account/password',
    hide,
    pageRoute<Req>((req) => Promise.resolve(passwordView(pageContext(req)))),
  );

  app.post(
    '/account/password',
    hide,
    pageRoute<Req>(async (req, reply) => {
      const parsed = parsePasswordForm(req.body, req.lang);
      if (!parsed.ok) return sendHtml(reply, passwordView(pageContext(req), parsed.errors), 422);
      try {
        await changePassword(db, req.actor!, parsed.value.current_password, parsed.value.new_password, {
          address: req.ip,
          log: (msg) => {
            req.log.warn(msg);
          },
        });
      } catch (e) {
        const f = formRefusal(e, req.lang, Object.keys(req.body), 'current_password');
        return sendHtml(reply, passwordView(pageContext(req), f.errors), f.status);
      }
      return reply.redirect('/account?done=password', 303);
    }),
  );

  const totpPage = async (req: Req, reply: FastifyReply, errors: FormErrors | null = null, status = 200) => {
    const s = await totpStatus(db, req.actor!);
    const pending = s.pending ? { secret: s.pending.secret, qrSvg: await totpQrSvg(s.pending.uri) } : null;
    return sendHtml(
      reply,
      totpView(pageContext(req), { eligible: s.eligible, enabled: s.enabled, pending, done: done(req) }, errors),
      status,
    );
  };
  /** A TOTP action: parse the code where it needs one, act, come back to the page. */
  const totpAction = (
    path: string,
    act: (req: Req, code: string) => Promise<unknown>,
    after: string,
    needsCode: boolean,
  ) =>
    app.post(
      path,
      hide,
      pageRoute<Req>(async (req, reply) => {
        let code = '';
        if (needsCode) {
          const parsed: ParseResult<{ code: string }> = parseCodeForm(req.body, req.lang);
          if (!parsed.ok) return totpPage(req, reply, parsed.errors, 422);
          code = parsed.value.code;
        }
        try {
          await act(req, code);
        } catch (e) {
          const f = formRefusal(e, req.lang, needsCode ? ['code'] : [], 'code');
          return totpPage(req, reply, f.errors, f.status);
        }
        return reply.redirect(after, 303);
      }),
    );

  app.get(
    '/account/2fa',
    hide,
    pageRoute<Req>(async (req, reply) => totpPage(req, reply)),
  );
  totpAction('/account/2fa/start', (req) => startTotp(db, req.actor!), '/account/2fa', false);
  totpAction(
    '/account/2fa/confirm',
    (req, code) => confirmTotp(db, req.actor!, code),
    '/account/2fa?done=totp_on',
    true,
  );
  totpAction(
    '/account/2fa/disable',
    (req, code) => disableTotp(db, req.actor!, code),
    '/account/2fa?done=totp_off',
    true,
  );

  // ---- Administration of accounts --------------------------------------------------------------

  app.get(
    '/users',
    hide,
    pageRoute<Req>(async (req) => usersView(pageContext(req), await listUsers(db, req.actor))),
  );

  const newUserPage = async (req: Req, values: FormBody | null, errors: FormErrors | null) => {
    const prisons = await listPrisons(db, req.actor!);
    return newUserView(pageContext(req), { prisons, values, errors });
  };

  app.get(
    '/users/new',
    hide,
    pageRoute<Req>(async (req) => {
      if (!req.actor!.permissions.has('user.admin')) throw new AppError(403, 'error.forbidden');
      return newUserPage(req, null, null);
    }),
  );

  app.post(
    '/users/new',
    hide,
    pageRoute<Req>(async (req, reply) => {
      if (!req.actor!.permissions.has('user.admin')) throw new AppError(403, 'error.forbidden');
      const parsed = parseNewUserForm(req.body, req.lang);
      if (!parsed.ok) return sendHtml(reply, await newUserPage(req, req.body, parsed.errors), 422);
      try {
        const u = await addUser(db, req.actor, parsed.value, { via: 'page' });
        return await reply.redirect(
          `/users/${encodeURIComponent(u.username)}?done=${u.pending_approval ? 'created_pending' : 'created'}`,
          303,
        );
      } catch (e) {
        // A grant refused is about the scope (national) or the roles asked for.
        const field = (key: string) =>
          key === 'grant.national_scope' ? 'national' : key.startsWith('grant.') ? 'roles' : 'username';
        const f = formRefusal(e, req.lang, Object.keys(req.body), field);
        return sendHtml(reply, await newUserPage(req, req.body, f.errors), f.status);
      }
    }),
  );

  const userPage = async (req: Req, username: string, errors: FormErrors | null = null) => {
    const user = (await listUsers(db, req.actor)).find((x) => x.username === username);
    if (!user) throw new AppError(404, 'error.not_found');
    const [sessions, locked] = await Promise.all([
      listUserSessions(db, req.actor, user.username),
      isLocked(db, user.username),
    ]);
    return userView(pageContext(req), { user, locked, sessions, done: done(req) }, errors);
  };

  app.get(
    '/users/:username',
    hide,
    pageRoute<Req>(async (req) => userPage(req, req.params.username)),
  );

  const act: Record<UserAction, (req: Req, username: string, reason: string | undefined) => Promise<void>> = {
    disable: (req, u, reason) => disableUser(db, req.actor, u, reason ?? ''),
    approve: (req, u, reason) => approveUser(db, req.actor, u, reason ?? null),
    unlock: (req, u) => unlockUser(db, req.actor, u),
    'totp-reset': (req, u, reason) => resetTotp(db, req.actor, u, reason ?? ''),
  };
  const doneOf: Record<UserAction, string> = {
    disable: 'disabled',
    approve: 'approved',
    unlock: 'unlocked',
    'totp-reset': 'totp_reset',
  };
  for (const action of Object.keys(USER_ACTIONS) as UserAction[]) {
    app.post(
      `/users/:username/${action}`,
      hide,
      pageRoute<Req>(async (req, reply) => {
        const username = req.params.username;
        const parsed = parseReasonForm(req.body, req.lang, action, USER_ACTIONS[action].required);
        if (!parsed.ok) return sendHtml(reply, await userPage(req, username, parsed.errors), 422);
        try {
          await act[action](req, username, parsed.value.reason);
        } catch (e) {
          const f = formRefusal(e, req.lang, [reasonName(action)], reasonName(action));
          return sendHtml(reply, await userPage(req, username, f.errors), f.status);
        }
        return reply.redirect(`/users/${encodeURIComponent(username)}?done=${doneOf[action]}`, 303);
      }),
    );
  }

  app.post(
    '/users/:username/sessions/:id/revoke',
    hide,
    pageRoute<Req>(async (req, reply) => {
      await revokeSession(db, req.actor, req.params.id, { username: req.params.username });
      return reply.redirect(`/users/${encodeURIComponent(req.params.username)}?done=revoked`, 303);
    }),
  );
}
