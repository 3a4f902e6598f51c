/**
 * The justice section of the prisoner file (one per open admission): status and legal basis, the
 * title's expiry and days left, alerts, next hearing, release date; the titles and hearings with
 * their links (correct, withdraw; change, record the outcome) for those who may write; the links to
 * record a title, an extension, a hearing.
 */
import type { Lang } from '../../../core/i18n.js';
import { formatDate, html, type Raw, summaryList, table, tag } from '../../../web/index.js';
import { jp, outcomeLabel } from '../page-messages.js';
import type { JusticeFile } from '../service.js';

type Outcome = 'held' | 'adjourned' | 'not_produced' | 'cancelled';

function expiryText(lang: Lang, p: JusticeFile['pretrial']): string {
  if (!p.expires_on || p.days_left === null) return jp.t(lang, 'jpage.file.no_expiry');
  const date = formatDate(lang, p.expires_on);
  if (p.days_left < 0) return jp.t(lang, 'jpage.file.expired', { date, days: -p.days_left });
  if (p.days_left === 0) return jp.t(lang, 'jpage.file.last_day', { date });
  return jp.t(lang, 'jpage.file.days_left', { date, days: p.days_left });
}

export function justiceSection(lang: Lang, file: JusticeFile, o: { mayWrite: boolean }): Raw {
  const aid = file.admission.id;
  const open = !file.admission.ended_at;
  const b = file.basis;
  const now = new Date().toISOString();
  const next = file.hearings
    .filter((h) => !h.outcome && h.scheduled_at >= now)
    .sort((x, y) => x.scheduled_at.localeCompare(y.scheduled_at))[0];
  const r = file.release;
  const id = `justice-${aid}`;
  const rows = [
    { key: { text: jp.t(lang, 'jpage.file.status') }, value: { text: file.status_label } },
    {
      key: { text: jp.t(lang, 'jpage.file.basis') },
      value: {
        text: b
          ? jp.t(lang, 'jpage.file.basis_text', {
              kind: b.kind_label,
              reference: b.reference,
              date: formatDate(lang, b.issued_on),
              authority: b.authority,
            })
          : jp.t(lang, 'jpage.file.basis_none'),
      },
    },
    file.pretrial.applies && {
      key: { text: jp.t(lang, 'jpage.file.expiry') },
      value: { text: expiryText(lang, file.pretrial) },
    },
    file.pretrial.applies && {
      key: { text: jp.t(lang, 'jpage.file.category') },
      value: {
        text: `${file.pretrial.category_label}${file.pretrial.category_assumed_label ? ` — ${file.pretrial.category_assumed_label}` : ''}`,
      },
    },
    file.pretrial.applies &&
      !!file.pretrial.legal_maximum_on && {
        key: { text: jp.t(lang, 'jpage.file.maximum') },
        value: { text: formatDate(lang, file.pretrial.legal_maximum_on) },
      },
    file.pretrial.days_without_title > 0 && {
      key: { text: jp.t(lang, 'jpage.file.without_title') },
      value: { text: String(file.pretrial.days_without_title) },
    },
    {
      key: { text: jp.t(lang, 'jpage.file.next_hearing') },
      value: {
        text: next ? `${next.scheduled_local} — ${next.court}` : jp.t(lang, 'jpage.file.next_hearing_none'),
      },
    },
    {
      key: { text: jp.t(lang, 'jpage.file.release') },
      value: {
        text: !r
          ? jp.t(lang, 'jpage.file.release_none')
          : r.release_on
            ? formatDate(lang, r.release_on)
            : jp.t(lang, 'jpage.file.release_no_date'),
      },
    },
  ];
  const state = (x: JusticeFile['titles'][number]) =>
    x.withdrawn
      ? jp.t(lang, 'jpage.state.withdrawn')
      : x.superseded_by_id
        ? jp.t(lang, 'jpage.state.superseded')
        : x.in_force
          ? jp.t(lang, 'jpage.state.in_force')
          : jp.t(lang, 'jpage.state.spent');
  const titles = table({
    caption: jp.t(lang, 'jpage.file.titles'),
    captionClasses: 'govuk-table__caption--s',
    head: [
      { text: jp.t(lang, 'jpage.col.kind') },
      { text: jp.t(lang, 'jpage.col.reference') },
      { text: jp.t(lang, 'jpage.col.authority') },
      { text: jp.t(lang, 'jpage.col.issued_on') },
      { text: jp.t(lang, 'jpage.col.state') },
      ...(o.mayWrite && open ? [{ text: jp.t(lang, 'jpage.col.actions') }] : []),
    ],
    rows: file.titles.map((x) => [
      { text: x.kind_label },
      { text: x.reference },
      { text: x.authority },
      { text: formatDate(lang, x.issued_on) },
      { text: `${state(x)}${x.correction_reason ? ` (${x.correction_reason})` : ''}` },
      ...(o.mayWrite && open
        ? [
            {
              html:
                !x.superseded_by_id && !x.withdrawn
                  ? html`<a class="govuk-link" href="/justice/admissions/${aid}/titles/${x.id}/correct">${jp.t(
                      lang,
                      'jpage.file.correct',
                    )}<span class="govuk-visually-hidden"> ${x.reference}</span></a> ·
<a class="govuk-link" href="/justice/admissions/${aid}/titles/${x.id}/withdraw">${jp.t(
                      lang,
                      'jpage.file.withdraw',
                    )}<span class="govuk-visually-hidden"> ${x.reference}</span></a>`
                  : html``,
            },
          ]
        : []),
    ]),
  });
  const hearings = file.hearings.length
    ? table({
        caption: jp.t(lang, 'jpage.file.hearings'),
        captionClasses: 'govuk-table__caption--s',
        head: [
          { text: jp.t(lang, 'jpage.col.when') },
          { text: jp.t(lang, 'jpage.col.court') },
          { text: jp.t(lang, 'jpage.col.purpose') },
          { text: jp.t(lang, 'jpage.col.outcome') },
          ...(o.mayWrite && open ? [{ text: jp.t(lang, 'jpage.col.actions') }] : []),
        ],
        rows: file.hearings.map((h) => [
          { text: h.scheduled_local },
          { text: h.court },
          { text: h.purpose ?? '' },
          {
            text: `${outcomeLabel(lang, (h.outcome as Outcome | null) ?? 'pending')}${
              h.next_date ? ` → ${formatDate(lang, h.next_date)}` : ''
            }`,
          },
          ...(o.mayWrite && open
            ? [
                {
                  html: html`${
                    h.outcome
                      ? ''
                      : html`<a class="govuk-link" href="/justice/admissions/${aid}/hearings/${h.id}/change">${jp.t(
                          lang,
                          'jpage.file.change_hearing',
                        )}<span class="govuk-visually-hidden"> ${h.scheduled_local}</span></a> · `
                  }<a class="govuk-link" href="/justice/admissions/${aid}/hearings/${h.id}/outcome">${jp.t(lang, 'jpage.file.record_outcome')}<span class="govuk-visually-hidden"> ${h.scheduled_local}</span></a>`,
                },
              ]
            : []),
        ]),
      })
    : html`<p class="govuk-body">${jp.t(lang, 'jpage.file.hearings_none')}</p>`;
  const alerts = file.alerts.length
    ? html`<ul class="govuk-list justice-alerts">${file.alerts.map(
        (a) =>
          html`<li>${tag({
            text: jp.t(lang, `jpage.severity.${a.severity}`),
            meaning: a.severity,
          })} ${a.label} — ${a.action}</li>`,
      )}</ul>`
    : html`<p class="govuk-body">${jp.t(lang, 'jpage.file.alerts_none')}</p>`;
  const links =
    o.mayWrite && open
      ? html`<p class="actions">
<a class="govuk-link" href="/justice/admissions/${aid}/titles/new">${jp.t(lang, 'jpage.file.record_title')}</a> ·
<a class="govuk-link" href="/justice/admissions/${aid}/titles/new?kind=extension_order">${jp.t(lang, 'jpage.file.record_extension')}</a> ·
<a class="govuk-link" href="/justice/admissions/${aid}/hearings/new">${jp.t(lang, 'jpage.file.schedule_hearing')}</a></p>`
      : null;
  return html`<section class="justice" aria-labelledby="${id}"><h4 id="${id}">${jp.t(lang, 'jpage.file.title')}</h4>
${summaryList({ rows })}
<h5>${jp.t(lang, 'jpage.file.alerts')}</h5>
${alerts}
${titles}
${hearings}
${links}
</section>`;
}
