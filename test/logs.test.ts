/**
 * No personal data in the logs: the access log keeps method, path, route, status and a request id —
 * never a query string (search terms are detainees' names; upload forms carry their CSRF token
 * there); an error log keeps the SQLSTATE, table, constraint and a hash of the query — never the
 * query's parameters nor the values PostgreSQL repeats in its messages.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, test } from 'node:test';
import pg from 'pg';
import { buildApp } from '../src/http/app.js';
import { auth, fixture, newArrival, testConfig, testDatabase } from './helpers.js';

const lines: string[] = [];
const stream = new Writable({
  write(chunk, _enc, cb) {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    cb();
  },
});
const database = await testDatabase();
const app = await buildApp({ database, config: testConfig({ logLevel: 'info' }), logStream: stream });
after(() => app.close());
const fx = await fixture(database);
/** A line of the JSON log, with the fields these tests read. */
interface LogLine {
  msg?: string;
  level: number;
  reqId?: string;
  req?: { url?: string };
  err?: { sqlstate?: string; query?: { hash: string; statement: string } };
  [k: string]: unknown;
}
const logged = () => lines.map((l) => JSON.parse(l) as LogLine);

test('the access log has the path and a request id, not the query string (names, CSRF tokens)', async () => {
  lines.length = 0;
  const search = await app.inject({
    url: '/api/persons?q=Traor%C3%A9%20Moussa&limit=5',
    headers: auth(fx.tokens['clerk.bko']),
  });
  assert.equal(search.statusCode, 200);
  const upload = await app.inject({
    method: 'POST',
    url: '/receptions/01234567-89ab-4def-8123-456789abcdef/attachments?_csrf=SECRET-CSRF-TOKEN-123',
    headers: auth(fx.tokens['clerk.bko']),
  });
  assert.ok(upload.statusCode < 500);
  const text = lines.join('\n');
  assert.doesNotMatch(text, /Traor|Moussa/, 'no search term');
  assert.doesNotMatch(text, /SECRET-CSRF-TOKEN/, 'no CSRF token');
  assert.doesNotMatch(text, /authorization|Bearer|pmis_/i, 'no credentials');
  const incoming = logged().filter((l) => l.msg === 'incoming request');
  assert.deepEqual(
    incoming.map((l) => l.req?.url),
    ['/api/persons', '/receptions/01234567-89ab-4def-8123-456789abcdef/attachments'],
  );
  const completed = logged().filter((l) => l.msg === 'request completed');
  assert.equal(completed.length, 2);
  for (const l of [...incoming, ...completed]) assert.match(String(l.reqId), /\S/, 'every line carries its request id');
  assert.equal(incoming[0].reqId, completed[0].reqId);
});

test('an error log carries the SQLSTATE and a query hash, never the SQL parameters', async () => {
  // A refusal no rule of pmis knows (as a trigger or a failing disk would give): a 500, logged.
  // DDL needs the owner (the application's role may not create objects).
  const owner = new pg.Pool({ connectionString: database.ownerUrl!, max: 1 });
  await owner.query(
    `CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$`,
  );
  await owner.query(
    `CREATE TRIGGER test_refuse BEFORE INSERT ON person FOR EACH ROW WHEN (NEW.family_name = 'Keïta-Log') EXECUTE FUNCTION test_refuse()`,
  );
  after(async () => {
    await owner.query('DROP TRIGGER IF EXISTS test_refuse ON person');
    await owner.end();
  });
  lines.length = 0;
  const r = await app.inject({
    method: 'POST',
    url: '/api/admissions',
    headers: auth(fx.tokens['clerk.bko'], 'en'),
    payload: newArrival({
      person: {
        ...newArrival().person,
        family_name: 'Keïta-Log',
        nina: '98765432109876Q',
        father_name: 'Sekou Keïta-Log',
      },
    }),
  });
  assert.equal(r.statusCode, 500);
  assert.equal(r.headers['content-type'], 'application/problem+json; charset=utf-8');
  assert.doesNotMatch(r.body, /Keïta|insert|select|98765432109876Q/i, 'the answer says nothing of the query either');
  const errors = logged().filter((l) => l.level >= 50);
  assert.equal(errors.length, 1, lines.join('\n'));
  const err = errors[0].err;
  assert.equal(err?.sqlstate, 'P0001');
  assert.match(err?.query?.hash ?? '', /^[0-9a-f]{16}$/);
  assert.equal(err?.query?.statement, 'insert');
  assert.ok(errors[0].reqId);
  const text = lines.join('\n');
  for (const value of ['Keïta-Log', '98765432109876Q', 'Sekou', 'Maïga', 'params', 'Failed query'])
    assert.ok(!text.includes(value), `${value} is not in the log`);
});

test('a database refusal the data caused is a 4xx and not logged as an error', async () => {
  lines.length = 0;
  const first = await app.inject({
    method: 'POST',
    url: '/api/prisons/BKO/cells',
    headers: auth(fx.tokens.admin, 'en'),
    payload: { unit_id: fx.prisons.BKO.units[0], code: 'LOG-1' },
  });
  assert.equal(first.statusCode, 201, first.body);
  const unknownUnit = await app.inject({
    method: 'POST',
    url: '/api/prisons/BKO/units',
    headers: auth(fx.tokens.admin, 'en'),
    payload: { code: 'U'.repeat(32), name: 'x', capacity: 2 ** 31 },
  });
  assert.equal(unknownUnit.statusCode, 422);
  assert.equal(logged().filter((l) => l.level >= 50).length, 0);
});
