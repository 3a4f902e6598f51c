/** The justice chain against the database: alerts, release dates, corrections, partners, court list, backlog. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { List } from '../../../test/api.js';
import { apiBody, auth, fixture, newArrival, testApp, testDatabase } from '../../../test/helpers.js';
import { makeActor } from '../../core/access.js';
import { addDays } from './calendar.js';
import { bamakoDate } from '../../core/dates.js';
import { addUser, createToken } from '../access/index.js';
import { AdmissionBody, admit, getAdmission } from '../custody/index.js';
import { DEFAULT_PRETRIAL_RULES } from './rules.js';
import {
  addPartnerMember,
  addTitle,
  backlog,
  backlogCsv,
  correctTitle,
  createJurisdiction,
  getJusticeFile,
  justiceAlertSummary,
  justiceAlertsForPrison,
  listRules,
  ruleFromRow,
  scheduleHearing,
  withdrawTitle,
} from './service.js';
import * as repo from './repository.js';
import * as schema from './schema.js';
import type { Problem } from '../../../test/api.js';

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);
const db = database.db;
const clerk = fx.actors['clerk.bko'];
const director = fx.actors['director.bko'];

let n = 0;
function arrival(over: Record<string, unknown> = {}) {
  n++;
  const base = newArrival();
  return apiBody(AdmissionBody, {
    ...base,
    person: { ...base.person, family_name: `Traoré${n}`, given_names: `Moussa ${n}` },
    ...over,
  });
}

test('every justice Drizzle table and column exists in the migrated database', async () => {
  const cols = await db.execute<{ c: string }>(
    sql`SELECT table_name || '.' || column_name AS c FROM information_schema.columns WHERE table_schema = 'public'`,
  );
  const have = new Set(cols.rows.map((r) => r.c));
  for (const tbl of Object.values(schema)) {
    const cfg = getTableConfig(tbl as PgTable);
    for (const c of cfg.columns) assert.ok(have.has(`${cfg.name}.${c.name}`), `${cfg.name}.${c.name}`);
  }
});

test('the seeded rules are the documented defaults (migration and code agree)', async () => {
  const rows = await repo.rules(db);
  const fromDb = rows
    .map(ruleFromRow)
    .map(({ version: _v, ...r }) => r)
    .sort((a, b) => a.id.localeCompare(b.id));
  const fromCode = [...DEFAULT_PRETRIAL_RULES]
    .map((r) => ({ ...r, toConfirm: [...r.toConfirm] }))
    .sort((a, b) => a.id.localeCompare(b.id));
  assert.deepEqual(
    fromDb.map((r) => ({ ...r, source: '' })),
    fromCode.map((r) => ({ ...r, source: '' })),
  );
  assert.equal((await listRules(db, clerk)).length, 5);
});

test('a person held past an expired title appears in the alert list; an extended one does not; the status follows the titles', async () => {
  const misdemeanour = [{ qualification: 'Vol qualifié', category: 'misdemeanour' }];
  // Committal order of 9 March 2026, misdemeanour with no maximum penalty on file: the protective
  // art. 125 applies (one month, last day 8 April), shown as assumed. The extension order states
  // the category (art. 127: six months, last day 8 September, extended on that day).
  const expired = await admit(db, clerk, arrival({ charges: misdemeanour }));
  const extended = await admit(db, clerk, arrival({ charges: misdemeanour }));
  await addTitle(db, clerk, extended.id, {
    kind: 'extension_order',
    authority_kind: 'investigating_judge',
    authority: "Juge d'instruction, 2e cabinet, TGI Commune III",
    reference: 'OP-2026-77',
    issued_on: '2026-09-08',
    offence_category: 'misdemeanour_over_2y',
  });
  const asOf = '2026-11-25';
  const alerts = await justiceAlertsForPrison(db, director, fx.prisons.BKO.id, asOf);
  const mine = alerts.filter((a) => a.admissionId === expired.id);
  assert.equal(mine[0]?.kind, 'expired');
  assert.equal(mine[0]?.severity, 'critical');
  assert.equal(mine[0]?.date, '2026-04-08');
  assert.equal(mine[0]?.days, 231);
  assert.ok(mine.some((a) => a.kind === 'category_assumed'));
  assert.equal(mine[0]?.committal_number, expired.committal_number);
  assert.match(mine[0].action, /129/);
  assert.equal(alerts[0].kind, 'expired'); // most serious first
  assert.ok(!alerts.some((a) => a.admissionId === extended.id && a.kind === 'expired'));
  const file = await getJusticeFile(db, clerk, extended.id, { asOf });
  assert.equal(file.pretrial.expires_on, '2027-03-08');
  assert.equal(file.pretrial.renewals_used, 1);
  // Not shown to another prison's staff.
  await assert.rejects(
    justiceAlertsForPrison(db, fx.actors['clerk.klk'], fx.prisons.BKO.id, asOf),
    (e: { status?: number }) => e.status === 403,
  );
  // Over HTTP, with the expired title first.
  const r = await app.inject({
    url: `/api/justice/alerts?prison=BKO&as_of=${asOf}&kind=expired`,
    headers: auth(fx.tokens['director.bko']),
  });
  assert.equal(r.statusCode, 200, r.body);
  assert.ok(r.json<List<{ admissionId: string }>>().items.some((a) => a.admissionId === expired.id));
  // A committal for trial: admission.legal_status follows, in the same transaction, with the history.
  await addTitle(db, clerk, expired.id, {
    kind: 'committal_for_trial',
    authority_kind: 'investigating_judge',
    authority: 'TGI Commune III',
    reference: 'OR-2026-12',
    issued_on: '2026-11-20',
  });
  assert.equal((await getAdmission(db, clerk, expired.id)).legal_status, 'awaiting_trial');
  const hist = await db.execute<{ action: string }>(
    sql`SELECT action FROM change_log WHERE entity_id = ${expired.id}::uuid ORDER BY at`,
  );
  assert.deepEqual(
    hist.rows.map((x) => x.action),
    ['create', 'legal_status'],
  );
});

test('release dates with remand credit, step by step; a correction supersedes the judgment and the old version stays', async () => {
  const a = await admit(
    db,
    clerk,
    arrival({
      admitted_at: '2026-01-05T10:00:00Z',
      legal_document: {
        kind: 'committal_order',
        authority: 'Pôle judiciaire spécialisé',
        reference: 'MD-2026-001',
        issued_on: '2026-01-05',
      },
    }),
  );
  let file = await addTitle(db, clerk, a.id, {
    kind: 'conviction',
    authority_kind: 'pole_judiciaire_specialise',
    authority: 'Chambre criminelle spéciale',
    reference: 'ARR-2026-55',
    issued_on: '2026-06-05',
    sentence: { years: 2 },
  });
  assert.equal(file.status, 'convicted');
  assert.equal((await getAdmission(db, clerk, a.id)).legal_status, 'convicted');
  // Two years from 5 June 2026 end on 4 June 2028; 151 days held before judgment (5 Jan–4 Jun) are credited.
  assert.equal(file.release!.sentence_end, '2028-06-04');
  assert.equal(file.release!.release_on, '2028-01-05');
  const credit = file.release!.steps.find((s) => s.key === 'justice.release.step.remand_credit_computed')!;
  assert.equal(credit.params.days, 151);
  assert.match(credit.text, /151/);
  assert.equal(file.charges[0].wording.startsWith('Condamné(e) pour'), true);
  // The sentence was typed wrong: correct it. The old version is kept, superseded, with the reason.
  const conv = file.titles.find((x) => x.kind === 'conviction')!;
  file = await correctTitle(db, clerk, conv.id, {
    changes: { sentence: { years: 3 } },
    reason: "Erreur de saisie : trois ans selon l'arrêt",
  });
  assert.equal(file.release!.release_on, '2029-01-04'); // 4 June 2029 − 151 days (no 29 February in between)
  const versions = file.titles.filter((x) => x.kind === 'conviction');
  assert.equal(versions.length, 2);
  assert.equal(versions.find((x) => x.id === conv.id)!.in_force, false);
  assert.equal(versions.find((x) => x.id === conv.id)!.superseded_by_id, versions.find((x) => x.id !== conv.id)!.id);
  // Correcting the old version again is refused: correct the latest one.
  await assert.rejects(
    correctTitle(db, clerk, conv.id, { changes: { sentence: { years: 4 } }, reason: 'x' }),
    (e: { status?: number }) => e.status === 409,
  );
  // The row itself cannot be changed behind the service's back.
  await assert.rejects(db.execute(sql`UPDATE legal_title SET reference = 'X' WHERE id = ${conv.id}::uuid`));
  // A remission of 3 months.
  file = await addTitle(db, clerk, a.id, {
    kind: 'remission',
    authority_kind: 'head_of_state',
    authority: 'Décret de remise de peine',
    reference: 'D-2026-300',
    issued_on: '2026-09-22',
    reduction: { months: 3 },
  });
  assert.equal(file.release!.release_on, '2028-10-04');
  // A title recorded in error is withdrawn, not deleted; the arrival document can be withdrawn too.
  const rem = file.titles.find((x) => x.kind === 'remission')!;
  file = await withdrawTitle(db, clerk, rem.id, { reason: 'Décret concernant un autre détenu' });
  assert.equal(file.release!.release_on, '2029-01-04');
  assert.equal(file.titles.find((x) => x.id === rem.id)!.withdrawn, true);
  // Bad input names each field.
  await assert.rejects(
    addTitle(db, clerk, a.id, {
      kind: 'conviction',
      authority_kind: 'court_first_instance',
      authority: 'TGI',
      reference: 'J-1',
      issued_on: '2099-01-01',
    }),
    (e: { status?: number; fields?: { field: string }[] }) =>
      e.status === 422 &&
      e.fields!.some((f) => f.field === '/issued_on') &&
      e.fields!.some((f) => f.field === '/sentence'),
  );
});

test('a document recorded at admission can be corrected or withdrawn, never changed', async () => {
  const a = await admit(
    db,
    clerk,
    arrival({
      legal_document: {
        kind: 'conviction',
        authority: 'Tribunal de la Commune III',
        reference: 'JUG-2026-3',
        issued_on: '2026-03-01',
      },
    }),
  );
  assert.equal(a.legal_status, 'convicted');
  const doc = (await getJusticeFile(db, clerk, a.id)).titles[0];
  assert.equal(doc.source, 'admission');
  // A conviction with no sentence on file has no release date until the sentence is entered.
  assert.equal((await getJusticeFile(db, clerk, a.id)).release, null);
  await assert.rejects(
    correctTitle(db, clerk, doc.id, { changes: { reference: 'JUG-2026-03' }, reason: 'Référence' }),
    (e: { status?: number; fields?: { field: string }[] }) =>
      e.status === 422 && e.fields![0].field === '/changes/sentence',
  );
  let file = await withdrawTitle(db, clerk, doc.id, { reason: "Jugement d'un homonyme" });
  assert.equal(file.titles.find((x) => x.id === doc.id)!.in_force, false);
  assert.equal(file.status, 'under_investigation');
  assert.deepEqual(
    file.warnings.map((w) => w.key),
    ['justice.warn.no_title'],
  );
  assert.equal((await getAdmission(db, clerk, a.id)).legal_status, 'under_investigation');
  file = await addTitle(db, clerk, a.id, {
    kind: 'committal_order',
    authority_kind: 'prosecutor',
    authority: 'Procureur, TGI Commune III',
    reference: 'MD-2026-88',
    issued_on: '2026-03-01',
    offence_category: 'felony',
  });
  assert.equal(file.pretrial.expires_on, '2027-02-28');
  const alerts = await justiceAlertsForPrison(db, director, fx.prisons.BKO.id);
  assert.ok(!alerts.some((x) => x.admissionId === a.id && x.kind === 'no_title'));
});

test("partner scoping: a prosecutor of one court cannot read another's cases; every partner access is audited", async () => {
  const admin = fx.actors.admin;
  const pjs = await createJurisdiction(db, admin, {
    code: 'PJS',
    name: 'Pôle judiciaire spécialisé, Commune VI',
    kind: 'pole_judiciaire_specialise',
    region_code: 'BKO',
  });
  const c3 = await createJurisdiction(db, admin, {
    code: 'TGI-C3',
    name: 'Tribunal de grande instance de la Commune III',
    kind: 'court_first_instance',
    region_code: 'BKO',
  });
  const users: Record<string, { id: string; token: string }> = {};
  for (const [username, j] of [
    ['pros.pjs', pjs.id],
    ['pros.c3', c3.id],
  ] as const) {
    const u = await addUser(db, null, {
      username,
      display_name: username,
      password: 'correct horse battery',
      roles: ['prosecutor'],
      national: false,
      prisons: ['BKO'],
    });
    await addPartnerMember(db, admin, j, username);
    users[username] = { id: u.id, token: (await createToken(db, u.id)).token };
  }
  const prosPjs = makeActor({
    id: users['pros.pjs'].id,
    username: 'pros.pjs',
    displayName: 'pros.pjs',
    roles: ['prosecutor'],
    national: false,
    prisonIds: [fx.prisons.BKO.id],
  });
  const a = await admit(db, clerk, arrival());
  const other = await admit(db, clerk, arrival());
  await addTitle(db, clerk, a.id, {
    kind: 'extension_order',
    authority_kind: 'pole_judiciaire_specialise',
    authority: 'PJS, 1er cabinet',
    jurisdiction: 'PJS',
    reference: 'OP-PJS-9',
    issued_on: '2026-11-01',
  });

  const read = (who: string, id: string) =>
    app.inject({ url: `/api/justice/admissions/${id}`, headers: auth(users[who].token) });
  assert.equal((await read('pros.pjs', a.id)).statusCode, 200);
  const denied = await read('pros.c3', a.id);
  assert.equal(denied.statusCode, 403);
  assert.equal(denied.json<Problem>().code, 'justice.partner.not_your_case');
  assert.equal((await read('pros.pjs', other.id)).statusCode, 403);
  // Their list holds only their case.
  const list = await app.inject({ url: '/api/justice/partner/cases', headers: auth(users['pros.pjs'].token) });
  assert.deepEqual(
    list.json<List<{ admission_id: string }>>().items.map((x) => x.admission_id),
    [a.id],
  );
  assert.equal(
    (await app.inject({ url: '/api/justice/partner/cases', headers: auth(users['pros.c3'].token) })).json<
      List<unknown>
    >().items.length,
    0,
  );
  // Partners write hearings and titles of their own jurisdiction only.
  const tomorrow = addDays(bamakoDate(), 1);
  const h = await app.inject({
    method: 'POST',
    url: `/api/justice/admissions/${a.id}/hearings`,
    headers: auth(users['pros.pjs'].token),
    payload: { court: 'PJS, salle 2', scheduled_at: `${tomorrow}T09:00:00Z` },
  });
  assert.equal(h.statusCode, 201, h.body);
  assert.equal(h.json<{ jurisdiction_id: string }>().jurisdiction_id, pjs.id);
  const wrongJ = await app.inject({
    method: 'POST',
    url: `/api/justice/admissions/${a.id}/titles`,
    headers: auth(users['pros.pjs'].token),
    payload: {
      kind: 'extension_order',
      authority_kind: 'court_first_instance',
      authority: 'TGI C3',
      jurisdiction: 'TGI-C3',
      reference: 'X',
      issued_on: '2026-11-02',
    },
  });
  assert.equal(wrongJ.statusCode, 422);
  assert.equal(wrongJ.json<Problem>().errors![0].field, '/jurisdiction');
  const c3write = await app.inject({
    method: 'POST',
    url: `/api/justice/admissions/${a.id}/titles`,
    headers: auth(users['pros.c3'].token),
    payload: {
      kind: 'release_order',
      authority_kind: 'court_first_instance',
      authority: 'TGI C3',
      reference: 'X',
      issued_on: '2026-11-02',
    },
  });
  assert.equal(c3write.statusCode, 403);
  // The arrival document was not issued by the partner: they cannot correct it.
  const docId = (await getJusticeFile(db, clerk, a.id)).titles.find((x) => x.source === 'admission')!.id;
  await assert.rejects(
    correctTitle(db, prosPjs, docId, { changes: { reference: 'Y' }, reason: 'x' }),
    (e: { status?: number }) => e.status === 403,
  );
  // Staff lists are for staff.
  assert.equal(
    (await app.inject({ url: '/api/justice/prisons/BKO/court-list', headers: auth(users['pros.pjs'].token) }))
      .statusCode,
    403,
  );
  // The prison sees who looked at what.
  const log = await app.inject({
    url: '/api/justice/partner-access?prison=BKO',
    headers: auth(fx.tokens['director.bko']),
  });
  assert.equal(log.statusCode, 200, log.body);
  const entries = log.json<List<{ actor: string; action: string; entity_id: string }>>().items;
  assert.ok(entries.some((e) => e.actor === 'pros.pjs' && e.action === 'read' && e.entity_id === a.id));
  assert.ok(entries.some((e) => e.actor === 'pros.pjs' && e.action === 'write'));
  assert.ok(!entries.some((e) => e.actor === 'pros.c3' && e.action === 'read'));
});

test('the court list for tomorrow is printable, with the escort', async () => {
  const a = await admit(db, clerk, arrival());
  const tomorrow = addDays(bamakoDate(), 1);
  await scheduleHearing(db, clerk, a.id, {
    court: 'Tribunal de la Commune III',
    scheduled_at: `${tomorrow}T08:30:00Z`,
    production_order_ref: 'OE-2026-400',
    escort_unit: 'Garde nationale',
    escort_leader: 'Sgt Diallo',
    escort_size: 4,
    vehicle: 'Pick-up 12',
  });
  const json = await app.inject({ url: '/api/justice/prisons/BKO/court-list', headers: auth(fx.tokens['clerk.bko']) });
  assert.equal(json.statusCode, 200, json.body);
  const item = json
    .json<List<{ admission_id: string; escort_leader: string; committal_number: string; charges: string[] }>>()
    .items.find((i) => i.admission_id === a.id)!;
  assert.equal(item.escort_leader, 'Sgt Diallo');
  assert.equal(item.committal_number, a.committal_number);
  assert.match(item.charges[0], /^Poursuivi\(e\) pour/);
  const page = await app.inject({
    url: '/api/justice/prisons/BKO/court-list?format=html',
    headers: auth(fx.tokens['clerk.bko']),
  });
  assert.equal(page.statusCode, 200);
  assert.match(page.headers['content-type'] as string, /text\/html/);
  assert.match(page.body, /Sgt Diallo/);
  assert.match(page.body, /Poursuivi\(e\) pour : Association de malfaiteurs/);
  assert.doesNotMatch(page.body, /\bterrorist\b/i); // accused of a charge, never labelled
});

test("the backlog reproduces the prison's figures from its records, as JSON and CSV", async () => {
  const asOf = bamakoDate();
  const r = await backlog(db, director, { prison: 'BKO', as_of: asOf });
  const held = await db.execute<{ n: number; untried: number }>(sql`
    SELECT count(*)::int AS n, count(*) FILTER (WHERE legal_status IN ('under_investigation','awaiting_trial'))::int AS untried
      FROM admission WHERE prison_id = ${fx.prisons.BKO.id}::uuid AND ended_at IS NULL`);
  assert.equal(r.prisons[0].figures.all.total, held.rows[0].n);
  assert.equal(r.prisons[0].figures.all.untried, held.rows[0].untried);
  assert.ok(r.prisons[0].figures.all.sentenced >= 1);
  assert.equal(r.overall.all.total, r.prisons[0].figures.all.total);
  const csv = backlogCsv(r, { lang: 'fr', headers: 'codes' });
  const lines = csv.trim().split('\n');
  assert.equal(lines.length, 3);
  assert.match(lines[0], /^prison,as_of,held,untried/);
  assert.match(lines[1], new RegExp(`^BKO,${asOf},${held.rows[0].n},${held.rows[0].untried},`));
  const http = await app.inject({
    url: `/api/justice/backlog.csv?prison=BKO&as_of=${asOf}`,
    headers: auth(fx.tokens['director.bko']),
  });
  assert.equal(http.statusCode, 200);
  assert.match(http.headers['content-type'] as string, /text\/csv/);
  // Before anyone was admitted, the prison held nobody.
  const before = await backlog(db, director, { prison: 'BKO', as_of: '2025-01-01' });
  assert.equal(before.prisons[0].figures.all.total, 0);
  assert.equal(before.prisons[0].figures.all.sentencedPercent, null);
});

test('the home page summary (counted and ordered by the database) equals the full alert list: same count, same first alerts, on every date', async () => {
  // People in several situations: misdemeanours (expiring, expired, category assumed), a felony, a convicted person near release.
  const misdemeanour = [{ qualification: 'Vol', category: 'misdemeanour' }];
  await admit(db, clerk, arrival({ charges: misdemeanour }));
  await admit(db, clerk, arrival({ charges: [{ qualification: 'Assassinat', category: 'felony' }] }));
  const c = await admit(db, clerk, arrival({ charges: misdemeanour }));
  await addTitle(db, clerk, c.id, {
    kind: 'conviction',
    authority_kind: 'court_first_instance',
    authority: 'TGI Commune III',
    reference: 'JUG-SUM-1',
    issued_on: bamakoDate(),
    sentence: { months: 2 },
  });
  // A row marked stale (as a write from elsewhere would): refreshed before it is counted.
  await db.execute(sql`UPDATE justice_state SET stale = true WHERE admission_id = ${c.id}::uuid`);
  const today = bamakoDate();
  let seen = 0;
  const kinds = new Set<string>();
  // Every day for 14 months (each threshold met on its day: expiring within N days, N months without a hearing, release), then far ahead.
  for (const later of [...Array.from({ length: 430 }, (_, i) => i), 800]) {
    const day = addDays(today, later);
    const all = await justiceAlertsForPrison(db, director, fx.prisons.BKO.id, day);
    for (const limit of later % 10 ? [25] : [1, 3, 25]) {
      const sum = await justiceAlertSummary(db, director, fx.prisons.BKO.id, { asOf: day, limit });
      assert.equal(sum.total, all.length, `count on ${day}`);
      assert.deepEqual(sum.items, all.slice(0, limit), `first ${limit} on ${day}`);
    }
    seen += all.length;
    for (const a of all) kinds.add(a.kind);
  }
  assert.ok(seen > 20 && kinds.size >= 4, `${seen} alerts of kinds ${[...kinds].join(', ')}`);
  // A past date: from the records, the same first alerts.
  const past = addDays(today, -30);
  const sum = await justiceAlertSummary(db, director, fx.prisons.BKO.id, { asOf: past, limit: 5 });
  assert.deepEqual(sum.items, (await justiceAlertsForPrison(db, director, fx.prisons.BKO.id, past)).slice(0, 5));
  await assert.rejects(
    justiceAlertSummary(db, fx.actors['clerk.klk'], fx.prisons.BKO.id),
    (e: { status?: number }) => e.status === 403,
  );
});
