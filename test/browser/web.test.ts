/** The staff pages in a real browser (Debian's Chromium driven by playwright-core; never downloaded). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserHarness } from './harness.js';

const { base, browser: chromiumBrowser } = await browserHarness();

const T = 30_000;

async function loginAsClerk(page: Page, next = '/'): Promise<void> {
  await page.goto(`${base}${next}`, { timeout: T });
  await page.waitForURL(/\/login\?next=/, { timeout: T });
  await page.getByLabel("Nom d'utilisateur").fill('clerk.bko');
  await page.getByLabel('Mot de passe').fill('correct horse battery');
  await Promise.all([
    page.waitForURL(`${base}${next}`, { timeout: T }),
    page.getByRole('button', { name: 'Se connecter' }).click(),
  ]);
}

test(
  'a clerk admits a new arrival: bad input gives an error summary with working links, then the file',
  { timeout: 120_000 },
  async () => {
    const ctx = await chromiumBrowser().newContext({ locale: 'fr-FR' });
    const page = await ctx.newPage();
    page.setDefaultTimeout(T);
    await loginAsClerk(page, '/admissions/new');
    await page.getByLabel('Nom de famille *').fill('Keïta');
    await page.getByLabel('Prénom(s)').fill('Oumar');
    await page.getByLabel('Sexe *').selectOption('male');
    await page.getByLabel('Précision de la date de naissance *').selectOption('month');
    await page.getByLabel(/^Date de naissance \(AAAA/).fill('1991-07-14'); // a full date where a month is expected
    // arresting authority, document and charge left empty
    await Promise.all([
      page.waitForURL(`${base}/admissions/new`),
      page.getByRole('button', { name: "Enregistrer l'admission" }).click(),
    ]);

    const summary = page.getByRole('alert');
    await summary.waitFor();
    assert.equal(await summary.getByRole('heading').textContent(), 'Il y a un problème');
    const links = summary.getByRole('link');
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const want of [
      '#f-arresting_authority',
      '#f-legal_document-kind',
      '#f-legal_document-authority',
      '#f-legal_document-reference',
      '#f-legal_document-issued_on',
      '#f-charges-0-qualification',
      '#f-charges-0-category',
    ]) {
      assert.ok(hrefs.includes(want), `${want} in ${hrefs.join(' ')}`);
    }
    for (const h of hrefs) assert.equal(await page.locator(h!).count(), 1, `${h} points to a field`);
    await summary
      .getByRole('link')
      .filter({ hasText: /obligatoire/ })
      .first()
      .click();
    const focusedId = await page.evaluate(() => location.hash);
    assert.equal(focusedId, hrefs[0]);
    // Values typed are kept.
    assert.equal(await page.getByLabel('Nom de famille *').inputValue(), 'Keïta');

    await page.getByLabel(/^Date de naissance \(AAAA/).fill('1991-07');
    await page.getByLabel("Autorité d'arrestation *").selectOption('gendarmerie');
    await page.getByLabel('Nature du titre *').selectOption('committal_order');
    await page.getByLabel('Autorité qui a délivré le titre *').fill("Juge d'instruction, TGI Commune III");
    await page.getByLabel('Référence du titre *').fill('MD-2026-77');
    await page.getByLabel('Date du titre (AAAA-MM-JJ) *').fill('2026-02-01');
    await page.getByLabel('Qualification *').fill('Vol qualifié');
    await page.getByLabel("Catégorie d'infraction *").selectOption('felony');
    await Promise.all([
      page.waitForURL(/\/people\/[0-9a-f-]{36}$/),
      page.getByRole('button', { name: "Enregistrer l'admission" }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: /Keïta Oumar/ }).waitFor();
    const body = await page.locator('main').textContent();
    assert.match(body!, /poursuivi\(e\) pour vol qualifié/);
    assert.match(body!, /juillet 1991/);
    assert.match(body!, /BKO-\d{4}-\d{6}/);
    const committal = /BKO-\d{4}-\d{6}/.exec(body!)![0];

    // Found in the population (home) and by the search, by name and by committal number.
    await page.goto(`${base}/`);
    await page
      .getByRole('region', { name: /Dernières admissions/ })
      .getByRole('link', { name: 'Keïta Oumar' })
      .waitFor();
    for (const q of ['Keïta', committal]) {
      await page.goto(`${base}/people`);
      await page.getByLabel("Nom, numéro d'écrou ou NINA").fill(q);
      await Promise.all([page.waitForURL(/\/people\?q=/), page.getByRole('button', { name: 'Rechercher' }).click()]);
      await page.getByRole('link', { name: 'Keïta Oumar' }).waitFor();
    }
    await ctx.close();
  },
);

test('a page in French, then in English after the switch', { timeout: 120_000 }, async () => {
  const ctx = await chromiumBrowser().newContext({ locale: 'fr-FR' });
  const page = await ctx.newPage();
  page.setDefaultTimeout(T);
  await loginAsClerk(page, '/estate');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await page.getByRole('heading', { level: 1, name: /^Établissement : quartiers et cellules/ }).waitFor();
  await page.getByText("Capacité d'accueil officielle").first().waitFor();
  await Promise.all([page.waitForURL(`${base}/estate`), page.getByRole('link', { name: 'English' }).click()]);
  await page.getByRole('heading', { level: 1, name: /^Estate: units and cells/ }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.getByText('Official capacity').first().waitFor();
  // The skip link is the first thing the keyboard reaches and leads to the main content.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '#main');
  await ctx.close();
});
