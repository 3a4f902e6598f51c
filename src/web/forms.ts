/**
 * The one form layer. A page's form posts application/x-www-form-urlencoded fields named by the
 * API's JSON pointers with dots (`person.birth.date`, `charges.0.qualification`); `parseForm`
 * turns them into the very input the API takes (`Static<typeof Schema>`), validated by the same
 * TypeBox schema with the same validator (core/validation.ts), or into errors that name each field
 * in the user's language. It never throws on bad input.
 *
 *   names       dots for objects, numbers for array items; a repeated name is a checkbox group
 *   empty ""    null where the schema allows null, else left out (so "required" names the field);
 *               an array item whose fields are all empty is dropped (spare rows of a form)
 *   numbers     "12", "-3", "400.5" and "400,5" become numbers where the schema wants a number
 *   booleans    "1", "true", "on", "oui", "yes" / "0", "false", "off", "non", "no"
 *   checkbox    unticked sends nothing: declare it (`checkbox: true`) to read false / []
 *   dates       `x.day`, `x.month`, `x.year` become "YYYY-MM-DD"; with only `x.month` and
 *               `x.year` on the form, "YYYY-MM"; with only `x.year`, "YYYY"; `date: 'partial'`
 *               accepts any of the three from one three-part input (imprecise birth dates)
 */
import type { Static, TSchema } from '@sinclair/typebox';
import type { AppError, FieldError } from '../core/errors.js';
import { t, type Lang } from '../core/i18n.js';
import { type ErrorObject, validateBody } from '../core/validation.js';
import { type ErrorSummaryItem, errorSummary } from './components/content.js';
import {
  checkboxes,
  DATE_PARTS,
  dateInput,
  dateInputFirstId,
  type DateVariant,
  type ErrorMessageOptions,
  input,
  type InputOptions,
  radios,
  select,
  type SelectItem,
  textarea,
} from './components/form.js';
import { fieldId, type Content } from './components/shared.js';
import { html, type Raw } from './html.js';
import { kit } from './messages.js';

/** A form body as @fastify/formbody gives it: one string per name, or several for a repeated name. */
export type FormBody = Readonly<Record<string, string | readonly string[] | undefined>>;

export type FormErrorKind =
  | 'required'
  | 'choose'
  | 'enum'
  | 'boolean'
  | 'date'
  | 'too_long'
  | 'too_short'
  | 'number'
  | 'integer'
  | 'range'
  | 'format'
  | 'min_items'
  | 'max_items'
  | 'unexpected'
  | 'invalid';

export interface FieldSpec {
  /** The field's label as the page shows it, in the user's language: every message names it. */
  label?: string;
  /** A date input's parts are joined to one value; 'partial' takes a full date, a month or a year from three boxes. */
  date?: DateVariant | 'partial';
  /** A single checkbox or a checkbox group: sends nothing when unticked, read as false / []. */
  checkbox?: boolean;
  /** The field's own message per kind of error (the text after "Label : "), as GOV.UK recommends. */
  messages?: Partial<Record<FormErrorKind, string>>;
}

export type FieldSpecs = Readonly<Record<string, FieldSpec>>;

export interface ParseOptions {
  lang: Lang;
  /** Per field name: label, date input, checkbox, messages. */
  fields?: FieldSpecs;
  /** Names that are not part of the input (default: names starting with "_", such as _csrf). */
  ignore?: (name: string) => boolean;
  /** Trim leading and trailing spaces (default true). */
  trim?: boolean;
}

export interface FormError {
  /** The form field's name ("charges.0.qualification"). */
  name: string;
  /** The element the error summary links to (a date input's first box, a radio group's first radio). */
  id: string;
  /** The JSON pointer the API would name ("/charges/0/qualification"). */
  pointer: string;
  kind: FormErrorKind | 'service';
  /** In the user's language, naming the field: "Nom de famille : indiquez le nom de famille". */
  message: string;
}

/** A form's errors: one per field, in the order of the page. */
export type FormErrors = readonly FormError[];

/** The message of a field, for its inline error. */
export function errorFor(errors: FormErrors | null | undefined, name: string): string | undefined {
  return errors?.find((e) => e.name === name)?.message;
}

/** One link per bad field, for the error summary (pageLayout's `errors`). */
export function summaryItems(errors: FormErrors | null | undefined): ErrorSummaryItem[] {
  return (errors ?? []).map((e) => ({ text: e.message, href: `#${e.id}` }));
}

export type ParseResult<T> =
  | {
      ok: true;
      value: T;
      /** the form field a JSON pointer of this value came from (array items are renumbered when blank rows are dropped) */ nameOf: (
        pointer: string,
      ) => string;
    }
  | { ok: false; errors: FormError[] };

// ---------------------------------------------------------------------------------------------
// Walking a JSON schema (TypeBox emits plain JSON schema: properties, items, anyOf, allOf, const…).

type Node = Readonly<Record<string, unknown>>;
const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The alternatives a node stands for (anyOf/oneOf flattened; allOf kept as one merged set). */
function branches(node: Node): Node[] {
  const out: Node[] = [];
  const alts = node.anyOf ?? node.oneOf;
  if (Array.isArray(alts)) for (const a of alts) if (isNode(a)) out.push(...branches(a));
  if (Array.isArray(node.allOf)) for (const a of node.allOf) if (isNode(a)) out.push(...branches(a));
  if (!Array.isArray(alts)) out.push(node);
  return out;
}

function safeTest(pattern: string, s: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(s);
  } catch {
    return false;
  }
}

/** The schemas of a property or an array item (a record's pattern properties included). */
function child(nodes: readonly Node[], segment: string): Node[] {
  const out: Node[] = [];
  for (const n of nodes)
    for (const b of branches(n)) {
      const props = b.properties;
      const patterns = isNode(b.patternProperties)
        ? Object.entries(b.patternProperties).filter(([re, p]) => isNode(p) && safeTest(re, segment))
        : [];
      if (isNode(props) && isNode(props[segment])) out.push(props[segment]);
      else if (/^\d+$/.test(segment) && isNode(b.items)) out.push(b.items);
      else if (patterns.length)
        for (const [, p] of patterns) {
          if (isNode(p)) out.push(p);
        }
      else if (isNode(b.additionalProperties)) out.push(b.additionalProperties);
    }
  return out;
}

function types(nodes: readonly Node[]): Set<string> {
  const out = new Set<string>();
  for (const n of nodes)
    for (const b of branches(n)) {
      if (typeof b.type === 'string') out.add(b.type);
      else if (Array.isArray(b.type)) for (const x of b.type) if (typeof x === 'string') out.add(x);
      if ('const' in b) out.add(b.const === null ? 'null' : typeof b.const === 'string' ? 'string' : typeof b.const);
      if (Array.isArray(b.enum)) for (const e of b.enum) out.add(e === null ? 'null' : typeof e);
    }
  return out;
}

const isArrayNode = (nodes: readonly Node[]) => types(nodes).has('array');
/** A union of literals (or an enum): answered by choosing. */
function isChoice(nodes: readonly Node[]): boolean {
  const bs = nodes.flatMap(branches).filter((b) => b.type !== 'null' && b.const !== null);
  return bs.length > 0 && bs.every((b) => 'const' in b || Array.isArray(b.enum) || b.type === 'boolean');
}
function numberBounds(nodes: readonly Node[]): { min?: number; max?: number } {
  let min: number | undefined;
  let max: number | undefined;
  for (const b of nodes.flatMap(branches)) {
    if (typeof b.minimum === 'number') min = b.minimum;
    if (typeof b.maximum === 'number') max = b.maximum;
  }
  return { min, max };
}

function schemaAt(schema: TSchema, segments: readonly string[]): Node[] {
  let nodes: Node[] = [schema];
  for (const s of segments) nodes = child(nodes, s);
  return nodes;
}

// ---------------------------------------------------------------------------------------------
// Leaves.

const TRUE = new Set(['1', 'true', 'on', 'oui', 'yes']);
const FALSE = new Set(['0', 'false', 'off', 'non', 'no']);
const NUMBER = /^[-+]?(\d+([.,]\d+)?|[.,]\d+)$/;

function convert(nodes: readonly Node[], v: string): unknown {
  const ts = types(nodes);
  if (ts.has('string')) return v;
  if ((ts.has('integer') || ts.has('number')) && NUMBER.test(v)) return Number(v.replace(',', '.'));
  if (ts.has('boolean')) {
    const lower = v.toLowerCase();
    if (TRUE.has(lower)) return true;
    if (FALSE.has(lower)) return false;
  }
  return v; // left as text: the validator names the field ("enter a number", "choose yes or no")
}

const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

// ---------------------------------------------------------------------------------------------
// Dates from three boxes.

type Part = 'day' | 'month' | 'year';
const PARTS: readonly Part[] = ['day', 'month', 'year'];
const isPart = (x: string | undefined): x is Part => x === 'day' || x === 'month' || x === 'year';

type DateErrorKey = `kit.form.date.missing.${Part}` | 'kit.form.date.real' | 'kit.form.date.year_digits';

function joinDate(
  parts: Partial<Record<Part, string>>,
  variant: DateVariant | 'partial',
): { value: string } | { empty: true } | { error: DateErrorKey; firstBad: Part } {
  const has = (p: Part) => (parts[p] ?? '') !== '';
  if (!PARTS.some(has)) return { empty: true };
  const need: readonly Part[] =
    variant === 'partial'
      ? has('day')
        ? ['day', 'month', 'year']
        : has('month')
          ? ['month', 'year']
          : ['year']
      : DATE_PARTS[variant];
  const missing = need.find((p) => !has(p));
  if (missing) return { error: `kit.form.date.missing.${missing}` as const, firstBad: missing };
  const num = (p: Part) => (/^\d{1,4}$/.test(parts[p] ?? '') ? Number(parts[p]) : NaN);
  const y = num('year');
  if (!/^\d{4}$/.test(parts.year ?? ''))
    return { error: Number.isNaN(y) ? 'kit.form.date.real' : 'kit.form.date.year_digits', firstBad: 'year' };
  if (!need.includes('month')) return { value: String(y).padStart(4, '0') };
  const m = num('month');
  if (!(m >= 1 && m <= 12)) return { error: 'kit.form.date.real', firstBad: 'month' };
  const mm = String(m).padStart(2, '0');
  if (!need.includes('day')) return { value: `${y}-${mm}` };
  const d = num('day');
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (!(d >= 1 && d <= last)) return { error: 'kit.form.date.real', firstBad: 'day' };
  return { value: `${y}-${mm}-${String(d).padStart(2, '0')}` };
}

// ---------------------------------------------------------------------------------------------
// Messages.

function capitalise(s: string): string {
  return s ? s[0].toLocaleUpperCase('fr') + s.slice(1) : s;
}
/** "Label : message" (fr, no-break space) / "Label: message" (en); without a label, the message capitalised. */
export function fieldMessage(lang: Lang, label: string | undefined, message: string): string {
  if (!label) return capitalise(message);
  // After a colon French and English start in lower case, unless the word is an acronym ("NINA").
  const body = /^\p{Lu}\p{Ll}/u.test(message) ? message[0].toLocaleLowerCase('fr') + message.slice(1) : message;
  return kit.t(lang, 'kit.form.field_message', { label, message: body });
}

const pointerOf = (segments: readonly string[]) => (segments.length ? `/${segments.join('/')}` : '');
const segmentsOf = (pointer: string) =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

/** The element an error about a field links to: its own id, a date input's first box. */
function elementId(
  name: string,
  fields: FieldSpecs | undefined,
  dateVariants: ReadonlyMap<string, DateVariant>,
): string {
  const declared = fields?.[name]?.date;
  const v = dateVariants.get(name) ?? (declared === 'partial' ? 'date' : declared);
  return v ? dateInputFirstId(fieldId(name), v) : fieldId(name);
}

// ---------------------------------------------------------------------------------------------

interface Built {
  value: unknown;
  /** pointer of the built value (compacted indices) → form name (the page's indices) */
  names: Map<string, string>;
  /** form errors found before validation (dates, forbidden names) */
  early: FormError[];
  dateVariants: Map<string, DateVariant>;
}

type Container = { kind: 'object' | 'array'; entries: Map<string, Tree> };
type Tree = Container | { kind: 'leaf'; value: unknown; blank: boolean };

function build(schema: TSchema, body: FormBody, o: ParseOptions): Built {
  const trim = o.trim !== false;
  const ignore = o.ignore ?? ((n: string) => n.startsWith('_'));
  const fields = o.fields ?? {};
  const early: FormError[] = [];
  const dateVariants = new Map<string, DateVariant>();

  // 1. Every name once, with all its values (trimmed).
  const raw = new Map<string, string[]>();
  for (const [name, v] of Object.entries(body)) {
    if (v === undefined || ignore(name)) continue;
    const list = (typeof v === 'string' ? [v] : [...v]).map((x) => (trim ? x.trim() : x));
    raw.set(name, list);
  }

  // 2. Date inputs: `x.day`/`x.month`/`x.year` of a string field become one value `x`.
  const groups = new Map<string, Partial<Record<Part, string>>>();
  for (const [name, v] of raw) {
    const m = /^(.*)\.(day|month|year)$/.exec(name);
    const part = m?.[2];
    if (!m || !isPart(part)) continue;
    const base = m[1];
    const declared = fields[base]?.date;
    const nodes = schemaAt(schema, base.split('.'));
    if (!declared && !(types(nodes).has('string') && !child(nodes, part).length)) continue;
    const g = groups.get(base) ?? {};
    g[part] = v[v.length - 1] ?? '';
    groups.set(base, g);
  }
  for (const [base, parts] of groups) {
    for (const p of PARTS) raw.delete(`${base}.${p}`);
    const declared = fields[base]?.date;
    const shown: DateVariant = 'day' in parts ? 'date' : 'month' in parts ? 'month' : 'year';
    dateVariants.set(base, declared && declared !== 'partial' ? declared : shown);
    const r = joinDate(parts, declared ?? shown);
    if ('value' in r) raw.set(base, [r.value]);
    else if ('empty' in r) raw.set(base, ['']);
    else {
      // Keep what was typed in its place (the structure around it stays whole); the error below wins.
      raw.set(base, [[parts.year, parts.month, parts.day].filter((x) => x !== undefined).join('-')]);
      const spec = fields[base];
      early.push({
        name: base,
        id: `${fieldId(base)}-${r.firstBad in parts ? r.firstBad : DATE_PARTS[dateVariants.get(base)!][0]}`,
        pointer: `/${base.split('.').join('/')}`,
        kind: 'date',
        message: fieldMessage(o.lang, spec?.label ?? base, spec?.messages?.date ?? kit.t(o.lang, r.error)),
      });
    }
  }

  // 3. Unticked checkboxes declared on the page (an unticked box alone does not make a row filled in).
  const unticked = new Set<string>();
  for (const [name, spec] of Object.entries(fields)) {
    if (!spec.checkbox || raw.has(name)) continue;
    raw.set(name, isArrayNode(schemaAt(schema, name.split('.'))) ? [] : ['0']);
    unticked.add(name);
  }

  // 4. The tree, guided by the schema.
  const root: Container = { kind: 'object', entries: new Map() };
  const rejected = new Set<string>();
  for (const [name, values] of raw) {
    const segments = name.split('.');
    if (segments.some((s) => s === '' || FORBIDDEN.has(s))) {
      rejected.add(name);
      continue;
    }
    let node: Container = root;
    let nodes: Node[] = [schema];
    let ok = true;
    for (let i = 0; i < segments.length - 1; i++) {
      const s = segments[i];
      nodes = child(nodes, s);
      const wantArray = /^\d+$/.test(segments[i + 1]) && isArrayNode(nodes);
      let next: Tree | undefined = node.entries.get(s);
      if (!next) {
        next = wantArray ? { kind: 'array', entries: new Map() } : { kind: 'object', entries: new Map() };
        node.entries.set(s, next);
      }
      if (next.kind === 'leaf') {
        ok = false;
        break;
      }
      node = next;
    }
    const last = segments[segments.length - 1];
    if (!ok || node.entries.has(last)) {
      rejected.add(name);
      continue;
    }
    const leafNodes = child(nodes, last);
    if (isArrayNode(leafNodes) && !types(leafNodes).has('string')) {
      const itemNodes = child(leafNodes, '0');
      const filled = values.filter((x) => x !== '');
      node.entries.set(last, {
        kind: 'leaf',
        value: filled.map((x) => convert(itemNodes, x)),
        blank: filled.length === 0,
      });
    } else {
      const v = values[values.length - 1] ?? '';
      if (v === '')
        node.entries.set(last, { kind: 'leaf', value: types(leafNodes).has('null') ? null : undefined, blank: true });
      else node.entries.set(last, { kind: 'leaf', value: convert(leafNodes, v), blank: unticked.has(name) });
    }
  }
  for (const name of rejected) {
    early.push({
      name,
      id: fieldId(name),
      pointer: `/${name.split('.').join('/')}`,
      kind: 'unexpected',
      message: fieldMessage(
        o.lang,
        fields[name]?.label ?? name,
        fields[name]?.messages?.unexpected ?? kit.t(o.lang, 'kit.form.unexpected'),
      ),
    });
  }

  // 5. To plain values: blank array items dropped, indices renumbered (and remembered).
  const names = new Map<string, string>();
  const blank = (tree: Tree): boolean => (tree.kind === 'leaf' ? tree.blank : [...tree.entries.values()].every(blank));
  const plain = (tree: Tree, formPath: string[], pointer: string[]): unknown => {
    names.set(pointerOf(pointer), formPath.join('.'));
    if (tree.kind === 'leaf') return tree.value;
    if (tree.kind === 'array') {
      const kept = [...tree.entries.entries()].filter(([, t]) => !blank(t)).sort((a, b) => Number(a[0]) - Number(b[0]));
      return kept.map(([k, t], i) => plain(t, [...formPath, k], [...pointer, String(i)]));
    }
    const out: Record<string, unknown> = {};
    for (const [k, t] of tree.entries) {
      const v = plain(t, [...formPath, k], [...pointer, k]);
      if (v !== undefined) out[k] = v;
    }
    return out;
  };
  return { value: plain(root, [], []), names, early, dateVariants };
}

/** The form name of a JSON pointer of the built value. */
function nameFor(pointer: string, names: ReadonlyMap<string, string>): string {
  const known = names.get(pointer);
  if (known !== undefined) return known;
  // a property that was not on the form (e.g. a required one left out): its parent's name + the rest
  const segs = segmentsOf(pointer);
  for (let i = segs.length - 1; i >= 0; i--) {
    const parent = names.get(pointerOf(segs.slice(0, i)));
    if (parent !== undefined) return [parent, ...segs.slice(i)].filter(Boolean).join('.');
  }
  return segs.join('.');
}

const PRIORITY: Record<string, number> = {
  required: 0,
  const: 1,
  enum: 1,
  format: 2,
  pattern: 2,
  maxLength: 2,
  minLength: 2,
  minimum: 2,
  maximum: 2,
  exclusiveMinimum: 2,
  exclusiveMaximum: 2,
  minItems: 2,
  maxItems: 2,
  multipleOf: 2,
  additionalProperties: 2,
  type: 3,
  anyOf: 9,
  oneOf: 9,
};

function classify(e: ErrorObject, nodes: readonly Node[], lang: Lang): { kind: FormErrorKind; text: string } {
  const p = e.params;
  const num = (x: unknown) => (typeof x === 'number' ? x : Number(x));
  switch (e.keyword) {
    case 'required':
      return isChoice(nodes)
        ? { kind: 'choose', text: kit.t(lang, 'kit.form.choose') }
        : { kind: 'required', text: kit.t(lang, 'kit.form.required') };
    case 'const':
    case 'enum':
      return { kind: 'enum', text: kit.t(lang, 'kit.form.enum') };
    case 'maxLength':
      return { kind: 'too_long', text: kit.t(lang, 'kit.form.too_long', { max: num(p.limit) }) };
    case 'minLength':
      return num(p.limit) <= 1
        ? { kind: 'required', text: kit.t(lang, 'kit.form.required') }
        : { kind: 'too_short', text: kit.t(lang, 'kit.form.too_short', { min: num(p.limit) }) };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const b = numberBounds(nodes);
      if (b.min !== undefined && b.max !== undefined)
        return { kind: 'range', text: kit.t(lang, 'kit.form.between', { min: b.min, max: b.max }) };
      return e.keyword.endsWith('inimum')
        ? { kind: 'range', text: kit.t(lang, 'kit.form.minimum', { min: num(p.limit) }) }
        : { kind: 'range', text: kit.t(lang, 'kit.form.maximum', { max: num(p.limit) }) };
    }
    case 'minItems':
      return num(p.limit) <= 1
        ? {
            kind: 'required',
            text: isChoice(child(nodes, '0')) ? kit.t(lang, 'kit.form.choose') : kit.t(lang, 'kit.form.required'),
          }
        : { kind: 'min_items', text: kit.t(lang, 'kit.form.min_items', { min: num(p.limit) }) };
    case 'maxItems':
      return { kind: 'max_items', text: kit.t(lang, 'kit.form.max_items', { max: num(p.limit) }) };
    case 'format':
    case 'pattern':
      return { kind: 'format', text: kit.t(lang, 'kit.form.format') };
    case 'additionalProperties':
      return { kind: 'unexpected', text: kit.t(lang, 'kit.form.unexpected') };
    case 'type': {
      const ts = types(nodes);
      if (isChoice(nodes) && !ts.has('boolean')) return { kind: 'enum', text: kit.t(lang, 'kit.form.enum') };
      if (ts.has('integer')) return { kind: 'integer', text: kit.t(lang, 'kit.form.integer') };
      if (ts.has('number')) return { kind: 'number', text: kit.t(lang, 'kit.form.number') };
      if (ts.has('boolean')) return { kind: 'boolean', text: kit.t(lang, 'kit.form.boolean') };
      return { kind: 'invalid', text: kit.t(lang, 'kit.form.invalid') };
    }
    default:
      return { kind: 'invalid', text: kit.t(lang, 'kit.form.invalid') };
  }
}

/**
 * Parse a form body into the API's input for `schema`, or into field errors. Every name is read
 * with the schema's help; the result is validated exactly as the API validates a JSON body.
 */
export function parseForm<S extends TSchema>(
  schema: S,
  body: FormBody | null | undefined,
  options: ParseOptions,
): ParseResult<Static<S>> {
  const lang = options.lang;
  const fields = options.fields ?? {};
  const built = build(schema, body ?? {}, options);
  const checked = validateBody(schema, built.value);
  if (checked.ok && !built.early.length) {
    const names = built.names;
    return { ok: true, value: checked.value, nameOf: (pointer) => nameFor(pointer, names) };
  }
  const items: FormError[] = [...built.early];
  const taken = new Set(items.map((e) => e.name));
  const schemaErrors = checked.ok ? [] : [...checked.errors];
  const where = (e: ErrorObject): string[] => {
    const segs = segmentsOf(e.instancePath);
    if (e.keyword === 'required') segs.push(String(e.params.missingProperty));
    if (e.keyword === 'additionalProperties') segs.push(String(e.params.additionalProperty));
    return segs;
  };
  // For each pointer, the most telling error (a union's "type null" or "anyOf" says little).
  schemaErrors.sort((a, b) => (PRIORITY[a.keyword] ?? 5) - (PRIORITY[b.keyword] ?? 5));
  // The fields on the form, in order (a date input's boxes count as its field).
  const onForm = [
    ...new Set(
      Object.keys(body ?? {}).map((k) =>
        built.dateVariants.has(k.replace(/\.(day|month|year)$/, '')) ? k.replace(/\.(day|month|year)$/, '') : k,
      ),
    ),
  ];
  for (const e of schemaErrors) {
    // "must be null" or "must match a schema in anyOf" beside a real error on this value or inside
    // it is the noise of a union: the real error names the field.
    const noise = (x: ErrorObject) =>
      x.keyword === 'anyOf' || x.keyword === 'oneOf' || (x.keyword === 'type' && x.params.type === 'null');
    if (
      noise(e) &&
      schemaErrors.some(
        (x) =>
          x !== e &&
          !noise(x) &&
          (x.instancePath === e.instancePath || x.instancePath.startsWith(`${e.instancePath}/`)),
      )
    )
      continue;
    const segs = where(e);
    const pointer = pointerOf(segs);
    let name = nameFor(pointer, built.names);
    // An error about a group ("/charges": add at least one; "/legal_document": required) goes to its first field on the form.
    if (!onForm.includes(name)) name = onForm.find((n) => n.startsWith(`${name}.`)) ?? name;
    // An item of a checkbox group ("roles.1", one value ticked among several) is the group's error.
    const item = /^(.*)\.\d+$/.exec(name);
    if (!onForm.includes(name) && item && onForm.includes(item[1])) name = item[1]!;
    if (taken.has(name)) continue;
    taken.add(name);
    const nodes = schemaAt(schema, segs);
    const { kind, text } = classify(e, nodes, lang);
    const spec = fields[name];
    items.push({
      name,
      id: elementId(name, fields, built.dateVariants),
      pointer,
      kind,
      message: fieldMessage(lang, spec?.label ?? name, spec?.messages?.[kind] ?? text),
    });
  }
  return { ok: false, errors: order(items, [...Object.keys(fields), ...Object.keys(body ?? {})]) };
}

/**
 * Errors in the order of the fields on the page: the order of `fields` (declare them in page
 * order), then the body's order (an unticked box sends nothing), unknown ones last.
 */
function order(items: FormError[], keys: readonly string[]): FormError[] {
  const rank = (e: FormError) => {
    const i = keys.findIndex((k) => k === e.name || k.startsWith(`${e.name}.`));
    return i < 0 ? keys.length : i;
  };
  return items
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i)
    .map((x) => x.e);
}

const isFieldList = (e: AppError | readonly FieldError[]): e is readonly FieldError[] => Array.isArray(e);

/**
 * A service's refusal (AppError with field errors as JSON pointers) onto the form's fields. A pointer
 * with no field of its own goes to the first field under it ("/charges" → "charges.0.qualification"),
 * else to `fallback` (the form itself).
 */
export function formErrorsFromService(
  err: AppError | readonly FieldError[],
  o: {
    lang: Lang;
    fields?: FieldSpecs;
    /** the names on the form (the posted body's keys) */ names: readonly string[];
    nameOf?: (pointer: string) => string;
    fallback?: string;
  },
): FormError[] {
  const list: readonly FieldError[] = isFieldList(err) ? err : err.fields;
  const fields = o.fields ?? {};
  const items: FormError[] = [];
  const names = o.names.map((n) => n.replace(/\.(day|month|year)$/, ''));
  for (const f of list) {
    const name = o.nameOf ? o.nameOf(f.field) : segmentsOf(f.field).join('.');
    const target = names.includes(name) ? name : names.find((n) => n.startsWith(`${name}.`));
    const message = f.message ?? t(o.lang, f.key, f.params);
    const label = target ? (fields[target]?.label ?? fields[name]?.label) : undefined;
    const dateVariant =
      target && o.names.some((n) => n.startsWith(`${target}.`) && /\.(day|month|year)$/.test(n))
        ? o.names.includes(`${target}.day`)
          ? 'date'
          : o.names.includes(`${target}.month`)
            ? 'month'
            : 'year'
        : undefined;
    const id = target
      ? dateVariant
        ? dateInputFirstId(fieldId(target), dateVariant)
        : fieldId(target)
      : (o.fallback ?? 'main-content');
    items.push({
      name: target ?? name,
      id,
      pointer: f.field,
      kind: 'service',
      message: fieldMessage(o.lang, label, message),
    });
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// The other way: a typed value (e.g. the current file, to correct it) as form values.

/** Flatten a value into form values: dotted names, "1" for true, "" for null, date fields split into their boxes. */
export function toFormValues(value: unknown, o: { fields?: FieldSpecs } = {}): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const walk = (v: unknown, path: string[]): void => {
    const name = path.join('.');
    const spec = o.fields?.[name];
    if (v === undefined) return;
    if (v === null) {
      out[name] = '';
      return;
    } // an empty field: read back as null
    if (spec?.date && typeof v === 'string') {
      const [y, m, d] = v.split('-');
      if (d !== undefined) out[`${name}.day`] = String(Number(d));
      if (m !== undefined) out[`${name}.month`] = String(Number(m));
      out[`${name}.year`] = y ?? '';
      return;
    }
    if (Array.isArray(v)) {
      if (v.every((x) => typeof x !== 'object' || x === null))
        out[name] = v.filter((x) => x !== null && x !== undefined).map(String);
      else
        v.forEach((x, i) => {
          walk(x, [...path, String(i)]);
        });
      return;
    }
    if (typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
      return;
    }
    if (typeof v === 'boolean') {
      if (v) out[name] = '1';
      else if (!spec?.checkbox) out[name] = '0';
      return;
    }
    out[name] = typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint' ? String(v) : '';
  };
  walk(value, []);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rendering a form: values kept, errors beside each field and in the summary.

export interface FormView {
  readonly lang: Lang;
  readonly errors: FormErrors | null;
  /** The last value sent for a name (what the user typed, kept after an error). */
  value(name: string): string;
  values(name: string): string[];
  /** The inline error of a field, for a component's `errorMessage`. */
  error(name: string): ErrorMessageOptions | undefined;
  /** The error summary (put first in the main content; pageLayout does it from `summary()`). */
  summaryItems(): ErrorSummaryItem[];
  errorSummary(): Raw | null;
  label(name: string): string;
  input(o: {
    name: string;
    label?: string;
    /** Words of the label read by screen readers but not shown (e.g. " of extension" after "Months" in a group of boxes). */
    labelHidden?: string;
    hint?: string;
    type?: InputOptions['type'];
    inputmode?: InputOptions['inputmode'];
    autocomplete?: string;
    classes?: string;
    spellcheck?: boolean;
  }): Raw;
  textarea(o: { name: string; label?: string; hint?: string; rows?: number }): Raw;
  select(o: {
    name: string;
    label?: string;
    hint?: string;
    items: readonly { value: string; text: string }[];
    placeholder?: string;
  }): Raw;
  radios(o: {
    name: string;
    legend?: string;
    hint?: string;
    items: readonly ({ value: string; text: string; hint?: string; conditional?: Raw } | { divider: string })[];
    inline?: boolean;
    small?: boolean;
    legendClasses?: string;
  }): Raw;
  checkboxes(o: {
    name: string;
    legend?: string;
    hint?: string;
    items: readonly { value: string; text: string; hint?: string }[];
    small?: boolean;
  }): Raw;
  /** One checkbox sending "1" (declare it `checkbox: true` for parseForm). */
  checkbox(o: { name: string; label?: string; hint?: string }): Raw;
  date(o: { name: string; legend?: string; hint?: string; variant?: DateVariant }): Raw;
  hidden(name: string, value: string | number): Raw;
}

/**
 * A form's view helpers: each control gets its id (`fieldId(name)`), its value (as sent, or from
 * `values`), its label (from `fields`) and its inline error; `errorSummary()` lists every error
 * with a link to its field.
 */
export function formView(o: {
  lang: Lang;
  values?: FormBody | null;
  errors?: FormErrors | null;
  fields?: FieldSpecs;
  /** Put before every id (and the summary's links): two forms on one page with a field of the same name. */
  idPrefix?: string;
}): FormView {
  const lang = o.lang;
  const pre = o.idPrefix ?? '';
  const idOf = (name: string) => `${pre}${fieldId(name)}`;
  const values = o.values ?? {};
  const errors = o.errors ?? null;
  const all = (name: string): string[] => {
    const v = values[name];
    return v === undefined ? [] : typeof v === 'string' ? [v] : [...v];
  };
  const one = (name: string) => all(name).at(-1) ?? '';
  const labelOf = (name: string, given?: string) => given ?? o.fields?.[name]?.label ?? name;
  const err = (name: string): ErrorMessageOptions | undefined => {
    const m = errorFor(errors, name);
    return m ? { text: m, lang } : undefined;
  };
  // Only the ids of this form's fields take the prefix (a refusal of the whole form keeps its own target).
  const ownId = (e: FormError) => ['', '-day', '-month', '-year'].some((part) => e.id === `${fieldId(e.name)}${part}`);
  const prefixed = pre && errors ? errors.map((e) => (ownId(e) ? { ...e, id: `${pre}${e.id}` } : e)) : errors;
  const hintOf = (h?: string) => (h ? { text: h } : undefined);
  const legend = (text: string, classes?: string): { legend: Content & { classes?: string } } => ({
    legend: { text, classes: classes ?? 'govuk-fieldset__legend--s' },
  });
  return {
    lang,
    errors,
    value: one,
    values: all,
    error: err,
    summaryItems: () => summaryItems(prefixed),
    errorSummary: () => (errors?.length ? errorSummary({ lang, errorList: summaryItems(prefixed) }) : null),
    label: (name) => labelOf(name),
    input: (x) =>
      input({
        id: idOf(x.name),
        name: x.name,
        label: x.labelHidden
          ? {
              html: html`${labelOf(x.name, x.label)}<span class="govuk-visually-hidden">${x.labelHidden}</span>`,
            }
          : { text: labelOf(x.name, x.label) },
        hint: hintOf(x.hint),
        type: x.type,
        inputmode: x.inputmode,
        autocomplete: x.autocomplete,
        classes: x.classes,
        spellcheck: x.spellcheck,
        value: one(x.name),
        errorMessage: err(x.name),
      }),
    textarea: (x) =>
      textarea({
        id: idOf(x.name),
        name: x.name,
        label: { text: labelOf(x.name, x.label) },
        hint: hintOf(x.hint),
        rows: x.rows,
        value: one(x.name),
        errorMessage: err(x.name),
      }),
    select: (x) => {
      const items: SelectItem[] = [
        ...(x.placeholder !== undefined ? [{ value: '', text: x.placeholder }] : []),
        ...x.items,
      ];
      return select({
        id: idOf(x.name),
        name: x.name,
        label: { text: labelOf(x.name, x.label) },
        hint: hintOf(x.hint),
        items,
        value: one(x.name),
        errorMessage: err(x.name),
      });
    },
    radios: (x) =>
      radios({
        name: x.name,
        idPrefix: idOf(x.name),
        value: one(x.name),
        fieldset: legend(labelOf(x.name, x.legend), x.legendClasses),
        hint: hintOf(x.hint),
        errorMessage: err(x.name),
        classes:
          [x.inline ? 'govuk-radios--inline' : '', x.small ? 'govuk-radios--small' : ''].filter(Boolean).join(' ') ||
          undefined,
        items: x.items.map((i) =>
          'divider' in i
            ? { divider: i.divider }
            : {
                value: i.value,
                text: i.text,
                hint: i.hint ? { text: i.hint } : undefined,
                conditional: i.conditional ? { html: i.conditional } : undefined,
              },
        ),
      }),
    checkboxes: (x) =>
      checkboxes({
        name: x.name,
        idPrefix: idOf(x.name),
        values: all(x.name),
        fieldset: legend(labelOf(x.name, x.legend)),
        hint: hintOf(x.hint),
        errorMessage: err(x.name),
        classes: x.small ? 'govuk-checkboxes--small' : undefined,
        items: x.items.map((i) => ({ value: i.value, text: i.text, hint: i.hint ? { text: i.hint } : undefined })),
      }),
    checkbox: (x) =>
      checkboxes({
        name: x.name,
        idPrefix: idOf(x.name),
        values: all(x.name)
          .filter((v) => TRUE.has(v.toLowerCase()))
          .map(() => '1'),
        errorMessage: err(x.name),
        items: [{ value: '1', text: labelOf(x.name, x.label), hint: x.hint ? { text: x.hint } : undefined }],
      }),
    date: (x) => {
      const variant = x.variant ?? 'date';
      const id = idOf(x.name);
      const parts: Partial<Record<Part, string>> = {};
      for (const p of DATE_PARTS[variant]) parts[p] = one(`${x.name}.${p}`);
      return dateInput({
        id,
        namePrefix: x.name,
        variant,
        lang,
        values: parts,
        fieldset: legend(labelOf(x.name, x.legend)),
        hint: hintOf(x.hint),
        errorMessage: err(x.name),
      });
    },
    hidden: (name, value) => html`<input type="hidden" name="${name}" value="${String(value)}">`,
  };
}
