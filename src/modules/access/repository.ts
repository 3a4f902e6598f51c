/** Account lookups other modules need (who decided, who a partner is): the access module's tables read here only. */
import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/index.js';
import { appUser } from './schema.js';

export interface AccountName {
  username: string;
  displayName: string;
}

/** The usernames and display names of some accounts, by id (unknown ids are simply absent). */
export async function accountNames(db: Tx, ids: readonly string[]): Promise<Map<string, AccountName>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db
    .select({ id: appUser.id, username: appUser.username, displayName: appUser.displayName })
    .from(appUser)
    .where(inArray(appUser.id, unique));
  return new Map(rows.map((r) => [r.id, { username: r.username, displayName: r.displayName }]));
}

/** An account by id or username, with its roles. */
export async function findAccount(
  db: Tx,
  idOrUsername: string,
): Promise<{ id: string; username: string; roles: string[] } | undefined> {
  const isUuid = /^[0-9a-f-]{36}$/i.test(idOrUsername);
  const [u] = await db
    .select({ id: appUser.id, username: appUser.username, roles: appUser.roles })
    .from(appUser)
    .where(isUuid ? eq(appUser.id, idOrUsername) : eq(appUser.username, idOrUsername));
  return u;
}
