/**
 * The complaints pages without a browser, in French and English: record (a missing field named on
 * the form, then the receipt), the prison's list, the handling page (acknowledge, answer), the
 * person's list, statistics, reprisal warnings, the independent body's list — and the confidential
 * complaint absent from every page of the prison's director.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { addUser, login } from '../src/modules/access/service.js';
import { auth, fixture, newArrival, testApp, testDatabase } from './helpers.js';

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);
const db = database.db;
await addUser(db, null, {
  username: 'cndh',
  display_name: 'CNDH',
  password: 'correct horse battery',
  roles: ['inspector'],
  national: true,
});

async function who(username: string, lang: 'fr' | 'en') {
  const s = await login(db, username, 'correct horse battery', 2);
  const cookie = `pmis_session=${s.session}; pmis_lang=${lang}`;
  return {
    get: (url: string) => app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url: string, form: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: s.csrf, ...form }).toString(),
      }),
  };
}

const r = await app.inject({
  method: 'POST',
  url: '/api/admissions',
  headers: auth(fx.tokens['clerk.bko']),
  payload: newArrival({ cell_id: fx.prisons.BKO.cells[0] }),
});
assert.equal(r.statusCode, 201, r.body);
const a = r.json<{ id: string; person_id: string }>();
// A cell leader, and a request recorded on the cell's page: it shows on the complaints list too.
const lead = await app.inject({
  method: 'POST',
  url: `/api/cells/${fx.prisons.BKO.cells[0]}/leaders`,
  headers: auth(fx.tokens['director.bko']),
  payload: { admission_id: a.id, how: 'elected', since: '2026-03-11', reason: 'Élu par la chambre' },
});
assert.equal(lead.statusCode, 201, lead.body);
const lr = await app.inject({
  method: 'POST',
  url: `/api/cells/${fx.prisons.BKO.cells[0]}/leader-requests`,
  headers: auth(fx.tokens['director.bko']),
  payload: { subject: 'Eau potable', raised_on: '2026-03-12' },
});
assert.equal(lr.statusCode, 201, lr.body);

const W = {
  fr: {
    missing: 'Les mots de la personne',
    receipt: 'Récépissé PL-BKO-',
    list: 'Requêtes et plaintes en cours',
    ack: 'Accusé de réception',
    answered: 'Répondue',
    stats: 'Par catégorie',
    food: 'Alimentation',
    warn: 'Alertes de représailles',
    insp: 'Plaintes confidentielles et allégations',
    leaders: 'Demandes des chefs de chambre',
  },
  en: {
    missing: 'The person’s own words',
    receipt: 'Receipt PL-BKO-',
    list: 'Open requests and complaints',
    ack: 'Acknowledged',
    answered: 'Answered',
    stats: 'By category',
    food: 'Food',
    warn: 'Reprisal warnings',
    insp: 'Confidential complaints and allegations',
    leaders: 'Cell leaders’ requests',
  },
} as const;

for (const lang of ['fr', 'en'] as const) {
  test(`record, receipt, list, handle, statistics, warnings, inspector (${lang})`, async () => {
    const w = W[lang];
    const clerk = await who('clerk.bko', lang);
    assert.equal((await clerk.get(`/complaints/new?admission=${a.id}`)).statusCode, 200);
    const form = {
      admission_id: a.id,
      kind: 'complaint',
      category: 'food',
      channel: 'in_person',
      addressee: 'director',
    };
    const bad = await clerk.post(`/complaints/new?admission=${a.id}`, form);
    assert.equal(bad.statusCode, 422);
    assert.ok(bad.body.includes('govuk-error-summary') && bad.body.includes(w.missing));
    const bogus = await clerk.post(`/complaints/new?admission=${a.id}`, { ...form, category: 'nonsense', words: 'x' });
    assert.equal(bogus.statusCode, 422, 'a bad enum value is a field error');
    const ok = await clerk.post(`/complaints/new?admission=${a.id}`, { ...form, words: `Pas assez de riz (${lang})` });
    assert.equal(ok.statusCode, 303, ok.body);
    const receipt = await clerk.get(ok.headers.location as string);
    assert.equal(receipt.statusCode, 200);
    assert.ok(receipt.body.includes(w.receipt));
    const id = /\/complaints\/([0-9a-f-]+)\/receipt/.exec(ok.headers.location as string)![1];
    const conf = await clerk.post(`/complaints/new?admission=${a.id}`, {
      ...form,
      category: 'staff_treatment',
      channel: 'paper_slip',
      addressee: 'inspector',
      words: `Racket secret (${lang})`,
    });
    // A confidential complaint's receipt is given at once: its recorder may not open it again.
    assert.equal(conf.statusCode, 201);
    assert.ok(conf.body.includes(w.receipt) && !conf.body.includes(`Racket secret (${lang})`));
    const confRef = /PL-BKO-\d{4}-\d{5}/.exec(conf.body)![0];
    const found = await app.inject({
      method: 'GET',
      url: `/api/complaints/by-reference/${confRef}`,
      headers: auth(fx.tokens.admin),
    });
    assert.equal(found.statusCode, 404, 'the national administration does not find it either');
    const confId = (await db.execute<{ id: string }>(sql`SELECT id FROM complaint WHERE reference = ${confRef}`))
      .rows[0].id;
    assert.equal((await clerk.get(`/complaints/${confId}/receipt`)).statusCode, 404);

    const dir = await who('director.bko', lang);
    const list = await dir.get('/complaints?prison=BKO');
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes(w.list) && list.body.includes(`/complaints/${id}`));
    assert.ok(
      list.body.includes('Eau potable') && list.body.includes(w.leaders),
      'the cell leaders’ requests in the same list',
    );
    assert.ok(!list.body.includes(confId), 'the confidential complaint is not on the director’s list');
    assert.equal((await dir.get(`/complaints/${confId}`)).statusCode, 404);
    assert.ok(!(await dir.get(`/complaints/person/${a.person_id}`)).body.includes(confId));
    assert.equal(
      (await dir.post(`/complaints/${id}/action`, { action: 'answer', answer: 'x', outcome: 'upheld' })).statusCode,
      409,
      'an answer comes after the acknowledgement',
    );
    assert.equal((await dir.post(`/complaints/${id}/action`, { action: 'acknowledge' })).statusCode, 303);
    assert.ok((await dir.get(`/complaints/${id}`)).body.includes(w.ack));
    const noOutcome = await dir.post(`/complaints/${id}/action`, { action: 'answer', answer: 'Ration augmentée' });
    assert.equal(noOutcome.statusCode, 422);
    assert.equal(
      (await dir.post(`/complaints/${id}/action`, { action: 'answer', answer: 'Ration augmentée', outcome: 'upheld' }))
        .statusCode,
      303,
    );
    assert.equal(
      (await dir.post(`/complaints/${id}/note`, { kind: 'read_to_detainee', text: 'Lue en bambara' })).statusCode,
      303,
    );
    const shown = await dir.get(`/complaints/${id}`);
    assert.ok(shown.body.includes(w.answered) && shown.body.includes('Lue en bambara'));
    const stats = await dir.get('/complaints/statistics?prison=BKO');
    assert.equal(stats.statusCode, 200);
    assert.ok(stats.body.includes(w.stats) && stats.body.includes(w.food));
    const warn = await dir.get('/complaints/warnings?prison=BKO');
    assert.ok(warn.statusCode === 200 && warn.body.includes(w.warn));

    const insp = await who('cndh', lang);
    const il = await insp.get('/complaints/inspector');
    assert.equal(il.statusCode, 200);
    assert.ok(
      il.body.includes(w.insp) && il.body.includes(`/complaints/${confId}`) && !il.body.includes(`/complaints/${id}"`),
    );
    assert.ok((await insp.get(`/complaints/${confId}`)).body.includes(`Racket secret (${lang})`));
    assert.equal(
      (await insp.post(`/complaints/${confId}/note`, { kind: 'recommendation', text: 'Changer le chef de quartier' }))
        .statusCode,
      303,
    );
    // An allegation of ill-treatment to the director is on the independent body's list too; from it,
    // "back" leads to that list (the prison's list would refuse the independent body), and the
    // director's back link stays the prison's list.
    const allegation = await clerk.post(`/complaints/new?admission=${a.id}`, {
      ...form,
      category: 'ill_treatment',
      words: `Frappé à l’arrivée (${lang})`,
    });
    assert.equal(allegation.statusCode, 303, allegation.body);
    const allegationId = /\/complaints\/([0-9a-f-]+)\/receipt/.exec(allegation.headers.location as string)![1];
    const seen = await insp.get(`/complaints/${allegationId}`);
    assert.equal(seen.statusCode, 200, seen.body);
    const backHref = (body: string) =>
      /<a href="([^"]*)" class="govuk-back-link/.exec(body)?.[1]?.replace(/&amp;/g, '&');
    assert.equal(backHref(seen.body), '/complaints/inspector');
    assert.equal((await insp.get(backHref(seen.body)!)).statusCode, 200);
    assert.equal(backHref((await dir.get(`/complaints/${allegationId}`)).body), '/complaints?prison=BKO');
  });
}
