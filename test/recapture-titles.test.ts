/**
 * Issue 13 leftovers: a recaptured escapee keeps the legal titles recorded during the admission
 * escaped from (as a transfer does), and the days unlawfully at large are not time served — the
 * release date moves by those days (docs/decisions/0008-time-at-large.md). Real dates.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daysAtLarge, withTimeAtLarge } from '../src/modules/justice/rules.js';
import { auth, fixture, newArrival, testApp, testDatabase } from './helpers.js';

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);

/** What these tests read of the answers. */
interface Answer {
  id: string;
  recapture_admission_id: string | null;
  status: string;
  titles: { reference: string }[];
  pretrial: { expires_on: string | null };
  release: { release_on: string | null; steps: unknown[] } | null;
}
async function call(user: string, method: 'GET' | 'POST', url: string, payload?: object, lang = 'fr') {
  const r = await app.inject({ method, url, headers: auth(fx.tokens[user], lang), ...(payload ? { payload } : {}) });
  return { status: r.statusCode, body: r.json<Answer>(), raw: r.body };
}
const file = async (admissionId: string) => {
  const r = await call('clerk.bko', 'GET', `/api/justice/admissions/${admissionId}`);
  assert.equal(r.status, 200, r.raw);
  return r.body;
};

test('days at large: the whole days between the escape and the recapture (both those days count as served)', () => {
  assert.equal(daysAtLarge({ from: '2026-06-10', to: '2026-06-10' }), 0);
  assert.equal(daysAtLarge({ from: '2026-06-10', to: '2026-06-11' }), 0);
  assert.equal(daysAtLarge({ from: '2026-06-10', to: '2026-06-20' }), 9);
  assert.equal(daysAtLarge({ from: '2026-12-30', to: '2027-01-02' }), 2);
  const r = { releaseOn: '2027-01-04', sentenceEnd: '2027-01-31', servedInFull: false, steps: [] };
  assert.equal(withTimeAtLarge(r, [{ from: '2026-06-10', to: '2026-06-20' }]).releaseOn, '2027-01-13');
  // Two escapes add up; an escape after the release date changes nothing.
  assert.equal(
    withTimeAtLarge(r, [
      { from: '2026-03-01', to: '2026-03-05' },
      { from: '2026-06-10', to: '2026-06-20' },
    ]).releaseOn,
    '2027-01-16',
  );
  assert.equal(withTimeAtLarge(r, [{ from: '2027-02-01', to: '2027-03-01' }]).releaseOn, '2027-01-04');
});

test('a convicted escapee recaptured: the judgment follows to the new admission, the release date moves by the days at large', async () => {
  const base = newArrival();
  const a = await call('clerk.bko', 'POST', '/api/admissions', {
    ...base,
    person: { ...base.person, family_name: 'Dembélé', given_names: 'Souleymane' },
    admitted_at: '2026-01-05T09:00:00Z',
    legal_document: {
      kind: 'committal_order',
      authority: 'Juge d’instruction, TGI Commune III',
      reference: 'MD-2026-100',
      issued_on: '2026-01-05',
    },
    charges: [{ qualification: 'Vol qualifié', category: 'felony' }],
  });
  assert.equal(a.status, 201, a.raw);
  const first = a.body.id;
  // The judgment is recorded in the justice module during the admission (not on the admission's documents).
  const j = await call('clerk.bko', 'POST', `/api/justice/admissions/${first}/titles`, {
    kind: 'conviction',
    authority_kind: 'court_first_instance',
    authority: 'Tribunal de grande instance de la Commune III',
    reference: 'JUG-2026-555',
    issued_on: '2026-02-01',
    sentence: { years: 1 },
  });
  assert.equal(j.status, 201, j.raw);
  const before = await file(first);
  assert.equal(before.status, 'convicted');
  // 1 year from 1 Feb 2026 → 31 Jan 2027, less the remand from 5 Jan to 31 Jan 2026 (27 days) → 4 Jan 2027.
  assert.equal(before.release?.release_on, '2027-01-04');

  const esc = await call('clerk.bko', 'POST', '/api/movements/escapes', {
    admission_id: first,
    occurred_at: '2026-06-10T02:00:00Z',
    place: 'Cour de promenade',
    circumstances: 'Escalade du mur',
  });
  assert.equal(esc.status, 201, esc.raw);
  const back = await call('clerk.bko', 'POST', `/api/movements/incidents/${esc.body.id}/recapture`, {
    recaptured_at: '2026-06-20T10:00:00Z',
    place: 'Kati',
    arresting_authority: 'gendarmerie',
  });
  assert.equal(back.status, 200, back.raw);
  const second = back.body.recapture_admission_id;
  assert.ok(second && second !== first);

  const after = await file(second);
  // The judgment recorded during the escaped admission is on the new admission's file…
  assert.ok(after.titles.some((t) => t.reference === 'JUG-2026-555'));
  // …once: the committal order copied onto the readmission is one title, not two.
  assert.equal(after.titles.filter((t) => t.reference === 'MD-2026-100').length, 1);
  assert.equal(after.status, 'convicted');
  // Escaped on 10 June, back on 20 June: 11 to 19 June, 9 days at large → 4 Jan 2027 + 9 = 13 Jan 2027.
  assert.equal(after.release?.release_on, '2027-01-13');
  assert.ok(
    after.release?.steps.some(
      (s) => JSON.stringify(s).includes('2026-06-10') && JSON.stringify(s).includes('2027-01-13'),
    ),
    JSON.stringify(after.release?.steps),
  );
  const en = await call('clerk.bko', 'GET', `/api/justice/admissions/${second}`, undefined, 'en');
  assert.match(JSON.stringify(en.body.release?.steps), /9 day\(s\) at large do not count as time served/);
});

test('an untried escapee recaptured: the detention order follows; its expiry is not extended by the escape', async () => {
  const base = newArrival();
  const a = await call('clerk.bko', 'POST', '/api/admissions', {
    ...base,
    person: { ...base.person, family_name: 'Kanté', given_names: 'Moussa' },
    admitted_at: '2026-09-01T09:00:00Z',
    legal_document: {
      kind: 'committal_order',
      authority: 'Juge d’instruction, TGI Commune III',
      reference: 'MD-2026-200',
      issued_on: '2026-09-01',
    },
    charges: [{ qualification: 'Vol qualifié', category: 'felony' }],
  });
  assert.equal(a.status, 201, a.raw);
  const first = a.body.id;
  const ext = await call('clerk.bko', 'POST', `/api/justice/admissions/${first}/titles`, {
    kind: 'extension_order',
    authority_kind: 'investigating_judge',
    authority: 'Juge d’instruction, TGI Commune III',
    reference: 'PROL-2026-9',
    issued_on: '2026-10-01',
  });
  assert.equal(ext.status, 201, ext.raw);
  const expiresBefore = (await file(first)).pretrial.expires_on;
  const esc = await call('clerk.bko', 'POST', '/api/movements/escapes', {
    admission_id: first,
    occurred_at: '2026-10-10T02:00:00Z',
    place: 'Infirmerie',
    circumstances: 'Fuite lors d’une consultation',
  });
  assert.equal(esc.status, 201, esc.raw);
  const back = await call('clerk.bko', 'POST', `/api/movements/incidents/${esc.body.id}/recapture`, {
    recaptured_at: '2026-10-25T10:00:00Z',
    place: 'Bamako',
    arresting_authority: 'police',
  });
  assert.equal(back.status, 200, back.raw);
  const after = await file(back.body.recapture_admission_id ?? '');
  assert.ok(after.titles.some((t) => t.reference === 'PROL-2026-9'));
  assert.equal(after.pretrial.expires_on, expiresBefore);
});
