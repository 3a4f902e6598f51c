/**
 * The migration runner. Migrations are plain SQL files in /migrations, applied in file-name order,
 * each in its own transaction, recorded by name and checksum in `pmis_migration`. A session-level
 * advisory lock lets the server and the CLI start together without applying a migration twice.
 * See docs/decisions/0002-migrations.md for why this is not drizzle-kit's migrator.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { applyAppPrivileges } from './privileges.js';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');
const LOCK_KEY = 7_346_001; // arbitrary, constant: "pmis migrations"

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const names = (await fs.readdir(dir)).filter((n) => n.endsWith('.sql')).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await fs.readFile(path.join(dir, name), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

/**
 * Apply every migration not yet applied. Returns the names applied by this call. Run as the owner
 * role; with `appRole`, the application's role is then given exactly its privileges on every table
 * (src/db/privileges.ts), so tables added by any migration are covered.
 */
export async function migrate(
  pool: pg.Pool,
  opts: { dir?: string; log?: (m: string) => void; appRole?: string } = {},
): Promise<string[]> {
  const files = await readMigrations(opts.dir);
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS pmis_migration (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Map<string, string>(
      (await client.query<{ name: string; checksum: string }>('SELECT name, checksum FROM pmis_migration')).rows.map(
        (r) => [r.name, r.checksum],
      ),
    );
    for (const f of files) {
      const prev = done.get(f.name);
      if (prev !== undefined) {
        if (prev !== f.checksum)
          throw new Error(`Migration ${f.name} was changed after it was applied; write a new migration instead.`);
        continue;
      }
      opts.log?.(`Applying migration ${f.name}`);
      await client.query('BEGIN');
      try {
        await client.query(f.sql);
        await client.query('INSERT INTO pmis_migration (name, checksum) VALUES ($1, $2)', [f.name, f.checksum]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${f.name} failed: ${(e as Error).message}`, { cause: e });
      }
      applied.push(f.name);
    }
    if (opts.appRole) {
      const me = (await client.query<{ u: string }>('SELECT current_user AS u')).rows[0].u;
      if (opts.appRole !== me && (await applyAppPrivileges(client, opts.appRole)))
        opts.log?.(`Privileges of ${opts.appRole} brought in line with the rule`);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    client.release();
  }
  return applied;
}

/** Names of the migrations on disk that the database has not applied yet (any role may ask). */
export async function pendingMigrations(
  client: Pick<pg.ClientBase, 'query'>,
  opts: { dir?: string } = {},
): Promise<string[]> {
  const files = await readMigrations(opts.dir);
  const exists = (await client.query<{ t: string | null }>(`SELECT to_regclass('pmis_migration')::text AS t`)).rows[0]
    .t;
  if (!exists) return files.map((f) => f.name);
  const done = new Set(
    (await client.query<{ name: string }>('SELECT name FROM pmis_migration')).rows.map((r) => r.name),
  );
  return files.filter((f) => !done.has(f.name)).map((f) => f.name);
}
