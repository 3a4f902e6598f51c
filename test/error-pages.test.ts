/**
 * Page paths answer errors with an HTML page in the kit's layout and the user's language (404, 403,
 * 500 with a reference; never a message key, never JSON); /api/* keeps application/problem+json.
 * The language chosen on the login page is kept after login.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import type { InjectOptions } from 'fastify';
import { test } from 'node:test';
import { buildApp } from '../src/http/app.js';
import type { AdmissionView, Problem } from './api.js';
import { auth, fixture, formLogin, newArrival, testConfig, testDatabase } from './helpers.js';

// The error log, read back: a 500 page's reference must name the logged incident.
const errorLines: Record<string, unknown>[] = [];
const logStream = new Writable({
  write(chunk, _enc, cb) {
    for (const l of String(chunk).split('\n').filter(Boolean))
      errorLines.push(JSON.parse(l) as Record<string, unknown>);
    cb();
  },
});
const database = await testDatabase();
const app = await buildApp({ database, config: testConfig({ logLevel: 'error' }), logStream });
// Two routes that fail unexpectedly, one a page and one under /api: what a bug would do.
app.get('/test-boom', () => {
  throw new Error('boom: an unexpected failure');
});
app.get('/api/test-boom', () => {
  throw new Error('boom: an unexpected failure');
});
test.after(() => app.close());
const fx = await fixture(database);

const admitted = await app.inject({
  method: 'POST',
  url: '/api/admissions',
  headers: auth(fx.tokens['clerk.bko']),
  payload: newArrival(),
});
assert.equal(admitted.statusCode, 201, admitted.body);
const bkoPerson = admitted.json<AdmissionView>().person_id;

const html = /^text\/html; charset=utf-8/;
const problem = /^application\/problem\+json/;

function assertKitPage(body: string, lang: 'fr' | 'en') {
  assert.match(body, new RegExp(`<html lang="${lang}" class="govuk-template">`), 'the kit layout, in the language');
  assert.match(body, /<main class="govuk-main-wrapper" id="main-content"/);
  assert.doesNotMatch(body, /\berror\.[a-z_]+\b/, 'no raw message key');
  assert.doesNotMatch(body, /"status":|"title":/, 'no JSON');
}

test('404: an HTML page in the user language on a page path, problem+json under /api', async () => {
  for (const lang of ['fr', 'en'] as const) {
    const { cookie } = await formLogin(app, 'clerk.bko', { lang });
    const r = await app.inject({ url: '/no-such-page?x=1', headers: { cookie } });
    assert.equal(r.statusCode, 404);
    assert.match(r.headers['content-type'] as string, html);
    assertKitPage(r.body, lang);
    assert.match(
      r.body,
      lang === 'fr'
        ? /<h1 class="govuk-heading-l">Page introuvable<\/h1>/
        : /<h1 class="govuk-heading-l">Page not found<\/h1>/,
    );
    assert.match(r.body, lang === 'fr' ? /adresse saisie/ : /Check the address/, 'a missing page');
    assert.match(r.body, /href="\/"/, 'a way home');
    // A POST to an unknown page is answered the same way.
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await app.inject({ url: '/', headers: { cookie } })).body)![1];
    const posted = await app.inject({
      method: 'POST',
      url: '/no-such-page',
      headers: { cookie },
      payload: { _csrf: csrf },
    });
    assert.equal(posted.statusCode, 404);
    assert.match(posted.headers['content-type'] as string, html);
  }
  const api = await app.inject({ url: '/api/no-such-thing', headers: auth(fx.tokens['clerk.bko'], 'en') });
  assert.equal(api.statusCode, 404);
  assert.match(api.headers['content-type'] as string, problem);
  assert.equal(api.json<Problem>().status, 404);
  // Anonymous: a page path still goes to the login page first (nothing is revealed), the API says 401.
  const anon = await app.inject({ url: '/no-such-page' });
  assert.equal(anon.statusCode, 303);
  assert.equal(anon.headers.location, '/login?next=%2Fno-such-page');
});

test('403: a page out of the user scope is the HTML "not allowed" page in their language', async () => {
  for (const lang of ['fr', 'en'] as const) {
    const { cookie } = await formLogin(app, 'clerk.klk', { lang });
    const r = await app.inject({ url: `/people/${bkoPerson}`, headers: { cookie } });
    assert.equal(r.statusCode, 403);
    assert.match(r.headers['content-type'] as string, html);
    assertKitPage(r.body, lang);
    assert.match(r.body, lang === 'fr' ? /Accès refusé/ : /You cannot see this page/);
    assert.match(
      r.body,
      lang === 'fr' ? /Votre rôle ou votre périmètre/ : /Your role or your scope/,
      'a permission, not a fault',
    );
    assert.match(r.body, /href="\/"/, 'a way home');
    assert.doesNotMatch(r.body, /Maïga/);
  }
  const api = await app.inject({ url: `/api/people/${bkoPerson}`, headers: auth(fx.tokens['clerk.klk'], 'en') });
  assert.ok([403, 404].includes(api.statusCode), String(api.statusCode));
  assert.match(api.headers['content-type'] as string, problem);
});

test('500: an unexpected failure on a page is the HTML page with the request reference, never error.internal', async () => {
  for (const lang of ['fr', 'en'] as const) {
    const { cookie } = await formLogin(app, 'clerk.bko', { lang });
    const r = await app.inject({ url: '/test-boom', headers: { cookie } });
    assert.equal(r.statusCode, 500);
    assert.match(r.headers['content-type'] as string, html);
    assertKitPage(r.body, lang);
    assert.match(
      r.body,
      lang === 'fr' ? /Désolé, le service rencontre un problème/ : /Sorry, there is a problem with the service/,
    );
    const ref = /(?:référence|reference) ([0-9A-Z]{5}-[0-9A-Z]{5})\)/.exec(r.body)?.[1];
    assert.ok(ref, 'the incident reference to quote');
    const logged = errorLines.filter((l) => l.reqId === ref);
    assert.equal(logged.length, 1, 'the incident is logged once, under the reference the user was shown');
    assert.equal(logged[0].level, 50);
    assert.equal(logged[0].msg, 'request failed');
    assert.doesNotMatch(r.body, /unexpected failure/, 'the error itself is not shown');
    assert.doesNotMatch(r.body, /at [\w.<>]+ \(|\.ts:\d+/, 'no stack');
    assert.doesNotMatch(r.body, /Internal server error|Erreur interne/);
  }
  for (const lang of ['fr', 'en'] as const) {
    const api = await app.inject({ url: '/api/test-boom', headers: auth(fx.tokens['clerk.bko'], lang) });
    assert.equal(api.statusCode, 500);
    assert.match(api.headers['content-type'] as string, problem);
    assert.equal(api.json<Problem>().title, lang === 'fr' ? 'Erreur interne du serveur.' : 'Internal server error.');
    assert.doesNotMatch(api.body, /unexpected failure/, 'the error itself is not sent'); // code: "error.internal" is the machine-readable code, the title is the words
  }
});

test('what the framework refuses before a page runs (bad URL, long parameter, body, media type, method) is an HTML page', async () => {
  for (const lang of ['fr', 'en'] as const) {
    const { cookie } = await formLogin(app, 'clerk.bko', { lang });
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await app.inject({ url: '/', headers: { cookie } })).body)![1];
    const cases: { what: string; status: number; req: InjectOptions }[] = [
      { what: 'a malformed URL', status: 400, req: { url: '/people/%E0%A4%A', headers: { cookie } } },
      {
        what: 'a path parameter too long',
        status: 414,
        req: { url: `/people/${'a'.repeat(200)}`, headers: { cookie } },
      },
      {
        what: 'a body that is not the JSON it says',
        status: 400,
        req: {
          method: 'POST',
          url: '/account/password',
          headers: { cookie, 'content-type': 'application/json' },
          payload: '{"_csrf": ',
        },
      },
      {
        what: 'a media type no page reads',
        status: 415,
        req: {
          method: 'POST',
          url: '/account/password',
          headers: { cookie, 'content-type': 'application/xml' },
          payload: `<form><_csrf>${csrf}</_csrf></form>`,
        },
      },
      // Fastify answers a method a path does not have as a missing page (404, never 405).
      {
        what: 'a method the page does not have',
        status: 404,
        req: { method: 'DELETE', url: '/account', headers: { cookie }, payload: { _csrf: csrf } },
      },
    ];
    for (const c of cases) {
      const r = await app.inject(c.req);
      assert.equal(r.statusCode, c.status, `${c.what}: ${r.body.slice(0, 200)}`);
      assert.match(r.headers['content-type'] as string, html, c.what);
      assertKitPage(r.body, lang);
      assert.match(r.body, /href="\/"/, 'a way home');
    }
  }
  // The same under /api stays problem+json.
  const api = await app.inject({ url: '/api/persons/%E0%A4%A', headers: auth(fx.tokens['clerk.bko'], 'en') });
  assert.equal(api.statusCode, 400);
  assert.match(api.headers['content-type'] as string, problem);
  assert.equal(api.json<{ title: string }>().title, 'The address requested is malformed.');
  const long = await app.inject({
    url: `/api/persons/${'a'.repeat(200)}`,
    headers: auth(fx.tokens['clerk.bko'], 'fr'),
  });
  assert.equal(long.statusCode, 414);
  assert.match(long.headers['content-type'] as string, problem);
});

test('a form sent without a session is a "sign in again" page (401), not JSON; a page GET still goes to login', async () => {
  for (const lang of ['fr', 'en'] as const) {
    const r = await app.inject({
      method: 'POST',
      url: '/account/password',
      headers: { cookie: `pmis_lang=${lang}` },
      payload: { current_password: 'x' },
    });
    assert.equal(r.statusCode, 401);
    assert.match(r.headers['content-type'] as string, html);
    assertKitPage(r.body, lang);
    assert.match(
      r.body,
      lang === 'fr'
        ? /<h1 class="govuk-heading-l">Reconnectez-vous<\/h1>/
        : /<h1 class="govuk-heading-l">Sign in again<\/h1>/,
    );
    assert.match(r.body, /<a class="govuk-link" href="\/login">/);
  }
  const head = await app.inject({ method: 'HEAD', url: '/people' });
  assert.equal(head.statusCode, 303);
  const api = await app.inject({ method: 'POST', url: '/api/admissions', payload: {} });
  assert.equal(api.statusCode, 401);
  assert.match(api.headers['content-type'] as string, problem);
});

test('a page refusal of another kind (a bad path parameter) is an HTML page naming the problem', async () => {
  const { cookie } = await formLogin(app, 'clerk.bko', { lang: 'en' });
  const r = await app.inject({ url: '/people/not-a-uuid', headers: { cookie } });
  assert.ok(r.statusCode >= 400 && r.statusCode < 500, String(r.statusCode));
  assert.match(r.headers['content-type'] as string, html);
  assertKitPage(r.body, 'en');
});

test('the language chosen on the login page is kept after login; "Language:" spacing by language', async () => {
  // The login page follows the browser when nothing was chosen: English here.
  const form = await app.inject({ url: '/login', headers: { 'accept-language': 'en-GB,en;q=0.9' } });
  assert.match(form.body, /<html lang="en"/);
  assert.match(form.body, /name="lang" value="en"/);
  assert.match(form.body, /Language: <a href="\/lang\/fr/, 'English colon: no space before');
  assert.doesNotMatch(form.body, /Language :/);
  const fr = await app.inject({ url: '/login' });
  assert.match(fr.body, /Langue\u00a0: <a href="\/lang\/en/, 'French colon: a no-break space before');

  const csrfCookie = form.cookies.find((c) => c.name === 'pmis_login_csrf')!;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1];
  const res = await app.inject({
    method: 'POST',
    url: '/login',
    cookies: { pmis_login_csrf: csrfCookie.value },
    payload: { username: 'clerk.bko', password: 'correct horse battery', next: '/', lang: 'en', _csrf: csrf },
  });
  assert.equal(res.statusCode, 303, res.body);
  const session = res.cookies.find((c) => c.name === 'pmis_session')!;
  const langCookie = res.cookies.find((c) => c.name === 'pmis_lang');
  assert.equal(langCookie?.value, 'en', 'the chosen language is kept in its cookie');
  // The account's language is French: without the kept choice, the home page would be French.
  const withoutChoice = await app.inject({ url: '/', headers: { cookie: `pmis_session=${session.value}` } });
  assert.match(withoutChoice.body, /<html lang="fr"/);
  const home = await app.inject({
    url: '/',
    headers: { cookie: `pmis_session=${session.value}; pmis_lang=${langCookie.value}` },
  });
  assert.equal(home.statusCode, 200);
  assert.match(home.body, /<html lang="en"/);
  // A forged language value is ignored.
  const form2 = await app.inject({ url: '/login' });
  const bad = await app.inject({
    method: 'POST',
    url: '/login',
    cookies: { pmis_login_csrf: form2.cookies.find((c) => c.name === 'pmis_login_csrf')!.value },
    payload: {
      username: 'clerk.bko',
      password: 'correct horse battery',
      next: '/',
      lang: 'de',
      _csrf: /name="_csrf" value="([^"]+)"/.exec(form2.body)![1],
    },
  });
  assert.equal(bad.statusCode, 303);
  assert.equal(
    bad.cookies.find((c) => c.name === 'pmis_lang'),
    undefined,
  );
});
