/** Secure defaults without a database: safe redirects, production checks, demo policy, configuration. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../config.js';
import { demoDecision } from '../demo/policy.js';
import { safeNext } from '../modules/web/index.js';
import { productionProblems } from './security.js';

test('next= is only a local path: tabs, newlines, backslashes, "//" and dot segments are refused', () => {
  for (const bad of [
    '//evil.example',
    '/\t/evil.example',
    '/\\evil.example',
    '/\n/evil.example',
    '/x\r\nSet-Cookie: a=b',
    '/.//evil.example',
    '/./\\evil',
    'https://evil.example',
    'evil',
    '',
    ' /x',
    '/\u0000x',
    '/\u2028x'.replace('\u2028', '\u0085'),
  ]) {
    assert.equal(safeNext(bad), '/', JSON.stringify(bad));
  }
  // "/%0a" stays encoded, which is harmless; the decoded newline is what is refused.
  assert.equal(safeNext('/%0a'.replace('%0a', '\n')), '/');
  assert.equal(safeNext('/people?q=Ma%C3%AFga#x'), '/people?q=Ma%C3%AFga#x');
  assert.equal(safeNext('/people/../estate'), '/estate');
  assert.equal(safeNext(undefined, '/home'), '/home');
});

test('production mode refuses demo data, insecure cookies and implicit HOST or TRUST_PROXY', () => {
  const base = { NODE_ENV: 'production', HOST: '127.0.0.1', TRUST_PROXY: '127.0.0.1', SECURE_COOKIES: '1' };
  assert.deepEqual(productionProblems(loadConfig(base), { demoAccounts: [] }), []);
  assert.match(
    productionProblems(loadConfig({ ...base, SECURE_COOKIES: '' }), { demoAccounts: [] }).join(),
    /SECURE_COOKIES=1/,
  );
  assert.match(productionProblems(loadConfig({ ...base, HOST: '' }), { demoAccounts: [] }).join(), /HOST/);
  assert.match(
    productionProblems(loadConfig({ ...base, TRUST_PROXY: undefined }), { demoAccounts: [] }).join(),
    /TRUST_PROXY/,
  );
  assert.match(productionProblems(loadConfig({ ...base, PMIS_DEMO: '1' }), { demoAccounts: [] }).join(), /PMIS_DEMO/);
  assert.match(productionProblems(loadConfig(base), { demoAccounts: ['admin'] }).join(), /demo accounts.*admin/);
  // TRUST_PROXY=0 is an explicit "no proxy".
  assert.deepEqual(productionProblems(loadConfig({ ...base, TRUST_PROXY: '0' }), { demoAccounts: [] }), []);
  // Outside production nothing is enforced.
  assert.deepEqual(productionProblems(loadConfig({}), { demoAccounts: ['admin'] }), []);
});

test('configuration: trust proxy off by default; SESSION_TTL_HOURS=0 refused; demo only when asked', () => {
  const c = loadConfig({});
  assert.equal(c.trustProxy, false);
  assert.equal(c.demo, false);
  assert.equal(c.sessionIdleMinutes, 30);
  assert.equal(loadConfig({ TRUST_PROXY: '1' }).trustProxy, true);
  assert.equal(loadConfig({ TRUST_PROXY: '2' }).trustProxy, 2);
  assert.equal(loadConfig({ TRUST_PROXY: '10.0.0.1,127.0.0.1' }).trustProxy, '10.0.0.1,127.0.0.1');
  assert.throws(() => loadConfig({ SESSION_TTL_HOURS: '0' }), /SESSION_TTL_HOURS must be an integer from 1/);
  assert.throws(() => loadConfig({ SESSION_IDLE_MINUTES: '0' }), /SESSION_IDLE_MINUTES/);
  assert.equal(loadConfig({ PMIS_DEMO: '1' }).demo, true);
});

test('demo data: only when asked, never over accounts, never on an external database without a second flag, never in production', () => {
  const ask = { demo: true, external: false, allowExternal: false, production: false };
  const empty = { users: 0, prisons: 0 };
  assert.deepEqual(demoDecision({ ...ask, demo: false }, empty), { load: false, reason: null });
  assert.equal(demoDecision(ask, empty).load, true);
  assert.match(demoDecision(ask, { users: 1, prisons: 0 }).reason!, /already holds 1 user/);
  assert.match(demoDecision(ask, { users: 0, prisons: 2 }).reason!, /not empty/);
  assert.match(demoDecision({ ...ask, external: true }, empty).reason!, /PMIS_DEMO_EXTERNAL=1/);
  assert.equal(demoDecision({ ...ask, external: true, allowExternal: true }, empty).load, true);
  assert.match(demoDecision({ ...ask, production: true }, empty).reason!, /production/);
});
