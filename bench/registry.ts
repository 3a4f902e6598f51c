/**
 * `npm run bench [-- --n 20000]`: registry throughput and latency through the HTTP API.
 * For the embedded PostgreSQL (a fresh cluster in a temporary directory) and, when DATABASE_URL is
 * set, for that server (in a fresh database created there and dropped after): admit N synthetic
 * detainees over HTTP, then time reading prisoner files and listing one prison's population.
 * Prints a table and writes bench/results/registry-<timestamp>.json.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { openEmbedded } from '../src/db/embedded.js';
import { connect, type Database } from '../src/db/index.js';
import { migrate } from '../src/db/migrate.js';
import { buildApp } from '../src/http/app.js';
import { addUser, createToken } from '../src/modules/access/service.js';
import { createCell, createPrison, createUnit } from '../src/modules/estate/service.js';
import { CHARGES, pick, prng, syntheticPerson } from '../src/demo/names.js';
import { makeActor } from '../src/core/access.js';
import { bamakoDate } from '../src/core/dates.js';
import { prison as prisonTable } from '../src/modules/estate/schema.js';
import { setCapacityDelegation } from '../src/modules/housing/service.js';
import { minorReading, parseBirth } from '../src/modules/people/rules.js';
import { arg, pct, round } from './lib.js';

const N = arg('n', 100_000);
const CONCURRENCY = arg('concurrency', 16);
const READS = arg('reads', 2000);

async function pool<T>(n: number, workers: number, fn: (i: number) => Promise<T>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < n) await fn(next++);
    }),
  );
}

async function runOn(kind: 'embedded' | 'external', url: string) {
  const { pool: pgPool, db } = connect(url, { max: 20, applicationName: 'pmis-bench' });
  const database: Database = {
    pool: pgPool,
    db,
    kind,
    url,
    close: async () => {
      await pgPool.end();
    },
  };
  await migrate(pgPool);
  const prisons = [
    ['BKO', 400],
    ['KLK', 200],
    ['KNB', null],
    ['BOL', null],
  ] as const;
  const cells: Record<string, string[]> = {};
  for (const [code, cap] of prisons) {
    const p = await createPrison(db, null, {
      code,
      name: code,
      kind: 'central_prison',
      region_code: 'BKO',
      official_capacity: cap,
    });
    const u = await createUnit(db, null, p.id, { code: 'A', name: 'A' });
    cells[code] = [];
    for (let i = 0; i < 20; i++)
      cells[code].push((await createCell(db, null, p.id, { unit_id: u.id, code: `A-${i}`, capacity: 40 })).id);
  }
  // A registry clerk of the four prisons: the usual reader and writer of files.
  const user = await addUser(db, null, {
    username: 'bench',
    display_name: 'bench',
    password: 'registre mesuré à Bamako',
    roles: ['registry_clerk'],
    prisons: prisons.map(([c]) => c),
  });
  const { token } = await createToken(db, user.id);
  // The cells fill up: each prison's director delegates exceeding capacity (capacity only), as an
  // overcrowded prison's would; every placement still goes through the full allocation check.
  const director = await addUser(db, null, {
    username: 'bench-director',
    display_name: 'bench',
    password: 'bench-password-1',
    roles: ['prison_director'],
    prisons: prisons.map(([c]) => c),
  });
  const directorActor = makeActor({
    id: director.id,
    username: director.username,
    displayName: 'bench',
    roles: ['prison_director'],
    national: false,
    prisonIds: (await db.select().from(prisonTable)).map((p) => p.id),
  });
  for (const [code] of prisons)
    await setCapacityDelegation(db, directorActor, code, { delegated: true, reason: 'bench' });
  const config = { ...loadConfig(), logLevel: 'silent', demo: false };
  const app = await buildApp({ database, config });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

  const rnd = prng(7);
  const now = Date.now();
  const personIds: string[] = [];
  process.stderr.write(`[${kind}] admitting ${N} detainees over HTTP (concurrency ${CONCURRENCY})...\n`);
  const t0 = performance.now();
  let done = 0;
  await pool(N, CONCURRENCY, async (i) => {
    const code = i % 10 < 6 ? 'BKO' : pick(rnd, ['KLK', 'KNB', 'BOL']);
    const charge = pick(rnd, CHARGES);
    const admitted = new Date(now - Math.floor(rnd() * 700 * 86_400_000));
    const person = syntheticPerson(rnd, code === 'BOL' ? 'female' : 'male');
    // Everyone is untried and of one sex per prison; a person who may be under 18 waits for an
    // allocation (the cells hold adults), as the placement rule requires.
    const minor = minorReading(parseBirth(person.birth, bamakoDate()).value!, bamakoDate()).minor;
    const body = {
      prison: code,
      person,
      admitted_at: admitted.toISOString(),
      arresting_authority: 'police',
      legal_document: {
        kind: 'committal_order',
        authority: 'TGI',
        reference: `MD-${i}`,
        issued_on: admitted.toISOString().slice(0, 10),
      },
      charges: [charge],
      cell_id: minor ? null : pick(rnd, cells[code]),
      over_capacity_reason: 'bench',
    };
    const r = await fetch(`${base}/api/admissions`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (r.status !== 201) throw new Error(`admission ${i}: ${r.status} ${await r.text()}`);
    personIds.push(((await r.json()) as { person_id: string }).person_id);
    if (++done % 10_000 === 0) process.stderr.write(`  ${done}\n`);
  });
  const seconds = (performance.now() - t0) / 1000;

  const fileTimes: number[] = [];
  for (let i = 0; i < READS; i++) {
    const id = personIds[Math.floor(rnd() * personIds.length)];
    const s = performance.now();
    const r = await fetch(`${base}/api/persons/${id}`, { headers });
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`file read ${r.status}`);
    fileTimes.push(performance.now() - s);
  }
  const bkoCount = Math.ceil((N * 0.6) / 50);
  const pageTimes: number[] = [];
  for (let i = 0; i < READS; i++) {
    const page = 1 + Math.floor(rnd() * Math.min(bkoCount, 200));
    const s = performance.now();
    const r = await fetch(`${base}/api/prisons/BKO/population?page=${page}&page_size=50`, { headers });
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`population ${r.status}`);
    pageTimes.push(performance.now() - s);
  }
  await app.close();
  await database.close();
  return {
    database: kind,
    n: N,
    concurrency: CONCURRENCY,
    admissions_per_second: round(N / seconds),
    file_read_p50_ms: round(pct(fileTimes, 50)),
    file_read_p95_ms: round(pct(fileTimes, 95)),
    population_page_p50_ms: round(pct(pageTimes, 50)),
    population_page_p95_ms: round(pct(pageTimes, 95)),
    cpus: os.cpus().length,
    node: process.version,
  };
}

const results = [];
{
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pmis-bench-'));
  await fs.chmod(dir, 0o755);
  const cluster = await openEmbedded(dir);
  try {
    results.push(await runOn('embedded', cluster.url()));
  } finally {
    await cluster.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
if (process.env.DATABASE_URL) {
  const name = `pmis_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(process.env.DATABASE_URL);
  u.pathname = `/${name}`;
  try {
    results.push(await runOn('external', u.toString()));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
console.table(
  results.map((r) => ({
    database: r.database,
    n: r.n,
    'admissions/s': r.admissions_per_second,
    'file p50 ms': r.file_read_p50_ms,
    'file p95 ms': r.file_read_p95_ms,
    'population p50 ms': r.population_page_p50_ms,
    'population p95 ms': r.population_page_p95_ms,
  })),
);
await fs.mkdir('bench/results', { recursive: true });
const file = `bench/results/registry-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
await fs.writeFile(file, JSON.stringify(results, null, 2) + '\n');
console.log(`written ${file}`);
