import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import type { AdmissionView, Created, List, OccupancyReport, PersonView, PrisonerFile, Problem } from './api.js';
import { auth, fixture, newArrival, releaseThroughMovements, testApp, testDatabase } from './helpers.js';
import { assertHistoryConfidential } from './confidentiality-walk.js';

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);

async function admitVia(token: string, body: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: '/api/admissions', headers: auth(token), payload: body });
}

test('health answers 200 when the database is reachable, without authentication', async () => {
  const r = await app.inject({ url: '/health' });
  assert.equal(r.statusCode, 200);
  assert.equal(r.json<{ status: string }>().status, 'ok');
});

test('the OpenAPI document is served and describes the admission endpoint', async () => {
  const r = await app.inject({ url: '/api/openapi.json' });
  assert.equal(r.statusCode, 200);
  const doc = r.json<{ openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> }>();
  assert.equal(doc.openapi, '3.0.3');
  assert.ok(doc.paths['/api/admissions'].post.requestBody);
  assert.ok(doc.paths['/api/prisons/{prison}/population'].get);
});

test('every endpoint denies an unauthenticated request', async () => {
  for (const url of ['/api/prisons', '/api/occupancy', '/api/persons?q=ab', '/api/users', '/api/me']) {
    const r = await app.inject({ url });
    assert.equal(r.statusCode, 401, url);
    assert.equal(r.headers['content-type'], 'application/problem+json; charset=utf-8');
  }
  const bad = await app.inject({ url: '/api/prisons', headers: { authorization: 'Bearer pmis_not-a-token' } });
  assert.equal(bad.statusCode, 401);
});

test('an admission gets a committal number and a file with its legal basis and location', async () => {
  const r = await admitVia(fx.tokens['clerk.bko'], newArrival({ cell_id: fx.prisons.BKO.cells[0] }));
  assert.equal(r.statusCode, 201, r.body);
  const a = r.json<AdmissionView>();
  assert.match(a.committal_number, /^BKO-2026-\d{6}$/);
  assert.equal(a.legal_status, 'under_investigation');
  assert.equal(a.charges[0].terrorism_related, true);
  assert.equal(a.location!.cell_id, fx.prisons.BKO.cells[0]);
  const file = await app.inject({ url: `/api/persons/${a.person_id}`, headers: auth(fx.tokens['clerk.bko']) });
  assert.equal(file.statusCode, 200);
  assert.equal(file.json<PrisonerFile>().person.birth.precision, 'year');
  assert.equal(file.json<PrisonerFile>().person.birth.date, '1990');
  assert.equal(file.json<PrisonerFile>().admissions.length, 1);
});

test('a Koulikoro clerk can neither read nor write a Bamako detainee', async () => {
  const a = (
    await admitVia(fx.tokens['clerk.bko'], newArrival({ person: { ...newArrival().person, family_name: 'Coulibaly' } }))
  ).json<AdmissionView>();
  const read = await app.inject({ url: `/api/persons/${a.person_id}`, headers: auth(fx.tokens['clerk.klk']) });
  assert.equal(read.statusCode, 403);
  const write = await app.inject({
    method: 'PATCH',
    url: `/api/persons/${a.person_id}`,
    headers: auth(fx.tokens['clerk.klk']),
    payload: { changes: { occupation: 'farmer' }, reason: 'test', kind: 'update' },
  });
  assert.equal(write.statusCode, 403);
  const admitThere = await admitVia(fx.tokens['clerk.klk'], newArrival());
  assert.equal(admitThere.statusCode, 403);
  const pop = await app.inject({ url: `/api/prisons/BKO/population`, headers: auth(fx.tokens['clerk.klk']) });
  assert.equal(pop.statusCode, 403);
  const search = await app.inject({ url: `/api/persons?q=Coulibaly`, headers: auth(fx.tokens['clerk.klk']) });
  assert.equal(search.json<List<unknown>>().items.length, 0);
  const move = await app.inject({
    method: 'POST',
    url: `/api/admissions/${a.id}/end`,
    headers: auth(fx.tokens['clerk.klk']),
    payload: { reason: 'release' },
  });
  assert.equal(move.statusCode, 403);
  // Nor through the release checklist, the one way out.
  const check = await app.inject({
    method: 'POST',
    url: '/api/movements/releases',
    headers: auth(fx.tokens['clerk.klk']),
    payload: {
      admission_id: a.id,
      reason: 'end_of_sentence',
      justice_basis: 'Peine exécutée',
      identity_verified: true,
      photo_shown: false,
      fingerprints_taken: false,
    },
  });
  assert.equal(check.statusCode, 403);
});

test('roles are enforced: an auditor reads but cannot write; medical staff cannot admit', async () => {
  const read = await app.inject({ url: '/api/occupancy', headers: auth(fx.tokens.auditor) });
  assert.equal(read.statusCode, 200);
  const write = await admitVia(fx.tokens.auditor, newArrival());
  assert.equal(write.statusCode, 403);
  assert.equal((await admitVia(fx.tokens['medic.bko'], newArrival())).statusCode, 403);
  assert.equal((await app.inject({ url: '/api/users', headers: auth(fx.tokens['clerk.bko']) })).statusCode, 403);
});

test('validation errors name each bad field, in French by default and in English on request', async () => {
  const body = newArrival({
    person: { family_name: 'X', sex: 'male', birth: { precision: 'month', date: '1987-05-12' }, nina: '12' },
    arresting_authority: 'nobody',
  });
  const fr = await admitVia(fx.tokens['clerk.bko'], body);
  assert.equal(fr.statusCode, 422);
  assert.equal(fr.headers['content-type'], 'application/problem+json; charset=utf-8');
  const frFields = Object.fromEntries(fr.json<Problem>().errors!.map((e) => [e.field, e.message]));
  assert.equal(frFields['/arresting_authority'], 'Valeur inconnue « nobody » pour arresting_authority.');
  assert.equal(fr.json<Problem>().title, 'Les données envoyées ne sont pas valides.');
  const en = await app.inject({
    method: 'POST',
    url: '/api/admissions',
    headers: auth(fx.tokens['clerk.bko'], 'en-GB,en;q=0.9'),
    payload: { ...body, arresting_authority: 'police' },
  });
  const enFields = Object.fromEntries(en.json<Problem>().errors!.map((e) => [e.field, e.message]));
  assert.equal(enFields['/person/birth/date'], 'Month of birth as YYYY-MM.');
  assert.equal(enFields['/person/nina'], 'NINA: 8 to 20 digits or letters.');
  // Schema errors are localised too.
  const schemaErr = await app.inject({
    method: 'POST',
    url: '/api/admissions',
    headers: auth(fx.tokens['clerk.bko'], 'fr'),
    payload: { prison: 'BKO' },
  });
  assert.equal(schemaErr.statusCode, 422);
  const fields = schemaErr.json<Problem>().errors!.map((e) => e.field);
  assert.ok(
    fields.includes('/arresting_authority') && fields.includes('/legal_document') && fields.includes('/charges'),
  );
  assert.equal(
    schemaErr.json<Problem>().errors!.find((e) => e.field === '/charges')!.message,
    'Ce champ est obligatoire.',
  );
});

test('nothing is half-written when an admission fails', async () => {
  const count = async () =>
    (
      await database.pool.query<{ p: number; a: number; c: number }>(
        'SELECT (SELECT count(*) FROM person)::int AS p, (SELECT count(*) FROM admission)::int AS a, (SELECT count(*) FROM change_log)::int AS c',
      )
    ).rows[0];
  const before = await count();
  // The person is valid but the cell belongs to another prison: the whole admission is refused.
  const r = await admitVia(
    fx.tokens['clerk.bko'],
    newArrival({ person: { ...newArrival().person, family_name: 'Sidibé' }, cell_id: fx.prisons.KLK.cells[0] }),
  );
  assert.equal(r.statusCode, 422);
  assert.equal(r.json<Problem>().errors![0].field, '/cell_id');
  assert.deepEqual(await count(), before);
});

test('a full cell: refused to a clerk unless the director has delegated exceeding capacity; the reason is kept on the placement', async () => {
  const cell = fx.prisons.BKO.cells[2];
  for (const name of ['Diarra', 'Keïta'])
    assert.equal(
      (
        await admitVia(
          fx.tokens['clerk.bko'],
          newArrival({ person: { ...newArrival().person, family_name: name }, cell_id: cell }),
        )
      ).statusCode,
      201,
    );
  const touré = newArrival({
    person: { ...newArrival().person, family_name: 'Touré' },
    cell_id: cell,
    over_capacity_reason: 'Aucune cellule libre',
  });
  // By default, exceeding capacity is not delegated: the clerk's reason is not enough.
  const full = await admitVia(fx.tokens['clerk.bko'], touré);
  assert.equal(full.statusCode, 422);
  assert.deepEqual(
    full.json<Problem>().errors!.map((e) => [e.field, e.code]),
    [['/cell_id', 'housing.refused.capacity']],
  );
  // The director records a standing delegation (capacity only), with a reason.
  const d = await app.inject({
    method: 'PUT',
    url: '/api/prisons/BKO/capacity-delegation',
    headers: auth(fx.tokens['director.bko']),
    payload: {
      delegated: true,
      reason: 'Surpopulation chronique : les agents d’écrou peuvent dépasser la capacité en motivant chaque placement',
    },
  });
  assert.equal(d.statusCode, 200, d.body);
  const delegation = d.json<{ delegated: boolean; current: { id: string } }>();
  assert.equal(delegation.delegated, true);
  // Without a reason for this placement, still refused — the field to give is named.
  const noReason = await admitVia(fx.tokens['clerk.bko'], { ...touré, over_capacity_reason: null });
  assert.equal(noReason.json<Problem>().errors![0].field, '/over_capacity_reason');
  const ok = await admitVia(fx.tokens['clerk.bko'], touré);
  assert.equal(ok.statusCode, 201, ok.body);
  assert.equal(ok.json<AdmissionView>().placements[0].over_capacity_reason, 'Aucune cellule libre');
  assert.deepEqual(ok.json<AdmissionView>().placements[0].overridden, ['capacity']);
  const row = (
    await database.pool.query<{ capacity_delegation_id: string }>(
      `SELECT capacity_delegation_id, override_by FROM placement WHERE admission_id = $1`,
      [ok.json<Created>().id],
    )
  ).rows[0];
  assert.equal(row.capacity_delegation_id, delegation.current.id);
  // A clerk may not set the delegation; the director ends it, and the clerk is refused again.
  assert.equal(
    (
      await app.inject({
        method: 'PUT',
        url: '/api/prisons/BKO/capacity-delegation',
        headers: auth(fx.tokens['clerk.bko']),
        payload: { delegated: false, reason: 'x' },
      })
    ).statusCode,
    403,
  );
  assert.equal(
    (
      await app.inject({
        method: 'PUT',
        url: '/api/prisons/BKO/capacity-delegation',
        headers: auth(fx.tokens['director.bko']),
        payload: { delegated: false, reason: 'Cellules du bâtiment B rouvertes' },
      })
    ).json<{ delegated: boolean }>().delegated,
    false,
  );
  assert.equal(
    (await admitVia(fx.tokens['clerk.bko'], { ...touré, person: { ...newArrival().person, family_name: 'Sanogo' } }))
      .statusCode,
    422,
  );
});

test('committal numbers stay unique under concurrent admissions', async () => {
  const results = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      admitVia(
        fx.tokens['clerk.klk'],
        newArrival({ prison: 'KLK', person: { ...newArrival().person, family_name: `Concurrent${i}` } }),
      ),
    ),
  );
  for (const r of results) assert.equal(r.statusCode, 201, r.body);
  const numbers = results.map((r) => r.json<AdmissionView>().committal_number);
  assert.equal(new Set(numbers).size, 30);
  const seqs = numbers.map((n) => Number(n.split('-')[2])).sort((a, b) => a - b);
  assert.deepEqual(
    seqs,
    Array.from({ length: 30 }, (_, i) => seqs[0] + i),
    'no gaps: the counter advanced once per admission',
  );
});

test('history keeps who, when, what and why on update and on correction', async () => {
  const a = (
    await admitVia(
      fx.tokens['clerk.bko'],
      newArrival({ person: { ...newArrival().person, family_name: 'Dembélé', occupation: 'farmer' } }),
    )
  ).json<AdmissionView>();
  const upd = await app.inject({
    method: 'PATCH',
    url: `/api/persons/${a.person_id}`,
    headers: auth(fx.tokens['clerk.bko']),
    payload: { changes: { marital_status: 'married' }, reason: 'Déclaré à l’entretien social', kind: 'update' },
  });
  assert.equal(upd.statusCode, 200, upd.body);
  const cor = await app.inject({
    method: 'PATCH',
    url: `/api/persons/${a.person_id}`,
    headers: auth(fx.tokens['director.bko']),
    payload: {
      changes: { family_name: 'Dembele', birth: { precision: 'exact', date: '1990-04-02' } },
      reason: 'Erreur de saisie : voir la carte NINA',
      kind: 'correction',
      version: upd.json<PersonView>().version,
    },
  });
  assert.equal(cor.statusCode, 200, cor.body);
  assert.equal(cor.json<PersonView>().family_name, 'Dembele');
  // A stale version is refused.
  const stale = await app.inject({
    method: 'PATCH',
    url: `/api/persons/${a.person_id}`,
    headers: auth(fx.tokens['director.bko']),
    payload: { changes: { occupation: 'trader' }, reason: 'x', kind: 'update', version: 1 },
  });
  assert.equal(stale.statusCode, 409);
  const h = await app.inject({ url: `/api/persons/${a.person_id}/history`, headers: auth(fx.tokens['auditor']) });
  assert.equal(h.statusCode, 200);
  const items = h.json<
    List<{
      action: string;
      actor: string;
      reason: string;
      before: Record<string, unknown>;
      after: Record<string, unknown>;
      at: string;
    }>
  >().items;
  assert.deepEqual(
    items.map((i) => i.action),
    ['create', 'create', 'update', 'correction'],
  );
  const correction = items[3];
  assert.equal(correction.actor, 'director.bko');
  assert.equal(correction.reason, 'Erreur de saisie : voir la carte NINA');
  assert.equal(correction.before.familyName, 'Dembélé', 'the old value is kept');
  assert.equal(correction.after.familyName, 'Dembele');
  assert.equal(correction.before.birthPrecision, 'year');
  assert.equal(items[2].after.maritalStatus, 'married');
  // Nothing is hard-deleted, even by SQL: the app role may not, and the owner is stopped by a trigger.
  await assert.rejects(database.pool.query('DELETE FROM person WHERE id = $1', [a.person_id]), /permission denied/);
  const owner = new pg.Client({ connectionString: database.ownerUrl });
  await owner.connect();
  try {
    await assert.rejects(owner.query('DELETE FROM person WHERE id = $1', [a.person_id]), /never deleted/);
  } finally {
    await owner.end();
  }
});

test('occupancy and congestion per cell, unit, prison and nationally, today and at a past date', async () => {
  const db = await testDatabase();
  const app2 = await testApp(db);
  const f = await fixture(db);
  const admitAt = async (name: string, at: string, cell: string) =>
    (
      await app2.inject({
        method: 'POST',
        url: '/api/admissions',
        headers: auth(f.tokens.admin),
        payload: newArrival({
          person: { ...newArrival().person, family_name: name },
          admitted_at: at,
          cell_id: cell,
          over_capacity_reason: 'test',
          legal_document: { ...newArrival().legal_document, issued_on: at.slice(0, 10) },
        }),
      })
    ).json<AdmissionView>();
  const a1 = await admitAt('Un', '2025-01-10T10:00:00Z', f.prisons.BKO.cells[0]);
  await admitAt('Deux', '2025-02-10T10:00:00Z', f.prisons.BKO.cells[0]);
  const a3 = await admitAt('Trois', '2025-03-10T10:00:00Z', f.prisons.BKO.cells[1]);
  // One released on 2025-04-01, one moved on 2025-05-01.
  const freed = await releaseThroughMovements(db, f, a1.id, { releasedAt: '2025-04-01T08:00:00Z', basis: 'Mainlevée' });
  assert.equal(freed.state, 'released');
  const mv = await app2.inject({
    method: 'POST',
    url: `/api/admissions/${a3.id}/move`,
    headers: auth(f.tokens['director.bko']),
    payload: { cell_id: f.prisons.BKO.cells[2], reason: 'Séparation', at: '2025-05-01T08:00:00Z' },
  });
  assert.equal(mv.statusCode, 200, mv.body);
  const occ = async (date?: string) =>
    (
      await app2.inject({ url: `/api/occupancy${date ? `?date=${date}` : ''}`, headers: auth(f.tokens.admin) })
    ).json<OccupancyReport>();
  const cellPop = (
    o: { prisons: { code: string; units: { cells: { id: string; population: number }[] }[] }[] },
    id: string,
  ) => o.prisons.find((p) => p.code === 'BKO')!.units[0].cells.find((c) => c.id === id)!.population;

  const feb = await occ('2025-02-15');
  const bko = feb.prisons.find((p) => p.code === 'BKO')!;
  assert.equal(bko.population, 2);
  assert.equal(bko.congestion_rate, 0.5); // 2 / 400
  assert.equal(cellPop(feb, f.prisons.BKO.cells[0]), 2);
  assert.equal(bko.units[0].cells[0].congestion_rate, 100);
  assert.equal(bko.units[0].capacity, 6);

  const mar = await occ('2025-03-31');
  assert.equal(mar.national.population, 3);
  assert.equal(mar.national.capacity, 600);
  assert.equal(mar.national.congestion_rate, 0.5);
  const apr = await occ('2025-04-15');
  assert.equal(apr.national.population, 2);
  assert.equal(cellPop(apr, f.prisons.BKO.cells[0]), 1);
  assert.equal(cellPop(apr, f.prisons.BKO.cells[1]), 1);
  const may = await occ('2025-05-02');
  assert.equal(cellPop(may, f.prisons.BKO.cells[1]), 0);
  assert.equal(cellPop(may, f.prisons.BKO.cells[2]), 1);
  const early = await occ('2024-12-31');
  assert.equal(early.national.population, 0);
  assert.equal((await occ()).national.population, 2);
  // The population list at a past date agrees.
  const list = await app2.inject({
    url: '/api/prisons/BKO/population?date=2025-03-31',
    headers: auth(f.tokens.admin),
  });
  assert.equal(list.json<List<unknown>>().total, 3);
});

test('an unknown capacity is shown as unknown, never as zero', async () => {
  const r = await app.inject({
    method: 'POST',
    url: '/api/prisons',
    headers: auth(fx.tokens.admin),
    payload: {
      code: 'KNB',
      name: 'Kénièroba',
      kind: 'detention_centre',
      region_code: 'KOULIKORO',
      official_capacity: null,
    },
  });
  assert.equal(r.statusCode, 201, r.body);
  const o = (await app.inject({ url: '/api/occupancy', headers: auth(fx.tokens.admin) })).json<OccupancyReport>();
  const knb = o.prisons.find((p) => p.code === 'KNB')!;
  assert.equal(knb.capacity, null);
  assert.equal(knb.congestion_rate, null);
  assert.equal(o.national.capacity, null);
  assert.equal(o.national.prisons_with_unknown_capacity, 1);
  assert.equal(o.national.capacity_known_part, 600);
  assert.notEqual(o.national.congestion_rate_known_part, null);
});

test('lists paginate', async () => {
  const r1 = await app.inject({
    url: '/api/prisons/KLK/population?page=1&page_size=10',
    headers: auth(fx.tokens['clerk.klk']),
  });
  const r4 = await app.inject({
    url: '/api/prisons/KLK/population?page=4&page_size=10',
    headers: auth(fx.tokens['clerk.klk']),
  });
  assert.equal(r1.json<List<unknown>>().items.length, 10);
  assert.equal(r1.json<List<unknown>>().total, 30);
  assert.equal(r4.json<List<unknown>>().items.length, 0);
  const bad = await app.inject({
    url: '/api/prisons/KLK/population?page_size=1000',
    headers: auth(fx.tokens['clerk.klk']),
  });
  assert.equal(bad.statusCode, 422);
  assert.equal(bad.json<Problem>().errors![0].field, 'querystring:/page_size');
});

test('religion and ethnicity: only on request, only with the permission, and every access audited', async () => {
  const body = newArrival({
    person: { ...newArrival().person, family_name: 'Guindo', sensitive: { religion: 'islam', ethnicity: 'dogon' } },
  });
  // A clerk may not record them...
  assert.equal((await admitVia(fx.tokens['clerk.bko'], body)).statusCode, 403);
  // ...a director may.
  const a = await admitVia(fx.tokens['director.bko'], body);
  assert.equal(a.statusCode, 201, a.body);
  const personId = a.json<AdmissionView>().person_id;
  const plain = await app.inject({ url: `/api/persons/${personId}`, headers: auth(fx.tokens['director.bko']) });
  assert.equal(plain.json<PrisonerFile>().person.sensitive, undefined, 'not returned unless asked for');
  const clerk = await app.inject({
    url: `/api/persons/${personId}?include=sensitive`,
    headers: auth(fx.tokens['clerk.bko']),
  });
  assert.equal(clerk.statusCode, 403);
  const director = await app.inject({
    url: `/api/persons/${personId}?include=sensitive`,
    headers: auth(fx.tokens['director.bko']),
  });
  assert.deepEqual(director.json<PrisonerFile>().person.sensitive, { religion: 'islam', ethnicity: 'dogon' });
  const audit = (
    await database.pool.query<{ username: string; action: string }>(
      `SELECT u.username, x.action FROM access_audit x JOIN app_user u ON u.id = x.actor_id WHERE x.person_id = $1
        AND x.category = 'ethnicity_religion' ORDER BY x.at`,
      [personId],
    )
  ).rows;
  assert.deepEqual(audit, [
    { username: 'director.bko', action: 'write' },
    { username: 'director.bko', action: 'read' },
  ]);
  // The history says the person was created, without the sensitive values.
  const hist = await app.inject({ url: `/api/persons/${personId}/history`, headers: auth(fx.tokens.auditor) });
  assert.ok(!JSON.stringify(hist.json()).includes('dogon'));
});

test('family members, children and emergency contacts are part of the file (Mandela Rule 7)', async () => {
  const a = (
    await admitVia(fx.tokens['clerk.bko'], newArrival({ person: { ...newArrival().person, family_name: 'Tangara' } }))
  ).json<AdmissionView>();
  const r = await app.inject({
    method: 'POST',
    url: `/api/persons/${a.person_id}/relatives`,
    headers: auth(fx.tokens['clerk.bko']),
    payload: {
      relationship: 'child',
      full_name: 'Awa Tangara',
      birth_year: 2019,
      whereabouts: 'Mopti, chez sa grand-mère',
      custody: 'Grand-mère maternelle',
    },
  });
  assert.equal(r.statusCode, 201, r.body);
  await app.inject({
    method: 'POST',
    url: `/api/persons/${a.person_id}/relatives`,
    headers: auth(fx.tokens['clerk.bko']),
    payload: { relationship: 'spouse', full_name: 'Kadia Tangara', phone: '+223 70 00 00 00', emergency_contact: true },
  });
  const file = (
    await app.inject({ url: `/api/persons/${a.person_id}`, headers: auth(fx.tokens['clerk.bko']) })
  ).json<PrisonerFile>();
  assert.deepEqual(
    file.person.relatives.map((x) => [x.relationship, x.emergency_contact]),
    [
      ['child', false],
      ['spouse', true],
    ],
  );
  assert.equal(file.person.relatives[0].custody, 'Grand-mère maternelle');
  const bad = await app.inject({
    method: 'POST',
    url: `/api/persons/${a.person_id}/relatives`,
    headers: auth(fx.tokens['clerk.bko'], 'en'),
    payload: { relationship: 'cousin' },
  });
  assert.equal(bad.statusCode, 422);
  assert.ok(bad.json<Problem>().errors!.some((e) => e.field === '/full_name'));
  const other = await app.inject({
    method: 'POST',
    url: `/api/persons/${a.person_id}/relatives`,
    headers: auth(fx.tokens['clerk.klk']),
    payload: { relationship: 'spouse', full_name: 'X' },
  });
  assert.equal(other.statusCode, 403);
});

test('a prosecutor has no general read of the registry: partners go through the justice module', async () => {
  const { addUser, createToken } = await import('../src/modules/access/service.js');
  const u = await addUser(database.db, null, {
    username: 'parquet.c3',
    display_name: 'Parquet C3',
    password: 'a-long-password',
    roles: ['prosecutor'],
  });
  const { token } = await createToken(database.db, u.id);
  const a = (
    await admitVia(fx.tokens['clerk.bko'], newArrival({ person: { ...newArrival().person, family_name: 'Samaké' } }))
  ).json<AdmissionView>();
  assert.equal((await app.inject({ url: `/api/persons/${a.person_id}`, headers: auth(token) })).statusCode, 403);
  assert.equal((await app.inject({ url: `/api/prisons/BKO/population`, headers: auth(token) })).statusCode, 403);
  assert.equal((await app.inject({ url: `/api/persons?q=Samaké`, headers: auth(token) })).statusCode, 403);
});

test("no restricted field reaches a role without its permission (history walk over this file's flows)", async () => {
  const n = await assertHistoryConfidential(database, app, fx);
  assert.ok(n.entries > 0);
});
