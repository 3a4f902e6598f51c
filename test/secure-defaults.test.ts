/**
 * Secure by default, with real processes: `pmis serve` (what `npm start` runs) on an empty embedded
 * database and no demo flag creates no account and prints no demo login; in production mode it
 * refuses insecure settings before starting anything.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { freePort } from '../src/db/embedded.js';

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pmis-defaults-'));
await fs.chmod(dataDir, 0o755);
const children: ChildProcess[] = [];
after(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await fs.rm(dataDir, { recursive: true, force: true });
});

/** The environment of a fresh machine: none of pmis's variables. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^(PMIS_|DATABASE_URL|NODE_ENV|HOST|TRUST_PROXY|SECURE_COOKIES|PORT|DATA_DIR)/.test(k)) env[k] = v;
  return { ...env, DATA_DIR: dataDir, LOG_LEVEL: 'error', ...extra };
}

function pmis(args: string[], env: Record<string, string>): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, ['bin/pmis.js', ...args], {
    env: cleanEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return Object.assign(child, { output: () => out });
}
const exited = (c: ChildProcess) =>
  new Promise<number>((resolve) => {
    if (c.exitCode !== null) resolve(c.exitCode);
    else
      c.on('close', (code) => {
        resolve(code ?? -1);
      });
  });

test(
  'a fresh `pmis serve` on an empty database without a demo flag has no demo accounts and prints no demo login',
  { timeout: 240_000 },
  async () => {
    const port = await freePort();
    const server = pmis(['serve'], { PORT: String(port) });
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`pmis exited: ${server.output()}`);
      if (Date.now() > deadline) throw new Error(`pmis did not start: ${server.output()}`);
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const demo = await fetch(`http://127.0.0.1:${port}/api/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'pmis-demo-2026' }),
    });
    assert.equal(demo.status, 401);
    const page = await fetch(`http://127.0.0.1:${port}/login`);
    assert.equal(page.headers.get('x-frame-options'), 'DENY');
    server.kill('SIGTERM');
    assert.equal(await exited(server), 0);
    assert.doesNotMatch(server.output(), /pmis-demo-2026|Demo logins|greffier\.bko/);
    // No account at all: the operator creates the first national administrator with the CLI.
    const list = pmis(['user', 'list'], {});
    assert.equal(await exited(list), 0, list.output());
    assert.doesNotMatch(list.output(), /national_admin|registry_clerk/);
  },
);

test('production mode without SECURE_COOKIES, HOST and TRUST_PROXY refuses to start', { timeout: 60_000 }, async () => {
  const server = pmis(['serve'], { NODE_ENV: 'production', PORT: String(await freePort()) });
  assert.equal(await exited(server), 1);
  assert.match(server.output(), /NODE_ENV=production: pmis refuses to start/);
  assert.match(server.output(), /SECURE_COOKIES=1 is required/);
  assert.match(server.output(), /HOST must be set explicitly/);
  assert.match(server.output(), /TRUST_PROXY must be set explicitly/);
});
