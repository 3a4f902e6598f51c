/** Sentences against the database: entered at admission, several sentences with their relations, corrections, titles across transfers. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  apiBody,
  auth,
  fixture,
  newArrival,
  testApp,
  testDatabase,
  transferThroughMovements,
} from '../../../test/helpers.js';
import { login } from '../access/index.js';
import { AdmissionBody, admit } from '../custody/index.js';
import { addTitle, correctTitle, getJusticeFile, justiceAlertsForPrison } from './service.js';
import type { Created, Problem } from '../../../test/api.js';

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);
const db = database.db;
const clerk = fx.actors['clerk.bko'];
const admin = fx.actors['admin'];
const director = fx.actors['director.bko'];

let n = 0;
function arrival(over: Record<string, unknown> = {}) {
  n++;
  const base = newArrival();
  return apiBody(AdmissionBody, {
    ...base,
    person: { ...base.person, family_name: `Coulibaly${n}`, given_names: `Adama ${n}` },
    ...over,
  });
}
const conviction = {
  kind: 'conviction',
  authority: 'Tribunal de grande instance de la Commune III',
  reference: 'JUG-2026-301',
  issued_on: '2026-01-15',
};

test('a sentence entered at admission gives a release date and a release alert when it is near', async () => {
  const r = await app.inject({
    method: 'POST',
    url: '/api/admissions',
    headers: auth(fx.tokens['clerk.bko']),
    payload: arrival({
      legal_document: { ...conviction, sentence: { months: 6 }, sentence_start: '2026-01-15', case_ref: 'RP-2025-889' },
      charges: [{ qualification: 'Vol', category: 'misdemeanour' }],
    }),
  });
  assert.equal(r.statusCode, 201, r.body);
  const id = r.json<Created>().id;
  const file = await getJusticeFile(db, clerk, id, { asOf: '2026-06-20' });
  assert.equal(file.status, 'convicted');
  // 6 months from 15 Jan → 14 Jul 2026 (no remand before the judgment: admitted after it).
  assert.equal(file.release?.release_on, '2026-07-14');
  assert.ok(file.release.steps.some((s) => s.key === 'justice.release.step.result' && s.text.includes('2026-07-14')));
  assert.equal(file.titles[0].case_ref, 'RP-2025-889');
  const near = (await justiceAlertsForPrison(db, director, fx.prisons.BKO.id, '2026-06-20')).filter(
    (a) => a.admissionId === id,
  );
  assert.deepEqual(
    near.map((a) => a.kind),
    ['release_soon'],
  );
  assert.match(near[0].label, /2026-07-14/);
  assert.deepEqual(
    (await justiceAlertsForPrison(db, director, fx.prisons.BKO.id, '2026-03-01')).filter((a) => a.admissionId === id),
    [],
  );
  const due = (await justiceAlertsForPrison(db, director, fx.prisons.BKO.id, '2026-07-15')).filter(
    (a) => a.admissionId === id,
  );
  assert.deepEqual(
    due.map((a) => [a.kind, a.severity]),
    [['release_due', 'critical']],
  );
});

test("a sentence entered at the reception's administration step gives a release date", async () => {
  const post = (token: string, url: string, payload: unknown) =>
    app.inject({ method: 'POST', url, headers: auth(token), payload: payload as Record<string, unknown> });
  const handover = {
    prison: 'BKO',
    arresting_authority: 'gendarmerie',
    officer_name: 'Adjudant Diarra',
    officer_unit: 'Brigade de Kati',
    warrant_name: 'Sangaré Oumar',
    warrant_reference: 'JUG-2026-77',
    nothing_shared: true,
  };
  const rec = await post(fx.tokens['security.bko'], '/api/receptions', handover);
  assert.equal(rec.statusCode, 201, rec.body);
  const base = newArrival();
  const adm = await post(fx.tokens['clerk.bko'], `/api/receptions/${rec.json<Created>().id}/steps/administration`, {
    person: { ...base.person, family_name: 'Sangaré', given_names: 'Oumar' },
    photo_taken: true,
    fingerprints: 'refused',
    fingerprints_reason: 'Refus',
    warrant_scanned: true,
    legal_document: {
      kind: 'conviction',
      authority: 'Tribunal de grande instance de Kati',
      reference: 'JUG-2026-77',
      issued_on: '2026-02-02',
      sentence: { years: 1, suspended: { months: 6 } },
      case_ref: 'RP-KATI-12',
    },
    charges: [{ qualification: 'Coups et blessures volontaires', category: 'misdemeanour' }],
    out_of_order_reason: "Arrivé pendant la fouille d'un autre groupe",
  });
  assert.equal(adm.statusCode, 200, adm.body);
  const file = await getJusticeFile(db, clerk, adm.json<{ admission_id: string }>().admission_id, {
    asOf: '2026-05-01',
  });
  // 1 year from 2 Feb 2026 → 1 Feb 2027, 6 months suspended → 1 Aug 2026.
  assert.equal(file.release?.release_on, '2026-08-01');
  assert.ok(file.release.steps.some((s) => s.key === 'justice.release.step.suspended'));
});

test('a bad sentence at admission is a 422 naming the field, in French and English', async () => {
  for (const [sentence, kind] of [
    [{ months: 6 }, 'committal_order'],
    [{ life: true, years: 3 }, 'conviction'],
    [{}, 'conviction'],
  ] as const) {
    const r = await app.inject({
      method: 'POST',
      url: '/api/admissions',
      headers: { ...auth(fx.tokens['clerk.bko']), 'accept-language': 'en' },
      payload: arrival({ legal_document: { ...conviction, kind, sentence } }),
    });
    assert.equal(r.statusCode, 422, r.body);
    assert.ok(
      r.json<Problem>().errors!.some((e: { field: string }) => e.field === '/legal_document/sentence'),
      r.body,
    );
  }
  const fr = await app.inject({
    method: 'POST',
    url: '/api/admissions',
    headers: { ...auth(fx.tokens['clerk.bko']), 'accept-language': 'fr' },
    payload: arrival({ legal_document: { ...conviction, kind: 'committal_order', sentence: { months: 2 } } }),
  });
  assert.match(fr.body, /jugement de condamnation/);
});

test('two sentences with their relation and a remission naming one; a correction keeps the old value; bad links are 4xx', async () => {
  const a = await admit(
    db,
    clerk,
    arrival({
      legal_document: {
        kind: 'committal_order',
        authority: "Juge d'instruction, TGI Commune III",
        reference: 'MD-2025-10',
        issued_on: '2025-01-10',
        case_ref: undefined,
      },
      admitted_at: '2025-01-10T10:00:00Z',
    }),
  );
  const base = { authority_kind: 'court_first_instance', authority: 'TGI Commune III' } as const;
  const f = await addTitle(db, clerk, a.id, {
    ...base,
    kind: 'conviction',
    reference: 'JUG-A',
    issued_on: '2025-07-10',
    sentence: { years: 2 },
    case_ref: 'RP-A',
  });
  const A = f.titles.find((x) => x.reference === 'JUG-A')!;
  await addTitle(db, clerk, a.id, {
    ...base,
    kind: 'conviction',
    reference: 'JUG-B',
    issued_on: '2025-09-01',
    sentence: { years: 1 },
    case_ref: 'RP-B',
    sentence_relation: 'consecutive',
    related_to_id: A.id,
  });
  await addTitle(db, clerk, a.id, {
    authority_kind: 'head_of_state',
    authority: 'Président de la Transition',
    kind: 'remission',
    reference: 'DEC-2026-1',
    issued_on: '2026-01-01',
    reduction: { months: 3 },
    applies_to_id: A.id,
  });
  const file = await getJusticeFile(db, clerk, a.id, { asOf: '2026-02-01' });
  // A: 10 Jul 2025 + 2 y → 9 Jul 2027; remand 10 Jan – 9 Jul 2025 (181 days) → 9 Jan 2027; − 3 months → 9 Oct 2026.
  // B follows: 10 Oct 2026 → 9 Oct 2027, no credit, no remission.
  assert.equal(file.release?.release_on, '2027-10-09');
  assert.ok(file.release.steps.some((s) => s.key === 'justice.release.step.consecutive' && s.text.includes('JUG-A')));
  // Correction: B was in fact ordered to run concurrently; the old version stays.
  const B = file.titles.find((x) => x.reference === 'JUG-B')!;
  const fixed = await correctTitle(db, clerk, B.id, {
    changes: { sentence_relation: 'concurrent' },
    reason: 'Confusion ordonnée par le jugement, mal saisie',
  });
  const versions = fixed.titles.filter((x) => x.reference === 'JUG-B');
  assert.deepEqual(
    versions.map((x) => [x.sentence_relation, x.in_force]),
    [
      ['consecutive', false],
      ['concurrent', true],
    ],
  );
  // The prisoner file page shows the release date and its breakdown (as corrected), French and English.
  const { session } = await login(db, 'clerk.bko', 'correct horse battery', 1);
  const fr = await app.inject({ url: `/people/${a.person_id}`, cookies: { pmis_session: session } });
  assert.equal(fr.statusCode, 200, fr.body);
  assert.match(fr.body, /<h4 id="release-[^"]+">Date de libération<\/h4>/);
  assert.match(fr.body, /Libération le 2026-10-09/);
  assert.match(fr.body, /Détention provisoire imputée, du 2025-01-10 au 2025-07-09 : 181 jour\(s\)/);
  assert.match(fr.body, /Confusion avec la peine JUG-A ordonnée : court depuis le 2025-09-01/);
  const en = await app.inject({ url: `/people/${a.person_id}`, cookies: { pmis_session: session, pmis_lang: 'en' } });
  assert.match(en.body, /Release on 2026-10-09/);
  assert.match(en.body, /Remand credit, 2025-01-10 to 2025-07-09: 181 day\(s\)/);
  assert.match(en.body, /Runs concurrently with sentence JUG-A \(ordered by the court\): from 2025-09-01/);
  assert.match(en.body, /Release date, all 2 sentences counted: 2026-10-09/);
  const after = await getJusticeFile(db, clerk, a.id, { asOf: '2026-02-01' });
  // B from 1 Sep 2025 → 31 Aug 2026; A ends 9 Oct 2026: the later.
  assert.equal(after.release?.release_on, '2026-10-09');
  // Links to something that is not this person's conviction: 400 naming the field.
  const other = await admit(db, clerk, arrival());
  const bad = await app.inject({
    method: 'POST',
    url: `/api/justice/admissions/${other.id}/titles`,
    headers: auth(fx.tokens['clerk.bko']),
    payload: {
      ...base,
      kind: 'conviction',
      reference: 'JUG-X',
      issued_on: '2026-03-01',
      sentence: { years: 1 },
      sentence_relation: 'consecutive',
      related_to_id: A.id,
    },
  });
  assert.equal(bad.statusCode, 422, bad.body);
  assert.deepEqual(
    bad.json<Problem>().errors!.map((e: { field: string }) => e.field),
    ['/related_to_id'],
  );
  const half = await app.inject({
    method: 'POST',
    url: `/api/justice/admissions/${a.id}/titles`,
    headers: auth(fx.tokens['clerk.bko']),
    payload: {
      ...base,
      kind: 'conviction',
      reference: 'JUG-Y',
      issued_on: '2026-01-05',
      sentence: { years: 1, suspended: { years: 2 } },
      sentence_relation: 'consecutive',
    },
  });
  assert.equal(half.statusCode, 422, half.body);
  assert.deepEqual(
    half
      .json<Problem>()
      .errors!.map((e) => e.field)
      .sort(),
    ['/related_to_id', '/sentence/suspended'],
  );
  const junk = await app.inject({
    method: 'POST',
    url: `/api/justice/admissions/${a.id}/titles`,
    headers: auth(fx.tokens['clerk.bko']),
    payload: {
      ...base,
      kind: 'remission',
      reference: 'R',
      issued_on: '2026-01-05',
      reduction: { months: 1 },
      applies_to_id: 'not-a-uuid',
    },
  });
  assert.ok(junk.statusCode >= 400 && junk.statusCode < 500, junk.body);
});

test('titles follow the person across a transfer: the receiving prison does not restart the clock', async () => {
  const first = await admit(
    db,
    clerk,
    arrival({ charges: [{ qualification: 'Vol qualifié', category: 'misdemeanour' }] }),
  );
  await addTitle(db, clerk, first.id, {
    kind: 'conviction',
    authority_kind: 'court_first_instance',
    authority: 'TGI Commune III',
    reference: 'JUG-T',
    issued_on: '2026-04-01',
    sentence: { years: 1 },
  });
  await transferThroughMovements(database, fx, first.id, 'KLK', { departedAt: '2026-05-01T08:00:00Z' });
  const second = await admit(
    db,
    admin,
    apiBody(AdmissionBody, {
      ...newArrival(),
      prison: 'KLK',
      person: undefined,
      person_id: first.person_id,
      admitted_at: '2026-05-01T15:00:00Z',
      legal_document: {
        kind: 'committal_order',
        authority: 'Parquet de Koulikoro',
        reference: 'MD-KLK-1',
        issued_on: '2026-05-01',
      },
    }),
  );
  const file = await getJusticeFile(db, admin, second.id, { asOf: '2026-06-01' });
  assert.equal(file.status, 'convicted');
  // 1 year from 1 Apr 2026 → 31 Mar 2027, less the remand from 9 Mar (23 days) → 8 Mar 2027.
  assert.equal(file.release?.release_on, '2027-03-08');
  assert.ok(file.titles.some((x) => x.reference === 'JUG-T'));
});
