import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { migrate, MIGRATIONS_DIR, readMigrations } from '../src/db/migrate.js';
import * as schema from '../src/db/schema.js';

const adminUrl = process.env.PMIS_TEST_ADMIN_URL!;
const urlFor = (db: string) => {
  const u = new URL(adminUrl);
  u.pathname = `/${db}`;
  return u.toString();
};

async function emptyDatabase(): Promise<pg.Pool> {
  const name = `pmis_t_${process.ppid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const pool = new pg.Pool({ connectionString: urlFor(name), max: 4 });
  after(async () => {
    await pool.end();
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });
  return pool;
}

test('migrations apply on an empty database, then find nothing left to do', async () => {
  const pool = await emptyDatabase();
  const files = await readMigrations();
  assert.deepEqual(
    await migrate(pool),
    files.map((f) => f.name),
  );
  assert.deepEqual(await migrate(pool), []);
  const r = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM reference_code WHERE kind = 'region'");
  assert.equal(r.rows[0].n, 20, 'the District of Bamako and the 19 regions');
});

test('two processes migrating at once apply each migration once', async () => {
  const pool = await emptyDatabase();
  const [a, b] = await Promise.all([migrate(pool), migrate(pool)]);
  assert.equal(a.length + b.length, (await readMigrations()).length);
});

test('a new migration applies on a populated database and keeps its data', async () => {
  const pool = await emptyDatabase();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pmis-mig-'));
  after(() => fs.rm(dir, { recursive: true, force: true }));
  for (const f of await readMigrations()) await fs.copyFile(path.join(MIGRATIONS_DIR, f.name), path.join(dir, f.name));
  await migrate(pool, { dir });
  await pool.query(
    `INSERT INTO prison (id, code, name, kind, region_code, official_capacity)
      VALUES ('01900000-0000-7000-8000-000000000001', 'TST', 'Test', 'detention_centre', 'BKO', 10)`,
  );
  await fs.writeFile(path.join(dir, '99999999_9999_test.sql'), 'ALTER TABLE prison ADD COLUMN test_note text;');
  assert.deepEqual(await migrate(pool, { dir }), ['99999999_9999_test.sql']);
  const r = await pool.query(`SELECT code, official_capacity, test_note FROM prison`);
  assert.deepEqual(r.rows, [{ code: 'TST', official_capacity: 10, test_note: null }]);
  // An applied migration that is edited afterwards is refused, not silently skipped.
  await fs.writeFile(path.join(dir, '99999999_9999_test.sql'), 'ALTER TABLE prison ADD COLUMN other text;');
  await assert.rejects(migrate(pool, { dir }), /was changed after it was applied/);
});

test('every Drizzle table and column exists in the migrated database', async () => {
  const pool = await emptyDatabase();
  await migrate(pool);
  const cols = await pool.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`,
  );
  const have = new Set(cols.rows.map((r) => `${r.table_name}.${r.column_name}`));
  for (const t of Object.values(schema)) {
    if (!t || typeof t !== 'object' || !(Symbol.for('drizzle:IsDrizzleTable') in t)) continue;
    const cfg = getTableConfig(t as PgTable);
    for (const c of cfg.columns)
      assert.ok(
        have.has(`${cfg.name}.${c.name}`),
        `${cfg.name}.${c.name} is in the Drizzle schema but not in the migrations`,
      );
  }
});
