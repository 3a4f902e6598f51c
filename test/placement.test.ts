/**
 * One placement rule for every path (issue 9): admission, reception, move, allocation and import
 * all go through the same check under a lock on the cell; refusals name every reason; only the
 * director overrides, with a reason kept on the placement and in the history; the breach report
 * shows at once a cell a conviction or an age change puts in breach; doubt about age protects.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { importRegister } from '../src/cli/import.js';
import { bamakoDate } from '../src/core/dates.js';
import { addTitle } from '../src/modules/justice/service.js';
import type { Created, HistoryEntry, List, PrisonerFile, Problem, ReceptionView } from './api.js';
import { auth, fixture, newArrival, testApp, testDatabase } from './helpers.js';
import type { breachReport } from '../src/modules/housing/service.js';

type BreachReport = Awaited<ReturnType<typeof breachReport>>;
/** A placement as the move, allocate and admission answers give it. */
interface Placed {
  id: string;
  cell_id: string;
  via: string;
  overridden: string[];
  override_reason: string | null;
  capacity_delegation_id?: string | null;
}

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);
const call = (token: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, lang = 'en') =>
  app.inject({
    method,
    url,
    headers: auth(token, lang),
    ...(payload ? { payload: payload as Record<string, unknown> } : {}),
  });
type Answer = Awaited<ReturnType<typeof app.inject>>;
const codes = (r: Answer) => (r.json<Problem>().errors ?? []).map((e) => e.code);
const errorsOf = (r: Answer) => r.json<Problem>().errors ?? [];
const breaches = async (token: string, lang = 'en') =>
  (await call(token, 'GET', '/api/prisons/BKO/breaches', undefined, lang)).json<BreachReport>();

let cellNo = 0;
/** A new cell in Bamako's unit A. */
async function newCell(capacity: number | null): Promise<{ id: string; code: string }> {
  const code = `P-${String(++cellNo).padStart(2, '0')}`;
  const r = await call(fx.tokens.admin, 'POST', '/api/prisons/BKO/cells', {
    unit_id: fx.prisons.BKO.units[0],
    code,
    capacity,
  });
  assert.equal(r.statusCode, 201, r.body);
  return { id: r.json<Created>().id, code };
}

let n = 0;
const CONVICTION = {
  kind: 'conviction',
  authority: 'Tribunal de grande instance de la Commune III',
  reference: 'JUG-2026-1',
  issued_on: '2026-03-01',
};
/** Admit someone (a clerk), optionally straight into a cell; returns the API answer. */
function admitBody(
  o: {
    name?: string;
    sex?: 'male' | 'female';
    birth?: Record<string, unknown>;
    convicted?: boolean;
    cell?: string;
    extra?: Record<string, unknown>;
  } = {},
) {
  const base = newArrival();
  return newArrival({
    person: {
      ...base.person,
      family_name: o.name ?? `Personne${++n}`,
      sex: o.sex ?? 'male',
      birth: o.birth ?? base.person.birth,
    },
    ...(o.convicted
      ? { legal_document: CONVICTION, charges: [{ qualification: 'Vol qualifié', category: 'felony' }] }
      : {}),
    ...(o.cell ? { cell_id: o.cell } : {}),
    ...(o.extra ?? {}),
  });
}
async function admitted(o: Parameters<typeof admitBody>[0] = {}) {
  const r = await call(fx.tokens['clerk.bko'], 'POST', '/api/admissions', admitBody(o));
  assert.equal(r.statusCode, 201, r.body);
  return r.json<{ id: string; person_id: string; placements: { overridden: string[] }[] }>();
}
const occupants = async (cellId: string) =>
  (
    await database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM placement WHERE cell_id = $1 AND to_at IS NULL`,
      [cellId],
    )
  ).rows[0].n;

test('ten concurrent admissions into a cell with one free place: exactly one is accepted', async () => {
  const cell = await newCell(3);
  await admitted({ cell: cell.id });
  await admitted({ cell: cell.id });
  // People registered beforehand, and ten different years of admission, so that nothing else (the
  // new file, the committal-number counter of the prison and year) serialises the ten
  // transactions: only the lock on the cell does.
  const people: string[] = [];
  for (let i = 0; i < 10; i++)
    people.push(
      (
        await call(fx.tokens['clerk.bko'], 'POST', '/api/persons', {
          prison: 'BKO',
          person: { ...newArrival().person, family_name: `Concurrent${i}` },
        })
      ).json<Created>().id,
    );
  const results = await Promise.all(
    people.map((person_id, i) => {
      const { person: _p, ...body } = admitBody({
        cell: cell.id,
        extra: {
          admitted_at: `${2016 + i}-03-10T09:30:00Z`,
          legal_document: { ...newArrival().legal_document, issued_on: `${2016 + i}-03-09` },
        },
      });
      return call(fx.tokens['clerk.bko'], 'POST', '/api/admissions', { ...body, person_id });
    }),
  );
  assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, ...Array<number>(9).fill(422)]);
  for (const r of results.filter((x) => x.statusCode === 422)) assert.deepEqual(codes(r), ['housing.refused.capacity']);
  assert.equal(await occupants(cell.id), 3);
});

test('ten concurrent moves into a cell with one free place: exactly one is accepted', async () => {
  const cell = await newCell(2);
  await admitted({ cell: cell.id });
  const waiting = await Promise.all(Array.from({ length: 10 }, () => admitted()));
  // Security allocates; the director moves (POST …/move needs custody.write as well): one rule.
  const results = await Promise.all(
    waiting.map((a, i) =>
      i % 2
        ? call(fx.tokens['security.bko'], 'POST', `/api/admissions/${a.id}/allocate`, {
            cell_id: cell.id,
            reason: 'Affectation',
          })
        : call(fx.tokens['director.bko'], 'POST', `/api/admissions/${a.id}/move`, {
            cell_id: cell.id,
            reason: 'Affectation',
          }),
    ),
  );
  assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, ...Array<number>(9).fill(422)]);
  assert.equal(await occupants(cell.id), 2);
});

test('two people on a keep-apart record, placed in one cell at the same moment, are never both accepted (5 trials)', async () => {
  for (let trial = 0; trial < 5; trial++) {
    const cell = await newCell(10);
    const [a, b] = [await admitted(), await admitted()];
    assert.equal(
      (
        await call(fx.tokens['security.bko'], 'POST', '/api/keep-apart', {
          prison: 'BKO',
          person_a: a.person_id,
          person_b: b.person_id,
          reason: 'Menaces',
          source: 'Chef de cellule',
        })
      ).statusCode,
      201,
    );
    const [ra, rb] = await Promise.all(
      [a, b].map((x) =>
        call(fx.tokens['security.bko'], 'POST', `/api/admissions/${x.id}/allocate`, {
          cell_id: cell.id,
          reason: 'Affectation',
        }),
      ),
    );
    assert.deepEqual([ra.statusCode, rb.statusCode].sort(), [200, 422], `trial ${trial}`);
    assert.deepEqual(codes([ra, rb].find((r) => r.statusCode === 422)!), ['housing.refused.keep_apart']);
    assert.equal(await occupants(cell.id), 1);
  }
});

test('a move putting an untried woman with convicted men is refused with both reasons, then overridden by the director with a recorded reason', async () => {
  const cell = await newCell(10);
  await admitted({ convicted: true, cell: cell.id });
  await admitted({ convicted: true, cell: cell.id });
  const woman = await admitted({ name: 'Traoré', sex: 'female' });
  const refused = await call(
    fx.tokens['director.bko'],
    'POST',
    `/api/admissions/${woman.id}/move`,
    { cell_id: cell.id, reason: 'Manque de place' },
    'fr',
  );
  assert.equal(refused.statusCode, 422);
  assert.equal(refused.headers['content-type'], 'application/problem+json; charset=utf-8');
  assert.deepEqual(
    errorsOf(refused).map((e) => [e.field, e.code, e.message]),
    [
      [
        '/cell_id',
        'housing.refused.untried_with_convicted',
        'Prévenus et condamnés ne partagent pas une cellule (règle Nelson Mandela 11).',
      ],
      ['/cell_id', 'housing.refused.women_with_men', 'Femmes et hommes ne partagent pas une cellule (règle 11).'],
    ],
  );
  // Only the director overrides; an officer's "override" is refused, and nothing is written.
  assert.equal(
    (
      await call(fx.tokens['security.bko'], 'POST', `/api/admissions/${woman.id}/allocate`, {
        cell_id: cell.id,
        reason: 'x',
        override_reason: 'urgence',
      })
    ).statusCode,
    403,
  );
  assert.equal(await occupants(cell.id), 2);
  const ok = await call(fx.tokens['director.bko'], 'POST', `/api/admissions/${woman.id}/move`, {
    cell_id: cell.id,
    reason: 'Évacuation du quartier des femmes inondé',
    override_reason: 'Une nuit, sous la garde d’une surveillante, avant réouverture du quartier des femmes',
  });
  assert.equal(ok.statusCode, 200, ok.body);
  const pl = ok.json<{ placements: Placed[] }>().placements.at(-1)!;
  assert.deepEqual(
    [pl.cell_id, pl.via, pl.overridden, pl.override_reason],
    [
      cell.id,
      'move',
      ['untried_with_convicted', 'women_with_men'],
      'Une nuit, sous la garde d’une surveillante, avant réouverture du quartier des femmes',
    ],
  );
  const row = (
    await database.pool.query<{ username: string }>(
      `SELECT u.username FROM placement p JOIN app_user u ON u.id = p.override_by WHERE p.id = $1`,
      [pl.id],
    )
  ).rows[0];
  assert.equal(row.username, 'director.bko');
  const hist = (await call(fx.tokens['director.bko'], 'GET', `/api/persons/${woman.person_id}/history`)).json<
    List<HistoryEntry & { after: { overridden: string[] } }>
  >().items;
  const o = hist.find((h) => h.action === 'placement_override')!;
  assert.deepEqual(
    [o.actor, o.reason, o.after.overridden],
    [
      'director.bko',
      'Une nuit, sous la garde d’une surveillante, avant réouverture du quartier des femmes',
      ['untried_with_convicted', 'women_with_men'],
    ],
  );
  // The breach report lists that cell, covered by the director's override, in presumption-of-innocence words.
  const report = await breaches(fx.tokens['director.bko'], 'fr');
  const c = report.cells.find((x) => x.cell_id === cell.id)!;
  assert.deepEqual(
    c.breaches.map((b) => [b.rule, b.covered]),
    [
      ['untried_with_convicted', true],
      ['women_with_men', true],
    ],
  );
  assert.match(
    c.breaches[0].sides[0][0].label,
    /^inculpée d'association de malfaiteurs en relation avec une entreprise terroriste$/,
  );
  assert.equal(
    c.breaches[0].overrides[0].reason,
    'Une nuit, sous la garde d’une surveillante, avant réouverture du quartier des femmes',
  );
});

test('the reception places through the same rule: refused once the file says who it is, overridden by the director; before the file, the person waits for an allocation', async () => {
  const cell = await newCell(10);
  await admitted({ convicted: true, cell: cell.id });
  const handover = { prison: 'BKO', arresting_authority: 'police', warrant_name: 'Diarra Awa', nothing_shared: true };
  const woman = { ...newArrival().person, family_name: 'Diarra', given_names: 'Awa', sex: 'female' };
  const administration = {
    person: woman,
    photo_taken: true,
    fingerprints: 'captured',
    warrant_scanned: true,
    legal_document: newArrival().legal_document,
    charges: newArrival().charges,
  };
  const security = { rules_explained: true, rules_language: 'bm', cell_id: cell.id, body_search_done: true };
  // The file first (out of order), then the security office places her: the full check.
  const r1 = (await call(fx.tokens['security.bko'], 'POST', '/api/receptions', handover)).json<Created>().id;
  assert.equal(
    (
      await call(fx.tokens['clerk.bko'], 'POST', `/api/receptions/${r1}/steps/administration`, {
        ...administration,
        out_of_order_reason: 'Escorte pressée',
      })
    ).statusCode,
    200,
  );
  const refused = await call(fx.tokens['security.bko'], 'POST', `/api/receptions/${r1}/steps/security`, security);
  assert.equal(refused.statusCode, 422);
  assert.deepEqual(codes(refused), ['housing.refused.untried_with_convicted', 'housing.refused.women_with_men']);
  const ok = await call(fx.tokens['director.bko'], 'POST', `/api/receptions/${r1}/steps/security`, {
    ...security,
    override_reason: 'Cellule d’attente sous surveillance féminine, le temps du transfert à Bollé',
  });
  assert.equal(ok.statusCode, 200, ok.body);
  const file = (
    await call(fx.tokens['director.bko'], 'GET', `/api/persons/${ok.json<ReceptionView>().person_id!}`)
  ).json<PrisonerFile>();
  const pl = file.admissions[0].placements[0];
  assert.deepEqual(
    [pl.cell_id, pl.via, pl.overridden, pl.override_reason],
    [
      cell.id,
      'reception',
      ['untried_with_convicted', 'women_with_men'],
      'Cellule d’attente sous surveillance féminine, le temps du transfert à Bollé',
    ],
  );
  // The security office first: only the cell and its capacity can be checked; when the file is made,
  // the rule refuses the cell and she waits for an allocation (the admission is not blocked).
  const r2 = (
    await call(fx.tokens['security.bko'], 'POST', '/api/receptions', { ...handover, warrant_name: 'Koné Mariam' })
  ).json<Created>().id;
  assert.equal(
    (
      await call(fx.tokens['security.bko'], 'POST', `/api/receptions/${r2}/steps/security`, {
        ...security,
        override_reason: 'x',
      })
    ).statusCode,
    422,
    'no override before the file exists',
  );
  assert.equal(
    (await call(fx.tokens['security.bko'], 'POST', `/api/receptions/${r2}/steps/security`, security)).statusCode,
    200,
  );
  const adm = await call(fx.tokens['clerk.bko'], 'POST', `/api/receptions/${r2}/steps/administration`, {
    ...administration,
    person: { ...woman, given_names: 'Mariam', family_name: 'Koné' },
  });
  assert.equal(adm.statusCode, 200, adm.body);
  const step = adm.json<ReceptionView>().steps.find((s) => s.step === 'administration')!;
  assert.deepEqual(
    (step.data as { placement_refused: { code: string }[] }).placement_refused.map((x) => x.code),
    ['untried_with_convicted', 'women_with_men'],
  );
  const awaiting = (await call(fx.tokens['security.bko'], 'GET', '/api/prisons/BKO/awaiting-allocation')).json<
    List<{ admission_id: string }>
  >().items;
  assert.ok(awaiting.some((x) => x.admission_id === adm.json<ReceptionView>().admission_id));
});

test('admission and import go through the same check, with the same reasons', async () => {
  const cell = await newCell(10);
  await admitted({ convicted: true, cell: cell.id });
  const viaApi = await call(fx.tokens['clerk.bko'], 'POST', '/api/admissions', admitBody({ cell: cell.id }), 'fr');
  assert.equal(viaApi.statusCode, 422);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pmis-import-'));
  const csv = path.join(dir, 'register.csv');
  await fs.writeFile(
    csv,
    `admitted_at,family_name,given_names,sex,birth_date,arresting_authority,document_kind,document_authority,document_reference,document_date,charge,charge_category,cell
2026-03-10,Sangaré,Ali,M,1990,police,committal_order,TGI Commune III,MD-I-1,2026-03-09,Vol simple,délit,${cell.code}
2026-03-10,Sidibé,Ali,M,1990,police,committal_order,TGI Commune III,MD-I-2,2026-03-09,Vol simple,délit,
`,
  );
  const report = await importRegister(database.db, fx.actors['clerk.bko'], csv, 'BKO', { lang: 'fr' });
  await fs.rm(dir, { recursive: true, force: true });
  assert.deepEqual([report.imported, report.failed], [1, 1]);
  assert.deepEqual(
    report.errors,
    errorsOf(viaApi).map((e) => ({ line: 2, field: 'cell', message: e.message })),
  );
  const via = (
    await database.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM placement WHERE via = 'import'`)
  ).rows[0].n;
  assert.equal(via, 0, 'the refused row wrote nothing');
});

test('an import batch places its rows one after the other through the one rule: each row sees those the batch put in the cell before it', async () => {
  const small = await newCell(2);
  const other = await newCell(10);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pmis-import-'));
  const csv = path.join(dir, 'register.csv');
  const row = (n: number, sex: string, cell: string) =>
    `2026-03-10,Batch${n},Ali,${sex},1990,police,committal_order,TGI Commune III,MD-B-${n},2026-03-09,Vol simple,délit,${cell}`;
  // One batch: lines 2 and 3 fill the cell of two, line 4 finds it full; line 5 puts a woman in the
  // other cell, and line 6, a man, is refused for her; line 7 goes to no cell.
  await fs.writeFile(
    csv,
    [
      'admitted_at,family_name,given_names,sex,birth_date,arresting_authority,document_kind,document_authority,document_reference,document_date,charge,charge_category,cell',
      row(1, 'M', small.code),
      row(2, 'M', small.code),
      row(3, 'M', small.code),
      row(4, 'F', other.code),
      row(5, 'M', other.code),
      row(6, 'M', ''),
    ].join('\n') + '\n',
  );
  const report = await importRegister(database.db, fx.actors['clerk.bko'], csv, 'BKO', { lang: 'en' });
  await fs.rm(dir, { recursive: true, force: true });
  assert.deepEqual([report.imported, report.failed], [4, 2]);
  assert.deepEqual(
    report.errors.map((e) => [e.line, e.field]),
    [
      [4, 'cell'],
      [6, 'cell'],
    ],
  );
  assert.match(report.errors[0].message, /capacity|full/i);
  assert.match(report.errors[1].message, /wom[ae]n|men/i);
  const placed = (
    await database.pool.query<{ code: string; family_name: string }>(
      `SELECT c.code, p.family_name FROM placement pl JOIN cell c ON c.id = pl.cell_id JOIN admission a ON a.id = pl.admission_id
        JOIN person p ON p.id = a.person_id
    WHERE pl.cell_id = ANY($1) AND pl.to_at IS NULL ORDER BY p.family_name`,
      [[small.id, other.id]],
    )
  ).rows;
  assert.deepEqual(
    placed.map((r) => `${r.code}:${r.family_name}`),
    [`${small.code}:Batch1`, `${small.code}:Batch2`, `${other.code}:Batch4`],
  );
  // Each placement has its history entry, as a placement made alone.
  const logged = (
    await database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM change_log l JOIN placement pl ON pl.id = l.entity_id WHERE l.entity = 'placement'
        AND l.action = 'placement' AND pl.cell_id = ANY($1)`,
      [[small.id, other.id]],
    )
  ).rows[0].n;
  assert.equal(logged, 3);
});

test('a person born "2008" (year precision) is treated as a minor until an age assessment; the file says so', async () => {
  // On any day of year Y, a birth year Y−18 may mean 17 (except on 31 December, when everyone born
  // in Y−18 is 18: use an estimated age then, which leaves the same doubt).
  const today = bamakoDate();
  const birth = today.endsWith('-12-31')
    ? { precision: 'estimated', estimated_age: 18, estimated_on: today }
    : { precision: 'year', date: String(Number(today.slice(0, 4)) - 18) };
  const adults = await newCell(10);
  await admitted({ cell: adults.id });
  const young = await call(
    fx.tokens['clerk.bko'],
    'POST',
    '/api/admissions',
    admitBody({ name: 'Jeune', birth, cell: adults.id }),
    'fr',
  );
  assert.equal(young.statusCode, 422);
  assert.deepEqual(codes(young), ['housing.refused.minor_with_adult_assumed']);
  assert.match(errorsOf(young)[0].message, /un âge incertain compte comme mineur/);
  const y = await admitted({ name: 'Jeune', birth });
  const file = (await call(fx.tokens['clerk.bko'], 'GET', `/api/persons/${y.person_id}`)).json<PrisonerFile>();
  assert.deepEqual(
    [file.age.treated_as_minor, file.age.assumed, file.age.basis],
    [true, true, birth.precision === 'year' ? 'age_uncertain' : 'age_uncertain'],
  );
  const { login } = await import('../src/modules/access/service.js');
  const { session } = await login(database.db, 'clerk.bko', 'correct horse battery', 1);
  const page = await app.inject({ url: `/people/${y.person_id}`, cookies: { pmis_session: session, pmis_lang: 'en' } });
  assert.match(page.body, /Treated as a minor: age uncertain, no age assessment/);
  // The regime reads the same: a minor's guarantees.
  const cls = (await call(fx.tokens['director.bko'], 'GET', `/api/admissions/${y.id}/classification`)).json<{
    regime: { minor: unknown };
  }>();
  assert.deepEqual(cls.regime.minor, { treated_as_minor: true, assumed: true });
  // With a certain minor, the person may share a cell.
  const minors = await newCell(10);
  const child = await admitted({
    name: 'Enfant',
    birth: { precision: 'year', date: String(Number(today.slice(0, 4)) - 15) },
    cell: minors.id,
  });
  assert.equal(
    (
      await call(fx.tokens['security.bko'], 'POST', `/api/admissions/${y.id}/allocate`, {
        cell_id: minors.id,
        reason: 'Quartier des mineurs',
      })
    ).statusCode,
    200,
  );
  assert.equal(
    (await breaches(fx.tokens['director.bko'])).cells.some((c) => c.cell_id === minors.id),
    false,
  );
  // The age assessment: method, by whom, date, result. He is an adult: the cell is in breach at once.
  const bad = await call(
    fx.tokens['clerk.bko'],
    'POST',
    `/api/persons/${y.person_id}/age-assessments`,
    { method: 'medical', assessed_by: 'Dr Keïta', assessed_on: today, result: 'minor' },
    'fr',
  );
  assert.deepEqual(
    errorsOf(bad).map((e) => e.field),
    ['/minimum_age'],
  );
  const aa = await call(fx.tokens['clerk.bko'], 'POST', `/api/persons/${y.person_id}/age-assessments`, {
    method: 'documents',
    assessed_by: 'Greffe, acte de naissance n° 112',
    assessed_on: today,
    result: 'adult',
    minimum_age: 18,
    notes: 'Acte produit par la famille',
  });
  assert.equal(aa.statusCode, 201, aa.body);
  const reading = aa.json<{ reading: { treated_as_minor: boolean; basis: string } }>().reading;
  assert.deepEqual([reading.treated_as_minor, reading.basis], [false, 'assessment']);
  const report = await breaches(fx.tokens['director.bko']);
  const c = report.cells.find((x) => x.cell_id === minors.id)!;
  assert.deepEqual(
    c.breaches.map((b) => [b.rule, b.covered]),
    [['minor_with_adult', false]],
  );
  assert.deepEqual(
    [c.breaches[0].sides[0][0].person_id, c.breaches[0].sides[1][0].person_id],
    [child.person_id, y.person_id],
  );
  assert.equal(c.breaches[0].sides[1][0].age, `Adult according to the age assessment of ${today}`);
  // Now an adult, he may join the adults; the history keeps the assessment.
  assert.equal(
    (
      await call(fx.tokens['security.bko'], 'POST', `/api/admissions/${y.id}/allocate`, {
        cell_id: adults.id,
        reason: 'Majeur',
      })
    ).statusCode,
    200,
  );
  const hist = (await call(fx.tokens['clerk.bko'], 'GET', `/api/persons/${y.person_id}/history`)).json<
    List<HistoryEntry & { after: { result: string; assessed_by: string } }>
  >().items;
  assert.ok(
    hist.some(
      (h) =>
        h.entity === 'age_assessment' &&
        h.after.result === 'adult' &&
        h.after.assessed_by === 'Greffe, acte de naissance n° 112',
    ),
  );
  assert.equal(
    (await call(fx.tokens['clerk.bko'], 'GET', `/api/persons/${y.person_id}/age-assessments`)).json<List<unknown>>()
      .items.length,
    1,
  );
});

test('a conviction puts a cell in breach at once; the untried are named by what they are accused of', async () => {
  const cell = await newCell(10);
  const a = await admitted({ cell: cell.id });
  await admitted({ cell: cell.id });
  assert.equal(
    (await breaches(fx.tokens['director.bko'])).cells.some((c) => c.cell_id === cell.id),
    false,
  );
  await addTitle(database.db, fx.actors['clerk.bko'], a.id, {
    kind: 'conviction',
    authority_kind: 'court_first_instance',
    authority: 'TGI de la Commune III',
    reference: 'JUG-2026-9',
    issued_on: bamakoDate(),
    sentence: { years: 5 },
  });
  const report = await breaches(fx.tokens['director.bko'], 'fr');
  const c = report.cells.find((x) => x.cell_id === cell.id)!;
  assert.deepEqual(
    c.breaches.map((b) => [b.rule, b.covered]),
    [['untried_with_convicted', false]],
  );
  const untried = c.breaches[0].sides[0][0].label;
  assert.match(untried, /^inculpé d'association /);
  assert.doesNotMatch(
    untried.replace(/association de malfaiteurs en relation avec une entreprise terroriste/i, ''),
    /terroris/i,
  );
  assert.match(c.breaches[0].sides[1][0].label, /^condamné /);
  // Scope: another prison's clerk sees nothing of it; keep-apart breaches need intelligence.read.
  assert.equal((await call(fx.tokens['clerk.klk'], 'GET', '/api/prisons/BKO/breaches')).statusCode, 403);
  assert.equal((await breaches(fx.tokens['clerk.bko'])).keep_apart_included, false);
  // The API is documented under the housing tag.
  const doc = (await app.inject({ url: '/api/openapi.json' })).json<{
    paths: Record<string, Partial<Record<'get' | 'post', { tags: string[] }>>>;
  }>();
  for (const p of [
    '/api/prisons/{prison}/breaches',
    '/api/prisons/{prison}/awaiting-allocation',
    '/api/prisons/{prison}/capacity-delegation',
  ])
    assert.deepEqual(doc.paths[p].get?.tags, ['housing'], p);
  assert.deepEqual(doc.paths['/api/persons/{id}/age-assessments'].post?.tags, ['people']);
  assert.ok(doc.paths['/api/prisons/{prison}/capacity'].post && doc.paths['/api/prisons/{prison}/status'].post);
});

test('a keep-apart pair sharing a cell is in the report for security staff only, and that read is audited', async () => {
  const cell = await newCell(10);
  const [a, b] = [await admitted({ cell: cell.id }), await admitted()];
  assert.equal(
    (
      await call(fx.tokens['director.bko'], 'POST', `/api/admissions/${b.id}/allocate`, {
        cell_id: cell.id,
        reason: 'Affectation',
      })
    ).statusCode,
    200,
  );
  assert.equal(
    (
      await call(fx.tokens['security.bko'], 'POST', '/api/keep-apart', {
        prison: 'BKO',
        person_a: a.person_id,
        person_b: b.person_id,
        reason: 'Dettes',
        source: 'Rapport du surveillant',
      })
    ).statusCode,
    201,
  );
  const audited = async () =>
    (
      await database.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM access_audit WHERE entity = 'breach_report'`,
      )
    ).rows[0].n;
  const before = await audited();
  const sec = await breaches(fx.tokens['security.bko']);
  const c = sec.cells.find((x) => x.cell_id === cell.id)!;
  assert.deepEqual(
    c.breaches.map((x) => [x.rule, x.covered]),
    [['keep_apart', false]],
  );
  assert.equal(await audited(), before + 1);
  const clerk = await breaches(fx.tokens['clerk.bko']);
  assert.equal(
    clerk.cells.some((x) => x.cell_id === cell.id),
    false,
    'a clerk does not see intelligence',
  );
  assert.equal(await audited(), before + 1);
});

test("a director's override of a keep-apart record stays in the history as intelligence: withheld from a clerk, read back (audited) by security", async () => {
  const cell = await newCell(10);
  const [a, b] = [await admitted({ cell: cell.id }), await admitted()];
  assert.equal(
    (
      await call(fx.tokens['security.bko'], 'POST', '/api/keep-apart', {
        prison: 'BKO',
        person_a: a.person_id,
        person_b: b.person_id,
        reason: 'Dettes',
        source: 'Rapport du surveillant',
      })
    ).statusCode,
    201,
  );
  const why = 'Infirmerie fermée : une nuit sous surveillance renforcée';
  const ok = await call(fx.tokens['director.bko'], 'POST', `/api/admissions/${b.id}/allocate`, {
    cell_id: cell.id,
    reason: 'Affectation',
    override_reason: why,
  });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.json<Placed>().overridden, ['keep_apart']);
  type Entry = { action: string; reason: string | null; after: Record<string, unknown> | null; withheld: string[] };
  const history = async (token: string) =>
    (await call(token, 'GET', `/api/persons/${b.person_id}/history`))
      .json<List<Entry>>()
      .items.filter((h) => h.action.startsWith('placement'));
  // The clerk (history.read, not intelligence.read) sees that placements happened, not the record behind them.
  const clerk = await history(fx.tokens['clerk.bko']);
  const override = clerk.find((h) => h.action === 'placement_override')!;
  assert.deepEqual(override.withheld, ['intelligence']);
  assert.equal(override.reason, null);
  assert.equal(
    JSON.stringify(clerk).includes(a.person_id),
    false,
    'the other person on the record is not named to the clerk',
  );
  assert.equal(JSON.stringify(clerk).includes('keep_apart'), false);
  const audits = async () =>
    (
      await database.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM access_audit WHERE category = 'intelligence' AND person_id = $1`,
        [b.person_id],
      )
    ).rows[0].n;
  const before = await audits();
  const sec = (await history(fx.tokens['security.bko'])).find((h) => h.action === 'placement_override')!;
  assert.deepEqual([sec.withheld, sec.reason, sec.after!.overridden], [[], why, ['keep_apart']]);
  assert.ok(JSON.stringify(sec.after).includes(a.person_id));
  assert.ok((await audits()) > before, 'the read of the restricted part is audited');
});

test('the standing delegation covers capacity only: separation still needs the director', async () => {
  const cell = await newCell(1);
  await admitted({ convicted: true, cell: cell.id });
  assert.equal(
    (
      await call(fx.tokens['director.bko'], 'PUT', '/api/prisons/BKO/capacity-delegation', {
        delegated: true,
        reason: 'Surpopulation',
      })
    ).statusCode,
    200,
  );
  const x = await admitted();
  const r = await call(fx.tokens['security.bko'], 'POST', `/api/admissions/${x.id}/allocate`, {
    cell_id: cell.id,
    reason: 'Affectation',
    over_capacity_reason: 'Plus de place',
  });
  assert.deepEqual(
    codes(r),
    ['housing.refused.untried_with_convicted'],
    'capacity waived by the delegation, separation not',
  );
  const conv = await admitted({ convicted: true });
  const ok = await call(fx.tokens['security.bko'], 'POST', `/api/admissions/${conv.id}/allocate`, {
    cell_id: cell.id,
    reason: 'Affectation',
    over_capacity_reason: 'Plus de place',
  });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.json<Placed>().overridden, ['capacity']);
  assert.ok(ok.json<Placed>().capacity_delegation_id);
  assert.equal(
    (
      await call(fx.tokens['director.bko'], 'PUT', '/api/prisons/BKO/capacity-delegation', {
        delegated: false,
        reason: 'Fin',
      })
    ).json<{ delegated: boolean }>().delegated,
    false,
  );
});

test('the age form on the file: errors named in the page, then the assessment recorded and the reading changed', async () => {
  const y = await admitted({ name: 'Formulaire', birth: { precision: 'unknown' } });
  const { login } = await import('../src/modules/access/service.js');
  const { session, csrf } = await (async () => {
    const s = await login(database.db, 'clerk.bko', 'correct horse battery', 1);
    const c = (
      await database.pool.query<{ csrf_token: string }>(
        `SELECT csrf_token FROM user_session WHERE ended_at IS NULL ORDER BY created_at DESC LIMIT 1`,
      )
    ).rows[0].csrf_token;
    return { session: s.session, csrf: c };
  })();
  const cookies = { pmis_session: session, pmis_lang: 'fr' };
  const file = await app.inject({ url: `/people/${y.person_id}`, cookies });
  assert.match(file.body, /Traité\(e\) comme mineur\(e\) : date de naissance inconnue, aucune évaluation de l’âge/);
  assert.match(file.body, /action="\/people\/[0-9a-f-]+\/age-assessments"/);
  const bad = await app.inject({
    method: 'POST',
    url: `/people/${y.person_id}/age-assessments`,
    cookies,
    payload: {
      _csrf: csrf,
      method: 'medical',
      assessed_by: '',
      assessed_on: bamakoDate(),
      result: 'minor',
      minimum_age: '',
    },
  });
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /href="#f-assessed_by"/);
  const ok = await app.inject({
    method: 'POST',
    url: `/people/${y.person_id}/age-assessments`,
    cookies,
    payload: {
      _csrf: csrf,
      method: 'psychosocial',
      assessed_by: 'Assistante sociale, MCA Bamako',
      assessed_on: bamakoDate(),
      result: 'minor',
      minimum_age: '16',
      notes: 'Entretien avec la mère',
    },
  });
  assert.equal(ok.statusCode, 303, ok.body);
  const after = await app.inject({ url: `/people/${y.person_id}`, cookies });
  assert.match(after.body, new RegExp(`Mineur\\(e\\) selon l’évaluation de l’âge du ${bamakoDate()}`));
  assert.match(after.body, /Entretien avec la mère/);
  // Without the CSRF token, nothing is recorded.
  assert.equal(
    (
      await app.inject({
        method: 'POST',
        url: `/people/${y.person_id}/age-assessments`,
        cookies,
        payload: { method: 'other', assessed_by: 'x', assessed_on: bamakoDate(), result: 'adult' },
      })
    ).statusCode,
    403,
  );
});
