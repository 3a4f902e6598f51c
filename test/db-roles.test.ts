/**
 * The application's database role (docs/decisions/0004-database-roles.md): it owns nothing, may not
 * change or remove audit rows, run DDL or programs; the owner runs the migrations; the rule covers
 * tables added by later migrations; an external server set up as the deployment guide says works
 * end to end with the real command line.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import pg from 'pg';
import { adoptDatabase } from '../src/db/embedded.js';
import { migrate, MIGRATIONS_DIR, readMigrations } from '../src/db/migrate.js';
import { APPEND_ONLY_TABLES, applyAppPrivileges, privilegeProblems } from '../src/db/privileges.js';
import { fixture, testDatabase, testRoles } from './helpers.js';

const roles = testRoles();

async function client(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  c.on('error', () => undefined);
  await c.connect();
  after(() => c.end().catch(() => undefined));
  return c;
}

const code = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'allowed';
  } catch (e) {
    return (e as { code?: string }).code ?? (e as Error).message;
  }
};

/** An empty database owned by the test run's owner role; dropped at the end. */
async function emptyDatabase(): Promise<string> {
  const name = `pmis_t_${process.ppid}_${randomBytes(4).toString('hex')}`;
  const admin = await client(roles.admin);
  await admin.query(`CREATE DATABASE ${name} OWNER ${roles.ownerRole}`);
  after(async () => {
    const c = new pg.Client({ connectionString: roles.admin });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await c.end();
  });
  return name;
}

test('the app role cannot change or remove audit rows, run DDL or a program; the owner is stopped by triggers', async () => {
  const database = await testDatabase();
  const fx = await fixture(database);
  const app = await client(database.url);
  assert.equal((await app.query<{ u: string }>('SELECT current_user AS u')).rows[0].u, roles.appRole);
  assert.ok(
    (await app.query<{ n: number }>('SELECT count(*)::int AS n FROM change_log')).rows[0].n > 0,
    'the app role reads the change log (the fixture wrote to it)',
  );
  await app.query(
    `INSERT INTO access_audit (id, actor_id, category, action, entity)
      VALUES ('01900000-0000-7000-8000-0000000000ab', $1, 'health', 'read', 'test')`,
    [fx.actors['admin'].userId],
  );
  for (const table of ['change_log', 'access_audit']) {
    assert.equal(await code(app.query(`UPDATE ${table} SET at = now()`)), '42501', `UPDATE ${table}`);
    assert.equal(await code(app.query(`DELETE FROM ${table}`)), '42501', `DELETE FROM ${table}`);
    assert.equal(await code(app.query(`TRUNCATE ${table}`)), '42501', `TRUNCATE ${table}`);
  }
  // No DELETE on registry tables either, no DDL, no ownership tricks, no server programs or files.
  assert.equal(await code(app.query('DELETE FROM person')), '42501');
  assert.equal(await code(app.query('DELETE FROM app_user')), '42501');
  assert.equal(await code(app.query('CREATE TABLE evil (x int)')), '42501');
  assert.equal(await code(app.query('ALTER TABLE change_log DISABLE TRIGGER no_update')), '42501');
  assert.equal(await code(app.query('DROP TABLE access_audit')), '42501');
  assert.equal(await code(app.query('CREATE FUNCTION evil() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$')), '42501');
  assert.equal(await code(app.query(`COPY (SELECT 1) TO PROGRAM 'id'`)), '42501');
  assert.equal(await code(app.query(`COPY person FROM PROGRAM 'id'`)), '42501');
  assert.equal(await code(app.query(`SELECT pg_read_file('/etc/passwd')`)), '42501');
  assert.equal(await code(app.query(`CREATE ROLE evil SUPERUSER`)), '42501');
  assert.equal(await code(app.query(`SET ROLE ${roles.ownerRole}`)), '42501');
  assert.deepEqual(await privilegeProblems(app, roles.appRole), []);

  // The second line: even the owner (which may UPDATE, DELETE and TRUNCATE its tables) is refused.
  const owner = await client(database.ownerUrl!);
  for (const table of APPEND_ONLY_TABLES) {
    assert.match(await code(owner.query(`UPDATE ${table} SET at = now()`)), /^23001$/, `owner UPDATE ${table}`);
    assert.match(await code(owner.query(`DELETE FROM ${table}`)), /^23001$/, `owner DELETE ${table}`);
    assert.match(await code(owner.query(`TRUNCATE ${table}`)), /^23001$/, `owner TRUNCATE ${table}`);
  }
  await assert.rejects(owner.query('UPDATE change_log SET reason = $1', ['rewritten']), /append-only/);
  assert.equal(
    (await app.query<{ n: number }>(`SELECT count(*)::int AS n FROM change_log WHERE reason = 'rewritten'`)).rows[0].n,
    0,
  );
});

test('a table added by a later migration gets the rule without being listed; rows of derived tables may be deleted', async () => {
  const name = await emptyDatabase();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pmis-mig-'));
  after(() => fs.rm(dir, { recursive: true, force: true }));
  for (const f of await readMigrations()) await fs.copyFile(path.join(MIGRATIONS_DIR, f.name), path.join(dir, f.name));
  await fs.writeFile(
    path.join(dir, '99999999_9999_later.sql'),
    'CREATE TABLE later_thing (id int PRIMARY KEY, note text);',
  );
  const ownerPool = new pg.Pool({ connectionString: roles.urlFor(name, roles.owner), max: 1 });
  ownerPool.on('error', () => undefined);
  after(() => ownerPool.end());
  await migrate(ownerPool, { dir, appRole: roles.appRole });
  const app = await client(roles.urlFor(name, roles.app));
  await app.query(`INSERT INTO later_thing VALUES (1, 'a')`);
  await app.query(`UPDATE later_thing SET note = 'b'`);
  assert.equal((await app.query<{ note: string }>('SELECT note FROM later_thing')).rows[0].note, 'b');
  assert.equal(await code(app.query('DELETE FROM later_thing')), '42501');
  assert.equal(
    await code(app.query('DELETE FROM identity_key_queue')),
    'allowed',
    'derived tables are cleared and refilled',
  );
  assert.equal(
    await code(app.query('UPDATE pmis_migration SET checksum = checksum')),
    '42501',
    'the migration record is read-only',
  );
  assert.deepEqual(await privilegeProblems(app, roles.appRole), []);
  // A privilege granted by hand beyond the rule is taken back at the next migration run.
  await ownerPool.query(`GRANT DELETE, TRUNCATE ON later_thing, change_log TO ${roles.appRole}`);
  assert.equal((await privilegeProblems(app, roles.appRole)).length, 2);
  await migrate(ownerPool, { dir, appRole: roles.appRole });
  assert.deepEqual(await privilegeProblems(app, roles.appRole), []);
});

test('a database made before the role scheme (superuser-owned) is adopted by the owner role', async () => {
  const name = `pmis_t_${process.ppid}_${randomBytes(4).toString('hex')}`;
  const admin = await client(roles.admin);
  await admin.query(`CREATE DATABASE ${name}`);
  after(async () => {
    const c = new pg.Client({ connectionString: roles.admin });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await c.end();
  });
  // As pmis used to: the superuser runs the migrations and owns everything.
  const superPool = new pg.Pool({ connectionString: roles.urlFor(name, roles.admin), max: 1 });
  await migrate(superPool);
  const adminDb = await superPool.connect();
  await adminDb.query('BEGIN');
  const moved = await adoptDatabase(adminDb, name, roles.ownerRole);
  await adminDb.query('COMMIT');
  adminDb.release();
  await superPool.end();
  assert.ok(moved > 40, `tables and functions moved (${moved})`);
  const owner = await client(roles.urlFor(name, roles.owner));
  const left = await owner.query(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r','v','S') AND c.relowner <> $1::regrole`,
    [roles.ownerRole],
  );
  assert.deepEqual(left.rows, []);
  await applyAppPrivileges(owner, roles.appRole);
  // The owner can now migrate (a new migration) and the app role works.
  await owner.query('CREATE TABLE adopted_later (id int)');
  const app = await client(roles.urlFor(name, roles.app));
  await app.query(
    `INSERT INTO prison (id, code, name, kind, region_code)
      VALUES ('01900000-0000-7000-8000-0000000000aa', 'ADP', 'Adopted', 'central_prison', 'BKO')`,
  );
  assert.equal(await code(app.query(`UPDATE change_log SET at = now()`)), '42501');
});

function pmis(args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/pmis.js', ...args], {
      env: { ...process.env, DATA_DIR: '/nonexistent', PMIS_DEMO: '0', DATABASE_OWNER_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (c) => {
      resolve({ code: c ?? -1, out });
    });
  });
}

test(
  'an external server as the deployment guide sets it up: DATABASE_OWNER_URL migrates, DATABASE_URL (the app role) runs',
  { timeout: 180_000 },
  async () => {
    const name = await emptyDatabase();
    const appUrl = roles.urlFor(name, roles.app);
    const ownerUrl = roles.urlFor(name, roles.owner);
    // The app role alone cannot build the schema, and says what to do.
    const refused = await pmis(['migrate'], { DATABASE_URL: appUrl });
    assert.equal(refused.code, 1, refused.out);
    assert.match(refused.out, /DATABASE_OWNER_URL/);
    const migrated = await pmis(['migrate'], { DATABASE_URL: appUrl, DATABASE_OWNER_URL: ownerUrl });
    assert.equal(migrated.code, 0, migrated.out);
    // From now on the app role alone is enough for everything but migrations.
    const added = await pmis(
      ['user', 'add', 'clerk.ext', '--name', 'Clerk Ext', '--role', 'registry_clerk', '--national'],
      { DATABASE_URL: appUrl, PMIS_PASSWORD: 'a-long-password' },
    );
    assert.equal(added.code, 0, added.out);
    assert.doesNotMatch(added.out, /Warning/, 'no warning when the app role owns nothing');
    const listed = await pmis(['user', 'list'], { DATABASE_URL: appUrl });
    assert.match(listed.out, /clerk\.ext/);
    // The owner's URL as DATABASE_URL still works (one role), with a warning that the audit is not protected.
    const single = await pmis(['user', 'list'], { DATABASE_URL: ownerUrl });
    assert.equal(single.code, 0, single.out);
    assert.match(single.out, /Warning: DATABASE_URL connects as .* which owns the tables/);
    const app = await client(appUrl);
    assert.deepEqual(await privilegeProblems(app, roles.appRole), []);
    assert.equal(
      (await app.query<{ n: number }>(`SELECT count(*)::int AS n FROM change_log WHERE entity = 'app_user'`)).rows[0].n,
      1,
    );
  },
);
