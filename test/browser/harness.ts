/** A test database, the app on a random port, and Debian's Chromium (never a downloaded browser). */
import { after, before } from 'node:test';
import { type Browser, chromium } from 'playwright-core';
import { type Fixture, fixture, testApp, testDatabase } from '../helpers.js';
import type { Database } from '../../src/db/index.js';

export interface Harness { database: Database; fx: Fixture; base: string; browser(): Browser }

export async function browserHarness(): Promise<Harness> {
  const database = await testDatabase();
  const app = await testApp(database);
  const fx = await fixture(database);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  let browser: Browser | undefined;
  before(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  after(async () => { await browser?.close(); });
  return { database, fx, base, browser: () => browser! };
}
