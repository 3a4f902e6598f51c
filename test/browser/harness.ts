/** A test database, the app on a random port, and Debian's Chromium (never a downloaded browser). */
import { after, before } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type Fixture, fixture, testApp, testDatabase } from '../helpers.js';
import { launchBrowser } from './chromium.js';
import type { Database } from '../../src/db/index.js';
import type { App } from '../../src/http/context.js';

export interface Harness {
  database: Database;
  app: App;
  fx: Fixture;
  base: string;
  browser: () => Browser;
  /** A new context in the language, signed in as the fixture user through the login page, landed on `next`. */
  session: (
    lang: 'fr' | 'en',
    username: string,
    next: string,
    timeoutMs?: number,
  ) => Promise<{ ctx: BrowserContext; page: Page }>;
}

export async function browserHarness(): Promise<Harness> {
  const database = await testDatabase();
  const app = await testApp(database);
  const fx = await fixture(database);
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  let browser: Browser | undefined;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });
  async function session(
    lang: 'fr' | 'en',
    username: string,
    next: string,
    timeoutMs = 30_000,
  ): Promise<{ ctx: BrowserContext; page: Page }> {
    const ctx = await browser!.newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-GB' });
    await ctx.addCookies([{ name: 'pmis_lang', value: lang, url: base }]);
    const page = await ctx.newPage();
    page.setDefaultTimeout(timeoutMs);
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
  return { database, app, fx, base, browser: () => browser!, session };
}
