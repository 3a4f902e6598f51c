import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCodeForm, parseNewUserForm, parsePasswordForm, parseReasonForm } from './forms.js';

test('new account form: the API input, typed; capitals in the username are lowered', () => {
  const r = parseNewUserForm(
    {
      _csrf: 'x',
      username: 'Greffier.BKO',
      display_name: ' Awa Traoré ',
      password: 'un mot de passe assez long',
      roles: 'registry_clerk',
      prisons: 'BKO',
      lang: 'fr',
    },
    'fr',
  );
  assert.ok(r.ok);
  assert.deepEqual(r.value, {
    username: 'greffier.bko',
    display_name: 'Awa Traoré',
    password: 'un mot de passe assez long',
    roles: ['registry_clerk'],
    national: false,
    prisons: ['BKO'],
    lang: 'fr',
  });
});

test('new account form: an unknown role is a field error naming the roles, in the language of the page', () => {
  const fr = parseNewUserForm(
    { username: 'a.b', display_name: 'A', password: 'un mot de passe assez long', roles: ['registry_clerk', 'king'] },
    'fr',
  );
  assert.ok(!fr.ok);
  assert.deepEqual(
    fr.errors.map((e) => [e.name, e.kind]),
    [['roles', 'enum']],
  );
  assert.match(fr.errors[0].message, /^Rôles\u00a0: /);
  const en = parseNewUserForm(
    { username: 'a.b', display_name: 'A', password: 'un mot de passe assez long', roles: 'king' },
    'en',
  );
  assert.ok(!en.ok);
  assert.match(en.errors[0].message, /^Roles: /);
});

test('new account form: every missing field is named, in page order; no role ticked asks for one', () => {
  const r = parseNewUserForm({ username: '', display_name: '', password: '' }, 'en');
  assert.ok(!r.ok);
  assert.deepEqual(
    r.errors.map((e) => e.name),
    ['username', 'display_name', 'password', 'roles'],
  );
  assert.match(r.errors.find((e) => e.name === 'roles')!.message, /choose at least one role/);
});

test('password form: the two new entries must match; passwords are not trimmed', () => {
  const bad = parsePasswordForm(
    { current_password: 'old one', new_password: 'a new long phrase', new_password_confirm: 'a new long phrase!' },
    'en',
  );
  assert.ok(!bad.ok);
  assert.deepEqual(
    bad.errors.map((e) => e.name),
    ['new_password_confirm'],
  );
  const ok = parsePasswordForm(
    { current_password: ' old one ', new_password: ' a new long phrase', new_password_confirm: ' a new long phrase' },
    'fr',
  );
  assert.ok(ok.ok);
  assert.deepEqual(ok.value, { current_password: ' old one ', new_password: ' a new long phrase' });
});

test('code form: a code is 6 to 10 characters', () => {
  const r = parseCodeForm({ code: '12' }, 'fr');
  assert.ok(!r.ok);
  assert.equal(r.errors[0].name, 'code');
  assert.ok(parseCodeForm({ code: '123456' }, 'fr').ok);
});

test("reason form: required for disabling, optional for approving; the error is on that action's field", () => {
  const r = parseReasonForm({ reason_disable: '' }, 'fr', 'disable', true);
  assert.ok(!r.ok);
  assert.equal(r.errors[0].name, 'reason_disable');
  const ok = parseReasonForm({ reason_disable: 'a quitté le service' }, 'fr', 'disable', true);
  assert.ok(ok.ok);
  assert.deepEqual(ok.value, { reason: 'a quitté le service' });
  const optional = parseReasonForm({}, 'fr', 'approve', false);
  assert.ok(optional.ok);
  assert.deepEqual(optional.value, {});
});
