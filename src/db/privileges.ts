/**
 * What the application's database role may do (docs/decisions/0004-database-roles.md).
 *
 * Two roles: the OWNER owns the schema and runs the migrations; the APP role, which the server and
 * the CLI use for everything else, owns nothing. After every migration run the owner applies the
 * rule below, so a table created by a later migration is covered without anyone listing it:
 *  - every table: SELECT, INSERT, UPDATE (never DELETE, TRUNCATE, REFERENCES or TRIGGER; no DDL);
 *  - APPEND_ONLY tables: SELECT and INSERT only (triggers refuse UPDATE, DELETE and TRUNCATE too);
 *  - DELETABLE tables: also DELETE (derived data that pmis recomputes: search keys and their queue);
 *  - pmis_migration: SELECT only;
 *  - sequences: USAGE, SELECT.
 * A new table whose rows the application must delete (or that must be append-only) is added to the
 * list here, in the same change as its migration.
 */
import type pg from 'pg';

/** Audit tables: the app role may read and append, never change or remove. */
export const APPEND_ONLY_TABLES: readonly string[] = ['change_log', 'access_audit'];
/** Derived tables the application clears and refills: the app role may DELETE their rows. */
export const DELETABLE_TABLES: readonly string[] = ['identity_key', 'identity_key_queue'];
/** Read-only for the app role. */
export const READ_ONLY_TABLES: readonly string[] = ['pmis_migration'];

type Priv = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE' | 'TRUNCATE' | 'REFERENCES' | 'TRIGGER';
const ALL_PRIVS: readonly Priv[] = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'];

/** The privileges the app role should hold on a table, by the rule above. */
export function expectedPrivileges(table: string): Set<Priv> {
  if (READ_ONLY_TABLES.includes(table)) return new Set(['SELECT']);
  if (APPEND_ONLY_TABLES.includes(table)) return new Set(['SELECT', 'INSERT']);
  if (DELETABLE_TABLES.includes(table)) return new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE']);
  return new Set(['SELECT', 'INSERT', 'UPDATE']);
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

type Queryable = Pick<pg.ClientBase, 'query'>;

/** Tables and views of the public schema, with the app role's current privileges. */
async function currentPrivileges(client: Queryable, appRole: string): Promise<Map<string, Set<Priv>>> {
  const r = await client.query<{ table: string; privs: string[] }>(
    `SELECT c.relname AS table,
            ARRAY(SELECT p FROM unnest($2::text[]) AS p WHERE has_table_privilege($1::name, c.oid, p)) AS privs
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')`,
    [appRole, ALL_PRIVS],
  );
  return new Map(r.rows.map((x) => [x.table, new Set(x.privs as Priv[])]));
}

/** What differs from the rule, as readable lines (empty when the app role holds exactly what it should). */
export async function privilegeProblems(client: Queryable, appRole: string): Promise<string[]> {
  const problems: string[] = [];
  const role = (
    await client.query<{ rolsuper: boolean; rolcreaterole: boolean; rolcreatedb: boolean; rolbypassrls: boolean }>(
      'SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname = $1',
      [appRole],
    )
  ).rows[0];
  if (!role) return [`role ${appRole} does not exist`];
  if (role.rolsuper) problems.push(`${appRole} is a superuser`);
  if (role.rolcreaterole) problems.push(`${appRole} may create roles`);
  const owns = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND pg_has_role($1::name, c.relowner, 'USAGE')`,
    [appRole],
  );
  if (owns.rows[0].n > 0) problems.push(`${appRole} owns (or inherits the owner of) ${owns.rows[0].n} relations`);
  const create = await client.query<{ ok: boolean }>(
    `SELECT has_schema_privilege($1::name, 'public', 'CREATE') AS ok`,
    [appRole],
  );
  if (create.rows[0].ok) problems.push(`${appRole} may create objects in schema public`);
  for (const [table, have] of await currentPrivileges(client, appRole)) {
    const want = expectedPrivileges(table);
    const missing = [...want].filter((p) => !have.has(p));
    const extra = [...have].filter((p) => !want.has(p));
    if (missing.length) problems.push(`${table}: ${appRole} lacks ${missing.join(', ')}`);
    if (extra.length) problems.push(`${table}: ${appRole} has ${extra.join(', ')}`);
  }
  return problems;
}

/**
 * Give the app role exactly the privileges of the rule on every table of the public schema. Run by
 * the owner after the migrations, under the migration lock (concurrent GRANTs on one table fail).
 * Cheap when nothing changed: privileges are only rewritten when they differ from the rule.
 */
export async function applyAppPrivileges(client: Queryable, appRole: string): Promise<boolean> {
  const current = await currentPrivileges(client, appRole);
  const fix: string[] = [];
  for (const [table, have] of current) {
    const want = expectedPrivileges(table);
    if (have.size === want.size && [...want].every((p) => have.has(p))) continue;
    fix.push(`REVOKE ALL ON TABLE ${ident(table)} FROM ${ident(appRole)}`);
    fix.push(`GRANT ${[...want].join(', ')} ON TABLE ${ident(table)} TO ${ident(appRole)}`);
  }
  const schemaUsage = (
    await client.query<{ ok: boolean }>(`SELECT has_schema_privilege($1::name, 'public', 'USAGE') AS ok`, [appRole])
  ).rows[0].ok;
  if (!schemaUsage) fix.unshift(`GRANT USAGE ON SCHEMA public TO ${ident(appRole)}`);
  const sequences = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'S' AND NOT CASE WHEN c.relkind = 'S' THEN has_sequence_privilege($1::name, c.oid, 'USAGE') END`,
    [appRole],
  );
  for (const s of sequences.rows) fix.push(`GRANT USAGE, SELECT ON SEQUENCE ${ident(s.name)} TO ${ident(appRole)}`);
  if (!fix.length) return false;
  await client.query('BEGIN');
  try {
    for (const q of fix) await client.query(q);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
  return true;
}
