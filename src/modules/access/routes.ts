import { Type } from '@sinclair/typebox';
import { authorize } from '../../core/access.js';
import type { App, AppContext } from '../../http/app.js';
import './messages.js';
import { addUser, disableUser, issueToken, listUsers } from './service.js';

const User = Type.Object({
  id: Type.String({ format: 'uuid' }),
  username: Type.String(),
  display_name: Type.String(),
  roles: Type.Array(Type.String()),
  national: Type.Boolean(),
  prisons: Type.Array(Type.String()),
  lang: Type.String(),
  disabled: Type.Boolean(),
});

export async function accessRoutes(app: App, ctx: AppContext): Promise<void> {
  const db = ctx.database.db;

  app.post('/api/auth/token', {
    config: { public: true },
    schema: {
      tags: ['access'],
      summary: 'Exchange a username and password for a bearer token',
      security: [],
      body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 200 }), name: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ token: Type.String(), token_type: Type.Literal('Bearer'), expires_at: Type.String({ format: 'date-time' }) }) },
    },
  }, async (req) => {
    const { token, expiresAt } = await issueToken(db, req.body.username, req.body.password, { name: req.body.name, ttlHours: ctx.config.sessionTtlHours });
    return { token, token_type: 'Bearer' as const, expires_at: expiresAt!.toISOString() };
  });

  app.get('/api/me', {
    schema: { tags: ['access'], summary: 'The authenticated user, roles, permissions and scope' },
  }, async (req) => {
    const a = req.actor!;
    return { id: a.userId, username: a.username, display_name: a.displayName, roles: a.roles, permissions: [...a.permissions].sort(), national: a.national, prison_ids: a.prisonIds, lang: a.lang };
  });

  app.get('/api/users', { schema: { tags: ['access'], summary: 'List users', response: { 200: Type.Object({ items: Type.Array(User) }) } } }, async (req) => ({ items: await listUsers(db, req.actor!) }));

  app.post('/api/users', {
    schema: {
      tags: ['access'],
      summary: 'Create a user',
      body: Type.Object({
        username: Type.String({ minLength: 3, maxLength: 64, pattern: '^[a-z0-9._-]+$' }),
        display_name: Type.String({ minLength: 1, maxLength: 200 }),
        password: Type.String({ minLength: 10, maxLength: 200 }),
        roles: Type.Array(Type.String({ maxLength: 40 }), { minItems: 1, maxItems: 20 }),
        national: Type.Optional(Type.Boolean()),
        prisons: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 200 })),
        lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])),
      }, { additionalProperties: false }),
      response: { 201: User },
    },
  }, async (req, reply) => reply.status(201).send(await addUser(db, req.actor!, req.body)));

  app.post('/api/users/:username/disable', {
    schema: {
      tags: ['access'],
      summary: 'Disable a user (sessions and tokens end at once)',
      params: Type.Object({ username: Type.String({ maxLength: 64 }) }),
      body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
    },
  }, async (req, reply) => {
    authorize(req.actor!, 'user.admin');
    await disableUser(db, req.actor!, req.params.username, req.body.reason);
    return reply.status(204).send();
  });
}
