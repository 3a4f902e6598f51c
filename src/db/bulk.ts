/**
 * Many rows into one table in one statement, with one parameter: the rows as a JSON array, turned
 * into the table's row type by PostgreSQL (`json_populate_recordset`). Drizzle's multi-row INSERT
 * builds one parameter per value with a type check each, which cost the register import about as
 * much CPU as PostgreSQL's whole work (measured: docs/input.md, speed); this writes the same rows.
 * Columns are those the first row gives (the others take their defaults in the database); rows that
 * do not all give the same columns go through Drizzle's insert instead.
 */
import { getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './index.js';

export async function insertRows<T extends PgTable>(
  db: Tx,
  table: T,
  rows: readonly T['$inferInsert'][],
): Promise<void> {
  if (!rows.length) return;
  const columns: Record<string, { name: string }> = getTableColumns(table);
  const given = (r: Record<string, unknown>) => Object.keys(r).filter((k) => r[k] !== undefined && k in columns);
  const keys = given(rows[0]);
  const same = rows.every((r) => {
    const g = given(r);
    return g.length === keys.length && g.every((k, i) => k === keys[i]);
  });
  if (!same) {
    await db.insert(table).values([...rows]);
    return;
  }
  const json = rows.map((r: Record<string, unknown>) => {
    const o: Record<string, unknown> = {};
    for (const k of keys) {
      const v = r[k];
      o[columns[k].name] = v instanceof Date ? v.toISOString() : v;
    }
    return o;
  });
  const list = sql.join(
    keys.map((k) => sql.identifier(columns[k].name)),
    sql`, `,
  );
  await db.execute(
    sql`INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table}, ${JSON.stringify(json)}::json)`,
  );
}
