/**
 * The demo tells a story a director recognises (issue 12): titles renewed on time for most, a few
 * expiring and a few expired; hearings held in the past months and listed for the next weeks; some
 * people committed for trial, some appealing; classifications mostly done; one demo account per
 * role, each able to sign in. The figures are printed so that a change to the demo shows its effect.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeActor, ROLES } from '../src/core/access.js';
import { DEMO_PASSWORD, DEMO_PRISONS, DEMO_USERS, seedDemo } from '../src/demo/seed.js';
import { classificationsDueForReview } from '../src/modules/classification/service.js';
import { backlog, justiceAlertsForPrison } from '../src/modules/justice/service.js';
import { testApp, testDatabase } from './helpers.js';

const database = await testDatabase();

test('the demo tells a story a director recognises', { timeout: 1_800_000 }, async (t) => {
  const started = Date.now();
  await seedDemo(database);
  const seconds = Math.round((Date.now() - started) / 1000);
  const q = async <T extends object>(sql: string, params: unknown[] = []) =>
    (await database.pool.query<T>(sql, params)).rows;
  const [admin] = await q<{ id: string }>(`SELECT id FROM app_user WHERE username = 'admin'`);
  // The director's view, over every prison.
  const director = makeActor({
    id: admin.id,
    username: 'inspection',
    displayName: 'inspection',
    roles: ['prison_director'],
    national: true,
    prisonIds: [],
  });
  const report = await backlog(database.db, director);
  const rows: Record<string, number | string>[] = [];
  for (const p of DEMO_PRISONS) {
    const [{ id }] = await q<{ id: string }>(`SELECT id FROM prison WHERE code = $1`, [p.code]);
    const figures = report.prisons.find((x) => x.code === p.code)!.figures;
    const held = figures.all.total;
    const alerts = await justiceAlertsForPrison(database.db, director, id);
    const critical = new Set(alerts.filter((a) => a.severity === 'critical').map((a) => a.admissionId)).size;
    const due = (await classificationsDueForReview(database.db, director, id)).length;
    const [h] = await q<{ past: number; next: number }>(
      `SELECT count(*) FILTER (WHERE h.outcome IN ('held', 'adjourned') AND h.scheduled_at < now()
        AND h.scheduled_at >= now() - interval '12 months')::int AS past,
              count(*) FILTER (WHERE h.outcome IS NULL AND h.scheduled_at >= now() AND h.scheduled_at < now() + interval '30 days')::int AS next
         FROM hearing h WHERE h.prison_id = $1`,
      [id],
    );
    rows.push({
      prison: p.code,
      held,
      alerts: alerts.length,
      critical,
      critical_pct: held ? Math.round((critical / held) * 1000) / 10 : 0,
      expired: figures.all.expiredTitles,
      expiring: figures.all.expiringTitles,
      no_hearing: figures.all.noHearing,
      investigation: figures.all.underInvestigation,
      committed: figures.all.awaitingTrial,
      convicted: figures.all.convicted,
      appealing: figures.all.appealing,
      hearings_past: h.past,
      hearings_next: h.next,
      classif_due: due,
      due_pct: held ? Math.round((due / held) * 1000) / 10 : 0,
    });
  }
  t.diagnostic(`seeded in ${seconds} s`);
  console.table(rows);
  for (const r of rows) {
    assert.ok(Number(r.held) > 0, `${r.prison}: people held`);
    assert.ok(
      Number(r.critical) / Number(r.held) < 0.05,
      `${r.prison}: ${r.critical} of ${r.held} held in critical alerts`,
    );
    assert.ok(
      Number(r.classif_due) / Number(r.held) < 0.15,
      `${r.prison}: ${r.classif_due} of ${r.held} classifications due`,
    );
  }
  const sum = (k: 'committed' | 'appealing' | 'hearings_past' | 'hearings_next' | 'expired' | 'expiring') =>
    rows.reduce((n, r) => n + Number(r[k]), 0);
  assert.ok(sum('committed') >= 5, `some committed for trial (${sum('committed')})`);
  assert.ok(sum('appealing') >= 5, `some appealing (${sum('appealing')})`);
  assert.ok(sum('hearings_past') >= 20, `hearings held over the last months (${sum('hearings_past')})`);
  assert.ok(sum('hearings_next') >= 5, `hearings in the next 30 days (${sum('hearings_next')})`);
  // A few titles expired and a few expiring: the alerts a registry works through, not a wall of them.
  assert.ok(sum('expired') >= 1, 'a few titles expired');
  assert.ok(sum('expiring') >= 1, 'a few titles expiring');
  // Hearings took place in most of the last twelve months at Bamako.
  const bko = report.prisons.find((x) => x.code === 'BKO')!.figures;
  assert.ok(bko.hearingsPerMonth.filter((m) => m.count > 0).length >= 10, 'hearings month after month');

  // One demo account per role, and each signs in with the published password.
  for (const role of ROLES)
    assert.ok(
      DEMO_USERS.some((u) => u.roles.includes(role)),
      `a demo account for ${role}`,
    );
  const app = await testApp(database);
  for (const u of DEMO_USERS) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/token',
      payload: { username: u.username, password: DEMO_PASSWORD },
    });
    assert.equal(res.statusCode, 200, `${u.username} signs in: ${res.body}`);
  }
});
