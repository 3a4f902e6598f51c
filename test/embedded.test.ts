/**
 * The embedded PostgreSQL's life cycle, with real processes: `pmis serve` survives a kill -9 and
 * the next start carries on with the data; the CLI and the server share one data directory; each
 * process's presence (not a count of open connections) decides who stops the cluster; a start that
 * cannot listen stops what it started; an unusable DATA_DIR is explained; backup and restore into
 * a new, empty cluster.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import pg from 'pg';
import { findPgTool, MissingToolError } from '../src/db/backup/pgtools.js';
import { freePort } from '../src/db/embedded.js';

const dirs: string[] = [];
async function newDataDir(): Promise<string> {
  const d = await fs.mkdtemp(path.join(os.tmpdir(), 'pmis-embedded-'));
  await fs.chmod(d, 0o755);
  dirs.push(d);
  return d;
}
const dataDir = await newDataDir();
const children: ChildProcess[] = [];
after(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  // Stop whatever cluster is left (the last process to leave stops it), then remove the directories.
  for (const d of dirs) {
    if (await fs.stat(path.join(d, 'pg', 'postmaster.pid')).catch(() => null)) await exited(pmis(['migrate'], {}, d));
    await fs.rm(d, { recursive: true, force: true });
  }
});

function pmis(
  args: string[],
  env: Record<string, string> = {},
  dir = dataDir,
): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, ['bin/pmis.js', ...args], {
    env: {
      ...process.env,
      DATA_DIR: dir,
      DATABASE_URL: '',
      DATABASE_OWNER_URL: '',
      PMIS_DEMO: '0',
      LOG_LEVEL: 'error',
      ...env,
    },
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
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pgRunning = async (dir = dataDir) => !!(await fs.stat(path.join(dir, 'pg', 'postmaster.pid')).catch(() => null));
const health = async (port: number) => (await fetch(`http://127.0.0.1:${port}/health`)).status;

async function waitHealthy(port: number, child: ChildProcess & { output: () => string }): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`pmis exited: ${child.output()}`);
    try {
      if ((await health(port)) === 200) return;
    } catch {
      /* not yet */
    }
    await sleep(200);
  }
  throw new Error(`pmis did not become healthy: ${child.output()}`);
}

/** The cluster's superuser, from the credentials file pmis keeps in DATA_DIR. */
async function superuser(dir = dataDir): Promise<pg.Client> {
  const creds = JSON.parse(await fs.readFile(path.join(dir, 'pg-credentials.json'), 'utf8')) as {
    user: string;
    password: string;
    port: number;
  };
  const c = new pg.Client({
    host: '127.0.0.1',
    port: creds.port,
    user: creds.user,
    password: creds.password,
    database: 'postgres',
    application_name: 'test-observer',
  });
  c.on('error', () => undefined);
  await c.connect();
  return c;
}

async function connectionsOf(c: pg.Client, appName: string, notPids: readonly number[] = []): Promise<number> {
  return (
    await c.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND NOT (pid = ANY($2::int[]))',
      [appName, notPids],
    )
  ).rows[0].n;
}

test(
  'a CLI command leaving while the server is idle leaves the database running; kill -9 of the server, and the next start carries on',
  { timeout: 300_000 },
  async () => {
    const port = await freePort();
    const first = pmis(['serve'], { PORT: String(port) });
    // Should an assertion fail, the server must not outlive this test (its presence would keep the
    // next tests' cluster running).
    after(() => {
      if (first.exitCode === null) first.kill('SIGKILL');
    });
    await waitHealthy(port, first);
    const su = await superuser();
    try {
      // The cluster pmis makes keeps PostgreSQL's durability on: only the test runner's own
      // throw-away cluster (scripts/test.ts, testsOnlyNoDurability) runs without fsync.
      const durability = await su.query<{ fsync: string; synchronous_commit: string; full_page_writes: string }>(
        `SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit,
                current_setting('full_page_writes') AS full_page_writes`,
      );
      assert.deepEqual(durability.rows[0], { fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' });
      // Wait until the server's pool has closed its idle connections (pg's idle timeout is 10 s):
      // only its presence remains. Counting connections would now say "nobody is here".
      const deadline = Date.now() + 60_000;
      while ((await connectionsOf(su, 'pmis-server')) > 0 && Date.now() < deadline) await sleep(500);
      assert.equal(await connectionsOf(su, 'pmis-server'), 0, 'the server pool is idle');
      assert.equal(await connectionsOf(su, 'pmis-presence'), 1, 'the server is present');
      // The CLI, at the same time, on the same data directory, leaves.
      const add = pmis(['user', 'add', 'clerk.one', '--name', 'Clerk One', '--role', 'registry_clerk', '--national'], {
        PMIS_PASSWORD: 'a-long-password',
      });
      assert.equal(await exited(add), 0, add.output());
      assert.ok(await pgRunning(), 'PostgreSQL still runs after the CLI left');
      assert.equal(await health(port), 200, 'the server is unharmed by the CLI leaving');

      // Every pmis connection terminated (presence included): the server takes its presence again,
      // and a CLI leaving right after still does not stop the database under it.
      const killed = (
        await su.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE application_name LIKE 'pmis%' AND pid <> pg_backend_pid()`,
        )
      ).rows.map((r) => r.pid);
      await su.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [killed]);
      // Under load the reconnection (file lock, roles check, lock) can take a while: allow a minute.
      // A terminated backend can stay listed for a moment: count only new connections.
      const back = Date.now() + 60_000;
      while ((await connectionsOf(su, 'pmis-presence', killed)) < 1 && Date.now() < back) await sleep(100);
      assert.equal(await connectionsOf(su, 'pmis-presence', killed), 1, 'presence taken again');
    } finally {
      await su.end();
    }
    const list = pmis(['user', 'list']);
    assert.equal(await exited(list), 0, list.output());
    assert.match(list.output(), /clerk\.one/);
    await sleep(1000);
    assert.equal(await health(port), 200);
    assert.equal(first.exitCode, null, 'the server is still running');

    first.kill('SIGKILL');
    await exited(first);
    assert.ok(await pgRunning(), 'kill -9 of pmis leaves PostgreSQL running');
    const second = pmis(['serve'], { PORT: String(port) });
    await waitHealthy(port, second);
    const tok = await fetch(`http://127.0.0.1:${port}/api/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'clerk.one', password: 'a-long-password' }),
    });
    assert.equal(tok.status, 200, 'the user created before the crash is still there');

    second.kill('SIGTERM');
    assert.equal(await exited(second), 0);
    // A clean stop leaves no PostgreSQL running for this directory.
    assert.equal(await pgRunning(), false, 'postmaster.pid is gone after a clean stop');
  },
);

test(
  'kill -9 of a process ends its presence: the next process to leave is the last and stops PostgreSQL',
  { timeout: 300_000 },
  async () => {
    const port = await freePort();
    const server = pmis(['serve'], { PORT: String(port) });
    await waitHealthy(port, server);
    server.kill('SIGKILL');
    await exited(server);
    assert.ok(await pgRunning());
    const list = pmis(['user', 'list']);
    assert.equal(await exited(list), 0, list.output());
    assert.equal(await pgRunning(), false, 'the CLI was the last one present and stopped PostgreSQL');
  },
);

test(
  'a start that cannot listen stops the PostgreSQL it started, but not one another process uses',
  { timeout: 300_000 },
  async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    after(() => busy.close());
    const busyPort = (busy.address() as net.AddressInfo).port;
    assert.equal(await pgRunning(), false);
    const failed = pmis(['serve'], { PORT: String(busyPort) });
    assert.notEqual(await exited(failed), 0);
    assert.match(failed.output(), /EADDRINUSE/);
    assert.equal(await pgRunning(), false, 'the failed start stopped the PostgreSQL it had started');

    const port = await freePort();
    const server = pmis(['serve'], { PORT: String(port) });
    await waitHealthy(port, server);
    const again = pmis(['serve'], { PORT: String(busyPort) });
    assert.notEqual(await exited(again), 0);
    assert.ok(await pgRunning(), 'the running server keeps its database');
    assert.equal(await health(port), 200);
    server.kill('SIGTERM');
    assert.equal(await exited(server), 0);
    assert.equal(await pgRunning(), false);
  },
);

test('an unusable DATA_DIR is refused with the directory and the permission it needs', async () => {
  const parent = await fs.mkdtemp(path.join(os.tmpdir(), 'pmis-private-'));
  dirs.push(parent);
  const root = process.getuid?.() === 0;
  // As root: a directory made by `mktemp -d` (0700) that the postgres OS user cannot enter.
  // Otherwise: a directory this user cannot write.
  await fs.chmod(parent, root ? 0o700 : 0o500);
  const dir = path.join(parent, root ? 'data' : '');
  const r = pmis(['migrate'], {}, root ? dir : parent);
  assert.equal(await exited(r), 1, r.output());
  if (root) {
    assert.match(r.output(), /not reachable by the OS user "postgres"/);
    assert.ok(r.output().includes(`chmod o+x ${parent}`), r.output());
  } else {
    assert.match(r.output(), /is not writable by the user running pmis/);
  }
  assert.doesNotMatch(r.output(), /initdb/);
  await fs.chmod(parent, 0o755);
});

test(
  'pmis backup and pmis restore: the embedded registry restored into a new, empty cluster',
  { timeout: 300_000 },
  async (t) => {
    try {
      for (const tool of ['pg_dump', 'pg_restore', 'psql'] as const) await findPgTool(tool, 15);
    } catch (e) {
      if (e instanceof MissingToolError && process.env.CI !== 'true') {
        t.skip(`backup test skipped: ${e.message}`);
        return;
      }
      throw e;
    }
    const env = { PMIS_BACKUP_PASSPHRASE: 'une phrase de passe assez longue' };
    await fs.mkdir(path.join(dataDir, 'attachments', '2026-03'), { recursive: true });
    await fs.writeFile(path.join(dataDir, 'attachments', '2026-03', 'scan'), Buffer.from('%PDF-1.4 a scan'));
    const file = path.join(dataDir, 'nightly.pmisbak');
    const made = pmis(['backup', file], env);
    assert.equal(await exited(made), 0, made.output());
    assert.match(made.output(), /1 attachment/);
    assert.equal(await pgRunning(), false, 'the backup command leaves no PostgreSQL running behind it');

    // (A wrong passphrase, damage and a non-empty target are refused: test/backup.test.ts.)
    const fresh = await newDataDir();
    const restored = pmis(['restore', file], env, fresh);
    assert.equal(await exited(restored), 0, restored.output());
    const list = pmis(['user', 'list'], {}, fresh);
    assert.equal(await exited(list), 0, list.output());
    assert.match(list.output(), /clerk\.one/);
    assert.equal(await fs.readFile(path.join(fresh, 'attachments', '2026-03', 'scan'), 'utf8'), '%PDF-1.4 a scan');
    assert.equal(await pgRunning(fresh), false);
  },
);
