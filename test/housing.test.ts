/** Housing by individual assessment through the API (issue 6, first part). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auth, fixture, newArrival, testApp, testDatabase } from './helpers.js';
import { assertHistoryConfidential } from './confidentiality-walk.js';
import type { Created, List, Problem } from './api.js';

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);
const post = (token: string, url: string, payload: unknown, method: 'POST' | 'PUT' = 'POST') =>
  app.inject({ method, url, headers: auth(token, 'en'), payload: payload as Record<string, unknown> });

async function admitted(name: string, over: Record<string, unknown> = {}) {
  const r = await post(
    fx.tokens['clerk.bko'],
    '/api/admissions',
    newArrival({ person: { ...newArrival().person, family_name: name }, ...over }),
  );
  assert.equal(r.statusCode, 201, r.body);
  return r.json<{ id: string; person_id: string }>();
}

test('allocation refused with every reason, then overridden by the director with a recorded reason', async () => {
  const [c0, c1, c2] = fx.prisons.BKO.cells as [string, string, string];
  const convicted = await admitted('Condamné', {
    legal_document: { kind: 'conviction', authority: 'TGI', reference: 'J-1', issued_on: '2026-03-01' },
  });
  const rival = await admitted('Rival');
  const x = await admitted('Nouveau');
  const d = fx.tokens['director.bko'];
  assert.equal(
    (await post(d, `/api/admissions/${convicted.id}/allocate`, { cell_id: c0, reason: 'placement' })).statusCode,
    200,
  );
  assert.equal(
    (await post(d, `/api/admissions/${rival.id}/allocate`, { cell_id: c0, reason: 'placement' })).statusCode,
    422,
    'untried with convicted',
  );
  assert.equal(
    (await post(d, `/api/admissions/${rival.id}/allocate`, { cell_id: c1, reason: 'placement' })).statusCode,
    200,
  );
  assert.equal(
    (
      await post(fx.tokens['security.bko'], '/api/keep-apart', {
        prison: 'BKO',
        person_a: x.person_id,
        person_b: rival.person_id,
        reason: 'Menaces',
        source: 'Chef de cellule',
      })
    ).statusCode,
    201,
  );
  const refused = await post(fx.tokens['security.bko'], `/api/admissions/${x.id}/allocate`, {
    cell_id: c1,
    reason: 'placement',
  });
  assert.equal(refused.statusCode, 422);
  assert.deepEqual(
    refused.json<Problem>().errors!.map((e: { message: string }) => e.message),
    ['Someone in this cell must be kept apart from this person (keep-apart record).'],
  );
  // Full cell + convicted together: both reasons at once.
  const other = await admitted('Autre', {
    legal_document: { kind: 'conviction', authority: 'TGI', reference: 'J-2', issued_on: '2026-03-01' },
  });
  assert.equal(
    (await post(d, `/api/admissions/${other.id}/allocate`, { cell_id: c0, reason: 'placement' })).statusCode,
    200,
  );
  const both = await post(d, `/api/admissions/${x.id}/allocate`, { cell_id: c0, reason: 'placement' });
  assert.deepEqual(
    both.json<Problem>().errors!.map((e: { code: string }) => e.code),
    ['housing.refused.capacity', 'housing.refused.untried_with_convicted'],
  );
  // A security officer cannot override; the director can, and the reason is kept.
  assert.equal(
    (
      await post(fx.tokens['security.bko'], `/api/admissions/${x.id}/allocate`, {
        cell_id: c1,
        reason: 'placement',
        override_reason: 'x',
      })
    ).statusCode,
    403,
  );
  const ok = await post(d, `/api/admissions/${x.id}/allocate`, {
    cell_id: c1,
    reason: 'placement',
    override_reason: 'Seule cellule surveillée de nuit ; réexamen demain',
  });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.json<{ overridden: string[] }>().overridden, ['keep_apart']);
  const hist = (await app.inject({ url: `/api/persons/${x.person_id}/history`, headers: auth(d) })).json<
    List<{ action: string; reason: string; after: { overridden: string[] } }>
  >().items;
  assert.ok(
    hist.some(
      (h) =>
        h.action === 'placement_override' &&
        h.reason === 'Seule cellule surveillée de nuit ; réexamen demain' &&
        h.after.overridden.join() === 'keep_apart',
    ),
  );
  // Policy: high-risk people concentrated in one unit.
  const unitB = (
    await post(fx.tokens.admin, '/api/prisons/BKO/units', { code: 'QS', name: 'Quartier spécial' })
  ).json<Created>().id;
  const cellB = (
    await post(fx.tokens.admin, '/api/prisons/BKO/cells', { unit_id: unitB, code: 'QS-01', capacity: 10 })
  ).json<Created>().id;
  assert.equal(
    (
      await post(
        d,
        '/api/prisons/BKO/housing-policy',
        { high_risk_policy: 'concentrate', high_risk_unit_id: unitB, reason: 'Décision du directeur' },
        'PUT',
      )
    ).statusCode,
    200,
  );
  const hr = await admitted('HautRisque');
  assert.equal(
    (
      await post(d, `/api/admissions/${hr.id}/security-level`, {
        level: 'high',
        reasons: 'Évaluation initiale',
        trigger: 'initial',
        next_review_on: '2027-01-15',
      })
    ).statusCode,
    201,
  );
  const outside = await post(d, `/api/admissions/${hr.id}/allocate`, { cell_id: c2, reason: 'placement' });
  assert.deepEqual(
    outside.json<Problem>().errors!.map((e: { code: string }) => e.code),
    ['housing.refused.policy_concentrate_outside'],
  );
  assert.equal(
    (await post(d, `/api/admissions/${hr.id}/allocate`, { cell_id: cellB, reason: 'placement' })).statusCode,
    200,
  );
  // Keep-apart records are restricted to security staff, and reading them is audited.
  assert.equal(
    (await app.inject({ url: '/api/keep-apart?prison=BKO', headers: auth(fx.tokens['clerk.bko']) })).statusCode,
    403,
  );
  assert.equal(
    (await app.inject({ url: '/api/keep-apart?prison=BKO', headers: auth(fx.tokens['security.bko']) })).json<
      List<unknown>
    >().items.length,
    1,
  );
  // The director's reading of the history above included the override of a keep-apart record (intelligence): audited too.
  const audit = (
    await database.pool.query<{ action: string; entity: string }>(
      `SELECT action, entity FROM access_audit WHERE category = 'intelligence' ORDER BY at`,
    )
  ).rows.map((r) => `${r.action} ${r.entity}`);
  assert.deepEqual(audit, ['write keep_apart', 'read change_log', 'list keep_apart']);
  // Another prison's director cannot touch these.
  assert.equal(
    (await post(fx.tokens['clerk.klk'], `/api/admissions/${hr.id}/allocate`, { cell_id: c2, reason: 'x' })).statusCode,
    403,
  );
});

test("an initial classification due appears on the director's home page", async () => {
  const doc = (d: string) => ({ kind: 'committal_order', authority: 'TGI', reference: `MD-${d}`, issued_on: d });
  await admitted('SansClassement', { admitted_at: '2026-01-12T10:00:00Z', legal_document: doc('2026-01-11') });
  const { login } = await import('../src/modules/access/service.js');
  const { session } = await login(database.db, 'director.bko', 'correct horse battery', 1);
  const home = await app.inject({ url: '/', cookies: { pmis_session: session } });
  assert.match(home.body, /Classements à faire ou à revoir/);
  assert.match(
    home.body,
    /SansClassement[^<]*<\/a> — BKO-\d{4}-\d{6} — inculpé (?:de |d&#39;)[^—]* — classement initial attendu le 19\/01\/2026/,
  );
});

test('the prisoner file links to classification, assessments and cell move; the estate page links each cell', async () => {
  const a = await admitted('Liens');
  const { login } = await import('../src/modules/access/service.js');
  const { session } = await login(database.db, 'director.bko', 'correct horse battery', 1);
  const file = await app.inject({ url: `/people/${a.person_id}`, cookies: { pmis_session: session } });
  for (const href of [
    `/admissions/${a.id}/classification`,
    `/admissions/${a.id}/assessments`,
    `/admissions/${a.id}/move`,
  ]) {
    assert.ok(file.body.includes(`href="${href}"`), href);
    assert.equal((await app.inject({ url: href, cookies: { pmis_session: session } })).statusCode, 200, href);
  }
  const estate = await app.inject({ url: '/estate', cookies: { pmis_session: session } });
  assert.ok(estate.body.includes(`href="/cells/${fx.prisons.BKO.cells[0]}"`));
  // A clerk sees no assessment link (restricted data).
  const { session: clerk } = await login(database.db, 'clerk.bko', 'correct horse battery', 1);
  const clerkFile = await app.inject({ url: `/people/${a.person_id}`, cookies: { pmis_session: clerk } });
  assert.ok(!clerkFile.body.includes(`/admissions/${a.id}/assessments`));
});

test("no restricted field reaches a role without its permission (history walk over this file's flows)", async () => {
  const n = await assertHistoryConfidential(database, app, fx);
  assert.ok(n.entries > 0);
});
