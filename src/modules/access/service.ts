/**
 * Users, sessions and API tokens: authentication (with an idle timeout), login with a throttle
 * shared through the database and optional TOTP, account administration under the grant rule
 * (rules.ts), listing and revoking sessions and tokens.
 */
import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { and, asc, desc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import pLimit from 'p-limit';
import { type Actor, makeActor, ROLES, type Role } from '../../core/access.js';
import { AppError, type FieldError, forbidden, invalid } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { recordChange } from '../../core/history.js';
import type { Db, Tx } from '../../db/index.js';
import { findPrisons, findPrisonsByCode } from '../estate/index.js';
import {
  checkApprove,
  checkGrant,
  checkManage,
  checkTotpReset,
  type Grant,
  type Grantor,
  lockout,
  passwordProblems,
  THROTTLE,
  totpEligible,
} from './rules.js';
import './messages.js';
import { apiToken, appUser, loginAttempt, loginChallenge, userPrison, userSession } from './schema.js';
import type { NewUser } from './schemas.js';
import { newTotpSecret, totpUri, verifyTotp } from './totp.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

// ---- Password hashing --------------------------------------------------------------------------

/**
 * OWASP's argon2id parameters (19 MiB, 2 passes, 1 lane): the same for every stored hash and for the
 * stand-in hash checked when a username does not exist, so that both take the same time.
 */
export const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

let limiter = pLimit(2);
let maxQueue = 32;
/** At most `concurrency` hashes at once, and at most `queue` waiting: beyond, 503 at once. */
export function configureHashing(o: { concurrency: number; queue?: number }): void {
  limiter = pLimit(o.concurrency);
  maxQueue = o.queue ?? Math.max(8, o.concurrency * 16);
}

function hashing<T>(fn: () => Promise<T>): Promise<T> {
  if (limiter.pendingCount >= maxQueue) return Promise.reject(new AppError(503, 'error.busy'));
  return limiter(fn);
}

export const hashPassword = (password: string) => hashing(() => argon2.hash(password, HASH_OPTIONS));
const verifyHash = (hash: string, password: string) => hashing(() => argon2.verify(hash, password).catch(() => false));

let standIn: Promise<string> | null = null;
/** A hash of a random password with the same parameters: checked for unknown usernames. */
const standInHash = () => (standIn ??= argon2.hash(randomBytes(24).toString('base64url'), HASH_OPTIONS));

// ---- Authentication ----------------------------------------------------------------------------

export interface UserView {
  id: string;
  username: string;
  display_name: string;
  roles: string[];
  national: boolean;
  prisons: string[];
  lang: string;
  disabled: boolean;
  pending_approval: boolean;
  totp: boolean;
}

export const DEFAULT_TTL_HOURS = 12;
export const DEFAULT_IDLE_MINUTES = 30;
/** Last use is written at most once a minute per session or token. */
const TOUCH_MS = 60_000;

const prisonIdsAgg = sql<
  string[]
>`coalesce(array_agg(${userPrison.prisonId}) FILTER (WHERE ${userPrison.prisonId} IS NOT NULL), '{}')`;
const actorColumns = {
  id: appUser.id,
  username: appUser.username,
  displayName: appUser.displayName,
  roles: appUser.roles,
  national: appUser.national,
  lang: appUser.lang,
  prisons: prisonIdsAgg,
};
const active = and(isNull(appUser.disabledAt), eq(appUser.pendingApproval, false));

type ActorRow = {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  national: boolean;
  lang: string;
  prisons: string[];
};
const toActor = (r: ActorRow) =>
  makeActor({
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    roles: r.roles,
    national: r.national,
    prisonIds: r.prisons,
    lang: r.lang,
  });

export interface Authenticated {
  actor: Actor;
  csrf: string | null;
  via: { kind: 'session'; ref: string } | { kind: 'token'; id: string };
}

/**
 * Resolve a bearer token or a session cookie to an actor (carrying the request's address and the
 * session or token, for audit rows); null when neither is valid, expired, or idle too long.
 */
export async function authenticate(
  db: Db,
  creds: { bearer?: string; session?: string },
  opts: { idleMinutes?: number; address?: string | null } = {},
): Promise<Authenticated | null> {
  const now = new Date();
  const idleSince = new Date(now.getTime() - (opts.idleMinutes ?? DEFAULT_IDLE_MINUTES) * 60_000);
  if (creds.bearer) {
    const [r] = await db
      .select({ ...actorColumns, tokenId: apiToken.id, lastUsedAt: apiToken.lastUsedAt })
      .from(apiToken)
      .innerJoin(appUser, eq(appUser.id, apiToken.userId))
      .leftJoin(userPrison, eq(userPrison.userId, appUser.id))
      .where(
        and(
          eq(apiToken.tokenHash, sha256(creds.bearer)),
          isNull(apiToken.revokedAt),
          gt(apiToken.expiresAt, now),
          sql`coalesce(${apiToken.lastUsedAt}, ${apiToken.createdAt}) > ${idleSince}`,
          active,
        ),
      )
      .groupBy(appUser.id, apiToken.id);
    if (!r) return null;
    if (!r.lastUsedAt || now.getTime() - r.lastUsedAt.getTime() > TOUCH_MS)
      await db.update(apiToken).set({ lastUsedAt: now }).where(eq(apiToken.id, r.tokenId));
    return {
      actor: { ...toActor(r), address: opts.address ?? null, tokenId: r.tokenId },
      csrf: null,
      via: { kind: 'token', id: r.tokenId },
    };
  }
  if (creds.session) {
    const id = sha256(creds.session);
    const [r] = await db
      .select({
        ...actorColumns,
        csrf: userSession.csrfToken,
        ref: userSession.ref,
        lastSeenAt: userSession.lastSeenAt,
      })
      .from(userSession)
      .innerJoin(appUser, eq(appUser.id, userSession.userId))
      .leftJoin(userPrison, eq(userPrison.userId, appUser.id))
      .where(
        and(
          eq(userSession.id, id),
          isNull(userSession.endedAt),
          gt(userSession.expiresAt, now),
          gt(userSession.lastSeenAt, idleSince),
          active,
        ),
      )
      .groupBy(appUser.id, userSession.id);
    if (!r) return null;
    if (now.getTime() - r.lastSeenAt.getTime() > TOUCH_MS)
      await db.update(userSession).set({ lastSeenAt: now }).where(eq(userSession.id, id));
    return {
      actor: { ...toActor(r), address: opts.address ?? null, sessionId: r.ref },
      csrf: r.csrf,
      via: { kind: 'session', ref: r.ref },
    };
  }
  return null;
}

// ---- Login: throttle, password, TOTP -----------------------------------------------------------

export interface LoginContext {
  address?: string | null;
  userAgent?: string | null;
  /** The TOTP code, for accounts that use one (API tokens: in the same request). */
  totp?: string | null;
  /** Told of every lockout (the server's log). */
  log?: (message: string) => void;
}

const normalizeUsername = (u: string) => u.trim().toLowerCase().slice(0, 200);

async function failures(
  tx: Tx,
  username: string,
  address: string | null,
): Promise<{ account: number; address: number }> {
  const r = await tx.execute<{ account: number; address: number }>(sql`
    SELECT
      (SELECT count(*)::int FROM login_attempt
        WHERE username = ${username} AND outcome IN ('failure','pending')
          AND at > now() - make_interval(mins => ${THROTTLE.windowMinutes})
          AND at > coalesce((SELECT max(at) FROM login_attempt WHERE username = ${username} AND outcome IN ('success','unlock')),
            '-infinity')) AS account,
      (SELECT count(*)::int FROM login_attempt
        WHERE ${address}::text IS NOT NULL AND address = ${address} AND outcome IN ('failure','pending')
          AND at > now() - make_interval(mins => ${THROTTLE.windowMinutes})) AS address`);
  return r.rows[0];
}

/**
 * Count the failures for this username and this address; refuse (429) when over the limits, else
 * record this attempt as pending (counted as a failure until it succeeds). Serialised per username
 * so that parallel guesses are each counted.
 */
async function admitAttempt(
  db: Db,
  username: string,
  step: 'password' | 'totp',
  ctx: LoginContext,
  userId: string | null = null,
): Promise<string> {
  const address = ctx.address ?? null;
  const refused = await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`pmis-login:${username}`}))`);
    const f = await failures(tx, username, address);
    const locked = lockout(f);
    if (locked) {
      await tx.insert(loginAttempt).values({ id: newId(), username, userId, address, step, outcome: 'locked' });
      return locked;
    }
    const id = newId();
    await tx.insert(loginAttempt).values({ id, username, userId, address, step, outcome: 'pending' });
    return id;
  });
  if (refused === 'account' || refused === 'address') {
    ctx.log?.(
      `login refused: ${refused === 'account' ? `account "${username}"` : `address ${address}`} locked after too many failed attempts`,
    );
    throw new AppError(429, refused === 'account' ? 'error.login_locked' : 'error.login_locked_address', {
      minutes: THROTTLE.windowMinutes,
    });
  }
  return refused;
}

async function settleAttempt(
  db: Tx,
  id: string,
  outcome: 'failure' | 'success',
  userId: string | null,
  username: string,
  ctx: LoginContext,
): Promise<void> {
  await db.update(loginAttempt).set({ outcome, userId }).where(eq(loginAttempt.id, id));
  if (outcome === 'failure') {
    const f = await failures(db, username, ctx.address ?? null);
    if (f.account === THROTTLE.accountFailures)
      ctx.log?.(
        `account "${username}" locked: ${f.account} failed login attempts within ${THROTTLE.windowMinutes} minutes ` +
          `(last from ${ctx.address ?? 'unknown address'})`,
      );
    if (f.address === THROTTLE.addressFailures)
      ctx.log?.(
        `address ${ctx.address} locked: ${f.address} failed login attempts within ${THROTTLE.windowMinutes} minutes`,
      );
  }
}

type UserRow = typeof appUser.$inferSelect;

/**
 * Check a username and password under the throttle. Unknown usernames cost the same hash as known
 * ones. Returns the user and the attempt (still pending when a TOTP code must follow).
 */
async function checkPassword(
  db: Db,
  username: string,
  password: string,
  ctx: LoginContext,
): Promise<{ user: UserRow; attemptId: string }> {
  const name = normalizeUsername(username);
  const attemptId = await admitAttempt(db, name, 'password', ctx);
  const [u] = await db.select().from(appUser).where(eq(appUser.username, name));
  const ok = await verifyHash(u?.passwordHash ?? (await standInHash()), password);
  if (!u || !ok || u.disabledAt) {
    await settleAttempt(db, attemptId, 'failure', u?.id ?? null, name, ctx);
    throw new AppError(401, 'error.bad_credentials');
  }
  if (argon2.needsRehash(u.passwordHash, HASH_OPTIONS)) {
    await db
      .update(appUser)
      .set({ passwordHash: await hashPassword(password) })
      .where(eq(appUser.id, u.id));
  }
  if (u.pendingApproval) {
    await settleAttempt(db, attemptId, 'success', u.id, name, ctx);
    throw new AppError(403, 'error.account_pending');
  }
  if (!u.totpSecret) await settleAttempt(db, attemptId, 'success', u.id, name, ctx);
  return { user: u, attemptId };
}

/** Check a TOTP code as one more attempt under the throttle; on success the pending password step is settled too. */
async function checkTotp(db: Db, u: UserRow, passwordAttempt: string, code: string, ctx: LoginContext): Promise<void> {
  const attemptId = await admitAttempt(db, u.username, 'totp', ctx, u.id);
  const step = u.totpSecret ? verifyTotp(u.totpSecret, code, u.totpLastStep) : null;
  if (step === null) {
    await settleAttempt(db, attemptId, 'failure', u.id, u.username, ctx);
    throw new AppError(401, 'error.totp_wrong');
  }
  // Accept each step once, even when two requests race with the same code.
  const used = await db
    .update(appUser)
    .set({ totpLastStep: step })
    .where(and(eq(appUser.id, u.id), or(isNull(appUser.totpLastStep), sql`${appUser.totpLastStep} < ${step}`)))
    .returning({ id: appUser.id });
  if (!used.length) {
    await settleAttempt(db, attemptId, 'failure', u.id, u.username, ctx);
    throw new AppError(401, 'error.totp_wrong');
  }
  await settleAttempt(db, passwordAttempt, 'success', u.id, u.username, ctx);
  await settleAttempt(db, attemptId, 'success', u.id, u.username, ctx);
}

export interface NewSession {
  session: string;
  csrf: string;
  expiresAt: Date;
  ref: string;
}

async function createSession(db: Tx, userId: string, ttlHours: number, ctx: LoginContext): Promise<NewSession> {
  const session = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + Math.max(1, ttlHours) * 3600_000);
  const [row] = await db
    .insert(userSession)
    .values({
      id: sha256(session),
      userId,
      csrfToken: csrf,
      expiresAt,
      address: ctx.address ?? null,
      userAgent: ctx.userAgent?.slice(0, 300) ?? null,
    })
    .returning({ ref: userSession.ref });
  return { session, csrf, expiresAt, ref: row.ref };
}

export const CHALLENGE_MINUTES = 5;

/**
 * The login page's first step: the password. Either a session, or — for an account with TOTP —
 * a short-lived challenge (kept in a cookie) for the code page.
 */
export async function beginLogin(
  db: Db,
  username: string,
  password: string,
  ttlHours: number,
  ctx: LoginContext = {},
): Promise<{ kind: 'session'; session: NewSession } | { kind: 'totp'; challenge: string; expiresAt: Date }> {
  const { user, attemptId } = await checkPassword(db, username, password, ctx);
  if (!user.totpSecret) return { kind: 'session', session: await createSession(db, user.id, ttlHours, ctx) };
  const challenge = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + CHALLENGE_MINUTES * 60_000);
  await db
    .insert(loginChallenge)
    .values({ id: sha256(challenge), userId: user.id, attemptId, address: ctx.address ?? null, expiresAt });
  return { kind: 'totp', challenge, expiresAt };
}

/** The login page's second step: the TOTP code for a challenge. */
export async function completeLogin(
  db: Db,
  challenge: string,
  code: string,
  ttlHours: number,
  ctx: LoginContext = {},
): Promise<NewSession> {
  const [c] = await db
    .select()
    .from(loginChallenge)
    .where(
      and(
        eq(loginChallenge.id, sha256(challenge)),
        isNull(loginChallenge.endedAt),
        gt(loginChallenge.expiresAt, new Date()),
      ),
    );
  if (!c) throw new AppError(401, 'error.login_expired');
  const [u] = await db
    .select()
    .from(appUser)
    .where(and(eq(appUser.id, c.userId), active));
  if (!u) throw new AppError(401, 'error.login_expired');
  await checkTotp(db, u, c.attemptId, code, ctx);
  await db.update(loginChallenge).set({ endedAt: new Date() }).where(eq(loginChallenge.id, c.id));
  return createSession(db, u.id, ttlHours, ctx);
}

/** Username, password (and TOTP code when the account has one, in `ctx.totp`) → a session. */
export async function login(
  db: Db,
  username: string,
  password: string,
  ttlHours: number,
  ctx: LoginContext = {},
): Promise<NewSession> {
  const { user, attemptId } = await checkPassword(db, username, password, ctx);
  if (user.totpSecret) {
    if (!ctx.totp) throw new AppError(401, 'error.totp_required');
    await checkTotp(db, user, attemptId, ctx.totp, ctx);
  }
  return createSession(db, user.id, ttlHours, ctx);
}

export async function logout(db: Db, session: string): Promise<void> {
  await db
    .update(userSession)
    .set({ endedAt: new Date(), endReason: 'logout' })
    .where(and(eq(userSession.id, sha256(session)), isNull(userSession.endedAt)));
}

/** Exchange a username and password (and TOTP code if the account has one) for a bearer token. */
export async function issueToken(
  db: Db,
  username: string,
  password: string,
  opts: { name?: string; ttlHours?: number } & LoginContext = {},
): Promise<{ token: string; expiresAt: Date; id: string }> {
  const { user, attemptId } = await checkPassword(db, username, password, opts);
  if (user.totpSecret) {
    if (!opts.totp) throw new AppError(401, 'error.totp_required');
    await checkTotp(db, user, attemptId, opts.totp, opts);
  }
  return createToken(db, user.id, opts);
}

/** A new bearer token. It always expires (default 12 hours), and ends sooner when unused for the idle timeout. */
export async function createToken(
  db: Tx,
  userId: string,
  opts: { name?: string; ttlHours?: number; address?: string | null } = {},
): Promise<{ token: string; expiresAt: Date; id: string }> {
  const token = `pmis_${randomBytes(32).toString('base64url')}`;
  const ttl = opts.ttlHours && opts.ttlHours > 0 ? opts.ttlHours : DEFAULT_TTL_HOURS;
  const expiresAt = new Date(Date.now() + ttl * 3600_000);
  const id = newId();
  await db.insert(apiToken).values({
    id,
    userId,
    name: (opts.name ?? 'api').slice(0, 100),
    tokenHash: sha256(token),
    expiresAt,
    address: opts.address ?? null,
  });
  return { token, expiresAt, id };
}

// ---- Accounts ----------------------------------------------------------------------------------

export type { NewUser } from './schemas.js';

function validateNewUser(u: NewUser): void {
  const errs: FieldError[] = [];
  if (!/^[a-z0-9._-]{3,64}$/.test(u.username)) errs.push({ field: '/username', key: 'user.username_format' });
  errs.push(...passwordProblems(u.password, u.username));
  const badRole = u.roles.find((r) => !(ROLES as readonly string[]).includes(r));
  if (badRole || u.roles.length === 0)
    errs.push({ field: '/roles', key: 'user.role_unknown', params: { role: badRole ?? '' } });
  // Partner accounts (prosecutors) are scoped by jurisdiction in the justice module, force officers by
  // their units in the chain module: not by prison.
  const partnerOnly = u.roles.length > 0 && u.roles.every((r) => r === 'prosecutor' || r === 'force_officer');
  if (!partnerOnly && !u.national && !(u.prisons && u.prisons.length))
    errs.push({ field: '/prisons', key: 'user.scope_required' });
  if (errs.length) throw invalid(errs);
}

const grantorOf = (actor: Actor | null): Grantor => actor ?? 'operator';
/** Account administration needs user.admin before anything is looked up (deny by default). */
const requireAdmin = (actor: Actor | null) => {
  if (actor && !actor.permissions.has('user.admin')) throw forbidden();
};

/**
 * Create a user. `actor` null means the operator's CLI on the server (the bootstrap path). The
 * grant rule (rules.ts `checkGrant`) decides; an account with restricted rights its creator does
 * not hold is created waiting for a second national administrator (`approveUser`).
 */
export async function addUser(
  db: Db,
  actor: Actor | null,
  u: NewUser,
  opts: { via?: 'api' | 'page' | 'cli' } = {},
): Promise<UserView> {
  if (actor && !actor.permissions.has('user.admin')) throw forbidden();
  validateNewUser(u);
  const via = opts.via ?? (actor ? 'api' : 'cli');
  const prisons = await findPrisonsByCode(db, u.prisons ?? []);
  const missing = (u.prisons ?? []).filter((c) => !prisons.some((p) => p.code === c));
  if (missing.length)
    throw invalid([{ field: '/prisons', key: 'user.prison_unknown', params: { code: missing.join(', ') } }]);
  const decision = checkGrant(grantorOf(actor), {
    roles: u.roles,
    national: !!u.national,
    prisonIds: prisons.map((p) => p.id),
  });
  const passwordHash = await hashPassword(u.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: appUser.id }).from(appUser).where(eq(appUser.username, u.username));
    if (existing) throw invalid([{ field: '/username', key: 'user.username_taken' }]);
    const id = newId();
    const pending = decision.needsApproval.length > 0;
    await tx.insert(appUser).values({
      id,
      username: u.username,
      displayName: u.display_name,
      passwordHash,
      roles: u.roles,
      national: !!u.national,
      lang: u.lang ?? 'fr',
      createdBy: actor?.userId ?? null,
      pendingApproval: pending,
      passwordChangedAt: new Date(),
    });
    if (prisons.length) await tx.insert(userPrison).values(prisons.map((p) => ({ userId: id, prisonId: p.id })));
    await recordChange(tx, actor, {
      entity: 'app_user',
      entityId: id,
      action: 'create',
      after: {
        username: u.username,
        roles: u.roles,
        national: !!u.national,
        prisons: u.prisons ?? [],
        restricted: decision.restricted,
        pending_approval: pending,
        approval_needed_for: decision.needsApproval,
        via,
      },
    });
    return {
      id,
      username: u.username,
      display_name: u.display_name,
      roles: u.roles,
      national: !!u.national,
      prisons: prisons.map((p) => p.code),
      lang: u.lang ?? 'fr',
      disabled: false,
      pending_approval: pending,
      totp: false,
    };
  });
}

interface Target extends Grant {
  id: string;
  username: string;
  createdBy: string | null;
  pendingApproval: boolean;
  disabledAt: Date | null;
  totpEnabledAt: Date | null;
}

async function loadTarget(db: Tx, username: string): Promise<Target> {
  const [r] = await db
    .select({
      id: appUser.id,
      username: appUser.username,
      roles: appUser.roles,
      national: appUser.national,
      createdBy: appUser.createdBy,
      pendingApproval: appUser.pendingApproval,
      disabledAt: appUser.disabledAt,
      totpEnabledAt: appUser.totpEnabledAt,
      prisonIds: prisonIdsAgg,
    })
    .from(appUser)
    .leftJoin(userPrison, eq(userPrison.userId, appUser.id))
    .where(eq(appUser.username, normalizeUsername(username)))
    .groupBy(appUser.id);
  if (!r) throw new AppError(404, 'error.not_found');
  return { ...r, roles: r.roles.filter((x): x is Role => (ROLES as readonly string[]).includes(x)) };
}

/** The accounts an administrator may see: those they could manage (all of them for the CLI). */
export async function listUsers(db: Db, actor: Actor | null): Promise<UserView[]> {
  if (actor && !actor.permissions.has('user.admin')) throw forbidden();
  const rows = await db
    .select({
      u: {
        id: appUser.id,
        username: appUser.username,
        displayName: appUser.displayName,
        roles: appUser.roles,
        national: appUser.national,
        lang: appUser.lang,
        disabledAt: appUser.disabledAt,
        pendingApproval: appUser.pendingApproval,
        totpEnabledAt: appUser.totpEnabledAt,
      },
      prisonIds: sql<
        string[]
      >`coalesce(array_agg(${userPrison.prisonId}) FILTER (WHERE ${userPrison.prisonId} IS NOT NULL), '{}')`,
    })
    .from(appUser)
    .leftJoin(userPrison, eq(userPrison.userId, appUser.id))
    .groupBy(appUser.id)
    .orderBy(appUser.username);
  // The prisons' codes from the estate module (a handful of prisons, read once).
  const codeOf = new Map((await findPrisons(db)).map((p) => [p.id, p.code]));
  const manageable = (r: (typeof rows)[number]) => {
    if (!actor) return true;
    try {
      checkManage(actor, { roles: r.u.roles as Role[], national: r.u.national, prisonIds: r.prisonIds });
      return true;
    } catch {
      return false;
    }
  };
  return rows.filter(manageable).map((r) => ({
    id: r.u.id,
    username: r.u.username,
    display_name: r.u.displayName,
    roles: r.u.roles,
    national: r.u.national,
    prisons: r.prisonIds.map((id) => codeOf.get(id) ?? id).sort(),
    lang: r.u.lang,
    disabled: r.u.disabledAt !== null,
    pending_approval: r.u.pendingApproval,
    totp: r.u.totpEnabledAt !== null,
  }));
}

async function endAll(
  tx: Tx,
  userId: string,
  reason: string,
  by: string | null,
  keepSession?: string | null,
): Promise<void> {
  const now = new Date();
  await tx
    .update(userSession)
    .set({ endedAt: now, endReason: reason, endedBy: by })
    .where(
      and(
        eq(userSession.userId, userId),
        isNull(userSession.endedAt),
        keepSession ? sql`${userSession.ref} <> ${keepSession}` : undefined,
      ),
    );
  await tx
    .update(apiToken)
    .set({ revokedAt: now, revokeReason: reason, revokedBy: by })
    .where(and(eq(apiToken.userId, userId), isNull(apiToken.revokedAt)));
}

/** Disable a user: their sessions and tokens end at once. Only an account the actor could have created. */
export async function disableUser(db: Db, actor: Actor | null, username: string, reason: string): Promise<void> {
  requireAdmin(actor);
  await db.transaction(async (tx) => {
    const u = await loadTarget(tx, username);
    checkManage(grantorOf(actor), u);
    if (u.disabledAt) return;
    await tx.update(appUser).set({ disabledAt: new Date() }).where(eq(appUser.id, u.id));
    await endAll(tx, u.id, 'disabled', actor?.userId ?? null);
    await recordChange(tx, actor, {
      entity: 'app_user',
      entityId: u.id,
      action: 'disable',
      reason,
      before: { disabled: false },
      after: { disabled: true },
    });
  });
}

/** A second national administrator (or the operator's CLI) approves an account that waits. */
export async function approveUser(
  db: Db,
  actor: Actor | null,
  username: string,
  reason: string | null = null,
): Promise<void> {
  requireAdmin(actor);
  await db.transaction(async (tx) => {
    const u = await loadTarget(tx, username);
    if (!u.pendingApproval) throw new AppError(409, 'user.not_pending');
    checkApprove(grantorOf(actor), u);
    await tx.update(appUser).set({ pendingApproval: false }).where(eq(appUser.id, u.id));
    await recordChange(tx, actor, {
      entity: 'app_user',
      entityId: u.id,
      action: 'approve',
      reason,
      before: { pending_approval: true },
      after: { pending_approval: false, roles: u.roles, national: u.national },
    });
  });
}

/** Clear an account's failed login attempts (after a lockout). */
export async function unlockUser(
  db: Db,
  actor: Actor | null,
  username: string,
  reason: string | null = null,
): Promise<void> {
  requireAdmin(actor);
  await db.transaction(async (tx) => {
    const u = await loadTarget(tx, username);
    checkManage(grantorOf(actor), u);
    await tx.insert(loginAttempt).values({
      id: newId(),
      username: u.username,
      userId: u.id,
      address: actor?.address ?? null,
      step: 'admin',
      outcome: 'unlock',
    });
    await recordChange(tx, actor, { entity: 'app_user', entityId: u.id, action: 'unlock', reason });
  });
}

/** The active accounts among `usernames` whose password is still `password` (the demo's published one, named at start). */
export async function activeAccountsWithPassword(
  db: Db,
  usernames: readonly string[],
  password: string,
): Promise<string[]> {
  if (!usernames.length) return [];
  const rows = await db
    .select({ username: appUser.username, hash: appUser.passwordHash })
    .from(appUser)
    .where(and(inArray(appUser.username, [...usernames]), isNull(appUser.disabledAt)));
  const out: string[] = [];
  for (const r of rows) if (await argon2.verify(r.hash, password).catch(() => false)) out.push(r.username);
  return out.sort();
}

/** Is the account locked out now (for the users page)? */
export async function isLocked(db: Db, username: string): Promise<boolean> {
  return (await failures(db, normalizeUsername(username), null)).account >= THROTTLE.accountFailures;
}

/** Change one's own password: the current one (throttled like a login), the policy, other sessions and tokens end. */
export async function changePassword(
  db: Db,
  actor: Actor,
  current: string,
  next: string,
  ctx: LoginContext = {},
): Promise<void> {
  const problems = passwordProblems(next, actor.username, '/new_password');
  if (next === current) problems.push({ field: '/new_password', key: 'user.password_same' });
  if (problems.length) throw invalid(problems);
  try {
    await checkPassword(db, actor.username, current, { ...ctx, address: ctx.address ?? actor.address });
  } catch (e) {
    if (e instanceof AppError && e.status === 401)
      throw invalid([{ field: '/current_password', key: 'user.password_wrong' }]);
    throw e;
  }
  const hash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await tx
      .update(appUser)
      .set({ passwordHash: hash, passwordChangedAt: new Date() })
      .where(eq(appUser.id, actor.userId));
    await endAll(tx, actor.userId, 'password_changed', actor.userId, actor.sessionId ?? null);
    await recordChange(tx, actor, { entity: 'app_user', entityId: actor.userId, action: 'password_change' });
  });
}

/** The operator sets a new password (CLI: recovery); the policy applies; every session and token ends. */
export async function resetPassword(db: Db, username: string, password: string): Promise<void> {
  const u = await loadTarget(db, username);
  const problems = passwordProblems(password, u.username);
  if (problems.length) throw invalid(problems);
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.update(appUser).set({ passwordHash: hash, passwordChangedAt: new Date() }).where(eq(appUser.id, u.id));
    await endAll(tx, u.id, 'password_reset', null);
    await recordChange(tx, null, {
      entity: 'app_user',
      entityId: u.id,
      action: 'password_reset',
      after: { via: 'cli' },
    });
  });
}

// ---- Sessions and tokens -----------------------------------------------------------------------

export interface SessionView {
  id: string;
  kind: 'session' | 'token';
  name: string | null;
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date;
  address: string | null;
  user_agent: string | null;
  current: boolean;
}

async function sessionsOf(db: Tx, userId: string, current: Actor | null): Promise<SessionView[]> {
  const now = new Date();
  const [sessions, tokens] = await Promise.all([
    db
      .select()
      .from(userSession)
      .where(and(eq(userSession.userId, userId), isNull(userSession.endedAt), gt(userSession.expiresAt, now)))
      .orderBy(desc(userSession.lastSeenAt)),
    db
      .select()
      .from(apiToken)
      .where(and(eq(apiToken.userId, userId), isNull(apiToken.revokedAt), gt(apiToken.expiresAt, now)))
      .orderBy(desc(apiToken.createdAt)),
  ]);
  return [
    ...sessions.map((s) => ({
      id: s.ref,
      kind: 'session' as const,
      name: null,
      created_at: s.createdAt,
      last_used_at: s.lastSeenAt,
      expires_at: s.expiresAt,
      address: s.address,
      user_agent: s.userAgent,
      current: current?.sessionId === s.ref,
    })),
    ...tokens.map((t) => ({
      id: t.id,
      kind: 'token' as const,
      name: t.name,
      created_at: t.createdAt,
      last_used_at: t.lastUsedAt,
      expires_at: t.expiresAt,
      address: t.address,
      user_agent: null,
      current: current?.tokenId === t.id,
    })),
  ];
}

/** One's own open sessions and tokens. */
export function listMySessions(db: Db, actor: Actor): Promise<SessionView[]> {
  return sessionsOf(db, actor.userId, actor);
}

/** Another user's open sessions and tokens (an administrator, for an account they manage). */
export async function listUserSessions(db: Db, actor: Actor | null, username: string): Promise<SessionView[]> {
  requireAdmin(actor);
  const u = await loadTarget(db, username);
  checkManage(grantorOf(actor), u);
  return sessionsOf(db, u.id, null);
}

/**
 * End one session or revoke one token (by the id shown in the list): one's own, or — with
 * `username` — another user's that the actor manages. Recorded in the history.
 */
export async function revokeSession(
  db: Db,
  actor: Actor | null,
  id: string,
  opts: { username?: string; reason?: string | null } = {},
): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError(404, 'error.not_found');
  await db.transaction(async (tx) => {
    let userId: string;
    if (opts.username !== undefined || !actor) {
      requireAdmin(actor);
      const u = await loadTarget(tx, opts.username ?? '');
      checkManage(grantorOf(actor), u);
      userId = u.id;
    } else userId = actor.userId;
    const now = new Date();
    const by = actor?.userId ?? null;
    const s = await tx
      .update(userSession)
      .set({ endedAt: now, endReason: 'revoked', endedBy: by })
      .where(and(eq(userSession.ref, id), eq(userSession.userId, userId), isNull(userSession.endedAt)))
      .returning({ ref: userSession.ref });
    const t = s.length
      ? []
      : await tx
          .update(apiToken)
          .set({ revokedAt: now, revokeReason: 'revoked', revokedBy: by })
          .where(and(eq(apiToken.id, id), eq(apiToken.userId, userId), isNull(apiToken.revokedAt)))
          .returning({ id: apiToken.id });
    if (!s.length && !t.length) throw new AppError(404, 'error.not_found');
    await recordChange(tx, actor, {
      entity: 'app_user',
      entityId: userId,
      action: s.length ? 'session_revoke' : 'token_revoke',
      reason: opts.reason ?? null,
      after: { [s.length ? 'session' : 'token']: id },
    });
  });
}

// ---- TOTP --------------------------------------------------------------------------------------

export interface TotpStatus {
  eligible: boolean;
  enabled: boolean;
  pending: { secret: string; uri: string } | null;
}

export async function totpStatus(db: Db, actor: Actor): Promise<TotpStatus> {
  const [u] = await db
    .select({ secret: appUser.totpSecret, pending: appUser.totpPendingSecret })
    .from(appUser)
    .where(eq(appUser.id, actor.userId));
  return {
    eligible: totpEligible(actor),
    enabled: !!u?.secret,
    pending: u?.pending ? { secret: u.pending, uri: totpUri(u.pending, actor.username) } : null,
  };
}

/** Start (or restart) enrolment: a new secret, shown once, active only after a right code. */
export async function startTotp(db: Db, actor: Actor): Promise<{ secret: string; uri: string }> {
  if (!totpEligible(actor)) throw new AppError(403, 'totp.not_eligible');
  const [u] = await db.select({ secret: appUser.totpSecret }).from(appUser).where(eq(appUser.id, actor.userId));
  if (u?.secret) throw new AppError(409, 'totp.already_enabled');
  const secret = newTotpSecret();
  await db.update(appUser).set({ totpPendingSecret: secret }).where(eq(appUser.id, actor.userId));
  return { secret, uri: totpUri(secret, actor.username) };
}

/** Finish enrolment with a code from the app: from now on every login asks for a code. */
export async function confirmTotp(db: Db, actor: Actor, code: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [u] = await tx
      .select({ pending: appUser.totpPendingSecret, secret: appUser.totpSecret })
      .from(appUser)
      .where(eq(appUser.id, actor.userId))
      .for('update');
    if (u?.secret) throw new AppError(409, 'totp.already_enabled');
    if (!u?.pending) throw new AppError(409, 'totp.not_started');
    const step = verifyTotp(u.pending, code, null);
    if (step === null) throw invalid([{ field: '/code', key: 'totp.code_wrong' }]);
    await tx
      .update(appUser)
      .set({ totpSecret: u.pending, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step })
      .where(eq(appUser.id, actor.userId));
    await recordChange(tx, actor, {
      entity: 'app_user',
      entityId: actor.userId,
      action: 'totp_enable',
      after: { totp: true },
    });
  });
}

/** Turn one's own TOTP off, with a current code. */
export async function disableTotp(db: Db, actor: Actor, code: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [u] = await tx
      .select({ secret: appUser.totpSecret, last: appUser.totpLastStep })
      .from(appUser)
      .where(eq(appUser.id, actor.userId))
      .for('update');
    if (!u?.secret) throw new AppError(409, 'totp.not_enabled');
    if (verifyTotp(u.secret, code, u.last) === null) throw invalid([{ field: '/code', key: 'totp.code_wrong' }]);
    await tx
      .update(appUser)
      .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null })
      .where(eq(appUser.id, actor.userId));
    await recordChange(tx, actor, {
      entity: 'app_user',
      entityId: actor.userId,
      action: 'totp_disable',
      before: { totp: true },
      after: { totp: false },
    });
  });
}

/**
 * Recovery: a national administrator (or the operator's CLI) removes someone's TOTP after a lost
 * phone; their sessions and tokens end; they log in with their password and may enrol again.
 */
export async function resetTotp(db: Db, actor: Actor | null, username: string, reason: string): Promise<void> {
  requireAdmin(actor);
  await db.transaction(async (tx) => {
    const u = await loadTarget(tx, username);
    checkTotpReset(grantorOf(actor), u);
    if (!u.totpEnabledAt) throw new AppError(409, 'totp.not_enabled');
    await tx
      .update(appUser)
      .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null })
      .where(eq(appUser.id, u.id));
    await endAll(tx, u.id, 'totp_reset', actor?.userId ?? null);
    await recordChange(tx, actor, {
      entity: 'app_user',
      entityId: u.id,
      action: 'totp_reset',
      reason,
      before: { totp: true },
      after: { totp: false },
    });
  });
}

/** The user a command-line command acts as: the one named (--as), or the first national administrator. */
export async function commandLineActor(db: Db, username?: string): Promise<Actor> {
  const [u] = username
    ? await db.select().from(appUser).where(eq(appUser.username, username))
    : await db
        .select()
        .from(appUser)
        .where(and(sql`'national_admin' = ANY(${appUser.roles})`, isNull(appUser.disabledAt)))
        .orderBy(asc(appUser.createdAt))
        .limit(1);
  if (!u || u.disabledAt) throw new Error(`Unknown or disabled user: ${username ?? '(no national administrator)'}`);
  const prisons = (await db.select().from(userPrison).where(eq(userPrison.userId, u.id))).map((p) => p.prisonId);
  return makeActor({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    national: u.national,
    prisonIds: prisons,
    lang: u.lang,
  });
}
