/** Dated capacities and prison status (issue 9): occupancy at a past date uses the capacity then in force. */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import pg from 'pg';
import { bamakoDate } from '../src/core/dates.js';
import { migrate, MIGRATIONS_DIR, readMigrations } from '../src/db/migrate.js';
import { auth, fixture, newArrival, testApp, testDatabase } from './helpers.js';
import type { OccupancyReport, Problem } from './api.js';

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);
const call = (token: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  app.inject({
    method,
    url,
    headers: auth(token, 'en'),
    ...(payload ? { payload: payload as Record<string, unknown> } : {}),
  });
const bko = async (date?: string) =>
  (
    await call(fx.tokens.admin, 'GET', `/api/occupancy?prison=BKO${date ? `&date=${date}` : ''}`)
  ).json<OccupancyReport>().prisons[0];

test('a capacity change does not change a past occupancy rate; a back-dated one applies from its own date', async () => {
  for (const [name, at] of [
    ['Un', '2025-01-10'],
    ['Deux', '2025-02-10'],
  ] as const) {
    const r = await call(
      fx.tokens['clerk.bko'],
      'POST',
      '/api/admissions',
      newArrival({
        person: { ...newArrival().person, family_name: name },
        admitted_at: `${at}T10:00:00Z`,
        legal_document: { ...newArrival().legal_document, issued_on: at },
      }),
    );
    assert.equal(r.statusCode, 201, r.body);
  }
  const before = await bko('2025-02-15');
  assert.deepEqual([before.population, before.official_capacity, before.occupancy_rate], [2, 400, 0.5]);
  // A new official capacity from today.
  const rec = await call(fx.tokens.admin, 'POST', '/api/prisons/BKO/capacity', {
    official_capacity: 800,
    effective_from: bamakoDate(),
    reason: 'Extension : bâtiment C livré',
    source: 'Arrêté n° 2026-0412/MJ',
  });
  assert.equal(rec.statusCode, 201, rec.body);
  assert.equal(rec.json<{ prison: { official_capacity: number } }>().prison.official_capacity, 800);
  assert.deepEqual(await bko('2025-02-15'), before, 'the past rate is unchanged');
  const now = await bko();
  assert.deepEqual([now.official_capacity, now.occupancy_rate], [800, 0.3]);
  // A correction recorded late, in force from 1 February 2025: that day on, not before.
  assert.equal(
    (
      await call(fx.tokens.admin, 'POST', '/api/prisons/BKO/capacity', {
        official_capacity: 200,
        effective_from: '2025-02-01',
        reason: 'Bâtiment B fermé (rapport d’inspection)',
      })
    ).statusCode,
    201,
  );
  assert.deepEqual([(await bko('2025-02-15')).official_capacity, (await bko('2025-02-15')).occupancy_rate], [200, 1]);
  assert.deepEqual([(await bko('2025-01-20')).official_capacity, (await bko('2025-01-20')).occupancy_rate], [400, 0.3]);
  assert.equal((await bko()).official_capacity, 800);
  // Never in the future; only the national administration records it.
  const future = await call(fx.tokens.admin, 'POST', '/api/prisons/BKO/capacity', {
    official_capacity: 900,
    effective_from: '2099-01-01',
    reason: 'x',
  });
  assert.deepEqual(
    future.json<Problem>().errors!.map((e: { field: string }) => e.field),
    ['/effective_from'],
  );
  assert.equal(
    (
      await call(fx.tokens['director.bko'], 'POST', '/api/prisons/BKO/capacity', {
        official_capacity: 900,
        effective_from: '2025-01-01',
        reason: 'x',
      })
    ).statusCode,
    403,
  );
  // The old PATCH records a dated change from today too.
  assert.equal(
    (
      await call(fx.tokens.admin, 'PATCH', '/api/prisons/BKO', {
        official_capacity: 850,
        reason: 'Recomptage des places',
      })
    ).statusCode,
    200,
  );
  const hist = (await call(fx.tokens['director.bko'], 'GET', '/api/prisons/BKO/estate-history')).json<{
    capacity: { official_capacity: number; effective_from: string | null; recorded_by: string }[];
  }>();
  assert.deepEqual(
    hist.capacity.map((c) => [c.official_capacity, c.effective_from]),
    [
      [850, bamakoDate()],
      [800, bamakoDate()],
      [200, '2025-02-01'],
      [400, null],
    ],
  );
  assert.equal(hist.capacity[1].recorded_by, 'admin');
  assert.deepEqual(await bko('2025-02-15'), {
    ...before,
    official_capacity: 200,
    capacity: 200,
    occupancy_rate: 1,
    congestion_rate: 1,
    over_capacity: 0,
  });
});

test('a prison destroyed, then reopened, offers no places while destroyed; its status is dated', async () => {
  assert.equal(
    (
      await call(fx.tokens.admin, 'POST', '/api/prisons/KLK/status', {
        status: 'destroyed',
        effective_from: '2024-04-01',
        reason: 'Bâtiment incendié lors de l’attaque',
        source: 'Rapport DNAPES',
      })
    ).statusCode,
    201,
  );
  assert.equal(
    (
      await call(fx.tokens.admin, 'POST', '/api/prisons/KLK/status', {
        status: 'open',
        effective_from: '2025-06-01',
        reason: 'Réouverture après travaux',
      })
    ).statusCode,
    201,
  );
  const klk = async (date: string) =>
    (await call(fx.tokens.admin, 'GET', `/api/occupancy?prison=KLK&date=${date}`)).json<OccupancyReport>().prisons[0];
  assert.deepEqual(
    [(await klk('2024-05-01')).status, (await klk('2024-05-01')).capacity, (await klk('2024-05-01')).official_capacity],
    ['destroyed', 0, 200],
  );
  assert.deepEqual([(await klk('2024-03-01')).status, (await klk('2024-03-01')).capacity], ['open', 200]);
  assert.deepEqual([(await klk('2025-07-01')).status, (await klk('2025-07-01')).capacity], ['open', 200]);
  assert.equal((await call(fx.tokens.admin, 'GET', '/api/prisons/KLK')).json<Problem>().status, 'open');
});

test('the estate page: occupancy rate in both languages, overcrowding only beyond capacity, a past date, and the dated history', async () => {
  const { login } = await import('../src/modules/access/service.js');
  const { session } = await login(database.db, 'admin', 'correct horse battery', 1);
  const fr = await app.inject({
    url: '/estate?prison=BKO&date=2025-02-15',
    cookies: { pmis_session: session, pmis_lang: 'fr' },
  });
  assert.equal(fr.statusCode, 200);
  assert.match(fr.body, /Taux d&#39;occupation/);
  assert.doesNotMatch(fr.body, /[Ss]urpopulation/, 'no overcrowding word for a rate at or under 100 %');
  assert.match(fr.body, /Situation au 15\/02\/2025/);
  assert.match(fr.body, /Bâtiment B fermé/);
  const en = await app.inject({ url: '/estate?prison=BKO', cookies: { pmis_session: session, pmis_lang: 'en' } });
  assert.match(en.body, /Occupancy rate/);
  assert.doesNotMatch(en.body, /Congestion/);
  // Over capacity: the part above 100 % is overcrowding.
  assert.equal(
    (
      await call(fx.tokens.admin, 'POST', '/api/prisons/BKO/capacity', {
        official_capacity: 1,
        effective_from: '2025-03-01',
        reason: 'Test de surpopulation',
      })
    ).statusCode,
    201,
  );
  const over = await app.inject({
    url: '/estate?prison=BKO&date=2025-03-02',
    cookies: { pmis_session: session, pmis_lang: 'fr' },
  });
  assert.match(over.body, /Surpopulation<\/dt><dd>1 personne\(s\) au-delà de la capacité/);
  // A change recorded through the page form.
  const csrf = (
    await database.pool.query<{ csrf_token: string }>(
      `SELECT csrf_token FROM user_session WHERE ended_at IS NULL ORDER BY created_at DESC LIMIT 1`,
    )
  ).rows[0].csrf_token;
  const post = await app.inject({
    method: 'POST',
    url: '/estate/capacity?prison=BKO',
    cookies: { pmis_session: session },
    payload: {
      _csrf: csrf,
      official_capacity: '450',
      effective_from: '2025-04-01',
      reason: 'Décision de la DNAPES',
      source: '',
    },
  });
  assert.equal(post.statusCode, 303, post.body);
  const bad = await app.inject({
    method: 'POST',
    url: '/estate/status?prison=BKO',
    cookies: { pmis_session: session },
    payload: { _csrf: csrf, status: '', effective_from: '2025-04-01', reason: '' },
  });
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /href="#f-status"/);
});

test("the migration makes today's capacities the first dated values", async () => {
  const adminUrl = process.env.PMIS_TEST_ADMIN_URL!;
  const name = `pmis_t_${process.ppid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: u.toString(), max: 2 });
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pmis-mig-'));
  after(async () => {
    await pool.end();
    await fs.rm(dir, { recursive: true, force: true });
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });
  const all = await readMigrations();
  for (const f of all.filter((m) => m.name < '20261201_1120'))
    await fs.copyFile(path.join(MIGRATIONS_DIR, f.name), path.join(dir, f.name));
  await migrate(pool, { dir });
  await pool.query(
    `INSERT INTO prison (id, code, name, kind, region_code, official_capacity, opened_on)
      VALUES ('01900000-0000-7000-8000-000000000001', 'BKO', 'Bamako', 'central_prison', 'BKO', 400, NULL), ('01900000-0000-7000-8000-000000000002', 'KLK', 'Koulikoro', 'detention_centre', 'KOULIKORO', 200, '1950-01-01')`,
  );
  await migrate(pool);
  const r = await pool.query(
    `SELECT p.code, c.official_capacity, c.effective_from::text AS effective_from, s.status FROM prison p JOIN prison_capacity c
      ON c.prison_id = p.id JOIN prison_status s ON s.prison_id = p.id ORDER BY p.code`,
  );
  assert.deepEqual(r.rows, [
    { code: 'BKO', official_capacity: 400, effective_from: null, status: 'open' },
    { code: 'KLK', official_capacity: 200, effective_from: '1950-01-01', status: 'open' },
  ]);
});
