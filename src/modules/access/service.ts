/** Users, sessions and API tokens. */
import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { and, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { type Actor, authorize, makeActor, ROLES, type Role } from '../../core/access.js';
import { AppError, invalid } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { recordChange } from '../../core/history.js';
import type { Db, Tx } from '../../db/index.js';
import { prison } from '../estate/schema.js';
import { apiToken, appUser, userPrison, userSession } from './schema.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface UserView {
  id: string;
  username: string;
  display_name: string;
  roles: string[];
  national: boolean;
  prisons: string[];
  lang: string;
  disabled: boolean;
}

async function loadActor(db: Tx, userId: string): Promise<Actor | null> {
  return loadActorWhere(db, eq(appUser.id, userId));
}

async function loadActorWhere(db: Tx, where: ReturnType<typeof eq>): Promise<Actor | null> {
  const rows = await db
    .select({ u: appUser, prisons: sql<string[]>`coalesce(array_agg(${userPrison.prisonId}) FILTER (WHERE ${userPrison.prisonId} IS NOT NULL), '{}')` })
    .from(appUser)
    .leftJoin(userPrison, eq(userPrison.userId, appUser.id))
    .where(and(where, isNull(appUser.disabledAt)))
    .groupBy(appUser.id);
  const r = rows[0];
  if (!r) return null;
  return makeActor({ id: r.u.id, username: r.u.username, displayName: r.u.displayName, roles: r.u.roles, national: r.u.national, prisonIds: r.prisons, lang: r.u.lang });
}

/** Resolve a bearer token or a session cookie to an actor; null when neither is valid. */
export async function authenticate(db: Db, creds: { bearer?: string; session?: string }): Promise<{ actor: Actor; csrf: string | null } | null> {
  const now = new Date();
  if (creds.bearer) {
    // One query: the token's user, with their prisons, if the token is valid and the user active.
    const valid = db
      .select({ userId: apiToken.userId })
      .from(apiToken)
      .where(and(eq(apiToken.tokenHash, sha256(creds.bearer)), isNull(apiToken.revokedAt), or(isNull(apiToken.expiresAt), gt(apiToken.expiresAt, now))));
    const actor = await loadActorWhere(db, sql`${appUser.id} IN ${valid}` as unknown as ReturnType<typeof eq>);
    return actor ? { actor, csrf: null } : null;
  }
  if (creds.session) {
    const [s] = await db
      .select({ userId: userSession.userId, csrf: userSession.csrfToken })
      .from(userSession)
      .where(and(eq(userSession.id, sha256(creds.session)), isNull(userSession.endedAt), gt(userSession.expiresAt, now)));
    if (!s) return null;
    const actor = await loadActor(db, s.userId);
    return actor ? { actor, csrf: s.csrf } : null;
  }
  return null;
}

async function verifyPassword(db: Db, username: string, password: string): Promise<string> {
  const [u] = await db.select().from(appUser).where(eq(appUser.username, username.trim().toLowerCase()));
  // Hash even when the user does not exist, so that timing does not tell which usernames exist.
  const hash = u?.passwordHash ?? '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Qm9ndXNCb2d1c0JvZ3VzQm9ndXNCb2d1c0JvZ3Vz';
  const ok = await argon2.verify(hash, password).catch(() => false);
  if (!u || !ok || u.disabledAt) throw new AppError(401, 'error.bad_credentials');
  return u.id;
}

export async function login(db: Db, username: string, password: string, ttlHours: number): Promise<{ session: string; csrf: string; expiresAt: Date }> {
  const userId = await verifyPassword(db, username, password);
  const session = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await db.insert(userSession).values({ id: sha256(session), userId, csrfToken: csrf, expiresAt });
  return { session, csrf, expiresAt };
}

export async function logout(db: Db, session: string): Promise<void> {
  await db.update(userSession).set({ endedAt: new Date() }).where(eq(userSession.id, sha256(session)));
}

/** Exchange a username and password for a bearer token (for API clients and scripts). */
export async function issueToken(db: Db, username: string, password: string, opts: { name?: string; ttlHours?: number } = {}): Promise<{ token: string; expiresAt: Date | null }> {
  const userId = await verifyPassword(db, username, password);
  return createToken(db, userId, opts);
}

export async function createToken(db: Tx, userId: string, opts: { name?: string; ttlHours?: number } = {}): Promise<{ token: string; expiresAt: Date | null }> {
  const token = `pmis_${randomBytes(32).toString('base64url')}`;
  const expiresAt = opts.ttlHours ? new Date(Date.now() + opts.ttlHours * 3600_000) : null;
  await db.insert(apiToken).values({ id: newId(), userId, name: opts.name ?? 'api', tokenHash: sha256(token), expiresAt });
  return { token, expiresAt };
}

export interface NewUser {
  username: string;
  display_name: string;
  password: string;
  roles: string[];
  national?: boolean;
  prisons?: string[]; // prison codes
  lang?: 'fr' | 'en';
}

function validateNewUser(u: NewUser): void {
  const errs = [];
  if (!/^[a-z0-9._-]{3,64}$/.test(u.username)) errs.push({ field: '/username', key: 'user.username_format' });
  if (u.password.length < 10) errs.push({ field: '/password', key: 'user.password_short' });
  const badRole = u.roles.find((r) => !(ROLES as readonly string[]).includes(r));
  if (badRole || u.roles.length === 0) errs.push({ field: '/roles', key: 'user.role_unknown', params: { role: badRole ?? '' } });
  // Partner accounts (prosecutors) are scoped by jurisdiction in the justice module, not by prison.
  const partnerOnly = u.roles.length > 0 && u.roles.every((r) => r === 'prosecutor');
  if (!partnerOnly && !u.national && !(u.prisons && u.prisons.length)) errs.push({ field: '/prisons', key: 'user.scope_required' });
  if (errs.length) throw invalid(errs);
}

/** Create a user. `actor` null means the operator's CLI (trusted, local). */
export async function addUser(db: Db, actor: Actor | null, u: NewUser): Promise<UserView> {
  if (actor) authorize(actor, 'user.admin');
  validateNewUser(u);
  return db.transaction(async (tx) => {
    const prisons = u.prisons?.length ? await tx.select({ id: prison.id, code: prison.code }).from(prison).where(inArray(prison.code, u.prisons)) : [];
    const missing = (u.prisons ?? []).filter((c) => !prisons.some((p) => p.code === c));
    if (missing.length) throw invalid([{ field: '/prisons', key: 'user.prison_unknown', params: { code: missing.join(', ') } }]);
    if (actor && !actor.national && prisons.some((p) => !actor.prisonIds.includes(p.id))) throw new AppError(403, 'error.out_of_scope');
    if (actor && !actor.national && u.national) throw new AppError(403, 'error.out_of_scope');
    const [existing] = await tx.select({ id: appUser.id }).from(appUser).where(eq(appUser.username, u.username));
    if (existing) throw invalid([{ field: '/username', key: 'user.username_taken' }]);
    const id = newId();
    const passwordHash = await argon2.hash(u.password, { type: argon2.argon2id });
    await tx.insert(appUser).values({ id, username: u.username, displayName: u.display_name, passwordHash, roles: u.roles as Role[], national: !!u.national, lang: u.lang ?? 'fr' });
    if (prisons.length) await tx.insert(userPrison).values(prisons.map((p) => ({ userId: id, prisonId: p.id })));
    await recordChange(tx, actor, { entity: 'app_user', entityId: id, action: 'create', after: { username: u.username, roles: u.roles, national: !!u.national, prisons: u.prisons ?? [] } });
    return { id, username: u.username, display_name: u.display_name, roles: u.roles, national: !!u.national, prisons: prisons.map((p) => p.code), lang: u.lang ?? 'fr', disabled: false };
  });
}

export async function listUsers(db: Db, actor: Actor | null): Promise<UserView[]> {
  if (actor) authorize(actor, 'user.admin');
  const rows = await db
    .select({
      u: appUser,
      prisons: sql<string[]>`coalesce(array_agg(${prison.code} ORDER BY ${prison.code}) FILTER (WHERE ${prison.code} IS NOT NULL), '{}')`,
      prisonIds: sql<string[]>`coalesce(array_agg(${prison.id}) FILTER (WHERE ${prison.id} IS NOT NULL), '{}')`,
    })
    .from(appUser)
    .leftJoin(userPrison, eq(userPrison.userId, appUser.id))
    .leftJoin(prison, eq(prison.id, userPrison.prisonId))
    .groupBy(appUser.id)
    .orderBy(appUser.username);
  return rows
    // A prison-scoped administrator sees the users of the prisons in their scope only.
    .filter((r) => !actor || actor.national || (!r.u.national && r.prisonIds.some((id) => actor.prisonIds.includes(id))))
    .map((r) => ({ id: r.u.id, username: r.u.username, display_name: r.u.displayName, roles: r.u.roles, national: r.u.national, prisons: r.prisons, lang: r.u.lang, disabled: r.u.disabledAt !== null }));
}

export async function disableUser(db: Db, actor: Actor | null, username: string, reason: string): Promise<void> {
  if (actor) authorize(actor, 'user.admin');
  await db.transaction(async (tx) => {
    const [u] = await tx.select().from(appUser).where(eq(appUser.username, username));
    if (!u) throw new AppError(404, 'error.not_found');
    if (u.disabledAt) return;
    const now = new Date();
    await tx.update(appUser).set({ disabledAt: now }).where(eq(appUser.id, u.id));
    await tx.update(userSession).set({ endedAt: now }).where(and(eq(userSession.userId, u.id), isNull(userSession.endedAt)));
    await tx.update(apiToken).set({ revokedAt: now }).where(and(eq(apiToken.userId, u.id), isNull(apiToken.revokedAt)));
    await recordChange(tx, actor, { entity: 'app_user', entityId: u.id, action: 'disable', reason, before: { disabled: false }, after: { disabled: true } });
  });
}
