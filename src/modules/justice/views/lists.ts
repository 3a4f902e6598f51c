/** The alert list (with filters) and the printable court list. */
import type { Lang } from '../../../core/i18n.js';
import {
  button,
  formatDate,
  html,
  type PageContext,
  pageLayout,
  select,
  table,
  tableScroll,
  tag,
} from '../../../web/index.js';
import { jp, kindOfAlert } from '../page-messages.js';
import { ALERT_KINDS } from '../rules.js';
import type { AlertView, CourtList } from '../service.js';
import { t } from '../../../core/i18n.js';
import '../messages.js';

export interface AlertsModel {
  asOf: string;
  prisons: readonly { code: string; name: string }[];
  filters: { prison: string; kind: string; severity: string };
  items: readonly AlertView[];
}

const pick = (
  lang: Lang,
  name: string,
  label: string,
  value: string,
  items: readonly { value: string; text: string }[],
) =>
  select({
    id: name,
    name,
    label: { text: label },
    items: items.map((i) => ({ ...i, selected: i.value === value })),
    formGroup: { classes: 'pmis-filter' },
  });

export function alertsView(ctx: PageContext, m: AlertsModel): string {
  const lang = ctx.lang;
  const filters = html`<form method="get" action="/justice/alerts" class="pmis-no-print">
${pick(lang, 'prison', jp.t(lang, 'jpage.alerts.prison'), m.filters.prison, [
  { value: '', text: jp.t(lang, 'jpage.alerts.all_prisons') },
  ...m.prisons.map((p) => ({ value: p.code, text: `${p.name} (${p.code})` })),
])}
${pick(lang, 'kind', jp.t(lang, 'jpage.alerts.kind'), m.filters.kind, [
  { value: '', text: jp.t(lang, 'jpage.alerts.all_kinds') },
  ...ALERT_KINDS.map((k) => ({ value: k, text: kindOfAlert(lang, k) })),
])}
${pick(lang, 'severity', jp.t(lang, 'jpage.alerts.severity'), m.filters.severity, [
  { value: '', text: jp.t(lang, 'jpage.alerts.all_severities') },
  { value: 'critical', text: jp.t(lang, 'jpage.severity.critical') },
  { value: 'warning', text: jp.t(lang, 'jpage.severity.warning') },
])}
${button({ text: jp.t(lang, 'jpage.alerts.filter'), classes: 'govuk-button--secondary' })}
</form>`;
  const list = m.items.length
    ? tableScroll(
        jp.t(lang, 'jpage.alerts.title'),
        table({
          head: [
            { text: jp.t(lang, 'jpage.alerts.severity') },
            { text: jp.t(lang, 'jpage.alerts.committal') },
            { text: jp.t(lang, 'jpage.alerts.person') },
            { text: jp.t(lang, 'jpage.alerts.what') },
            { text: jp.t(lang, 'jpage.alerts.action') },
          ],
          rows: m.items.map((a) => [
            { html: tag({ text: jp.t(lang, `jpage.severity.${a.severity}`), meaning: a.severity }) },
            { text: a.committal_number ?? '' },
            {
              html: a.personId
                ? html`<a class="govuk-link" href="/people/${a.personId}">${a.person_name ?? ''}</a>`
                : html`${a.person_name ?? ''}`,
            },
            { text: a.label },
            { text: a.action },
          ]),
        }),
      )
    : html`<p class="govuk-body">${jp.t(lang, 'jpage.alerts.none')}</p>`;
  return pageLayout(
    ctx,
    jp.t(lang, 'jpage.alerts.title'),
    html`<p class="govuk-body">${jp.t(lang, 'jpage.alerts.intro', { date: formatDate(lang, m.asOf) })}</p>
${filters}
<p class="govuk-body" role="status">${jp.t(lang, 'jpage.alerts.count', { n: m.items.length })}</p>
${list}
${m.filters.prison ? html`<p class="govuk-body pmis-no-print"><a class="govuk-link" href="/justice/court-list?prison=${m.filters.prison}">${jp.t(lang, 'jpage.alerts.court_list')}</a></p>` : null}`,
  );
}

export interface CourtListModel {
  list: CourtList;
  prisons: readonly { code: string; name: string }[];
  printedBy: string;
}

export function courtListView(ctx: PageContext, m: CourtListModel): string {
  const lang = ctx.lang;
  const l = m.list;
  const [y, mo, d] = l.date.split('-');
  const filters = html`<form method="get" action="/justice/court-list" class="pmis-no-print">
${
  m.prisons.length > 1
    ? pick(
        lang,
        'prison',
        jp.t(lang, 'jpage.alerts.prison'),
        l.prison_code,
        m.prisons.map((p) => ({ value: p.code, text: `${p.name} (${p.code})` })),
      )
    : html`<input type="hidden" name="prison" value="${l.prison_code}">`
}
<div class="govuk-form-group"><fieldset class="govuk-fieldset" role="group"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${jp.t(lang, 'jpage.court.date')}</legend>
<div class="govuk-date-input">
${(
  [
    ['day', d, 2],
    ['month', mo, 2],
    ['year', y, 4],
  ] as const
).map(
  ([part, v, w]) =>
    html`<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="date-${part}">${jp.t(lang, `jpage.court.${part}`)}</label>
<input class="govuk-input govuk-date-input__input govuk-input--width-${w}" id="date-${part}" name="date.${part}" type="text" inputmode="numeric" value="${String(Number(v))}"></div></div>`,
)}
</div></fieldset></div>
${button({ text: jp.t(lang, 'jpage.court.show'), classes: 'govuk-button--secondary' })}
</form>`;
  const rows = l.items.map((i) => [
    { text: i.scheduled_local.split(' ').slice(-1)[0] ?? '' },
    {
      html: html`<strong>${i.family_name}</strong> ${i.given_names}${
        i.father_name ? html`<br><small>${t(lang, 'justice.court_list.son_of', { name: i.father_name })}</small>` : null
      }`,
    },
    { text: i.committal_number },
    { text: i.cell ?? '' },
    { html: html`${i.court}${i.purpose ? html`<br><small>${i.purpose}</small>` : null}` },
    { html: html`${i.charges.map((c) => html`${c}<br>`)}` },
    {
      html: html`${i.production_order_ref ?? ''}${i.ordered_by ? html`<br><small>${i.ordered_by}</small>` : null}`,
    },
    {
      text: [
        i.escort_unit,
        i.escort_leader,
        i.escort_size !== null ? t(lang, 'justice.court_list.escort_size', { count: i.escort_size }) : null,
        i.vehicle,
      ]
        .filter(Boolean)
        .join(' · '),
    },
  ]);
  return pageLayout(
    ctx,
    t(lang, 'justice.court_list.title', { prison: l.prison_name, date: formatDate(lang, l.date) }),
    html`<p class="govuk-body pmis-no-print">${jp.t(lang, 'jpage.court.intro')}</p>
${filters}
<p class="govuk-body">${t(lang, 'justice.court_list.count', { count: l.items.length })}</p>
${
  l.items.length
    ? tableScroll(
        jp.t(lang, 'jpage.nav.court_list'),
        table({
          classes: 'pmis-court-list',
          head: [
            { text: t(lang, 'justice.court_list.time') },
            { text: t(lang, 'justice.court_list.detainee') },
            { text: t(lang, 'justice.court_list.committal') },
            { text: t(lang, 'justice.court_list.cell') },
            { text: t(lang, 'justice.court_list.court') },
            { text: t(lang, 'justice.court_list.charges') },
            { text: t(lang, 'justice.court_list.order') },
            { text: t(lang, 'justice.court_list.escort') },
          ],
          rows,
        }),
      )
    : html`<p class="govuk-body">${t(lang, 'justice.court_list.empty')}</p>`
}
<h2 class="govuk-heading-s">${jp.t(lang, 'jpage.court.signatures')}</h2>
<dl class="govuk-summary-list pmis-signatures">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${t(
      lang,
      'justice.court_list.registry_signature',
    )}</dt><dd class="govuk-summary-list__value"></dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${t(
      lang,
      'justice.court_list.escort_signature',
    )}</dt><dd class="govuk-summary-list__value"></dd></div>
</dl>
<p class="govuk-body pmis-no-print">${jp.t(lang, 'jpage.court.print')}</p>`,
    { letterhead: { prison: l.prison_name, printedBy: m.printedBy } },
  );
}
