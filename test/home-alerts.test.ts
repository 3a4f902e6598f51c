import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { type Lang, t } from '../src/core/i18n.js';
import { appUser } from '../src/modules/access/schema.js';
import { login } from '../src/modules/access/service.js';
import '../src/modules/justice/messages.js';
import { escapeHtml } from '../src/web/html.js';
import { auth, fixture, newArrival, testApp, testDatabase } from './helpers.js';

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);

test("the director's home page lists a person held past an expired title, in French and English", async () => {
  const r = await app.inject({
    method: 'POST',
    url: '/api/admissions',
    headers: auth(fx.tokens['clerk.bko']),
    payload: newArrival({
      person: { ...newArrival().person, family_name: 'Kanté', given_names: 'Bourama' },
      admitted_at: '2024-01-03T10:00:00Z',
      legal_document: {
        kind: 'committal_order',
        authority: 'TGI Commune III',
        reference: 'MD-2024-001',
        issued_on: '2024-01-02',
      },
      charges: [{ qualification: 'Vol simple', category: 'misdemeanour' }],
    }),
  });
  assert.equal(r.statusCode, 201, r.body);
  const { session } = await login(database.db, 'director.bko', 'correct horse battery', 1);
  const fr = await app.inject({ url: '/', cookies: { pmis_session: session } });
  assert.equal(fr.statusCode, 200);
  assert.match(fr.body, /Alertes judiciaires \(3\)/); // the expired title, no hearing for months, and the category assumed (no maximum penalty known)
  // Category unknown (no maximum penalty on the charge): the protective art. 125 month applies, so the title expired after one month.
  assert.match(fr.body, /sans titre valide : titre expiré le 2024-02-01/);
  assert.match(fr.body, /Critique/);
  assert.match(fr.body, /Kanté/);
  const en = await app.inject({ url: '/', cookies: { pmis_session: session, pmis_lang: 'en' } });
  assert.match(en.body, /Justice alerts \(3\)/);
  // A clerk of another prison sees no such section for Bamako.
  const { session: klk } = await login(database.db, 'clerk.klk', 'correct horse battery', 1);
  const other = await app.inject({ url: '/?prison=BKO', cookies: { pmis_session: klk } });
  assert.doesNotMatch(other.body, /Kanté/);
});

test('the justice alerts on the home page speak the language chosen for the request, not the profile', async () => {
  const r = await app.inject({
    method: 'POST',
    url: '/api/admissions',
    headers: auth(fx.tokens['clerk.bko']),
    payload: newArrival({
      person: { ...newArrival().person, family_name: 'Diarra', given_names: 'Seydou' },
      admitted_at: '2024-03-04T10:00:00Z',
      legal_document: {
        kind: 'committal_order',
        authority: 'TGI Commune IV',
        reference: 'MD-2024-017',
        issued_on: '2024-03-04',
      },
      charges: [{ qualification: 'Abus de confiance', category: 'misdemeanour' }],
    }),
  });
  assert.equal(r.statusCode, 201, r.body);
  // The words of that person's alerts: held without a valid title (art. 129's duty), and the category assumed.
  const texts = (lang: Lang) =>
    [
      t(lang, 'justice.alert.expired', { date: '2024-04-03', days: 0 }),
      t(lang, 'justice.action.art129'),
      t(lang, 'justice.alert.category_assumed'),
      t(lang, 'justice.action.confirm_category'),
    ].map(escapeHtml);
  const home = async (profile: Lang, chosen: Lang) => {
    await database.db.update(appUser).set({ lang: profile }).where(eq(appUser.username, 'director.bko'));
    const { session } = await login(database.db, 'director.bko', 'correct horse battery', 1);
    const res = await app.inject({ url: '/', cookies: { pmis_session: session, pmis_lang: chosen } });
    assert.equal(res.statusCode, 200);
    return res.body;
  };
  for (const [profile, chosen] of [
    ['fr', 'en'],
    ['en', 'fr'],
  ] as const) {
    const body = await home(profile, chosen);
    for (const text of texts(chosen))
      assert.ok(body.includes(text), `${chosen} page (profile ${profile}) shows: ${text}`);
    for (const text of texts(profile))
      assert.ok(!body.includes(text), `${chosen} page (profile ${profile}) has no: ${text}`);
  }
  await database.db.update(appUser).set({ lang: 'fr' }).where(eq(appUser.username, 'director.bko'));
});
