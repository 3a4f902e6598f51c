/** What every component shares: text-or-HTML content, classes, and the `attributes` option of the GOV.UK macros. */
import type { Lang } from '../../core/i18n.js';
import { html, type Raw, raw, escapeHtml } from '../html.js';

/** The macros' text/html pair: `text` is escaped, `html` is trusted markup (a Raw from `html```). */
export interface Content {
  text?: string | number;
  html?: Raw;
}

/** Extra attributes: true → the bare attribute, false/null/undefined → left out, anything else → name="value". */
export type Attributes = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** The content of a text/html pair (html wins, as in the macros). */
export function content(c: Content | undefined): Raw | string {
  if (!c) return '';
  if (c.html !== undefined) return c.html;
  return c.text === undefined ? '' : String(c.text);
}

export function hasContent(c: Content | undefined): boolean {
  return !!c && ((c.html !== undefined && c.html.value !== '') || (c.text !== undefined && String(c.text) !== ''));
}

/** " a b c": the base class followed by the optional ones that are set. */
export function classes(...names: (string | false | null | undefined)[]): string {
  return names.filter((n): n is string => !!n && n.trim() !== '').join(' ');
}

export function attributes(attrs: Attributes | undefined): Raw {
  if (!attrs) return raw('');
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    out += value === true ? ` ${escapeHtml(name)}` : ` ${escapeHtml(name)}="${escapeHtml(String(value))}"`;
  }
  return raw(out);
}

/** An optional attribute: ` name="value"` when value is set (non-empty), else nothing. */
export function attr(name: string, value: string | number | null | undefined): Raw | null {
  return value === null || value === undefined || value === '' ? null : html` ${raw(name)}="${String(value)}"`;
}

/** Words the kit writes itself come from the page's language, or from the caller's own text. */
export interface WithLang {
  lang: Lang;
}

/** Element id from a form field name: "person.birth.date" → "person-birth-date". */
export function fieldId(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, '-');
}
