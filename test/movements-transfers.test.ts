/**
 * Transfers between prisons (issue 13, item 1) through the API: a transfer from Bamako to Kénièroba
 * keeps the file (identity, titles, assessments) and links the admissions, with the property signed
 * out and in; a person in transit is in neither prison's cells but visible to both; the directors'
 * decisions and the national one; cancel; the family notice; refusals as field errors.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeActor } from '../src/core/access.js';
import { addUser, createToken, login } from '../src/modules/access/service.js';
import { createCell, createPrison, createUnit } from '../src/modules/estate/service.js';
import { auth, fixture, newArrival, testApp, testDatabase } from './helpers.js';

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);
const db = database.db;

// Kénièroba, the receiving prison, with its own staff.
const knb = await createPrison(db, null, {
  code: 'KNB',
  name: 'Centre de détention de Kénièroba',
  kind: 'central_prison',
  region_code: 'KOULIKORO',
  official_capacity: 2500,
});
const knbUnit = await createUnit(db, null, knb.id, { code: 'A', name: 'Bâtiment A' });
const knbCell = (await createCell(db, null, knb.id, { unit_id: knbUnit.id, code: 'A-01', capacity: 4 })).id;
const tokens: Record<string, string> = { ...fx.tokens };
for (const [username, role] of [
  ['director.knb', 'prison_director'],
  ['clerk.knb', 'registry_clerk'],
] as const) {
  const u = await addUser(db, null, {
    username,
    display_name: username,
    password: 'correct horse battery',
    roles: [role],
    national: false,
    prisons: ['KNB'],
  });
  tokens[username] = (await createToken(db, u.id)).token;
}
void makeActor;

const call = async (token: string, method: 'GET' | 'POST', url: string, payload?: unknown, lang = 'fr') =>
  app.inject({ method, url, headers: auth(tokens[token], lang), ...(payload ? { payload: payload as object } : {}) });
const ok = async (token: string, method: 'GET' | 'POST', url: string, payload?: unknown, status = 200) => {
  const r = await call(token, method, url, payload);
  assert.equal(r.statusCode, status, `${method} ${url}: ${r.body}`);
  return r.json();
};

/** A person received at Bamako through the full reception (the registry inventory is the property). */
async function receivedAtBamako(family_name: string, cell: string) {
  const rec = await ok(
    'security.bko',
    'POST',
    '/api/receptions',
    {
      prison: 'BKO',
      arresting_authority: 'gendarmerie',
      warrant_name: family_name,
      nothing_shared: true,
    },
    201,
  );
  const arrival = newArrival({ person: { ...newArrival().person, family_name } });
  await ok('security.bko', 'POST', `/api/receptions/${rec.id}/steps/security`, {
    rules_explained: true,
    rules_language: 'bm',
    cell_id: cell,
    body_search_done: true,
  });
  const adm = await ok('clerk.bko', 'POST', `/api/receptions/${rec.id}/steps/administration`, {
    person: arrival.person,
    photo_taken: true,
    fingerprints: 'refused',
    fingerprints_reason: 'Refus de la personne',
    warrant_scanned: true,
    legal_document: arrival.legal_document,
    charges: arrival.charges,
  });
  await ok('clerk.bko', 'POST', `/api/receptions/${rec.id}/steps/registry`, {
    items: [{ item: 'Boubou', quantity: 2 }],
    money: [{ amount: 15000, currency: 'XOF' }],
    id_documents: [{ kind: 'Carte NINA' }],
    phones: [{ description: 'Nokia' }],
  });
  return { admissionId: adm.admission_id as string, personId: adm.person_id as string };
}

const inCells = async (token: string, prison: string, personId: string) => {
  const pop = await ok(token, 'GET', `/api/prisons/${prison}/population?page_size=200`);
  return (pop.items as { person_id: string }[]).some((x) => x.person_id === personId);
};

test('Bamako → Kénièroba: decided by both directors, listed, left, in transit for both, received on the same file', async () => {
  const p = await receivedAtBamako('Traoré', fx.prisons.BKO.cells[0]);
  assert.ok(p.admissionId, 'the reception admitted the person');
  // A later title (an extension order) and an assessment in Bamako.
  await ok(
    'clerk.bko',
    'POST',
    `/api/justice/admissions/${p.admissionId}/titles`,
    {
      kind: 'extension_order',
      authority_kind: 'investigating_judge',
      authority: 'Juge d’instruction, Pôle judiciaire spécialisé',
      reference: 'PROL-2026-007',
      issued_on: '2026-07-01',
    },
    201,
  );
  const instruments = (await ok('director.bko', 'GET', '/api/assessment-instruments')).items as { code: string }[];
  const assessment = await ok(
    'director.bko',
    'POST',
    `/api/admissions/${p.admissionId}/assessments`,
    {
      instrument: instruments[0].code,
    },
    201,
  );

  // Request by the registry; the receiving director cannot decide for Bamako, the national level not yet.
  const t = await ok(
    'clerk.bko',
    'POST',
    '/api/transfers',
    {
      admission_id: p.admissionId,
      to_prison: 'KNB',
      reason: 'congestion',
      note: 'Désengorgement : détenus à faible risque',
    },
    201,
  );
  assert.equal(t.state, 'requested');
  assert.equal(t.from_prison.code, 'BKO');
  assert.equal(t.to_prison.code, 'KNB');
  assert.equal(
    (await call('clerk.bko', 'POST', `/api/transfers/${t.id}/decision`, { decision: 'approved', reason: 'x' }))
      .statusCode,
    403,
  );
  assert.equal(
    (await call('admin', 'POST', `/api/transfers/${t.id}/decision`, { decision: 'approved', reason: 'x' })).statusCode,
    409,
  );
  // The same person cannot be put on a second transfer.
  const again = await call('clerk.bko', 'POST', '/api/transfers', {
    admission_id: p.admissionId,
    to_prison: 'KLK',
    reason: 'security',
  });
  assert.equal(again.statusCode, 422);
  assert.deepEqual(
    again.json().errors.map((e: { field: string }) => e.field),
    ['/admission_id'],
  );

  await ok('director.bko', 'POST', `/api/transfers/${t.id}/decision`, {
    decision: 'approved',
    reason: 'Surpopulation à Bamako',
  });
  const both = await ok('director.knb', 'POST', `/api/transfers/${t.id}/decision`, {
    decision: 'approved',
    reason: 'Places disponibles',
  });
  assert.equal(both.state, 'approved');
  assert.equal(both.sending.by.name, 'director.bko');
  assert.equal(both.receiving.by.name, 'director.knb');

  // The vehicle, its escort and its list; the departure ends the Bamako admission (reason transfer).
  const convoy = await ok(
    'security.bko',
    'POST',
    '/api/transfer-convoys',
    {
      to_prison: 'KNB',
      escort_force: 'Garde nationale',
      vehicle: 'Camion Renault, AB-1234-MD',
      officers: 'Sergent-chef Diarra, caporal Koné',
      planned_departure_at: '2026-12-01T06:00:00Z',
      transfer_ids: [t.id],
    },
    201,
  );
  assert.deepEqual(convoy.transfer_ids, [t.id]);
  // The family is told (Rule 68).
  await ok(
    'clerk.bko',
    'POST',
    `/api/transfers/${t.id}/family-notices`,
    {
      notified: true,
      relative: 'Awa Traoré (épouse)',
      method: 'phone',
    },
    201,
  );
  const unsigned = await call('clerk.bko', 'POST', `/api/transfer-convoys/${convoy.id}/departure`, {
    property_signed_out: false,
  });
  assert.equal(unsigned.statusCode, 422);
  const left = await ok('clerk.bko', 'POST', `/api/transfer-convoys/${convoy.id}/departure`, {
    property_signed_out: true,
  });
  const onRoad = left.transfers[0];
  assert.equal(onRoad.state, 'in_transit');
  assert.equal(onRoad.property_out.by.name, 'clerk.bko');
  assert.deepEqual(onRoad.property.items, [{ item: 'Boubou', quantity: 2, description: null }]);
  assert.deepEqual(onRoad.property.money, [{ amount: 15000, currency: 'XOF' }]);
  assert.equal(onRoad.notices[0].relative, 'Awa Traoré (épouse)');

  // In transit: in neither prison's cells, on both prisons' boards.
  assert.equal(await inCells('clerk.bko', 'BKO', p.personId), false);
  assert.equal(await inCells('clerk.knb', 'KNB', p.personId), false);
  const bkoBoard = await ok('clerk.bko', 'GET', '/api/transfers/in-transit?prison=BKO');
  const knbBoard = await ok('clerk.knb', 'GET', '/api/transfers/in-transit?prison=KNB');
  assert.deepEqual(
    bkoBoard.leaving.map((x: { person: { id: string } }) => x.person.id),
    [p.personId],
  );
  assert.deepEqual(
    knbBoard.arriving.map((x: { person: { id: string } }) => x.person.id),
    [p.personId],
  );
  assert.equal(knbBoard.arriving[0].person.family_name, 'Traoré');
  assert.equal(
    (await call('clerk.klk', 'GET', `/api/transfers/${t.id}`)).statusCode,
    403,
    'a third prison does not see it',
  );
  const oldAdmission = await ok('clerk.bko', 'GET', `/api/admissions/${p.admissionId}`);
  assert.equal(oldAdmission.end_reason, 'transfer');
  assert.equal(oldAdmission.transfer_to_prison_id, knb.id);

  // Arrival: the three checks are required; then a new admission at Kénièroba on the same file.
  const unchecked = await call('clerk.knb', 'POST', `/api/transfers/${t.id}/arrival`, {
    security_check: true,
    medical_check: false,
    registry_check: true,
  });
  assert.equal(unchecked.statusCode, 422);
  assert.deepEqual(
    unchecked.json().errors.map((e: { field: string }) => e.field),
    ['/medical_check'],
  );
  assert.equal(
    (
      await call('clerk.bko', 'POST', `/api/transfers/${t.id}/arrival`, {
        security_check: true,
        medical_check: true,
        registry_check: true,
      })
    ).statusCode,
    403,
  );
  const arrived = await ok('clerk.knb', 'POST', `/api/transfers/${t.id}/arrival`, {
    security_check: true,
    medical_check: true,
    registry_check: true,
    property_discrepancies: 'Un boubou manquant',
    cell_id: knbCell,
  });
  assert.equal(arrived.state, 'arrived');
  assert.equal(arrived.property_in.by.name, 'clerk.knb');
  assert.equal(arrived.property_in.discrepancies, 'Un boubou manquant');
  assert.match(arrived.to_admission.committal_number, /^KNB-/);
  assert.equal(arrived.from_admission.id, p.admissionId, 'the new admission is linked to the previous one');

  const newAdmission = await ok('clerk.knb', 'GET', `/api/admissions/${arrived.to_admission.id}`);
  assert.equal(newAdmission.person_id, p.personId, 'the same person');
  assert.equal(newAdmission.prison_id, knb.id);
  assert.equal(newAdmission.location.cell_id, knbCell);
  assert.equal(await inCells('clerk.knb', 'KNB', p.personId), true);
  assert.equal(await inCells('clerk.bko', 'BKO', p.personId), false);
  // Identity kept.
  const file = await ok('clerk.knb', 'GET', `/api/persons/${p.personId}`);
  assert.equal(file.person.family_name, 'Traoré');
  // Titles follow the person: the Bamako extension order is on the Kénièroba admission's justice file.
  const justice = await ok('clerk.knb', 'GET', `/api/justice/admissions/${arrived.to_admission.id}`);
  const refs = (justice.titles as { reference: string }[]).map((x) => x.reference);
  assert.ok(refs.includes('PROL-2026-007'), refs.join(', '));
  assert.ok(refs.includes('MD-2026-014'), refs.join(', '));
  // The committal order the person was admitted on in Kénièroba (a copy of Bamako's) is one title, not two.
  assert.equal(refs.filter((x) => x === 'MD-2026-014').length, 1, refs.join(', '));
  // The latest assessment is visible from Kénièroba (the transfer opened the file).
  const assessments = (await ok('director.knb', 'GET', `/api/persons/${p.personId}/assessments`)).items as {
    id: string;
  }[];
  assert.ok(assessments.some((x) => x.id === assessment.id));
  assert.equal((await ok('director.knb', 'GET', `/api/assessments/${assessment.id}`)).id, assessment.id);
  // Off both boards now.
  assert.equal((await ok('clerk.knb', 'GET', '/api/transfers/in-transit?prison=KNB')).arriving.length, 0);
});

test('the directors disagree: the national administration decides; a cancelled transfer frees the person', async () => {
  const a = await ok(
    'clerk.bko',
    'POST',
    '/api/admissions',
    newArrival({ person: { ...newArrival().person, family_name: 'Keïta' }, cell_id: fx.prisons.BKO.cells[1] }),
    201,
  );
  const t = await ok(
    'clerk.bko',
    'POST',
    '/api/transfers',
    { admission_id: a.id, to_prison: 'KNB', reason: 'family_proximity' },
    201,
  );
  await ok('director.bko', 'POST', `/api/transfers/${t.id}/decision`, {
    decision: 'approved',
    reason: 'Famille à Kati',
  });
  const split = await ok('director.knb', 'POST', `/api/transfers/${t.id}/decision`, {
    decision: 'refused',
    reason: 'Plus de place',
  });
  assert.equal(split.state, 'escalated');
  assert.equal(
    (await call('director.knb', 'POST', `/api/transfers/${t.id}/decision`, { decision: 'approved', reason: 'x' }))
      .statusCode,
    409,
  );
  const decided = await ok('admin', 'POST', `/api/transfers/${t.id}/decision`, {
    decision: 'approved',
    reason: 'Rapprochement familial prioritaire',
  });
  assert.equal(decided.state, 'approved');
  assert.equal(decided.national.reason, 'Rapprochement familial prioritaire');
  // Cancelled before departure, with the reason; then a new request is possible.
  assert.equal((await call('clerk.bko', 'POST', `/api/transfers/${t.id}/cancel`, { reason: '' })).statusCode, 422);
  const cancelled = await ok('clerk.bko', 'POST', `/api/transfers/${t.id}/cancel`, {
    reason: 'Audience fixée à Bamako',
  });
  assert.equal(cancelled.state, 'cancelled');
  assert.equal(cancelled.cancelled.reason, 'Audience fixée à Bamako');
  assert.equal(
    (await call('clerk.bko', 'POST', `/api/transfers/${t.id}/cancel`, { reason: 'encore' })).statusCode,
    409,
  );
  assert.equal(await inCells('clerk.bko', 'BKO', a.person_id), true, 'still held in Bamako');
  await ok('clerk.bko', 'POST', '/api/transfers', { admission_id: a.id, to_prison: 'KLK', reason: 'security' }, 201);
});

test('refusals name the field in the user language: bad reason, same prison, unknown prison, family notice', async () => {
  const a = await ok(
    'clerk.bko',
    'POST',
    '/api/admissions',
    newArrival({ person: { ...newArrival().person, family_name: 'Sangaré' } }),
    201,
  );
  const bad = await call(
    'clerk.bko',
    'POST',
    '/api/transfers',
    { admission_id: a.id, to_prison: 'KNB', reason: 'punishment' },
    'en',
  );
  assert.equal(bad.statusCode, 422);
  assert.equal(bad.headers['content-type'], 'application/problem+json; charset=utf-8');
  assert.deepEqual(
    bad.json().errors.map((e: { field: string }) => e.field),
    ['/reason'],
  );
  const same = await call(
    'clerk.bko',
    'POST',
    '/api/transfers',
    { admission_id: a.id, to_prison: 'BKO', reason: 'security' },
    'en',
  );
  assert.equal(same.statusCode, 422);
  assert.equal(same.json().errors[0].message, 'The receiving prison must differ from the sending prison.');
  const unknown = await call('clerk.bko', 'POST', '/api/transfers', {
    admission_id: a.id,
    to_prison: 'XXX',
    reason: 'security',
  });
  assert.equal(unknown.json().errors[0].field, '/to_prison');
  // Another prison's detainee cannot be sent by this clerk.
  assert.equal(
    (await call('clerk.klk', 'POST', '/api/transfers', { admission_id: a.id, to_prison: 'KNB', reason: 'security' }))
      .statusCode,
    403,
  );
  const t = await ok(
    'clerk.bko',
    'POST',
    '/api/transfers',
    { admission_id: a.id, to_prison: 'KNB', reason: 'health' },
    201,
  );
  // Family notice only once decided, and it needs who and how — or why not.
  assert.equal(
    (await call('clerk.bko', 'POST', `/api/transfers/${t.id}/family-notices`, { notified: false, reason_not: 'x' }))
      .statusCode,
    409,
  );
  await ok('director.bko', 'POST', `/api/transfers/${t.id}/decision`, { decision: 'approved', reason: 'Soins' });
  await ok('director.knb', 'POST', `/api/transfers/${t.id}/decision`, { decision: 'approved', reason: 'Infirmerie' });
  const noWho = await call('clerk.bko', 'POST', `/api/transfers/${t.id}/family-notices`, { notified: true });
  assert.deepEqual(
    noWho.json().errors.map((e: { field: string }) => e.field),
    ['/relative', '/method'],
  );
  const badMethod = await call('clerk.bko', 'POST', `/api/transfers/${t.id}/family-notices`, {
    notified: true,
    relative: 'x',
    method: 'pigeon',
  });
  assert.deepEqual(
    badMethod.json().errors.map((e: { field: string }) => e.field),
    ['/method'],
  );
  const why = await ok(
    'clerk.knb',
    'POST',
    `/api/transfers/${t.id}/family-notices`,
    { notified: false, reason_not: 'Aucun proche joignable' },
    201,
  );
  assert.equal(why.notices[0].reason_not, 'Aucun proche joignable');
  assert.equal(why.notices[0].recorded_by.name, 'clerk.knb');
  // Departure needs a vehicle on the list; an empty list is refused.
  assert.equal(
    (
      await call('security.bko', 'POST', '/api/transfer-convoys', {
        to_prison: 'KNB',
        escort_force: 'GN',
        vehicle: 'V',
        officers: 'O',
        planned_departure_at: '2026-12-01T06:00:00Z',
        transfer_ids: [],
      })
    ).statusCode,
    422,
  );
});

async function who(username: string, lang: 'fr' | 'en') {
  const s = await login(db, username, 'correct horse battery', 2);
  const cookie = `pmis_session=${s.session}; pmis_lang=${lang}`;
  return {
    get: (url: string) => app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url: string, form: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: s.csrf, ...form }).toString(),
      }),
  };
}

test('the pages in French and English: request (a bad reason named on the form), decide, list, board, vehicle list', async () => {
  const a = await ok(
    'clerk.bko',
    'POST',
    '/api/admissions',
    newArrival({ person: { ...newArrival().person, family_name: 'Diallo' } }),
    201,
  );
  for (const lang of ['fr', 'en'] as const) {
    const clerk = await who('clerk.bko', lang);
    const form = await clerk.get('/movements/transfers/new?prison=BKO');
    assert.equal(form.statusCode, 200, form.body);
    assert.match(form.body, lang === 'fr' ? /Demander un transfèrement/ : /Request a transfer/);
    const bad = await clerk.post('/movements/transfers/new?prison=BKO', {
      admission_id: a.id,
      to_prison: 'KNB',
      reason: 'punishment',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, lang === 'fr' ? /Motif/ : /Reason/);
    assert.match(bad.body, /govuk-error-summary/);
  }
  const clerk = await who('clerk.bko', 'fr');
  const made = await clerk.post('/movements/transfers/new?prison=BKO', {
    admission_id: a.id,
    to_prison: 'KNB',
    reason: 'security',
  });
  assert.equal(made.statusCode, 303, made.body);
  const id = /\/movements\/transfers\/([0-9a-f-]{36})/.exec(made.headers.location as string)![1];
  const dir = await who('director.bko', 'en');
  const show = await dir.get(`/movements/transfers/${id}`);
  assert.equal(show.statusCode, 200);
  assert.match(show.body, /Give the decision/);
  assert.equal(
    (await dir.post(`/movements/transfers/${id}/decision`, { decision: 'approved', reason: 'Sécurité' })).statusCode,
    303,
  );
  const knb = await who('director.knb', 'fr');
  assert.equal(
    (await knb.post(`/movements/transfers/${id}/decision`, { decision: 'approved', reason: 'Accord' })).statusCode,
    303,
  );
  const sec = await who('security.bko', 'fr');
  const convoy = await sec.post('/movements/convoys/new?prison=BKO', {
    to_prison: 'KNB',
    transfer_ids: id,
    escort_force: 'Gendarmerie',
    vehicle: 'Toyota, AB-77',
    officers: 'Adjudant Sissoko',
    planned_departure_at: '2026-12-03T06:30',
  });
  assert.equal(convoy.statusCode, 303, convoy.body);
  for (const lang of ['fr', 'en'] as const) {
    const c = await who('clerk.bko', lang);
    const list = await c.get(convoy.headers.location as string);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Toyota, AB-77/);
    assert.match(list.body, /Diallo/);
    assert.match(list.body, lang === 'fr' ? /Liste de transfèrement/ : /Transfer list/);
    const all = await c.get('/movements/transfers?prison=BKO');
    assert.equal(all.statusCode, 200);
    assert.match(all.body, /Diallo/);
    const board = await c.get('/movements/transfers/board?prison=BKO');
    assert.equal(board.statusCode, 200);
    assert.match(board.body, lang === 'fr' ? /Personnes en route/ : /People in transit/);
  }
  // A third prison's clerk gets the refusal page.
  assert.equal((await (await who('clerk.klk', 'fr')).get(`/movements/transfers/${id}`)).statusCode, 403);
});
