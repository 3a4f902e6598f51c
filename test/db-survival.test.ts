/**
 * A server that survives its database: connections terminated under it (idle, checked out inside a
 * transaction, or in flight), a database that cannot be reached, and one that refuses writes.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import pg from 'pg';
import { freePort } from '../src/db/embedded.js';
import { databaseUnavailable } from '../src/db/errors.js';
import { connect, isRetryableRead, type Database } from '../src/db/index.js';
import { auth, fixture, formLogin, testApp, testDatabase, testRoles } from './helpers.js';
import type { Problem } from './api.js';

const roles = testRoles();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function admin(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: roles.admin });
  c.on('error', () => undefined);
  await c.connect();
  after(() => c.end().catch(() => undefined));
  return c;
}

const dbName = (database: Database) => decodeURIComponent(new URL(database.url).pathname.slice(1));

/** What an operator (or a PostgreSQL restart) does: end every pmis connection to this database. */
async function terminatePmisConnections(a: pg.Client, database: Database): Promise<number> {
  const r = await a.query<{ n: number }>(
    `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
    WHERE application_name LIKE 'pmis%' AND datname = $1 AND pid <> pg_backend_pid()`,
    [dbName(database)],
  );
  return r.rows[0].n;
}

async function until(what: string, fn: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await fn()) return;
    await sleep(200);
  }
  assert.fail(`timed out waiting for: ${what}`);
}

test('only plain reads are retried on a fresh connection', () => {
  assert.ok(isRetryableRead('select "id" from "person" where "id" = $1'));
  assert.ok(isRetryableRead('  SELECT 1'));
  assert.ok(!isRetryableRead('SELECT * FROM cell WHERE id = $1 FOR UPDATE'));
  assert.ok(!isRetryableRead('insert into person values ($1)'));
  assert.ok(!isRetryableRead('WITH x AS (DELETE FROM identity_key_queue RETURNING *) SELECT * FROM x'));
});

test(
  'the server stays alive and answers after its database connections are terminated',
  { timeout: 120_000 },
  async () => {
    const database = await testDatabase();
    const fx = await fixture(database);
    const app = await testApp(database);
    const a = await admin();
    for (let i = 0; i < 5; i++)
      assert.equal((await app.inject({ url: '/api/prisons', headers: auth(fx.tokens['admin']) })).statusCode, 200);
    // A client checked out inside a transaction, idle between two queries (a service awaiting
    // something else): its connection's error event must not end the process.
    const held = await database.pool.connect();
    await held.query('BEGIN');
    // A read and a write in flight when the connections go.
    const read = database.pool.query<{ answer: number }>('SELECT pg_sleep(3), 42 AS answer');
    const write = database.pool.query(`UPDATE pmis_heartbeat SET beat_by = 'test' WHERE pg_sleep(3) IS NOT NULL`).then(
      () => null,
      (e: unknown) => e,
    );
    await until(
      'both queries running',
      async () =>
        (
          await a.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity
    WHERE datname = $1 AND state = 'active' AND query LIKE '%pg_sleep(3)%' AND pid <> pg_backend_pid()`,
            [dbName(database)],
          )
        ).rows[0].n === 2,
    );
    const n = await terminatePmisConnections(a, database);
    assert.ok(n >= 3, `connections terminated: ${n}`);
    await sleep(500);
    // The read was tried again on a new connection; the write was not (its outcome is the caller's to check).
    assert.equal((await read).rows[0].answer, 42);
    const writeError = await write;
    assert.equal(databaseUnavailable(writeError), 'connection_lost', String(writeError));
    await assert.rejects(held.query('SELECT 1'));
    held.release(true);
    // Everything answers again: reads, writes, pages.
    assert.equal((await app.inject({ url: '/api/prisons', headers: auth(fx.tokens['admin']) })).statusCode, 200);
    const created = await app.inject({
      method: 'POST',
      url: '/api/prisons',
      headers: auth(fx.tokens['admin']),
      payload: { code: 'SRV', name: 'Survivor', kind: 'central_prison', region_code: 'BKO', official_capacity: 10 },
    });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal((await app.inject({ url: '/health' })).statusCode, 200);
    // And again, many times over, under load.
    for (let round = 0; round < 3; round++) {
      const requests = Array.from({ length: 20 }, () =>
        app.inject({ url: '/api/prisons', headers: auth(fx.tokens['admin']) }),
      );
      await sleep(20);
      await terminatePmisConnections(a, database);
      for (const r of await Promise.all(requests))
        assert.ok([200, 503].includes(r.statusCode), `${r.statusCode} ${r.body}`);
    }
    assert.equal((await app.inject({ url: '/api/prisons', headers: auth(fx.tokens['admin']) })).statusCode, 200);
  },
);

test('with the database unreachable: 503 for login, the API and the pages (never 500), and /health says why', async () => {
  const port = await freePort();
  const { pool, db } = connect(`postgres://pmis_app:nothing@127.0.0.1:${port}/pmis`, { max: 2 });
  const down: Database = { pool, db, kind: 'external', url: 'postgres://127.0.0.1', close: () => pool.end() };
  after(() => pool.end().catch(() => undefined));
  const app = await testApp(down);
  const token = await app.inject({
    method: 'POST',
    url: '/api/auth/token',
    headers: { 'accept-language': 'en' },
    payload: { username: 'clerk.bko', password: 'correct horse battery' },
  });
  assert.equal(token.statusCode, 503, token.body);
  assert.match(token.headers['content-type'] as string, /application\/problem\+json/);
  assert.equal(token.json<Problem>().code, 'error.database_unavailable');
  assert.match(token.json<Problem>().title, /database is unavailable/);
  assert.equal(token.headers['retry-after'], '5');
  // The login form, as a browser sends it (with its pre-session CSRF token): a page, 503.
  const { res: login } = await formLogin(app, 'clerk.bko');
  assert.equal(login.statusCode, 503, login.body);
  assert.match(login.headers['content-type'] as string, /text\/html/);
  const api = await app.inject({ url: '/api/prisons', headers: { authorization: 'Bearer whatever' } });
  assert.equal(api.statusCode, 503);
  const page = await app.inject({ url: '/', headers: { cookie: 'pmis_session=whatever' } });
  assert.equal(page.statusCode, 503);
  assert.match(page.headers['content-type'] as string, /text\/html/);
  assert.match(page.body, /base de données est momentanément indisponible/);
  const health = await app.inject({ url: '/health' });
  assert.equal(health.statusCode, 503);
  assert.equal(health.json<{ reason: string }>().reason, 'unreachable');
});

test(
  '/health turns 503 with a reason when the database refuses writes, and back to 200',
  { timeout: 120_000 },
  async () => {
    const database = await testDatabase();
    const fx = await fixture(database);
    const app = await testApp(database);
    const a = await admin();
    const owner = new pg.Client({ connectionString: database.ownerUrl });
    owner.on('error', () => undefined);
    await owner.connect();
    after(() => owner.end().catch(() => undefined));
    const health = async () => {
      const r = await app.inject({ url: '/health' });
      return { status: r.statusCode, body: r.json<{ reason?: string; code?: string }>() };
    };
    assert.equal((await health()).status, 200);

    // A privilege taken away: reads work, the write probe does not.
    await owner.query(`REVOKE INSERT, UPDATE ON pmis_heartbeat FROM ${roles.appRole}`);
    await until('health 503 after REVOKE', async () => (await health()).status === 503);
    assert.deepEqual((await health()).body, {
      status: 'unavailable',
      database: database.kind,
      reason: 'write_refused',
      code: '42501',
    });
    await owner.query(`GRANT INSERT, UPDATE ON pmis_heartbeat TO ${roles.appRole}`);
    await until('health 200 after GRANT', async () => (await health()).status === 200);

    // The whole database read-only (as on a standby, or set by an operator when the disk fills).
    await a.query(`ALTER DATABASE ${dbName(database)} SET default_transaction_read_only = on`);
    await terminatePmisConnections(a, database);
    await until('health 503 when read-only', async () => (await health()).status === 503);
    assert.equal((await health()).body.reason, 'read_only');
    const write = await app.inject({
      method: 'POST',
      url: '/api/prisons',
      headers: auth(fx.tokens['admin'], 'en'),
      payload: { code: 'RO', name: 'Read only', kind: 'central_prison', region_code: 'BKO', official_capacity: 1 },
    });
    assert.equal(write.statusCode, 503, write.body);
    assert.equal(write.json<Problem>().code, 'error.database_read_only');
    // (Reads answer 503 too: authenticating a request records its use, a write.)
    const read = await app.inject({ url: '/api/prisons', headers: auth(fx.tokens['admin']) });
    assert.ok([200, 503].includes(read.statusCode), read.body);
    await a.query(`ALTER DATABASE ${dbName(database)} RESET default_transaction_read_only`);
    await terminatePmisConnections(a, database);
    await until('health 200 again', async () => (await health()).status === 200);
  },
);
