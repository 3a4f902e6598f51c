/**
 * Errors that mean "the database is not there right now" rather than "this request is wrong":
 * a dropped or refused connection, a server shutting down, starting or in recovery, a full disk,
 * a read-only database. Such errors are answered 503 (try again later), never 500. The query layer
 * (drizzle) wraps the driver's error: the whole `cause` chain is examined.
 */

/** Why the database is unavailable, for logs and for /health. */
export type Unavailable = 'connection_lost' | 'unreachable' | 'starting' | 'read_only' | 'disk_full' | 'overloaded';

const NODE_CODES: Record<string, Unavailable> = {
  ECONNREFUSED: 'unreachable', ENOTFOUND: 'unreachable', EHOSTUNREACH: 'unreachable', ENETUNREACH: 'unreachable', EAI_AGAIN: 'unreachable',
  ECONNRESET: 'connection_lost', EPIPE: 'connection_lost', ETIMEDOUT: 'connection_lost', ECONNABORTED: 'connection_lost',
};

// Messages of node-postgres (pg, pg-pool) errors that carry no code.
const DRIVER_MESSAGES: [RegExp, Unavailable][] = [
  [/Connection terminated/i, 'connection_lost'],
  [/not queryable/i, 'connection_lost'],
  [/timeout exceeded when trying to connect/i, 'overloaded'],
  [/Cannot use a pool after calling end/i, 'unreachable'],
];

function classifyOne(e: { code?: unknown; message?: unknown }): Unavailable | null {
  const code = typeof e.code === 'string' ? e.code : '';
  if (code in NODE_CODES) return NODE_CODES[code]!;
  if (/^08/.test(code)) return 'connection_lost'; // connection exception
  if (code === '57P01' || code === '57P02' || code === '57P05') return 'connection_lost'; // admin or crash shutdown, idle timeout
  if (code === '57P03') return 'starting'; // cannot connect now (starting, recovery)
  if (code === '25006') return 'read_only'; // read-only transaction (default_transaction_read_only, hot standby)
  if (code === '53100') return 'disk_full';
  if (code === '53200' || code === '53300') return 'overloaded'; // out of memory, too many connections
  const message = typeof e.message === 'string' ? e.message : '';
  for (const [re, why] of DRIVER_MESSAGES) if (re.test(message)) return why;
  return null;
}

/** The reason this error means the database is unavailable, or null for any other error. */
export function databaseUnavailable(err: unknown): Unavailable | null {
  let e: unknown = err;
  for (let depth = 0; e && typeof e === 'object' && depth < 6; depth++) {
    const why = classifyOne(e as { code?: unknown; message?: unknown });
    if (why) return why;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/** The connection itself was lost or refused (as opposed to a database refusing writes). */
export function isConnectionError(err: unknown): boolean {
  const why = databaseUnavailable(err);
  return why === 'connection_lost' || why === 'unreachable' || why === 'starting';
}
