/**
 * Database errors, classified by their SQLSTATE. The query layer (drizzle) wraps the driver's
 * error (`DrizzleQueryError`, whose message holds the SQL *and its parameters*); the PostgreSQL
 * error is on `cause`. `databaseProblem` turns what the user's input caused into a 4xx naming the
 * field where the constraint tells it; `safeErrorLog` is what may be written to a log: SQLSTATE,
 * constraint, table, column and a hash of the query text — never a value.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../core/errors.js';
import { registerMessages } from '../core/i18n.js';

registerMessages({
  'field.already_used': {
    fr: 'Cette valeur est déjà utilisée (enregistrée en même temps ou avant).',
    en: 'This value is already in use (recorded at the same time or before).',
  },
  'field.unknown_reference': {
    fr: "Référence inconnue : rien n'a cet identifiant.",
    en: 'Unknown reference: nothing has this identifier.',
  },
  'field.invalid_value': {
    fr: "Valeur refusée par les règles de l'enregistrement.",
    en: 'Value refused by the rules of the record.',
  },
  'error.already_exists': { fr: 'Cet enregistrement existe déjà.', en: 'This record already exists.' },
  'error.constraint': {
    fr: 'Refusé par une règle de la base de données ({constraint}).',
    en: 'Refused by a rule of the database ({constraint}).',
  },
  'error.invalid_value': {
    fr: "Une valeur envoyée n'est pas acceptable (hors limites ou mal formée).",
    en: 'A value sent is not acceptable (out of range or malformed).',
  },
  'error.database_busy': {
    fr: 'La base de données est occupée ; réessayez dans un instant.',
    en: 'The database is busy; try again in a moment.',
  },
});

/** The fields of a PostgreSQL error (pg's DatabaseError) that pmis uses. */
export interface PgError {
  code: string;
  constraint?: string;
  table?: string;
  column?: string;
  detail?: string;
  dataType?: string;
  routine?: string;
}

const isPgError = (e: unknown): e is PgError =>
  !!e &&
  typeof e === 'object' &&
  typeof (e as { code?: unknown }).code === 'string' &&
  /^[0-9A-Z]{5}$/.test((e as { code: string }).code) &&
  ('severity' in e || 'routine' in e || 'constraint' in e);

/** The PostgreSQL error behind an error, however many wrappers deep (drizzle's `cause`, ...). */
export function pgErrorOf(err: unknown): PgError | null {
  for (let e = err, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++) if (isPgError(e)) return e;
  return null;
}

/** The SQL text of a failed query (never its parameters), when the query layer kept it. */
function queryOf(err: unknown): string | undefined {
  for (let e = err, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    const q = (e as { query?: unknown }).query;
    if (typeof q === 'string') return q;
  }
  return undefined;
}

/** Where an error was thrown: the stack's frames only (its first lines repeat the message, which may hold values). */
function framesOf(err: unknown): string | undefined {
  const stack = (err as { stack?: unknown })?.stack;
  return typeof stack === 'string'
    ? stack
        .split('\n')
        .filter((l) => /^\s+at /.test(l))
        .slice(0, 12)
        .join('\n')
    : undefined;
}

/** The column(s) named in a constraint error's detail: "Key (prison_id, code)=(…) already exists." → ['prison_id', 'code']. */
export function keyColumns(detail: string | undefined): string[] {
  const m = /^Key \(([^)]*)\)=/.exec(detail ?? '');
  return m ? m[1].split(',').map((c) => c.trim().replace(/^"|"$/g, '')) : [];
}

/** Constraint names whose field cannot be read from the error: the pointer to report. */
const constraintFields = new Map<string, string>([
  ['admission_one_open_idx', 'person_id'],
  ['placement_one_open_idx', 'cell_id'],
  ['cell_leader_one_current_idx', 'admission_id'],
  ['identity_merge_active_idx', 'merged_id'],
]);

/** Let a module name the input field behind one of its constraints (`column` as the API calls it). */
export function registerConstraintField(constraint: string, field: string): void {
  constraintFields.set(constraint, field);
}

/** The JSON pointer of the first property called `name` in a request body, depth first. */
export function findPointer(body: unknown, name: string, pointer = '', depth = 0): string | null {
  if (!body || typeof body !== 'object' || depth > 8) return null;
  const entries = Array.isArray(body) ? body.map((v, i) => [String(i), v] as const) : Object.entries(body);
  for (const [k] of entries) if (k === name && !Array.isArray(body)) return `${pointer}/${k}`;
  for (const [k, v] of entries) {
    const p = findPointer(v, name, `${pointer}/${k}`, depth + 1);
    if (p) return p;
  }
  return null;
}

/** The input field a constraint error is about: from the constraint map, else the key's last column that is not a prison. */
function fieldOf(e: PgError, body: unknown): string | null {
  const cols = keyColumns(e.detail);
  const name =
    (e.constraint && constraintFields.get(e.constraint)) ||
    e.column ||
    cols.filter((c) => c !== 'prison_id').at(-1) ||
    cols.at(-1);
  if (!name) return null;
  return findPointer(body, name) ?? `/${name}`;
}

/**
 * The 4xx answer for a database error the request's data caused, or null for anything else (a bug,
 * or an unavailable database: a 5xx decided elsewhere).
 *   23505 unique → 409 naming the field · 23503 foreign key → 422 naming the field
 *   23502, 23514, 22xxx, 54000 (a value too large for an index) → 422
 *   40001 serialization, 40P01 deadlock, 55P03 lock not available → 409 (try again)
 *   57014 statement cancelled (timeout) → 503
 */
export function databaseProblem(err: unknown, body?: unknown): AppError | null {
  const e = pgErrorOf(err);
  if (!e) return null;
  const c = e.code;
  const field = () => fieldOf(e, body);
  if (c === '23505') {
    const f = field();
    return f
      ? new AppError(409, 'error.validation', {}, [{ field: f, key: 'field.already_used' }])
      : new AppError(409, 'error.already_exists');
  }
  if (c === '23503') {
    const f = field();
    return new AppError(422, 'error.validation', {}, f ? [{ field: f, key: 'field.unknown_reference' }] : []);
  }
  if (c === '23502' || c === '23514' || c === '23P01') {
    // PostgreSQL names a CHECK on one column "<table>_<column>_check".
    const column =
      e.column ??
      (e.table && e.constraint ? new RegExp(`^${e.table}_(\\w+)_check$`).exec(e.constraint)?.[1] : undefined);
    const f = column ? (findPointer(body, column) ?? `/${column}`) : null;
    if (f) return new AppError(422, 'error.validation', {}, [{ field: f, key: 'field.invalid_value' }]);
    return e.constraint
      ? new AppError(422, 'error.constraint', { constraint: e.constraint })
      : new AppError(422, 'error.invalid_value');
  }
  if (c.startsWith('22') || c === '54000') return new AppError(422, 'error.invalid_value');
  if (c === '40001' || c === '40P01' || c === '55P03') return new AppError(409, 'error.conflict');
  if (c === '57014') return new AppError(503, 'error.database_busy');
  return null;
}

/**
 * What an error may put in a log: for a database error its SQLSTATE, constraint, table, column,
 * data type and a hash of the query text (the same query always has the same hash); for any other
 * error its name, code, message and stack. Never the query's parameters nor the error's detail
 * (PostgreSQL repeats the offending values there).
 */
export function safeErrorLog(err: unknown): Record<string, unknown> {
  const pg = pgErrorOf(err);
  if (pg) {
    const q = queryOf(err);
    return {
      type: 'DatabaseError',
      sqlstate: pg.code,
      constraint: pg.constraint,
      table: pg.table,
      column: pg.column,
      dataType: pg.dataType,
      routine: pg.routine,
      query: q
        ? {
            hash: createHash('sha256').update(q).digest('hex').slice(0, 16),
            statement: /^\s*(\w+)/.exec(q)?.[1]?.toLowerCase(),
          }
        : undefined,
      at: framesOf(err),
    };
  }
  const q = queryOf(err);
  if (q !== undefined) {
    // A query error without a PostgreSQL error behind it (e.g. the connection dropped): the cause, not the parameters.
    const cause = (err as { cause?: unknown }).cause;
    return {
      type: 'QueryError',
      query: { hash: createHash('sha256').update(q).digest('hex').slice(0, 16) },
      cause: cause ? safeErrorLog(cause) : undefined,
      at: framesOf(err),
    };
  }
  if (err instanceof Error)
    return { type: err.name, code: (err as { code?: unknown }).code, message: err.message, stack: err.stack };
  return { type: typeof err };
}

// ---------------------------------------------------------------------------------------------
/*
 * Errors that mean "the database is not there right now" rather than "this request is wrong":
 * a dropped or refused connection, a server shutting down, starting or in recovery, a full disk,
 * a read-only database. Such errors are answered 503 (try again later), never 500. The query layer
 * (drizzle) wraps the driver's error: the whole `cause` chain is examined.
 */

/** Why the database is unavailable, for logs and for /health. */
export type Unavailable = 'connection_lost' | 'unreachable' | 'starting' | 'read_only' | 'disk_full' | 'overloaded';

const NODE_CODES: Record<string, Unavailable> = {
  ECONNREFUSED: 'unreachable',
  ENOTFOUND: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  EAI_AGAIN: 'unreachable',
  ECONNRESET: 'connection_lost',
  EPIPE: 'connection_lost',
  ETIMEDOUT: 'connection_lost',
  ECONNABORTED: 'connection_lost',
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
  if (code in NODE_CODES) return NODE_CODES[code];
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
    const why = classifyOne(e);
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
