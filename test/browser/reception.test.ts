/**
 * A reception in the browser, as staff would do it: the handover, the five steps (security,
 * administration, registry, medical by the nurse, interview), completion, then the person in the
 * population with all six steps in the file.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { browserHarness } from './harness.js';

const { base, browser: chromiumBrowser } = await browserHarness();

async function signIn(username: string): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await chromiumBrowser().newContext({ locale: 'fr-FR' });
  const page = await ctx.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${base}/login`);
  await page.getByLabel("Nom d'utilisateur").fill(username);
  await page.getByLabel('Mot de passe').fill('correct horse battery');
  await Promise.all([page.waitForURL(`${base}/`), page.getByRole('button', { name: 'Se connecter' }).click()]);
  return { ctx, page };
}

const save = (page: Page) =>
  Promise.all([
    page.waitForURL(/\/receptions\/[0-9a-f-]{36}$/),
    page.getByRole('button', { name: "Enregistrer l'étape" }).click(),
  ]);

test(
  'a reception from the handover to the interview, then the person in the population with every step in the file',
  { timeout: 180_000 },
  async () => {
    const { ctx, page } = await signIn('director.bko');
    await page.getByRole('link', { name: 'Accueil des arrivants' }).click();
    await page.getByRole('link', { name: /Nouvelle arrivée/ }).click();
    await page.getByLabel("Autorité d'arrestation *").selectOption('gendarmerie');
    await page.getByLabel('Agent (nom)').fill('Adjudant Traoré');
    await page.getByLabel('Nom porté sur le mandat *').fill('Cissé Boubacar');
    await page.getByLabel('Chef de poursuite ou peine sur le mandat').fill('Vol qualifié');
    await page.getByLabel("Rien n'a été transmis par la force").check();
    await Promise.all([
      page.waitForURL(/\/receptions\/[0-9a-f-]{36}$/),
      page.getByRole('button', { name: "Commencer l'accueil" }).click(),
    ]);
    const receptionUrl = page.url();
    assert.match((await page.locator('main').textContent())!, /Rien transmis/);

    // The scanned warrant, attached at once (type checked from the content, not the name).
    await page.getByLabel('Nature de la pièce *').selectOption('warrant');
    await page.getByLabel('Fichier *').setInputFiles({
      name: 'mandat.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\nmandat de dépôt\n'),
    });
    await Promise.all([
      page.waitForURL(receptionUrl),
      page.getByRole('button', { name: 'Joindre le fichier' }).click(),
    ]);
    await page.getByRole('link', { name: /Mandat numérisé — mandat.pdf/ }).waitFor();
    await page.getByLabel('Nature de la pièce *').selectOption('photo');
    await page
      .getByLabel('Fichier *')
      .setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not really a jpeg') });
    await page.getByRole('button', { name: 'Joindre le fichier' }).click();
    await page
      .getByRole('alert')
      .getByText(/Type de fichier refusé/)
      .waitFor();
    await page.goto(receptionUrl);

    // 1. Security office.
    await page.getByRole('link', { name: 'Bureau de la sécurité' }).click();
    await page.getByLabel('Le règlement intérieur a été expliqué').check();
    await page.getByLabel('Dans quelle langue').selectOption('bm');
    await page.getByLabel('Cellule', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Fouille à corps faite').check();
    await save(page);

    // 2. Administration: a bad submission first (error summary), then the file.
    await page.getByRole('link', { name: /Bureau de l'administration/ }).click();
    await page.getByRole('button', { name: "Enregistrer l'étape" }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    assert.ok((await summary.getByRole('link', { name: /obligatoire/ }).count()) >= 5);
    await page.getByLabel('Nom de famille *').fill('Cissé');
    await page.getByLabel('Prénom(s)').fill('Boubacar');
    await page.getByLabel('Sexe *').selectOption('male');
    await page.getByLabel('Précision de la date de naissance *').selectOption('estimated');
    await page.getByLabel(/Âge estimé/).fill('25');
    await page.getByLabel('Empreintes digitales *').selectOption('impossible');
    await page.getByLabel('Si elles ne sont pas prises : pourquoi').fill('Lecteur en panne');
    await page.getByLabel('Nature du titre *').selectOption('committal_order');
    await page.getByLabel('Autorité qui a délivré le titre *').fill('TGI Commune III');
    await page.getByLabel('Référence du titre *').fill('MD-2026-501');
    await page.getByLabel('Date du titre (AAAA-MM-JJ) *').fill('2026-11-01');
    await page.getByLabel('Qualification *').fill('Vol qualifié');
    await page.getByLabel("Catégorie d'infraction *").selectOption('felony');
    await save(page);
    const committal = /BKO-\d{4}-\d{6}/.exec((await page.locator('main').textContent())!)![0];

    // 3. Registry, with its printable receipt.
    await page.getByRole('link', { name: /Greffe/ }).click();
    await page.getByLabel(/^Effets/).fill('2 boubous\nsandales');
    await page.getByLabel('Argent déposé : montant').fill('15000');
    await page.getByLabel('Téléphones (un par ligne)').fill('Nokia 105');
    await save(page);
    await page.getByRole('link', { name: /Reçu des effets personnels/ }).click();
    assert.match((await page.locator('main').textContent())!, /boubous.*2/s);
    await page.goto(receptionUrl);

    // 5. The interview before the medical check: out of order, so a reason is asked for.
    await page.getByRole('link', { name: /Entretien d'accueil/ }).click();
    await page.getByLabel('Entretien mené par *').selectOption('director');
    await page.getByLabel('Implication *').selectOption('unclear');
    await page.getByLabel('Raisons économiques').check();
    await page.getByRole('button', { name: "Enregistrer l'étape" }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel(/Motif \(étape hors/).fill('Infirmier absent ce matin');
    await save(page);

    // Completion refused while the medical check is missing, and says so.
    await page.getByRole('button', { name: "Terminer l'accueil" }).click();
    await page.getByRole('alert').getByText("Étape manquante : visite médicale d'entrée.").waitFor();
    await ctx.close();

    // 4. The medical check, by the nurse.
    const nurse = await signIn('medic.bko');
    await nurse.page.goto(`${receptionUrl}/steps/medical`);
    await nurse.page.getByLabel('Blessures visibles').fill('Aucune');
    await nurse.page.getByLabel('Aptitude à la détention *').selectOption('fit');
    await save(nurse.page);
    await nurse.ctx.close();

    // Completed; the person is in the population, and the file shows the six steps.
    const director = await signIn('director.bko');
    await director.page.goto(receptionUrl);
    await Promise.all([
      director.page.waitForURL(receptionUrl),
      director.page.getByRole('button', { name: "Terminer l'accueil" }).click(),
    ]);
    assert.match((await director.page.locator('main').textContent())!, /Accueil terminé/);
    await director.page.goto(`${base}/`);
    await director.page
      .getByRole('region', { name: /Dernières admissions/ })
      .getByRole('link', { name: 'Cissé Boubacar' })
      .click();
    const file = (await director.page.locator('main').textContent())!;
    assert.match(file, new RegExp(committal));
    for (const step of [
      'Remise par la force',
      'Bureau de la sécurité',
      "Bureau de l'administration",
      'Greffe',
      "Visite médicale d'entrée",
      "Entretien d'accueil",
    ])
      assert.ok(file.includes(step), step);
    assert.ok(!file.includes('À faire'), 'no step left to do');
    await director.ctx.close();
  },
);
