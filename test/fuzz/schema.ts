/**
 * Request generation from the OpenAPI document's JSON schemas, for the fuzz test: a plausible
 * value for a schema, the leaves of a body, and the bad values to put in each leaf.
 */
/** The parts of a JSON schema (as the OpenAPI document publishes it) that generation reads. */
export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  nullable?: boolean;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  patternProperties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  required?: string[];
  items?: Schema;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
}

/** A parameter of an OpenAPI operation (path or query). */
export interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema: Schema;
}

/** An operation of the OpenAPI document, as far as the fuzz test reads it. */
export interface Operation {
  summary?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema } | undefined> };
}

export interface GenContext {
  /** A known id for a uuid property, by its name (cell_id, person_id, …), or undefined for a random one. */
  uuidFor(name: string): string | undefined;
  /** A fresh counter: every generated body gets new codes, so creations do not collide. */
  serial(): number;
  random(): number;
}

const NULL_TYPES = (s: Schema) =>
  s.type === 'null' || (Array.isArray(s.enum) && s.enum.length === 1 && s.enum[0] === null);

/** The non-null branch of a nullable schema (OpenAPI 3.0 `nullable`, or anyOf [T, null]). */
export function nonNull(s: Schema): Schema {
  const alts = s.anyOf ?? s.oneOf;
  if (Array.isArray(alts)) {
    const rest = alts.filter((x) => !NULL_TYPES(x));
    if (rest.length === 1) return nonNull(rest[0]);
  }
  return s;
}

export const isNullable = (s: Schema) => s.nullable === true || (s.anyOf ?? s.oneOf ?? []).some(NULL_TYPES);

/** The literal values of an enum-like schema (enum, const, or anyOf of those), or null. */
export function literals(s: Schema): unknown[] | null {
  if (Array.isArray(s.enum)) return s.enum;
  if ('const' in s) return [s.const];
  const alts = s.anyOf ?? s.oneOf;
  if (Array.isArray(alts)) {
    const parts = alts.filter((x) => !NULL_TYPES(x)).map(literals);
    if (parts.length && parts.every(Boolean)) return parts.flatMap((p) => p ?? []);
  }
  return null;
}

export function typeOf(s: Schema): string | undefined {
  const n = nonNull(s);
  if (Array.isArray(n.type)) return n.type.find((t) => t !== 'null');
  if (n.type) return n.type;
  if (n.properties) return 'object';
  const lit = literals(n);
  if (lit && lit.length) return typeof lit[0];
  return undefined;
}

function stringFor(s: Schema, name: string, ctx: GenContext): string {
  const k = ctx.serial();
  if (s.format === 'uuid') return ctx.uuidFor(name) ?? randomUuid(ctx);
  if (s.format === 'date') return '2026-01-15';
  if (s.format === 'date-time') return '2026-01-15T10:00:00Z';
  if (s.format === 'email') return `fz${k}@example.org`;
  const tag = k.toString(36).toUpperCase();
  const candidates = name === 'prison' ? ['BKO'] : [];
  candidates.push(
    `FZ${tag}`,
    `fz${tag.toLowerCase()}`,
    `fz_${tag.toLowerCase()}`,
    'XOF',
    '2026',
    '2026-01',
    '2026-01-15',
    'a',
    'A',
  );
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 10_000;
  const re = s.pattern ? new RegExp(s.pattern, 'u') : null;
  for (const c of candidates) {
    const v = c.length >= min ? c : c.padEnd(min, 'z');
    if (v.length <= max && (!re || re.test(v))) return v;
  }
  if (name === 'code') return `FZ${tag}`;
  return 'Fuzz'.padEnd(Math.max(min, 4), 'z').slice(0, Math.max(min, Math.min(max, 4)));
}

export function randomUuid(ctx: GenContext): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(ctx.random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A value the schema accepts (as far as a schema alone can tell), with only the required properties. */
export function sample(schema: Schema, ctx: GenContext, name = '', depth = 0): unknown {
  const s = nonNull(schema);
  if ('default' in s && depth > 0) return s.default;
  const lit = literals(s);
  if (lit && lit.length) return lit[0];
  if (Array.isArray(s.allOf))
    return Object.assign({}, ...s.allOf.map((x) => sample(x, ctx, name, depth + 1))) as unknown;
  const alts = s.anyOf ?? s.oneOf;
  if (Array.isArray(alts) && alts.length) return sample(alts[0], ctx, name, depth + 1);
  switch (typeOf(s)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const k of s.required ?? []) if (s.properties?.[k]) out[k] = sample(s.properties[k], ctx, k, depth + 1);
      return out;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items ?? {}, ctx, name, depth + 1));
    case 'string':
      return stringFor(s, name, ctx);
    case 'integer':
      return Math.min(s.maximum ?? 1, Math.max(s.minimum ?? 1, 1));
    case 'number':
      return Math.min(s.maximum ?? 1, Math.max(s.minimum ?? 1, 1));
    case 'boolean':
      return false;
    default:
      return 'x';
  }
}

export interface Leaf {
  path: (string | number)[];
  schema: Schema;
  required: boolean;
  parent: Schema | null;
}

/** Every property of a body schema, nested ones included (first array item), with whether its parent requires it. */
export function leaves(
  schema: Schema,
  path: (string | number)[] = [],
  out: Leaf[] = [],
  depth = 0,
  parent: Schema | null = null,
  required = true,
): Leaf[] {
  const s = nonNull(schema);
  if (path.length) out.push({ path, schema, required, parent });
  if (depth > 5) return out;
  const t = typeOf(s);
  if (t === 'object' && s.properties) {
    for (const [k, v] of Object.entries(s.properties))
      leaves(v, [...path, k], out, depth + 1, s, (s.required ?? []).includes(k));
  } else if (t === 'array' && s.items) {
    leaves(s.items, [...path, 0], out, depth + 1, s, true);
  } else if (Array.isArray(s.anyOf ?? s.oneOf) && !literals(s)) {
    // A union of objects: the first branch's properties.
    const first = (s.anyOf ?? s.oneOf ?? [])[0];
    if (first && typeOf(first) === 'object')
      for (const [k, v] of Object.entries(first.properties ?? {}))
        leaves(v, [...path, k], out, depth + 1, first, (first.required ?? []).includes(k));
  }
  return out;
}

/** Set a value at a path, creating the objects and arrays on the way (the value under it may be absent). */
export function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(root ?? {}) as Record<string | number, unknown>;
  let cur: Record<string | number, unknown> = copy;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i];
    if (cur[k] === undefined || cur[k] === null || typeof cur[k] !== 'object')
      cur[k] = typeof path[i + 1] === 'number' ? [] : {};
    cur = cur[k] as Record<string | number, unknown>;
  }
  const last = path.at(-1)!;
  if (value === DELETE) Reflect.deleteProperty(cur, last);
  else cur[last] = value;
  return copy;
}
export const DELETE = Symbol('delete');

export interface Mutation {
  label: string;
  value: unknown;
}

export const IMPOSSIBLE_DATES = [
  '2025-02-30',
  '0000-00-00',
  '2026-13-45',
  '2026-02-29',
  '99999-01-01',
  '2026-01-15T25:61:00Z',
];
export const HUGE_NUMBERS = [2 ** 31, -(2 ** 31) - 1, 1e308, -1e308, 2 ** 53 + 2, 1.5];

/**
 * The bad values to try in one leaf, from its schema: wrong types, NUL, surrogates, huge text,
 * impossible dates, huge numbers, unknown ids, null, unknown codes.
 */
export function mutationsFor(leaf: Leaf, ctx: GenContext): Mutation[] {
  const s = nonNull(leaf.schema);
  const t = typeOf(s);
  const name = String(leaf.path.at(-1));
  const out: Mutation[] = [];
  const lit = literals(s);
  if (!isNullable(leaf.schema)) out.push({ label: 'null', value: null });
  if (leaf.required) out.push({ label: 'missing', value: DELETE });
  if (t === 'string') {
    out.push({ label: 'number-for-string', value: 12345 });
    out.push(
      { label: 'NUL', value: `Tra\u0000oré` },
      { label: 'lone-surrogate', value: `Tra\ud800oré` },
      { label: 'lone-low-surrogate', value: `\udc00` },
    );
    out.push({ label: 'huge-string', value: 'x'.repeat(Math.max((s.maxLength ?? 0) + 1, 100_000)) });
    if (s.maxLength) out.push({ label: 'max-length-string', value: 'é'.repeat(s.maxLength) });
    if (lit) out.push({ label: 'unknown-enum', value: 'zz_not_a_value' });
    if (s.format === 'uuid')
      out.push({ label: 'unknown-uuid', value: randomUuid(ctx) }, { label: 'bad-uuid', value: 'not-a-uuid' });
    if (s.format === 'date' || s.format === 'date-time' || /(_on|_at|date|_from|_to|until|since)$/.test(name)) {
      for (const d of IMPOSSIBLE_DATES) out.push({ label: `impossible-date ${d}`, value: d });
    }
    if (!s.format && !lit)
      out.push(
        { label: 'empty-string', value: '' },
        { label: 'spaces', value: '   ' },
        { label: 'unknown-code', value: 'ZZ-UNKNOWN' },
      );
  } else if (t === 'integer' || t === 'number') {
    out.push({ label: 'string-for-number', value: 'abc' });
    for (const n of HUGE_NUMBERS) out.push({ label: `huge-number ${n}`, value: n });
    out.push({ label: 'negative', value: -1 });
  } else if (t === 'boolean') {
    out.push({ label: 'string-for-boolean', value: 'yes' });
  } else if (t === 'array') {
    out.push(
      { label: 'object-for-array', value: {} },
      { label: 'huge-array', value: Array.from({ length: 5000 }, () => 'x') },
    );
  } else if (t === 'object') {
    out.push({ label: 'array-for-object', value: [] }, { label: 'extra-property', value: { zz_extra: 1 } });
  } else {
    out.push({ label: 'NUL', value: 'a\u0000' }, { label: 'object', value: { a: 1 } });
  }
  return out;
}

/** Bad text for a query-string or path parameter, already URL-encoded. */
export function textMutations(s: Schema): Mutation[] {
  const n = nonNull(s);
  const t = typeOf(n);
  const out: Mutation[] = [
    { label: 'NUL', value: 'Tra%00or%C3%A9' },
    { label: 'invalid-utf8', value: '%ED%A0%80%FF' },
    { label: 'bad-percent', value: '%zz%' },
    { label: 'huge', value: 'x'.repeat(20_000) },
    { label: 'empty', value: '' },
    { label: 'array', value: ['a', 'b'] },
  ];
  if (t === 'integer' || t === 'number')
    out.push(
      { label: '1e308', value: '1e308' },
      { label: '2^31', value: String(2 ** 31) },
      { label: 'NaN', value: 'NaN' },
      { label: 'negative', value: '-5' },
      { label: 'float', value: '1.5' },
    );
  if (n.format === 'date' || n.format === 'date-time')
    for (const d of IMPOSSIBLE_DATES) out.push({ label: `impossible-date ${d}`, value: d });
  if (n.format === 'uuid') out.push({ label: 'bad-uuid', value: 'not-a-uuid' });
  if (literals(n)) out.push({ label: 'unknown-enum', value: 'zz' });
  return out;
}
