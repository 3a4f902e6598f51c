/** Issue 4 in the reception: an arrival spelled differently is linked to the earlier file. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { login } from '../src/modules/access/service.js';
import { auth, fixture, newArrival, releaseThroughMovements, testApp, testDatabase } from './helpers.js';
import type { Created, PrisonerFile } from './api.js';

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);

function form(csrf: string, over: Record<string, string> = {}) {
  return new URLSearchParams({
    _csrf: csrf,
    prison: 'BKO',
    'person.family_name': 'ag Intallah',
    'person.given_names': 'Mohammed',
    'person.sex': 'male',
    'person.birth.precision': 'year',
    'person.birth.date': '1985',
    'person.father_name': 'Intalla ag Attaher',
    arresting_authority: 'gendarmerie',
    'legal_document.kind': 'committal_order',
    'legal_document.authority': 'Pôle judiciaire spécialisé',
    'legal_document.reference': 'MD-2026-200',
    'legal_document.issued_on': '2026-10-01',
    'charges.0.qualification': 'Association de malfaiteurs',
    'charges.0.category': 'felony',
    ...over,
  }).toString();
}

test('the reception shows an earlier file under another spelling; the clerk links it and the file shows both admissions', async () => {
  // First admission at Koulikoro, later released.
  const first = await app.inject({
    method: 'POST',
    url: '/api/admissions',
    headers: auth(fx.tokens['clerk.klk']),
    payload: newArrival({
      prison: 'KLK',
      admitted_at: '2025-02-01T10:00:00Z',
      person: {
        family_name: 'Ag Intalla',
        given_names: 'Mohamed',
        sex: 'male',
        birth: { precision: 'year', date: '1985' },
        father_name: 'Intalla Ag Attaher',
      },
      legal_document: {
        kind: 'committal_order',
        authority: 'TGI Koulikoro',
        reference: 'MD-2025-7',
        issued_on: '2025-01-31',
      },
    }),
  });
  assert.equal(first.statusCode, 201, first.body);
  const released = await releaseThroughMovements(database, fx, first.json<Created>().id, {
    releasedAt: '2025-08-01T10:00:00Z',
  });
  assert.equal(released.state, 'released');

  const { session, csrf } = await login(database.db, 'clerk.bko', 'correct horse battery', 1);
  const cookies = { pmis_session: session };
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  // Submitting shows the candidates instead of creating a file.
  const shown = await app.inject({ method: 'POST', url: '/admissions/new', cookies, headers, payload: form(csrf) });
  assert.equal(shown.statusCode, 200);
  assert.match(shown.body, /Dossiers existants qui pourraient être cette personne/);
  assert.match(shown.body, /Ag Intalla Mohamed/);
  // Known only at Koulikoro: shown minimally to a Bamako clerk — prison and dates, not the committal
  // number nor the parents (decision 0006).
  assert.match(shown.body, /Prison KLK \(2025-02-01 → 2025-08-01\)/);
  assert.doesNotMatch(shown.body, /KLK-2025-000001/);
  assert.doesNotMatch(shown.body, /Intalla Ag Attaher/);
  assert.equal(
    (await database.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM person`)).rows[0].n,
    1,
    'no new file yet',
  );
  // Confirming without a choice is refused, with the error summary pointing at the choice.
  const noChoice = await app.inject({
    method: 'POST',
    url: '/admissions/new',
    cookies,
    headers,
    payload: form(csrf, { 'identity.checked': '1' }),
  });
  assert.equal(noChoice.statusCode, 422);
  assert.match(noChoice.body, /href="#f-identity-choice"/);
  // The clerk links the arrival to the earlier file.
  const linked = await app.inject({
    method: 'POST',
    url: '/admissions/new',
    cookies,
    headers,
    payload: form(csrf, { 'identity.checked': '1', 'identity.choice': first.json<{ person_id: string }>().person_id }),
  });
  assert.equal(linked.statusCode, 303, linked.body);
  assert.equal(linked.headers.location, `/people/${first.json<{ person_id: string }>().person_id}`);
  const file = await app.inject({
    url: `/api/persons/${first.json<{ person_id: string }>().person_id}`,
    headers: auth(fx.tokens.admin),
  });
  assert.deepEqual(
    file
      .json<PrisonerFile>()
      .admissions.map((a: { committal_number: string }) => a.committal_number)
      .sort(),
    ['BKO-2026-000001', 'KLK-2025-000001'],
  );
  const decision = (
    await database.pool.query<{ decision: string; person_id: string; has_admission: boolean; shown: number }>(
      `SELECT decision, person_id, admission_id IS NOT NULL AS has_admission, jsonb_array_length(candidates) AS shown
        FROM identity_decision`,
    )
  ).rows;
  assert.deepEqual(decision, [
    {
      decision: 'existing_person',
      person_id: first.json<{ person_id: string }>().person_id,
      has_admission: true,
      shown: decision[0].shown,
    },
  ]);
  assert.ok(decision[0].shown >= 1);
  assert.equal(
    (await database.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM person`)).rows[0].n,
    1,
    'still one person',
  );
  // The re-admission is recorded: it opened the identity and the legal history of Koulikoro to Bamako.
  const opening = (
    await database.pool.query(
      `SELECT o.kind, o.categories, f.code AS "from", t.code AS "to" FROM file_opening o JOIN prison f ON f.id = o.from_prison_id
        JOIN prison t ON t.id = o.to_prison_id`,
    )
  ).rows;
  assert.deepEqual(opening, [{ kind: 'readmission', categories: ['legal_history'], from: 'KLK', to: 'BKO' }]);
});

test('declaring a new person creates a new file and records that decision', async () => {
  const { session, csrf } = await login(database.db, 'clerk.bko', 'correct horse battery', 1);
  const cookies = { pmis_session: session };
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  const body = form(csrf, {
    'person.family_name': 'Intalla',
    'person.given_names': 'Ahmed',
    'person.birth.date': '1999',
    'person.father_name': 'Moussa Intalla',
    'legal_document.reference': 'MD-2026-201',
  });
  const first = await app.inject({ method: 'POST', url: '/admissions/new', cookies, headers, payload: body });
  const final =
    first.statusCode === 200
      ? await app.inject({
          method: 'POST',
          url: '/admissions/new',
          cookies,
          headers,
          payload: body + '&identity.checked=1&identity.choice=new',
        })
      : first;
  assert.equal(final.statusCode, 303, final.body);
  const rows = (
    await database.pool.query<{ decision: string }>(`SELECT decision FROM identity_decision ORDER BY decided_at`)
  ).rows.map((r) => r.decision);
  assert.equal(rows.at(-1), 'new_person');
});
