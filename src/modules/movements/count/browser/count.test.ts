/**
 * The count page in a real browser, in French and English: a security officer counts a unit on the
 * large grid (no script), the discrepancy shows at once on the cell and for the unit, a recount puts
 * it right (the first figure stays in the history), the director closes the count. axe-core finds no
 * serious or critical violation; at 390 px nothing scrolls sideways.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { auth } from '../../../../../test/helpers.js';
import { browserHarness } from '../../../../../test/browser/harness.js';

declare global {
  interface Window {
    axe: {
      run(
        context: Document,
        options: object,
      ): Promise<{
        violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[];
      }>;
    };
  }
}
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const { base, fx, browser } = await browserHarness();

/** Signed in through the login page, in a context that lets axe-core in (the pages run no script of their own). */
async function session(lang: 'fr' | 'en', username: string, next: string) {
  const ctx = await browser().newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-GB', bypassCSP: true });
  await ctx.addCookies([{ name: 'pmis_lang', value: lang, url: base }]);
  const page = await ctx.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${base}${next}`);
  await page.waitForURL(/\/login\?next=/);
  await page.getByLabel(lang === 'fr' ? "Nom d'utilisateur" : 'Username').fill(username);
  await page.getByLabel(lang === 'fr' ? 'Mot de passe' : 'Password').fill('correct horse battery');
  await Promise.all([
    page.waitForURL(`${base}${next}`),
    page.getByRole('button', { name: lang === 'fr' ? 'Se connecter' : 'Log in' }).click(),
  ]);
  return { ctx, page };
}
const [A01, A02] = fx.prisons.BKO.cells;

async function admit(name: string, cell: string) {
  const r = await fetch(`${base}/api/admissions`, {
    method: 'POST',
    headers: { ...auth(fx.tokens['clerk.bko']), 'content-type': 'application/json' },
    body: JSON.stringify({
      prison: 'BKO',
      person: { family_name: name, given_names: 'Adama', sex: 'male', birth: { precision: 'year', date: '1990' } },
      admitted_at: '2025-09-01T09:00:00Z',
      arresting_authority: 'police',
      legal_document: {
        kind: 'committal_order',
        authority: 'TGI Commune III',
        reference: `MD-${name}`,
        issued_on: '2025-08-31',
      },
      charges: [{ qualification: 'Vol', category: 'misdemeanour' }],
      cell_id: cell,
    }),
  });
  assert.equal(r.status, 201, await r.text());
}
await admit('Sidibé', A01);
await admit('Fofana', A01);
await admit('Bagayoko', A02);

async function serious(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}
async function sideways(page: Page): Promise<number> {
  await page.setViewportSize({ width: 390, height: 844 });
  const w = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await page.setViewportSize({ width: 1280, height: 900 });
  return w;
}

const W = {
  fr: {
    slot: 'morning',
    begin: 'Compter — Appel du matin',
    cell: (c: string) => `Cellule ${c}`,
    save: 'Enregistrer le comptage',
    mismatch: /Écart −1|Écart -1/,
    recount: 'Enregistrer le recomptage',
    balanced: 'Juste',
    history: 'Comptage 1 : 1 pour 2 attendus',
    close: 'Valider le comptage',
    closed: 'Validé par director.bko',
    error: 'Cellule A-02',
  },
  en: {
    slot: 'noon',
    begin: 'Count — Noon count',
    cell: (c: string) => `Cell ${c}`,
    save: 'Save the count',
    mismatch: /Discrepancy −1|Discrepancy -1/,
    recount: 'Save the recount',
    balanced: 'Correct',
    history: 'Count 1: 1 for 2 expected',
    close: 'Close the count',
    closed: 'Closed by director.bko',
    error: 'Cell A-02',
  },
} as const;

for (const lang of ['fr', 'en'] as const) {
  test(`the count page: discrepancy at once, recount, closing (${lang})`, { timeout: 180_000 }, async () => {
    const w = W[lang];
    const { ctx, page } = await session(lang, 'security.bko', '/movements/count?prison=BKO');
    await Promise.all([
      page.waitForURL(/\/movements\/count\/sheet\?/),
      page.getByRole('link', { name: w.begin }).click(),
    ]);
    assert.deepEqual(await serious(page), [], 'axe on the count sheet');
    assert.ok((await sideways(page)) <= 0, 'the count sheet scrolls sideways at 390 px');

    // A cell left empty: the form again, that cell named.
    await page.getByLabel(w.cell('A-01'), { exact: true }).fill('1');
    await page.getByLabel(w.cell('A-03'), { exact: true }).fill('0');
    await page.getByRole('button', { name: w.save }).click();
    await page.locator('.govuk-error-summary').waitFor();
    assert.ok((await page.locator('.govuk-error-summary').textContent())!.includes(w.error));

    await page.getByLabel(w.cell('A-02'), { exact: true }).fill('1');
    await Promise.all([
      page.waitForURL(/\/movements\/count\/[0-9a-f-]+\?saved=1$/),
      page.getByRole('button', { name: w.save }).click(),
    ]);
    const main = (await page.locator('main').textContent())!;
    assert.match(main, w.mismatch, 'the discrepancy shown at once');
    assert.equal(await page.locator('.pmis-count__cell--mismatch').count(), 1, 'one cell marked in the recount grid');
    assert.deepEqual(await serious(page), [], 'axe on the round');
    assert.ok((await sideways(page)) <= 0, 'the round scrolls sideways at 390 px');

    await page.getByLabel(w.cell('A-01'), { exact: true }).fill('2');
    await Promise.all([page.waitForURL(/\?saved=1$/), page.getByRole('button', { name: w.recount }).click()]);
    const after = (await page.locator('main').textContent())!;
    assert.ok(after.includes(w.balanced), 'balanced after the recount');
    assert.ok(after.includes(w.history), 'the first figure kept');
    const url = page.url();
    await ctx.close();

    const dir = await session(lang, 'director.bko', new URL(url).pathname);
    await Promise.all([dir.page.waitForURL(/\?saved=1$/), dir.page.getByRole('button', { name: w.close }).click()]);
    assert.ok((await dir.page.locator('main').textContent())!.includes(w.closed));
    await dir.ctx.close();
  });
}
