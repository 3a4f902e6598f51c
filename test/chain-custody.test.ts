/**
 * Custody before prison (issue 20, items 1 and 4): stages recorded at the handover and corrected
 * with the old value kept; police custody past its limit flagged and counted per force; the custody
 * days credited as remand in the release date; a person held with no committal order or judgment
 * after the set time alerted to the director and to the competent prosecutor; refusals.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bamakoDate } from '../src/core/dates.js';
import { addUser, createToken } from '../src/modules/access/service.js';
import { addDays, addPartnerMember, createJurisdiction } from '../src/modules/justice/index.js';
import { auth, fixture, formLogin, newArrival, testApp, testDatabase } from './helpers.js';

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);
const db = database.db;
const T = fx.tokens;
const today = bamakoDate();

const parquet = await createJurisdiction(db, null, {
  code: 'PARQ-C3',
  name: 'Parquet du tribunal de la Commune III',
  kind: 'prosecutor',
});
const pros = await addUser(db, null, {
  username: 'prosecutor.c3',
  display_name: 'prosecutor.c3',
  password: 'correct horse battery',
  roles: ['prosecutor'],
});
await addPartnerMember(db, null, parquet.id, 'prosecutor.c3');
T['prosecutor.c3'] = (await createToken(db, pros.id)).token;

const call = async (
  token: string,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: Record<string, unknown>,
  lang = 'fr',
) => app.inject({ method, url, headers: auth(token, lang), ...(payload === undefined ? {} : { payload }) });

const admitPerson = async (family_name: string, over: Record<string, unknown> = {}) => {
  const r = await call(T['clerk.bko'], 'POST', '/api/admissions', {
    ...newArrival({ person: { ...newArrival().person, family_name } }),
    ...over,
  });
  assert.equal(r.statusCode, 201, r.body);
  return r.json<{ id: string; person_id: string; committal_number: string }>();
};

interface Chain {
  stages: {
    id: string;
    force: string;
    to_at: string | null;
    unit: string | null;
    previous: { unit: string | null; to_at: string | null }[];
  }[];
  evaluation: {
    over: boolean;
    over_minutes: number;
    limit_minutes: number;
    credited_from: string | null;
    category: string;
    text: string;
  };
  without_charge: { alert: boolean; charged: boolean };
}

const d10 = addDays(today, -10);
// A: a garde à vue of five days at a gendarmerie brigade before a committal order: past its 48 hours.
const a = await admitPerson('Coulibaly', {
  admitted_at: `${d10}T10:00:00Z`,
  legal_document: { kind: 'committal_order', authority: 'Juge d’instruction', reference: 'MD-A', issued_on: d10 },
  charges: [{ qualification: 'Vol qualifié', category: 'felony' }],
});
// B: admitted convicted (six months from the day of admission), after four days in police custody.
const d30 = addDays(today, -30);
const b = await admitPerson('Dembélé', {
  admitted_at: `${d30}T09:00:00Z`,
  legal_document: {
    kind: 'conviction',
    authority: 'Tribunal de grande instance',
    reference: 'J-B',
    issued_on: d30,
    sentence: { months: 6 },
    sentence_start: d30,
  },
  charges: [{ qualification: 'Coups et blessures volontaires', category: 'misdemeanour' }],
});
// C: brought in on an arrest warrant five days ago; no committal order since.
const d5 = addDays(today, -5);
const c = await admitPerson('Sidibé', {
  admitted_at: `${d5}T08:00:00Z`,
  legal_document: { kind: 'arrest_warrant', authority: 'Pôle judiciaire spécialisé', reference: 'MA-C', issued_on: d5 },
});

const stage = (over: Record<string, unknown> = {}) => ({
  force: 'gendarmerie',
  unit: 'Brigade territoriale de Sévaré',
  place_kind: 'gendarmerie_brigade',
  place_name: 'Brigade de Sévaré',
  from_at: `${addDays(d10, -5)}T10:00:00Z`,
  legal_basis: 'garde_a_vue',
  document_reference: 'PV 112/BTS',
  ...over,
});

let aStage = '';
test('a garde à vue past its limit is flagged on the file and counted per force', async () => {
  const r = await call(T['clerk.bko'], 'POST', `/api/chain/custody/admissions/${a.id}/stages`, stage());
  assert.equal(r.statusCode, 201, r.body);
  const chain = r.json<Chain>();
  aStage = chain.stages[0].id;
  assert.equal(chain.evaluation.over, true);
  assert.equal(chain.evaluation.limit_minutes, 48 * 60);
  assert.equal(chain.evaluation.over_minutes, (5 * 24 - 48) * 60);
  assert.equal(chain.evaluation.category, 'ordinary');
  assert.match(chain.evaluation.text, /au-delà de sa limite/);
  const en = (
    await call(T['director.bko'], 'GET', `/api/chain/custody/admissions/${a.id}`, undefined, 'en')
  ).json<Chain>();
  assert.match(en.evaluation.text, /beyond its legal limit/);
  // Counted: the statistics and the partners' view read the breaches per force.
  const s = await call(T['director.bko'], 'GET', '/api/chain/custody/breaches?prison=BKO');
  assert.equal(s.statusCode, 200, s.body);
  const body = s.json<{ count: number; by_force: Record<string, number>; items: { admission_id: string }[] }>();
  assert.equal(body.count, 1);
  assert.equal(body.by_force.gendarmerie, 1);
  assert.equal(body.items[0].admission_id, a.id);
  // The prisoner file's page shows it.
  const { cookie } = await formLogin(app, 'director.bko');
  const page = await app.inject({ url: `/people/${a.person_id}`, headers: { cookie } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Garde à vue au-delà de sa limite légale/);
  const chainPage = await app.inject({ url: `/chain/admissions/${a.id}/custody`, headers: { cookie } });
  assert.equal(chainPage.statusCode, 200);
  assert.match(chainPage.body, /Brigade de Sévaré/);
});

test('terrorism: the longer limits (three extensions) apply when the stage says so', async () => {
  const r = await call(T['clerk.bko'], 'POST', `/api/chain/custody/stages/${aStage}/corrections`, {
    ...stage({ terrorism: true, extensions: 3, extension_reference: 'Procureur PJS, 3 ordonnances' }),
    reason: 'Le PV mentionne trois prolongations (terrorisme)',
  });
  assert.equal(r.statusCode, 200, r.body);
  const chain = r.json<Chain>();
  assert.equal(chain.evaluation.category, 'terrorism');
  assert.equal(chain.evaluation.limit_minutes, 192 * 60);
  assert.equal(chain.evaluation.over, false);
});

test('a correction keeps the old value; a corrected version cannot be corrected again', async () => {
  const before = (await call(T['clerk.bko'], 'GET', `/api/chain/custody/admissions/${a.id}`)).json<Chain>();
  const current = before.stages[0];
  const r = await call(T['director.bko'], 'POST', `/api/chain/custody/stages/${current.id}/corrections`, {
    ...stage({ unit: 'Brigade de recherches de Mopti', to_at: `${addDays(d10, -1)}T10:00:00Z` }),
    reason: 'Unité mal lue sur le PV',
  });
  assert.equal(r.statusCode, 200, r.body);
  const chain = r.json<Chain>();
  assert.equal(chain.stages.length, 1);
  assert.equal(chain.stages[0].unit, 'Brigade de recherches de Mopti');
  assert.equal(chain.stages[0].previous.length, 2);
  assert.equal(chain.stages[0].previous[0].unit, 'Brigade territoriale de Sévaré');
  assert.equal(chain.stages[0].previous[0].to_at, null);
  // The old version is not the one to correct.
  const again = await call(T['director.bko'], 'POST', `/api/chain/custody/stages/${current.id}/corrections`, {
    ...stage(),
    reason: 'again',
  });
  assert.equal(again.statusCode, 409);
  // The history keeps who, when, what and why.
  const h = await call(T['director.bko'], 'GET', `/api/people/${a.person_id}/history`);
  if (h.statusCode === 200) assert.match(h.body, /Unité mal lue sur le PV/);
});

test('pre-committal custody is credited in the release date (the release date moves by the custody days)', async () => {
  const file = async () =>
    (await call(T['director.bko'], 'GET', `/api/justice/admissions/${b.id}`)).json<{
      release: { release_on: string };
    }>().release.release_on;
  const without = await file();
  const r = await call(T['clerk.bko'], 'POST', `/api/chain/custody/admissions/${b.id}/stages`, {
    force: 'police',
    place_kind: 'police_station',
    place_name: 'Commissariat du 3e arrondissement',
    from_at: `${addDays(d30, -4)}T18:00:00Z`,
    to_at: `${d30}T08:00:00Z`,
    legal_basis: 'garde_a_vue',
    extensions: 1,
  });
  assert.equal(r.statusCode, 201, r.body);
  assert.equal(r.json<Chain>().evaluation.credited_from, addDays(d30, -4));
  const withCredit = await file();
  assert.equal(withCredit, addDays(without, -4));
  // The setting turns the credit off (assumed rule, configurable): the date goes back.
  const off = await call(T['admin'], 'PUT', '/api/chain/custody/settings', {
    without_charge_hours: 48,
    credit_custody: false,
    reason: 'Test',
  });
  assert.equal(off.statusCode, 200, off.body);
  assert.equal(await file(), without);
  await call(T['admin'], 'PUT', '/api/chain/custody/settings', {
    without_charge_hours: 48,
    credit_custody: true,
    reason: 'Test',
  });
  assert.equal(await file(), withCredit);
});

test('held without charge is alerted to the director and to the competent prosecutor, not for a committal order', async () => {
  const r = await call(T['clerk.bko'], 'POST', `/api/chain/custody/admissions/${c.id}/stages`, {
    force: 'state_security',
    place_kind: 'state_security',
    from_at: `${addDays(d5, -2)}T08:00:00Z`,
    to_at: `${d5}T07:00:00Z`,
    legal_basis: 'not_stated',
    prosecutor_jurisdiction_id: parquet.id,
  });
  assert.equal(r.statusCode, 201, r.body);
  assert.equal(r.json<Chain>().without_charge.alert, true);
  const dir = await call(T['director.bko'], 'GET', '/api/chain/custody/without-charge?prison=BKO');
  assert.equal(dir.statusCode, 200, dir.body);
  const ids = dir.json<{ items: { admission_id: string }[] }>().items.map((i) => i.admission_id);
  assert.deepEqual(ids, [c.id]);
  const p = await call(T['prosecutor.c3'], 'GET', '/api/chain/custody/partner/without-charge');
  assert.equal(p.statusCode, 200, p.body);
  assert.deepEqual(
    p.json<{ items: { admission_id: string }[] }>().items.map((i) => i.admission_id),
    [c.id],
  );
  // On both home pages, in French and in English.
  const director = await formLogin(app, 'director.bko', { lang: 'en' });
  const home = await app.inject({ url: '/?prison=BKO', headers: { cookie: director.cookie } });
  assert.equal(home.statusCode, 200);
  assert.match(home.body, /Held without charge \(1\)/);
  assert.match(home.body, /Sidibé/);
  const prosecutor = await formLogin(app, 'prosecutor.c3');
  const phome = await app.inject({ url: '/', headers: { cookie: prosecutor.cookie } });
  assert.equal(phome.statusCode, 200);
  assert.match(phome.body, /Détenus sans titre de poursuite \(1\)/);
  assert.match(phome.body, /Sidibé/);
});

test('refusals: out of scope, no right to write or correct, partners and staff kept to own lists; bad input names the field', async () => {
  assert.equal((await call(T['clerk.klk'], 'GET', `/api/chain/custody/admissions/${a.id}`)).statusCode, 403);
  assert.equal(
    (await call(T['medic.bko'], 'POST', `/api/chain/custody/admissions/${a.id}/stages`, stage())).statusCode,
    403,
  );
  assert.equal(
    (
      await call(T['security.bko'], 'POST', `/api/chain/custody/stages/${aStage}/corrections`, {
        ...stage(),
        reason: 'x',
      })
    ).statusCode,
    403,
  );
  assert.equal((await call(T['prosecutor.c3'], 'GET', `/api/chain/custody/admissions/${a.id}`)).statusCode, 403);
  assert.equal((await call(T['prosecutor.c3'], 'GET', '/api/chain/custody/without-charge?prison=BKO')).statusCode, 403);
  assert.equal((await call(T['director.bko'], 'GET', '/api/chain/custody/partner/without-charge')).statusCode, 403);
  assert.equal(
    (
      await call(T['clerk.bko'], 'PUT', '/api/chain/custody/settings', {
        without_charge_hours: 1,
        credit_custody: false,
        reason: 'x',
      })
    ).statusCode,
    403,
  );
  const bad = await call(T['clerk.bko'], 'POST', `/api/chain/custody/admissions/${a.id}/stages`, {
    ...stage({ force: 'martians', from_at: `${addDays(d10, 1)}T10:00:00Z` }),
  });
  assert.equal(bad.statusCode, 422, bad.body);
  const fields = bad
    .json<{ errors: { field: string }[] }>()
    .errors.map((e) => e.field)
    .sort();
  assert.deepEqual(fields, ['/force', '/from_at']);
  const enumBad = await call(
    T['clerk.bko'],
    'POST',
    `/api/chain/custody/admissions/${a.id}/stages`,
    stage({ place_kind: 'castle' }),
  );
  assert.equal(enumBad.statusCode, 422);
  assert.ok(enumBad.json<{ errors: { field: string }[] }>().errors.some((e) => e.field === '/place_kind'));
});

test('the stage form: a bad value is a field error on the page, a good one is recorded', async () => {
  const { cookie } = await formLogin(app, 'clerk.bko', { lang: 'en' });
  const form = await app.inject({ url: `/chain/admissions/${c.id}/custody/new`, headers: { cookie } });
  assert.equal(form.statusCode, 200, form.body);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
  const post = (payload: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url: `/chain/admissions/${c.id}/custody/new`,
      headers: { cookie },
      payload: { _csrf: csrf, ...payload },
    });
  const [y, mo, d] = addDays(d5, -3).split('-');
  const bad = await post({
    force: 'police',
    place_kind: 'castle',
    legal_basis: 'garde_a_vue',
    'from_at.day': d,
    'from_at.month': mo,
    'from_at.year': y,
    from_time: '09:00',
  });
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /Kind of place/);
  const ok = await post({
    force: 'police',
    place_kind: 'police_station',
    legal_basis: 'flagrante_delicto',
    'from_at.day': d,
    'from_at.month': mo,
    'from_at.year': y,
    from_time: '09:00',
    terrorism: '1',
  });
  assert.equal(ok.statusCode, 303, ok.body);
  const chain = (await call(T['clerk.bko'], 'GET', `/api/chain/custody/admissions/${c.id}`)).json<Chain>();
  assert.equal(chain.stages.length, 2);
});
