/**
 * `npm run bench:matching [-- --identities 100000] [--queries 300] [--pairs bench/data/matching-pairs.csv]`
 *
 * Identity matching, pmis side by side with two baselines on the same data in the same run:
 *  - pmis: score.ts (normalised names, dates with their precision, parents, place, NINA) for pairs;
 *    identity_key shortlist + score.ts re-ranking for top-10 search;
 *  - pg_trgm: PostgreSQL trigram similarity of the full name (lower + unaccent) for pairs; for
 *    search, the nearest full names by the trigram distance `<->` over a GiST trigram index;
 *  - fuse.js: a general fuzzy-search library on the full name (in memory).
 *
 * 1. Quality on the labelled pairs (bench/data/matching-pairs.csv): precision, recall, F1.
 *    pmis uses its documented threshold (MATCH_THRESHOLD, 0.5); each baseline is given the
 *    threshold that maximises its own F1 on this very set (an oracle: generous to the baselines).
 * 2. Latency: a registry of N synthetic identities (seeded, as the evaluation set) in a fresh
 *    embedded PostgreSQL, and in DATABASE_URL's server when set (a fresh database, dropped after);
 *    top-10 queries are noisy re-observations of registered people. p50/p95 and recall@10.
 *    `--identities 100000,1000000` runs several sizes. fuse.js is timed on at most --fuse-queries
 *    queries (it scans the whole list in memory).
 * `--data-dir DIR` keeps the embedded cluster in DIR and reuses its registry when the size matches.
 * Prints a table and writes bench/results/matching-<timestamp>.json.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import Fuse from 'fuse.js';
import pg from 'pg';
import { openEmbedded } from '../src/db/embedded.js';
import { connect, type Db } from '../src/db/index.js';
import { migrate } from '../src/db/migrate.js';
import { newId } from '../src/core/ids.js';
import { recordsFromRow } from '../src/modules/identity/compare.js';
import { compareIdentities, type IdentityRecord, MATCH_THRESHOLD } from '../src/modules/identity/score.js';
import { drainKeyQueue, searchCandidates } from '../src/modules/identity/service.js';
import { makePerson, observe, rng, type TruePerson } from '../src/modules/identity/synthetic.js';

const argv = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : def;
};
const SIZES = opt('identities', '100000')
  .split(',')
  .map((s) => Number(s.replace(/_/g, '')));
const QUERIES = Number(opt('queries', '300'));
const FUSE_QUERIES = Number(opt('fuse-queries', '30'));
const PAIRS_FILE = opt('pairs', 'bench/data/matching-pairs.csv');
const SEED = Number(opt('seed', '4242'));
/** Keep the embedded cluster here and reuse its registry on the next run with the same size (one size only). */
const DATA_DIR = argv.includes('--data-dir') ? path.resolve(opt('data-dir', '')) : undefined;

const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const r2 = (x: number) => Math.round(x * 100) / 100;
const log = (m: string) => process.stderr.write(`${m}\n`);
const fullName = (r: IdentityRecord) => `${r.family_name ?? ''} ${r.given_names ?? ''}`.trim();

interface Quality {
  precision: number;
  recall: number;
  f1: number;
  threshold: number;
  tp: number;
  fp: number;
  fn: number;
}

function quality(scores: number[], labels: boolean[], threshold: number): Quality {
  let tp = 0,
    fp = 0,
    fn = 0;
  scores.forEach((s, i) => {
    if (s >= threshold) {
      if (labels[i]) tp++;
      else fp++;
    } else if (labels[i]) fn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision: r3(precision), recall: r3(recall), f1: r3(f1), threshold: r3(threshold), tp, fp, fn };
}

/** The threshold that maximises F1 (tried at every distinct score). */
function bestThreshold(scores: number[], labels: boolean[]): Quality {
  let best = quality(scores, labels, 0.5);
  for (const t of [...new Set(scores.map((s) => Math.round(s * 1000) / 1000))]) {
    const q = quality(scores, labels, t);
    if (q.f1 > best.f1) best = q;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Registry for the latency part

async function createRegistry(db: Db, pool: pg.Pool, n: number): Promise<{ ids: string[]; people: TruePerson[] }> {
  const existing = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM person')).rows[0].n;
  const reuse = existing === n;
  if (reuse) log(`  reusing the ${n} identities already in ${DATA_DIR} (same seed)`);
  const prisonId = newId();
  const userId = newId();
  await pool.query(
    `INSERT INTO prison (id, code, name, kind, region_code) VALUES ($1, 'BENCH', 'Bench', 'central_prison', 'BKO') ON CONFLICT DO NOTHING`,
    [prisonId],
  );
  await pool.query(
    `INSERT INTO app_user (id, username, display_name, password_hash, roles, national) VALUES ($1, 'bench', 'bench', 'x', '{national_admin}', true) ON CONFLICT DO NOTHING`,
    [userId],
  );
  const r = rng(SEED);
  const ids: string[] = [];
  const people: TruePerson[] = [];
  const t0 = performance.now();
  const BATCH = 5000;
  for (let start = 0; start < n; start += BATCH) {
    const cols: Record<string, (string | number | null)[]> = {
      id: [],
      family_name: [],
      given_names: [],
      sex: [],
      birth_precision: [],
      birth_date: [],
      age: [],
      on: [],
      birth_place: [],
      father_name: [],
      mother_name: [],
      nina: [],
    };
    for (let i = start; i < Math.min(n, start + BATCH); i++) {
      const p = makePerson(r, i);
      if (p.nina) p.nina = `B${String(i).padStart(9, '0')}`; // unique in the registry
      const o = observe(r, p, { rate: 0.5 });
      const id = newId();
      ids.push(id);
      people.push(p);
      let prec = o.birth_precision ?? 'unknown';
      let date: string | null = null,
        age: number | null = null,
        on: string | null = null;
      const d = o.birth_date ?? '';
      if (prec === 'exact') date = d;
      else if (prec === 'month') date = `${d}-01`;
      else if (prec === 'year') date = `${d}-01-01`;
      else if (prec === 'estimated' && d) {
        age = 2026 - Number(d);
        on = '2026-01-01';
      } else prec = 'unknown';
      cols.id.push(id);
      cols.family_name.push(o.family_name || p.family);
      cols.given_names.push(o.given_names ?? '');
      cols.sex.push(p.sex);
      cols.birth_precision.push(prec);
      cols.birth_date.push(date);
      cols.age.push(age);
      cols.on.push(on);
      cols.birth_place.push(o.birth_place || null);
      cols.father_name.push(o.father_name || null);
      cols.mother_name.push(o.mother_name || null);
      cols.nina.push(o.nina || null);
    }
    if (reuse) continue;
    await pool.query(
      `INSERT INTO person (id, family_name, given_names, sex, birth_precision, birth_date, birth_estimated_age, birth_estimated_on, birth_place, father_name, mother_name, nina, registered_prison_id, created_by)
      SELECT u.*, $13::uuid, $14::uuid FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::int[], $8::date[], $9::text[], $10::text[], $11::text[], $12::text[]) AS u`,
      [
        cols.id,
        cols.family_name,
        cols.given_names,
        cols.sex,
        cols.birth_precision,
        cols.birth_date,
        cols.age,
        cols.on,
        cols.birth_place,
        cols.father_name,
        cols.mother_name,
        cols.nina,
        prisonId,
        userId,
      ],
    );
    if ((start / BATCH) % 20 === 0)
      log(`  ${Math.min(n, start + BATCH)} / ${n} persons (${r2((performance.now() - t0) / 1000)} s)`);
  }
  if (reuse) {
    const t1 = performance.now();
    const queued = await drainKeyQueue(db, { batch: 5000 });
    if (queued) {
      log(`  keys recomputed for ${queued} queued persons (${r2((performance.now() - t1) / 1000)} s)`);
      await pool.query('VACUUM ANALYZE identity_key');
    }
    // UUIDv7 ids are in creation order: the replayed people line up with the stored ids.
    const stored = (await pool.query<{ id: string }>('SELECT id FROM person ORDER BY id')).rows.map((x) => x.id);
    return { ids: stored, people };
  }
  log(`  keys...`);
  const t1 = performance.now();
  let shown = 0;
  await drainKeyQueue(db, {
    batch: 5000,
    onBatch: (d) => {
      if (d >= shown + 100_000) {
        shown = d;
        log(`  keys for ${d} persons (${r2((performance.now() - t1) / 1000)} s)`);
      }
    },
  });
  log(`  pg_trgm GiST index on the full name...`);
  await pool.query(
    `CREATE INDEX IF NOT EXISTS bench_person_fullname_trgm ON person USING gist ((lower(family_name || ' ' || given_names)) gist_trgm_ops)`,
  );
  await pool.query('VACUUM ANALYZE person');
  await pool.query('VACUUM ANALYZE identity_key');
  log(`  registry ready in ${r2((performance.now() - t0) / 1000)} s`);
  return { ids, people };
}

interface Latency {
  p50_ms: number;
  p95_ms: number;
  recall_at_10: number;
  queries: number;
}

function summarise(times: number[], hits: number): Latency {
  return {
    p50_ms: r2(pct(times, 50)),
    p95_ms: r2(pct(times, 95)),
    recall_at_10: r3(hits / times.length),
    queries: times.length,
  };
}

async function latencyOn(kind: 'embedded' | 'external', url: string, n: number) {
  const { pool, db } = connect(url, { max: 4, applicationName: 'pmis-bench-matching' });
  try {
    await migrate(pool);
    log(`[${kind}] building a registry of ${n} identities...`);
    const { ids, people } = await createRegistry(db, pool, n);
    const r = rng(SEED + 1);
    const queries: { q: IdentityRecord; id: string }[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const k = Math.floor(r() * n);
      queries.push({ q: observe(r, people[k]), id: ids[k] });
    }
    // warm-up (plans, caches) on a few queries that are not measured
    for (let i = 0; i < 20; i++)
      await searchCandidates(db, observe(r, people[Math.floor(r() * n)]), { limit: 10, minScore: 0 });

    log(`[${kind}] ${QUERIES} top-10 queries: pmis...`);
    const pmisT: number[] = [];
    let pmisHits = 0;
    for (const { q, id } of queries) {
      const s = performance.now();
      const c = await searchCandidates(db, q, { limit: 10, minScore: 0 });
      pmisT.push(performance.now() - s);
      if (c.some((x) => x.person_id === id)) pmisHits++;
    }
    log(`[${kind}] pg_trgm...`);
    const trgmT: number[] = [];
    let trgmHits = 0;
    const client = await pool.connect();
    try {
      for (const { q, id } of queries) {
        const s = performance.now();
        const res = await client.query<{ id: string }>(
          `SELECT id FROM person WHERE merged_into_id IS NULL ORDER BY lower(family_name || ' ' || given_names) <-> lower($1) LIMIT 10`,
          [fullName(q)],
        );
        trgmT.push(performance.now() - s);
        if (res.rows.some((x) => x.id === id)) trgmHits++;
      }
    } finally {
      client.release();
    }
    return { pmis: summarise(pmisT, pmisHits), pg_trgm: summarise(trgmT, trgmHits), ids, people, queries };
  } finally {
    await pool.end();
  }
}

function fuseLatency(
  ids: string[],
  queries: { q: IdentityRecord; id: string }[],
  registryNames: string[],
): Latency & { build_ms: number } {
  const t0 = performance.now();
  const fuse = new Fuse(
    registryNames.map((name, i) => ({ name, id: ids[i] })),
    { keys: ['name'], includeScore: true, ignoreLocation: true, threshold: 0.6 },
  );
  const build = performance.now() - t0;
  const times: number[] = [];
  let hits = 0;
  for (const { q, id } of queries.slice(0, FUSE_QUERIES)) {
    const s = performance.now();
    const res = fuse.search(fullName(q), { limit: 10 });
    times.push(performance.now() - s);
    if (res.some((x) => x.item.id === id)) hits++;
  }
  return { ...summarise(times, hits), build_ms: r2(build) };
}

// ---------------------------------------------------------------------------------------------

async function withEmbedded<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const dir = DATA_DIR ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'pmis-bench-matching-')));
  await fs.mkdir(dir, { recursive: true });
  await fs.chmod(dir, 0o755);
  const cluster = await openEmbedded(dir);
  try {
    return await fn(cluster.url());
  } finally {
    await cluster.stop();
    if (!DATA_DIR) await fs.rm(dir, { recursive: true, force: true });
  }
}

async function withExternal<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const name = `pmis_bench_matching_${Date.now()}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = `/${name}`;
  try {
    return await fn(u.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

const rows = parse<Record<string, string>>(await fs.readFile(PAIRS_FILE), { columns: true, bom: true });
const pairs = rows.map((row, i) => recordsFromRow(row, i + 2));
const labels = rows.map((r) => r.label === 'same');
log(`${rows.length} labelled pairs from ${PAIRS_FILE}`);

// 1. Quality -----------------------------------------------------------------------------------
const tPmis = performance.now();
const pmisScores = pairs.map(([a, b]) => compareIdentities(a, b).score);
const pmisPairMs = (performance.now() - tPmis) / pairs.length;
const pmisQ = quality(pmisScores, labels, MATCH_THRESHOLD);
const pmisSameQ = quality(pmisScores, labels, 0.9);

const fuseScores = pairs.map(([a, b]) => {
  const res = new Fuse([fullName(b)], { includeScore: true, ignoreLocation: true, threshold: 1 }).search(fullName(a));
  return res.length ? 1 - (res[0].score ?? 1) : 0;
});
const fuseQ = bestThreshold(fuseScores, labels);

// pg_trgm similarity needs PostgreSQL: computed in the first database of the latency part.
let trgmQ: Quality | null = null;
const scale: { database: string; identities: number; p95_ms: number; p50_ms: number; recall_at_10: number }[] = [];
const latency: Record<string, { identities: number; database: string } & Latency>[] = [];
const runs: { kind: 'embedded' | 'external'; wrap: <T>(fn: (url: string) => Promise<T>) => Promise<T> }[] = [
  { kind: 'embedded', wrap: withEmbedded },
];
if (process.env.DATABASE_URL) runs.push({ kind: 'external', wrap: withExternal });

for (const run of runs) {
  for (const n of SIZES) {
    await run.wrap(async (url) => {
      if (!trgmQ) {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query('CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE EXTENSION IF NOT EXISTS unaccent');
        const res = await c.query<{ s: number }>(
          `SELECT similarity(lower(unaccent(a)), lower(unaccent(b)))::float8 AS s FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(a, b, i) ORDER BY i`,
          [pairs.map(([a]) => fullName(a)), pairs.map(([, b]) => fullName(b))],
        );
        await c.end();
        trgmQ = bestThreshold(
          res.rows.map((x) => x.s),
          labels,
        );
      }
      const l = await latencyOn(run.kind, url, n);
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const stored = await c.query<{ id: string; name: string }>(
        `SELECT id, family_name || ' ' || given_names AS name FROM person`,
      );
      await c.end();
      const byId = new Map(stored.rows.map((x) => [x.id, x.name]));
      log(`[${run.kind}] fuse.js over ${n} names...`);
      const f = fuseLatency(
        l.ids,
        l.queries,
        l.ids.map((id) => byId.get(id) ?? ''),
      );
      scale.push({
        database: run.kind,
        identities: n,
        p95_ms: l.pmis.p95_ms,
        p50_ms: l.pmis.p50_ms,
        recall_at_10: l.pmis.recall_at_10,
      });
      latency.push({
        pmis: { ...l.pmis, identities: n, database: run.kind },
        pg_trgm: { ...l.pg_trgm, identities: n, database: run.kind },
        'fuse.js': { ...f, identities: n, database: run.kind },
      });
    });
  }
}

// The systems' p95 is taken at the largest registry of the first database.
const main = latency
  .filter((l) => l.pmis.database === runs[0].kind)
  .sort((a, b) => b.pmis.identities - a.pmis.identities)[0];
const tq = trgmQ as Quality | null;
const systems = [
  {
    name: 'pmis',
    precision: pmisQ.precision,
    recall: pmisQ.recall,
    f1: pmisQ.f1,
    threshold: pmisQ.threshold,
    threshold_kind: 'documented (MATCH_THRESHOLD)',
    p95_ms: main.pmis.p95_ms,
    p50_ms: main.pmis.p50_ms,
    recall_at_10: main.pmis.recall_at_10,
    identities: main.pmis.identities,
  },
  {
    name: 'pg_trgm',
    precision: tq?.precision ?? null,
    recall: tq?.recall ?? null,
    f1: tq?.f1 ?? null,
    threshold: tq?.threshold ?? null,
    threshold_kind: 'best F1 on this set (oracle)',
    p95_ms: main.pg_trgm.p95_ms,
    p50_ms: main.pg_trgm.p50_ms,
    recall_at_10: main.pg_trgm.recall_at_10,
    identities: main.pg_trgm.identities,
  },
  {
    name: 'fuse.js',
    precision: fuseQ.precision,
    recall: fuseQ.recall,
    f1: fuseQ.f1,
    threshold: fuseQ.threshold,
    threshold_kind: 'best F1 on this set (oracle)',
    p95_ms: main['fuse.js'].p95_ms,
    p50_ms: main['fuse.js'].p50_ms,
    recall_at_10: main['fuse.js'].recall_at_10,
    identities: main['fuse.js'].identities,
  },
];

const result = {
  created_at: new Date().toISOString(),
  pairs: rows.length,
  pairs_file: PAIRS_FILE,
  systems,
  pmis_same_decision: { threshold: 0.9, precision: pmisSameQ.precision, recall: pmisSameQ.recall, f1: pmisSameQ.f1 },
  pmis_pair_scoring_us: r2(pmisPairMs * 1000),
  scale,
  latency,
  queries: QUERIES,
  fuse_queries: FUSE_QUERIES,
  machine: {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memory_gb: r2(os.totalmem() / 2 ** 30),
    node: process.version,
  },
};

console.log(
  `\nQuality on ${rows.length} labelled pairs; latency of a top-10 query over ${main.pmis.identities} identities (${runs[0].kind} PostgreSQL)`,
);
console.table(
  systems.map((s) => ({
    system: s.name,
    precision: s.precision,
    recall: s.recall,
    F1: s.f1,
    threshold: `${s.threshold} (${s.threshold_kind})`,
    'p50 ms': s.p50_ms,
    'p95 ms': s.p95_ms,
    'recall@10': s.recall_at_10,
  })),
);
console.log('pmis by registry size and database');
console.table(scale);
await fs.mkdir('bench/results', { recursive: true });
const file = `bench/results/matching-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
await fs.writeFile(file, JSON.stringify(result, null, 2) + '\n');
console.log(`written ${file}`);
