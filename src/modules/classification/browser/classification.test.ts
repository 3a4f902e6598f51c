/** Classification, assessment, keep-apart and cell move pages in a real browser, in French and English. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auth } from '../../../../test/helpers.js';
import { browserHarness } from '../../../../test/browser/harness.js';
import { GENERAL_NEEDS_V1 } from '../shipped-instruments.js';
import { allItems } from '../instruments.js';

const { base, fx, session } = await browserHarness();
const CHARGE = 'Association de malfaiteurs en relation avec une entreprise terroriste';
/** The charge in running text (lower-cased first letter, after an elided "d'" in French). */
const CHARGE_TEXT = 'association de malfaiteurs en relation avec une entreprise terroriste';

async function api(method: 'POST' | 'PUT', url: string, token: string, payload: unknown) {
  const r = await fetch(`${base}${url}`, {
    method,
    headers: { ...auth(token), 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  const body: unknown = await r.json();
  assert.ok(r.status < 300, JSON.stringify(body));
  return body as { id: string; person_id: string };
}

async function admitted(name: string) {
  return api('POST', '/api/admissions', fx.tokens['clerk.bko'], {
    prison: 'BKO',
    person: { family_name: name, given_names: 'Moussa', sex: 'male', birth: { precision: 'year', date: '1988' } },
    admitted_at: '2025-09-01T09:00:00Z',
    arresting_authority: 'gendarmerie',
    legal_document: {
      kind: 'committal_order',
      authority: 'Pôle judiciaire spécialisé',
      reference: `MD-${name}`,
      issued_on: '2025-08-31',
    },
    charges: [{ qualification: CHARGE, category: 'felony', terrorism_related: true }],
  });
}

const W = {
  fr: {
    start: 'Commencer une évaluation',
    complete: 'Terminer l’évaluation',
    problem: 'Il y a un problème',
    summary: 'Synthèse',
    reasons: 'Motifs du jugement',
    level: 'Élevé',
    decide: 'Décider',
    reasonsField: 'Motifs *',
    assessment: 'Évaluation sur laquelle repose la décision',
    accused: `inculpé d'${CHARGE_TEXT}`,
    move: 'Changer de cellule',
    cell: 'Nouvelle cellule *',
    moveReason: 'Motif du changement *',
    full: 'La cellule est pleine',
    override: 'Dérogation du directeur : motif',
    ka: 'Enregistrer la fiche',
    person: 'Personne *',
    apart: 'À tenir à l’écart de *',
    kaReason: /^Motif \(groupes/,
    source: 'Source de l’information *',
    prayer: 'Lieu de prière',
  },
  en: {
    start: 'Start an assessment',
    complete: 'Complete the assessment',
    problem: 'There is a problem',
    summary: 'Summary',
    reasons: 'Reasons for the judgement',
    level: 'High',
    decide: 'Decide',
    reasonsField: 'Reasons *',
    assessment: 'Assessment the decision rests on',
    accused: `accused of ${CHARGE_TEXT}`,
    move: 'Move',
    cell: 'New cell *',
    moveReason: 'Reason for the move *',
    full: 'The cell is full',
    override: 'Director’s override: reason',
    ka: 'Record',
    person: 'Person *',
    apart: 'To be kept apart from *',
    kaReason: /^Reason \(rival/,
    source: 'Source of the information *',
    prayer: 'Place of prayer',
  },
} as const;

for (const lang of ['fr', 'en'] as const) {
  test(
    `the director assesses, classifies and moves; security records a keep-apart (${lang})`,
    { timeout: 180_000 },
    async () => {
      const w = W[lang];
      const x = await admitted(`Navigateur${lang}`);
      const rival = await admitted(`Rivalnav${lang}`);
      const { ctx, page } = await session(lang, 'director.bko', `/admissions/${x.id}/assessments`);
      // Start the needs assessment, try to complete it empty: the error summary links to the first item.
      await page.getByLabel(lang === 'fr' ? 'Instrument' : 'Instrument').selectOption('general_needs');
      await Promise.all([
        page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/),
        page.getByRole('button', { name: w.start }).click(),
      ]);
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: w.complete }).click()]);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.equal(await alert.getByRole('heading').textContent(), w.problem);
      const hrefs = await alert.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.ok(hrefs.includes('#f-content-ratings-ed_literacy-value'), hrefs.join(' '));
      for (const h of hrefs) assert.equal(await page.locator(h!).count(), 1, `${h} points to a field`);
      for (const it of allItems(GENERAL_NEEDS_V1))
        await page.locator(`input[name="content.ratings.${it.code}.value"][value="some"]`).check();
      await page.getByLabel(w.summary, { exact: true }).fill('Besoin de formation professionnelle');
      await page.locator('input[name="content.judgement"][value="raised"]').check();
      await page.getByLabel(w.reasons).fill('Sortie prévue sans logement');
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: w.complete }).click()]);
      await page.getByText(lang === 'fr' ? 'Terminée' : 'Completed', { exact: true }).waitFor();
      // Classify: the needs assessment does not indicate a level, so no override is needed.
      await page.goto(`${base}/admissions/${x.id}/classification`);
      assert.match((await page.locator('main').textContent())!, new RegExp(w.accused));
      await page.getByLabel(w.level, { exact: true }).check();
      await page.getByLabel(w.assessment).selectOption({ index: 1 });
      await page.getByLabel(w.reasonsField, { exact: true }).fill('Évaluation des besoins ; entretien');
      await Promise.all([
        page.waitForURL(/classification\?saved=1$/),
        page.getByRole('button', { name: w.decide }).click(),
      ]);
      const main = (await page.locator('main').textContent())!;
      assert.ok(main.includes(w.prayer) && main.includes(w.level));
      assert.doesNotMatch(main.split(CHARGE).join('').split(CHARGE_TEXT).join(''), /terroris|\bVEO\b|extr[ée]mist/i);
      // Move into a full cell: refused with the reason; the director overrides with a reason.
      const target = fx.prisons.BKO.cells[1];
      for (let i = 0; i < 2; i++) {
        const o = await admitted(`Occnav${lang}${i}`);
        await api('POST', `/api/admissions/${o.id}/allocate`, fx.tokens['director.bko'], {
          cell_id: target,
          reason: 'Placement',
          override_reason: 'Préparation du test',
        });
      }
      await page.goto(`${base}/admissions/${x.id}/move`);
      await page.getByLabel(w.cell).selectOption(target);
      await page.getByLabel(w.moveReason).fill('Rapprochement familial');
      await Promise.all([
        page.waitForLoadState('load'),
        page.getByRole('button', { name: w.move, exact: true }).click(),
      ]);
      await page.getByRole('alert').waitFor();
      assert.match((await page.getByRole('alert').textContent())!, new RegExp(w.full, 'i'));
      await page.getByLabel(w.override).fill('Seule cellule disponible ce soir');
      await Promise.all([
        page.waitForURL(/move\?saved=1$/),
        page.getByRole('button', { name: w.move, exact: true }).click(),
      ]);
      assert.match((await page.locator('main').textContent())!, /Rapprochement familial/);
      await ctx.close();
      // Security staff record a keep-apart.
      const s = await session(lang, 'security.bko', '/prisons/BKO/keep-apart');
      await s.page.getByLabel(w.person).selectOption(x.person_id);
      await s.page.getByLabel(w.apart).selectOption(rival.person_id);
      await s.page.getByLabel(w.kaReason).fill('Menaces proférées au parloir');
      await s.page.getByLabel(w.source).fill('Rapport du surveillant');
      await Promise.all([
        s.page.waitForURL(`${base}/prisons/BKO/keep-apart`),
        s.page.getByRole('button', { name: w.ka }).click(),
      ]);
      assert.match((await s.page.locator('main').textContent())!, /Menaces proférées au parloir/);
      await s.ctx.close();
    },
  );
}
