/**
 * `npm run bench:import [-- --rows 50000]`: the paper-register import on the embedded PostgreSQL.
 * Generates a register of N synthetic rows (UTF-8, with a few rows that must be refused), imports
 * it into a fresh cluster in a temporary directory through `importRegister` (what `pmis import`
 * runs), and reports rows per second and the peak resident memory of the process. It also counts
 * the CPU time the import used, in Node and in PostgreSQL (Linux: /proc), so that a run on a busy
 * machine still tells what the import costs: CPU milliseconds per row, and the rate that cost
 * allows on an idle machine with as many CPUs. Prints a table and writes
 * bench/results/import-<timestamp>.json.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { stringify } from 'csv-stringify/sync';
import { importRegister, WORKERS } from '../src/cli/import.js';
import { makeActor } from '../src/core/access.js';
import { openEmbedded } from '../src/db/embedded.js';
import { connect } from '../src/db/index.js';
import { migrate } from '../src/db/migrate.js';
import { CHARGES, pick, prng, syntheticPerson } from '../src/demo/names.js';
import { addUser } from '../src/modules/access/service.js';
import { createCell, createPrison, createUnit } from '../src/modules/estate/service.js';
import { arg } from './lib.js';

const ROWS = arg('rows', 50_000);
/** One row in REFUSED is bad (an impossible date): the import must refuse it and go on. */
const REFUSED = 1000;

const HEADER = [
  'committal_number',
  'admitted_at',
  'family_name',
  'given_names',
  'sex',
  'birth_date',
  'birth_precision',
  'estimated_age',
  'birth_place',
  'father_name',
  'mother_name',
  'nationality',
  'nina',
  'origin_region',
  'arresting_authority',
  'document_kind',
  'document_authority',
  'document_reference',
  'document_date',
  'charge',
  'charge_category',
  'legal_reference',
  'terrorism_related',
  'cell',
];

/**
 * A row is given a cell the one placement rule accepts: men and women in their own cells, and only
 * people whose register birth date makes them adults beyond doubt (an uncertain age counts as a
 * minor, who may not share a cell with adults). About a quarter of the rows are placed.
 */
function cellFor(
  i: number,
  rnd: () => number,
  p: ReturnType<typeof syntheticPerson>,
  cells: { male: string[]; female: string[] },
): string {
  if (i % 3 !== 0 || p.birth.precision === 'estimated' || !p.birth.date || 2026 - Number(p.birth.date.slice(0, 4)) < 20)
    return '';
  return pick(rnd, cells[p.sex]);
}

async function generate(file: string, cells: { male: string[]; female: string[] }): Promise<number> {
  const rnd = prng(11);
  const out = fs.createWriteStream(file);
  out.write(stringify([HEADER]));
  let bad = 0;
  for (let i = 0; i < ROWS; i++) {
    const p = syntheticPerson(rnd);
    const charge = pick(rnd, CHARGES);
    const year = 2015 + (i % 11);
    const day = `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const refused = i % REFUSED === REFUSED - 1;
    if (refused) bad++;
    const birth =
      p.birth.precision === 'estimated'
        ? ['', 'estimated', String(p.birth.estimated_age)]
        : [p.birth.date ?? '', p.birth.precision, ''];
    const line = stringify([
      [
        `BKO-${year}-${String(i + 1).padStart(6, '0')}`,
        `${day} 10:30`,
        p.family_name,
        p.given_names,
        p.sex === 'male' ? 'M' : 'F',
        ...birth,
        'Bamako',
        p.father_name ?? '',
        p.mother_name ?? '',
        'ML',
        '',
        p.origin_region_code ?? '',
        'police',
        'committal_order',
        'TGI Commune III',
        `MD-${i}`,
        refused ? `${year}-02-30` : day,
        charge.qualification,
        charge.category === 'felony' ? 'crime' : 'délit',
        charge.legal_reference ?? '',
        charge.terrorism_related ? 'oui' : 'non',
        cellFor(i, rnd, p, cells),
      ],
    ]);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bad;
}

/** CPU seconds used so far by the PostgreSQL cluster: the postmaster, the children it reaped, its live children. */
function postgresCpuSeconds(pgdata: string): number | null {
  try {
    const tick = 100; // USER_HZ on Linux
    const postmaster = Number(fs.readFileSync(path.join(pgdata, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const fields = (pid: string) =>
      fs
        .readFileSync(`/proc/${pid}/stat`, 'utf8')
        .replace(/^.*\) /s, '')
        .split(' ');
    const own = fields(String(postmaster));
    let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
    for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        const f = fields(pid);
        if (Number(f[1]) === postmaster) ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
      } catch {
        /* gone */
      }
    }
    return ticks / tick;
  } catch {
    return null;
  }
}

const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'pmis-bench-import-'));
await fsp.chmod(dir, 0o755);
const cluster = await openEmbedded(path.join(dir, 'data'));
let result;
try {
  const { pool, db } = connect(cluster.url(), { max: WORKERS + 1, applicationName: 'pmis-bench-import' });
  await migrate(pool);
  const prison = await createPrison(db, null, {
    code: 'BKO',
    name: 'Maison centrale d’arrêt de Bamako',
    kind: 'central_prison',
    region_code: 'BKO',
    official_capacity: 400,
  });
  const unit = await createUnit(db, null, prison.id, { code: 'A', name: 'A' });
  const cells = { male: [] as string[], female: [] as string[] };
  for (let i = 1; i <= 50; i++) {
    const female = i > 45;
    cells[female ? 'female' : 'male'].push(
      (
        await createCell(db, null, prison.id, {
          unit_id: unit.id,
          code: `${female ? 'F' : 'A'}-${String(i).padStart(2, '0')}`,
          capacity: 2000,
        })
      ).code,
    );
  }
  const u = await addUser(db, null, {
    username: 'bench.import',
    display_name: 'Bench',
    password: 'registre importé à Bamako',
    roles: ['national_admin'],
    national: true,
  });
  const actor = makeActor({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    roles: u.roles,
    national: true,
    prisonIds: [],
  });

  const file = path.join(dir, 'register.csv');
  process.stderr.write(`generating a register of ${ROWS} rows...\n`);
  const bad = await generate(file, cells);
  const bytes = (await fsp.stat(file)).size;
  process.stderr.write(`importing ${(bytes / 1024 / 1024).toFixed(1)} MiB...\n`);
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  const pgdata = path.join(dir, 'data', 'pg');
  const pgCpu0 = postgresCpuSeconds(pgdata);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const report = await importRegister(db, actor, file, 'BKO', { lang: 'en', progress: process.stderr.isTTY });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const pgCpu1 = postgresCpuSeconds(pgdata);
  const nodeCpu = (cpu.user + cpu.system) / 1e6;
  const pgCpu = pgCpu0 !== null && pgCpu1 !== null ? pgCpu1 - pgCpu0 : null;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  if (report.imported !== ROWS - bad || report.failed !== bad)
    throw new Error(
      `expected ${ROWS - bad} imported and ${bad} refused, got ${report.imported} and ${report.failed}: ${JSON.stringify(report.errors.slice(0, 5))}`,
    );
  await pool.end();
  result = {
    database: 'embedded',
    rows: ROWS,
    imported: report.imported,
    refused: report.failed,
    file_mib: Math.round((bytes / 1024 / 1024) * 10) / 10,
    seconds: Math.round(seconds * 10) / 10,
    rows_per_second: Math.round(ROWS / seconds),
    workers: WORKERS,
    cpu_seconds_node: Math.round(nodeCpu * 10) / 10,
    cpu_seconds_postgres: pgCpu === null ? null : Math.round(pgCpu * 10) / 10,
    cpu_ms_per_row: pgCpu === null ? null : Math.round((((nodeCpu + pgCpu) * 1000) / ROWS) * 100) / 100,
    rows_per_second_idle_estimate: pgCpu === null ? null : Math.round(ROWS / ((nodeCpu + pgCpu) / os.cpus().length)),
    peak_rss_mib: Math.round(peak / 1024 / 1024),
    rss_before_mib: Math.round(rssBefore / 1024 / 1024),
    max_rss_process_mib: Math.round(process.resourceUsage().maxRSS / 1024),
    cpus: os.cpus().length,
    load_average: os.loadavg().map((x) => Math.round(x * 10) / 10),
    node: process.version,
  };
} finally {
  await cluster.stop();
  await fsp.rm(dir, { recursive: true, force: true });
}
console.table([
  {
    rows: result.rows,
    imported: result.imported,
    refused: result.refused,
    MiB: result.file_mib,
    seconds: result.seconds,
    'rows/s': result.rows_per_second,
    'peak RSS MiB': result.peak_rss_mib,
    'CPU ms/row': result.cpu_ms_per_row,
    'rows/s idle (est.)': result.rows_per_second_idle_estimate,
    load: result.load_average.join(' '),
  },
]);
await fsp.mkdir('bench/results', { recursive: true });
const out = `bench/results/import-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
await fsp.writeFile(out, JSON.stringify(result, null, 2) + '\n');
console.log(`written ${out}`);
