/**
 * `npm run bench:breaches [-- --held 4000 --doubtful 400]`: the daily breach report and the
 * placement rule at the size of Bamako. On a fresh embedded PostgreSQL: one prison with `held`
 * people in cells of 30 (untried and convicted in separate cells, a few cells mixed as old data
 * would leave them, one person in `doubtful` of uncertain age among adults), written straight into
 * the tables; then times the breach report (the director's home page computes it live) and
 * placements through the one rule (the full check under the cell lock). Prints a table and writes
 * bench/results/breaches-<timestamp>.json with `held`, `cells_in_breach`, `breaches_p50_ms`,
 * `breaches_p95_ms`, `placement_p50_ms`, `placement_p95_ms` and the load average.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { makeActor } from '../src/core/access.js';
import { openEmbedded } from '../src/db/embedded.js';
import { connect } from '../src/db/index.js';
import { migrate } from '../src/db/migrate.js';
import { addUser } from '../src/modules/access/service.js';
import { createCell, createPrison, createUnit } from '../src/modules/estate/service.js';
import { allocate, breachReport } from '../src/modules/housing/service.js';
import { arg, pct, round } from './lib.js';

const HELD = arg('held', 4000);
const RUNS = arg('runs', 50);
/** One person in DOUBTFUL is born "2008" and sits among adults (a breach of the minors rule while the doubt lasts). */
const DOUBTFUL = arg('doubtful', 400);

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
  const u = await createUnit(db, null, p.id, { code: 'A', name: 'A' });
  const cells = Math.ceil(HELD / 28) + 20;
  for (let i = 0; i < cells; i++) await createCell(db, null, p.id, { unit_id: u.id, code: `A-${i}`, capacity: 30 });
  const dirUser = await addUser(db, null, {
    username: 'bench-director',
    display_name: 'bench',
    password: 'bench-password-1',
    roles: ['prison_director'],
    prisons: ['BKO'],
  });
  const director = makeActor({
    id: dirUser.id,
    username: dirUser.username,
    displayName: 'bench',
    roles: ['prison_director'],
    national: false,
    prisonIds: [p.id],
  });
  process.stderr.write(`writing ${HELD} people held in ${cells} cells...\n`);
  // Cell k holds people k*28 … k*28+27; even cells untried, odd cells convicted; every 50th cell
  // mixed (old data); one person in DOUBTFUL born "2008" (treated as a minor while the doubt lasts).
  await pool.query(
    `
    WITH n AS (SELECT g AS i, gen_random_uuid() AS pid, gen_random_uuid() AS aid FROM generate_series(0, $1::int - 1) g),
    c AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS k FROM cell WHERE prison_id = $2),
    pe AS (INSERT INTO person (id, family_name, given_names, sex, birth_precision, birth_date, registered_prison_id, created_by)
           SELECT pid, 'Bench' || i, 'X', 'male', 'year', CASE WHEN i % $5::int = 0 THEN date '2008-01-01' ELSE date '1985-01-01' END, $2, $3 FROM n RETURNING id),
    ad AS (INSERT INTO admission (id, prison_id, person_id, committal_number, admitted_at, arresting_authority, legal_status, created_by)
           SELECT aid, $2, pid, 'BKO-2025-' || lpad(i::text, 6, '0'), now() - interval '30 days', 'police',
                  CASE WHEN (i / 28) % 2 = 1 OR ((i / 28) % 50 = 0 AND i % 3 = 0) THEN 'convicted' ELSE 'under_investigation' END, $3 FROM n RETURNING id)
    INSERT INTO placement (id, prison_id, admission_id, unit_id, cell_id, from_at, reason, via, created_by)
    SELECT gen_random_uuid(), $2, n.aid, $4, c.id, now() - interval '30 days', 'bench', 'admission', $3 FROM n JOIN c ON c.k = n.i / 28`,
    [HELD, p.id, dirUser.id, u.id, DOUBTFUL],
  );
  // One committal order and one charge each (the breach report names people by their charges).
  await pool.query(`INSERT INTO legal_document (id, prison_id, admission_id, kind, authority, reference, issued_on, created_by)
    SELECT a.id, a.prison_id, a.id, 'committal_order', 'TGI', 'MD', current_date - 31, a.created_by FROM admission a`);
  await pool.query(`INSERT INTO charge (id, prison_id, admission_id, legal_document_id, qualification, category, created_by)
    SELECT gen_random_uuid(), a.prison_id, a.id, a.id, 'Vol qualifié', 'felony', a.created_by FROM admission a`);
  await pool.query('ANALYZE');
  const held = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM admission WHERE ended_at IS NULL`))
    .rows[0].n;

  const report = await breachReport(db, director, 'BKO', 'fr');
  const breaches: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    await breachReport(db, director, 'BKO', 'fr');
    breaches.push(performance.now() - s);
  }

  // Placements through the rule: people awaiting allocation, each into a convicted cell with room
  // (the last cells are empty: fill them one by one, 28 to a cell).
  const waiting = await pool.query<{ id: string }>(
    `
    WITH n AS (SELECT g AS i, gen_random_uuid() AS pid, gen_random_uuid() AS aid FROM generate_series(0, $1::int - 1) g),
    pe AS (INSERT INTO person (id, family_name, sex, birth_precision, birth_date, registered_prison_id, created_by) SELECT pid, 'Wait' || i, 'male', 'year', date '1980-01-01', $2, $3 FROM n)
    INSERT INTO admission (id, prison_id, person_id, committal_number, admitted_at, arresting_authority, legal_status, created_by)
    SELECT aid, $2, pid, 'BKO-2026-' || lpad(i::text, 6, '0'), now() - interval '1 day', 'police', 'under_investigation', $3 FROM n RETURNING id`,
    [RUNS, p.id, dirUser.id],
  );
  const empty = (
    await pool.query<{ id: string }>(
      `SELECT c.id FROM cell c WHERE c.prison_id = $1 AND NOT EXISTS (SELECT 1 FROM placement pl WHERE pl.cell_id = c.id AND pl.to_at IS NULL) ORDER BY c.code`,
      [p.id],
    )
  ).rows.map((r) => r.id);
  const placements: number[] = [];
  for (let i = 0; i < waiting.rows.length; i++) {
    const s = performance.now();
    await allocate(db, director, waiting.rows[i].id, { cell_id: empty[Math.floor(i / 28)], reason: 'bench' });
    placements.push(performance.now() - s);
  }
  await pool.end();
  const result = {
    held,
    cells,
    runs: RUNS,
    doubtful_one_in: DOUBTFUL,
    cells_in_breach: report.cells.length,
    breaches_p50_ms: round(pct(breaches, 50)),
    breaches_p95_ms: round(pct(breaches, 95)),
    placement_p50_ms: round(pct(placements, 50)),
    placement_p95_ms: round(pct(placements, 95)),
    load_average: os.loadavg().map(round),
    cpus: os.cpus().length,
    node: process.version,
  };
  console.table([result]);
  await fs.mkdir('bench/results', { recursive: true });
  const file = `bench/results/breaches-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  await fs.writeFile(file, JSON.stringify(result, null, 2) + '\n');
  console.log(`written ${file}`);
} finally {
  await cluster.stop();
  await fs.rm(dir, { recursive: true, force: true });
}
