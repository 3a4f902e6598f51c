/**
 * `insertRows` (src/db/bulk.ts), the import's bulk insert with one JSON parameter, writes exactly
 * what Drizzle's insert writes: JSON values (nested, null, strings with quotes and backslashes,
 * non-Latin text), arrays, timestamps to the millisecond, database defaults for the columns not
 * given; rows that do not all give the same columns still go in.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertRows } from '../src/db/bulk.js';
import { newId } from '../src/core/ids.js';
import { appUser } from '../src/modules/access/schema.js';
import { changeLog } from '../src/db/history-schema.js';
import { testDatabase } from './helpers.js';

const database = await testDatabase();

const at = new Date('2026-03-10T10:30:12.345Z');
const entry = (id: string, entityId: string) => ({
  id,
  entity: 'admission',
  entityId,
  action: 'create',
  at,
  reason: 'L’«écrou» "cité" \\ C:\\dossier',
  before: null,
  after: { name: 'Traoré', nested: { list: [1, 'deux', null, { x: true }] }, empty: [], quote: '"\'', nul: null },
  restricted: { interview: { note: 'ⵜⴰⵎⴰⵣⵉⵖⵜ' } },
});

test('a change-log row written by insertRows reads back as the same row written by Drizzle', async () => {
  const a = newId();
  const b = newId();
  const entity = newId();
  await insertRows(database.db, changeLog, [entry(a, entity)]);
  await database.db.insert(changeLog).values(entry(b, entity));
  const rows = (
    await database.pool.query<Record<string, unknown> & { id: string; at: Date }>(
      `SELECT * FROM change_log WHERE entity_id = $1 ORDER BY id = $2 DESC`,
      [entity, a],
    )
  ).rows;
  assert.equal(rows.length, 2);
  const { id: ida, ...mine } = rows[0];
  const { id: idb, ...theirs } = rows[1];
  assert.deepEqual([ida, idb], [a, b]);
  assert.deepEqual(mine, theirs);
  assert.equal(mine.at.toISOString(), at.toISOString());
  assert.equal(mine.before, null);
});

test('arrays and database defaults: the columns not given take their defaults; rows with different columns still go in', async () => {
  const u = {
    id: newId(),
    username: `bulk.${Date.now()}`,
    displayName: 'Bulk',
    passwordHash: 'x',
    roles: ['clerk', 'records_officer'],
  };
  const v = {
    id: newId(),
    username: `bulk2.${Date.now()}`,
    displayName: 'Bulk 2',
    passwordHash: 'x',
    roles: ['director'],
    lang: 'en',
  };
  await insertRows(database.db, appUser, [u]);
  await insertRows(database.db, appUser, [{ ...u, id: newId(), username: `${u.username}.b` }, v]);
  const rows = (
    await database.pool.query<{
      username: string;
      roles: string[];
      lang: string;
      national: boolean;
      created_at: unknown;
    }>(`SELECT username, roles, lang, national, created_at FROM app_user WHERE username = ANY($1)`, [
      [u.username, `${u.username}.b`, v.username],
    ])
  ).rows.sort((x, y) => (x.username < y.username ? -1 : 1));
  assert.deepEqual(
    rows.map((r) => [r.username, r.roles, r.lang, r.national]),
    [
      [u.username, ['clerk', 'records_officer'], 'fr', false],
      [`${u.username}.b`, ['clerk', 'records_officer'], 'fr', false],
      [v.username, ['director'], 'en', false],
    ],
  );
  assert.ok(rows.every((r) => r.created_at instanceof Date));
});
