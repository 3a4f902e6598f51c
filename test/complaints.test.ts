/**
 * Requests and complaints (issue 15): deadlines and the overdue flag; an allegation of ill-treatment
 * reaching the director and the national administration at once; a confidential complaint invisible
 * to the prison's staff (its director included — lists, person, history, statistics, audit) and
 * visible to the independent body, every read audited; the reprisal warning on a cell move; an
 * appeal to the national level; statistics by category.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { makeActor } from '../src/core/access.js';
import { addUser, createToken } from '../src/modules/access/service.js';
import {
  act,
  complaintStatistics,
  getComplaint,
  inspectorList,
  notices,
  openList,
  personComplaints,
  recordComplaint,
  reprisalWarnings,
} from '../src/modules/complaints/service.js';
import { auth, fixture, newArrival, testApp, testDatabase, transferThroughMovements } from './helpers.js';
import type { Created, List, Problem } from './api.js';

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);
const db = database.db;

const inspectorUser = await addUser(db, null, {
  username: 'cndh',
  display_name: 'CNDH',
  password: 'correct horse battery',
  roles: ['inspector'],
  national: true,
});
const officerUser = await addUser(db, null, {
  username: 'plaintes.nat',
  display_name: 'Officer',
  password: 'correct horse battery',
  roles: ['complaints_officer'],
  national: true,
});
const inspector = makeActor({
  id: inspectorUser.id,
  username: 'cndh',
  displayName: 'CNDH',
  roles: ['inspector'],
  national: true,
  prisonIds: [],
});
const officer = makeActor({
  id: officerUser.id,
  username: 'plaintes.nat',
  displayName: 'Officer',
  roles: ['complaints_officer'],
  national: true,
  prisonIds: [],
});
const inspectorToken = (await createToken(db, inspectorUser.id)).token;
const { clerk, director, admin, security } = {
  clerk: fx.actors['clerk.bko'],
  director: fx.actors['director.bko'],
  admin: fx.actors['admin'],
  security: fx.actors['security.bko'],
};

const admit = async (family_name: string, cell: string) => {
  const r = await app.inject({
    method: 'POST',
    url: '/api/admissions',
    headers: auth(fx.tokens['clerk.bko']),
    payload: newArrival({ person: { ...newArrival().person, family_name }, cell_id: cell }),
  });
  assert.equal(r.statusCode, 201, r.body);
  return r.json<{ id: string; person_id: string }>();
};
const a1 = await admit('Maïga', fx.prisons.BKO.cells[0]);
const a2 = await admit('Coulibaly', fx.prisons.BKO.cells[1]);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

test('deadlines and the overdue flag: 7 days a request, 24 hours an allegation; the open list puts the overdue first', async () => {
  const now = new Date();
  const old = await recordComplaint(db, clerk, {
    admission_id: a1.id,
    kind: 'request',
    category: 'food',
    channel: 'in_person',
    addressee: 'director',
    words: 'Le riz ne suffit pas.',
    received_at: new Date(now.getTime() - 9 * DAY).toISOString(),
  });
  assert.match(old.reference, /^PL-BKO-\d{4}-\d{5}$/);
  assert.equal(new Date(old.due_at).getTime() - new Date(old.received_at).getTime(), 7 * DAY);
  assert.equal(old.overdue, true);
  const fresh = await recordComplaint(db, clerk, {
    admission_id: a1.id,
    kind: 'complaint',
    category: 'family',
    channel: 'paper_slip',
    addressee: 'director',
    words: 'Ma femme n’a pas pu me voir.',
  });
  assert.equal(fresh.overdue, false);
  assert.equal(new Date(fresh.due_at).getTime() - new Date(fresh.received_at).getTime(), 15 * DAY);
  const list = await openList(db, director, 'BKO');
  assert.equal(list[0].id, old.id, 'overdue first');
  assert.ok(list.some((c) => c.id === fresh.id));
  // Once answered, it is no longer overdue.
  await act(db, director, old.id, { action: 'acknowledge' });
  const answered = await act(db, director, old.id, {
    action: 'answer',
    answer: 'La ration est portée à 500 g.',
    outcome: 'upheld',
    action_taken: 'Ration augmentée',
  });
  assert.equal(answered.state, 'answered');
  assert.equal(answered.overdue, false);
  // An allegation: 24 hours.
  const later = new Date(now.getTime() - 25 * HOUR);
  const allegation = await recordComplaint(db, security, {
    admission_id: a2.id,
    kind: 'complaint',
    category: 'ill_treatment',
    channel: 'in_person',
    addressee: 'director',
    words: 'J’ai été frappé au quartier disciplinaire.',
    received_at: later.toISOString(),
  });
  assert.equal(new Date(allegation.due_at).getTime() - later.getTime(), 24 * HOUR);
  assert.equal(allegation.overdue, true);
  assert.equal(allegation.urgent, true);
});

test('an allegation of ill-treatment reaches the director and the national administration at once, and is open to the inspector', async () => {
  const c = await recordComplaint(db, clerk, {
    admission_id: a1.id,
    kind: 'complaint',
    category: 'ill_treatment',
    channel: 'in_person',
    addressee: 'director',
    words: 'Des coups pendant la fouille.',
  });
  assert.ok((await notices(db, director)).some((n) => n.complaint_id === c.id && n.audience === 'director'));
  assert.ok((await notices(db, admin)).some((n) => n.complaint_id === c.id && n.audience === 'national'));
  assert.ok((await notices(db, inspector)).some((n) => n.complaint_id === c.id));
  assert.ok((await inspectorList(db, inspector)).some((x) => x.id === c.id));
  // Through the API too, for the director.
  const r = await app.inject({
    method: 'GET',
    url: '/api/complaints/notices',
    headers: auth(fx.tokens['director.bko']),
  });
  assert.equal(r.statusCode, 200);
  assert.ok(r.json<List<{ complaint_id: string }>>().items.some((n) => n.complaint_id === c.id));
});

test('a confidential complaint is invisible to the prison staff and its director, visible to the inspector, every read audited', async () => {
  const r = await app.inject({
    method: 'POST',
    url: '/api/complaints',
    headers: auth(fx.tokens['clerk.bko']),
    payload: {
      admission_id: a2.id,
      kind: 'complaint',
      category: 'staff_treatment',
      channel: 'paper_slip',
      addressee: 'inspector',
      words: 'Le chef de quartier exige de l’argent.',
      named_staff: ['security.bko'],
    },
  });
  assert.equal(r.statusCode, 201, r.body);
  const c = r.json<{ id: string; reference: string; confidential: boolean }>();
  assert.equal(c.confidential, true);
  for (const who of [director, clerk, security, admin]) {
    await assert.rejects(getComplaint(db, who, c.id), (e: { status?: number }) => e.status === 404, who.username);
    assert.ok(!(await personComplaints(db, who, a2.person_id)).some((x) => x.id === c.id), who.username);
    if (who !== admin) assert.ok(!(await openList(db, who, 'BKO')).some((x) => x.id === c.id), who.username);
    assert.ok(!(await reprisalWarnings(db, who)).some((x) => x.complaint_id === c.id));
  }
  const forDirector = await app.inject({
    method: 'GET',
    url: `/api/complaints/${c.id}`,
    headers: auth(fx.tokens['director.bko'], 'en'),
  });
  assert.equal(forDirector.statusCode, 404);
  assert.equal(forDirector.headers['content-type'], 'application/problem+json; charset=utf-8');
  // Nor in the person's history, nor the prison's statistics.
  const hist = await app.inject({
    method: 'GET',
    url: `/api/persons/${a2.person_id}/history`,
    headers: auth(fx.tokens['director.bko']),
  });
  assert.equal(hist.statusCode, 200);
  assert.ok(!hist.body.includes(c.id) && !hist.body.includes('argent'));
  const before = await complaintStatistics(db, director, 'BKO');
  assert.equal(before.by_category.find((x) => x.key === 'staff_treatment')!.count, 0);
  // The inspector sees it, across prisons, and each read is audited.
  const seen = await app.inject({ method: 'GET', url: `/api/complaints/${c.id}`, headers: auth(inspectorToken) });
  assert.equal(seen.statusCode, 200, seen.body);
  assert.equal(seen.json<{ words: string }>().words, 'Le chef de quartier exige de l’argent.');
  assert.ok((await inspectorList(db, inspector)).some((x) => x.id === c.id));
  await getComplaint(db, officer, c.id);
  const audit = await db.execute<{ actor_id: string; action: string; prison_id: string | null }>(
    sql`SELECT actor_id, action, prison_id FROM access_audit WHERE category = 'confidential_complaint'
      AND (entity_id = ${c.id} OR detail::text LIKE ${'%' + c.reference + '%'})`,
  );
  assert.ok(audit.rows.some((x) => x.actor_id === inspector.userId && x.action === 'read'));
  assert.ok(audit.rows.some((x) => x.actor_id === inspector.userId && x.action === 'list'));
  assert.ok(audit.rows.some((x) => x.actor_id === officer.userId && x.action === 'read'));
  assert.ok(
    audit.rows.every((x) => x.prison_id === null),
    'the prison’s own audit does not reveal it',
  );
  // The change log carries no person nor prison for it.
  const log = await db.execute<{ person_id: string | null; prison_id: string | null }>(
    sql`SELECT person_id, prison_id FROM change_log WHERE entity = 'complaint' AND entity_id = ${c.id}`,
  );
  assert.ok(log.rows.length > 0 && log.rows.every((x) => x.person_id === null && x.prison_id === null));
});

test('the reprisal warning: a complainant moved within 30 days; who saw it is recorded', async () => {
  const c = await recordComplaint(db, clerk, {
    admission_id: a1.id,
    kind: 'complaint',
    category: 'conditions',
    channel: 'in_person',
    addressee: 'director',
    words: 'La cellule est inondée.',
  });
  const r = await app.inject({
    method: 'POST',
    url: `/api/admissions/${a1.id}/move`,
    headers: auth(fx.tokens['director.bko']),
    payload: { cell_id: fx.prisons.BKO.cells[2], reason: 'Réorganisation' },
  });
  assert.equal(r.statusCode, 200, r.body);
  const warnings = await reprisalWarnings(db, director, 'BKO');
  const w = warnings.find((x) => x.complaint_id === c.id);
  assert.ok(w, 'a warning for the move');
  assert.equal(w.event, 'move');
  assert.equal(w.triggered_by, 'director.bko');
  const again = await reprisalWarnings(db, security, 'BKO');
  const seenBy = again.find((x) => x.id === w.id)!.seen_by.map((s) => s.name);
  assert.deepEqual(seenBy.sort(), ['director.bko', 'security.bko']);
  // A person who made no complaint in the window: no warning.
  const count = (await reprisalWarnings(db, director, 'BKO')).filter((x) => x.person_id === a2.person_id).length;
  await app.inject({
    method: 'POST',
    url: `/api/admissions/${a2.id}/move`,
    headers: auth(fx.tokens['director.bko']),
    payload: { cell_id: fx.prisons.BKO.cells[0], reason: 'Réorganisation' },
  });
  assert.ok(
    (await reprisalWarnings(db, director, 'BKO')).filter((x) => x.person_id === a2.person_id).length > count,
    'a2 complained this month (allegation, confidential): warned',
  );
  // …but the confidential complaint's warning is shown only to the inspector.
  assert.ok((await reprisalWarnings(db, inspector)).some((x) => x.person_id === a2.person_id && x.event === 'move'));
});

test('the reprisal warning on a transfer to another prison', async () => {
  const a3 = await admit('Sidibé', fx.prisons.BKO.cells[2]);
  const c = await recordComplaint(db, clerk, {
    admission_id: a3.id,
    kind: 'request',
    category: 'health',
    channel: 'in_person',
    addressee: 'director',
    words: 'J’ai besoin de voir le médecin.',
  });
  // The transfer workflow: requested by the clerk, approved by both directors, the vehicle leaves (the clerk).
  const left = await transferThroughMovements(database, fx, a3.id, 'KLK');
  assert.equal(left.transfers[0].state, 'in_transit');
  const w = (await reprisalWarnings(db, director, 'BKO')).find((x) => x.complaint_id === c.id);
  assert.equal(w?.event, 'transfer');
  assert.equal(w?.triggered_by, 'clerk.bko');
});

test('an allegation links to the reception whose medical check recorded it; a reception of another prison is refused', async () => {
  const rec = await app.inject({
    method: 'POST',
    url: '/api/receptions',
    headers: auth(fx.tokens['security.bko']),
    payload: {
      prison: 'BKO',
      arresting_authority: 'gendarmerie',
      officer_name: 'Adjudant',
      warrant_name: 'Maïga Hamadoun',
      warrant_charge: 'Vol',
      nothing_shared: true,
    },
  });
  assert.equal(rec.statusCode, 201, rec.body);
  const base = {
    admission_id: a1.id,
    kind: 'complaint' as const,
    category: 'ill_treatment' as const,
    channel: 'in_person' as const,
    addressee: 'director' as const,
    words: 'Frappé pendant la garde à vue.',
  };
  const c = await recordComplaint(db, clerk, { ...base, reception_id: rec.json<Created>().id });
  assert.equal(c.reception_id, rec.json<Created>().id);
  await assert.rejects(
    recordComplaint(db, clerk, { ...base, reception_id: '01900000-0000-7000-8000-000000000001' }),
    (e: { status?: number; fields?: { field: string }[] }) =>
      e.status === 422 && e.fields![0].field === '/reception_id',
  );
});

test('an appeal goes to the national level: only the national administration answers it; once', async () => {
  const c = await recordComplaint(db, clerk, {
    admission_id: a1.id,
    kind: 'complaint',
    category: 'discipline',
    channel: 'in_person',
    addressee: 'director',
    words: 'Sanction injuste.',
  });
  await act(db, director, c.id, { action: 'acknowledge' });
  await act(db, director, c.id, { action: 'answer', answer: 'La sanction est maintenue.', outcome: 'not_upheld' });
  const appealed = await act(db, clerk, c.id, { action: 'appeal', text: 'Je conteste.' });
  assert.equal(appealed.state, 'appealed');
  assert.ok((await notices(db, officer)).some((n) => n.complaint_id === c.id));
  await assert.rejects(
    act(db, director, c.id, { action: 'answer', answer: 'Maintenue.', outcome: 'not_upheld' }),
    (e: { status?: number; key?: string }) => e.status === 403 && e.key === 'complaints.appeal_national',
  );
  const r = await app.inject({
    method: 'POST',
    url: `/api/complaints/${c.id}/actions`,
    headers: auth(fx.tokens['director.bko'], 'en'),
    payload: { action: 'answer', answer: 'x', outcome: 'bogus' },
  });
  assert.equal(r.statusCode, 422);
  assert.ok(r.json<Problem>().errors!.some((e: { field: string }) => e.field === '/outcome'));
  const answered = await act(db, officer, c.id, {
    action: 'answer',
    answer: 'La sanction est annulée.',
    outcome: 'upheld',
  });
  assert.equal(answered.state, 'answered');
  await assert.rejects(act(db, clerk, c.id, { action: 'appeal' }), (e: { status?: number }) => e.status === 409);
});

test('the staff a complaint names never handle it', async () => {
  const c = await recordComplaint(db, clerk, {
    admission_id: a1.id,
    kind: 'complaint',
    category: 'staff_treatment',
    channel: 'in_person',
    addressee: 'director',
    words: 'Le directeur m’a insulté.',
    named_staff: ['director.bko'],
  });
  await assert.rejects(
    act(db, director, c.id, { action: 'acknowledge' }),
    (e: { status?: number }) => e.status === 404,
  );
  const ok = await act(db, officer, c.id, { action: 'acknowledge' });
  assert.equal(ok.state, 'acknowledged');
});

test('statistics by category', async () => {
  const s = await complaintStatistics(db, director, 'BKO');
  const n = (k: string) => s.by_category.find((x) => x.key === k)!.count;
  assert.equal(n('food'), 1);
  assert.equal(n('family'), 1);
  assert.equal(n('ill_treatment'), 3, 'two allegations, and one linked to its reception');
  assert.equal(n('conditions'), 1);
  assert.equal(n('discipline'), 1);
  assert.equal(
    n('staff_treatment'),
    0,
    'the confidential one and the one naming the director are not counted for the director',
  );
  assert.ok(s.by_quarter.length >= 1);
  const r = await app.inject({
    method: 'GET',
    url: '/api/complaints/statistics?prison=BKO',
    headers: auth(fx.tokens['admin']),
  });
  assert.equal(r.statusCode, 200);
  assert.equal(
    r.json<{ by_category: { key: string; count: number }[] }>().by_category.find((x) => x.key === 'staff_treatment')
      ?.count,
    1,
    'the national administration sees the one naming the director, not the confidential one',
  );
});
