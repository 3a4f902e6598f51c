/** The form error pattern: a summary at the top (role=alert, links to each bad field) and inline errors. */
import { t, type Lang } from '../../core/i18n.js';
import type { AppError, FieldError } from '../../core/errors.js';
import { html, type Raw, type Value } from './html.js';

/** Form input names follow the API's JSON pointers: "/person/family_name" ↔ "person.family_name". */
export const pointerToName = (pointer: string): string => pointer.replace(/^\//, '').replace(/\//g, '.');
export const inputId = (name: string): string => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

export interface FormErrors {
  byName: Map<string, string>;
  items: { id: string; message: string }[];
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
  const items: { id: string; message: string }[] = [];
  for (const f of fields) {
    const message = f.message ?? t(lang, f.key, f.params);
    const n = pointerToName(f.field);
    // The input itself, else the first input under it, else the nearest input above it ("items.0.quantity" → "items").
    const ancestors = n.split('.').map((_, i, parts) => parts.slice(0, parts.length - i).join('.'));
    const target = names.includes(n)
      ? n
      : (names.find((x) => x.startsWith(`${n}.`)) ?? ancestors.find((a) => names.includes(a)));
    if (target && !byName.has(target)) byName.set(target, message);
    items.push({ id: target ? inputId(target) : formId, message });
  }
  return { byName, items };
}

export function errorSummary(lang: Lang, errors: FormErrors | null): Raw | null {
  if (!errors || !errors.items.length) return null;
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">${t(lang, 'web.errors.heading')}</h2>
<ul>${errors.items.map((e) => html`<li><a href="#${e.id}">${e.message}</a></li>`)}</ul></div>`;
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
      html`<input id="${id}" name="${o.name}" type="${o.type ?? 'text'}" value="${o.value ?? ''}"${o.required ? html` required` : null}${d ? html` aria-describedby="${d}"` : null}${o.errors?.byName.has(o.name) ? html` aria-invalid="true"` : null}${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : null}>`,
  );
}

export function selectField(o: FieldOpts & { options: [string, string][]; placeholder?: string }): Raw {
  return wrap(
    o,
    (
      id,
      d,
    ) => html`<select id="${id}" name="${o.name}"${o.required ? html` required` : null}${d ? html` aria-describedby="${d}"` : null}${o.errors?.byName.has(o.name) ? html` aria-invalid="true"` : null}>
${o.placeholder !== undefined ? html`<option value="">${o.placeholder}</option>` : null}
${o.options.map(([v, l]) => html`<option value="${v}"${v === o.value ? html` selected` : null}>${l}</option>`)}</select>`,
  );
}

export const hidden = (name: string, value: Value) => html`<input type="hidden" name="${name}" value="${value}">`;

/** A group of radio buttons in a fieldset; the first radio carries the id the error summary links to. */
export function radioGroup(o: FieldOpts & { options: { value: string; label: Raw | string }[] }): Raw {
  const id = inputId(o.name);
  const err = o.errors?.byName.get(o.name);
  return html`<fieldset class="field radios${err ? ' has-error' : ''}"${err ? html` aria-describedby="${id}-error"` : null}><legend>${o.label}${o.required ? ' *' : ''}</legend>
${err ? html`<p class="field-error" id="${id}-error">${err}</p>` : null}
${o.options.map((opt, i) => html`<div class="radio"><input type="radio" id="${i === 0 ? id : `${id}-${i}`}" name="${o.name}" value="${opt.value}"${opt.value === o.value ? html` checked` : null}${err ? html` aria-invalid="true"` : null}><label for="${i === 0 ? id : `${id}-${i}`}">${opt.label}</label></div>`)}
</fieldset>`;
}

export function textArea(o: FieldOpts & { rows?: number }): Raw {
  return wrap(
    o,
    (id, d) =>
      html`<textarea id="${id}" name="${o.name}" rows="${o.rows ?? 3}"${o.required ? html` required` : null}${d ? html` aria-describedby="${d}"` : null}${o.errors?.byName.has(o.name) ? html` aria-invalid="true"` : null}>${o.value ?? ''}</textarea>`,
  );
}

/** A single checkbox (value "1" when ticked), label after the box. */
export function checkbox(o: FieldOpts & { checked: boolean }): Raw {
  const id = inputId(o.name);
  const err = o.errors?.byName.get(o.name);
  return html`<div class="field checkbox${err ? ' has-error' : ''}">${err ? html`<p class="field-error" id="${id}-error">${err}</p>` : null}<input type="checkbox" id="${id}" name="${o.name}" value="1"${o.checked ? html` checked` : null}${err ? html` aria-invalid="true" aria-describedby="${id}-error"` : null}> <label for="${id}">${o.label}</label></div>`;
}

/** Several checkboxes under one name (the form sends the name once per ticked box). */
export function checkboxGroup(o: FieldOpts & { options: [string, string][]; values: string[] }): Raw {
  const id = inputId(o.name);
  const err = o.errors?.byName.get(o.name);
  return html`<fieldset class="field radios${err ? ' has-error' : ''}"><legend>${o.label}</legend>${err ? html`<p class="field-error" id="${id}-error">${err}</p>` : null}
${o.options.map(([v, l], i) => html`<div class="radio"><input type="checkbox" id="${i === 0 ? id : `${id}-${i}`}" name="${o.name}" value="${v}"${o.values.includes(v) ? html` checked` : null}><label for="${i === 0 ? id : `${id}-${i}`}">${l}</label></div>`)}</fieldset>`;
}
