/**
 * Page forms are parsed by the API's schemas: a bad value typed (or forged) in a form is a field
 * error on the form — never a 500, never stored — and text that cannot be stored is refused on
 * every page like on the API.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Created, Problem } from './api.js';
import { auth, fixture, formLogin, testApp, testDatabase } from './helpers.js';

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);

async function loginAs(username: string, lang: 'fr' | 'en') {
  const { res: r, cookie } = await formLogin(app, username, { lang });
  assert.equal(r.statusCode, 303, r.body);
  const home = await app.inject({ url: '/', headers: { cookie } });
  return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(home.body)![1] };
}
type S = Awaited<ReturnType<typeof loginAs>>;
const post = (s: S, url: string, payload: Record<string, string | string[]>) =>
  app.inject({
    method: 'POST',
    url,
    headers: { cookie: s.cookie },
    payload: { _csrf: s.csrf, ...payload } as Record<string, string>,
  });
const count = async (sql: string, params: unknown[] = []) =>
  (await database.pool.query<{ n: number }>(sql, params)).rows[0].n;

async function reception(): Promise<string> {
  const r = await app.inject({
    method: 'POST',
    url: '/api/receptions',
    headers: auth(fx.tokens['director.bko']),
    payload: { prison: 'BKO', arresting_authority: 'police', warrant_name: 'Sidibé Awa', nothing_shared: true },
  });
  assert.equal(r.statusCode, 201, r.body);
  return r.json<Created>().id;
}

test('a bad enum value in a page form is a field error on the form, not a 500, and nothing is stored', async () => {
  const id = await reception();
  const medic = await loginAs('medic.bko', 'en');
  // Before: a bad fitness reached a CHECK constraint (500).
  const medical = await post(medic, `/receptions/${id}/steps/medical`, {
    fitness: 'cured',
    out_of_order_reason: 'Urgence médicale',
  });
  assert.equal(medical.statusCode, 422, medical.body.slice(0, 500));
  assert.match(medical.headers['content-type'] as string, /^text\/html/);
  assert.match(medical.body, /class="error-summary"/);
  assert.match(medical.body, /href="#f-fitness"/, 'the summary links to the fitness field');
  assert.match(medical.body, /<div class="field has-error"><label for="f-fitness">/);
  assert.equal(await count('SELECT count(*)::int AS n FROM reception_medical WHERE reception_id = $1', [id]), 0);
  assert.equal(await count(`SELECT count(*)::int AS n FROM reception_step WHERE reception_id = $1`, [id]), 0);

  // Before: a bad involvement was stored as it came.
  const director = await loginAs('director.bko', 'fr');
  const interview = await post(director, `/receptions/${id}/steps/interview`, {
    interviewer: 'director',
    involvement: 'terroriste',
    reasons: ['coercion', 'zz'],
    out_of_order_reason: 'Entretien avant les autres étapes',
  });
  assert.equal(interview.statusCode, 422, interview.body.slice(0, 500));
  assert.match(interview.body, /href="#f-involvement"/);
  assert.match(interview.body, /href="#f-reasons"/, 'a bad reason is shown on the group of reasons');
  assert.equal(await count(`SELECT count(*)::int AS n FROM reception_step WHERE reception_id = $1`, [id]), 0);

  // The same form with good values is stored.
  const ok = await post(medic, `/receptions/${id}/steps/medical`, {
    fitness: 'fit',
    out_of_order_reason: 'Urgence médicale',
  });
  assert.equal(ok.statusCode, 303, ok.body.slice(0, 500));
  assert.equal(await count('SELECT count(*)::int AS n FROM reception_medical WHERE reception_id = $1', [id]), 1);
});

test('the admission form: an impossible date and an unknown category are field errors, nothing admitted', async () => {
  const clerk = await loginAs('clerk.bko', 'en');
  const before = await count('SELECT count(*)::int AS n FROM admission');
  const r = await post(clerk, '/admissions/new', {
    prison: 'BKO',
    'person.family_name': 'Konaté',
    'person.sex': 'male',
    'person.birth.precision': 'estimated',
    'person.birth.estimated_age': 'trente',
    arresting_authority: 'police',
    'legal_document.kind': 'committal_order',
    'legal_document.authority': 'TGI',
    'legal_document.reference': 'MD-1',
    'legal_document.issued_on': '2025-02-30',
    'charges.0.qualification': 'Vol',
    'charges.0.category': 'crime_grave',
    'identity.checked': '1',
    'identity.choice': 'new',
  });
  assert.equal(r.statusCode, 422, r.body.slice(0, 500));
  for (const name of ['legal_document-issued_on', 'charges-0-category', 'person-birth-estimated_age'])
    assert.match(r.body, new RegExp(`href="#f-${name}"`), name);
  assert.match(r.body, /Invalid date: a real date YYYY-MM-DD/);
  assert.equal(await count('SELECT count(*)::int AS n FROM admission'), before);
});

test('text that cannot be stored is refused on the pages too: NUL bytes, lone surrogates, huge values', async () => {
  const id = await reception();
  const clerk = await loginAs('clerk.bko', 'fr');
  const nul = await post(clerk, `/receptions/${id}/steps/registry`, {
    items: '2 boubous\u0000',
    out_of_order_reason: 'x',
  });
  assert.equal(nul.statusCode, 422);
  assert.match(nul.headers['content-type'] as string, /^text\/html/);
  assert.match(nul.body, /caractère nul/);
  const huge = await post(clerk, `/receptions/${id}/steps/registry`, {
    notes: 'x'.repeat(5000),
    out_of_order_reason: 'x',
  });
  assert.equal(huge.statusCode, 422);
  assert.match(huge.body, /href="#f-notes"/);
  const search = await app.inject({ url: '/people?q=Tra%00or%C3%A9', headers: { cookie: clerk.cookie } });
  assert.equal(search.statusCode, 422);
  assert.equal(await count(`SELECT count(*)::int AS n FROM reception_step WHERE reception_id = $1`, [id]), 0);
  // The JSON API says the same in problem+json, naming the field.
  const api = await app.inject({
    method: 'POST',
    url: `/api/receptions/${id}/steps/registry`,
    headers: { ...auth(fx.tokens['clerk.bko'], 'en'), 'content-type': 'application/json' },
    payload: '{"notes":"a\\ud800b","out_of_order_reason":"x"}',
  });
  assert.equal(api.statusCode, 422);
  assert.equal(api.headers['content-type'], 'application/problem+json; charset=utf-8');
  assert.deepEqual(api.json<Problem>().errors, [
    {
      field: '/notes',
      code: 'field.lone_surrogate',
      message: 'The text contains an invalid character (a lone UTF-16 surrogate), which is refused.',
    },
  ]);
});
