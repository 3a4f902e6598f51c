/**
 * The form layer accepts and refuses exactly what the API accepts and refuses. The body schemas are
 * taken from the modules' own route declarations (recorded as they register), so the test follows
 * the API as it changes. For each schema: a valid sample and, leaf by leaf, mutations a form can
 * express (a value outside the list, too long, not a number, out of range, a bad date or id, a
 * required field left out, an unknown field); the JSON goes to the API's validator, the same data
 * as form fields goes to parseForm: same verdict, same fields named, same value when accepted.
 * Then through the real API: what the form parsed is admitted, and a bad enum value is named alike.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { KindGuard, type TSchema } from '@sinclair/typebox';
import Fastify from 'fastify';
import { validateBody } from '../src/core/validation.js';
import { accessRoutes } from '../src/modules/access/routes.js';
import { classificationRoutes } from '../src/modules/classification/routes.js';
import { custodyRoutes } from '../src/modules/custody/routes.js';
import { estateRoutes } from '../src/modules/estate/routes.js';
import { housingRoutes } from '../src/modules/housing/routes.js';
import { identityRoutes } from '../src/modules/identity/routes.js';
import { justiceRoutes } from '../src/modules/justice/routes.js';
import { parseForm, toFormValues } from '../src/web/forms.js';
import { auth, fixture, newArrival, testApp, testConfig, testDatabase } from './helpers.js';
import type { AdmissionView, Problem } from './api.js';

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);

/** Every JSON body schema the API declares, by "METHOD /url". */
async function apiBodySchemas(): Promise<Map<string, TSchema>> {
  const recorder = Fastify().withTypeProvider<TypeBoxTypeProvider>();
  const out = new Map<string, TSchema>();
  recorder.addHook('onRoute', (r) => {
    const body = r.schema?.body;
    if (KindGuard.IsSchema(body)) out.set(`${String(r.method)} ${r.url}`, body);
  });
  const ctx = { database, config: testConfig() };
  for (const routes of [
    custodyRoutes,
    justiceRoutes,
    classificationRoutes,
    housingRoutes,
    identityRoutes,
    estateRoutes,
    accessRoutes,
  ])
    await routes(recorder, ctx);
  await recorder.close();
  return out;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Node = Record<string, unknown>;
const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null && !Array.isArray(x);
const alternatives = (n: Node): Node[] => (Array.isArray(n.anyOf) ? n.anyOf.filter(isNode) : [n]);

/** A value the schema accepts (as far as common keywords go); null when unknown (a pattern we cannot satisfy). */
function sample(n: Node): Json | undefined {
  const alts = alternatives(n).filter((a) => a.type !== 'null');
  const a = alts[0] ?? n;
  if ('const' in a) return a.const as Json;
  if (Array.isArray(a.enum)) return a.enum[0] as Json;
  if (Array.isArray(a.allOf)) {
    const parts = a.allOf.filter(isNode).map(sample);
    return Object.assign({}, ...parts.filter(isNode)) as Json;
  }
  switch (a.type) {
    case 'object': {
      const out: Record<string, Json> = {};
      // a record: one entry (an empty one cannot be written as form fields)
      if (isNode(a.patternProperties))
        for (const p of Object.values(a.patternProperties))
          if (isNode(p)) {
            const v = sample(p);
            if (v !== undefined) out.k1 = v;
          }
      for (const [k, p] of Object.entries(isNode(a.properties) ? a.properties : {})) {
        const v = isNode(p) ? sample(p) : undefined;
        if (v !== undefined) out[k] = v;
      }
      return out;
    }
    case 'array': {
      const item = isNode(a.items) ? sample(a.items) : undefined;
      return item === undefined ? [] : [item];
    }
    case 'integer':
    case 'number': {
      const min = typeof a.minimum === 'number' ? a.minimum : 1;
      return Math.min(typeof a.maximum === 'number' ? a.maximum : min, Math.max(min, 1));
    }
    case 'boolean':
      return true;
    case 'string': {
      if (a.format === 'uuid') return '0190a3a5-7c4f-7b8e-9c1d-2e3f4a5b6c7d';
      if (a.format === 'date-time') return '2026-03-10T09:30:00Z';
      if (a.format === 'date' || a.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return '2026-03-09';
      if (typeof a.pattern === 'string') return 'ABC';
      const len = Math.min(
        typeof a.maxLength === 'number' ? a.maxLength : 5,
        Math.max(typeof a.minLength === 'number' ? a.minLength : 3, 3),
      );
      return 'a'.repeat(len);
    }
    default:
      return undefined;
  }
}

/** Mutations of one leaf or object that a page's form can express. */
function* mutations(
  value: Json,
  n: Node,
  path: string[] = [],
): Generator<{ path: string[]; what: string; apply: (v: Json) => Json }> {
  const set =
    (at: string[], make: (old: Json) => Json | undefined) =>
    (root: Json): Json => {
      const copy = structuredClone(root);
      if (!at.length) return make(copy) ?? copy;
      let cur: Json = copy;
      for (const s of at.slice(0, -1)) cur = (cur as Record<string, Json>)[s]!;
      const last = at[at.length - 1];
      const obj = cur as Record<string, Json>;
      const next = make(obj[last]);
      if (next === undefined) Reflect.deleteProperty(obj, last);
      else obj[last] = next;
      return copy;
    };
  const alts = alternatives(n);
  const a = alts.find((x) => x.type !== 'null') ?? n;
  if (isNode(value) && a.type === 'object' && isNode(a.properties)) {
    const required = Array.isArray(a.required) ? a.required : [];
    for (const k of required)
      if (typeof k === 'string' && k in value)
        yield { path: [...path, k], what: `leave out ${k}`, apply: set([...path, k], () => undefined) };
    if (a.additionalProperties === false)
      yield {
        path: [...path, 'zz_unknown'],
        what: 'unknown field',
        apply: set(path, (o) => ({ ...(o as Record<string, Json>), zz_unknown: 'x' })),
      };
    for (const [k, p] of Object.entries(a.properties))
      if (isNode(p) && k in value) yield* mutations(value[k], p, [...path, k]);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length && isNode(a.items)) yield* mutations(value[0], a.items, [...path, '0']);
    return;
  }
  const here = path.join('.');
  if (
    'const' in a ||
    (alts.length > 1 && alts.every((x) => 'const' in x || x.type === 'null')) ||
    Array.isArray(a.enum)
  ) {
    yield { path, what: `${here}: value outside the list`, apply: set(path, () => 'bogus') };
    return;
  }
  if (a.type === 'string') {
    if (typeof a.maxLength === 'number')
      yield { path, what: `${here}: too long`, apply: set(path, () => 'x'.repeat(Number(a.maxLength) + 1)) };
    if (a.format || a.pattern) yield { path, what: `${here}: malformed`, apply: set(path, () => '2026-13-45x') };
  }
  if (a.type === 'integer' || a.type === 'number') {
    yield { path, what: `${here}: not a number`, apply: set(path, () => 'abc') };
    if (typeof a.maximum === 'number')
      yield { path, what: `${here}: above the maximum`, apply: set(path, () => Number(a.maximum) + 1) };
    if (typeof a.minimum === 'number')
      yield { path, what: `${here}: below the minimum`, apply: set(path, () => Number(a.minimum) - 1) };
    if (a.type === 'integer') yield { path, what: `${here}: not whole`, apply: set(path, () => 1.5) };
  }
  if (a.type === 'boolean') yield { path, what: `${here}: not yes or no`, apply: set(path, () => 'maybe') };
}

/**
 * The pointers the API names for its errors (as http/app.ts does), less a nullable group's noise:
 * when "/period/years" is wrong, ajv also says "/period" is not null — the form names only the field.
 */
function apiPointers(schema: TSchema, json: Json): string[] | 'ok' {
  const r = validateBody(schema, structuredClone(json));
  if (r.ok) return 'ok';
  const at = (e: (typeof r.errors)[number]) =>
    e.keyword === 'required'
      ? `${e.instancePath}/${String(e.params.missingProperty)}`
      : e.keyword === 'additionalProperties'
        ? `${e.instancePath}/${String(e.params.additionalProperty)}`
        : e.instancePath;
  const all = r.errors.filter((e) => e.keyword !== 'anyOf');
  const noise = (e: (typeof r.errors)[number]) =>
    e.keyword === 'type' && e.params.type === 'null' && all.some((x) => at(x).startsWith(`${e.instancePath}/`));
  return [...new Set(all.filter((e) => !noise(e)).map(at))].sort();
}

function formVerdict(schema: TSchema, json: Json): { pointers: string[] | 'ok'; value?: unknown } {
  const r = parseForm(schema, toFormValues(json), { lang: 'fr' });
  if (r.ok) return { pointers: 'ok', value: r.value };
  return { pointers: [...new Set(r.errors.map((e) => e.pointer))].sort() };
}

test('on every API body schema, the form accepts, refuses and names fields as the API does', async (t) => {
  const schemas = await apiBodySchemas();
  assert.ok(schemas.has('POST /api/admissions'), 'the admission schema is among them');
  let compared = 0;
  const differences: string[] = [];
  for (const [route, schema] of schemas) {
    const base = route === 'POST /api/admissions' ? (newArrival() as Json) : sample(schema);
    if (base === undefined || apiPointers(schema, base) !== 'ok') continue; // no valid sample for this one
    const cases = [
      { what: 'valid sample', json: base },
      ...[...mutations(base, schema)].map((m) => ({ what: m.what, json: m.apply(base) })),
    ];
    for (const c of cases) {
      compared++;
      const api = apiPointers(schema, c.json);
      const form = formVerdict(schema, c.json);
      if (JSON.stringify(api) !== JSON.stringify(form.pointers))
        differences.push(`${route} — ${c.what}: API ${JSON.stringify(api)}, form ${JSON.stringify(form.pointers)}`);
      else if (api === 'ok') {
        const apiValue = structuredClone(c.json);
        validateBody(schema, apiValue); // fills the defaults, as the API does
        if (JSON.stringify(form.value) !== JSON.stringify(apiValue) && !deepEqual(form.value, apiValue))
          differences.push(`${route} — ${c.what}: values differ`);
      }
    }
  }
  t.diagnostic(`${schemas.size} body schemas, ${compared} bodies compared`);
  assert.deepEqual(differences, []);
  assert.ok(compared > 200, `${compared} bodies compared`);
});

function deepEqual(a: unknown, b: unknown): boolean {
  try {
    assert.deepStrictEqual(a, b);
    return true;
  } catch {
    return false;
  }
}

test('through the real API: what the admission form parsed is admitted; a bad enum value is named alike by both', async () => {
  const schemas = await apiBodySchemas();
  const schema = schemas.get('POST /api/admissions')!;
  const body = {
    _csrf: 'ignored',
    prison: 'BKO',
    'person.family_name': 'Keïta',
    'person.given_names': 'Oumar',
    'person.sex': 'male',
    'person.birth.precision': 'month',
    'person.birth.date.month': '7',
    'person.birth.date.year': '1991',
    arresting_authority: 'gendarmerie',
    arresting_unit: '',
    'legal_document.kind': 'committal_order',
    'legal_document.authority': "Juge d'instruction, TGI Commune III",
    'legal_document.reference': 'MD-2026-77',
    'legal_document.issued_on.day': '1',
    'legal_document.issued_on.month': '2',
    'legal_document.issued_on.year': '2026',
    'charges.0.qualification': 'Vol qualifié',
    'charges.0.category': 'felony',
    'charges.0.terrorism_related': '1',
    'charges.1.qualification': '',
    'charges.1.category': '',
  };
  const parsed = parseForm(schema, body, {
    lang: 'fr',
    fields: { 'charges.0.terrorism_related': { checkbox: true }, 'charges.1.terrorism_related': { checkbox: true } },
  });
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.errors));
  const admitted = await app.inject({
    method: 'POST',
    url: '/api/admissions',
    headers: { ...auth(fx.tokens['clerk.bko']), 'content-type': 'application/json' },
    payload: JSON.stringify(parsed.value),
  });
  assert.equal(admitted.statusCode, 201, admitted.body);
  assert.equal(admitted.json<AdmissionView>().charges[0].terrorism_related, true);

  const bad = { ...body, 'charges.0.category': 'bogus' };
  const form = parseForm(schema, bad, {
    lang: 'fr',
    fields: { 'charges.0.category': { label: "Catégorie d'infraction" } },
  });
  assert.ok(!form.ok);
  assert.deepEqual(
    form.errors.map((e) => [e.name, e.message]),
    [['charges.0.category', "Catégorie d'infraction\u00a0: choisissez une valeur de la liste"]],
  );
  const refused = await app.inject({
    method: 'POST',
    url: '/api/admissions',
    headers: auth(fx.tokens['clerk.bko']),
    payload: { ...newArrival(), charges: [{ qualification: 'Vol', category: 'bogus' }] },
  });
  assert.equal(refused.statusCode, 422);
  assert.deepEqual(
    [...new Set(refused.json<Problem>().errors!.map((e: { field: string }) => e.field))],
    ['/charges/0/category'],
  );
  assert.deepEqual(
    form.errors.map((e) => e.pointer),
    ['/charges/0/category'],
  );
});
