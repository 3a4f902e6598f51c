/**
 * The rules of account administration, as plain functions (tested without a database):
 * who may grant which roles and scope (`checkGrant`), who may manage an existing account
 * (`checkManage`), the password policy, the login throttle and who may use TOTP.
 * Every way in — API, pages, CLI — calls these; see docs/access.md, "Granting access".
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import { type Actor, type Permission, permissionsOf, type Role } from '../../core/access.js';
import { AppError, type FieldError, forbidden } from '../../core/errors.js';

/**
 * Rights that open restricted data: health, intelligence, ethnicity and religion, the reception
 * interview, assessments. Granting one needs a national administrator; granting one that the
 * administrator does not hold also needs a second national administrator's approval.
 */
export const RESTRICTED: readonly Permission[] = [
  'health.read',
  'health.write',
  'health.injury_report.read',
  'intelligence.read',
  'intelligence.write',
  'person.sensitive',
  'intake.interview',
  'assessment.read',
  'assessment.write',
  'complaints.national',
  'complaints.confidential',
];

/** Powers over the system or over everyone's data: only someone who holds one may grant it. */
export const POWERS: readonly Permission[] = [
  'user.admin',
  'estate.admin',
  'reference.admin',
  'justice.rules',
  'assessment.instrument',
  'identity.merge',
  'audit.read',
];

/** Everything else is an ordinary duty of a prison's registry (read it, admit, move, decide). */
export const isOrdinary = (p: Permission) => !RESTRICTED.includes(p) && !POWERS.includes(p);

/** Who grants: a signed-in administrator, or the operator's command line on the server (bootstrap). */
export type Grantor = Actor | 'operator';

export interface Grant {
  roles: readonly Role[];
  national: boolean;
  prisonIds: readonly string[];
}

export interface GrantDecision {
  /** Restricted rights the new account gets (recorded in the history). */
  restricted: Permission[];
  /** Restricted rights the grantor does not hold: the account waits for a second national administrator. */
  needsApproval: Permission[];
}

export const isNationalAdmin = (a: Actor) => a.national && a.roles.includes('national_admin');

/**
 * May `grantor` create an account with these roles and this scope? Throws 403 with the reason, or
 * says which restricted rights it carries and which need a second national administrator.
 *  1. Only holders of `user.admin` administer accounts.
 *  2. Scope: national scope only from a national administrator; prisons only within one's own scope.
 *  3. Powers (user.admin, estate.admin, reference.admin, justice.rules, assessment.instrument,
 *     identity.merge, audit.read): only someone who holds each.
 *  4. Ordinary duties: from an administrator who reads prisoner data (person.read); otherwise only
 *     those one holds — so `system_admin` creates no account with prisoner data.
 *  5. Restricted rights: only from a national administrator; those they do not hold themselves
 *     (medical, intelligence writing, interview, assessments…) need a second national administrator.
 * The operator's CLI is not limited (it runs on the server with the database's own credentials).
 */
export function checkGrant(grantor: Grantor, grant: Grant): GrantDecision {
  const perms = permissionsOf(grant.roles);
  const restricted = RESTRICTED.filter((p) => perms.has(p));
  if (grantor === 'operator') return { restricted, needsApproval: [] };
  const a = grantor;
  if (!a.permissions.has('user.admin')) throw forbidden();
  if (grant.national && !isNationalAdmin(a)) throw new AppError(403, 'grant.national_scope');
  if (!a.national && grant.prisonIds.some((id) => !a.prisonIds.includes(id)))
    throw new AppError(403, 'error.out_of_scope');
  const powers = POWERS.filter((p) => perms.has(p) && !a.permissions.has(p));
  if (powers.length) throw new AppError(403, 'grant.not_held', { rights: powers.join(', ') });
  const ordinary = [...perms].filter((p) => isOrdinary(p) && !a.permissions.has(p));
  if (ordinary.length && !a.permissions.has('person.read'))
    throw new AppError(403, 'grant.prisoner_data', { rights: ordinary.join(', ') });
  if (restricted.length && !isNationalAdmin(a))
    throw new AppError(403, 'grant.restricted', { rights: restricted.join(', ') });
  return { restricted, needsApproval: restricted.filter((p) => !a.permissions.has(p)) };
}

/**
 * May `actor` manage an existing account (disable it, list or end its sessions, unlock it)? Only
 * an account they could have created themselves (approval aside): a system administrator cannot
 * touch a national administrator nor any account with prisoner data.
 */
export function checkManage(actor: Grantor, target: Grant): void {
  if (actor === 'operator') return;
  checkGrant(actor, target);
}

/** Approving an account that waits: another national administrator than the one who asked. */
export function checkApprove(actor: Grantor, target: Grant & { createdBy: string | null }): void {
  if (actor === 'operator') return;
  if (!isNationalAdmin(actor)) throw new AppError(403, 'grant.approval_national_admin');
  if (target.createdBy === actor.userId) throw new AppError(403, 'grant.approval_same_person');
  checkManage(actor, target);
}

/** Resetting someone's TOTP (recovery): a national administrator only. */
export function checkTotpReset(actor: Grantor, target: Grant): void {
  if (actor === 'operator') return;
  if (!isNationalAdmin(actor)) throw new AppError(403, 'totp.reset_national_admin');
  checkManage(actor, target);
}

// ---- Passwords ---------------------------------------------------------------------------------

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

let common: Set<string> | null = null;
/** The 49,000 most common passwords of @zxcvbn-ts/language-common (MIT), lower case. */
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

/** The password policy, on creation and change: length, not a common password, not the username. */
export function passwordProblems(password: string, username: string, field = '/password'): FieldError[] {
  const errs: FieldError[] = [];
  const len = Array.from(password).length;
  if (len < PASSWORD_MIN_LENGTH) errs.push({ field, key: 'user.password_short', params: { min: PASSWORD_MIN_LENGTH } });
  if (len > PASSWORD_MAX_LENGTH) errs.push({ field, key: 'user.password_long', params: { max: PASSWORD_MAX_LENGTH } });
  const lower = password.toLowerCase();
  const squeezed = lower.replace(/[^\p{L}\p{N}]/gu, '');
  const list = commonPasswords();
  // The common password itself, spaced or decorated: "Password 2026!", "P@ssw0rd", "qwerty123".
  const bare = lower.replace(/[\d\W_]+$/u, '');
  const deleet = (x: string) =>
    x
      .replace(/[@4]/g, 'a')
      .replace(/0/g, 'o')
      .replace(/[1!|]/g, 'i')
      .replace(/3/g, 'e')
      .replace(/[$5]/g, 's')
      .replace(/7/g, 't');
  const variants = [
    lower,
    squeezed,
    bare,
    bare.replace(/[^\p{L}\p{N}]/gu, ''),
    deleet(lower),
    deleet(bare),
    deleet(bare).replace(/i/g, 'l'),
  ];
  if (variants.some((v) => v.length >= 4 && list.has(v)) || /^(.)\1+$/u.test(password))
    errs.push({ field, key: 'user.password_common' });
  const u = username.trim().toLowerCase();
  if (u.length >= 3 && (lower.includes(u) || squeezed.includes(u.replace(/[^\p{L}\p{N}]/gu, ''))))
    errs.push({ field, key: 'user.password_username' });
  return errs;
}

// ---- Login throttle ----------------------------------------------------------------------------

export const THROTTLE = {
  /** Failures are counted over this window. */
  windowMinutes: 15,
  /** After this many failures for one username (since its last success or unlock), the next attempt is refused. */
  accountFailures: 10,
  /** After this many failures from one address, the next attempt from it is refused. */
  addressFailures: 50,
} as const;

/** Is the next attempt refused? `null` when it may go ahead. */
export function lockout(f: { account: number; address: number }): 'account' | 'address' | null {
  if (f.account >= THROTTLE.accountFailures) return 'account';
  if (f.address >= THROTTLE.addressFailures) return 'address';
  return null;
}

// ---- TOTP --------------------------------------------------------------------------------------

/** Optional TOTP (RFC 6238) is offered to national and director accounts. */
export function totpEligible(u: { roles: readonly string[]; national: boolean }): boolean {
  return u.national || u.roles.includes('national_admin') || u.roles.includes('prison_director');
}
