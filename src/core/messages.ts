/**
 * Typed message tables. A module declares its table once, French and English for every key:
 *
 *   export const m = defineMessages({
 *     'reception.title': { fr: 'Réception', en: 'Reception' },
 *     'reception.count': { fr: '{n} arrivées', en: '{n} arrivals' },
 *     'reception.status.open': { fr: 'En cours', en: 'Open' },
 *     'reception.status.closed': { fr: 'Close', en: 'Closed' },
 *   });
 *   m.t(lang, "reception.count", { n: 3 });      // parameters typed from the text: { n } required
 *   m.t(lang, "reception.titel");                // compile error: unknown key
 *   const status = m.family('reception.status.', STATUSES); // keys built from an enum, declared
 *   status(lang, r.status);                     // compile error if a value has no key
 *
 * The table is registered into the shared catalogue (core/i18n.ts), so `t(lang, key)` and
 * AppError keys keep working. `messagesUsedIn` lists, for a test, every key a module's sources
 * use (literal keys and declared families) so the test can assert each exists in both languages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { getMessage, registerMessages, type Lang } from './i18n.js';

export interface Message {
  readonly fr: string;
  readonly en: string;
}
export type MessageTable = Readonly<Record<string, Message>>;

/** The `{name}` placeholders of a text, as a union of names. */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;
type ParamsOf<M extends Message> = Placeholders<M['fr']> | Placeholders<M['en']>;
/** The parameters argument of `t` for one message: absent when it has no placeholder, required otherwise. */
export type ParamsArg<M extends Message> = [ParamsOf<M>] extends [never]
  ? [params?: Record<string, never>]
  : [params: Record<ParamsOf<M>, string | number>];

/** The values V such that `${P}${V}` is a key of the table. */
export type FamilySuffix<T extends MessageTable, P extends string> = keyof T extends infer K
  ? K extends `${P}${infer S}`
    ? S
    : never
  : never;

export interface Family<V extends string> {
  (lang: Lang, value: V, params?: Record<string, string | number>): string;
  readonly prefix: string;
  readonly values: readonly V[];
  /** The message key of one value. */
  key(value: V): string;
}

export interface Messages<T extends MessageTable> {
  readonly table: T;
  /** The text of a key in a language, placeholders filled. */
  t<K extends keyof T & string>(lang: Lang, key: K, ...params: ParamsArg<T[K]>): string;
  /** Both languages of a key (e.g. for a CSV header row or a bilingual printout). */
  both<K extends keyof T & string>(key: K, ...params: ParamsArg<T[K]>): { fr: string; en: string };
  /** Declare keys built at run time from an enum's values: `${prefix}${value}`; every value must have its key. */
  family<P extends string, V extends FamilySuffix<T, P>>(prefix: P, values: readonly V[]): Family<V>;
  /** Every key declared in the table. */
  keys(): (keyof T & string)[];
  /** The families declared so far (for the completeness test). */
  families(): readonly { prefix: string; values: readonly string[] }[];
}

function fill(text: string, params: Record<string, string | number> | undefined): string {
  return text.replace(/\{(\w+)\}/g, (whole, p: string) => (params && p in params ? String(params[p]) : whole));
}

/**
 * Declare a module's message table (checked for both languages, non-empty, the same placeholders
 * in fr and en) and register it in the shared catalogue.
 */
export function defineMessages<const T extends MessageTable>(table: T): Messages<T> {
  const problems: string[] = [];
  for (const [key, m] of Object.entries(table)) {
    if (!m.fr.trim() || !m.en.trim()) problems.push(`${key}: empty text`);
    const names = (s: string) =>
      [...s.matchAll(/\{(\w+)\}/g)]
        .map((x) => x[1])
        .sort()
        .join(',');
    if (names(m.fr) !== names(m.en)) problems.push(`${key}: placeholders differ between fr and en`);
  }
  if (problems.length) throw new Error(`message table: ${problems.join('; ')}`);
  registerMessages(table);
  const declared: { prefix: string; values: readonly string[] }[] = [];
  const text = (lang: Lang, key: string, params?: Record<string, string | number>): string => {
    const m = table[key];
    return m ? fill(m[lang], params) : key;
  };
  return {
    table,
    t: (lang, key, ...params) => text(lang, key, params[0]),
    both: (key, ...params) => ({ fr: text('fr', key, params[0]), en: text('en', key, params[0]) }),
    family<P extends string, V extends FamilySuffix<T, P>>(prefix: P, values: readonly V[]): Family<V> {
      const keyOf = (v: V): string => prefix + String(v);
      const missing = values.filter((v) => !(keyOf(v) in table));
      if (missing.length) throw new Error(`message family ${prefix}*: no message for ${missing.join(', ')}`);
      declared.push({ prefix, values });
      const f = (lang: Lang, value: V, params?: Record<string, string | number>) => text(lang, keyOf(value), params);
      return Object.assign(f, { prefix, values, key: keyOf });
    },
    keys: () => Object.keys(table).filter((k): k is keyof T & string => k in table),
    families: () => declared,
  };
}

/** Every .ts file under a directory (tests excluded). */
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

/**
 * Test utility: every message key a module uses — literal keys passed to `t(…, 'key')`,
 * `m.t(…, 'key')`, `new AppError(…, 'key')` or `{ key: 'key' }` in its sources, plus every key of
 * the families it declared — with the file that uses it. Keys built at run time must be declared
 * as a family (`m.family(prefix, VALUES)`), or they are not seen here.
 */
export function messagesUsedIn(
  dirOrFiles: string | readonly string[],
  ...tables: { families(): readonly { prefix: string; values: readonly string[] }[] }[]
): { key: string; where: string }[] {
  const files =
    typeof dirOrFiles === 'string'
      ? fs.statSync(dirOrFiles).isDirectory()
        ? sources(dirOrFiles)
        : [dirOrFiles]
      : dirOrFiles;
  const patterns = [
    /\bt\(\s*[\w.]+\s*,\s*'([a-z_][\w]*\.[\w.]+)'/g,
    /\bboth\(\s*'([a-z_][\w]*\.[\w.]+)'/g,
    /new AppError\(\s*\d+\s*,\s*'([a-z_][\w]*\.[\w.]+)'/g,
    /\bkey:\s*'([a-z_][\w]*\.[\w.]+)'/g,
  ];
  const out: { key: string; where: string }[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    for (const re of patterns) for (const m of text.matchAll(re)) out.push({ key: m[1], where: file });
  }
  for (const table of tables)
    for (const f of table.families())
      for (const v of f.values) out.push({ key: `${f.prefix}${v}`, where: `family ${f.prefix}*` });
  return out;
}

/** The keys among `used` that the shared catalogue lacks, or that have an empty French or English text. */
export function missingMessages(used: readonly { key: string; where: string }[]): string[] {
  const out = new Set<string>();
  for (const u of used) {
    if (u.key.startsWith('schema.')) continue; // validator messages come localised from ajv-i18n
    const m = getMessage(u.key);
    if (!m || !m.fr.trim() || !m.en.trim()) out.add(`${u.where}: ${u.key}`);
  }
  return [...out].sort();
}
