import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { auth, fixture, newArrival, releaseThroughMovements, testApp, testDatabase } from '../../../test/helpers.js';
import type { PrisonerFile } from '../../../test/api.js';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { scanToCsv } from './cli.js';
import { drainKeyQueue, findCandidates, mergePersons, scanDuplicates, unmergePersons } from './service.js';

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);
const db = database.db;

async function admitVia(token: string, body: Record<string, unknown>) {
  const r = await app.inject({ method: 'POST', url: '/api/admissions', headers: auth(token), payload: body });
  assert.equal(r.statusCode, 201, r.body);
  return r.json<{ id: string; person_id: string; committal_number: string }>();
}
/** Released through the release checklist (check, a second officer's confirmation, completion). */
async function release(admissionId: string) {
  const r = await releaseThroughMovements(database, fx, admissionId, { releasedAt: '2026-04-01T10:00:00Z' });
  assert.equal(r.state, 'released');
}

// A first stay in Bamako, released; then someone else with the same family name.
const first = await admitVia(
  fx.tokens['clerk.bko'],
  newArrival({
    person: {
      family_name: 'Ag Intalla',
      given_names: 'Mohamed',
      sex: 'male',
      birth: { precision: 'year', date: '1985' },
      father_name: 'Intalla Ag Attaher',
      mother_name: 'Fadimata Wallet Sidi',
      birth_place: 'Kidal',
      nationality: 'ML',
    },
  }),
);
await release(first.id);
const other = await admitVia(
  fx.tokens['clerk.bko'],
  newArrival({
    person: {
      family_name: 'Ag Intalla',
      given_names: 'Alghabass',
      sex: 'male',
      birth: { precision: 'year', date: '1970' },
      father_name: 'Intalla Ag Attaher',
      nationality: 'ML',
    },
  }),
);

const arrival = {
  family_name: 'AG INTALLAH',
  given_names: 'Mohammed',
  father_name: 'Intallah',
  birth_date: '1985-03-02',
  birth_precision: 'exact',
  birth_place: 'KIDAL',
};

test('candidates: an arrival spelled differently finds the earlier file first, with reasons', async () => {
  const r = await app.inject({
    method: 'POST',
    url: '/api/identity/candidates',
    headers: auth(fx.tokens['clerk.klk'], 'en'),
    payload: { ...arrival, limit: 5, min_score: 0.1 },
  });
  assert.equal(r.statusCode, 200, r.body);
  const c = r.json<{
    candidates: {
      person_id: string;
      score: number;
      decision: string;
      reasons: { field: string; verdict: string; text: string }[];
      admissions: unknown[];
    }[];
  }>().candidates;
  assert.ok(c.length >= 1 && c.length <= 5);
  assert.equal(c[0].person_id, first.person_id);
  assert.equal(c[0].decision, 'same');
  assert.equal(c[0].admissions.length, 1);
  const name = c[0].reasons.find((x) => x.field === 'name')!;
  assert.equal(name.verdict, 'equivalent');
  assert.match(name.text, /equivalent/i);
  // the brother (same father, other given name and date) is not "same"
  const brother = c.find((x) => x.person_id === other.person_id);
  assert.ok(!brother || brother.decision !== 'same');
});

test('candidates: permission identity.match, and bad input names the field', async () => {
  const denied = await app.inject({
    method: 'POST',
    url: '/api/identity/candidates',
    headers: auth(fx.tokens['medic.bko']),
    payload: arrival,
  });
  assert.equal(denied.statusCode, 403);
  const bad = await app.inject({
    method: 'POST',
    url: '/api/identity/candidates',
    headers: auth(fx.tokens['clerk.bko']),
    payload: { ...arrival, birth_date: '85' },
  });
  assert.equal(bad.statusCode, 422);
  assert.ok(JSON.stringify(bad.json()).includes('birth_date'));
});

test('reception: the clerk links the arrival to the earlier person; the file shows both admissions', async () => {
  const d = await app.inject({
    method: 'POST',
    url: '/api/identity/decisions',
    headers: auth(fx.tokens['clerk.klk']),
    payload: {
      prison_id: fx.prisons.KLK.id,
      decision: 'existing_person',
      person_id: first.person_id,
      query: arrival,
      candidates: [{ person_id: first.person_id, score: 0.97 }],
    },
  });
  assert.equal(d.statusCode, 201, d.body);
  const again = await admitVia(fx.tokens['clerk.klk'], {
    ...newArrival({ prison: 'KLK' }),
    person: undefined,
    person_id: first.person_id,
  });
  assert.equal(again.person_id, first.person_id);
  const file = await app.inject({ url: `/api/persons/${first.person_id}`, headers: auth(fx.tokens['admin']) });
  assert.equal(file.json<PrisonerFile>().admissions.length, 2);
  const hist = await app.inject({
    url: `/api/identity/persons/${first.person_id}`,
    headers: auth(fx.tokens['admin']),
  });
  assert.equal(hist.statusCode, 200);
  const decisions = hist.json<{ decisions: { decision: string }[] }>().decisions;
  assert.equal(decisions.length, 1);
  assert.equal(decisions[0].decision, 'existing_person');
  // a new person needs no person_id; an existing person does
  const missing = await app.inject({
    method: 'POST',
    url: '/api/identity/decisions',
    headers: auth(fx.tokens['clerk.klk']),
    payload: { prison_id: fx.prisons.KLK.id, decision: 'existing_person', query: arrival },
  });
  assert.equal(missing.statusCode, 422);
  const outOfScope = await app.inject({
    method: 'POST',
    url: '/api/identity/decisions',
    headers: auth(fx.tokens['clerk.klk']),
    payload: { prison_id: fx.prisons.BKO.id, decision: 'new_person', query: arrival },
  });
  assert.equal(outOfScope.statusCode, 403);
});

test('an added spelling is indexed (trigger + queue) and found', async () => {
  const r = await app.inject({
    method: 'POST',
    url: `/api/persons/${other.person_id}/names`,
    headers: auth(fx.tokens['clerk.bko']),
    payload: { kind: 'alias', family_name: 'Kounta', given_names: 'Baye' },
  });
  assert.equal(r.statusCode, 201, r.body);
  const c = await findCandidates(db, fx.actors['clerk.bko'], {
    family_name: 'Kounta',
    given_names: 'Baye',
    birth_date: '1970',
    birth_precision: 'year',
  });
  assert.equal(c[0]?.person_id, other.person_id);
  assert.equal(c[0].matched_name?.family_name, 'Kounta');
});

test('merge and unmerge keep every history entry and restore the files', async () => {
  // A duplicate file made by mistake in Kati for the brother
  const dup = await admitVia(
    fx.tokens['clerk.klk'],
    newArrival({
      prison: 'KLK',
      person: {
        family_name: 'Ag-Intallah',
        given_names: 'Alghabas',
        sex: 'male',
        birth: { precision: 'estimated', estimated_age: 56 },
        father_name: 'Intalla',
        nationality: 'ML',
      },
    }),
  );
  await release(dup.id);
  const historyCount = async () =>
    (
      await db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM change_log WHERE person_id IN (${other.person_id}::uuid, ${dup.person_id}::uuid)`,
      )
    ).rows[0].n;
  const before = await historyCount();

  await assert.rejects(
    mergePersons(db, fx.actors['clerk.bko'], {
      survivor_id: other.person_id,
      merged_id: dup.person_id,
      reason: 'same man',
    }),
    /forbidden/,
  );
  const m = await app.inject({
    method: 'POST',
    url: '/api/identity/merges',
    headers: auth(fx.tokens['admin']),
    payload: {
      survivor_id: other.person_id,
      merged_id: dup.person_id,
      reason: 'Même personne : même père, enregistrée deux fois',
    },
  });
  assert.equal(m.statusCode, 201, m.body);
  const merge = m.json<{ id: string; moved: { table: string; ids: string[] }[] }>();
  assert.deepEqual(merge.moved.find((x) => x.table === 'admission')?.ids, [dup.id]);
  const survivorFile = (
    await app.inject({ url: `/api/persons/${other.person_id}`, headers: auth(fx.tokens['admin']) })
  ).json<PrisonerFile>();
  assert.equal(survivorFile.admissions.length, 2);
  const mergedFile = (
    await app.inject({ url: `/api/persons/${dup.person_id}`, headers: auth(fx.tokens['admin']) })
  ).json<PrisonerFile>();
  assert.equal(mergedFile.person.merged_into_id, other.person_id);
  assert.equal(mergedFile.admissions.length, 0);
  // merged-away persons are no longer candidates
  await drainKeyQueue(db);
  const c = await findCandidates(db, fx.actors['admin'], { family_name: 'Ag Intallah', given_names: 'Alghabas' });
  assert.ok(!c.some((x) => x.person_id === dup.person_id));
  assert.ok(c.some((x) => x.person_id === other.person_id));
  // merging twice is refused
  const twice = await app.inject({
    method: 'POST',
    url: '/api/identity/merges',
    headers: auth(fx.tokens['admin']),
    payload: { survivor_id: other.person_id, merged_id: dup.person_id, reason: 'again' },
  });
  assert.equal(twice.statusCode, 409);

  const u = await unmergePersons(db, fx.actors['admin'], merge.id, { reason: 'Erreur : deux frères' });
  assert.ok(u.undone_at);
  const back = (
    await app.inject({ url: `/api/persons/${dup.person_id}`, headers: auth(fx.tokens['admin']) })
  ).json<PrisonerFile>();
  assert.equal(back.person.merged_into_id, null);
  assert.deepEqual(
    back.admissions.map((a) => a.id),
    [dup.id],
  );
  assert.equal(
    (
      await app.inject({ url: `/api/persons/${other.person_id}`, headers: auth(fx.tokens['admin']) })
    ).json<PrisonerFile>().admissions.length,
    1,
  );
  // nothing was removed from the history; merge and unmerge were added on both sides
  assert.equal(await historyCount(), before + 4);
  const undoTwice = await app.inject({
    method: 'POST',
    url: `/api/identity/merges/${merge.id}/undo`,
    headers: auth(fx.tokens['admin']),
    payload: { reason: 'again' },
  });
  assert.equal(undoTwice.statusCode, 409);
  const hist = (
    await app.inject({ url: `/api/identity/persons/${dup.person_id}`, headers: auth(fx.tokens['admin']) })
  ).json<{ merges: unknown[] }>();
  assert.equal(hist.merges.length, 1);
});

test('scan lists probable duplicates once each', async () => {
  const dup = await admitVia(
    fx.tokens['clerk.bko'],
    newArrival({
      person: {
        family_name: 'AG INTALA',
        given_names: 'Muhammad',
        sex: 'male',
        birth: { precision: 'year', date: '1985' },
        father_name: 'Intalla',
        mother_name: 'Fadimata',
        nationality: 'ML',
      },
    }),
  );
  const pairs: [string, string, number][] = [];
  let progress = 0;
  const r = await scanDuplicates(db, fx.actors['admin'], {
    onPair: (p) => pairs.push([p.a.id, p.b.id, p.score]),
    onProgress: (d) => {
      progress = d;
    },
  });
  assert.ok(r.scanned >= 4);
  assert.equal(progress, r.scanned);
  const found = pairs.filter(([a, b]) => [a, b].sort().join() === [first.person_id, dup.person_id].sort().join());
  assert.equal(found.length, 1);
  const keys = pairs.map(([a, b]) => [a, b].sort().join());
  assert.equal(new Set(keys).size, keys.length);
  await assert.rejects(scanDuplicates(db, fx.actors['clerk.bko']), /forbidden/);
  // the review list as CSV
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const r2 = await scanToCsv(db, fx.actors['admin'], out, { lang: 'fr' });
  const csv = parse<Record<string, string>>(Buffer.concat(chunks).toString('utf8'), { columns: true });
  assert.equal(csv.length, r2.pairs);
  const row = csv.find(
    (x) => [x.a_person_id, x.b_person_id].sort().join() === [first.person_id, dup.person_id].sort().join(),
  )!;
  assert.ok(row);
  assert.ok(Number(row.score) >= 0.5);
  assert.match(row.reasons, /Noms/);
  assert.equal(row.review_decision, '');
});

test("the scan's review list: a name typed as a formula stays text in a spreadsheet", async () => {
  const person = {
    family_name: '=HYPERLINK("http://example.invalid","Diarra")',
    given_names: '@Awa',
    sex: 'female',
    birth: { precision: 'year', date: '1980' },
    father_name: '+Bakary',
    mother_name: 'Fatoumata',
    nationality: 'ML',
  };
  const a = await admitVia(fx.tokens['clerk.bko'], newArrival({ person }));
  const b = await admitVia(fx.tokens['clerk.klk'], newArrival({ prison: 'KLK', person }));
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await scanToCsv(db, fx.actors['admin'], out);
  const text = Buffer.concat(chunks).toString('utf8');
  const row = parse<Record<string, string>>(text, { columns: true }).find(
    (x) => [x.a_person_id, x.b_person_id].sort().join() === [a.person_id, b.person_id].sort().join(),
  )!;
  assert.ok(row, 'the pair is listed');
  assert.equal(row.a_family_name, `'=HYPERLINK("http://example.invalid","Diarra")`);
  assert.equal(row.a_given_names, "'@Awa");
  assert.equal(row.a_father_name, "'+Bakary");
  assert.doesNotMatch(text, /(^|,)[=+@]/m, 'no cell starts with a formula character');
});
