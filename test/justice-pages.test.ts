/**
 * The justice pages without a browser, in French and English: a title (a bad kind named on the
 * form), an extension and a hearing recorded through the forms appear in the prisoner file; the
 * alert list with filters; the court list page; a hearing changed and a title withdrawn through
 * their forms, with the reason; who may not write is offered no form.
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
    const a = r.json<{ id: string; person_id: string }>();
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

for (const lang of ['fr', 'en'] as const) {
  test(`a hearing changed and a title withdrawn through the forms, with the reason (${lang})`, async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/admissions',
      headers: auth(fx.tokens['clerk.bko']),
      payload: newArrival(),
    });
    assert.equal(r.statusCode, 201, r.body);
    const a = r.json<{ id: string; person_id: string }>();
    const clerk = await who('clerk.bko', lang);
    const court = `Tribunal de la Commune IV (${lang})`;
    assert.equal(
      (
        await clerk.post(`/justice/admissions/${a.id}/hearings/new`, {
          court,
          'scheduled_at.day': '15',
          'scheduled_at.month': '6',
          'scheduled_at.year': '2030',
          scheduled_time: '09:30',
          escort_unit: 'GMS',
        })
      ).statusCode,
      303,
    );
    const ext = await clerk.post(`/justice/admissions/${a.id}/titles/new`, {
      kind: 'extension_order',
      authority_kind: 'investigating_judge',
      authority: 'Juge du 1er cabinet',
      reference: `PROL-W-${lang}`,
      'issued_on.day': '2',
      'issued_on.month': '1',
      'issued_on.year': '2026',
    });
    assert.equal(ext.statusCode, 303, ext.body);
    const file = (await clerk.get(`/people/${a.person_id}`)).body;
    const changeHref = /href="(\/justice\/admissions\/[^"]+\/hearings\/[^"]+\/change)"/.exec(file)?.[1];
    assert.ok(changeHref, 'the file offers to change the hearing');
    const withdrawHref = new RegExp(
      `href="(/justice/admissions/[^"]+/titles/[^"]+/withdraw)">[^<]*<span class="govuk-visually-hidden"> PROL-W-${lang}<`,
    ).exec(file)?.[1];
    assert.ok(withdrawHref, 'the file offers to withdraw the extension');

    // The change form shows the hearing as it stands.
    const form = await clerk.get(changeHref);
    assert.equal(form.statusCode, 200, form.body);
    assert.ok(form.body.includes(`value="${court}"`), 'the court as it stands');
    assert.match(
      form.body,
      /name="changes\.scheduled_time"[^>]*value="09:30"|value="09:30"[^>]*name="changes\.scheduled_time"/,
    );
    assert.match(form.body, /name="version" value="\d+"/);
    const version = /name="version" value="(\d+)"/.exec(form.body)![1];
    const sent = {
      'changes.court': court,
      'changes.scheduled_at.day': '15',
      'changes.scheduled_at.month': '6',
      'changes.scheduled_at.year': '2030',
      'changes.scheduled_time': '09:30',
      'changes.escort_unit': 'GMS',
      version,
    };
    // Nothing changed: said on the form, nothing written.
    const same = await clerk.post(changeHref, { ...sent, reason: 'Rien' });
    assert.equal(same.statusCode, 422, same.body);
    assert.match(same.body, lang === 'fr' ? /Aucune valeur modifiée/ : /No value changed/);
    assert.match(same.body, /href="#hearing-change"/);
    // No reason: the field is named.
    const noReason = await clerk.post(changeHref, { ...sent, 'changes.scheduled_at.day': '16', reason: '' });
    assert.equal(noReason.statusCode, 422);
    assert.match(noReason.body, lang === 'fr' ? /Raison du changement/ : /Reason for the change/);
    assert.match(noReason.body, /href="#reason"/);
    const ok = await clerk.post(changeHref, {
      ...sent,
      'changes.scheduled_at.day': '16',
      'changes.scheduled_time': '10:15',
      reason: 'Renvoyée par le greffe du tribunal',
    });
    assert.equal(ok.statusCode, 303, ok.body);
    // The version seen is stale now: a second send of the old form is refused, not applied blindly.
    const stale = await clerk.post(changeHref, { ...sent, 'changes.escort_unit': 'Garde nationale', reason: 'x' });
    assert.equal(stale.statusCode, 409, stale.body);
    const h = (
      await app.inject({
        url: `/api/justice/admissions/${a.id}`,
        headers: auth(fx.tokens['clerk.bko']),
      })
    ).json<{ hearings: { scheduled_at: string; escort_unit: string | null }[] }>().hearings;
    assert.equal(h.length, 1);
    assert.equal(h[0].scheduled_at, '2030-06-16T10:15:00.000Z');
    assert.equal(h[0].escort_unit, 'GMS');

    // Withdraw the extension: the reason is asked for; the title stays in the file, marked withdrawn.
    const wform = await clerk.get(withdrawHref);
    assert.equal(wform.statusCode, 200, wform.body);
    assert.ok(wform.body.includes(`PROL-W-${lang}`));
    const empty = await clerk.post(withdrawHref, { reason: '' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, lang === 'fr' ? /Raison du retrait/ : /Reason for withdrawing it/);
    const w = await clerk.post(withdrawHref, { reason: 'Saisie en double' });
    assert.equal(w.statusCode, 303, w.body);
    const after = (await clerk.get(`/people/${a.person_id}`)).body;
    assert.ok(after.includes(`PROL-W-${lang}`), 'the withdrawn title stays in the file');
    assert.match(after, lang === 'fr' ? /Retiré/ : /Withdrawn/);
    assert.ok(!after.includes(withdrawHref), 'a withdrawn title is not offered for withdrawal again');
    assert.equal((await clerk.post(withdrawHref, { reason: 'Encore' })).statusCode, 422, 'withdrawn once');

    // Who may not write sees the file without the links, and the forms refuse them.
    const auditor = await who('auditor', lang);
    const seen = await auditor.get(`/people/${a.person_id}`);
    assert.equal(seen.statusCode, 200);
    assert.ok(!/\/justice\/admissions\/[^"]+\/(titles|hearings)\//.test(seen.body), 'no justice form link');
    assert.equal((await auditor.get(changeHref)).statusCode, 403);
    assert.equal((await auditor.get(`/justice/admissions/${a.id}/titles/new`)).statusCode, 403);
  });
}
