/**
 * Words on the pages (issue 9 item 6, issue 12 item 4): a person committed for trial for a felony is
 * "accusé(e)", anyone else awaiting trial "prévenu(e)", by sex; "d'assassinat", never "de
 * Assassinat"; "taux d'occupation" under 100 %; "Sécurité d'État"; dates and numbers by locale.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auth, fixture, formLogin, newArrival, testApp, testDatabase } from './helpers.js';

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);

async function admit(over: Record<string, unknown>) {
  const r = await app.inject({
    method: 'POST',
    url: '/api/admissions',
    headers: auth(fx.tokens['clerk.bko']),
    payload: newArrival(over),
  });
  assert.equal(r.statusCode, 201, r.body);
  return r.json<{ id: string; person_id: string }>();
}
const committedForTrial = {
  kind: 'committal_for_trial',
  authority: "Chambre d'accusation de Bamako",
  reference: 'MA-2026-3',
  issued_on: '2026-03-09',
};
const accused = await admit({
  person: {
    family_name: 'Traoré',
    given_names: 'Aminata',
    sex: 'female',
    birth: { precision: 'month', date: '1990-03' },
  },
  legal_document: committedForTrial,
  charges: [{ qualification: 'Assassinat', category: 'felony' }],
});
const defendant = await admit({
  person: {
    family_name: 'Coulibaly',
    given_names: 'Modibo',
    sex: 'male',
    birth: { precision: 'exact', date: '1985-07-14' },
  },
  legal_document: { ...committedForTrial, reference: 'OR-2026-4', authority: 'Juge d’instruction, TGI Commune III' },
  charges: [{ qualification: 'Escroquerie', category: 'misdemeanour' }],
});

const page = async (url: string, lang: 'fr' | 'en') => {
  const { cookie } = await formLogin(app, 'clerk.bko', { lang });
  const r = await app.inject({ url, headers: { cookie } });
  assert.equal(r.statusCode, 200, r.body.slice(0, 300));
  return r.body;
};

test('a woman committed for trial for a felony is "accusée"; a man awaiting trial for a misdemeanour "prévenu"', async () => {
  const fr = await page(`/people/${accused.person_id}`, 'fr');
  assert.match(fr, /Accusée, en attente de jugement \(cour d&#39;assises\)/);
  assert.match(fr, /poursuivi\(e\) pour assassinat/, 'the offence in running text, lower-cased');
  assert.doesNotMatch(fr, /Prévenu\(e\) ou accusé\(e\)/);
  assert.doesNotMatch(fr, /terroris/i);
  const en = await page(`/people/${accused.person_id}`, 'en');
  assert.match(en, /Untried, committed for trial at the assize court/);
  const m = await page(`/people/${defendant.person_id}`, 'fr');
  assert.match(m, /Prévenu, en attente de jugement/);
  assert.doesNotMatch(m, /Accusé/);
  // The home page's list of the people held says the same.
  const home = await page('/', 'fr');
  assert.match(home, /Accusée, en attente de jugement/);
  assert.match(home, /Prévenu, en attente de jugement/);
});

test('dates by locale in Bamako time; birth dates with their precision', async () => {
  const fr = await page(`/people/${accused.person_id}`, 'fr');
  assert.match(fr, /10\/03\/2026 à 09:30/);
  assert.match(fr, /<dd>mars 1990<\/dd>/);
  const en = await page(`/people/${accused.person_id}`, 'en');
  assert.match(en, /10 March 2026 at 09:30/);
  assert.match(en, /<dd>March 1990<\/dd>/);
  assert.doesNotMatch(en, /10\/03\/2026/);
  assert.match(await page(`/people/${defendant.person_id}`, 'en'), /<dd>14 July 1985<\/dd>/);
});

test('"taux d\'occupation" under 100 %, written by locale; "taux de surpopulation" only above', async () => {
  // BKO: 400 places, 2 held: 0.5 %.
  const fr = await page('/', 'fr');
  assert.match(fr, /Taux d&#39;occupation<\/dt><dd>0,5\u202f%<\/dd>/);
  assert.doesNotMatch(fr, /Taux de surpopulation/);
  assert.match(await page('/', 'en'), /Occupancy rate<\/dt><dd>0.5%<\/dd>/);
  // KLK made overcrowded: 1 place for 2 people.
  const cap = await app.inject({
    method: 'POST',
    url: '/api/prisons/KLK/capacity',
    headers: auth(fx.tokens.admin),
    payload: {
      official_capacity: 1,
      effective_from: '2026-01-01',
      reason: 'Inspection : une seule cellule utilisable',
    },
  });
  assert.equal(cap.statusCode, 201, cap.body);
  for (const family_name of ['Diallo', 'Sangaré']) {
    const r = await app.inject({
      method: 'POST',
      url: '/api/admissions',
      headers: auth(fx.tokens['clerk.klk']),
      payload: newArrival({
        prison: 'KLK',
        person: { family_name, given_names: 'Ali', sex: 'male', birth: { precision: 'year', date: '1980' } },
      }),
    });
    assert.equal(r.statusCode, 201, r.body);
  }
  const { cookie } = await formLogin(app, 'clerk.klk', { lang: 'fr' });
  const klk = (await app.inject({ url: '/', headers: { cookie } })).body;
  assert.match(klk, /Taux de surpopulation<\/dt><dd><span class="over">200\u202f%<\/span><\/dd>/);
});

test('"Sécurité d\'État" keeps its apostrophe in the reference data', async () => {
  const r = await database.pool.query<{ label_fr: string }>(
    `SELECT label_fr FROM reference_code WHERE kind = 'arresting_authority' AND code = 'state_security'`,
  );
  assert.equal(r.rows[0]?.label_fr, "Sécurité d'État");
});
