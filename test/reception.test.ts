/** The reception process through the API (issue 3): handover, five steps, completion. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auth, fixture, newArrival, testApp, testDatabase } from './helpers.js';
import { assertHistoryConfidential } from './confidentiality-walk.js';
import type { Created, List, PrisonerFile, Problem, ReceptionView } from './api.js';

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);
const post = (token: string, url: string, payload: unknown, lang = 'fr') =>
  app.inject({ method: 'POST', url, headers: auth(token, lang), payload: payload as Record<string, unknown> });

const handover = {
  prison: 'BKO',
  arresting_authority: 'gendarmerie',
  officer_name: 'Adjudant Coulibaly',
  officer_unit: 'Camp I de la gendarmerie',
  warrant_name: 'Maïga Hamadoun',
  warrant_birth: 'vers 1990',
  warrant_region: 'MOPTI',
  warrant_charge: 'Association de malfaiteurs',
  warrant_reference: 'MD-2026-014',
  nothing_shared: true,
};
const arrival = newArrival();
const administration = {
  person: arrival.person,
  photo_taken: true,
  fingerprints: 'refused',
  fingerprints_reason: 'Refus de la personne',
  warrant_scanned: true,
  legal_document: arrival.legal_document,
  charges: arrival.charges,
};

test('a reception completed end to end: every step records who and when, the file gets its committal number', async () => {
  const r = await post(fx.tokens['security.bko'], '/api/receptions', handover);
  assert.equal(r.statusCode, 201, r.body);
  const id = r.json<Created>().id;
  assert.deepEqual(r.json<{ missing: string[] }>().missing, [
    'security',
    'administration',
    'registry',
    'medical',
    'interview',
  ]);
  assert.equal(
    (
      await post(fx.tokens['security.bko'], `/api/receptions/${id}/steps/security`, {
        rules_explained: true,
        rules_language: 'bm',
        cell_id: fx.prisons.BKO.cells[0],
        body_search_done: true,
        prohibited_items: [{ item: 'Couteau' }],
      })
    ).statusCode,
    200,
  );
  const adm = await post(fx.tokens['clerk.bko'], `/api/receptions/${id}/steps/administration`, administration);
  assert.equal(adm.statusCode, 200, adm.body);
  assert.match(adm.json<{ committal_number: string }>().committal_number, /^BKO-\d{4}-\d{6}$/);
  assert.equal(
    (
      await post(fx.tokens['clerk.bko'], `/api/receptions/${id}/steps/registry`, {
        items: [{ item: 'Boubou', quantity: 2 }],
        money: [{ amount: 15000, currency: 'XOF' }],
        id_documents: [{ kind: 'Carte NINA' }],
        phones: [{ description: 'Nokia' }],
      })
    ).statusCode,
    200,
  );
  assert.equal(
    (
      await post(fx.tokens['medic.bko'], `/api/receptions/${id}/steps/medical`, {
        visible_injuries: 'Ecchymoses aux poignets',
        ill_treatment_alleged: true,
        ill_treatment_account: 'Dit avoir été frappé pendant le transport',
        fitness: 'fit_with_care',
        referral: 'Infirmerie',
      })
    ).statusCode,
    200,
  );
  const early = await post(fx.tokens['clerk.bko'], `/api/receptions/${id}/complete`, {});
  assert.equal(early.statusCode, 422);
  assert.deepEqual(
    early.json<Problem>().errors!.map((e: { field: string; message: string }) => [e.field, e.message]),
    [['/steps/interview', "Étape manquante : entretien d'accueil."]],
  );
  const iv = await post(fx.tokens['director.bko'], `/api/receptions/${id}/steps/interview`, {
    interviewer: 'director',
    own_account: 'Dit avoir été recruté de force',
    education_level: 'koranic',
    occupation: 'herder',
    affiliation_declared: 'aucune',
    involvement: 'forced',
    reasons: ['coercion', 'protection'],
  });
  assert.equal(iv.statusCode, 200, iv.body);
  const done = await post(fx.tokens['clerk.bko'], `/api/receptions/${id}/complete`, {});
  assert.equal(done.statusCode, 200, done.body);
  assert.equal(done.json<Problem>().status, 'completed');
  assert.ok(done.json<ReceptionView>().steps.every((s) => s.done_by && s.done_at));
  // The person is in the population, in the cell chosen at the security office.
  const file = await app.inject({
    url: `/api/persons/${done.json<{ person_id: string }>().person_id}`,
    headers: auth(fx.tokens['clerk.bko']),
  });
  assert.equal(file.json<PrisonerFile>().admissions[0].location?.cell_id, fx.prisons.BKO.cells[0]);
  // The count of arrivals with nothing shared by the arresting force.
  const stats = await app.inject({
    url: '/api/receptions/statistics/nothing-shared?prison=BKO&from=2000-01-01&to=2100-01-01',
    headers: auth(fx.tokens['director.bko']),
  });
  assert.deepEqual(stats.json(), { receptions: 1, nothing_shared: 1 });

  // Medical findings: hidden from a clerk, complete for medical staff, the injury report for the director; reads audited.
  const clerk = await app.inject({
    url: `/api/receptions/${id}?include=medical`,
    headers: auth(fx.tokens['clerk.bko']),
  });
  assert.equal(clerk.json<ReceptionView>().medical, undefined);
  const medic = await app.inject({
    url: `/api/receptions/${id}?include=medical`,
    headers: auth(fx.tokens['medic.bko']),
  });
  assert.equal(medic.json<ReceptionView>().medical?.fitness, 'fit_with_care');
  const director = await app.inject({
    url: `/api/receptions/${id}?include=medical`,
    headers: auth(fx.tokens['director.bko']),
  });
  assert.equal(director.json<ReceptionView>().medical?.ill_treatment_alleged, true);
  assert.equal(director.json<ReceptionView>().medical?.fitness, undefined, 'the director sees the injury report only');
  const audit = (
    await database.pool.query<{ username: string; action: string; entity: string }>(
      `SELECT u.username, a.action, a.entity FROM access_audit a JOIN app_user u ON u.id = a.actor_id WHERE a.category = 'health'
        ORDER BY a.at`,
    )
  ).rows;
  assert.deepEqual(
    audit.map((x) => `${x.username} ${x.action} ${x.entity}`),
    [
      'medic.bko write reception_medical',
      'medic.bko read reception_medical',
      'director.bko read reception_medical.injury_report',
    ],
  );
  // Medical data never sits in the generic step data.
  assert.ok(!JSON.stringify(clerk.json()).includes('Ecchymoses'));
});

test('a step out of order needs a reason; roles and scope are enforced', async () => {
  const id = (
    await post(fx.tokens['security.bko'], '/api/receptions', {
      ...handover,
      nothing_shared: false,
      information_shared: 'Procès-verbal d’audition',
    })
  ).json<Created>().id;
  const noReason = await post(
    fx.tokens['medic.bko'],
    `/api/receptions/${id}/steps/medical`,
    { ill_treatment_alleged: false, fitness: 'fit' },
    'en',
  );
  assert.equal(noReason.statusCode, 422);
  assert.equal(noReason.json<Problem>().errors![0].field, '/out_of_order_reason');
  const withReason = await post(fx.tokens['medic.bko'], `/api/receptions/${id}/steps/medical`, {
    ill_treatment_alleged: false,
    fitness: 'fit',
    out_of_order_reason: 'Arrivé blessé : soins d’abord',
  });
  assert.equal(withReason.statusCode, 200, withReason.body);
  assert.equal(
    withReason.json<ReceptionView>().steps.find((s) => s.step === 'medical')?.out_of_order_reason,
    'Arrivé blessé : soins d’abord',
  );
  // A clerk may not record the medical check; a Koulikoro clerk may not touch a Bamako reception.
  assert.equal(
    (
      await post(fx.tokens['clerk.bko'], `/api/receptions/${id}/steps/security`, {
        rules_explained: true,
        body_search_done: true,
      })
    ).statusCode,
    403,
  );
  assert.equal(
    (await app.inject({ url: `/api/receptions/${id}`, headers: auth(fx.tokens['clerk.klk']) })).statusCode,
    403,
  );
  assert.equal(
    (await post(fx.tokens['clerk.klk'], `/api/receptions/${id}/steps/registry`, { out_of_order_reason: 'x' }))
      .statusCode,
    403,
  );
  // Nothing shared and something shared at once is refused.
  const both = await post(fx.tokens['security.bko'], '/api/receptions', { ...handover, information_shared: 'PV' });
  assert.equal(both.statusCode, 422);
  assert.equal(both.json<Problem>().errors![0].field, '/nothing_shared');
  // A failed administration step writes nothing (no person, no admission, no step).
  const before = (
    await database.pool.query<{ p: number; s: number }>(
      'SELECT (SELECT count(*) FROM person)::int AS p, (SELECT count(*) FROM reception_step)::int AS s',
    )
  ).rows[0];
  const bad = await post(fx.tokens['clerk.bko'], `/api/receptions/${id}/steps/administration`, {
    ...administration,
    out_of_order_reason: 'test',
    legal_document: { ...administration.legal_document, issued_on: '2099-01-01' },
  });
  assert.equal(bad.statusCode, 422);
  assert.deepEqual(
    (
      await database.pool.query(
        'SELECT (SELECT count(*) FROM person)::int AS p, (SELECT count(*) FROM reception_step)::int AS s',
      )
    ).rows[0],
    before,
  );
  // In the list of receptions in progress, with what each is missing.
  const list = await app.inject({ url: '/api/receptions?prison=BKO', headers: auth(fx.tokens['director.bko']) });
  assert.deepEqual(list.json<List<ReceptionView>>().items.find((x) => x.id === id)?.missing, [
    'security',
    'administration',
    'registry',
    'interview',
  ]);
});

test('reception pages: deny by default, both languages, under 150 KB each', async (t) => {
  const { login } = await import('../src/modules/access/service.js');
  const id = (await post(fx.tokens['security.bko'], '/api/receptions', handover)).json<Created>().id;
  assert.equal((await app.inject({ url: `/receptions/${id}` })).statusCode, 303, 'anonymous: to the login page');
  const { session } = await login(database.db, 'director.bko', 'correct horse battery', 1);
  const { session: klk } = await login(database.db, 'clerk.klk', 'correct horse battery', 1);
  assert.equal((await app.inject({ url: `/receptions/${id}`, cookies: { pmis_session: klk } })).statusCode, 403);
  for (const url of [
    '/receptions',
    '/receptions/new',
    `/receptions/${id}`,
    ...['security', 'administration', 'registry', 'interview'].map((s) => `/receptions/${id}/steps/${s}`),
  ]) {
    for (const lang of ['fr', 'en']) {
      const r = await app.inject({ url, cookies: { pmis_session: session, pmis_lang: lang } });
      assert.equal(r.statusCode, 200, `${url} ${lang}`);
      assert.match(r.body, new RegExp(`<html lang="${lang}"`));
      assert.ok(r.body.length < 150 * 1024, `${url}: ${r.body.length} bytes`);
      t.diagnostic(`${url.replace(id, ':id')} ${lang}: ${r.body.length} bytes`);
    }
  }
});

test("no restricted field reaches a role without its permission (history walk over this file's flows)", async () => {
  const n = await assertHistoryConfidential(database, app, fx, { pages: 3 });
  assert.ok(n.entries > 0);
});
