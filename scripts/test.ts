/**
 * `npm test`: one PostgreSQL for the whole run — the embedded one in a temporary directory, or the
 * server named by TEST_DATABASE_URL (a superuser) — with a migrated template database; each test
 * file clones its own database from the template (test/helpers.ts). As in production, the template
 * belongs to an owner role that ran the migrations, and the tests' application connects as an app
 * role with only the privileges of src/db/privileges.ts: the suite proves the app works under them. Then node's test runner over every
 * *.test.ts file; browser tests (test/browser) run when Chromium is there, and must run in CI.
 *   --no-browser      skip the browser tests
 *   --only-browser    run only the browser tests
 * The embedded cluster is a throw-away one without fsync (see src/db/embedded.ts); with
 * PMIS_TEST_SHARED_BROWSER=1 one Chromium serves every browser test file (test/browser/chromium.ts).
 * Environment: PMIS_TEST_CONCURRENCY (test files at once; default the number of cores, at least 2),
 * PMIS_TEST_TIMINGS=<file> (a JSON line per test; per database clone and drop in <file>.db).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type BrowserServer, chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../test/browser/chromium.js';
import { openEmbedded } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';

const argv = process.argv.slice(2);
const args = new Set(argv.filter((a) => a.startsWith('--')));
/** Test files named on the command line: run only those (e.g. `npx tsx scripts/test.ts test/registry.test.ts`). */
const only = argv.filter((a) => !a.startsWith('--'));
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CONCURRENCY = Number(process.env.PMIS_TEST_CONCURRENCY) || Math.max(2, os.availableParallelism());
const TIMINGS = process.env.PMIS_TEST_TIMINGS;
const started = performance.now();
const since = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

/**
 * A node:test reporter (PMIS_TEST_TIMINGS): one JSON line per finished test, top level and one level
 * down — file, name, nesting, duration in ms, pass/fail, when it was reported — next to the usual
 * spec output; docs/testing.md's measurements come from it.
 */
const TIMING_REPORTER = `export default async function* timings(source) {
  for await (const event of source) {
    if ((event.type !== 'test:pass' && event.type !== 'test:fail') || event.data.nesting > 1) continue;
    const d = event.data;
    yield JSON.stringify({ file: d.file, name: d.name, nesting: d.nesting, ms: Math.round(d.details.duration_ms),
      at: Date.now(), ok: event.type === 'test:pass' }) + '\\n';
  }
}
`;

/** CPU seconds (user, system) of a process and its reaped children, from /proc (Linux); null elsewhere. */
function cpuOf(pid: number): { user: number; sys: number } | null {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const tick = 100; // USER_HZ on Linux
    return { user: (Number(f[11]) + Number(f[13])) / tick, sys: (Number(f[12]) + Number(f[14])) / tick };
  } catch {
    return null;
  }
}

const isBrowserTest = (f: string) => f.includes(`${path.sep}browser${path.sep}`);

async function findTests(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== 'node_modules') out.push(...(await findTests(p)));
    else if (e.isFile() && e.name.endsWith('.test.ts')) out.push(p);
  }
  return out.sort();
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function asRole(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

async function main(): Promise<number> {
  const all = [...(await findTests('src')), ...(await findTests('test'))];
  const browser = all.filter(isBrowserTest);
  let files = args.has('--only-browser') ? browser : all.filter((f) => !browser.includes(f));
  if (only.length) files = only.map((f) => path.normalize(f));
  const wantBrowser = !only.length && !args.has('--no-browser') && browser.length > 0;
  if (wantBrowser && !args.has('--only-browser')) {
    if (existsSync(CHROMIUM)) files = [...files, ...browser];
    else if (process.env.CI === 'true') {
      console.error(`CI: Chromium not found at ${CHROMIUM}; browser tests cannot be skipped in CI.`);
      return 1;
    } else console.error(`Browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium).`);
  }
  if (args.has('--only-browser') && !existsSync(CHROMIUM)) {
    console.error(`No Chromium at ${CHROMIUM}.`);
    return 1;
  }
  if (!files.length) {
    console.error('No test files.');
    return args.has('--only-browser') ? 0 : 1;
  }

  let adminUrl = process.env.TEST_DATABASE_URL;
  let cluster: Awaited<ReturnType<typeof openEmbedded>> | undefined;
  let tmp: string | undefined;
  if (!adminUrl) {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pmis-test-'));
    await fs.chmod(tmp, 0o755);
    cluster = await openEmbedded(tmp, { testsOnlyNoDurability: true });
    adminUrl = cluster.url('postgres');
    console.error(`[timing] embedded PostgreSQL created and started at ${since()}`);
  }
  const template = `pmis_tpl_${process.pid}`;
  const ownerRole = `pmis_t_owner_${process.pid}`;
  const appRole = `pmis_t_app_${process.pid}`;
  const ownerPassword = randomBytes(18).toString('base64url');
  const appPassword = randomBytes(18).toString('base64url');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  let code: number;
  let browserServer: BrowserServer | undefined;
  let reporterDir: string | undefined;
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    for (const [role, password] of [
      [ownerRole, ownerPassword],
      [appRole, appPassword],
    ]) {
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${password}'`);
    }
    await admin.query(`CREATE DATABASE ${template} OWNER ${ownerRole}`);
    // How each test file clones the template (test/helpers.ts). Without fsync, FILE_COPY (copy the
    // files after a checkpoint) costs PostgreSQL about half the CPU of WAL_LOG (PostgreSQL 15's
    // default, which writes the 11 MB template through the WAL); with fsync on, its two
    // checkpoints cost more than they save. STRATEGY is PostgreSQL 15's.
    const server = (
      await admin.query<{ v: string; fsync: string }>(
        `SELECT current_setting('server_version_num') AS v, current_setting('fsync') AS fsync`,
      )
    ).rows[0];
    const cloneStrategy = Number(server.v) >= 150000 && server.fsync === 'off' ? 'FILE_COPY' : '';
    const pool = new pg.Pool({
      connectionString: withDatabase(asRole(adminUrl, ownerRole, ownerPassword), template),
      max: 1,
    });
    pool.on('error', () => undefined);
    try {
      const t = performance.now();
      await migrate(pool, { appRole });
      console.error(`[timing] template migrated in ${((performance.now() - t) / 1000).toFixed(1)} s (at ${since()})`);
    } finally {
      await pool.end();
    }
    console.error(
      `Test database: ${cluster ? 'embedded PostgreSQL' : 'external PostgreSQL (TEST_DATABASE_URL)'}, template ${template}` +
        ` (fsync ${server.fsync}, clones ${cloneStrategy || 'by the default strategy'}); ${files.length} test files, ${CONCURRENCY} at once`,
    );
    // PMIS_TEST_SHARED_BROWSER=1: one Chromium for every browser test file (saves its start per file,
    // but this process then relays every file's browser traffic: not yet shown cheaper, docs/testing.md).
    if (files.some(isBrowserTest) && existsSync(CHROMIUM) && process.env.PMIS_TEST_SHARED_BROWSER === '1') {
      browserServer = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      console.error(`[timing] shared Chromium started at ${since()}`);
    }
    const reporters: string[] = [];
    if (TIMINGS) {
      // The test runner loads reporters before tsx is in place: this one is plain JavaScript, in a file of the run.
      reporterDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pmis-reporter-'));
      await fs.writeFile(path.join(reporterDir, 'timings.mjs'), TIMING_REPORTER);
      reporters.push(
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        `--test-reporter=${path.join(reporterDir, 'timings.mjs')}`,
        `--test-reporter-destination=${TIMINGS}`,
      );
    }
    code = await new Promise<number>((resolve) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', '--test', `--test-concurrency=${CONCURRENCY}`, ...reporters, ...files],
        {
          stdio: 'inherit',
          env: {
            ...process.env,
            PMIS_TEST_ADMIN_URL: adminUrl,
            PMIS_TEST_TEMPLATE: template,
            PMIS_TEST_OWNER_URL: asRole(adminUrl, ownerRole, ownerPassword),
            PMIS_TEST_APP_URL: asRole(adminUrl, appRole, appPassword),
            PMIS_TEST_KIND: cluster ? 'embedded' : 'external',
            PMIS_TEST_CLONE_STRATEGY: cloneStrategy,
            ...(browserServer ? { PMIS_TEST_BROWSER_WS: browserServer.wsEndpoint() } : {}),
            LOG_LEVEL: 'silent',
          },
        },
      );
      child.on('close', (c) => {
        resolve(c ?? 1);
      });
    });
  } finally {
    const left = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
      [template, `pmis_t_${process.pid}_%`],
    );
    for (const r of left.rows)
      await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`).catch(() => undefined);
    for (const role of [appRole, ownerRole])
      await admin.query(`DROP ROLE IF EXISTS ${role}`).catch((e: unknown) => {
        console.error(`Could not drop role ${role}: ${(e as Error).message}`);
      });
    await admin.end();
    console.error(`[timing] tests done at ${since()}`);
    await browserServer?.close();
    if (cluster) {
      // The cluster's CPU time (postmaster and every backend it reaped), before it stops.
      const pid = Number(
        (await fs.readFile(path.join(cluster.dir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0],
      );
      const cpu = pid ? cpuOf(pid) : null;
      if (cpu) console.error(`[timing] PostgreSQL CPU: user ${cpu.user.toFixed(1)} s, system ${cpu.sys.toFixed(1)} s`);
      await cluster.stop();
    }
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
    if (reporterDir) await fs.rm(reporterDir, { recursive: true, force: true });
  }
  return code;
}

process.exitCode = await main();
