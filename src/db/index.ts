import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Config } from '../config.js';
import { openEmbedded, type EmbeddedCluster } from './embedded.js';
import { migrate } from './migrate.js';
import * as schema from './schema.js';

export type Db = NodePgDatabase<typeof schema>;
/** A database handle or an open transaction: repositories accept either. */
export type Tx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

// DATE columns come back as 'YYYY-MM-DD' strings, never as JS Dates shifted by a time zone.
pg.types.setTypeParser(1082, (v: string) => v);
// bigint counts (count(*)) as numbers: pmis never counts past 2^53.
pg.types.setTypeParser(20, (v: string) => Number(v));

export interface Database {
  pool: pg.Pool;
  db: Db;
  kind: 'embedded' | 'external';
  url: string;
  close(): Promise<void>;
}

export function connect(url: string, opts: { applicationName?: string; max?: number } = {}): { pool: pg.Pool; db: Db } {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    application_name: opts.applicationName ?? 'pmis',
    options: '-c TimeZone=UTC',
  });
  pool.on('error', () => { /* an idle client lost its server: the next query reconnects */ });
  return { pool, db: drizzle(pool, { schema }) };
}

/**
 * Open the registry database: the external server named by DATABASE_URL, or the embedded cluster
 * in DATA_DIR/pg (started if needed). Migrations are applied unless `migrate: false`.
 */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  opts: { applicationName?: string; migrate?: boolean; log?: (m: string) => void; max?: number } = {},
): Promise<Database> {
  let cluster: EmbeddedCluster | undefined;
  let url = config.databaseUrl;
  if (!url) {
    cluster = await openEmbedded(config.dataDir, { log: opts.log });
    url = cluster.url();
  }
  const { pool, db } = connect(url, { applicationName: opts.applicationName, max: opts.max });
  // An idle pool closes its connections after 10 s: this one connection stays open while the
  // process runs, so that another pmis process leaving (cluster.release) sees that this one is
  // still here and does not stop the embedded cluster under it.
  const presence = cluster ? new pg.Client({ connectionString: url, application_name: opts.applicationName ?? 'pmis' }) : null;
  try {
    if (presence) {
      presence.on('error', () => { /* the server went away: nothing to keep alive */ });
      await presence.connect();
    }
    if (opts.migrate !== false) await migrate(pool, { log: opts.log });
  } catch (e) {
    await presence?.end().catch(() => undefined);
    await pool.end();
    throw e;
  }
  return {
    pool,
    db,
    kind: cluster ? 'embedded' : 'external',
    url,
    async close() {
      await presence?.end().catch(() => undefined);
      await pool.end();
      await cluster?.release();
    },
  };
}
