/** The form error pattern: a summary at the top (role=alert, links to each bad field) and inline errors. */
import { t, type Lang } from '../../core/i18n.js';
import type { AppError, FieldError } from '../../core/errors.js';
import { colon } from '../../core/words.js';
import { html, type Raw, type Value } from './html.js';

/** Form input names follow the API's JSON pointers: "/person/family_name" ↔ "person.family_name". */
export const pointerToName = (pointer: string): string => pointer.replace(/^\//, '').replace(/\//g, '.');
export const inputId = (name: string): string => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

export interface FormErrors {
  byName: Map<string, string>;
  /** One per error, in order; `name` is the input it is about (none: the form as a whole). */
  items: { id: string; message: string; name?: string }[];
  /** Each field's label as the form's helpers rendered it: the summary names the field with it. */
  labels?: Map<string, string>;
}

/**
 * Map an AppError's field errors to the form's inputs. A pointer with no input of its own goes to
 * the first input under it ("/charges" → "charges.0.qualification"), else to the nearest input
 * above it ("/items/0/quantity" → "items"), else to the form itself.
 */
export function formErrors(
  err: AppError | FieldError[],
  lang: Lang,
  names: readonly string[],
  formId = 'form',
): FormErrors {
  const fields = Array.isArray(err) ? err : err.fields;
  const byName = new Map<string, string>();
  const items: FormErrors['items'] = [];
  for (const f of fields) {
    const message = f.message ?? t(lang, f.key, f.params);
    const n = pointerToName(f.field);
    // The input itself, else the first input under it, else the nearest input above it ("items.0.quantity" → "items").
    const ancestors = n.split('.').map((_, i, parts) => parts.slice(0, parts.length - i).join('.'));
    const target = names.includes(n)
      ? n
      : (names.find((x) => x.startsWith(`${n}.`)) ?? ancestors.find((a) => names.includes(a)));
    if (target && !byName.has(target)) byName.set(target, message);
    items.push(target ? { id: inputId(target), message, name: target } : { id: formId, message });
  }
  return { byName, items, labels: new Map() };
}

/** "Nom de famille : ce champ est obligatoire." — the field's label, then its message. */
function named(lang: Lang, label: string | undefined, message: string): string {
  const l = label?.replace(/\s*\*$/, '').trim();
  if (!l) return message;
  const lower = /^\p{Lu}\p{Ll}/u.test(message) ? message[0].toLocaleLowerCase(lang) + message.slice(1) : message;
  return `${l}${colon(lang)}${lower}`;
}

function summaryHtml(lang: Lang, errors: FormErrors): Raw {
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">${t(lang, 'web.errors.heading')}</h2>
<ul>${errors.items.map(
    (e) => html`<li><a href="#${e.id}">${named(lang, e.name && errors.labels?.get(e.name), e.message)}</a></li>
`,
  )}</ul></div>`;
}

/**
 * The error summary is written where the page puts it, then rewritten by the layout once every
 * field has been rendered (and has given its label): each link names its field, and the summary
 * moves to the top of the page, above the heading (see `placeErrorSummary`).
 */
const pending = new Map<string, { lang: Lang; errors: FormErrors }>();
let summaries = 0;

export function errorSummary(lang: Lang, errors: FormErrors | null): Raw | null {
  if (!errors || !errors.items.length) return null;
  const key = String(++summaries);
  pending.set(key, { lang, errors });
  // A page rendered outside the layout keeps the summary where it is; never more than a few wait.
  if (pending.size > 100) pending.delete(pending.keys().next().value!);
  return html`<!--pmis-error-summary ${key}-->${summaryHtml(lang, errors)}<!--/pmis-error-summary-->`;
}

const PLACED = /<!--pmis-error-summary (\d+)-->[\s\S]*?<!--\/pmis-error-summary-->/g;

/** The page's body without its error summaries, and the summaries rewritten with the fields' labels. */
export function placeErrorSummary(body: string): { body: string; summary: string } {
  let summary = '';
  const rest = body.replace(PLACED, (whole, key: string) => {
    const p = pending.get(key);
    if (!p) return whole;
    pending.delete(key);
    summary += summaryHtml(p.lang, p.errors).value;
    return '';
  });
  return { body: rest, summary };
}

/** The field's label, for the summary (its error message is written beside it). */
function remember(o: FieldOpts): void {
  if (o.errors?.byName.has(o.name)) (o.errors.labels ??= new Map()).set(o.name, o.label);
}

interface FieldOpts {
  label: string;
  name: string;
  value?: string;
  errors?: FormErrors | null;
  required?: boolean;
  type?: string;
  hint?: string;
  autocomplete?: string;
}

function wrap(o: FieldOpts, control: (id: string, described: string | null) => Raw): Raw {
  remember(o);
  const id = inputId(o.name);
  const err = o.errors?.byName.get(o.name);
  const described = [o.hint ? `${id}-hint` : null, err ? `${id}-error` : null].filter(Boolean).join(' ') || null;
  return html`<div class="field${err ? ' has-error' : ''}"><label for="${id}">${o.label}${o.required ? ' *' : ''}</label>
${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : null}
${err ? html`<p class="field-error" id="${id}-error">${err}</p>` : null}
${control(id, described)}</div>`;
}

export function textField(o: FieldOpts): Raw {
  return wrap(
    o,
    (id, d) =>
      html`<input id="${id}" name="${o.name}" type="${o.type ?? 'text'}" value="${o.value ?? ''}"${o.required ? html` required` : null}${
        d ? html` aria-describedby="${d}"` : null
      }${o.errors?.byName.has(o.name) ? html` aria-invalid="true"` : null}${
        o.autocomplete ? html` autocomplete="${o.autocomplete}"` : null
      }>`,
  );
}

export function selectField(o: FieldOpts & { options: [string, string][]; placeholder?: string }): Raw {
  return wrap(
    o,
    (id, d) => html`<select id="${id}" name="${o.name}"${o.required ? html` required` : null}${
      d ? html` aria-describedby="${d}"` : null
    }${o.errors?.byName.has(o.name) ? html` aria-invalid="true"` : null}>
${o.placeholder !== undefined ? html`<option value="">${o.placeholder}</option>` : null}
${o.options.map(([v, l]) => html`<option value="${v}"${v === o.value ? html` selected` : null}>${l}</option>`)}</select>`,
  );
}

export const hidden = (name: string, value: Value) => html`<input type="hidden" name="${name}" value="${value}">`;

/** A group of radio buttons in a fieldset; the first radio carries the id the error summary links to. */
export function radioGroup(o: FieldOpts & { options: { value: string; label: Raw | string }[] }): Raw {
  remember(o);
  const id = inputId(o.name);
  const err = o.errors?.byName.get(o.name);
  return html`<fieldset class="field radios${err ? ' has-error' : ''}"${
    err ? html` aria-describedby="${id}-error"` : null
  }><legend>${o.label}${o.required ? ' *' : ''}</legend>
${err ? html`<p class="field-error" id="${id}-error">${err}</p>` : null}
${o.options.map(
  (opt, i) => html`<div class="radio"><input type="radio" id="${
    i === 0 ? id : `${id}-${i}`
  }" name="${o.name}" value="${opt.value}"${opt.value === o.value ? html` checked` : null}${
    err ? html` aria-invalid="true"` : null
  }><label for="${i === 0 ? id : `${id}-${i}`}">${opt.label}</label>
</div>`,
)}
</fieldset>`;
}

export function textArea(o: FieldOpts & { rows?: number }): Raw {
  return wrap(
    o,
    (id, d) =>
      html`<textarea id="${id}" name="${o.name}" rows="${o.rows ?? 3}"${o.required ? html` required` : null}${
        d ? html` aria-describedby="${d}"` : null
      }${o.errors?.byName.has(o.name) ? html` aria-invalid="true"` : null}>${o.value ?? ''}</textarea>`,
  );
}

/** A single checkbox (value "1" when ticked), label after the box. */
export function checkbox(o: FieldOpts & { checked: boolean }): Raw {
  remember(o);
  const id = inputId(o.name);
  const err = o.errors?.byName.get(o.name);
  return html`<div class="field checkbox${err ? ' has-error' : ''}">${
    err
      ? html`<p class="field-error" id="${id}-error">${err}</p>
`
      : null
  }<input type="checkbox" id="${id}" name="${o.name}" value="1"${o.checked ? html` checked` : null}${
    err ? html` aria-invalid="true" aria-describedby="${id}-error"` : null
  }> <label for="${id}">${o.label}</label>
</div>`;
}

/** Several checkboxes under one name (the form sends the name once per ticked box). */
export function checkboxGroup(o: FieldOpts & { options: [string, string][]; values: string[] }): Raw {
  remember(o);
  const id = inputId(o.name);
  const err = o.errors?.byName.get(o.name);
  return html`<fieldset class="field radios${err ? ' has-error' : ''}"><legend>${o.label}</legend>
${err ? html`<p class="field-error" id="${id}-error">${err}</p>` : null}
${o.options.map(
  ([v, l], i) => html`<div class="radio"><input type="checkbox" id="${
    i === 0 ? id : `${id}-${i}`
  }" name="${o.name}" value="${v}"${o.values.includes(v) ? html` checked` : null}><label for="${
    i === 0 ? id : `${id}-${i}`
  }">${l}</label>
</div>`,
)}</fieldset>`;
}
