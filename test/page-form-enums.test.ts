/**
 * Page forms whose values are read in the route (not by a module's form parser): a value outside an
 * enumeration, typed or forged, is answered as a field error on the page — a 422 HTML page whose
 * error summary links to that field, never a 500 — and nothing is stored; the same form with a good
 * value is stored (so that the row count checked is the right one). docs/input.md lists every page
 * form with its test.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Created } from './api.js';
import { auth, fixture, formLogin, newArrival, testApp, testDatabase } from './helpers.js';

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);

async function loginAs(username: string, lang: 'fr' | 'en') {
  const { res: r, cookie } = await formLogin(app, username, { lang });
  assert.equal(r.statusCode, 303, r.body);
  const home = await app.inject({ url: '/', headers: { cookie } });
  return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(home.body)![1] };
}
type Session = Awaited<ReturnType<typeof loginAs>>;
const post = (s: Session, url: string, payload: Record<string, string>) =>
  app.inject({ method: 'POST', url, headers: { cookie: s.cookie }, payload: { _csrf: s.csrf, ...payload } });
const rows = async (table: string) =>
  (await database.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;

/**
 * The form posted with `field` set to a value outside its list: a 422 page naming the field in its
 * error summary, nothing written to `table`; then with the good value: stored (303, one row more).
 */
async function badEnumThenGood(
  s: Session,
  url: string,
  form: Record<string, string>,
  field: string,
  table: string,
  opts: { good?: boolean } = {},
): Promise<void> {
  const before = await rows(table);
  const bad = await post(s, url, { ...form, [field]: 'not_in_the_list' });
  assert.equal(bad.statusCode, 422, `${url}: ${bad.body.slice(0, 400)}`);
  assert.match(bad.headers['content-type']?.toString() ?? '', /^text\/html/);
  const summary = /class="[^"]*error-summary[^"]*"[\s\S]*?<\/ul>/.exec(bad.body)?.[0] ?? '';
  assert.match(summary, new RegExp(`href="#[^"]*\\b${field}"`), `${url}: the error summary links to ${field}`);
  assert.equal(await rows(table), before, `${url}: nothing stored`);
  if (opts.good === false) return;
  const good = await post(s, url, form);
  assert.equal(good.statusCode, 303, `${url}: ${good.body.slice(0, 400)}`);
  assert.equal(await rows(table), before + 1, `${url}: the good form is stored`);
}

const admitted = async (name: string) => {
  const r = await app.inject({
    method: 'POST',
    url: '/api/admissions',
    headers: auth(fx.tokens['clerk.bko']),
    payload: newArrival({ person: { ...newArrival().person, family_name: name } }),
  });
  assert.equal(r.statusCode, 201, r.body);
  return r.json<Created & { person_id: string }>();
};

test('classification forms: a bad level, review event, regime effect or leader term is a field error, not stored', async () => {
  const director = await loginAs('director.bko', 'en');
  const security = await loginAs('security.bko', 'fr');
  const a = await admitted('Formulaire');
  // A decision needs a completed assessment: the good form is stored in classification.db.test.ts.
  await badEnumThenGood(
    director,
    `/admissions/${a.id}/classification`,
    { level: 'medium', trigger: 'initial', reasons: 'Entretien d’accueil' },
    'level',
    'security_level',
    { good: false },
  );
  await badEnumThenGood(
    director,
    `/admissions/${a.id}/review-events`,
    { kind: 'incident', occurred_on: '2026-03-01', note: 'Bagarre au réfectoire' },
    'kind',
    'review_event',
  );
  await badEnumThenGood(
    director,
    `/admissions/${a.id}/regime`,
    { subject: 'activity:workshop', effect: 'allow', reason: 'Conduite exemplaire' },
    'effect',
    'regime_adjustment',
  );
  // A cell leader: the person must be placed in the cell.
  const cell = fx.prisons.BKO.cells[2];
  const placed = await app.inject({
    method: 'POST',
    url: `/api/admissions/${a.id}/allocate`,
    headers: auth(fx.tokens['security.bko']),
    payload: { cell_id: cell, reason: 'Affectation' },
  });
  assert.equal(placed.statusCode, 200, placed.body);
  await badEnumThenGood(
    security,
    `/cells/${cell}/leader`,
    { admission_id: a.id, how: 'elected', since: '2026-03-05', reason: 'Élu par la cellule' },
    'how',
    'cell_leader',
  );
});

// The prison status and age assessment forms: the service checks the value against its list (one rule for
// every way in), so the form comes back with the field named.

test('the prison status form: a status outside the list is a field error, not stored', async () => {
  const admin = await loginAs('admin', 'en');
  await badEnumThenGood(
    admin,
    '/estate/status?prison=KLK',
    { status: 'closed', effective_from: '2026-01-10', reason: 'Travaux' },
    'status',
    'prison_status',
  );
});

test('the age assessment form: a method or result outside the list is a field error, not stored', async () => {
  const clerk = await loginAs('clerk.bko', 'fr');
  const a = await admitted('Âge');
  const form = {
    method: 'documents',
    assessed_by: 'Greffe',
    assessed_on: '2026-03-02',
    result: 'adult',
    minimum_age: '18',
  };
  const before = await rows('age_assessment');
  const bad = await post(clerk, `/people/${a.person_id}/age-assessments`, { ...form, result: 'ancient' });
  assert.equal(bad.statusCode, 422, bad.body.slice(0, 400));
  assert.match(bad.body, /href="#[^"]*\bresult"/);
  assert.equal(await rows('age_assessment'), before);
  await badEnumThenGood(clerk, `/people/${a.person_id}/age-assessments`, form, 'method', 'age_assessment');
});
