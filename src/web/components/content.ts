/**
 * Content components: the markup of govukErrorSummary, govukSummaryList, govukTable, govukTag,
 * govukNotificationBanner, govukInsetText, govukWarningText, govukDetails, govukPanel,
 * govukTaskList — with the macros' option names.
 */
import type { Lang } from '../../core/i18n.js';
import { html, raw, type Raw } from '../html.js';
import { kit } from '../messages.js';
import { type Attributes, attributes, attr, classes, type Content, content, hasContent } from './shared.js';

// ---------------------------------------------------------------------------------------------
export interface ErrorSummaryItem extends Content {
  /** "#field-id": the field the message is about (for a date input, its first part). */
  href?: string;
  attributes?: Attributes;
}

export interface ErrorSummaryOptions {
  /** Defaults to "Il y a un problème" / "There is a problem". */
  titleText?: string;
  titleHtml?: Raw;
  lang?: Lang;
  descriptionText?: string;
  descriptionHtml?: Raw;
  errorList: readonly ErrorSummaryItem[];
  classes?: string;
  attributes?: Attributes;
  /**
   * Move focus to the summary without JavaScript (tabindex="-1" + autofocus), as GOV.UK's script
   * does; on by default. Put the summary at the top of the main content, before the h1.
   */
  autofocus?: boolean;
  disableAutoFocus?: boolean;
}

/** govukErrorSummary: a heading, then one link per bad field to that field's id. */
export function errorSummary(o: ErrorSummaryOptions): Raw {
  const title = o.titleHtml ?? o.titleText ?? kit.t(o.lang ?? 'fr', 'kit.errors.title');
  const description = o.descriptionHtml ?? o.descriptionText;
  const focus = o.autofocus !== false;
  return html`<div class="${classes('govuk-error-summary', o.classes)}"${
    o.disableAutoFocus === undefined ? null : html` data-disable-auto-focus="${String(o.disableAutoFocus)}"`
  }${attributes(o.attributes)} data-module="govuk-error-summary"${focus ? raw(' tabindex="-1" autofocus') : null}>
<div role="alert">
<h2 class="govuk-error-summary__title">${title}</h2>
<div class="govuk-error-summary__body">
${description ? html`<p>${description}</p>` : null}
${
  o.errorList.length
    ? html`<ul class="govuk-list govuk-error-summary__list">
${o.errorList.map(
  (
    item,
  ) => html`<li>${item.href ? html`<a href="${item.href}"${attributes(item.attributes)}>${content(item)}</a>` : content(item)}</li>
`,
)}</ul>`
    : null
}
</div>
</div>
</div>`;
}

// ---------------------------------------------------------------------------------------------
export interface SummaryAction extends Content {
  href: string;
  visuallyHiddenText?: string;
  classes?: string;
  attributes?: Attributes;
}

export interface SummaryRow {
  key: Content & { classes?: string };
  value: Content & { classes?: string };
  actions?: { items: readonly SummaryAction[]; classes?: string };
  classes?: string;
}

export interface SummaryCard {
  title?: Content & { headingLevel?: number; classes?: string };
  actions?: { items: readonly SummaryAction[]; classes?: string };
  classes?: string;
  attributes?: Attributes;
}

export interface SummaryListOptions {
  rows: readonly (SummaryRow | null | undefined | false)[];
  card?: SummaryCard;
  classes?: string;
  attributes?: Attributes;
}

function actionLink(a: SummaryAction, cardTitle: Content | undefined): Raw {
  const hidden =
    a.visuallyHiddenText || (cardTitle && hasContent(cardTitle))
      ? html`<span class="govuk-visually-hidden">${a.visuallyHiddenText ? html` ${a.visuallyHiddenText}` : null}${
          cardTitle && hasContent(cardTitle) ? html` (${content(cardTitle)})` : null
        }</span>`
      : null;
  return html`<a class="${classes('govuk-link', a.classes)}" href="${a.href}"${attributes(a.attributes)}>${content(a)}${hidden}</a>`;
}

/** govukSummaryList: key/value rows with optional actions ("Modifier", "Corriger"), optionally in a card. */
export function summaryList(o: SummaryListOptions): Raw {
  const rows = o.rows.filter((r): r is SummaryRow => !!r);
  const anyRowHasActions = rows.some((r) => r.actions?.items.length);
  const cardTitle = o.card?.title;
  const list = html`<dl class="${classes('govuk-summary-list', o.classes)}"${attributes(o.attributes)}>
${rows.map((row) => {
  const actions = row.actions?.items ?? [];
  return html`<div class="${classes(
    'govuk-summary-list__row',
    anyRowHasActions && !actions.length && 'govuk-summary-list__row--no-actions',
    row.classes,
  )}">
<dt class="${classes('govuk-summary-list__key', row.key.classes)}">${content(row.key)}</dt>
<dd class="${classes('govuk-summary-list__value', row.value.classes)}">${content(row.value)}</dd>
${
  actions.length
    ? html`<dd class="${classes('govuk-summary-list__actions', row.actions?.classes)}">${
        actions.length === 1
          ? actionLink(actions[0], cardTitle)
          : html`<ul class="govuk-summary-list__actions-list">
${actions.map((a) => html`<li class="govuk-summary-list__actions-list-item">${actionLink(a, cardTitle)}</li>`)}</ul>`
      }</dd>`
    : null
}
</div>
`;
})}</dl>`;
  if (!o.card) return list;
  const c = o.card;
  const level = c.title?.headingLevel ?? 2;
  const cardActions = c.actions?.items ?? [];
  return html`<div class="${classes('govuk-summary-card', c.classes)}"${attributes(c.attributes)}>
<div class="govuk-summary-card__title-wrapper">
${
  c.title
    ? html`${raw(`<h${level}`)} class="${classes(
        'govuk-summary-card__title',
        c.title.classes,
      )}">${content(c.title)}${raw(`</h${level}>`)}`
    : null
}
${
  cardActions.length === 1
    ? html`<div class="${classes('govuk-summary-card__actions', c.actions?.classes)}">${actionLink(cardActions[0], c.title)}</div>
`
    : null
}
${
  cardActions.length > 1
    ? html`<ul class="${classes('govuk-summary-card__actions', c.actions?.classes)}">${cardActions.map(
        (a) => html`<li class="govuk-summary-card__action">${actionLink(a, c.title)}</li>
`,
      )}</ul>`
    : null
}
</div>
<div class="govuk-summary-card__content">${list}</div>
</div>`;
}

// ---------------------------------------------------------------------------------------------
export interface TableCell extends Content {
  /** "numeric": right-aligned tabular figures */
  format?: 'numeric';
  colspan?: number;
  rowspan?: number;
  classes?: string;
  attributes?: Attributes;
}

export interface TableOptions {
  caption?: string;
  /** e.g. 'govuk-table__caption--m' */
  captionClasses?: string;
  head?: readonly TableCell[];
  rows: readonly (readonly TableCell[] | null | undefined | false)[];
  firstCellIsHeader?: boolean;
  classes?: string;
  attributes?: Attributes;
}

function spans(c: TableCell): Raw {
  return html`${attr('colspan', c.colspan)}${attr('rowspan', c.rowspan)}${attributes(c.attributes)}`;
}

/** govukTable. Wrap a wide table in `tableScroll` so it scrolls in its own box on a phone. */
export function table(o: TableOptions): Raw {
  return html`<table class="${classes('govuk-table', o.classes)}"${attributes(o.attributes)}>
${o.caption ? html`<caption class="${classes('govuk-table__caption', o.captionClasses)}">${o.caption}</caption>` : null}
${
  o.head
    ? html`<thead class="govuk-table__head"><tr class="govuk-table__row">
${o.head.map(
  (c) => html`<th scope="col" class="${classes(
    'govuk-table__header',
    c.format && `govuk-table__header--${c.format}`,
    c.classes,
  )}"${spans(c)}>${content(c)}</th>
`,
)}</tr></thead>`
    : null
}
<tbody class="govuk-table__body">
${o.rows.map((row) =>
  row
    ? html`<tr class="govuk-table__row">
${row.map((c, i) =>
  i === 0 && o.firstCellIsHeader
    ? html`<th scope="row" class="${classes('govuk-table__header', c.classes)}"${spans(c)}>${content(c)}</th>
`
    : html`<td class="${classes(
        'govuk-table__cell',
        c.format && `govuk-table__cell--${c.format}`,
        c.classes,
      )}"${spans(c)}>${content(c)}</td>
`,
)}</tr>
`
    : null,
)}</tbody>
</table>`;
}

/** A box that scrolls sideways when its table is wider than the screen (the page itself never does). */
export function tableScroll(label: string, inner: Raw): Raw {
  return html`<div class="pmis-table-scroll" role="region" aria-label="${label}" tabindex="0">${inner}</div>`;
}

// ---------------------------------------------------------------------------------------------
/** What a tag means, not its colour: critical (red), warning (yellow), ok (green), info (blue), neutral (grey). */
export type TagMeaning = 'critical' | 'warning' | 'ok' | 'info' | 'neutral';
export const TAG_CLASS: Record<TagMeaning, string | null> = {
  critical: 'govuk-tag--red',
  warning: 'govuk-tag--yellow',
  ok: 'govuk-tag--green',
  info: null,
  neutral: 'govuk-tag--grey',
};

export interface TagOptions extends Content {
  meaning?: TagMeaning;
  classes?: string;
  attributes?: Attributes;
}

/** govukTag, coloured by meaning. */
export function tag(o: TagOptions): Raw {
  return html`<strong class="${classes(
    'govuk-tag',
    o.meaning && TAG_CLASS[o.meaning],
    o.classes,
  )}"${attributes(o.attributes)}>${content(o)}</strong>`;
}

// ---------------------------------------------------------------------------------------------
export interface NotificationBannerOptions extends Content {
  type?: 'success';
  /** Defaults to "Important", or "Enregistré" / "Success" for the success variant. */
  titleText?: string;
  titleHtml?: Raw;
  titleId?: string;
  titleHeadingLevel?: number;
  role?: string;
  lang: Lang;
  disableAutoFocus?: boolean;
  classes?: string;
  attributes?: Attributes;
}

/** govukNotificationBanner; the success variant has role="alert". */
export function notificationBanner(o: NotificationBannerOptions): Raw {
  const success = o.type === 'success';
  const role = o.role ?? (success ? 'alert' : 'region');
  const titleId = o.titleId || 'govuk-notification-banner-title';
  const level = o.titleHeadingLevel || 2;
  const title = o.titleHtml ?? o.titleText ?? kit.t(o.lang, success ? 'kit.success' : 'kit.important');
  const body =
    o.html !== undefined
      ? o.html
      : o.text !== undefined
        ? html`<p class="govuk-notification-banner__heading">${String(o.text)}</p>`
        : null;
  return html`<div class="${classes(
    'govuk-notification-banner',
    success && 'govuk-notification-banner--success',
    o.classes,
  )}" role="${role}" aria-labelledby="${titleId}" data-module="govuk-notification-banner"${
    o.disableAutoFocus === undefined ? null : html` data-disable-auto-focus="${String(o.disableAutoFocus)}"`
  }${attributes(o.attributes)}>
<div class="govuk-notification-banner__header">
${raw(`<h${level}`)} class="govuk-notification-banner__title" id="${titleId}">${title}${raw(`</h${level}>`)}
</div>
<div class="govuk-notification-banner__content">${body}</div>
</div>`;
}

export interface SimpleOptions extends Content {
  id?: string;
  classes?: string;
  attributes?: Attributes;
}

/** govukInsetText: a quotation, an example, an aside. */
export function insetText(o: SimpleOptions): Raw {
  return html`<div${attr('id', o.id)} class="${classes('govuk-inset-text', o.classes)}"${attributes(o.attributes)}>${content(o)}</div>`;
}

export interface WarningTextOptions extends Content {
  /** Defaults to "Attention" / "Warning". */
  iconFallbackText?: string;
  lang: Lang;
  classes?: string;
  attributes?: Attributes;
}

/** govukWarningText: "!" and a bold warning (the hidden word says it is one). */
export function warningText(o: WarningTextOptions): Raw {
  return html`<div class="${classes('govuk-warning-text', o.classes)}"${attributes(o.attributes)}>
<span class="govuk-warning-text__icon" aria-hidden="true">!</span>
<strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">${
    o.iconFallbackText || kit.t(o.lang, 'kit.warning')
  }</span> ${content(o)}</strong>
</div>`;
}

export interface DetailsOptions extends Content {
  summaryText?: string;
  summaryHtml?: Raw;
  open?: boolean;
  id?: string;
  classes?: string;
  attributes?: Attributes;
}

/** govukDetails: a summary that opens (native <details>, no JavaScript). */
export function details(o: DetailsOptions): Raw {
  return html`<details${attr('id', o.id)} class="${classes('govuk-details', o.classes)}"${attributes(o.attributes)}${
    o.open ? raw(' open') : null
  }>
<summary class="govuk-details__summary"><span class="govuk-details__summary-text">${o.summaryHtml ?? o.summaryText ?? ''}</span></summary>
<div class="govuk-details__text">${content(o)}</div>
</details>`;
}

export interface PanelOptions extends Content {
  titleText?: string;
  titleHtml?: Raw;
  headingLevel?: number;
  classes?: string;
  attributes?: Attributes;
}

/** govukPanel (confirmation): "Admission enregistrée — numéro d'écrou BKO-2026-000123". */
export function panel(o: PanelOptions): Raw {
  const level = o.headingLevel || 1;
  return html`<div class="${classes('govuk-panel', 'govuk-panel--confirmation', o.classes)}"${attributes(o.attributes)}>
${raw(`<h${level}`)} class="govuk-panel__title">${o.titleHtml ?? o.titleText ?? ''}${raw(`</h${level}>`)}
${hasContent(o) ? html`<div class="govuk-panel__body">${content(o)}</div>` : null}
</div>`;
}

// ---------------------------------------------------------------------------------------------
export interface TaskListItem {
  title: Content & { classes?: string };
  hint?: Content;
  /** A status text, or a tag (e.g. "À faire" in blue, "Terminé" without colour). */
  status: (Content | { tag: TagOptions }) & { classes?: string };
  href?: string;
  classes?: string;
}

export interface TaskListOptions {
  items: readonly (TaskListItem | null | undefined | false)[];
  idPrefix?: string;
  classes?: string;
  attributes?: Attributes;
}

/** govukTaskList: the reception's steps, each with its status. */
export function taskList(o: TaskListOptions): Raw {
  const idPrefix = o.idPrefix || 'task-list';
  return html`<ul class="${classes('govuk-task-list', o.classes)}"${attributes(o.attributes)}>
${o.items.map((item, i) => {
  if (!item) return null;
  const index = i + 1;
  const hintId = `${idPrefix}-${index}-hint`;
  const statusId = `${idPrefix}-${index}-status`;
  const status = 'tag' in item.status ? tag(item.status.tag) : content(item.status);
  return html`<li class="${classes('govuk-task-list__item', item.href && 'govuk-task-list__item--with-link', item.classes)}">
<div class="govuk-task-list__name-and-hint">
${
  item.href
    ? html`<a class="${classes(
        'govuk-link',
        'govuk-task-list__link',
        item.title.classes,
      )}" href="${item.href}" aria-describedby="${item.hint ? `${hintId} ` : ''}${statusId}">${content(item.title)}</a>`
    : html`<div${attr('class', item.title.classes)}>${content(item.title)}</div>`
}
${item.hint ? html`<div id="${hintId}" class="govuk-task-list__hint">${content(item.hint)}</div>` : null}
</div>
<div class="${classes('govuk-task-list__status', item.status.classes)}" id="${statusId}">${status}</div>
</li>
`;
})}</ul>`;
}
