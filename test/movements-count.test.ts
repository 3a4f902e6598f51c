/**
 * Escorts, the count and the daily state (issue 13, items 2 and 3) through the API: a court
 * production taken from the day's court list, the person out still counted in the prison and
 * deducted from their cell's expected figure; a count discrepancy shown per cell and for the unit,
 * resolved by a recount kept beside the first figures, closed by a named officer; the daily state's
 * arithmetic and the national sum; who may do what.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { bamakoDate } from '../src/core/dates.js';
import { auth, fixture, newArrival, releaseThroughMovements, testApp, testDatabase } from './helpers.js';

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);
const db = database.db;
const BKO = fx.prisons.BKO;
const [A01, A02, A03] = BKO.cells;
const unit = BKO.units[0];

async function call(method: 'GET' | 'POST' | 'PUT', url: string, user: string, payload?: unknown, lang = 'fr') {
  const r = await app.inject({ method, url, headers: auth(fx.tokens[user], lang), payload: payload as object });
  return { status: r.statusCode, body: r.json() as Record<string, unknown> & { [k: string]: any } };
}

async function admit(name: string, cell: string | null, at = '2026-03-10T09:30:00Z') {
  const r = await call(
    'POST',
    '/api/admissions',
    'clerk.bko',
    newArrival({
      person: { ...newArrival().person, family_name: name, given_names: 'Test', father_name: `${name} père` },
      admitted_at: at,
      cell_id: cell,
      charges: [{ qualification: 'Vol qualifié', category: 'misdemeanour', terrorism_related: false }],
    }),
  );
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body as { id: string; person_id: string };
}

const p1 = await admit('Coulibaly', A01);
const p2 = await admit('Diarra', A01);
const p3 = await admit('Traoré', A02);
const p4 = await admit('Keïta', null);
const today = bamakoDate();

test('a court production comes from the day’s court list; the person out is still held and shown out', async () => {
  const at = new Date(Date.now() + 3600_000).toISOString();
  const h = await call('POST', `/api/justice/admissions/${p1.id}/hearings`, 'clerk.bko', {
    court: 'Tribunal de grande instance de la commune III',
    scheduled_at: at,
    production_order_ref: 'OE-2026-117',
  });
  assert.equal(h.status, 201, JSON.stringify(h.body));
  const board = await call('GET', '/api/movements/escorts?prison=BKO', 'security.bko');
  assert.equal(board.status, 200, JSON.stringify(board.body));
  const prod = board.body.productions.find((p: any) => p.hearing_id === h.body.id);
  assert.ok(prod, 'the hearing is on the board');
  assert.equal(prod.production_order_ref, 'OE-2026-117');
  assert.equal(prod.escort_id, null);

  // A bad purpose, a hearing on a hospital escort, times the wrong way round: field errors, nothing written.
  const bad = await call('POST', '/api/movements/escorts', 'security.bko', {
    admission_id: p1.id,
    purpose: 'picnic',
    destination: 'x',
    officers: 'y',
    expected_back_at: at,
  });
  assert.equal(bad.status, 422);
  assert.ok(JSON.stringify(bad.body).includes('/purpose'), JSON.stringify(bad.body));
  const wrong = await call('POST', '/api/movements/escorts', 'security.bko', {
    admission_id: p1.id,
    purpose: 'hospital',
    hearing_id: h.body.id,
    destination: 'Hôpital Gabriel Touré',
    officers: 'Sgt Dembélé',
    expected_back_at: new Date(Date.now() - 3600_000).toISOString(),
  });
  assert.equal(wrong.status, 422);
  const fields = (wrong.body.errors as { field: string }[]).map((e) => e.field).sort();
  assert.deepEqual(fields, ['/expected_back_at', '/hearing_id'], JSON.stringify(wrong.body));

  // Medical staff may not take someone out.
  const medic = await call('POST', '/api/movements/escorts', 'medic.bko', {
    admission_id: p1.id,
    purpose: 'court',
    destination: 'TGI',
    officers: 'GN',
    expected_back_at: new Date(Date.now() + 6 * 3600_000).toISOString(),
  });
  assert.equal(medic.status, 403);

  const out = await call('POST', '/api/movements/escorts', 'security.bko', {
    admission_id: p1.id,
    purpose: 'court',
    hearing_id: h.body.id,
    destination: 'TGI commune III',
    officers: 'Garde nationale : Sgt Dembélé, 2 gardes',
    expected_back_at: new Date(Date.now() + 6 * 3600_000).toISOString(),
  });
  assert.equal(out.status, 201, JSON.stringify(out.body));
  assert.equal(out.body.out, true);
  assert.equal(out.body.overdue, false);
  const twice = await call('POST', '/api/movements/escorts', 'security.bko', {
    admission_id: p1.id,
    purpose: 'hospital',
    destination: 'Hôpital',
    officers: 'GN',
    expected_back_at: new Date(Date.now() + 6 * 3600_000).toISOString(),
  });
  assert.equal(twice.status, 409);

  const after = await call('GET', '/api/movements/escorts?prison=BKO', 'clerk.bko');
  assert.equal(after.body.productions.find((p: any) => p.hearing_id === h.body.id).escort_id, out.body.id);
  assert.deepEqual(
    after.body.out.map((e: any) => e.admission_id),
    [p1.id],
  );
  // Still admitted: the population counts them.
  const pop = await call('GET', '/api/prisons/BKO/population', 'clerk.bko');
  assert.equal(pop.body.total, 4);
});

let roundId = '';

test('the count sheet expects per cell the placements minus the people out; the unplaced are named', async () => {
  const s = await call('GET', `/api/movements/counts/sheet?unit=${unit}&slot=morning`, 'security.bko');
  assert.equal(s.status, 200, JSON.stringify(s.body));
  assert.equal(s.body.id, null);
  const byCell = Object.fromEntries(s.body.cells.map((c: any) => [c.cell_id, c]));
  assert.deepEqual([byCell[A01].placed, byCell[A01].out, byCell[A01].expected], [2, 1, 1]);
  assert.deepEqual(
    byCell[A01].out_people.map((p: any) => p.admission_id),
    [p1.id],
  );
  assert.equal(byCell[A02].expected, 1);
  assert.equal(byCell[A03].expected, 0);
  const day = await call('GET', '/api/movements/counts?prison=BKO', 'security.bko');
  assert.deepEqual(
    day.body.unplaced.map((p: any) => p.admission_id),
    [p4.id],
  );
  assert.deepEqual(day.body.slots, ['morning', 'noon', 'evening']);
});

test('a count discrepancy is shown at once, per cell and for the unit', async () => {
  const missing = await call('POST', '/api/movements/counts', 'security.bko', {
    unit_id: unit,
    slot: 'morning',
    counts: [{ cell_id: A01, counted: 1 }],
  });
  assert.equal(missing.status, 422);
  const badSlot = await call('POST', '/api/movements/counts', 'security.bko', {
    unit_id: unit,
    slot: 'midnight',
    counts: [{ cell_id: A01, counted: 1 }],
  });
  assert.equal(badSlot.status, 422);
  assert.ok(JSON.stringify(badSlot.body).includes('/slot'));
  const clerk = await call('POST', '/api/movements/counts', 'clerk.bko', {
    unit_id: unit,
    slot: 'morning',
    counts: [{ cell_id: A01, counted: 1 }],
  });
  assert.equal(clerk.status, 403, 'the registry clerk does not count');

  const r = await call('POST', '/api/movements/counts', 'security.bko', {
    unit_id: unit,
    slot: 'morning',
    counts: [
      { cell_id: A01, counted: 0 },
      { cell_id: A02, counted: 1 },
      { cell_id: A03, counted: 0 },
    ],
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  roundId = r.body.id;
  const a01 = r.body.cells.find((c: any) => c.cell_id === A01);
  assert.equal(a01.expected, 1);
  assert.equal(a01.counted, 0);
  assert.equal(a01.difference, -1);
  assert.equal(r.body.mismatched, 1);
  assert.equal(r.body.difference, -1);
  assert.equal(r.body.balanced, false);
  assert.equal(r.body.state, 'open');

  const again = await call('POST', '/api/movements/counts', 'security.bko', {
    unit_id: unit,
    slot: 'morning',
    counts: [
      { cell_id: A01, counted: 1 },
      { cell_id: A02, counted: 1 },
      { cell_id: A03, counted: 0 },
    ],
  });
  assert.equal(again.status, 409, 'the same count time twice: a recount instead');
});

test('closing needs an explanation while the discrepancy remains; the recount is kept beside the first figures', async () => {
  const refuse = await call('POST', `/api/movements/counts/${roundId}/validate`, 'director.bko', {}, 'en');
  assert.equal(refuse.status, 422);
  assert.match(JSON.stringify(refuse.body), /explain it/);

  const re = await call('POST', `/api/movements/counts/${roundId}/recount`, 'security.bko', {
    counts: [{ cell_id: A01, counted: 1 }],
  });
  assert.equal(re.status, 200, JSON.stringify(re.body));
  assert.equal(re.body.balanced, true);
  const a01 = re.body.cells.find((c: any) => c.cell_id === A01);
  assert.deepEqual(
    a01.attempts.map((a: any) => [a.attempt, a.counted, a.difference]),
    [
      [1, 0, -1],
      [2, 1, 0],
    ],
  );
  const rows = await db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM count_entry WHERE round_id = ${roundId}`,
  );
  assert.equal(rows.rows[0].n, 4, 'three first figures and one recount, none overwritten');

  const ok = await call('POST', `/api/movements/counts/${roundId}/validate`, 'director.bko', {});
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.equal(ok.body.state, 'validated');
  assert.equal(ok.body.validated_by, 'director.bko');
  const late = await call('POST', `/api/movements/counts/${roundId}/recount`, 'security.bko', {
    counts: [{ cell_id: A01, counted: 2 }],
  });
  assert.equal(late.status, 409);
  const history = await db.execute<{ action: string }>(
    sql`SELECT action FROM change_log WHERE entity = 'count_round' AND entity_id = ${roundId} ORDER BY at`,
  );
  assert.deepEqual(
    history.rows.map((h) => h.action),
    ['count', 'recount', 'validate'],
  );
});

test('back from court: expected again in the cell', async () => {
  const board = await call('GET', '/api/movements/escorts?prison=BKO', 'security.bko');
  const e = board.body.out[0];
  const back = await call('POST', `/api/movements/escorts/${e.id}/back`, 'security.bko', {});
  assert.equal(back.status, 200, JSON.stringify(back.body));
  assert.equal(back.body.out, false);
  const twice = await call('POST', `/api/movements/escorts/${e.id}/back`, 'security.bko', {});
  assert.equal(twice.status, 409);
  const s = await call('GET', `/api/movements/counts/sheet?unit=${unit}&slot=noon`, 'security.bko');
  assert.equal(s.body.cells.find((c: any) => c.cell_id === A01).expected, 2);
});

test('the daily state: start + in − out = end, by legal status, escorts and counts of the day; the national sum', async () => {
  // One admitted today, one released today.
  await admit('Sangaré', A03, new Date(Date.now() - 60_000).toISOString());
  const end = await releaseThroughMovements(database, fx, p3.id, { basis: 'Fin de peine' });
  assert.equal(end.state, 'released');

  const d = await call('GET', `/api/movements/daily-state?prison=BKO&date=${today}`, 'director.bko');
  assert.equal(d.status, 200, JSON.stringify(d.body));
  assert.equal(d.body.population_start, 4);
  assert.equal(d.body.admissions, 1);
  assert.equal(d.body.releases, 1);
  assert.equal(d.body.population_end, 4);
  assert.equal(d.body.balanced, true);
  assert.equal(d.body.computed_end, 4);
  assert.equal(
    Object.values(d.body.by_status as Record<string, number>).reduce((s, n) => s + n, 0),
    4,
  );
  assert.equal(d.body.escorts.length, 1);
  assert.equal(d.body.out_on_escort, 0);
  assert.equal(d.body.rounds.length, 1);
  assert.equal(d.body.rounds[0].balanced, true);

  await admit('Dembélé', null, '2026-03-11T08:00:00Z').then(() => undefined);
  const klk = await call(
    'POST',
    '/api/admissions',
    'clerk.klk',
    newArrival({
      prison: 'KLK',
      person: { ...newArrival().person, family_name: 'Konaté', father_name: 'K père' },
      charges: [{ qualification: 'Vol', category: 'misdemeanour', terrorism_related: false }],
    }),
  );
  assert.equal(klk.status, 201, JSON.stringify(klk.body));
  const n = await call('GET', `/api/movements/daily-state/national?date=${today}`, 'admin');
  assert.equal(n.status, 200, JSON.stringify(n.body));
  const bko = n.body.prisons.find((p: any) => p.prison_code === 'BKO');
  const kl = n.body.prisons.find((p: any) => p.prison_code === 'KLK');
  assert.equal(n.body.population_end, bko.population_end + kl.population_end);
  assert.equal(kl.population_end, 1);
  assert.equal(n.body.balanced, true);

  // Scope: another prison's clerk may not read BKO's; the national auditor may.
  assert.equal((await call('GET', `/api/movements/daily-state?prison=BKO`, 'clerk.klk')).status, 403);
  assert.equal((await call('GET', `/api/movements/daily-state?prison=BKO`, 'auditor')).status, 200);
  const scoped = await call('GET', `/api/movements/daily-state/national`, 'clerk.klk');
  assert.deepEqual(
    scoped.body.prisons.map((p: any) => p.prison_code),
    ['KLK'],
  );
});
