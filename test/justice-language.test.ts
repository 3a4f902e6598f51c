/**
 * The justice API answers in the request's language, whatever the account's: the file returned when a
 * title is added, corrected or withdrawn, the hearing returned when one is scheduled, changed or its
 * outcome recorded, a partner's cases, and the backlog CSV's headings (with stable codes on request).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addUser, createToken } from '../src/modules/access/index.js';
import { addPartnerMember, createJurisdiction } from '../src/modules/justice/index.js';
import { auth, fixture, newArrival, testApp, testDatabase } from './helpers.js';

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);
const clerk = fx.tokens['clerk.bko'];
const send = async (method: 'POST' | 'PATCH', url: string, lang: string, payload: Record<string, unknown>) => {
  const r = await app.inject({ method, url, headers: auth(clerk, lang), payload });
  assert.ok(r.statusCode < 300, `${url}: ${r.body}`);
  return r.json<{
    id: string;
    scheduled_local: string;
    titles: { id: string; reference: string; kind_label: string }[];
  }>();
};
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

test('titles and hearings are answered in the language of the request', async () => {
  const adm = await send('POST', '/api/admissions', 'fr', newArrival());
  const kindLabel = (file: { titles: { reference: string; kind_label: string }[] }, ref: string) =>
    file.titles.find((x) => x.reference === ref)?.kind_label;
  const title = {
    kind: 'extension_order',
    authority_kind: 'investigating_judge',
    authority: 'Juge d’instruction, TGI Commune III',
    issued_on: '2026-03-20',
  };
  const en = await send('POST', `/api/justice/admissions/${adm.id}/titles`, 'en', { ...title, reference: 'L-1' });
  assert.equal(kindLabel(en, 'L-1'), 'Extension order');
  const fr = await send('POST', `/api/justice/admissions/${adm.id}/titles`, 'fr', { ...title, reference: 'L-2' });
  assert.equal(kindLabel(fr, 'L-2'), 'Ordonnance de prolongation de la détention');
  const id = en.titles.find((x) => x.reference === 'L-1')!.id;
  const corrected = await send('POST', `/api/justice/titles/${id}/corrections`, 'en', {
    changes: { reference: 'L-1b' },
    reason: 'Référence mal recopiée',
  });
  assert.equal(kindLabel(corrected, 'L-1b'), 'Extension order');
  const latest = corrected.titles.find((x) => x.reference === 'L-1b')!.id;
  const withdrawn = await send('POST', `/api/justice/titles/${latest}/withdrawal`, 'en', { reason: 'Saisi en double' });
  assert.equal(kindLabel(withdrawn, 'L-2'), 'Extension order');

  const h = await send('POST', `/api/justice/admissions/${adm.id}/hearings`, 'en', {
    court: 'TGI Commune III',
    scheduled_at: `${tomorrow}T09:30:00Z`,
  });
  assert.match(h.scheduled_local, / at 09:30$/);
  const moved = await send('PATCH', `/api/justice/hearings/${h.id}`, 'fr', {
    changes: { scheduled_at: `${tomorrow}T10:00:00Z` },
    reason: 'Salle occupée',
  });
  assert.match(moved.scheduled_local, / à 10:00$/);
  const held = await send('POST', `/api/justice/hearings/${h.id}/outcome`, 'en', { outcome: 'adjourned' });
  assert.match(held.scheduled_local, / at 10:00$/);
});

test("a partner's cases are worded in the request's language, not the account's", async () => {
  const admin = fx.actors.admin;
  const j = await createJurisdiction(database.db, admin, {
    code: 'TGI-L',
    name: 'Tribunal de grande instance de la Commune IV',
    kind: 'court_first_instance',
    region_code: 'BKO',
  });
  const u = await addUser(database.db, null, {
    username: 'pros.lang',
    display_name: 'pros.lang',
    password: 'correct horse battery',
    roles: ['prosecutor'],
    national: false,
    prisons: ['BKO'],
    lang: 'en',
  });
  await addPartnerMember(database.db, admin, j.id, 'pros.lang');
  const token = (await createToken(database.db, u.id)).token;
  const adm = await send('POST', '/api/admissions', 'fr', newArrival());
  await send('POST', `/api/justice/admissions/${adm.id}/titles`, 'fr', {
    kind: 'extension_order',
    authority_kind: 'court_first_instance',
    authority: 'TGI Commune IV',
    jurisdiction: 'TGI-L',
    reference: 'P-1',
    issued_on: '2026-11-01',
  });
  const labels = async (lang: string) =>
    (await app.inject({ url: '/api/justice/partner/cases', headers: auth(token, lang) }))
      .json<{ items: { status_label: string }[] }>()
      .items.map((x) => x.status_label);
  assert.deepEqual(await labels('fr'), ['Inculpé(e), en instruction']);
  assert.deepEqual(await labels('en'), ['Untried, under investigation']);
});

test('the backlog CSV: headings in the reader’s language, or stable codes', async () => {
  const get = async (lang: string, query = '') => {
    const r = await app.inject({
      url: `/api/justice/backlog.csv?prison=BKO${query}`,
      headers: auth(fx.tokens['director.bko'], lang),
    });
    assert.equal(r.statusCode, 200, r.body);
    return r.body.trim().split('\n');
  };
  const [fr, en, codesFr, codesEn] = [
    await get('fr'),
    await get('en'),
    await get('fr', '&headers=codes'),
    await get('en', '&headers=codes'),
  ];
  assert.match(fr[0], /^Établissement,Date,Détenus,Non jugés,/);
  assert.match(en[0], /^Prison,As of,Held,Untried,/);
  assert.match(en[0], /Hearings \d{4}-\d{2}/);
  assert.match(fr[0], /Comparutions \d{4}-\d{2}/);
  assert.match(codesFr[0], /^prison,as_of,held,untried,under_investigation,/);
  assert.deepEqual(codesEn, codesFr);
  // Same columns in the same order, the same figures; the total row is named in the language.
  for (const lines of [fr, en]) {
    assert.equal(lines[0].split(',').length, codesFr[0].split(',').length);
    assert.equal(lines[1], codesFr[1]);
  }
  assert.match(codesFr[2], /^ALL,/);
  assert.match(fr[2], /^Ensemble,/);
  assert.match(en[2], /^All prisons,/);
  assert.equal(en[2].slice('All prisons'.length), codesFr[2].slice('ALL'.length));
});
