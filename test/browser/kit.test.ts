/**
 * The web kit in a real browser (Debian's Chromium, never downloaded): a specimen page with every
 * component, served by a test-only Fastify route with the kit's stylesheet. At 1280 px and 390 px:
 * every radio and checkbox on the same line as its label (bounding boxes), no horizontal scroll,
 * focus on the error summary, links to each field; axe-core finds no serious or critical violation;
 * printed, the letterhead shows and the navigation does not.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import Fastify from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { webAssetRoutes } from '../../src/web/index.js';
import { launchBrowser } from './chromium.js';
import { specimenPage } from './kit-specimen.js';

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
const app = Fastify();
await webAssetRoutes(app);
app.get<{ Querystring: { lang?: string } }>('/specimen', async (req, reply) =>
  reply.type('text/html; charset=utf-8').send(specimenPage(req.query.lang === 'en' ? 'en' : 'fr', req.url)),
);
await app.listen({ port: 0, host: '127.0.0.1' });
const addr = app.server.address();
const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app.close();
});

const T = 30_000;

async function open(width: number, lang: 'fr' | 'en'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, locale: lang === 'fr' ? 'fr-FR' : 'en-GB' });
  page.setDefaultTimeout(T);
  await page.goto(`${base}/specimen?lang=${lang}`);
  return page;
}

/** For every radio and checkbox: is it on the first line of its label, to its left? */
async function choicesBesideLabels(page: Page): Promise<{ checked: number; apart: string[] }> {
  return page.evaluate(() => {
    const apart: string[] = [];
    const inputs = [...document.querySelectorAll<HTMLInputElement>('input[type=radio], input[type=checkbox]')];
    for (const input of inputs) {
      const label = document.querySelector<HTMLLabelElement>(`label[for="${input.id}"]`);
      if (!label) {
        apart.push(`${input.id}: no label`);
        continue;
      }
      const box = input.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(label);
      const firstLine = range.getClientRects()[0] ?? label.getBoundingClientRect();
      const lineMiddle = (firstLine.top + firstLine.bottom) / 2;
      const sameLine = box.top <= lineMiddle && box.bottom >= lineMiddle;
      const before = box.left < firstLine.left;
      if (!sameLine || !before)
        apart.push(
          `${input.id}: box ${Math.round(box.left)},${Math.round(box.top)}-${Math.round(box.bottom)} vs label line ${Math.round(firstLine.left)},${Math.round(firstLine.top)}-${Math.round(firstLine.bottom)}`,
        );
    }
    return { checked: inputs.length, apart };
  });
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

for (const [width, lang] of [
  [1280, 'fr'],
  [390, 'fr'],
  [390, 'en'],
  [1280, 'en'],
] as const) {
  test(
    `specimen at ${width} px in ${lang}: radios and checkboxes beside their labels, no sideways scroll, no serious axe violation`,
    { timeout: 120_000 },
    async () => {
      const page = await open(width, lang);
      const { checked, apart } = await choicesBesideLabels(page);
      assert.ok(checked >= 13, `${checked} radios and checkboxes checked`);
      assert.deepEqual(apart, []);
      const scroll = await page.evaluate(() => ({
        content: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
      }));
      assert.ok(scroll.content <= scroll.viewport, `no horizontal scroll: ${scroll.content} > ${scroll.viewport}`);
      assert.deepEqual(await seriousViolations(page), []);
      await page.close();
    },
  );
}

test(
  'the error summary: focused on load without JavaScript, names each bad field, each link moves focus to its field',
  { timeout: 120_000 },
  async () => {
    const page = await open(1280, 'fr');
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')), true);
    const summary = page.locator('.govuk-error-summary');
    assert.equal(await summary.getByRole('heading').textContent(), 'Il y a un problème');
    const links = await summary
      .getByRole('link')
      .evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    assert.deepEqual(links, [
      ['Nom de famille\u00a0: indiquez le nom de famille', '#family_name'],
      ['Sexe\u00a0: choisissez une valeur de la liste', '#sex'],
      ['Date du titre\u00a0: la date doit être une vraie date', '#issued_on-day'],
      ['Besoins\u00a0: renseignez ce champ', '#needs'],
      ['Niveau\u00a0: choisissez une réponse', '#level'],
    ]);
    for (const [, href] of links) {
      await summary.locator(`a[href="${href}"]`).click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), href.slice(1), `${href} focuses its field`);
    }
    // The inline error sits with its field.
    assert.match(
      (await page.locator('#family_name-error').textContent())!,
      /Erreur\u00a0:\s+Nom de famille\u00a0: indiquez le nom de famille/,
    );
    await page.close();
  },
);

test(
  'printed: the letterhead with the prison, no header, navigation, buttons or footer',
  { timeout: 60_000 },
  async () => {
    const page = await open(1280, 'fr');
    assert.equal(await page.locator('.pmis-letterhead').isVisible(), false, 'hidden on screen');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.pmis-letterhead').isVisible(), true);
    assert.match((await page.locator('.pmis-letterhead').textContent())!, /Maison centrale d'arrêt de Bamako/);
    for (const sel of [
      '.govuk-generic-header',
      '.govuk-service-navigation',
      '.govuk-footer',
      '.govuk-button',
      '.govuk-pagination',
      '.pmis-sub-navigation',
    ]) {
      assert.equal(await page.locator(sel).first().isVisible(), false, `${sel} not printed`);
    }
    await page.close();
  },
);
