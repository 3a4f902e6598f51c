/** The classification, assessment, keep-apart, cell move and cell pages, in French and English. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auth, fixture, formLogin, newArrival, testApp, testDatabase } from '../../../test/helpers.js';
import { allItems } from './instruments.js';
import { VIOLENT_EXTREMISM_V1 } from './shipped-instruments.js';

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);

async function loginAs(username: string, lang: 'fr' | 'en') {
  const { res: r, cookie } = await formLogin(app, username, { lang });
  assert.equal(r.statusCode, 303, r.body);
  const home = await app.inject({ url: '/', headers: { cookie } });
  return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(home.body)![1] };
}
type S = Awaited<ReturnType<typeof loginAs>>;
const get = (s: S, url: string) => app.inject({ url, headers: { cookie: s.cookie } });
const post = (s: S, url: string, payload: Record<string, string>) =>
  app.inject({ method: 'POST', url, headers: { cookie: s.cookie }, payload: { _csrf: s.csrf, ...payload } });

async function admitted(name: string, over: Record<string, unknown> = {}) {
  const r = await app.inject({
    method: 'POST',
    url: '/api/admissions',
    headers: auth(fx.tokens['clerk.bko']),
    payload: newArrival({ person: { ...newArrival().person, family_name: name }, ...over }),
  });
  assert.equal(r.statusCode, 201, r.body);
  return r.json<{ id: string; person_id: string }>();
}
const CHARGE = 'Association de malfaiteurs en relation avec une entreprise terroriste';
/** The charge in running text (lower-cased first letter, after an elided "d'" in French). */
const CHARGE_TEXT = 'association de malfaiteurs en relation avec une entreprise terroriste';
const noTerroristLabel = (body: string) => {
  assert.doesNotMatch(body.split(CHARGE).join('').split(CHARGE_TEXT).join(''), /terroris|\bVEO\b|extr[ée]mist/i);
};

test('pages deny by default', async () => {
  const x = await admitted('Anonyme');
  for (const url of [
    `/admissions/${x.id}/classification`,
    `/admissions/${x.id}/assessments`,
    `/admissions/${x.id}/move`,
    '/prisons/BKO/keep-apart',
    `/cells/${fx.prisons.BKO.cells[0]}`,
    '/classifications-due',
  ]) {
    const r = await app.inject({ url });
    assert.equal(r.statusCode, 303, url);
  }
  assert.equal(
    (await app.inject({ method: 'POST', url: `/admissions/${x.id}/classification`, payload: {} })).statusCode,
    401,
  );
  const klk = await loginAs('clerk.klk', 'fr');
  assert.equal((await get(klk, `/admissions/${x.id}/classification`)).statusCode, 403);
  assert.equal((await get(klk, `/admissions/${x.id}/move`)).statusCode, 403);
  const clerk = await loginAs('clerk.bko', 'en');
  assert.equal((await get(clerk, '/prisons/BKO/keep-apart')).statusCode, 403, 'keep-apart: security staff only');
  assert.equal((await get(clerk, `/admissions/${x.id}/assessments`)).statusCode, 403, 'assessments: restricted');
  const dir = await loginAs('director.bko', 'fr');
  assert.equal(
    (await post({ ...dir, csrf: 'forged' }, `/admissions/${x.id}/classification`, { level: 'low' })).statusCode,
    403,
    'CSRF',
  );
});

for (const lang of ['fr', 'en'] as const) {
  test(`assess, classify, list due, move and lead a cell through the pages (${lang})`, async () => {
    const w = (fr: string, en: string) => (lang === 'fr' ? fr : en);
    const dir = await loginAs('director.bko', lang);
    const x = await admitted(`Pages${lang}`, {
      admitted_at: '2025-06-01T10:00:00Z',
      legal_document: { kind: 'committal_order', authority: 'TGI', reference: `MD-P-${lang}`, issued_on: '2025-05-31' },
    });
    // The director's list: initial classification overdue, the person named as accused.
    const due = await get(dir, '/classifications-due?prison=BKO');
    assert.equal(due.statusCode, 200);
    assert.match(due.body, new RegExp(`Pages${lang}`));
    assert.ok(due.body.includes(w(`inculpé d&#39;${CHARGE_TEXT}`, `accused of ${CHARGE_TEXT}`)));
    noTerroristLabel(due.body);
    // Assessment: start, complete with errors (summary links to fields), then complete.
    const list = await get(dir, `/admissions/${x.id}/assessments`);
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes(w('chaque consultation est enregistrée', 'every reading is recorded')));
    const started = await post(dir, `/admissions/${x.id}/assessments`, { instrument: 'spj_violent_extremism' });
    assert.equal(started.statusCode, 303, started.body);
    const url = started.headers.location as string;
    const form = await get(dir, url);
    assert.equal(form.statusCode, 200);
    assert.ok(form.body.includes(VIOLENT_EXTREMISM_V1.domains[0].title[lang]));
    assert.ok(
      form.body.includes(
        VIOLENT_EXTREMISM_V1.domains[0].items[0].text[lang].replace(/’/g, '&#39;').replace(/'/g, '&#39;'),
      ) || form.body.includes(VIOLENT_EXTREMISM_V1.domains[0].items[0].text[lang]),
    );
    const bad = await post(dir, url, { row_version: '1', action: 'complete', 'content.summary': '' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /class="error-summary"/);
    assert.match(bad.body, /href="#f-content-ratings-ba_violence_acceptable-value"/);
    assert.ok(bad.body.includes(w('Rédigez la synthèse', 'Write the assessment summary')));
    const full: Record<string, string> = {
      row_version: '1',
      action: 'complete',
      'content.summary': 'Synthèse',
      'content.judgement': 'high',
      'content.judgement_reasons': 'Motifs',
    };
    for (const it of allItems(VIOLENT_EXTREMISM_V1)) full[`content.ratings.${it.code}.value`] = 'present';
    const done = await post(dir, url, full);
    assert.equal(done.statusCode, 303, done.body);
    const view = await get(dir, url);
    assert.ok(view.body.includes(w('Terminée', 'Completed')));
    assert.ok(
      view.body.includes(w('Première évaluation avec cet instrument.', 'First assessment with this instrument.')),
    );
    // Classification: departing from the assessor without justification is refused on the form.
    const cls = await get(dir, `/admissions/${x.id}/classification`);
    assert.equal(cls.statusCode, 200);
    const assessmentId = /<option value="([0-9a-f-]{36})">(?:Évaluation structurée|Structured assessment) — /.exec(
      cls.body,
    )![1];
    const refused = await post(dir, `/admissions/${x.id}/classification`, {
      level: 'medium',
      trigger: 'initial',
      assessment_id: assessmentId,
      reasons: 'Évaluation',
    });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /href="#f-override_justification"/);
    const decided = await post(dir, `/admissions/${x.id}/classification`, {
      level: 'high',
      trigger: 'initial',
      assessment_id: assessmentId,
      reasons: 'Évaluation du jour',
    });
    assert.equal(decided.statusCode, 303, decided.body);
    const after = await get(dir, `/admissions/${x.id}/classification`);
    assert.ok(after.body.includes(w('Élevé', 'High')));
    assert.ok(after.body.includes(w('Lieu de prière', 'Place of prayer')));
    noTerroristLabel(after.body);
    // A person's own regime decision, with a reason; a missing reason is named.
    const noReason = await post(dir, `/admissions/${x.id}/regime`, {
      subject: 'activity:workshop',
      effect: 'allow',
      reason: '',
    });
    assert.equal(noReason.statusCode, 422);
    assert.match(noReason.body, /href="#f-reason"/);
    assert.equal(
      (
        await post(dir, `/admissions/${x.id}/regime`, {
          subject: 'activity:workshop',
          effect: 'allow',
          reason: 'Menuisier de métier',
        })
      ).statusCode,
      303,
    );
    assert.ok(
      (await get(dir, `/admissions/${x.id}/classification`)).body.includes(
        w('Décision individuelle : Menuisier de métier', 'Individual decision: Menuisier de métier'),
      ),
    );
    // Record an incident: the review event is listed.
    assert.equal(
      (
        await post(dir, `/admissions/${x.id}/review-events`, {
          kind: 'incident',
          occurred_on: '2026-01-05',
          note: 'Rixe',
        })
      ).statusCode,
      303,
    );
    assert.match(
      (await get(dir, `/admissions/${x.id}/classification`)).body,
      lang === 'fr' ? /05\/01\/2026/ : /5 January 2026/,
    );
    // Cell move through the allocation check: full cell refused with its reason, then overridden.
    const cells = fx.prisons.BKO.cells;
    const target = cells[2];
    for (let i = 0; i < 2; i++) {
      const o = await admitted(`Occ${lang}${i}`);
      await app.inject({
        method: 'POST',
        url: `/api/admissions/${o.id}/allocate`,
        headers: auth(fx.tokens['director.bko']),
        payload: { cell_id: target, reason: 'Placement', override_reason: 'Test' },
      });
    }
    const moveForm = await get(dir, `/admissions/${x.id}/move`);
    assert.equal(moveForm.statusCode, 200);
    const full2 = await post(dir, `/admissions/${x.id}/move`, { cell_id: target, reason: 'Rapprochement' });
    assert.equal(full2.statusCode, 422);
    assert.ok(full2.body.includes(w('La cellule est pleine', 'The cell is full')), full2.body.slice(0, 200));
    const moved = await post(dir, `/admissions/${x.id}/move`, {
      cell_id: target,
      reason: 'Rapprochement',
      override_reason: 'Décision du directeur',
    });
    assert.equal(moved.statusCode, 303, moved.body);
    assert.match((await get(dir, `/admissions/${x.id}/move`)).body, /Rapprochement/);
    // The cell: occupants named as accused; a leader elected; a request recorded and answered.
    const cell = await get(dir, `/cells/${target}`);
    assert.equal(cell.statusCode, 200);
    assert.match(cell.body, new RegExp(`Pages${lang}`));
    noTerroristLabel(cell.body);
    assert.equal(
      (
        await post(dir, `/cells/${target}/leader`, {
          admission_id: x.id,
          how: 'elected',
          since: '2026-01-06',
          reason: 'Élu',
        })
      ).statusCode,
      303,
    );
    assert.equal(
      (await post(dir, `/cells/${target}/requests`, { subject: 'Moustiquaires', raised_on: '2026-01-07' })).statusCode,
      303,
    );
    const withReq = await get(dir, `/cells/${target}`);
    assert.match(withReq.body, /Moustiquaires/);
    const reqId = /action="\/cells\/[0-9a-f-]+\/requests\/([0-9a-f-]+)\/answer"/.exec(withReq.body)![1];
    assert.equal(
      (await post(dir, `/cells/${target}/requests/${reqId}/answer`, { answer: 'Distribuées' })).statusCode,
      303,
    );
    assert.match((await get(dir, `/cells/${target}`)).body, /Distribuées/);
    // Keep-apart page for security staff.
    const sec = await loginAs('security.bko', lang);
    const ka = await get(sec, '/prisons/BKO/keep-apart');
    assert.equal(ka.statusCode, 200);
    const missing = await post(sec, '/prisons/BKO/keep-apart', { person_a: x.person_id, reason: '', source: '' });
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /href="#f-person_b"/);
    const other = await admitted(`Rival${lang}`);
    assert.equal(
      (
        await post(sec, '/prisons/BKO/keep-apart', {
          person_a: x.person_id,
          person_b: other.person_id,
          reason: 'Menaces',
          source: 'Chef de cellule',
        })
      ).statusCode,
      303,
    );
    assert.match((await get(sec, '/prisons/BKO/keep-apart')).body, new RegExp(`Rival${lang}`));
  });
}
