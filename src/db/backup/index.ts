/**
 * `pmis backup FILE` and `pmis restore FILE` (docs/decisions/0005-backups.md, docs/deployment.md).
 *
 * A backup is one encrypted file (crypto.ts) holding a manifest, the database as a pg_dump custom
 * archive, every file of ATTACHMENTS_DIR, and an end record with the row count of every table, all
 * read in one database snapshot (the attachments are read after the dump, so every attachment the
 * dump refers to is there). It is written to FILE.partial-<pid> and renamed when complete.
 *
 * A restore first reads the whole file and checks it (every chunk authenticated, every entry's
 * SHA-256, the end record present) without writing anything; then it restores the database in one
 * transaction (pg_restore → psql --single-transaction) that ends by checking every table's row
 * count against the backup, stages the attachments beside ATTACHMENTS_DIR and swaps them in only
 * after the commit; then it applies newer migrations and the app role's privileges. It refuses a
 * database or an attachments directory that is not empty unless `force` is set.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import type { Database } from '../index.js';
import { migrate } from '../migrate.js';
import { ArchiveWriter, readFrames } from './archive.js';
import { BackupError, decryptStream, encryptStream } from './crypto.js';
import { findPgTool, libpqEnv } from './pgtools.js';

export { BackupError } from './crypto.js';
export { MissingToolError } from './pgtools.js';

export interface Manifest {
  pmis_backup: 1;
  created_at: string;
  database: { kind: Database['kind']; server_version: string; major: number; migrations: string[] };
  attachments: boolean;
}

export interface EndRecord {
  tables: Record<string, number>;
  database: { size: number; sha256: string };
  attachments: { count: number; bytes: number };
}

export interface BackupSummary {
  file: string;
  bytes: number;
  tables: number;
  rows: number;
  attachments: number;
  attachment_bytes: number;
  database_bytes: number;
  seconds: number;
}
export interface RestoreSummary {
  tables: number;
  rows: number;
  attachments: number;
  migrations_applied: string[];
  seconds: number;
}

/** Refusals the operator can act on (not a bug): printed as they are, exit status 2. */
export class RestoreRefused extends Error {}

type Kdf = { N: number; r: number; p: number };

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The environment of a client program: ours without libpq variables, plus the connection's. */
function toolEnv(url: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('PG')) env[k] = v;
  return { ...env, ...libpqEnv(url), LC_ALL: 'C' };
}

function collect(child: ChildProcess): { done: Promise<void> } {
  let err = '';
  child.stderr?.on('data', (d) => {
    if (err.length < 20_000) err += String(d);
  });
  const name = path.basename(child.spawnfile);
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${name} failed (${signal ?? `exit ${String(code)}`}): ${err.trim().slice(0, 4000)}`));
    });
  });
  done.catch(() => undefined);
  return { done };
}

async function serverMajor(c: pg.ClientBase): Promise<{ version: string; major: number }> {
  const r = await c.query<{ v: string; n: number }>(
    `SELECT current_setting('server_version') AS v, current_setting('server_version_num')::int AS n`,
  );
  return { version: r.rows[0].v, major: Math.floor(r.rows[0].n / 10000) };
}

/** Ordinary tables of the public schema (not those of extensions). */
async function userTables(c: pg.ClientBase): Promise<string[]> {
  const r = await c.query<{ t: string }>(`
    SELECT c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
     ORDER BY 1`);
  return r.rows.map((x) => x.t);
}

async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) out.push(path.relative(root, p));
    }
  };
  await walk(root);
  return out;
}

async function connectOwner(database: Pick<Database, 'url' | 'ownerUrl'>): Promise<pg.Client> {
  const c = new pg.Client({
    connectionString: database.ownerUrl ?? database.url,
    application_name: 'pmis-backup',
    options: '-c TimeZone=UTC',
  });
  c.on('error', () => undefined);
  await c.connect();
  return c;
}

/** Write an encrypted backup of the database and the attachments to `file`. */
export async function backup(
  database: Pick<Database, 'url' | 'ownerUrl' | 'kind'>,
  opts: {
    file: string;
    passphrase: string;
    attachmentsDir: string;
    force?: boolean;
    log?: (m: string) => void;
    kdf?: Kdf;
  },
): Promise<BackupSummary> {
  const started = Date.now();
  const log = opts.log ?? (() => {});
  const file = path.resolve(opts.file);
  if (!opts.force && (await fs.stat(file).catch(() => null)))
    throw new RestoreRefused(`${file} already exists: choose another name, or use --force to replace it.`);
  const ownerUrl = database.ownerUrl ?? database.url;
  const snap = await connectOwner(database);
  const tmp = `${file}.partial-${process.pid}`;
  let dump: ChildProcess | undefined;
  try {
    const server = await serverMajor(snap);
    const pgDump = await findPgTool('pg_dump', server.major);
    // One snapshot for pg_dump and for the row counts written into the backup.
    await snap.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = (await snap.query<{ s: string }>('SELECT pg_export_snapshot() AS s')).rows[0].s;
    const migrations = (await snap.query<{ to_regclass: string | null }>(`SELECT to_regclass('pmis_migration')`))
      .rows[0].to_regclass
      ? (await snap.query<{ name: string }>('SELECT name FROM pmis_migration ORDER BY name')).rows.map((r) => r.name)
      : [];
    const tables: Record<string, number> = {};
    for (const t of await userTables(snap))
      tables[t] = Number(
        (await snap.query<{ n: string }>(`SELECT count(*)::text AS n FROM public.${ident(t)}`)).rows[0].n,
      );

    await fs.mkdir(path.dirname(file), { recursive: true });
    const out = createWriteStream(tmp, { mode: 0o600, flags: 'wx' });
    const enc = await encryptStream(opts.passphrase, { kdf: opts.kdf });
    const written = pipeline(enc, out);
    written.catch(() => undefined);
    const archive = new ArchiveWriter(enc);
    const manifest: Manifest = {
      pmis_backup: 1,
      created_at: new Date().toISOString(),
      database: { kind: database.kind, server_version: server.version, major: server.major, migrations },
      attachments: true,
    };
    await archive.json('M', manifest);

    log(`Dumping the database (pg_dump ${server.major})...`);
    dump = spawn(pgDump, ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snapshot}`], {
      env: toolEnv(ownerUrl),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const dumped = collect(dump);
    const db = await archive.entry({ kind: 'database', name: 'pmis.dump' }, dump.stdout!);
    await dumped.done;
    await snap.query('COMMIT');

    const files = await listFiles(opts.attachmentsDir);
    log(`Adding ${files.length} attachment file(s)...`);
    let attachmentBytes = 0;
    for (const rel of files) {
      const f = await archive.entry(
        { kind: 'attachment', name: rel.split(path.sep).join('/') },
        createReadStream(path.join(opts.attachmentsDir, rel)),
      );
      attachmentBytes += f.size;
    }
    const end: EndRecord = { tables, database: db, attachments: { count: files.length, bytes: attachmentBytes } };
    await archive.json('Z', end);
    enc.end();
    await written;
    const handle = await fs.open(tmp, 'r');
    await handle.sync();
    await handle.close();
    await fs.rename(tmp, file);
    const bytes = (await fs.stat(file)).size;
    return {
      file,
      bytes,
      tables: Object.keys(tables).length,
      rows: Object.values(tables).reduce((a, b) => a + b, 0),
      attachments: files.length,
      attachment_bytes: attachmentBytes,
      database_bytes: db.size,
      seconds: (Date.now() - started) / 1000,
    };
  } catch (e) {
    dump?.kill('SIGKILL');
    await fs.rm(tmp, { force: true });
    throw e;
  } finally {
    await snap.end().catch(() => undefined);
  }
}

export interface VerifiedBackup {
  manifest: Manifest;
  end: EndRecord;
  entries: { kind: string; name: string; size: number; sha256: string }[];
}

/** Parse and check a decrypted archive; with `sink`, hand each entry's bytes over as they come. */
async function walkArchive(
  file: string,
  passphrase: string,
  sink?: { open(kind: string, name: string): Promise<(data: Buffer | null) => Promise<void>> },
): Promise<VerifiedBackup> {
  const dec = decryptStream(passphrase);
  const input = createReadStream(file);
  input.on('error', (e) => dec.destroy(e));
  input.pipe(dec);
  let manifest: Manifest | undefined;
  let end: EndRecord | undefined;
  const entries: VerifiedBackup['entries'] = [];
  let current: {
    kind: string;
    name: string;
    size: number;
    hash: ReturnType<typeof createHash>;
    write?: (d: Buffer | null) => Promise<void>;
  } | null = null;
  const bad = (why: string) => new BackupError('damaged', `The backup content is not valid: ${why}.`);
  try {
    for await (const f of readFrames(dec)) {
      if (end) throw bad('data after the end record');
      if (!manifest) {
        if (f.type !== 'M') throw bad('no manifest');
        manifest = JSON.parse(f.payload.toString('utf8')) as Manifest;
        if (manifest.pmis_backup !== 1) throw bad('unknown manifest version');
        continue;
      }
      if (f.type === 'E') {
        if (current) throw bad('entry not closed');
        const h = JSON.parse(f.payload.toString('utf8')) as { kind: string; name: string };
        if (
          h.kind === 'attachment' &&
          (path.isAbsolute(h.name) || h.name.split('/').includes('..') || h.name.includes('\0'))
        )
          throw bad(`unsafe file name ${h.name}`);
        current = {
          ...h,
          size: 0,
          hash: createHash('sha256'),
          write: sink ? await sink.open(h.kind, h.name) : undefined,
        };
      } else if (f.type === 'D') {
        if (!current) throw bad('data outside an entry');
        current.size += f.payload.length;
        current.hash.update(f.payload);
        if (current.write) await current.write(f.payload);
      } else if (f.type === 'F') {
        if (!current) throw bad('entry footer without an entry');
        const footer = JSON.parse(f.payload.toString('utf8')) as { size: number; sha256: string };
        const sha256 = current.hash.digest('hex');
        if (footer.size !== current.size || footer.sha256 !== sha256)
          throw bad(`${current.name} does not match its checksum`);
        if (current.write) await current.write(null);
        entries.push({ kind: current.kind, name: current.name, size: current.size, sha256 });
        current = null;
      } else if (f.type === 'Z') {
        if (current) throw bad('entry not closed');
        end = JSON.parse(f.payload.toString('utf8')) as EndRecord;
      } else {
        throw bad(`unexpected ${f.type} record`);
      }
    }
  } catch (e) {
    input.destroy();
    if (e instanceof BackupError) throw e;
    throw new BackupError('damaged', `The backup content is not valid: ${(e as Error).message}`);
  }
  if (!manifest || !end) throw new BackupError('truncated', 'The backup is incomplete (no end record).');
  const db = entries.filter((x) => x.kind === 'database');
  if (db.length !== 1 || db[0].sha256 !== end.database.sha256)
    throw bad('the database entry is missing or does not match the end record');
  if (entries.filter((x) => x.kind === 'attachment').length !== end.attachments.count) throw bad('attachments missing');
  return { manifest, end, entries };
}

/** Read the whole backup and check it, writing nothing (wrong passphrase, damage, truncation). */
export function verifyBackup(file: string, passphrase: string): Promise<VerifiedBackup> {
  return walkArchive(path.resolve(file), passphrase);
}

/** Restore a backup into the (empty, or with `force` replaced) database and attachments directory. */
export async function restore(
  database: Pick<Database, 'url' | 'ownerUrl' | 'pool'>,
  opts: { file: string; passphrase: string; attachmentsDir: string; force?: boolean; log?: (m: string) => void },
): Promise<RestoreSummary> {
  const started = Date.now();
  const log = opts.log ?? (() => {});
  const file = path.resolve(opts.file);
  log('Checking the backup (every chunk, every checksum)...');
  const verified = await verifyBackup(file, opts.passphrase);

  const ownerUrl = database.ownerUrl ?? database.url;
  const owner = await connectOwner(database);
  let server;
  try {
    server = await serverMajor(owner);
    const tables = await userTables(owner);
    if (tables.length && !opts.force) {
      throw new RestoreRefused(
        `The database is not empty (${tables.length} tables): restore refuses to overwrite it. ` +
          'Use --force to replace everything in it with the backup (stop the pmis server first).',
      );
    }
  } finally {
    await owner.end().catch(() => undefined);
  }
  if (verified.manifest.database.major > server.major) {
    throw new RestoreRefused(
      `The backup was made from PostgreSQL ${verified.manifest.database.major}; this database is ` +
        `PostgreSQL ${server.major}: restore it into PostgreSQL ${verified.manifest.database.major} or later.`,
    );
  }
  const existing = await listFiles(opts.attachmentsDir);
  if (existing.length && !opts.force) {
    throw new RestoreRefused(
      `${opts.attachmentsDir} already holds ${existing.length} file(s): restore refuses to mix them with the ` +
        `backup's. Use --force to replace them.`,
    );
  }
  const pgRestore = await findPgTool('pg_restore', server.major);
  const psql = await findPgTool('psql', server.major);

  const attachmentsDir = path.resolve(opts.attachmentsDir);
  const staging = `${attachmentsDir}.restoring-${process.pid}`;
  await fs.rm(staging, { recursive: true, force: true });
  await fs.mkdir(staging, { recursive: true, mode: 0o700 });

  // One transaction: (with force) drop what the owner owns, the dump, then the row-count check.
  const sql = spawn(
    psql,
    ['--no-psqlrc', '--quiet', '--single-transaction', '--set=ON_ERROR_STOP=1', '--file=-', '--output=/dev/null'],
    { env: toolEnv(ownerUrl), stdio: ['pipe', 'ignore', 'pipe'] },
  );
  const sqlDone = collect(sql).done;
  const toSql = (text: string) =>
    new Promise<void>((resolve, reject) =>
      sql.stdin.write(text, (e) => {
        if (e) reject(e);
        else resolve();
      }),
    );
  let restoreProc: ChildProcess | undefined;
  let restored: Promise<void> | undefined;
  // psql failing (e.g. a statement of the dump refused) stops pg_restore, and so the whole restore.
  sqlDone.catch(() => restoreProc?.kill('SIGKILL'));
  try {
    sql.stdin.on('error', () => undefined); // psql exiting early is reported by its exit status
    if (opts.force) await toSql('DROP OWNED BY CURRENT_USER;\n');
    log('Restoring the database...');
    await walkArchive(file, opts.passphrase, {
      async open(kind, name) {
        if (kind === 'database') {
          restoreProc = spawn(pgRestore, ['--no-owner', '--no-privileges', '--no-comments', '--file=-'], {
            env: toolEnv(ownerUrl),
            stdio: ['pipe', 'pipe', 'pipe'],
          });
          const done = collect(restoreProc).done;
          restoreProc.stdin!.on('error', () => undefined);
          const piped = new Promise<void>((resolve, reject) => {
            restoreProc!.stdout!.on('end', resolve);
            restoreProc!.stdout!.on('error', reject);
            restoreProc!.stdout!.pipe(sql.stdin, { end: false });
          });
          restored = Promise.all([done, piped]).then(() => undefined);
          restored.catch(() => undefined);
          const stdin = restoreProc.stdin!;
          return async (data) => {
            if (data === null) {
              stdin.end();
              await restored;
              return;
            }
            if (!stdin.write(data))
              await new Promise<void>((resolve, reject) => {
                stdin.once('drain', resolve);
                restored!.catch(reject);
              });
          };
        }
        const target = path.join(staging, ...name.split('/'));
        await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
        const handle = await fs.open(target, 'wx', 0o600);
        return async (data) => {
          if (data === null) {
            await handle.close();
            return;
          }
          await handle.write(data);
        };
      },
    });
    // Every table has exactly the rows it had in the backup, or the whole transaction rolls back.
    const expected = JSON.stringify(verified.end.tables);
    await toSql(`
DO $pmis_check$
DECLARE expected jsonb := ${literal(expected)}::jsonb; t text; n bigint;
BEGIN
  FOR t IN SELECT jsonb_object_keys(expected) LOOP
    EXECUTE format('SELECT count(*) FROM public.%I', t) INTO n;
    IF n IS DISTINCT FROM (expected->>t)::bigint THEN
      RAISE EXCEPTION 'restore check failed: table % has % rows, the backup %', t, n, expected->>t;
    END IF;
  END LOOP;
END $pmis_check$;
`);
    sql.stdin.end();
    await sqlDone;
  } catch (e) {
    restoreProc?.kill('SIGKILL');
    sql.kill('SIGKILL'); // its transaction rolls back
    await fs.rm(staging, { recursive: true, force: true });
    throw e;
  }

  // The database is committed: put the attachments in place.
  await fs.mkdir(path.dirname(attachmentsDir), { recursive: true });
  const old = `${attachmentsDir}.replaced-${process.pid}`;
  const hadDir = !!(await fs.stat(attachmentsDir).catch(() => null));
  try {
    if (hadDir) await fs.rename(attachmentsDir, old);
    await fs.rename(staging, attachmentsDir);
    if (hadDir) await fs.rm(old, { recursive: true, force: true });
  } catch {
    // ATTACHMENTS_DIR is a mount point (cannot be renamed): move the files one by one.
    if (hadDir && !(await fs.stat(attachmentsDir).catch(() => null))) await fs.rename(old, attachmentsDir);
    for (const f of await listFiles(attachmentsDir)) await fs.rm(path.join(attachmentsDir, f));
    for (const f of await listFiles(staging)) {
      await fs.mkdir(path.dirname(path.join(attachmentsDir, f)), { recursive: true, mode: 0o700 });
      await fs.copyFile(path.join(staging, f), path.join(attachmentsDir, f));
    }
    await fs.rm(staging, { recursive: true, force: true });
  }

  // A backup from an older pmis: apply the newer migrations; then the app role's privileges.
  const appRole = (await database.pool.query<{ u: string }>('SELECT current_user AS u')).rows[0].u;
  const ownerPool = new pg.Pool({
    connectionString: ownerUrl,
    max: 1,
    application_name: 'pmis-migrate',
    options: '-c TimeZone=UTC',
  });
  ownerPool.on('error', () => undefined);
  let applied: string[];
  try {
    applied = await migrate(ownerPool, { log, appRole });
  } finally {
    await ownerPool.end();
  }
  return {
    tables: Object.keys(verified.end.tables).length,
    rows: Object.values(verified.end.tables).reduce((a, b) => a + b, 0),
    attachments: verified.end.attachments.count,
    migrations_applied: applied,
    seconds: (Date.now() - started) / 1000,
  };
}
