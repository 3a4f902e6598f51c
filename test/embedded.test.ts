/**
 * The embedded PostgreSQL's life cycle, with real processes: `pmis serve` survives a kill -9 and
 * the next start carries on with the data; the CLI and the server share one data directory.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { freePort } from '../src/db/embedded.js';

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pmis-embedded-'));
await fs.chmod(dataDir, 0o755);
const children: ChildProcess[] = [];
after(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  // Stop whatever cluster is left, then remove the directory.
  await new Promise<void>((resolve) => {
    const c = spawn(process.execPath, ['bin/pmis.js', 'migrate'], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, stdio: 'ignore' });
    c.on('close', () => resolve());
  });
  await fs.rm(dataDir, { recursive: true, force: true });
});

function pmis(args: string[], env: Record<string, string> = {}): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, ['bin/pmis.js', ...args], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PMIS_DEMO: '0', LOG_LEVEL: 'error', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return Object.assign(child, { output: () => out });
}

const exited = (c: ChildProcess) => new Promise<number>((resolve) => (c.exitCode !== null ? resolve(c.exitCode) : c.on('close', (code) => resolve(code ?? -1))));

async function waitHealthy(port: number, child: ChildProcess & { output: () => string }): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`pmis exited: ${child.output()}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/health`);
      if (r.status === 200) return;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`pmis did not become healthy: ${child.output()}`);
}

test('after kill -9 of the server, the next start finds the cluster and carries on; the CLI works beside the server', { timeout: 240_000 }, async () => {
  const port = await freePort();
  const first = pmis(['serve'], { PORT: String(port) });
  await waitHealthy(port, first);
  // The CLI, at the same time, on the same data directory.
  const add = pmis(['user', 'add', 'clerk.one', '--name', 'Clerk One', '--role', 'registry_clerk', '--national'], { PMIS_PASSWORD: 'a-long-password' });
  assert.equal(await exited(add), 0, add.output());
  assert.equal((await fetch(`http://127.0.0.1:${port}/health`)).status, 200, 'the server is unharmed by the CLI leaving');

  first.kill('SIGKILL');
  await exited(first);
  const second = pmis(['serve'], { PORT: String(port) });
  await waitHealthy(port, second);
  const tok = await fetch(`http://127.0.0.1:${port}/api/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'clerk.one', password: 'a-long-password' }) });
  assert.equal(tok.status, 200, 'the user created before the crash is still there');

  second.kill('SIGTERM');
  assert.equal(await exited(second), 0);
  // A clean stop leaves no PostgreSQL running for this directory.
  const pid = await fs.readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').catch(() => null);
  assert.equal(pid, null, 'postmaster.pid is gone after a clean stop');
});
