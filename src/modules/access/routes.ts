import { Type } from '@sinclair/typebox';
import { authorize } from '../../core/access.js';
import type { App, AppContext } from '../../http/context.js';
import './messages.js';
import { CodeBody, NewUserBody, OptionalReasonBody, PasswordChangeBody, ReasonBody } from './schemas.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './rules.js';
import {
  addUser,
  approveUser,
  changePassword,
  confirmTotp,
  disableTotp,
  disableUser,
  issueToken,
  listMySessions,
  listUserSessions,
  listUsers,
  resetTotp,
  revokeSession,
  type SessionView,
  startTotp,
  totpStatus,
  unlockUser,
} from './service.js';

const User = Type.Object({
  id: Type.String({ format: 'uuid' }),
  username: Type.String(),
  display_name: Type.String(),
  roles: Type.Array(Type.String()),
  national: Type.Boolean(),
  prisons: Type.Array(Type.String()),
  lang: Type.String(),
  disabled: Type.Boolean(),
  pending_approval: Type.Boolean({
    description:
      'Restricted rights its creator does not hold: waits for a second national administrator (POST /api/users/{username}/approve)',
  }),
  totp: Type.Boolean({ description: 'Two-step verification (TOTP) is on' }),
});

const Session = Type.Object({
  id: Type.String({
    format: 'uuid',
    description: "The session's public reference or the token's id (also written on audit rows)",
  }),
  kind: Type.Union([Type.Literal('session'), Type.Literal('token')]),
  name: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
  last_used_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  expires_at: Type.String({ format: 'date-time' }),
  address: Type.Union([Type.String(), Type.Null()]),
  user_agent: Type.Union([Type.String(), Type.Null()]),
  current: Type.Boolean(),
});
const Sessions = Type.Object({ items: Type.Array(Session) });
const sessionsOut = (items: SessionView[]) => ({
  items: items.map((s) => ({
    ...s,
    created_at: s.created_at.toISOString(),
    last_used_at: s.last_used_at?.toISOString() ?? null,
    expires_at: s.expires_at.toISOString(),
  })),
});

const Username = Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }) });
const Reason = OptionalReasonBody;
/** A body that may be left out (`{}` then): a POST with nothing to say but an optional reason. */
const optionalBody = {
  preValidation: (req: { body: unknown }) => {
    req.body ??= {};
    return Promise.resolve();
  },
};
const Code = CodeBody;

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify registration functions are async
export async function accessRoutes(app: App, ctx: AppContext): Promise<void> {
  const db = ctx.database.db;

  app.post(
    '/api/auth/token',
    {
      config: { public: true },
      schema: {
        tags: ['access'],
        summary: 'Exchange a username and password (and the TOTP code, for accounts that use one) for a bearer token',
        description:
          `Throttled: after 10 failed attempts for a username within 15 minutes, or 50 from one address, attempts are ` +
          `refused (429) for 15 minutes. The token expires after SESSION_TTL_HOURS and when unused for SESSION_IDLE_MINUTES.`,
        security: [],
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 200 }),
            password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
            name: Type.Optional(Type.String({ maxLength: 100 })),
            totp: Type.Optional(
              Type.String({
                maxLength: 10,
                description: 'The 6-digit code of the authenticator app (accounts with two-step verification)',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            token: Type.String(),
            token_type: Type.Literal('Bearer'),
            expires_at: Type.String({ format: 'date-time' }),
            id: Type.String({ format: 'uuid' }),
          }),
        },
      },
    },
    async (req) => {
      const { token, expiresAt, id } = await issueToken(db, req.body.username, req.body.password, {
        name: req.body.name,
        ttlHours: ctx.config.sessionTtlHours,
        totp: req.body.totp ?? null,
        address: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
        log: (m) => {
          req.log.warn(m);
        },
      });
      return { token, token_type: 'Bearer' as const, expires_at: expiresAt.toISOString(), id };
    },
  );

  app.get(
    '/api/me',
    {
      schema: {
        tags: ['access'],
        summary: 'The authenticated user, roles, permissions and scope',
        description:
          'With a session cookie, `csrf_token` is the value to send in the X-CSRF-Token header of every state-changing API request.',
      },
    },
    (req) => {
      const a = req.actor!;
      return {
        id: a.userId,
        username: a.username,
        display_name: a.displayName,
        roles: a.roles,
        permissions: [...a.permissions].sort(),
        national: a.national,
        prison_ids: a.prisonIds,
        lang: a.lang,
        ...(req.sessionCsrf ? { csrf_token: req.sessionCsrf } : {}),
      };
    },
  );

  app.get(
    '/api/me/sessions',
    {
      schema: { tags: ['access'], summary: 'My open login sessions and API tokens', response: { 200: Sessions } },
    },
    async (req) => sessionsOut(await listMySessions(db, req.actor!)),
  );

  app.post(
    '/api/me/sessions/:id/revoke',
    {
      schema: {
        tags: ['access'],
        summary: 'End one of my sessions or revoke one of my tokens',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: Reason,
      },
      ...optionalBody,
    },
    async (req, reply) => {
      await revokeSession(db, req.actor, req.params.id, { reason: req.body?.reason ?? null });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/me/password',
    {
      schema: {
        tags: ['access'],
        summary: 'Change my password (my other sessions and my tokens end)',
        description: `At least ${PASSWORD_MIN_LENGTH} characters, not one of the common passwords, not containing the username.`,
        body: PasswordChangeBody,
      },
    },
    async (req, reply) => {
      await changePassword(db, req.actor!, req.body.current_password, req.body.new_password, {
        log: (m) => {
          req.log.warn(m);
        },
      });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/me/totp',
    {
      schema: {
        tags: ['access'],
        summary: 'My two-step verification (TOTP): offered, on, enrolment under way',
        response: {
          200: Type.Object({ eligible: Type.Boolean(), enabled: Type.Boolean(), enrolling: Type.Boolean() }),
        },
      },
    },
    async (req) => {
      const s = await totpStatus(db, req.actor!);
      return { eligible: s.eligible, enabled: s.enabled, enrolling: !!s.pending };
    },
  );

  app.post(
    '/api/me/totp',
    {
      schema: {
        tags: ['access'],
        summary: 'Start TOTP enrolment: a new secret for the authenticator app (national and director accounts)',
        response: {
          201: Type.Object({
            secret: Type.String({ description: 'Base32' }),
            uri: Type.String({ description: 'otpauth:// address (for a QR code)' }),
          }),
        },
      },
    },
    async (req, reply) => reply.status(201).send(await startTotp(db, req.actor!)),
  );

  app.post(
    '/api/me/totp/confirm',
    {
      schema: {
        tags: ['access'],
        summary: 'Finish TOTP enrolment with a code from the app; every login then asks for a code',
        body: Code,
      },
    },
    async (req, reply) => {
      await confirmTotp(db, req.actor!, req.body.code);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/me/totp/disable',
    {
      schema: { tags: ['access'], summary: 'Turn my TOTP off (with a current code)', body: Code },
    },
    async (req, reply) => {
      await disableTotp(db, req.actor!, req.body.code);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/users',
    {
      schema: {
        tags: ['access'],
        summary: 'List the users I may manage',
        response: { 200: Type.Object({ items: Type.Array(User) }) },
      },
    },
    async (req) => ({ items: await listUsers(db, req.actor) }),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['access'],
        summary: 'Create a user',
        description:
          'The grant rule (docs/access.md): nobody grants a role or scope they do not hold; national scope and ' +
          'restricted rights (health, intelligence, interview, assessments, ethnicity/religion) need a national ' +
          'administrator; restricted rights the administrator does not hold leave the account waiting for a second ' +
          'national administrator (`pending_approval`).',
        body: NewUserBody,
        response: { 201: User },
      },
    },
    async (req, reply) => reply.status(201).send(await addUser(db, req.actor, req.body)),
  );

  app.post(
    '/api/users/:username/disable',
    {
      schema: {
        tags: ['access'],
        summary: 'Disable a user (sessions and tokens end at once)',
        params: Username,
        body: ReasonBody,
      },
    },
    async (req, reply) => {
      authorize(req.actor!, 'user.admin');
      await disableUser(db, req.actor, req.params.username, req.body.reason);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/users/:username/approve',
    {
      schema: {
        tags: ['access'],
        summary: 'Approve an account waiting for a second national administrator',
        params: Username,
        body: Reason,
      },
      ...optionalBody,
    },
    async (req, reply) => {
      authorize(req.actor!, 'user.admin');
      await approveUser(db, req.actor, req.params.username, req.body?.reason ?? null);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/users/:username/unlock',
    {
      schema: {
        tags: ['access'],
        summary: 'Clear the failed login attempts that locked an account',
        params: Username,
        body: Reason,
      },
      ...optionalBody,
    },
    async (req, reply) => {
      authorize(req.actor!, 'user.admin');
      await unlockUser(db, req.actor, req.params.username, req.body?.reason ?? null);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/users/:username/totp/reset',
    {
      schema: {
        tags: ['access'],
        summary: "Remove a user's TOTP after a lost phone (national administrator; their sessions and tokens end)",
        params: Username,
        body: ReasonBody,
      },
    },
    async (req, reply) => {
      authorize(req.actor!, 'user.admin');
      await resetTotp(db, req.actor, req.params.username, req.body.reason);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/users/:username/sessions',
    {
      schema: {
        tags: ['access'],
        summary: "A user's open sessions and tokens",
        params: Username,
        response: { 200: Sessions },
      },
    },
    async (req) => {
      authorize(req.actor!, 'user.admin');
      return sessionsOut(await listUserSessions(db, req.actor, req.params.username));
    },
  );

  app.post(
    '/api/users/:username/sessions/:id/revoke',
    {
      schema: {
        tags: ['access'],
        summary: "End a user's session or revoke their token",
        params: Type.Object({
          username: Type.String({ minLength: 1, maxLength: 64 }),
          id: Type.String({ format: 'uuid' }),
        }),
        body: Reason,
      },
      ...optionalBody,
    },
    async (req, reply) => {
      authorize(req.actor!, 'user.admin');
      await revokeSession(db, req.actor, req.params.id, {
        username: req.params.username,
        reason: req.body?.reason ?? null,
      });
      return reply.status(204).send();
    },
  );
}
