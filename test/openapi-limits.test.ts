/**
 * Every input of the API is bounded, read from the live OpenAPI document (so routes added later are
 * checked too): every string a request may carry — body properties, array items, map values, query
 * and path parameters — has a maxLength, and every integer a minimum and a maximum within
 * PostgreSQL's integer. A string is bounded by construction (and needs no maxLength) when it is an
 * enumeration or a constant, or has the format uuid, date or date-time.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Operation, Schema } from './fuzz/schema.js';
import { testApp, testDatabase } from './helpers.js';

/** Strings that may stay without a maxLength, and why. Keep this list short and justified. */
const EXCEPTIONS: Record<string, string> = {};

const BOUNDED_FORMATS = new Set(['uuid', 'date', 'date-time']);

function unbounded(schema: Schema | undefined, where: string, out: string[], seen = new Set<Schema>()): void {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
  seen.add(schema);
  const types: unknown[] = Array.isArray(schema.type) ? schema.type : [schema.type];
  const enumLike = Array.isArray(schema.enum) || 'const' in schema;
  if (
    types.includes('string') &&
    !enumLike &&
    !BOUNDED_FORMATS.has(schema.format ?? '') &&
    typeof schema.maxLength !== 'number'
  )
    out.push(`${where}: string without maxLength`);
  if (
    types.includes('integer') &&
    (typeof schema.minimum !== 'number' ||
      typeof schema.maximum !== 'number' ||
      schema.maximum > 2 ** 31 - 1 ||
      schema.minimum < -(2 ** 31))
  )
    out.push(`${where}: integer without bounds within PostgreSQL's integer`);
  for (const [k, v] of Object.entries(schema.properties ?? {})) unbounded(v, `${where}/${k}`, out, seen);
  if (schema.items) unbounded(schema.items, `${where}/0`, out, seen);
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
    unbounded(schema.additionalProperties, `${where}/*`, out, seen);
  for (const [k, v] of Object.entries(schema.patternProperties ?? {})) unbounded(v, `${where}/${k}`, out, seen);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const)
    for (const alt of schema[key] ?? []) unbounded(alt, where, out, seen);
}

const database = await testDatabase();
const app = await testApp(database);

test('every string and integer a request may carry has a bound (OpenAPI document)', async (t) => {
  const doc = (await app.inject({ url: '/api/openapi.json' })).json<{
    paths: Record<string, Record<string, Operation>>;
  }>();
  const problems: string[] = [];
  let inputs = 0;
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const name = `${method.toUpperCase()} ${path}`;
      for (const p of op.parameters ?? []) {
        inputs++;
        unbounded(p.schema, `${name} ${p.in}:${p.name}`, problems);
      }
      const body = op.requestBody?.content?.['application/json']?.schema;
      if (body) {
        inputs++;
        unbounded(body, `${name} body`, problems);
      }
    }
  }
  const left = problems.filter((p) => !Object.keys(EXCEPTIONS).some((e) => p.startsWith(e)));
  t.diagnostic(`${inputs} request inputs checked, ${problems.length - left.length} documented exceptions`);
  assert.deepEqual(left, []);
});
