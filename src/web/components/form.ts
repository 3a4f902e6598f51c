/**
 * Form controls: the markup of the GOV.UK Frontend macros (govukLabel, govukHint,
 * govukErrorMessage, govukFieldset, govukInput, govukTextarea, govukSelect, govukRadios,
 * govukCheckboxes, govukDateInput, govukButton) — same elements, classes, ids and aria attributes,
 * with the macros' option names. Texts GOV.UK writes in English ("Error") come from `lang`.
 */
import type { Lang } from '../../core/i18n.js';
import { html, raw, type Raw } from '../html.js';
import { kit } from '../messages.js';
import { type Attributes, attributes, attr, classes, type Content, content, hasContent } from './shared.js';

// ---------------------------------------------------------------------------------------------
export interface LabelOptions extends Content {
  classes?: string;
  isPageHeading?: boolean;
  attributes?: Attributes;
  for?: string;
}

export function label(o: LabelOptions): Raw {
  if (!hasContent(o)) return raw('');
  const l = html`<label class="${classes('govuk-label', o.classes)}"${attributes(o.attributes)}${attr('for', o.for)}>${content(o)}</label>`;
  return o.isPageHeading ? html`<h1 class="govuk-label-wrapper">${l}</h1>` : l;
}

export interface HintOptions extends Content {
  id?: string;
  classes?: string;
  attributes?: Attributes;
}

export function hint(o: HintOptions): Raw {
  return html`<div${attr('id', o.id)} class="${classes('govuk-hint', o.classes)}"${attributes(o.attributes)}>${content(o)}</div>`;
}

/** The visually hidden prefix ("Erreur :" / "Error:") comes from `lang`, or is given, or is turned off with false. */
export type ErrorMessageOptions = Content & {
  id?: string;
  classes?: string;
  attributes?: Attributes;
} & ({ lang: Lang; visuallyHiddenText?: string | false } | { lang?: Lang; visuallyHiddenText: string | false });

export function errorMessage(o: ErrorMessageOptions): Raw {
  const hidden = o.visuallyHiddenText ?? (o.lang ? kit.t(o.lang, 'kit.error_prefix') : false);
  const sep = o.lang === 'fr' ? '\u00a0:' : ':';
  return html`<p${attr('id', o.id)} class="${classes('govuk-error-message', o.classes)}"${attributes(o.attributes)}>${
    hidden ? html`<span class="govuk-visually-hidden">${hidden}${sep}</span> ` : null
  }${content(o)}</p>
`;
}

// ---------------------------------------------------------------------------------------------
export interface LegendOptions extends Content {
  classes?: string;
  isPageHeading?: boolean;
}

export interface FieldsetOptions {
  describedBy?: string;
  classes?: string;
  role?: string;
  attributes?: Attributes;
  legend?: LegendOptions;
  html?: Raw;
}

export function fieldset(o: FieldsetOptions): Raw {
  const legend =
    o.legend && hasContent(o.legend)
      ? html`<legend class="${classes('govuk-fieldset__legend', o.legend.classes)}">${
          o.legend.isPageHeading
            ? html`<h1 class="govuk-fieldset__heading">${content(o.legend)}</h1>
`
            : content(o.legend)
        }</legend>`
      : null;
  return html`<fieldset class="${classes('govuk-fieldset', o.classes)}"${attr('role', o.role)}${attr(
    'aria-describedby',
    o.describedBy,
  )}${attributes(o.attributes)}>${legend}${o.html ?? null}</fieldset>
`;
}

// ---------------------------------------------------------------------------------------------
export interface FormGroupOptions {
  classes?: string;
  attributes?: Attributes;
  beforeInput?: Content;
  afterInput?: Content;
}

interface FieldCommon {
  /** Defaults to the name (GOV.UK); the form layer passes `fieldId(name)`. */
  id?: string;
  name: string;
  describedBy?: string;
  label: LabelOptions;
  hint?: HintOptions;
  errorMessage?: ErrorMessageOptions | false;
  formGroup?: FormGroupOptions;
  classes?: string;
  disabled?: boolean;
  attributes?: Attributes;
}

function describe(list: (string | undefined | null | false)[]): string | undefined {
  const s = list.filter((x): x is string => !!x).join(' ');
  return s || undefined;
}

/** The shared frame of input, textarea and select: form group, label, hint, error message. */
function frame(o: FieldCommon, id: string, control: (describedBy: string | undefined) => Raw): Raw {
  const hintId = o.hint ? `${id}-hint` : undefined;
  const errorId = o.errorMessage ? `${id}-error` : undefined;
  const describedBy = describe([o.describedBy, hintId, errorId]);
  return html`<div class="${classes(
    'govuk-form-group',
    o.errorMessage && 'govuk-form-group--error',
    o.formGroup?.classes,
  )}"${attributes(o.formGroup?.attributes)}>
${label({ ...o.label, for: id })}
${o.hint ? hint({ ...o.hint, id: hintId }) : null}
${o.errorMessage ? errorMessage({ ...o.errorMessage, id: errorId }) : null}
${
  hasContent(o.formGroup?.beforeInput) ? content(o.formGroup?.beforeInput) : null
}${control(describedBy)}${hasContent(o.formGroup?.afterInput) ? content(o.formGroup?.afterInput) : null}
</div>`;
}

export interface InputOptions extends FieldCommon {
  type?: 'text' | 'number' | 'email' | 'password' | 'search' | 'tel' | 'url';
  inputmode?: 'numeric' | 'decimal' | 'text' | 'email' | 'tel' | 'search' | 'url';
  value?: string | number | null;
  spellcheck?: boolean;
  autocomplete?: string;
  autocapitalize?: string;
  pattern?: string;
}

function inputElement(o: InputOptions, id: string, describedBy: string | undefined): Raw {
  return html`<input class="${classes(
    'govuk-input',
    o.classes,
    o.errorMessage && 'govuk-input--error',
  )}" id="${id}" name="${o.name}" type="${o.type || 'text'}"${
    o.spellcheck === undefined ? null : html` spellcheck="${String(o.spellcheck)}"`
  }${
    o.value === undefined || o.value === null ? null : html` value="${String(o.value)}"`
  }${o.disabled ? raw(' disabled') : null}${attr(
    'aria-describedby',
    describedBy,
  )}${attr('autocomplete', o.autocomplete)}${attr('autocapitalize', o.autocapitalize)}${attr(
    'pattern',
    o.pattern,
  )}${attr('inputmode', o.inputmode)}${attributes(o.attributes)}>`;
}

/** govukInput (text, number, email, password…; prefix/suffix not offered). */
export function input(o: InputOptions): Raw {
  const id = o.id || o.name;
  return frame(o, id, (d) => inputElement(o, id, d));
}

export interface TextareaOptions extends FieldCommon {
  rows?: number;
  value?: string | null;
  spellcheck?: boolean;
  autocomplete?: string;
}

export function textarea(o: TextareaOptions): Raw {
  const id = o.id || o.name;
  return frame(
    o,
    id,
    (d) =>
      html`<textarea class="${classes(
        'govuk-textarea',
        o.errorMessage && 'govuk-textarea--error',
        o.classes,
      )}" id="${id}" name="${o.name}" rows="${o.rows || 5}"${
        o.spellcheck === undefined ? null : html` spellcheck="${String(o.spellcheck)}"`
      }${o.disabled ? raw(' disabled') : null}${attr(
        'aria-describedby',
        d,
      )}${attr('autocomplete', o.autocomplete)}${attributes(o.attributes)}>${o.value ?? ''}</textarea>`,
  );
}

export interface SelectItem {
  value?: string;
  text: string;
  selected?: boolean;
  disabled?: boolean;
  attributes?: Attributes;
}

export interface SelectOptions extends FieldCommon {
  items: readonly (SelectItem | null | undefined | false)[];
  value?: string | null;
}

export function select(o: SelectOptions): Raw {
  const id = o.id || o.name;
  return frame(
    o,
    id,
    (d) => html`<select class="${classes(
      'govuk-select',
      o.classes,
      o.errorMessage && 'govuk-select--error',
    )}" id="${id}" name="${o.name}"${o.disabled ? raw(' disabled') : null}${attr(
      'aria-describedby',
      d,
    )}${attributes(o.attributes)}>
${o.items.map((item) => {
  if (!item) return null;
  const effective = item.value ?? item.text;
  const selected = item.selected ?? (o.value ? effective === o.value && item.selected !== false : false);
  return html`<option${item.value === undefined ? null : html` value="${item.value}"`}${selected ? raw(' selected') : null}${
    item.disabled ? raw(' disabled') : null
  }${attributes(item.attributes)}>${item.text}</option>
`;
})}</select>`,
  );
}

// ---------------------------------------------------------------------------------------------
/** One radio or checkbox; `divider` makes a separator ("ou" / "or") instead. */
export interface ChoiceItem extends Content {
  value?: string;
  id?: string;
  /** checkboxes only: another name for this one box */
  name?: string;
  checked?: boolean;
  disabled?: boolean;
  hint?: Content & { classes?: string; attributes?: Attributes };
  label?: { classes?: string; attributes?: Attributes };
  /** Shown always, after the whole group (no JavaScript reveals it): say in it when it applies. */
  conditional?: { html: Raw };
  /** checkboxes only: "exclusive" for a "none of these" box */
  behaviour?: 'exclusive';
  attributes?: Attributes;
  divider?: undefined;
}
export type ChoiceEntry = ChoiceItem | { divider: string } | null | undefined | false;

interface ChoicesCommon {
  name: string;
  /** Prefix of the items' ids; the first item's id is the prefix itself (the error summary links there). */
  idPrefix?: string;
  items: readonly ChoiceEntry[];
  fieldset?: Omit<FieldsetOptions, 'html'>;
  hint?: HintOptions;
  errorMessage?: ErrorMessageOptions | false;
  formGroup?: { classes?: string; attributes?: Attributes; beforeInputs?: Content; afterInputs?: Content };
  classes?: string;
  attributes?: Attributes;
}

export interface RadiosOptions extends ChoicesCommon {
  value?: string | null;
}

export interface CheckboxesOptions extends ChoicesCommon {
  values?: readonly string[];
  describedBy?: string;
}

function choices(kind: 'radios' | 'checkboxes', o: RadiosOptions & CheckboxesOptions): Raw {
  const idPrefix = o.idPrefix || o.name;
  let describedBy =
    kind === 'radios' ? (o.fieldset?.describedBy ?? '') : (o.fieldset?.describedBy ?? o.describedBy ?? '');
  const hasFieldset = !!o.fieldset;
  const hintId = o.hint ? `${idPrefix}-hint` : undefined;
  const errorId = o.errorMessage ? `${idPrefix}-error` : undefined;
  // Checkboxes outside a fieldset describe each box by the group's hint/error (as govukCheckboxes).
  const groupDescribedBy = describe([describedBy, hintId, errorId]) ?? '';
  const itemGroupDescribedBy = kind === 'checkboxes' && !hasFieldset ? groupDescribedBy : '';
  describedBy = groupDescribedBy;
  const conditionals: Raw[] = [];
  const items = o.items.map((item, i) => {
    if (!item) return null;
    if (item.divider !== undefined) return html`<div class="govuk-${kind}__divider">${item.divider}</div>`;
    const index = i + 1;
    const itemId = item.id || (index > 1 ? `${idPrefix}-${index}` : idPrefix);
    const conditionalId = `conditional-${itemId}`;
    const checked =
      item.checked ??
      (kind === 'radios'
        ? o.value
          ? item.value === o.value && item.checked !== false
          : false
        : o.values
          ? item.value !== undefined && o.values.includes(item.value) && item.checked !== false
          : false);
    const hasHint = hasContent(item.hint);
    const itemHintId = `${itemId}-item-hint`;
    const itemDescribedBy =
      kind === 'radios'
        ? hasHint
          ? itemHintId
          : undefined
        : describe([itemGroupDescribedBy, hasHint ? itemHintId : undefined]);
    const type = kind === 'radios' ? 'radio' : 'checkbox';
    // No JavaScript reveals it: the conditional content is always shown, after the whole group.
    if (item.conditional?.html)
      conditionals.push(
        html`<div class="govuk-${kind}__conditional" id="${conditionalId}">${item.conditional.html}</div>`,
      );
    return html`<div class="govuk-${kind}__item">
<input class="govuk-${kind}__input" id="${itemId}" name="${
      (kind === 'checkboxes' && item.name) || o.name
    }" type="${type}" value="${item.value ?? ''}"${checked ? raw(' checked') : null}${
      item.disabled ? raw(' disabled') : null
    }${item.conditional?.html ? html` data-aria-controls="${conditionalId}"` : null}${
      kind === 'checkboxes' ? attr('data-behaviour', item.behaviour) : null
    }${attr('aria-describedby', itemDescribedBy)}${attributes(item.attributes)}>
${label({
  ...item,
  classes: classes(`govuk-${kind}__label`, item.label?.classes),
  attributes: item.label?.attributes,
  for: itemId,
  isPageHeading: false,
})}
${hasHint ? hint({ ...item.hint, id: itemHintId, classes: classes(`govuk-${kind}__hint`, item.hint?.classes) }) : null}
</div>
`;
  });
  const inner = html`${
    o.hint
      ? hint({
          ...o.hint,
          id: hintId,
        })
      : null
  }${
    o.errorMessage
      ? errorMessage({
          ...o.errorMessage,
          id: errorId,
        })
      : null
  }<div class="${classes(`govuk-${kind}`, o.classes)}"${attributes(o.attributes)} data-module="govuk-${kind}">
${hasContent(o.formGroup?.beforeInputs) ? content(o.formGroup?.beforeInputs) : null}${items}${
    hasContent(o.formGroup?.afterInputs) ? content(o.formGroup?.afterInputs) : null
  }
</div>${conditionals}`;
  return html`<div class="${classes(
    'govuk-form-group',
    o.errorMessage && 'govuk-form-group--error',
    o.formGroup?.classes,
  )}"${attributes(o.formGroup?.attributes)}>
${hasFieldset ? fieldset({ ...o.fieldset, describedBy: describedBy || undefined, html: inner }) : inner}
</div>`;
}

/**
 * govukRadios. Inline with `classes: 'govuk-radios--inline'`, small with 'govuk-radios--small'.
 * Conditional content needs JavaScript to be revealed in GOV.UK; pmis pages use none, so it is
 * always shown, after the radios (the one difference from the macro's markup): its text should say
 * when it applies ("Si oui, …").
 */
export function radios(o: RadiosOptions): Raw {
  return choices('radios', o);
}

/** govukCheckboxes: a group under one name (the form sends the name once per ticked box), or one box. */
export function checkboxes(o: CheckboxesOptions): Raw {
  return choices('checkboxes', o);
}

// ---------------------------------------------------------------------------------------------
/** Which parts a date input has: a full date, a month and year, or a year alone (imprecise birth dates). */
export type DateVariant = 'date' | 'month' | 'year';
export const DATE_PARTS: Record<DateVariant, readonly ('day' | 'month' | 'year')[]> = {
  date: ['day', 'month', 'year'],
  month: ['month', 'year'],
  year: ['year'],
};

export interface DateInputItem {
  name: 'day' | 'month' | 'year';
  label?: string;
  value?: string;
  classes?: string;
  id?: string;
  autocomplete?: string;
  pattern?: string;
  inputmode?: InputOptions['inputmode'];
  attributes?: Attributes;
  /** this part is the wrong one (only it is outlined in red) */
  error?: boolean;
}

export interface DateInputOptions {
  /** The group's id; each part's id is `${id}-${part}` (the error summary links to the first part). */
  id: string;
  /** Parts are named `${namePrefix}.day`, `.month`, `.year` (the form layer joins them back). */
  namePrefix?: string;
  variant?: DateVariant;
  items?: readonly DateInputItem[];
  values?: Partial<Record<'day' | 'month' | 'year', string>>;
  /** Labels of the parts default to Jour/Mois/Année or Day/Month/Year. */
  lang: Lang;
  hint?: HintOptions;
  errorMessage?: ErrorMessageOptions | false;
  fieldset?: Omit<FieldsetOptions, 'html' | 'role'>;
  formGroup?: { classes?: string; attributes?: Attributes; beforeInputs?: Content; afterInputs?: Content };
  classes?: string;
  attributes?: Attributes;
}

const PART_LABEL = { day: 'kit.form.day', month: 'kit.form.month', year: 'kit.form.year' } as const;

/** The id a date input's error summary link points at: its first part. */
export function dateInputFirstId(id: string, variant: DateVariant = 'date'): string {
  return `${id}-${DATE_PARTS[variant][0]}`;
}

/** govukDateInput: day, month and year boxes (or month + year, or year alone), text with inputmode numeric. */
export function dateInput(o: DateInputOptions): Raw {
  const items: readonly DateInputItem[] = o.items?.length
    ? o.items
    : DATE_PARTS[o.variant ?? 'date'].map((name) => ({ name, value: o.values?.[name] }));
  const anyItemHasError = items.some((i) => i.error || (i.classes ?? '').includes('govuk-input--error'));
  const hintId = o.hint ? `${o.id}-hint` : undefined;
  const errorId = o.errorMessage ? `${o.id}-error` : undefined;
  const describedBy = describe([o.fieldset?.describedBy, hintId, errorId]);
  const prefix = o.namePrefix ? `${o.namePrefix}.` : '';
  const parts = items.map((item) => {
    const width = item.name === 'year' ? 4 : 2;
    const itemHasError = item.error || (item.classes ?? '').includes('govuk-input--error');
    const errorClass =
      !(item.classes ?? '').includes('govuk-input--error') &&
      (itemHasError || (item.error !== false && o.errorMessage && !anyItemHasError))
        ? 'govuk-input--error'
        : null;
    const widthClass = (item.classes ?? '').includes('govuk-input--width-') ? null : `govuk-input--width-${width}`;
    const id = item.id || `${o.id}-${item.name}`;
    const partLabel =
      item.label ??
      (item.name in PART_LABEL
        ? kit.t(o.lang, PART_LABEL[item.name])
        : item.name.charAt(0).toUpperCase() + item.name.slice(1).toLowerCase());
    // Each part is a govukInput (its own form group), as in the macro.
    return html`<div class="govuk-date-input__item"><div class="govuk-form-group">
${label({ text: partLabel, classes: 'govuk-date-input__label', for: id })}
<input class="${classes(
      'govuk-input',
      'govuk-date-input__input',
      errorClass,
      widthClass,
      item.classes,
    )}" id="${id}" name="${prefix}${item.name}" type="text"${
      item.value === undefined ? null : html` value="${item.value}"`
    }${attr('autocomplete', item.autocomplete)}${attr('pattern', item.pattern)}${attr(
      'inputmode',
      item.inputmode || 'numeric',
    )}${attributes(item.attributes)}>
</div></div>
`;
  });
  const inner = html`${
    o.hint
      ? hint({
          ...o.hint,
          id: hintId,
        })
      : null
  }${
    o.errorMessage
      ? errorMessage({
          ...o.errorMessage,
          id: errorId,
        })
      : null
  }<div class="${classes('govuk-date-input', o.classes)}"${attributes(o.attributes)} id="${o.id}">
${hasContent(o.formGroup?.beforeInputs) ? content(o.formGroup?.beforeInputs) : null}${parts}${
    hasContent(o.formGroup?.afterInputs) ? content(o.formGroup?.afterInputs) : null
  }</div>
`;
  return html`<div class="${classes(
    'govuk-form-group',
    o.errorMessage && 'govuk-form-group--error',
    o.formGroup?.classes,
  )}"${attributes(o.formGroup?.attributes)}>
${o.fieldset ? fieldset({ ...o.fieldset, describedBy, role: 'group', html: inner }) : inner}
</div>`;
}

// ---------------------------------------------------------------------------------------------
export interface ButtonOptions extends Content {
  /** A link styled as a button (role="button"). */
  href?: string;
  type?: 'submit' | 'button' | 'reset';
  name?: string;
  value?: string;
  disabled?: boolean;
  preventDoubleClick?: boolean;
  isStartButton?: boolean;
  /** 'govuk-button--secondary', 'govuk-button--warning', 'govuk-button--inverse' */
  classes?: string;
  id?: string;
  attributes?: Attributes;
}

const START_ICON = raw(
  '<svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 ' +
    '0 33 40" aria-hidden="true" focusable="false"><path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/></svg>',
);

/** govukButton: a submit button, or a link-button with `href`. */
export function button(o: ButtonOptions): Raw {
  const cls = classes('govuk-button', o.classes, o.isStartButton && 'govuk-button--start');
  const common = html` class="${cls}" data-module="govuk-button"${attributes(o.attributes)}${attr('id', o.id)}`;
  const text = o.html !== undefined && o.isStartButton ? html`<span>${o.html}</span>` : content(o);
  if (o.href)
    return html`<a href="${o.href}" role="button" draggable="false"${common}>${text}${o.isStartButton ? START_ICON : null}</a>`;
  return html`<button type="${o.type || 'submit'}"${attr('value', o.value)}${attr('name', o.name)}${
    o.disabled ? raw(' disabled aria-disabled="true"') : null
  }${
    o.preventDoubleClick === undefined ? null : html` data-prevent-double-click="${String(o.preventDoubleClick)}"`
  }${common}>${text}${o.isStartButton ? START_ICON : null}</button>`;
}

/** Buttons (and links) side by side: govuk-button-group. */
export function buttonGroup(...items: Raw[]): Raw {
  return html`<div class="govuk-button-group">${items}</div>`;
}
