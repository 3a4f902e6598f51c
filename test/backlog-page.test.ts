import assert from 'node:assert/strict';
import { test } from 'node:test';
import { login } from '../src/modules/access/service.js';
import type { BacklogReport } from '../src/modules/justice/service.js';
import { auth, fixture, newArrival, testApp, testDatabase } from './helpers.js';

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);

test("the backlog page reproduces a prison's figures from its records, with charts, in French and English", async () => {
  const admit = (name: string, over: Record<string, unknown> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/admissions',
      headers: auth(fx.tokens['clerk.bko']),
      payload: newArrival({ person: { ...newArrival().person, family_name: name }, ...over }),
    });
  for (const n of ['Un', 'Deux', 'Trois']) assert.equal((await admit(n)).statusCode, 201);
  assert.equal(
    (
      await admit('Quatre', {
        legal_document: { kind: 'conviction', authority: 'TGI', reference: 'J-9', issued_on: '2026-03-09' },
        charges: [{ qualification: 'Vol qualifié', category: 'felony' }],
      })
    ).statusCode,
    201,
  );
  const { session } = await login(database.db, 'director.bko', 'correct horse battery', 1);
  const fr = await app.inject({ url: '/backlog', cookies: { pmis_session: session } });
  assert.equal(fr.statusCode, 200, fr.body);
  assert.match(fr.body, /1 condamnés sur 4, 25 %/);
  assert.match(fr.body, /<svg role="img"/);
  assert.match(fr.body, /backlog\.csv\?/);
  // The same figures as the API computes from the records.
  const api = (
    await app.inject({ url: '/api/justice/backlog?prison=BKO', headers: auth(fx.tokens['director.bko']) })
  ).json<BacklogReport>();
  assert.equal(api.prisons[0].figures.all.total, 4);
  assert.equal(api.prisons[0].figures.all.sentenced, 1);
  const en = await app.inject({ url: '/backlog', cookies: { pmis_session: session, pmis_lang: 'en' } });
  assert.match(en.body, /1 of 4 sentenced, 25 %/);
  assert.ok(fr.body.length < 150 * 1024);
  // Deny by default; a medical user has no justice figures.
  assert.equal((await app.inject({ url: '/backlog' })).statusCode, 303);
  const { session: medic } = await login(database.db, 'medic.bko', 'correct horse battery', 1);
  assert.equal((await app.inject({ url: '/backlog', cookies: { pmis_session: medic } })).statusCode, 403);
});
