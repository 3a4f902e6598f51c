/** Issue 4 in the browser: an arrival spelled differently is linked to the earlier file at reception. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { admit } from '../../src/modules/custody/service.js';
import { releaseThroughMovements } from '../helpers.js';
import { browserHarness } from './harness.js';

const { database, fx, base, browser: chromiumBrowser } = await browserHarness();

test(
  'the clerk sees the earlier file under another spelling, links it, and the file shows both admissions',
  { timeout: 120_000 },
  async () => {
    const earlier = await admit(database.db, fx.actors['clerk.klk'], {
      prison: 'KLK',
      admitted_at: '2025-02-01T10:00:00Z',
      arresting_authority: 'gendarmerie',
      person: {
        family_name: 'Ould Mohamed',
        given_names: 'Mahamadou',
        sex: 'male',
        birth: { precision: 'year', date: '1988' },
        father_name: 'Sidi Ould Mohamed',
      },
      legal_document: {
        kind: 'committal_order',
        authority: 'TGI Koulikoro',
        reference: 'MD-2025-9',
        issued_on: '2025-01-31',
      },
      charges: [{ qualification: 'Vol qualifié', category: 'felony' }],
    });
    await releaseThroughMovements(database, fx, earlier.id, { releasedAt: '2025-06-01T10:00:00Z' });

    const ctx = await chromiumBrowser().newContext({ locale: 'fr-FR' });
    const page = await ctx.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${base}/admissions/new`);
    await page.getByLabel("Nom d'utilisateur").fill('clerk.bko');
    await page.getByLabel('Mot de passe').fill('correct horse battery');
    await Promise.all([
      page.waitForURL(`${base}/admissions/new`),
      page.getByRole('button', { name: 'Se connecter' }).click(),
    ]);

    await page.getByLabel('Nom de famille *').fill('Wuld Mohammed');
    await page.getByLabel('Prénom(s)').fill('Mamadou');
    await page.getByLabel('Sexe *').selectOption('male');
    await page.getByLabel('Précision de la date de naissance *').selectOption('year');
    await page.getByLabel(/^Date de naissance \(AAAA/).fill('1988');
    await page.getByLabel('Nom du père').fill('Sidi Ould Mohamed');
    await page.getByLabel("Autorité d'arrestation *").selectOption('police');
    await page.getByLabel('Nature du titre *').selectOption('committal_order');
    await page.getByLabel('Autorité qui a délivré le titre *').fill('TGI Commune III');
    await page.getByLabel('Référence du titre *').fill('MD-2026-300');
    await page.getByLabel('Date du titre (AAAA-MM-JJ) *').fill('2026-10-01');
    await page.getByLabel('Qualification *').fill('Vol qualifié');
    await page.getByLabel("Catégorie d'infraction *").selectOption('felony');
    await page.getByRole('button', { name: "Enregistrer l'admission" }).click();

    const region = page.getByRole('region', { name: /Dossiers existants/ });
    await region.waitFor();
    // Known only at Koulikoro: shown minimally — the prison and the dates, not the committal number (decision 0006).
    const shown = (await region.textContent())!;
    assert.match(shown, /Prison KLK \(2025-02-01 → 2025-06-01\)/);
    assert.doesNotMatch(shown, /KLK-2025-000001/);
    assert.match(shown, /Connu\(e\) d'un autre établissement/);
    await region.getByRole('radio', { name: /Ould Mohamed Mahamadou/ }).check();
    await Promise.all([
      page.waitForURL(`${base}/people/${earlier.person_id}`),
      page.getByRole('button', { name: 'Confirmer et admettre' }).click(),
    ]);
    const body = (await page.locator('main').textContent())!;
    assert.match(body, /BKO-2026-000001/);
    // The Koulikoro admission is outside a Bamako clerk's scope: shown as existing, where and when, not in full.
    assert.match(body, /Admissions dans d’autres établissements.*KLK-2025-000001/s);
    // The re-admission, recorded, opened Koulikoro's legal history to Bamako: the charge and how it ended.
    assert.match(body, /Historique judiciaire ouvert à votre établissement.*Libération.*vol qualifié/is);
    assert.match(body, /Réadmission — de Prison KLK vers Prison BKO — historique judiciaire — clerk\.bko/);
    await ctx.close();
  },
);
