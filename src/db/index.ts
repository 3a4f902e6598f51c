import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Config } from '../config.js';
import { openEmbedded, type EmbeddedCluster } from './embedded.js';
import { databaseUnavailable, isConnectionError } from './errors.js';
import { migrate, pendingMigrations } from './migrate.js';
import * as schema from './schema.js';

export type Db = NodePgDatabase<typeof schema>;
/** A database handle or an open transaction: repositories accept either. */
export type Tx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

// DATE columns come back as 'YYYY-MM-DD' strings, never as JS Dates shifted by a time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);
// bigint counts (count(*)) as numbers: pmis never counts past 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));

export interface Database {
  pool: pg.Pool;
  db: Db;
  kind: 'embedded' | 'external';
  /** The application's connection (the app role). */
  url: string;
  /** The owner role's connection (migrations, backup, restore), when pmis knows it. */
  ownerUrl?: string;
  close(): Promise<void>;
}

/** A plain SELECT (no locking clause): safe to run again on a fresh connection if the first one dropped. */
export function isRetryableRead(text: string): boolean {
  return (
    /^\s*(\/\*.*?\*\/\s*)*select\b/is.test(text) && !/\bfor\s+(no\s+key\s+)?(update|share|key\s+share)\b/i.test(text)
  );
}

/**
 * A connection pool that survives its database: a client that loses its server, idle or checked
 * out (inside a transaction, between two queries), is dropped from the pool instead of ending the
 * process with an unhandled `error` event; a plain read outside a transaction that fails because
 * its connection dropped (a PostgreSQL restart, `pg_terminate_backend`) is tried once more on a
 * fresh connection. Anything else fails, and the HTTP layer answers 503 (src/db/errors.ts).
 */
export function connect(
  url: string,
  opts: { applicationName?: string; max?: number; log?: (m: string) => void } = {},
): { pool: pg.Pool; db: Db } {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    application_name: opts.applicationName ?? 'pmis',
    options: '-c TimeZone=UTC',
    connectionTimeoutMillis: 30_000,
  });
  let lastReport = 0;
  const report = (err: Error) => {
    // One line at most every 10 s: a restart of PostgreSQL drops every connection at once.
    if (Date.now() - lastReport < 10_000) return;
    lastReport = Date.now();
    opts.log?.(`database connection lost (${databaseUnavailable(err) ?? 'error'}): ${err.message}`);
  };
  // An idle client lost its server: pg-pool removes it; the next query opens a new connection.
  pool.on('error', report);
  // A checked-out client lost its server: its query (if any) fails, and pg-pool discards it on
  // release (it is no longer queryable). Without this listener the `error` event ends the process.
  pool.on('connect', (client) => client.on('error', report));

  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  // Replace the pool's query method (Reflect.set: the typed overloads cannot be assigned directly).
  Reflect.set(pool, 'query', (...args: unknown[]) => {
    if (args.some((a) => typeof a === 'function')) return query(...args); // callback style: untouched
    const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string } | undefined)?.text ?? '');
    const first = query(...args);
    if (!isRetryableRead(text)) return first;
    return first.catch(async (e: unknown) => {
      if (!isConnectionError(e)) throw e;
      await new Promise((r) => setTimeout(r, 100));
      return query(...args);
    });
  });
  return { pool, db: drizzle(pool, { schema }) };
}

async function scalar<T>(pool: pg.Pool, text: string, values: unknown[] = []): Promise<T> {
  return (await pool.query<{ v: T }>(text, values)).rows[0].v;
}

/**
 * Open the registry database: the external server named by DATABASE_URL, or the embedded cluster
 * in DATA_DIR/pg (started if needed). The application connects as the app role; migrations
 * (unless `migrate: false`) run as the owner role, which then grants the app role its privileges
 * (docs/decisions/0004-database-roles.md).
 */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'> & { databaseOwnerUrl?: string },
  opts: { applicationName?: string; migrate?: boolean; log?: (m: string) => void; max?: number } = {},
): Promise<Database> {
  const log = opts.log ?? (() => {});
  let cluster: EmbeddedCluster | undefined;
  let url = config.databaseUrl;
  let ownerUrl = config.databaseOwnerUrl;
  if (!url) {
    cluster = await openEmbedded(config.dataDir, { log: opts.log });
    url = cluster.url('pmis', 'app');
    ownerUrl = cluster.url('pmis', 'owner');
  }
  const { pool, db } = connect(url, { applicationName: opts.applicationName, max: opts.max, log });
  try {
    const appRole = await scalar<string>(pool, 'SELECT current_user AS v');
    if (opts.migrate !== false) {
      if (ownerUrl) {
        const owner = new pg.Pool({
          connectionString: ownerUrl,
          max: 1,
          application_name: 'pmis-migrate',
          options: '-c TimeZone=UTC',
        });
        owner.on('error', () => undefined);
        try {
          await migrate(owner, { log, appRole });
        } finally {
          await owner.end();
        }
      } else {
        const pending = await pendingMigrations(pool);
        const mayCreate = await scalar<boolean>(pool, `SELECT has_schema_privilege('public', 'CREATE') AS v`);
        if (pending.length && !mayCreate) {
          throw new Error(
            `${pending.length} database migration(s) are pending (first: ${pending[0]}) and the role ${appRole} of ` +
              `DATABASE_URL may not apply them: ` +
              'set DATABASE_OWNER_URL to the owner role (or run `pmis migrate` with it) — see docs/deployment.md.',
          );
        }
        if (pending.length) await migrate(pool, { log });
      }
    }
    if (!cluster) {
      const superuser = await scalar<boolean>(pool, `SELECT rolsuper AS v FROM pg_roles WHERE rolname = current_user`);
      const owns = await scalar<boolean>(
        pool,
        `SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ` +
          `'public' AND pg_has_role(c.relowner, 'USAGE')) AS v`,
      );
      if (superuser && process.env.NODE_ENV === 'production') {
        throw new Error(
          `DATABASE_URL connects as ${appRole}, a PostgreSQL superuser: refused in production. Give pmis a role of its ` +
            `own and DATABASE_OWNER_URL for migrations (docs/deployment.md).`,
        );
      }
      if (superuser || owns) {
        log(
          `Warning: DATABASE_URL connects as ${appRole}, which ${superuser ? 'is a superuser' : 'owns the tables'}: the ` +
            `audit trail is not protected against the application. ` +
            'Use a role of its own for DATABASE_URL and set DATABASE_OWNER_URL (docs/deployment.md).',
        );
      }
    }
  } catch (e) {
    await pool.end().catch(() => undefined);
    await cluster?.release();
    throw e;
  }
  return {
    pool,
    db,
    kind: cluster ? 'embedded' : 'external',
    url,
    ownerUrl,
    async close() {
      await pool.end();
      await cluster?.release();
    },
  };
}
