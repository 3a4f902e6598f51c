/**
 * Visits at the gate (issue 14, items 1, 2, 3 and 6) through the API: a visitor found under another
 * spelling; a visit refused for a banned visitor and for a person whose visits are restricted, each
 * refusal recorded with its reason; a legal visit not counted against the family quota and with no
 * content stored; the weekly quota and the visiting hours; items refused with a reason; the family
 * contact overview and the no-contact list; who may do what.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { bamakoDate } from '../src/core/dates.js';
import { addUser, createToken } from '../src/modules/access/service.js';
import { auth, fixture, newArrival, testApp, testDatabase } from './helpers.js';

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);
const db = database.db;
const BKO = fx.prisons.BKO;

const social = await addUser(db, null, {
  username: 'social.bko',
  display_name: 'social.bko',
  password: 'correct horse battery',
  roles: ['social_worker'],
  prisons: ['BKO'],
});
fx.tokens['social.bko'] = (await createToken(db, social.id)).token;

async function call(method: 'GET' | 'POST' | 'PUT', url: string, user: string, payload?: unknown, lang = 'fr') {
  const r = await app.inject({ method, url, headers: auth(fx.tokens[user], lang), payload: payload as object });
  return { status: r.statusCode, body: r.json() as Record<string, unknown> & { [k: string]: any } };
}

async function admit(name: string, cell: string, at = '2026-03-10T09:30:00Z', region: string | null = null) {
  const base = newArrival().person;
  const r = await call(
    'POST',
    '/api/admissions',
    'clerk.bko',
    newArrival({
      person: {
        ...base,
        family_name: name,
        given_names: 'Test',
        father_name: `${name} père`,
        ...(region ? { origin_region_code: region } : {}),
      },
      admitted_at: at,
      cell_id: cell,
    }),
  );
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body as { id: string; person_id: string };
}

async function visitor(family_name: string, given_names: string, extra: Record<string, unknown> = {}) {
  const r = await call('POST', '/api/visits/visitors', 'clerk.bko', {
    family_name,
    given_names,
    id_doc_kind: 'nina_card',
    id_doc_number: `NINA-${family_name}-${given_names}`.slice(0, 60),
    ...extra,
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body as { id: string };
}

const changesOf = async (entityId: string) =>
  (
    await db.execute<{ action: string; reason: string | null }>(
      sql`SELECT action, reason FROM change_log WHERE entity_id = ${entityId} ORDER BY at`,
    )
  ).rows;

const today = bamakoDate();
const p1 = await admit('Coulibaly', BKO.cells[0], '2026-03-10T09:30:00Z', 'GAO');
const p2 = await admit('Diarra', BKO.cells[1]);
const p3 = await admit('Sangaré', BKO.cells[2], new Date(Date.now() - 2 * 86_400_000).toISOString());

test('a visitor is found under another spelling, and by document number', async () => {
  const v = await visitor('Keïta', 'Djénéba');
  const found = await call('GET', `/api/visits/visitors?q=${encodeURIComponent('Jeneba Keita')}`, 'security.bko');
  assert.equal(found.status, 200);
  assert.ok(
    found.body.items.some((x: any) => x.id === v.id),
    JSON.stringify(found.body),
  );
  const swapped = await call('GET', `/api/visits/visitors?q=${encodeURIComponent('KEITA Djeneba')}`, 'director.bko');
  assert.ok(swapped.body.items.some((x: any) => x.id === v.id));
  const byDoc = await call('GET', `/api/visits/visitors?q=${encodeURIComponent('NINA-Keïta-Djénéba')}`, 'clerk.bko');
  assert.ok(byDoc.body.items.some((x: any) => x.id === v.id));
  const other = await call('GET', `/api/visits/visitors?q=${encodeURIComponent('Moussa Traoré')}`, 'clerk.bko');
  assert.ok(!other.body.items.some((x: any) => x.id === v.id));
  // The name is stored as written.
  assert.equal(found.body.items.find((x: any) => x.id === v.id).given_names, 'Djénéba');
  // A document kind without its number is a field error.
  const bad = await call('POST', '/api/visits/visitors', 'clerk.bko', { family_name: 'X', id_doc_kind: 'passport' });
  assert.equal(bad.status, 422);
  assert.ok(JSON.stringify(bad.body).includes('/id_doc_number'));
});

test('a banned visitor is refused, and the refusal is recorded with the ban’s reason', async () => {
  const v = await visitor('Traoré', 'Awa');
  // Only the director bans.
  const clerkBan = await call('POST', `/api/visits/visitors/${v.id}/bans`, 'clerk.bko', {
    scope: 'prison',
    prison: 'BKO',
    reason: 'x',
  });
  assert.equal(clerkBan.status, 403);
  const ban = await call('POST', `/api/visits/visitors/${v.id}/bans`, 'director.bko', {
    scope: 'prison',
    prison: 'BKO',
    reason: 'Tentative d’introduire un téléphone le 3 novembre',
    until: '2099-01-01',
  });
  assert.equal(ban.status, 201, JSON.stringify(ban.body));
  assert.equal(ban.body.bans[0].in_force, true);
  const r = await call('POST', '/api/visits', 'clerk.bko', {
    admission_id: p1.id,
    kind: 'family',
    channel: 'walk_in',
    visitor_ids: [v.id],
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.state, 'refused');
  assert.equal(r.body.refusal_code, 'visitor_banned');
  assert.match(r.body.refusal_detail, /téléphone/);
  const log = await changesOf(r.body.id);
  assert.equal(log[0].action, 'deny');
  assert.match(log[0].reason ?? '', /téléphone/);
  // On the day's list, with its reason.
  const list = await call('GET', `/api/visits?prison=BKO&date=${today}`, 'security.bko');
  assert.ok(list.body.visits.some((x: any) => x.id === r.body.id && x.state === 'refused'));
  // A refused visit never counts against the quota.
  assert.equal(r.body.counts_against_quota, false);
  // Lifted with a reason: the visitor comes in.
  const lift = await call('POST', `/api/visits/bans/${ban.body.bans[0].id}/lift`, 'director.bko', {
    reason: 'Décision revue',
  });
  assert.equal(lift.status, 200, JSON.stringify(lift.body));
  assert.equal(lift.body.bans[0].in_force, false);
});

test('a person whose visits are restricted by an individual decision is refused with its reason; never a disciplinary basis', async () => {
  const v = await visitor('Diarra', 'Mariam');
  const disc = await call('POST', '/api/visits/restrictions', 'director.bko', {
    admission_id: p2.id,
    basis: 'disciplinary',
    reason: 'Bagarre',
    until: '2099-01-01',
  });
  assert.equal(disc.status, 422, 'no disciplinary ban on family contact (Mandela Rule 43(3))');
  assert.ok(JSON.stringify(disc.body).includes('/basis'));
  const noReason = await call('POST', '/api/visits/restrictions', 'director.bko', {
    admission_id: p2.id,
    basis: 'judicial_order',
    reason: '',
    until: '2099-01-01',
  });
  assert.equal(noReason.status, 422);
  const clerk = await call('POST', '/api/visits/restrictions', 'clerk.bko', {
    admission_id: p2.id,
    basis: 'judicial_order',
    reason: 'Ordonnance',
    until: '2099-01-01',
  });
  assert.equal(clerk.status, 403);
  const dec = await call('POST', '/api/visits/restrictions', 'director.bko', {
    admission_id: p2.id,
    basis: 'judicial_order',
    reason: 'Ordonnance du juge d’instruction n° 45/2026 : interdiction de communiquer',
    until: '2099-01-01',
  });
  assert.equal(dec.status, 201, JSON.stringify(dec.body));
  const r = await call('POST', '/api/visits', 'clerk.bko', {
    admission_id: p2.id,
    kind: 'family',
    channel: 'phone',
    visitor_ids: [v.id],
    day: today,
  });
  assert.equal(r.status, 201);
  assert.equal(r.body.state, 'refused');
  assert.equal(r.body.refusal_code, 'person_restricted');
  assert.match(r.body.refusal_detail, /Ordonnance du juge/);
  assert.match((await changesOf(r.body.id))[0].reason ?? '', /Ordonnance/);
  // The restriction never reaches a legal visit.
  const lawyer = await visitor('Maïga', 'Boubacar', { id_doc_kind: 'bar_card', bar_number: 'B-1234' });
  const legal = await call('POST', '/api/visits', 'clerk.bko', {
    admission_id: p2.id,
    kind: 'legal',
    channel: 'walk_in',
    visitor_ids: [lawyer.id],
    bar_number: 'B-1234',
  });
  assert.equal(legal.body.state, 'in_progress', JSON.stringify(legal.body));
});

test('a legal visit needs a bar number, is out of hearing, stores no content and never counts against the family quota', async () => {
  const lawyer = await visitor('Cissé', 'Amadou', { id_doc_kind: 'bar_card', bar_number: 'B-777' });
  const mother = await visitor('Coulibaly', 'Fanta');
  // One family visit a week.
  const rules = await call('PUT', '/api/visits/rules', 'director.bko', {
    prison: 'BKO',
    reason: 'Note de service 12/2026',
    rules: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      weekday,
      starts: '00:00',
      ends: '23:59',
      per_person_week: 1,
      visitors_per_visit: 3,
      room_capacity: 200,
    })),
  });
  assert.equal(rules.status, 200, JSON.stringify(rules.body));
  const noBar = await call('POST', '/api/visits', 'clerk.bko', {
    admission_id: p1.id,
    kind: 'legal',
    channel: 'walk_in',
    visitor_ids: [lawyer.id],
  });
  assert.equal(noBar.status, 422);
  assert.ok(JSON.stringify(noBar.body).includes('/bar_number'));
  // What was said has nowhere to go: a content field is refused, and the table has no such column.
  const withContent = await call('POST', '/api/visits', 'clerk.bko', {
    admission_id: p1.id,
    kind: 'legal',
    channel: 'walk_in',
    visitor_ids: [lawyer.id],
    bar_number: 'B-777',
    notes: 'Stratégie de défense',
  });
  assert.equal(withContent.status, 422);
  const cols = (
    await db.execute<{ column_name: string }>(
      sql`SELECT column_name FROM information_schema.columns WHERE table_name = 'visit'`,
    )
  ).rows.map((c) => c.column_name);
  assert.ok(!cols.some((c) => /note|content|summary|comment/.test(c)), cols.join(','));
  const legal = await call('POST', '/api/visits', 'clerk.bko', {
    admission_id: p1.id,
    kind: 'legal',
    channel: 'walk_in',
    visitor_ids: [lawyer.id],
    bar_number: 'B-777',
  });
  assert.equal(legal.body.state, 'in_progress', JSON.stringify(legal.body));
  assert.equal(legal.body.out_of_hearing, true);
  assert.equal(legal.body.counts_against_quota, false);
  // The family visit of the week is still possible after the legal one…
  const fam = await call('POST', '/api/visits', 'clerk.bko', {
    admission_id: p1.id,
    kind: 'family',
    channel: 'walk_in',
    visitor_ids: [mother.id],
    relationship: 'parent',
  });
  assert.equal(fam.body.state, 'in_progress', JSON.stringify(fam.body));
  assert.equal(fam.body.counts_against_quota, true);
  // …a second lawyer's visit too…
  const legal2 = await call('POST', '/api/visits', 'clerk.bko', {
    admission_id: p1.id,
    kind: 'legal',
    channel: 'walk_in',
    visitor_ids: [lawyer.id],
    bar_number: 'B-777',
  });
  assert.equal(legal2.body.state, 'in_progress');
  // …but not a second family visit: refused with the figures.
  const fam2 = await call('POST', '/api/visits', 'clerk.bko', {
    admission_id: p1.id,
    kind: 'family',
    channel: 'walk_in',
    visitor_ids: [mother.id],
  });
  assert.equal(fam2.body.state, 'refused');
  assert.equal(fam2.body.refusal_code, 'weekly_quota');
  assert.match(fam2.body.refusal_detail, /1\/1/);
  // Departure, items.
  const item = await call('POST', `/api/visits/${fam.body.id}/items`, 'security.bko', {
    kind: 'food',
    description: 'Riz au gras, une gamelle',
    outcome: 'handed_over',
  });
  assert.equal(item.status, 200, JSON.stringify(item.body));
  const noReason = await call('POST', `/api/visits/${fam.body.id}/items`, 'security.bko', {
    kind: 'medicine',
    description: 'Comprimés sans ordonnance',
    outcome: 'refused',
  });
  assert.equal(noReason.status, 422);
  assert.ok(JSON.stringify(noReason.body).includes('/refusal_reason'));
  const refused = await call('POST', `/api/visits/${fam.body.id}/items`, 'security.bko', {
    kind: 'medicine',
    description: 'Comprimés sans ordonnance',
    outcome: 'refused',
    refusal_reason: 'Médicaments remis à l’infirmerie seulement',
  });
  assert.equal(refused.body.items.length, 2);
  const left = await call('POST', `/api/visits/${fam.body.id}/departure`, 'security.bko', {});
  assert.equal(left.body.state, 'ended');
  const again = await call('POST', `/api/visits/${fam.body.id}/departure`, 'security.bko', {});
  assert.equal(again.status, 409);
  // The rules' change is in the history with its reason.
  assert.equal((await changesOf(BKO.id)).at(-1)?.reason, 'Note de service 12/2026');
  // Back to rules that do not bind the other tests.
  await call('PUT', '/api/visits/rules', 'director.bko', { prison: 'BKO', reason: 'Fin de l’essai', rules: [] });
});

test('visiting hours: outside the window a booking is refused with the hours', async () => {
  const v = await visitor('Sangaré', 'Oumou');
  const friday = (() => {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + ((5 - (d.getUTCDay() || 7) + 7) % 7 || 7));
    return d.toISOString().slice(0, 10);
  })();
  await call('PUT', '/api/visits/rules', 'director.bko', {
    prison: 'BKO',
    reason: 'Vendredi matin',
    rules: [
      { weekday: 5, starts: '08:00', ends: '12:00', per_person_week: 2, visitors_per_visit: 1, room_capacity: 1 },
    ],
  });
  const late = await call('POST', '/api/visits', 'clerk.bko', {
    admission_id: p3.id,
    kind: 'family',
    channel: 'phone',
    visitor_ids: [v.id],
    day: friday,
    time: '15:00',
  });
  assert.equal(late.body.refusal_code, 'outside_hours');
  const ok = await call('POST', '/api/visits', 'clerk.bko', {
    admission_id: p3.id,
    kind: 'family',
    channel: 'phone',
    visitor_ids: [v.id],
    day: friday,
    time: '09:00',
  });
  assert.equal(ok.body.state, 'booked', JSON.stringify(ok.body));
  // The room holds one visitor: the next booking in the window is refused.
  const w = await visitor('Sangaré', 'Kadia');
  const full = await call('POST', '/api/visits', 'clerk.bko', {
    admission_id: p1.id,
    kind: 'family',
    channel: 'phone',
    visitor_ids: [w.id],
    day: friday,
    time: '10:00',
  });
  assert.equal(full.body.refusal_code, 'room_full');
  const cancelled = await call('POST', `/api/visits/${ok.body.id}/cancellation`, 'clerk.bko');
  assert.equal(cancelled.body.state, 'cancelled');
  await call('PUT', '/api/visits/rules', 'director.bko', { prison: 'BKO', reason: 'Fin de l’essai', rules: [] });
});

test('family contact: the overview, calls and letters without content, tracing, and the no-contact list', async () => {
  const call1 = await call('POST', '/api/visits/contacts', 'social.bko', {
    admission_id: p1.id,
    kind: 'call',
    with_whom: 'Sa mère, Fanta Coulibaly',
  });
  assert.equal(call1.status, 201, JSON.stringify(call1.body));
  const guard = await call('POST', '/api/visits/contacts', 'security.bko', {
    admission_id: p1.id,
    kind: 'call',
    with_whom: 'x',
  });
  assert.equal(guard.status, 403);
  const ov = await call('GET', `/api/visits/people/${p1.person_id}/contact`, 'social.bko');
  assert.equal(ov.status, 200, JSON.stringify(ov.body));
  assert.equal(ov.body.calls_90_days, 1);
  assert.ok(ov.body.family_visits_90_days >= 1);
  assert.ok(ov.body.last_family_visit);
  assert.equal(ov.body.origin_region, 'GAO');
  // Gao to Bamako: about 960 km as the crow flies between the chefs-lieux.
  assert.ok(ov.body.distance_km > 900 && ov.body.distance_km < 1000, String(ov.body.distance_km));
  // The no-contact list: p2 (admitted in March, only a lawyer and a refused visit) is on it; p1 is not;
  // p3 (admitted two days ago) is not at 90 days, is at 1 day.
  const list = await call('GET', '/api/visits/no-contact?prison=BKO', 'social.bko');
  assert.equal(list.status, 200, JSON.stringify(list.body));
  assert.equal(list.body.days, 90);
  const ids = list.body.items.map((x: any) => x.admission_id);
  assert.ok(ids.includes(p2.id), 'no family contact since March');
  assert.ok(!ids.includes(p1.id), 'visited and called');
  assert.ok(!ids.includes(p3.id), 'admitted two days ago');
  const short = await call('GET', '/api/visits/no-contact?prison=BKO&days=1', 'social.bko');
  assert.ok(short.body.items.some((x: any) => x.admission_id === p3.id));
  // Tracing through a partner, followed.
  const tr = await call('POST', '/api/visits/tracing', 'social.bko', {
    admission_id: p2.id,
    partner: 'CICR — délégation de Bamako',
    sought: 'Sa femme, Aminata Diarra, dernière adresse connue : Douentza',
  });
  assert.equal(tr.status, 201, JSON.stringify(tr.body));
  const again = await call('GET', '/api/visits/no-contact?prison=BKO', 'social.bko');
  assert.equal(again.body.items.find((x: any) => x.admission_id === p2.id).open_tracing, true);
  const found = await call('POST', `/api/visits/tracing/${tr.body.id}`, 'social.bko', {
    state: 'found',
    outcome: 'Famille jointe par téléphone',
  });
  assert.equal(found.body.state, 'found');
  // A family contact table has no column for content either.
  const cols = (
    await db.execute<{ column_name: string }>(
      sql`SELECT column_name FROM information_schema.columns WHERE table_name = 'family_contact'`,
    )
  ).rows.map((c) => c.column_name);
  assert.ok(!cols.some((c) => /note|content|summary|text/.test(c)), cols.join(','));
});

test('permissions: the medical staff and other prisons see nothing; bad input is a field error', async () => {
  const medic = await call('GET', '/api/visits?prison=BKO', 'medic.bko');
  assert.equal(medic.status, 403);
  const klk = await call('GET', '/api/visits?prison=BKO', 'clerk.klk');
  assert.equal(klk.status, 403);
  const v = await visitor('Touré', 'Sali');
  const other = await call('POST', '/api/visits', 'clerk.klk', {
    admission_id: p1.id,
    kind: 'family',
    channel: 'walk_in',
    visitor_ids: [v.id],
  });
  assert.equal(other.status, 403);
  const bad = await call(
    'POST',
    '/api/visits',
    'clerk.bko',
    { admission_id: p1.id, kind: 'picnic', channel: 'walk_in', visitor_ids: [v.id] },
    'en',
  );
  assert.equal(bad.status, 422);
  assert.ok(JSON.stringify(bad.body).includes('/kind'));
  const rules = await call('PUT', '/api/visits/rules', 'clerk.bko', { prison: 'BKO', reason: 'x', rules: [] });
  assert.equal(rules.status, 403);
  const badRule = await call('PUT', '/api/visits/rules', 'director.bko', {
    prison: 'BKO',
    reason: 'x',
    rules: [
      { weekday: 5, starts: '12:00', ends: '08:00', per_person_week: 1, visitors_per_visit: 1, room_capacity: 1 },
    ],
  });
  assert.equal(badRule.status, 422);
  assert.ok(JSON.stringify(badRule.body).includes('/rules/0/ends'));
});
