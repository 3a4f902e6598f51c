/**
 * The justice forms: record a title (or an extension), correct or withdraw a title, schedule or change
 * a hearing, record its outcome.
 */
import type { Lang } from '../../../core/i18n.js';
import {
  button,
  type FormBody,
  type FormErrors,
  formView,
  type FormView,
  html,
  type PageContext,
  pageLayout,
  type Raw,
  warningText,
} from '../../../web/index.js';
import {
  correctionFields,
  hearingChangeFields,
  hearingFields,
  outcomeFields,
  titleFields,
  withdrawalFields,
} from '../forms.js';
import { jp, outcomeLabel } from '../page-messages.js';
import { AUTHORITY_KINDS, HEARING_OUTCOMES, OFFENCE_CATEGORIES, TITLE_KINDS } from '../rules.js';
import { t } from '../../../core/i18n.js';
import '../messages.js';

export interface Who {
  admissionId: string;
  personId: string;
  name: string;
  committal: string;
}
export interface FormModel {
  values: FormBody | null;
  errors: FormErrors | null;
}

const caption = (lang: Lang, w: Who) => jp.t(lang, 'jpage.form.caption', { name: w.name, committal: w.committal });
const back = (w: Who) => `/people/${w.personId}`;
const dateHint = (lang: Lang) => jp.t(lang, 'jpage.f.date_hint');
const footer = (lang: Lang, w: Who, save = jp.t(lang, 'jpage.form.save')) =>
  html`${button({ text: save })}
<p class="govuk-body"><a class="govuk-link" href="${back(w)}">${jp.t(lang, 'jpage.form.cancel')}</a></p>`;

/** The title's fields, named `prefix` + the API's name (`changes.` for a correction). */
/**
 * A duration (months and days of an extension; years, months and days of a sentence): its boxes side
 * by side under one legend, laid out as GOV.UK's date input (each box keeps its own label and error).
 */
function durationGroup(lang: Lang, f: FormView, what: 'period' | 'sentence', names: string[]): Raw {
  const hintId = `${what}-hint`;
  return html`<div class="govuk-form-group"><fieldset class="govuk-fieldset" role="group" aria-describedby="${hintId}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${jp.t(lang, `jpage.f.${what}`)}</legend>
<div class="govuk-hint" id="${hintId}">${jp.t(lang, `jpage.f.${what}_hint`)}</div>
<div class="govuk-date-input">${names.map((name) => {
    const unit = name.slice(name.lastIndexOf('.') + 1) as 'years' | 'months' | 'days';
    return html`<div class="govuk-date-input__item">${f.input({
      name,
      label: jp.t(lang, `jpage.f.unit.${unit}`),
      labelHidden: jp.t(lang, `jpage.f.${what}_unit_rest`),
      inputmode: 'numeric',
      classes: 'govuk-input--width-3',
    })}</div>`;
  })}</div></fieldset></div>`;
}

function titleControls(lang: Lang, f: FormView, p: string): Raw {
  return html`${f.select({
    name: `${p}kind`,
    placeholder: jp.t(lang, 'jpage.form.choose'),
    items: TITLE_KINDS.map((k) => ({ value: k, text: t(lang, `justice.title.${k}`) })),
  })}
${f.select({
  name: `${p}authority_kind`,
  placeholder: jp.t(lang, 'jpage.form.choose'),
  items: AUTHORITY_KINDS.map((k) => ({ value: k, text: t(lang, `justice.authority.${k}`) })),
})}
${f.input({ name: `${p}authority`, hint: jp.t(lang, 'jpage.f.authority_hint') })}
${f.input({ name: `${p}reference`, spellcheck: false })}
${f.date({ name: `${p}issued_on`, hint: dateHint(lang) })}
${f.select({
  name: `${p}offence_category`,
  placeholder: jp.t(lang, 'jpage.f.offence_none'),
  items: OFFENCE_CATEGORIES.map((c) => ({ value: c, text: t(lang, `justice.category.${c}`) })),
})}
${f.date({ name: `${p}effective_from`, hint: dateHint(lang) })}
${f.date({ name: `${p}valid_until`, hint: dateHint(lang) })}
${durationGroup(lang, f, 'period', [`${p}period.months`, `${p}period.days`])}
${durationGroup(lang, f, 'sentence', [`${p}sentence.years`, `${p}sentence.months`, `${p}sentence.days`])}
${f.date({ name: `${p}sentence_start`, hint: dateHint(lang) })}
${f.input({ name: `${p}case_ref`, spellcheck: false })}
${f.textarea({ name: `${p}notes`, rows: 3 })}`;
}

export function titleFormView(ctx: PageContext, w: Who, m: FormModel & { extension: boolean }): string {
  const lang = ctx.lang;
  const f = formView({ lang, values: m.values, errors: m.errors, fields: titleFields(lang) });
  return pageLayout(
    ctx,
    jp.t(lang, m.extension ? 'jpage.form.extension_new' : 'jpage.form.title_new'),
    html`<form method="post" action="/justice/admissions/${w.admissionId}/titles/new" novalidate>${f.hidden('_csrf', ctx.csrf ?? '')}
${titleControls(lang, f, '')}
${footer(lang, w)}</form>`,
    { errors: f.summaryItems(), caption: caption(lang, w), back: back(w), width: 'two-thirds' },
  );
}

export function correctionFormView(ctx: PageContext, w: Who, titleId: string, m: FormModel): string {
  const lang = ctx.lang;
  const f = formView({ lang, values: m.values, errors: m.errors, fields: correctionFields(lang) });
  return pageLayout(
    ctx,
    jp.t(lang, 'jpage.form.title_correct'),
    html`<p class="govuk-body">${jp.t(lang, 'jpage.form.correct_intro')}</p>
<form method="post" action="/justice/admissions/${w.admissionId}/titles/${titleId}/correct" novalidate>${f.hidden('_csrf', ctx.csrf ?? '')}
${titleControls(lang, f, 'changes.')}
${f.textarea({ name: 'reason', rows: 3 })}
${footer(lang, w)}</form>`,
    { errors: f.summaryItems(), caption: caption(lang, w), back: back(w), width: 'two-thirds' },
  );
}

/** The hearing's fields, named `p` + the API's name (`changes.` for a change). */
function hearingControls(lang: Lang, f: FormView, p: string): Raw {
  return html`${f.input({ name: `${p}court` })}
${f.date({ name: `${p}scheduled_at`, hint: dateHint(lang) })}
${f.input({ name: `${p}scheduled_time`, hint: jp.t(lang, 'jpage.f.scheduled_time_hint'), classes: 'govuk-input--width-5' })}
${f.input({ name: `${p}purpose` })}
${f.input({ name: `${p}production_order_ref`, spellcheck: false })}
${f.input({ name: `${p}ordered_by` })}
${f.input({ name: `${p}escort_unit` })}
${f.input({ name: `${p}escort_leader` })}
${f.input({ name: `${p}escort_size`, inputmode: 'numeric', classes: 'govuk-input--width-3' })}
${f.input({ name: `${p}vehicle` })}`;
}

export function hearingFormView(ctx: PageContext, w: Who, m: FormModel): string {
  const lang = ctx.lang;
  const f = formView({ lang, values: m.values, errors: m.errors, fields: hearingFields(lang) });
  return pageLayout(
    ctx,
    jp.t(lang, 'jpage.form.hearing_new'),
    html`<form method="post" action="/justice/admissions/${w.admissionId}/hearings/new" novalidate>${f.hidden('_csrf', ctx.csrf ?? '')}
${hearingControls(lang, f, '')}
${footer(lang, w)}</form>`,
    { errors: f.summaryItems(), caption: caption(lang, w), back: back(w), width: 'two-thirds' },
  );
}

/** Change a hearing: its values as they stand, the reason, and the version seen (a change made meanwhile is refused). */
export function hearingChangeFormView(ctx: PageContext, w: Who, hearingId: string, m: FormModel): string {
  const lang = ctx.lang;
  const f = formView({ lang, values: m.values, errors: m.errors, fields: hearingChangeFields(lang) });
  return pageLayout(
    ctx,
    jp.t(lang, 'jpage.form.hearing_change'),
    html`<p class="govuk-body">${jp.t(lang, 'jpage.form.hearing_change_intro')}</p>
<form id="hearing-change" method="post" action="/justice/admissions/${w.admissionId}/hearings/${hearingId}/change" novalidate>${f.hidden('_csrf', ctx.csrf ?? '')}${f.hidden('version', typeof m.values?.version === 'string' ? m.values.version : '')}
${hearingControls(lang, f, 'changes.')}
${f.textarea({ name: 'reason', rows: 3 })}
${footer(lang, w)}</form>`,
    { errors: f.summaryItems(), caption: caption(lang, w), back: back(w), width: 'two-thirds' },
  );
}

/** Withdraw a title recorded in error: which title, what follows, the reason. */
export function withdrawalFormView(
  ctx: PageContext,
  w: Who,
  title: { id: string; text: string },
  m: FormModel,
): string {
  const lang = ctx.lang;
  const f = formView({ lang, values: m.values, errors: m.errors, fields: withdrawalFields(lang) });
  return pageLayout(
    ctx,
    jp.t(lang, 'jpage.form.title_withdraw'),
    html`<p class="govuk-body">${jp.t(lang, 'jpage.form.withdraw_intro')}</p>
<p class="govuk-body"><strong>${title.text}</strong></p>
${warningText({ lang, text: jp.t(lang, 'jpage.form.withdraw_warning') })}
<form method="post" action="/justice/admissions/${w.admissionId}/titles/${title.id}/withdraw" novalidate>${f.hidden(
      '_csrf',
      ctx.csrf ?? '',
    )}
${f.textarea({ name: 'reason', rows: 3 })}
${footer(lang, w, jp.t(lang, 'jpage.form.withdraw'))}</form>`,
    { errors: f.summaryItems(), caption: caption(lang, w), back: back(w), width: 'two-thirds' },
  );
}

export function outcomeFormView(
  ctx: PageContext,
  w: Who,
  h: { id: string; when: string; court: string },
  m: FormModel,
): string {
  const lang = ctx.lang;
  const f = formView({ lang, values: m.values, errors: m.errors, fields: outcomeFields(lang) });
  return pageLayout(
    ctx,
    jp.t(lang, 'jpage.form.outcome'),
    html`<p class="govuk-body">${jp.t(lang, 'jpage.form.outcome_intro', { when: h.when, court: h.court })}</p>
<form method="post" action="/justice/admissions/${w.admissionId}/hearings/${h.id}/outcome" novalidate>${f.hidden('_csrf', ctx.csrf ?? '')}
${f.radios({ name: 'outcome', small: true, items: HEARING_OUTCOMES.map((o) => ({ value: o, text: outcomeLabel(lang, o) })) })}
${f.date({ name: 'next_date', hint: dateHint(lang) })}
${f.textarea({ name: 'notes', rows: 3 })}
${footer(lang, w)}</form>`,
    { errors: f.summaryItems(), caption: caption(lang, w), back: back(w), width: 'two-thirds' },
  );
}
