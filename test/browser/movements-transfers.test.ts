/**
 * Transfers in a real browser, in French and English: the sending director gives the decision
 * through the transfer page's form; the transfer list, the vehicle form, the printable vehicle list,
 * the in-transit board and the receiving prison's arrival form; axe-core finds no serious or
 * critical violation on any of them.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { addUser, createToken } from '../../src/modules/access/service.js';
import { auth, newArrival } from '../helpers.js';
import { browserHarness } from './harness.js';

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
const harness = await browserHarness();
const { base, fx, database } = harness;

/** Signed in through the login page, in a context that lets axe-core be injected (the pages run no script). */
async function session(lang: 'fr' | 'en', username: string, next: string) {
  const ctx = await harness.browser().newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-GB', bypassCSP: true });
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
const knbDirector = await addUser(database.db, null, {
  username: 'director.klk',
  display_name: 'director.klk',
  password: 'correct horse battery',
  roles: ['prison_director'],
  prisons: ['KLK'],
});
const tokens: Record<string, string> = {
  ...fx.tokens,
  'director.klk': (await createToken(database.db, knbDirector.id)).token,
};

async function api(url: string, token: string, payload: unknown) {
  const r = await fetch(`${base}${url}`, {
    method: 'POST',
    headers: { ...auth(token), 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  const body = (await r.json()) as Record<string, unknown>;
  assert.ok(r.status < 300, `${url}: ${JSON.stringify(body)}`);
  return body as { id: string; person_id: string; transfers: { id: string }[] };
}

async function serious(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

const W = {
  fr: {
    decide: 'Donner la décision',
    approved: 'Accord',
    reason: 'Motif de la décision',
    save: 'Enregistrer',
    state: 'Autorisé',
    board: /^Personnes en route — /,
    list: 'Liste de transfèrement',
    arrive: 'Accueil à l’arrivée (accueil abrégé) et écrou',
  },
  en: {
    decide: 'Give the decision',
    approved: 'Approved',
    reason: 'Reason for the decision',
    save: 'Save',
    state: 'Approved',
    board: /^People in transit — /,
    list: 'Transfer list',
    arrive: 'Reception on arrival (shortened) and admission',
  },
} as const;

for (const lang of ['fr', 'en'] as const) {
  test(`the transfer pages: decide, list, vehicle, board, arrival (${lang})`, { timeout: 240_000 }, async () => {
    const w = W[lang];
    const a = await api(
      '/api/admissions',
      tokens['clerk.bko'],
      newArrival({ person: { ...newArrival().person, family_name: `Transféré${lang}` } }),
    );
    const t = await api('/api/transfers', tokens['clerk.bko'], {
      admission_id: a.id,
      to_prison: 'KLK',
      reason: 'congestion',
    });
    const problems: string[] = [];
    const check = async (page: Page, what: string) => {
      for (const v of await serious(page)) problems.push(`${what}: ${v}`);
    };

    // The sending director decides through the page's form.
    const { ctx, page } = await session(lang, 'director.bko', `/movements/transfers/${t.id}`);
    await check(page, 'transfer page');
    assert.equal(await page.getByRole('heading', { name: w.decide }).count(), 1);
    await page.getByLabel(w.approved, { exact: true }).check();
    await page.getByLabel(w.reason).fill('Surpopulation');
    await Promise.all([page.waitForURL(/done=1/), page.getByRole('button', { name: w.save }).first().click()]);
    await api(`/api/transfers/${t.id}/decision`, tokens['director.klk'], { decision: 'approved', reason: 'Places' });
    await page.reload();
    assert.ok((await page.locator('main').innerText()).includes(w.state));
    await page.goto(`${base}/movements/transfers?prison=BKO`);
    await check(page, 'transfer list');
    await page.goto(`${base}/movements/convoys/new?prison=BKO`);
    await check(page, 'vehicle form');
    const convoy = await api('/api/transfer-convoys', tokens['security.bko'], {
      to_prison: 'KLK',
      escort_force: 'Garde nationale',
      vehicle: 'Camion AB-1',
      officers: 'Sergent Diarra',
      planned_departure_at: new Date().toISOString(),
      transfer_ids: [t.id],
    });
    await page.goto(`${base}/movements/convoys/${convoy.id}`);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), w.list);
    await check(page, 'vehicle list');
    await api(`/api/transfer-convoys/${convoy.id}/departure`, tokens['clerk.bko'], { property_signed_out: true });
    await page.goto(`${base}/movements/transfers/board?prison=BKO`);
    assert.match(await page.getByRole('heading', { level: 1 }).innerText(), w.board);
    assert.ok((await page.locator('main').innerText()).includes(`Transféré${lang}`));
    await check(page, 'board');
    await ctx.close();

    // The receiving prison sees the person on its board and receives them.
    const klk = await session(lang, 'clerk.klk', `/movements/transfers/board?prison=KLK`);
    assert.ok((await klk.page.locator('main').innerText()).includes(`Transféré${lang}`));
    await klk.page.goto(`${base}/movements/transfers/${t.id}`);
    assert.equal(await klk.page.getByRole('heading', { name: w.arrive }).count(), 1);
    await check(klk.page, 'transfer page (arrival)');
    await klk.ctx.close();
    assert.deepEqual(problems, []);
  });
}
