/**
 * Issue 13: an admission ends only through the movements module's flows — the release checklist
 * (check, confirmation by a second officer, completion), the transfer, the escape and death
 * reports. The old `POST /api/admissions/:id/end` refuses every reason (409 naming /reason, in the
 * user's language, pointing to the movements pages and API) and changes nothing; custody's front
 * door has no function that ends an admission, and the one capability that does is held by the
 * movements module (a second claim throws). docs/movements-release.md.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import * as custody from '../src/modules/custody/index.js';
import { END_REASONS } from '../src/modules/custody/rules.js';
import { auth, fixture, newArrival, releaseThroughMovements, testApp, testDatabase } from './helpers.js';
import type { AdmissionView, Created, Problem } from './api.js';

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);

let n = 0;
async function admitOne(): Promise<string> {
  n++;
  const base = newArrival();
  const r = await app.inject({
    method: 'POST',
    url: '/api/admissions',
    headers: auth(fx.tokens['clerk.bko']),
    payload: { ...base, person: { ...base.person, family_name: `Sangaré${n}` } },
  });
  assert.equal(r.statusCode, 201, r.body);
  return r.json<Created>().id;
}
const end = (token: string, id: string, payload: Record<string, unknown>, lang = 'fr') =>
  app.inject({ method: 'POST', url: `/api/admissions/${id}/end`, headers: auth(token, lang), payload });
const ended = async (id: string) =>
  (await app.inject({ url: `/api/admissions/${id}`, headers: auth(fx.tokens['clerk.bko']) })).json<AdmissionView>()
    .ended_at;
const endHistory = async (id: string) =>
  (
    await database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM change_log WHERE entity = 'admission' AND entity_id = ${id} AND action = 'end'`,
    )
  ).rows[0].n;

for (const reason of END_REASONS) {
  test(`POST /api/admissions/:id/end with reason ${reason}: 409 naming /reason, the admission stays open`, async () => {
    const id = await admitOne();
    const payload = {
      reason,
      ended_at: new Date().toISOString(),
      detail: 'contournement',
      ...(reason === 'transfer' ? { transfer_to: 'KLK' } : {}),
    };
    for (const user of ['clerk.bko', 'director.bko', 'admin']) {
      const fr = await end(fx.tokens[user], id, payload);
      assert.equal(fr.statusCode, 409, `${user}: ${fr.body}`);
      assert.match(fr.headers['content-type'] as string, /application\/problem\+json/);
      const p = fr.json<Problem>();
      assert.equal(p.code, 'custody.end_through_movements');
      assert.deepEqual(
        p.errors?.map((e) => e.field),
        ['/reason'],
      );
      assert.match(p.errors[0].message, /levée d'écrou/);
      assert.match(p.errors[0].message, /\/api\/movements\/releases/);
      assert.ok(p.errors[0].message.includes(`/movements/releases/new?admission=${id}`));
      const en = (await end(fx.tokens[user], id, payload, 'en')).json<Problem>();
      assert.match(
        en.errors![0].message,
        /no longer ends here: through the release \(check, confirmation by a second officer/,
      );
    }
    // Without the right, or out of scope: 403 as before; nothing changed either way.
    assert.equal((await end(fx.tokens['clerk.klk'], id, payload)).statusCode, 403);
    assert.equal((await end(fx.tokens.auditor, id, payload)).statusCode, 403);
    assert.equal(await ended(id), null);
    assert.equal(await endHistory(id), 0);
  });
}

test('the function that ends an admission is not on custody’s front door; movements holds the one capability', () => {
  assert.equal('endAdmission' in custody, false);
  assert.throws(() => custody.claimAdmissionExit(), /already held \(by the movements module\)/);
});

test('the lawful way still ends the admission: check, second officer, completion; the old route then says it has ended', async () => {
  const id = await admitOne();
  const r = await releaseThroughMovements(database, fx, id);
  assert.equal(r.state, 'released');
  assert.ok(await ended(id));
  assert.equal(await endHistory(id), 1);
  const again = await end(fx.tokens['clerk.bko'], id, { reason: 'release' });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json<Problem>().errors?.[0].field, '/reason');
  assert.equal(again.json<Problem>().code, 'custody.admission_ended');
});

test('OpenAPI: the old route is marked deprecated and answers only 409', async () => {
  const doc = (await app.inject({ url: '/api/openapi.json' })).json<{
    paths: Record<string, Record<string, { deprecated?: boolean; responses: Record<string, unknown> }>>;
  }>();
  const op = doc.paths['/api/admissions/{id}/end'].post;
  assert.equal(op.deprecated, true);
  assert.deepEqual(Object.keys(op.responses), ['409']);
});
