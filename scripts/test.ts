/**
 * `npm test`: one PostgreSQL for the whole run — the embedded one in a temporary directory, or the
 * server named by TEST_DATABASE_URL (a superuser) — with a migrated template database; each test
 * file clones its own database from the template (test/helpers.ts). As in production, the template
 * belongs to an owner role that ran the migrations, and the tests' application connects as an app
 * role with only the privileges of src/db/privileges.ts: the suite proves the app works under them. Then node's test runner over every
 * *.test.ts file; browser tests (test/browser) run when Chromium is there, and must run in CI.
 *   --no-browser      skip the browser tests
 *   --only-browser    run only the browser tests
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openEmbedded } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';

const argv = process.argv.slice(2);
const args = new Set(argv.filter((a) => a.startsWith('--')));
/** Test files named on the command line: run only those (e.g. `npx tsx scripts/test.ts test/registry.test.ts`). */
const only = argv.filter((a) => !a.startsWith('--'));
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

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
  const browser = all.filter((f) => f.includes(`${path.sep}browser${path.sep}`));
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
    cluster = await openEmbedded(tmp);
    adminUrl = cluster.url('postgres');
  }
  const template = `pmis_tpl_${process.pid}`;
  const ownerRole = `pmis_t_owner_${process.pid}`;
  const appRole = `pmis_t_app_${process.pid}`;
  const ownerPassword = randomBytes(18).toString('base64url');
  const appPassword = randomBytes(18).toString('base64url');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  let code: number;
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
    const pool = new pg.Pool({
      connectionString: withDatabase(asRole(adminUrl, ownerRole, ownerPassword), template),
      max: 1,
    });
    pool.on('error', () => undefined);
    try {
      await migrate(pool, { appRole });
    } finally {
      await pool.end();
    }
    console.error(
      `Test database: ${cluster ? 'embedded PostgreSQL' : 'external PostgreSQL (TEST_DATABASE_URL)'}, template ${template}; ${files.length} test files`,
    );
    code = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
        stdio: 'inherit',
        env: {
          ...process.env,
          PMIS_TEST_ADMIN_URL: adminUrl,
          PMIS_TEST_TEMPLATE: template,
          PMIS_TEST_OWNER_URL: asRole(adminUrl, ownerRole, ownerPassword),
          PMIS_TEST_APP_URL: asRole(adminUrl, appRole, appPassword),
          PMIS_TEST_KIND: cluster ? 'embedded' : 'external',
          LOG_LEVEL: 'silent',
        },
      });
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
    if (cluster) await cluster.stop();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  }
  return code;
}

process.exitCode = await main();
