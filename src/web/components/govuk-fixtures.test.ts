/**
 * The kit's components against GOV.UK Frontend's own fixtures (fixtures.json in each component of
 * the installed package: the options given to the Nunjucks macro and the HTML it renders). Each
 * fixture whose options the kit supports is rendered by the kit and compared with the macro's HTML,
 * after normalising whitespace, attribute order and class order.
 */
/* eslint-disable
   @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access --
   GOV.UK's fixtures are untyped JSON given to the components as options: this test checks the markup they produce. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { raw, type Raw } from '../html.js';
import {
  backLink,
  button,
  checkboxes,
  dateInput,
  details,
  errorMessage,
  errorSummary,
  fieldset,
  hint,
  input,
  insetText,
  label,
  languageNavigation,
  notificationBanner,
  pagination,
  panel,
  radios,
  select,
  skipLink,
  summaryList,
  table,
  tag,
  taskList,
  textarea,
  warningText,
} from './index.js';

const dir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')),
  'dist',
  'govuk',
  'components',
);

/** Options from JSON: `html`-like strings become trusted markup (as `| safe` in Nunjucks). */
function prepare(v: unknown, key = ''): unknown {
  if (typeof v === 'string' && /html$/i.test(key)) return raw(v);
  if (Array.isArray(v)) return v.map((x) => prepare(x));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, prepare(x, k)]));
  return v;
}

/** Whitespace collapsed, attributes sorted, classes sorted: two renderings of the same markup compare equal. */
export function normalise(markup: string): string {
  return markup
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\s+/g, ' ')
    .replace(/>\s+/g, '>')
    .replace(/\s+</g, '<')
    .replace(/<([a-zA-Z0-9]+)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*>/g, (_, tagName: string, attrs: string) => {
      const list = [...attrs.matchAll(/([^\s=>]+)(?:="([^"]*)")?/g)].map((m) => {
        const name = m[1];
        let value = m[2] ?? '';
        if (name === 'class') value = value.split(' ').filter(Boolean).sort().join(' ');
        return `${name}="${value.trim()}"`;
      });
      return `<${tagName}${list
        .sort()
        .map((a) => ` ${a}`)
        .join('')}>`;
    });
}

interface Fixture {
  name: string;
  options: Record<string, unknown>;
  html: string;
}
function fixtures(component: string): Fixture[] {
  return (JSON.parse(fs.readFileSync(path.join(dir, component, 'fixtures.json'), 'utf8')) as { fixtures: Fixture[] })
    .fixtures;
}

/** Whether an options object only uses keys the kit supports (nested keys by dotted path, "*" for any array item). */
function supported(options: unknown, allowed: ReadonlySet<string>, prefix = ''): boolean {
  if (Array.isArray(options)) return options.every((x) => supported(x, allowed, `${prefix}*.`));
  if (!options || typeof options !== 'object') return true;
  for (const [k, v] of Object.entries(options)) {
    const key = `${prefix}${k}`;
    if (!allowed.has(key)) return false;
    if (k === 'attributes') {
      if (v && typeof v === 'object' && Object.values(v).some((x) => typeof x !== 'string')) return false;
      continue;
    }
    if (v && typeof v === 'object' && !allowed.has(`${key}.*any`) && !supported(v, allowed, `${key}.`)) return false;
  }
  return true;
}

const keys = (...ks: string[]) => new Set(ks);
const CONTENT = ['text', 'html'];
const LABEL = ['label', 'label.text', 'label.html', 'label.classes', 'label.isPageHeading', 'label.attributes'];
const HINT = ['hint', 'hint.text', 'hint.html', 'hint.classes', 'hint.attributes'];
const ERROR = [
  'errorMessage',
  'errorMessage.text',
  'errorMessage.html',
  'errorMessage.classes',
  'errorMessage.attributes',
  'errorMessage.visuallyHiddenText',
];
const FIELDSET = [
  'fieldset',
  'fieldset.legend',
  'fieldset.legend.text',
  'fieldset.legend.html',
  'fieldset.legend.classes',
  'fieldset.legend.isPageHeading',
  'fieldset.classes',
  'fieldset.attributes',
  'fieldset.describedBy',
];
const GROUP = ['formGroup', 'formGroup.classes', 'formGroup.attributes'];

type Render = (o: any) => Raw; // eslint-disable-line @typescript-eslint/no-explicit-any -- fixtures are untyped JSON

const cases: {
  component: string;
  render: Render;
  allowed: Set<string>;
  skip?: (f: Fixture) => string | false;
  min: number;
}[] = [
  {
    component: 'button',
    render: button,
    allowed: keys(
      ...CONTENT,
      'href',
      'type',
      'name',
      'value',
      'disabled',
      'preventDoubleClick',
      'isStartButton',
      'classes',
      'id',
      'attributes',
    ),
    min: 20,
  },
  {
    component: 'label',
    render: label,
    allowed: keys(...CONTENT, 'classes', 'isPageHeading', 'attributes', 'for'),
    min: 5,
  },
  { component: 'hint', render: hint, allowed: keys(...CONTENT, 'id', 'classes', 'attributes'), min: 3 },
  {
    component: 'error-message',
    render: (o) => errorMessage({ lang: 'en', ...o }),
    allowed: keys(...CONTENT, 'id', 'classes', 'attributes', 'visuallyHiddenText'),
    min: 3,
  },
  {
    component: 'fieldset',
    render: fieldset,
    allowed: keys(
      'legend',
      'legend.text',
      'legend.html',
      'legend.classes',
      'legend.isPageHeading',
      'classes',
      'role',
      'describedBy',
      'attributes',
      'html',
    ),
    min: 5,
  },
  {
    component: 'input',
    render: (o) => input({ ...o, errorMessage: o.errorMessage && { lang: 'en', ...o.errorMessage } }),
    allowed: keys(
      'id',
      'name',
      'type',
      'inputmode',
      'value',
      'spellcheck',
      'autocomplete',
      'autocapitalize',
      'pattern',
      'disabled',
      'describedBy',
      'classes',
      'attributes',
      ...LABEL,
      ...HINT,
      ...ERROR,
      ...GROUP,
    ),
    min: 20,
  },
  {
    component: 'textarea',
    render: (o) => textarea({ ...o, errorMessage: o.errorMessage && { lang: 'en', ...o.errorMessage } }),
    allowed: keys(
      'id',
      'name',
      'rows',
      'value',
      'spellcheck',
      'autocomplete',
      'disabled',
      'describedBy',
      'classes',
      'attributes',
      ...LABEL,
      ...HINT,
      ...ERROR,
      ...GROUP,
    ),
    min: 10,
  },
  {
    component: 'select',
    render: (o) => select({ ...o, errorMessage: o.errorMessage && { lang: 'en', ...o.errorMessage } }),
    allowed: keys(
      'id',
      'name',
      'value',
      'disabled',
      'describedBy',
      'classes',
      'attributes',
      'items',
      'items.*.value',
      'items.*.text',
      'items.*.selected',
      'items.*.disabled',
      'items.*.attributes',
      ...LABEL,
      ...HINT,
      ...ERROR,
      ...GROUP,
    ),
    min: 10,
    skip: (f) =>
      !Array.isArray(f.options.items)
        ? 'no items'
        : f.options.items.some((i) => i && typeof i === 'object' && 'value' in i && typeof i.value === 'boolean')
          ? 'boolean values (the kit takes strings)'
          : false,
  },
  ...(['radios', 'checkboxes'] as const).map((component) => ({
    component,
    render: ((o) =>
      (component === 'radios' ? radios : checkboxes)({
        ...o,
        errorMessage: o.errorMessage && { lang: 'en', ...o.errorMessage },
      })) as Render,
    allowed: keys(
      'name',
      'idPrefix',
      'value',
      'values',
      'describedBy',
      'classes',
      'attributes',
      'items',
      'items.*.value',
      'items.*.text',
      'items.*.html',
      'items.*.id',
      'items.*.name',
      'items.*.checked',
      'items.*.disabled',
      'items.*.hint',
      'items.*.hint.text',
      'items.*.hint.html',
      'items.*.hint.classes',
      'items.*.hint.attributes',
      'items.*.label',
      'items.*.label.classes',
      'items.*.label.attributes',
      'items.*.behaviour',
      'items.*.attributes',
      'items.*.divider',
      ...FIELDSET,
      ...HINT,
      ...ERROR,
      ...GROUP,
    ),
    // Conditional content is placed after the whole group in pmis (no JavaScript): a known difference.
    skip: (f: Fixture) => (JSON.stringify(f.options).includes('"conditional"') ? 'conditional' : false),
    min: 15,
  })),
  {
    component: 'date-input',
    render: (o) => dateInput({ lang: 'en', ...o, errorMessage: o.errorMessage && { lang: 'en', ...o.errorMessage } }),
    allowed: keys(
      'id',
      'values',
      'values.day',
      'values.month',
      'values.year',
      'items',
      'items.*.name',
      'items.*.label',
      'items.*.value',
      'items.*.classes',
      'items.*.id',
      'items.*.autocomplete',
      'items.*.pattern',
      'items.*.inputmode',
      'items.*.attributes',
      'classes',
      'attributes',
      ...FIELDSET,
      ...HINT,
      ...ERROR,
      ...GROUP,
    ),
    skip: (f) => (!f.options.id ? 'no id (the kit requires one)' : false),
    min: 8,
  },
  {
    component: 'error-summary',
    render: (o) => errorSummary({ lang: 'en', autofocus: false, ...o }),
    allowed: keys(
      'titleText',
      'titleHtml',
      'descriptionText',
      'descriptionHtml',
      'errorList',
      'errorList.*.text',
      'errorList.*.html',
      'errorList.*.href',
      'errorList.*.attributes',
      'classes',
      'attributes',
      'disableAutoFocus',
    ),
    min: 8,
    skip: (f) => (!Array.isArray(f.options.errorList) ? 'no errorList (the kit requires one)' : false),
  },
  {
    component: 'summary-list',
    render: summaryList,
    allowed: keys(
      'rows',
      'rows.*.key',
      'rows.*.key.text',
      'rows.*.key.html',
      'rows.*.key.classes',
      'rows.*.value',
      'rows.*.value.text',
      'rows.*.value.html',
      'rows.*.value.classes',
      'rows.*.classes',
      'rows.*.actions',
      'rows.*.actions.classes',
      'rows.*.actions.items',
      'rows.*.actions.items.*.href',
      'rows.*.actions.items.*.text',
      'rows.*.actions.items.*.html',
      'rows.*.actions.items.*.visuallyHiddenText',
      'rows.*.actions.items.*.classes',
      'rows.*.actions.items.*.attributes',
      'card',
      'card.title',
      'card.title.text',
      'card.title.html',
      'card.title.headingLevel',
      'card.title.classes',
      'card.actions',
      'card.actions.classes',
      'card.actions.items',
      'card.actions.items.*.href',
      'card.actions.items.*.text',
      'card.actions.items.*.html',
      'card.actions.items.*.visuallyHiddenText',
      'card.actions.items.*.classes',
      'card.actions.items.*.attributes',
      'card.classes',
      'card.attributes',
      'classes',
      'attributes',
    ),
    min: 15,
  },
  {
    component: 'table',
    render: table,
    allowed: keys(
      'caption',
      'captionClasses',
      'firstCellIsHeader',
      'classes',
      'attributes',
      'head',
      'head.*.text',
      'head.*.html',
      'head.*.format',
      'head.*.classes',
      'head.*.colspan',
      'head.*.rowspan',
      'head.*.attributes',
      'rows',
      'rows.*.*.text',
      'rows.*.*.html',
      'rows.*.*.format',
      'rows.*.*.classes',
      'rows.*.*.colspan',
      'rows.*.*.rowspan',
      'rows.*.*.attributes',
    ),
    min: 8,
  },
  { component: 'tag', render: tag, allowed: keys(...CONTENT, 'classes', 'attributes'), min: 3 },
  {
    component: 'notification-banner',
    render: (o) => notificationBanner({ lang: 'en', ...o }),
    allowed: keys(
      ...CONTENT,
      'type',
      'titleText',
      'titleHtml',
      'titleId',
      'titleHeadingLevel',
      'role',
      'disableAutoFocus',
      'classes',
      'attributes',
    ),
    min: 10,
  },
  { component: 'inset-text', render: insetText, allowed: keys(...CONTENT, 'id', 'classes', 'attributes'), min: 3 },
  {
    component: 'warning-text',
    render: (o) => warningText({ lang: 'en', ...o }),
    allowed: keys(...CONTENT, 'iconFallbackText', 'classes', 'attributes'),
    min: 3,
  },
  {
    component: 'details',
    render: details,
    allowed: keys(...CONTENT, 'summaryText', 'summaryHtml', 'open', 'id', 'classes', 'attributes'),
    min: 4,
  },
  {
    component: 'panel',
    render: panel,
    allowed: keys(...CONTENT, 'titleText', 'titleHtml', 'headingLevel', 'classes', 'attributes'),
    skip: (f) =>
      typeof f.options.classes === 'string' && f.options.classes.includes('interruption')
        ? 'interruption panel'
        : false,
    min: 4,
  },
  {
    component: 'task-list',
    render: taskList,
    allowed: keys(
      'idPrefix',
      'classes',
      'attributes',
      'items',
      'items.*.title',
      'items.*.title.text',
      'items.*.title.html',
      'items.*.title.classes',
      'items.*.hint',
      'items.*.hint.text',
      'items.*.hint.html',
      'items.*.href',
      'items.*.classes',
      'items.*.status',
      'items.*.status.text',
      'items.*.status.html',
      'items.*.status.classes',
      'items.*.status.tag',
      'items.*.status.tag.text',
      'items.*.status.tag.html',
      'items.*.status.tag.classes',
      'items.*.status.tag.attributes',
    ),
    min: 5,
  },
  {
    component: 'back-link',
    render: (o) => backLink({ lang: 'en', ...o }),
    allowed: keys(...CONTENT, 'href', 'classes', 'attributes'),
    min: 3,
  },
  { component: 'skip-link', render: skipLink, allowed: keys(...CONTENT, 'href', 'classes', 'attributes'), min: 3 },
  {
    component: 'pagination',
    render: (o) => pagination({ lang: 'en', ...o }),
    allowed: keys(
      'items',
      'items.*.number',
      'items.*.href',
      'items.*.current',
      'items.*.ellipsis',
      'items.*.visuallyHiddenText',
      'items.*.attributes',
      'previous',
      'previous.href',
      'previous.text',
      'previous.html',
      'previous.labelText',
      'previous.attributes',
      'next',
      'next.href',
      'next.text',
      'next.html',
      'next.labelText',
      'next.attributes',
      'landmarkLabel',
      'classes',
      'attributes',
    ),
    // GOV.UK's default link texts hide " page" in a span; the kit writes "Previous page" in full.
    skip: (f) =>
      (f.options.previous && !(f.options.previous as { text?: string }).text) ||
      (f.options.next && !(f.options.next as { text?: string }).text)
        ? 'default link texts'
        : Array.isArray(f.options.items) && f.options.items.some((i) => !i || !Object.keys(i).length)
          ? 'empty items'
          : false,
    min: 3,
  },
  {
    component: 'language-navigation',
    render: (o) => languageNavigation({ lang: 'en', ...o }),
    allowed: keys('items', 'items.*.text', 'items.*.href', 'items.*.lang', 'items.*.current', 'ariaLabel', 'classes'),
    skip: (f) => ((f.options.items as { lang?: string }[]).some((i) => !i.lang) ? 'item without lang' : false),
    min: 3,
  },
];

for (const c of cases) {
  test(`${c.component}: the kit renders GOV.UK Frontend's fixtures as the macro does`, (t) => {
    let compared = 0;
    const mismatches: string[] = [];
    for (const f of fixtures(c.component)) {
      if (!supported(f.options, c.allowed) || c.skip?.(f)) continue;
      compared++;
      const got = normalise(c.render(prepare(f.options)).value);
      const want = normalise(f.html);
      if (got !== want) mismatches.push(`«${f.name}»\n  got:  ${got}\n  want: ${want}`);
    }
    t.diagnostic(`${compared} fixtures compared`);
    assert.deepEqual(mismatches, []);
    assert.ok(compared >= c.min, `${c.component}: only ${compared} fixtures compared`);
  });
}

test('normalise: attribute and class order and whitespace do not matter; content does', () => {
  assert.equal(normalise('<p  class="b a" id="x">\n  Hi\n</p>'), normalise('<p id="x" class="a b">Hi</p>'));
  assert.notEqual(normalise('<p id="x">Hi</p>'), normalise('<p id="y">Hi</p>'));
});
