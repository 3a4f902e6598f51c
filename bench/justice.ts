/**
 * `npm run bench:justice [-- --held 4000 --registry 100000 --runs 30]`: the director's justice
 * alert list and the backlog figures at the size of Bamako. On a fresh embedded PostgreSQL: one
 * prison with `held` people held (most untried: titles renewed on time, renewed late, expired,
 * arrest warrants, unknown misdemeanour categories; a quarter convicted, some with several
 * judgments and remissions; hearings for half) inside a registry of `registry` people (the others
 * with ended admissions in two prisons), written straight into the tables. The first call builds
 * the stored justice state (timed apart), then the alert list and the backlog are timed as the home
 * page calls them (`justiceAlertSummary`: the count and the first 25, counted and ordered by the
 * database; `backlog` for the prison), and one title write with its refreshJusticeState. The full
 * alert list (every alert worded, as /alerts and the API give it) is timed too (`alerts_full_*`),
 * the court list of a day (yesterday's hearings: `court_list_*`), and, for comparison, the alert
 * list for yesterday (recomputed from the records, no stored state).
 * Prints a table and writes bench/results/justice-<timestamp>.json with `held`, `alerts_p95_ms`,
 * `backlog_p95_ms` (targets: under 50 ms and 100 ms) and the rest.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { makeActor } from '../src/core/access.js';
import { bamakoDate } from '../src/core/dates.js';
import { openEmbedded } from '../src/db/embedded.js';
import { connect } from '../src/db/index.js';
import { migrate } from '../src/db/migrate.js';
import { addUser } from '../src/modules/access/service.js';
import { createPrison } from '../src/modules/estate/service.js';
import { addDays } from '../src/modules/justice/calendar.js';
import {
  addTitle,
  backlog,
  courtList,
  justiceAlertSummary,
  justiceAlertsForPrison,
} from '../src/modules/justice/service.js';
import { arg, pct, round, time } from './lib.js';

const HELD = arg('held', 4000);
const REGISTRY = arg('registry', 100_000);
const RUNS = arg('runs', 30);

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pmis-bench-'));
await fs.chmod(dir, 0o755);
const cluster = await openEmbedded(dir);
try {
  const { pool, db } = connect(cluster.url(), { max: 10, applicationName: 'pmis-bench' });
  await migrate(pool);
  const p = await createPrison(db, null, {
    code: 'BKO',
    name: 'Bamako',
    kind: 'central_prison',
    region_code: 'BKO',
    official_capacity: 400,
  });
  const other = await createPrison(db, null, {
    code: 'KLK',
    name: 'Koulikoro',
    kind: 'central_prison',
    region_code: 'BKO',
    official_capacity: 300,
  });
  const u = await addUser(db, null, {
    username: 'bench-director',
    display_name: 'bench',
    password: 'bench-password-1',
    roles: ['prison_director'],
    prisons: ['BKO'],
  });
  const director = makeActor({
    id: u.id,
    username: u.username,
    displayName: 'bench',
    roles: ['prison_director'],
    national: false,
    prisonIds: [p.id],
  });
  const clerkUser = await addUser(db, null, {
    username: 'bench-clerk',
    display_name: 'bench',
    password: 'bench-password-1',
    roles: ['registry_clerk'],
    prisons: ['BKO'],
  });
  const clerk = makeActor({
    id: clerkUser.id,
    username: clerkUser.username,
    displayName: 'bench',
    roles: ['registry_clerk'],
    national: false,
    prisonIds: [p.id],
  });
  process.stderr.write(`writing a registry of ${REGISTRY} people, ${HELD} held in BKO...\n`);
  const t0 = performance.now();
  // The registry: everyone has a person row; those past HELD have one ended admission (BKO or KLK).
  await pool.query(
    `
    INSERT INTO person (id, family_name, given_names, sex, birth_precision, birth_date, registered_prison_id, created_by)
    SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'Bench' || g, 'X', CASE WHEN g % 17 = 0 THEN 'female' ELSE 'male' END, 'year', date '1985-01-01', $1, $2
      FROM generate_series(0, $3::int - 1) g`,
    [p.id, u.id, REGISTRY],
  );
  await pool.query(
    `
    INSERT INTO admission (id, prison_id, person_id, committal_number, admitted_at, ended_at, end_reason, arresting_authority, legal_status, created_by)
    SELECT ('00000000-0000-4000-9000-' || lpad(to_hex(g), 12, '0'))::uuid, CASE WHEN g % 3 = 0 THEN $4::uuid ELSE $1::uuid END,
           ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'OLD-' || lpad(g::text, 7, '0'),
           now() - ((400 + g % 3000) || ' days')::interval, now() - ((10 + g % 390) || ' days')::interval, 'release', 'police', 'convicted', $2
      FROM generate_series($3::int, $5::int - 1) g`,
    [p.id, u.id, HELD, other.id, REGISTRY],
  );
  // The held: i % 20 sets the situation; d days since admission.
  await pool.query(
    `
    WITH n AS (SELECT g AS i, (CASE WHEN g % 20 BETWEEN 10 AND 11 THEN g % 90 WHEN g % 20 = 12 THEN g % 10 ELSE (g * 37) % 1100 END) + 1 AS d FROM generate_series(0, $3::int - 1) g)
    INSERT INTO admission (id, prison_id, person_id, committal_number, admitted_at, arresting_authority, legal_status, created_by)
    SELECT ('00000000-0000-4000-9000-' || lpad(to_hex(i), 12, '0'))::uuid, $1, ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
           'BKO-' || lpad(i::text, 6, '0'), (current_date - d)::timestamp + interval '9 hours', 'police',
           CASE WHEN i % 20 >= 15 THEN 'convicted' WHEN i % 20 IN (13, 14) THEN 'awaiting_trial' ELSE 'under_investigation' END, $2
      FROM n`,
    [p.id, u.id, HELD],
  );
  // The document recorded at admission: an arrest warrant (issued long before) or a committal order.
  await pool.query(`
    INSERT INTO legal_document (id, prison_id, admission_id, kind, authority, reference, issued_on, created_by)
    SELECT a.id, a.prison_id, a.id, CASE WHEN right(a.committal_number, 6)::int % 20 = 12 THEN 'arrest_warrant' ELSE 'committal_order' END,
           'Juge d''instruction', 'MD-' || a.committal_number, CASE WHEN right(a.committal_number, 6)::int % 20 = 12 THEN date '2024-01-15' ELSE a.admitted_at::date END, a.created_by
      FROM admission a WHERE a.ended_at IS NULL`);
  await pool.query(`
    INSERT INTO charge (id, prison_id, admission_id, legal_document_id, qualification, category, terrorism_related, created_by)
    SELECT gen_random_uuid(), a.prison_id, a.id, a.id, 'Charge', CASE WHEN right(a.committal_number, 6)::int % 20 IN (10, 11) THEN 'misdemeanour' ELSE 'felony' END,
           right(a.committal_number, 6)::int % 50 = 0, a.created_by
      FROM admission a WHERE a.ended_at IS NULL`);
  // Titles after admission (never after today).
  const title = (kind: string, when: string, where: string, extra = { cols: '', vals: '' }) =>
    pool.query(`
    WITH a AS (SELECT a.*, right(a.committal_number, 6)::int AS i, a.admitted_at::date AS ad FROM admission a WHERE a.ended_at IS NULL)
    INSERT INTO legal_title (id, prison_id, admission_id, person_id, kind, authority_kind, authority, reference, issued_on, created_by${extra.cols})
    SELECT gen_random_uuid(), a.prison_id, a.id, a.person_id, '${kind}', 'investigating_judge', 'TGI', '${kind}-' || a.i, ${when}, a.created_by${extra.vals}
      FROM a WHERE ${where} AND ${when} <= current_date`);
  // Felonies under investigation, renewed on time (within the 8 working days) once or twice …
  await title(
    'extension_order',
    `(a.ad + interval '1 year' - interval '3 days')::date`,
    `a.i % 20 < 10 AND (a.i / 20) % 4 = 1`,
  );
  await title(
    'extension_order',
    `(a.ad + interval '2 years' - interval '3 days')::date`,
    `a.i % 20 < 10 AND (a.i / 20) % 4 = 1`,
  );
  // … renewed late (a gap held without a title) …
  await title(
    'extension_order',
    `(a.ad + interval '1 year' + interval '20 days')::date`,
    `a.i % 20 < 10 AND (a.i / 20) % 4 = 2`,
  );
  // … or not at all (expired after a year). Arrest warrants: half brought before the judge the next day.
  await title('committal_order', `a.ad + 1`, `a.i % 20 = 12 AND a.i % 40 < 20`);
  // Awaiting trial.
  await title('committal_for_trial', `LEAST(a.ad + 200, current_date)`, `a.i % 20 IN (13, 14)`);
  // Convicted: a judgment with its sentence, a remission for a third, a second judgment for a fifth.
  await title('conviction', `LEAST(a.ad + 100, current_date)`, `a.i % 20 >= 15`, {
    cols: ', sentence',
    vals: `, jsonb_build_object('years', 1 + a.i % 5)`,
  });
  await title('remission', `LEAST(a.ad + 300, current_date)`, `a.i % 20 >= 15 AND a.i % 3 = 0`, {
    cols: ', reduction',
    vals: `, '{"months":3}'::jsonb`,
  });
  await title('conviction', `LEAST(a.ad + 400, current_date)`, `a.i % 20 >= 15 AND a.i % 5 = 0`, {
    cols: ', sentence',
    vals: `, '{"years":2,"months":6}'::jsonb`,
  });
  // Hearings for half, most held, in the last year.
  await pool.query(`
    INSERT INTO hearing (id, prison_id, admission_id, person_id, court, scheduled_at, outcome, outcome_at, created_by)
    SELECT gen_random_uuid(), a.prison_id, a.id, a.person_id, 'TGI Commune III', GREATEST(a.admitted_at, now() - ((right(a.committal_number, 6)::int % 360) || ' days')::interval),
           CASE WHEN right(a.committal_number, 6)::int % 7 = 0 THEN 'not_produced' ELSE 'held' END, now(), a.created_by
      FROM admission a WHERE a.ended_at IS NULL AND right(a.committal_number, 6)::int % 2 = 0`);
  await pool.query('ANALYZE');
  const setupMs = performance.now() - t0;
  const held = (
    await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM admission WHERE ended_at IS NULL AND prison_id = $1`,
      [p.id],
    )
  ).rows[0].n;
  const registry = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM person`)).rows[0].n;

  // The first call builds the stored state of every person held.
  const [buildMs, first] = await time(() => justiceAlertsForPrison(db, director, p.id));
  const byKind = Object.fromEntries(
    ['expired', 'no_title', 'release_due', 'expiring', 'no_hearing', 'category_assumed'].map((k) => [
      k,
      first.filter((a) => a.kind === k).length,
    ]),
  );
  const alerts: number[] = [],
    full: number[] = [],
    backlogs: number[] = [];
  let figures = null as Awaited<ReturnType<typeof backlog>> | null;
  let summaryTotal = 0;
  for (let i = 0; i < RUNS; i++) {
    const [sms, sum] = await time(() => justiceAlertSummary(db, director, p.id, { limit: 25 }));
    alerts.push(sms);
    summaryTotal = sum.total;
    full.push((await time(() => justiceAlertsForPrison(db, director, p.id)))[0]);
    const [ms, b] = await time(() => backlog(db, director, { prison: 'BKO' }));
    backlogs.push(ms);
    figures = b;
  }
  // The court list of a day with hearings (yesterday: the hearings are spread over the last year).
  const courts: number[] = [];
  let courtItems = 0;
  for (let i = 0; i < RUNS; i++) {
    const [ms, list] = await time(() => courtList(db, director, p.id, addDays(bamakoDate(), -1)));
    courts.push(ms);
    courtItems = list.items.length;
  }
  // One title write with its refresh (same transaction): an extension for people whose title expired.
  const writes: number[] = [];
  const expired = first.filter((a) => a.kind === 'expired').slice(0, 10);
  for (const a of expired)
    writes.push(
      (
        await time(() =>
          addTitle(db, clerk, a.admissionId, {
            kind: 'extension_order',
            authority_kind: 'investigating_judge',
            authority: 'TGI',
            reference: 'BENCH',
            issued_on: bamakoDate(),
          }),
        )
      )[0],
    );
  // For comparison: yesterday's list, recomputed from the records.
  const recompute: number[] = [];
  for (let i = 0; i < 5; i++)
    recompute.push((await time(() => justiceAlertsForPrison(db, director, p.id, addDays(bamakoDate(), -1))))[0]);
  const episodes = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM alert_episode`)).rows[0].n;
  await pool.end();
  if (summaryTotal !== first.length) throw new Error(`home page count ${summaryTotal} ≠ full list ${first.length}`);
  const all = figures!.prisons[0].figures.all;
  const result = {
    held,
    registry,
    runs: RUNS,
    alerts: first.length,
    alerts_by_kind: byKind,
    alert_episodes: episodes,
    untried: all.untried,
    sentenced: all.sentenced,
    expired_titles: all.expiredTitles,
    without_title_people: all.withoutTitle.people,
    without_title_days: all.withoutTitle.days,
    alerts_p50_ms: round(pct(alerts, 50)),
    alerts_p95_ms: round(pct(alerts, 95)),
    alerts_full_p50_ms: round(pct(full, 50)),
    alerts_full_p95_ms: round(pct(full, 95)),
    backlog_p50_ms: round(pct(backlogs, 50)),
    backlog_p95_ms: round(pct(backlogs, 95)),
    court_list_items: courtItems,
    court_list_p50_ms: round(pct(courts, 50)),
    court_list_p95_ms: round(pct(courts, 95)),
    state_build_ms: round(buildMs),
    title_write_p95_ms: writes.length ? round(pct(writes, 95)) : null,
    alerts_recomputed_p50_ms: round(pct(recompute, 50)),
    setup_ms: round(setupMs),
    load_average: os.loadavg().map(round),
    cpus: os.cpus().length,
    node: process.version,
  };
  const { alerts_by_kind: _k, load_average: _l, ...flat } = result;
  console.table([flat]);
  console.log('alerts by kind:', byKind);
  await fs.mkdir('bench/results', { recursive: true });
  const file = `bench/results/justice-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  await fs.writeFile(file, JSON.stringify(result, null, 2) + '\n');
  console.log(`written ${file}`);
} finally {
  await cluster.stop();
  await fs.rm(dir, { recursive: true, force: true });
}
