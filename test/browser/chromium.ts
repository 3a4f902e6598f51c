/** Debian's Chromium for the browser tests (never a downloaded browser), shared by the run when it can be. */
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium with the tests' switches (scripts/test.ts starts one for the whole run with them). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * The browser of a test file: the run's shared Chromium when scripts/test.ts started one
 * (PMIS_TEST_BROWSER_WS; starting Chromium costs seconds of CPU per file), else one of its own.
 * Closing it ends this file's connection and its contexts, not the shared browser.
 */
export async function launchBrowser(): Promise<Browser> {
  const ws = process.env.PMIS_TEST_BROWSER_WS;
  if (ws) return chromium.connect(ws);
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}
