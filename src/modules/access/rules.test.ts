/** The rules of account administration, login throttle, passwords and TOTP, without a database. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeActor, type Role } from '../../core/access.js';
import { AppError } from '../../core/errors.js';
import {
  checkApprove,
  checkGrant,
  checkManage,
  checkTotpReset,
  lockout,
  passwordProblems,
  THROTTLE,
  totpEligible,
} from './rules.js';
import { newTotpSecret, totpCode, totpUri, verifyTotp } from './totp.js';

const BKO = '01900000-0000-7000-8000-00000000b0b0';
const KLK = '01900000-0000-7000-8000-00000000c1c1';
const actor = (roles: Role[], scope: 'national' | string[], id = 'a1') =>
  makeActor({
    id,
    username: id,
    displayName: id,
    roles,
    national: scope === 'national',
    prisonIds: scope === 'national' ? [] : scope,
  });
const refused = (fn: () => unknown, key: string) => {
  assert.throws(fn, (e: unknown) => e instanceof AppError && e.status === 403 && e.key === key, key);
};

const nationalAdmin = actor(['national_admin'], 'national');
const systemAdmin = actor(['system_admin'], 'national');
const grant = (roles: Role[], scope: 'national' | string[]) => ({
  roles,
  national: scope === 'national',
  prisonIds: scope === 'national' ? [] : scope,
});

test('system_admin manages technical accounts only: no national rights, no prisoner data, no national administrator', () => {
  refused(() => checkGrant(systemAdmin, grant(['national_admin'], 'national')), 'grant.national_scope');
  refused(() => checkGrant(systemAdmin, grant(['national_admin'], [BKO])), 'grant.not_held');
  refused(() => checkGrant(systemAdmin, grant(['registry_clerk'], [BKO])), 'grant.prisoner_data');
  refused(() => checkGrant(systemAdmin, grant(['medical_staff'], [BKO])), 'grant.prisoner_data');
  refused(() => checkGrant(systemAdmin, grant(['auditor'], [BKO])), 'grant.prisoner_data');
  assert.deepEqual(checkGrant(systemAdmin, grant(['system_admin'], [BKO])), { restricted: [], needsApproval: [] });
  // Nor can it disable (manage) a national administrator or a clerk.
  assert.throws(() => {
    checkManage(systemAdmin, grant(['national_admin'], 'national'));
  }, AppError);
  assert.throws(() => {
    checkManage(systemAdmin, grant(['registry_clerk'], [BKO]));
  }, AppError);
});

test('a national administrator grants ordinary roles at once; restricted rights they do not hold wait for a second one', () => {
  assert.deepEqual(checkGrant(nationalAdmin, grant(['registry_clerk'], [BKO])).needsApproval, []);
  assert.deepEqual(checkGrant(nationalAdmin, grant(['national_admin'], 'national')).needsApproval, []);
  assert.deepEqual(checkGrant(nationalAdmin, grant(['auditor'], 'national')).needsApproval, []);
  assert.deepEqual(checkGrant(nationalAdmin, grant(['medical_staff'], [BKO])).needsApproval, [
    'health.read',
    'health.write',
  ]);
  assert.deepEqual(checkGrant(nationalAdmin, grant(['security_officer'], [BKO])).needsApproval, ['intelligence.write']);
  assert.deepEqual(checkGrant(nationalAdmin, grant(['social_worker'], [BKO])).needsApproval, [
    'intake.interview',
    'assessment.write',
  ]);
  const director = checkGrant(nationalAdmin, grant(['prison_director'], [BKO]));
  assert.deepEqual(director.needsApproval, ['health.injury_report.read', 'intake.interview', 'assessment.write']);
  assert.ok(director.restricted.includes('person.sensitive'));
  // Disabling such an account is protective: no approval needed, no refusal.
  assert.doesNotThrow(() => {
    checkManage(nationalAdmin, grant(['medical_staff'], [BKO]));
  });
});

test('an administrator scoped to a prison (a director given user.admin) stays within their prison and rights', () => {
  const directorAdmin = actor(['prison_director', 'system_admin'], [BKO]);
  assert.deepEqual(checkGrant(directorAdmin, grant(['registry_clerk'], [BKO])).needsApproval, []);
  refused(() => checkGrant(directorAdmin, grant(['registry_clerk'], [KLK])), 'error.out_of_scope');
  refused(() => checkGrant(directorAdmin, grant(['registry_clerk'], 'national')), 'grant.national_scope');
  refused(() => checkGrant(directorAdmin, grant(['medical_staff'], [BKO])), 'grant.restricted');
  refused(() => checkGrant(directorAdmin, grant(['security_officer'], [BKO])), 'grant.restricted');
  refused(() => checkGrant(directorAdmin, grant(['national_admin'], [BKO])), 'grant.not_held');
  refused(() => checkGrant(actor(['registry_clerk'], [BKO]), grant(['registry_clerk'], [BKO])), 'error.forbidden');
  // The operator's command line on the server is the bootstrap path.
  assert.deepEqual(checkGrant('operator', grant(['medical_staff'], [BKO])).needsApproval, []);
});

test('approval by another national administrator; TOTP reset by a national administrator', () => {
  const other = actor(['national_admin'], 'national', 'a2');
  const pending = { ...grant(['medical_staff'], [BKO]), createdBy: nationalAdmin.userId };
  refused(() => {
    checkApprove(nationalAdmin, pending);
  }, 'grant.approval_same_person');
  assert.doesNotThrow(() => {
    checkApprove(other, pending);
  });
  refused(() => {
    checkApprove(systemAdmin, pending);
  }, 'grant.approval_national_admin');
  assert.doesNotThrow(() => {
    checkTotpReset(nationalAdmin, grant(['prison_director'], [BKO]));
  });
  refused(() => {
    checkTotpReset(systemAdmin, grant(['system_admin'], [BKO]));
  }, 'totp.reset_national_admin');
});

test('password policy: length, common passwords, not the username', () => {
  const keys = (p: string, u = 'awa.traore') => passwordProblems(p, u).map((e) => e.key);
  assert.deepEqual(keys('Zq8#vB-t'), ['user.password_short']);
  assert.deepEqual(keys('password1234'), ['user.password_common']);
  assert.deepEqual(keys('P@ssword2026'), ['user.password_common']);
  assert.deepEqual(keys('qwertyuiop123'), ['user.password_common']);
  assert.deepEqual(keys('aaaaaaaaaaaaaa'), ['user.password_common']);
  assert.deepEqual(keys('AWA.TRAORE-2026!'), ['user.password_username']);
  assert.deepEqual(keys('awatraore et son jardin'), ['user.password_username']);
  assert.deepEqual(keys('x'.repeat(201) + 'y'), ['user.password_long']);
  assert.deepEqual(keys('le fleuve Niger à Ségou'), []);
  assert.deepEqual(keys('correct horse battery'), []);
});

test('throttle: the 11th attempt for an account within the window is refused; 50 failures from one address lock it', () => {
  assert.equal(THROTTLE.accountFailures, 10);
  assert.equal(lockout({ account: 9, address: 9 }), null);
  assert.equal(lockout({ account: 10, address: 10 }), 'account');
  assert.equal(lockout({ account: 0, address: 49 }), null);
  assert.equal(lockout({ account: 0, address: 50 }), 'address');
});

test('TOTP (RFC 6238) is offered to national and director accounts; a code is accepted once, with one step of drift', () => {
  assert.ok(totpEligible({ roles: ['prison_director'], national: false }));
  assert.ok(totpEligible({ roles: ['auditor'], national: true }));
  assert.ok(!totpEligible({ roles: ['registry_clerk'], national: false }));
  // RFC 6238 appendix B, SHA-1, 8 digits truncated to the last 6: T = 59 s → 94287082.
  const rfc = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
  assert.equal(totpCode(rfc, 59_000), '287082');
  assert.equal(totpCode(rfc, 1_111_111_109_000), '081804');
  const secret = newTotpSecret();
  assert.match(totpUri(secret, 'directeur.bko'), /^otpauth:\/\/totp\/PMIS:directeur\.bko\?/);
  const now = Date.now();
  const step = verifyTotp(secret, totpCode(secret, now), null, now);
  assert.equal(step, Math.floor(now / 30_000));
  assert.equal(verifyTotp(secret, totpCode(secret, now), step, now), null, 'replay refused');
  assert.ok(verifyTotp(secret, totpCode(secret, now - 30_000), null, now) !== null, 'one step of drift');
  assert.equal(verifyTotp(secret, totpCode(secret, now - 90_000), null, now), null);
  assert.equal(verifyTotp(secret, 'abcdef', null, now), null);
});
