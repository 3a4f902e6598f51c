/**
 * When demo data may be loaded (secure by default, issue 10): only when asked for (`PMIS_DEMO=1`,
 * `pmis serve --demo`, `npm run demo`, `pmis seed-demo`), never into a database that already holds
 * accounts or prisons, never into an external database (DATABASE_URL) without a second flag, never
 * in production. And which demo accounts still have the published password.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { activeAccountsWithPassword } from '../modules/access/index.js';
import { DEMO_PASSWORD, DEMO_USERS } from './seed.js';

export interface DemoRequest {
  /** Demo data asked for. */
  demo: boolean;
  /** The database is an external server (DATABASE_URL). */
  external: boolean;
  /** PMIS_DEMO_EXTERNAL=1 / --allow-external. */
  allowExternal: boolean;
  production: boolean;
}

/** Load demo data? `reason` says why not, when it was asked for. */
export function demoDecision(
  r: DemoRequest,
  facts: { users: number; prisons: number },
): { load: boolean; reason: string | null } {
  if (!r.demo) return { load: false, reason: null };
  if (r.production) return { load: false, reason: 'demo data is never loaded in production (NODE_ENV=production).' };
  if (r.external && !r.allowExternal)
    return {
      load: false,
      reason:
        'the database is an external server (DATABASE_URL): set PMIS_DEMO_EXTERNAL=1 too (or --allow-external) if it ' +
        'is a throw-away database.',
    };
  if (facts.users > 0)
    return {
      load: false,
      reason: `the database already holds ${facts.users} user account(s): demo data is never loaded into it.`,
    };
  if (facts.prisons > 0)
    return { load: false, reason: 'the registry is not empty: demo data is loaded only into an empty registry.' };
  return { load: true, reason: null };
}

export async function registryFacts(database: Database): Promise<{ users: number; prisons: number }> {
  const r = await database.db.execute<{ users: number; prisons: number }>(
    sql`SELECT (SELECT count(*)::int FROM app_user) AS users, (SELECT count(*)::int FROM prison) AS prisons`,
  );
  return r.rows[0];
}

/** The active demo accounts whose password is still the published one. */
export async function demoAccountsWithPublishedPassword(database: Database): Promise<string[]> {
  return activeAccountsWithPassword(
    database.db,
    DEMO_USERS.map((u) => u.username),
    DEMO_PASSWORD,
  );
}

/** The lines printed at start when demo accounts are there (never otherwise). */
export function demoLoginLines(url: string, accounts: string[]): string[] {
  if (!accounts.length) return [];
  const lines = [`Demo logins — password for all: ${DEMO_PASSWORD}`];
  for (const u of DEMO_USERS)
    if (accounts.includes(u.username))
      lines.push(
        `  ${u.username.padEnd(15)} ${u.roles.join(', ')} (${u.prisons?.join(', ') ?? u.jurisdictions?.join(', ') ?? 'national'})`,
      );
  const api = accounts.includes('greffier.bko') ? 'greffier.bko' : accounts[0];
  lines.push(
    `API token: curl -s -X POST ${url}/api/auth/token -H 'content-type: application/json' -d '{"username":"${api}","password":"${DEMO_PASSWORD}"}'`,
  );
  return lines;
}
