/**
 * The justice pages without a browser, in French and English: a title (a bad kind named on the
 * form), an extension and a hearing recorded through the forms appear in the prisoner file; the
 * alert list with filters; the court list page.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { login } from '../src/modules/access/service.js';
import { auth, fixture, newArrival, testApp, testDatabase } from './helpers.js';

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);

async function who(username: string, lang: 'fr' | 'en') {
  const s = await login(database.db, username, 'correct horse battery', 2);
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

for (const lang of ['fr', 'en'] as const) {
  test(`title, extension and hearing through the forms, seen in the file (${lang})`, async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/admissions',
      headers: auth(fx.tokens['clerk.bko']),
      payload: newArrival(),
    });
    assert.equal(r.statusCode, 201, r.body);
    const a = r.json() as { id: string; person_id: string };
    const clerk = await who('clerk.bko', lang);
    const form = await clerk.get(`/justice/admissions/${a.id}/titles/new?kind=extension_order`);
    assert.equal(form.statusCode, 200, form.body);
    const title = {
      kind: 'committal_for_trial',
      authority_kind: 'investigating_judge',
      authority: 'Juge du 1er cabinet',
      reference: `ORD-${lang}`,
      'issued_on.day': '2',
      'issued_on.month': '1',
      'issued_on.year': '2026',
    };
    const bad = await clerk.post(`/justice/admissions/${a.id}/titles/new`, { ...title, kind: 'banana' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, lang === 'fr' ? /Nature du titre/ : /Kind of title/);
    assert.match(bad.body, /govuk-error-summary/);
    const ext = await clerk.post(`/justice/admissions/${a.id}/titles/new`, {
      ...title,
      kind: 'extension_order',
      reference: `PROL-${lang}`,
      'period.months': '6',
    });
    assert.equal(ext.statusCode, 303, ext.body);
    const hearing = await clerk.post(`/justice/admissions/${a.id}/hearings/new`, {
      court: `Tribunal de la Commune III (${lang})`,
      'scheduled_at.day': '15',
      'scheduled_at.month': '6',
      'scheduled_at.year': '2030',
      scheduled_time: '09:30',
    });
    assert.equal(hearing.statusCode, 303, hearing.body);
    const file = await clerk.get(`/people/${a.person_id}`);
    assert.equal(file.statusCode, 200);
    assert.ok(file.body.includes(`PROL-${lang}`), 'the extension is in the file');
    assert.ok(file.body.includes(`Tribunal de la Commune III (${lang})`), 'the hearing is in the file');
    assert.match(file.body, lang === 'fr' ? /Situation pénale/ : /Legal situation/);
    const dir = await who('director.bko', lang);
    const alerts = await dir.get('/justice/alerts?prison=BKO&severity=critical');
    assert.equal(alerts.statusCode, 200, alerts.body);
    assert.match(alerts.body, lang === 'fr' ? /Alertes judiciaires/ : /Justice alerts/);
    const court = await dir.get('/justice/court-list?prison=BKO&date.day=15&date.month=6&date.year=2030');
    assert.equal(court.statusCode, 200, court.body);
    assert.ok(court.body.includes(`Tribunal de la Commune III (${lang})`), 'the hearing is on the court list');
    assert.match(court.body, /pmis-letterhead/);
  });
}
