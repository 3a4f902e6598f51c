/** The complaints lists: a prison's open items, the independent body's list, a person's, statistics, reprisal warnings. */
import type { Lang } from '../../../core/i18n.js';
import { colon } from '../../../core/words.js';
import {
  formatDate,
  formatDateTime,
  html,
  type PageContext,
  pageLayout,
  type Raw,
  table,
  tableScroll,
  tag,
} from '../../../web/index.js';
import { categoryLabel, kindLabel, ownerLabel, stateLabel } from '../messages.js';
import { p } from '../page-messages.js';
import type { Category, Kind, Owner, State } from '../rules.js';
import type { ComplaintItemView } from '../schemas.js';

const link = (href: string, text: string) => html`<a class="govuk-link" href="${href}">${text}</a>`;

export function complaintTable(lang: Lang, items: readonly ComplaintItemView[], opts: { prison?: boolean } = {}): Raw {
  if (!items.length) return html`<p class="govuk-body">${p.t(lang, 'cmp.list.none')}</p>`;
  return tableScroll(
    p.t(lang, 'cmp.nav.list'),
    table({
      head: [
        { text: p.t(lang, 'cmp.col.reference') },
        ...(opts.prison ? [{ text: p.t(lang, 'cmp.col.prison') }] : []),
        { text: p.t(lang, 'cmp.col.person') },
        { text: p.t(lang, 'cmp.col.category') },
        { text: p.t(lang, 'cmp.col.age'), format: 'numeric' as const },
        { text: p.t(lang, 'cmp.col.due') },
        { text: p.t(lang, 'cmp.col.state') },
        { text: p.t(lang, 'cmp.col.owner') },
      ],
      rows: items.map((c) => [
        { html: html`${link(`/complaints/${c.id}`, c.reference)}<br>${kindLabel(lang, c.kind as Kind)}` },
        ...(opts.prison ? [{ text: c.prison_code }] : []),
        { html: html`${c.person_name ?? ''}${c.cell ? html` (${p.t(lang, 'cmp.cell', { cell: c.cell })})` : null}` },
        {
          html: html`${categoryLabel(lang, c.category as Category)}${
            c.urgent
              ? html` ${tag({
                  text: p.t(lang, 'cmp.urgent'),
                  meaning: 'critical',
                })}`
              : null
          }${
            c.confidential
              ? html` ${tag({
                  text: p.t(lang, 'cmp.confidential'),
                  meaning: 'info',
                })}`
              : null
          }`,
        },
        { text: String(c.age_days), format: 'numeric' as const },
        {
          html: html`${formatDateTime(lang, c.due_at)}${
            c.overdue
              ? html` ${tag({
                  text: p.t(lang, 'cmp.overdue'),
                  meaning: 'critical',
                })}`
              : null
          }`,
        },
        { text: stateLabel(lang, c.state as State) },
        { text: ownerLabel(lang, c.owner as Owner) },
      ]),
    }),
  );
}

export interface OpenListModel {
  prison: { code: string; name: string };
  prisons: readonly { code: string; name: string }[];
  items: readonly ComplaintItemView[];
  leaders: readonly {
    cell_id: string;
    cell_code: string;
    unit_code: string;
    subject: string;
    detail: string | null;
    raised_on: string;
    leader: string | null;
    age_days: number;
  }[];
  notices: readonly {
    complaint_id: string;
    reference: string;
    prison_code: string;
    category: string;
    seen_at: string | null;
  }[];
  mayRecord: boolean;
}

export function openListView(ctx: PageContext, m: OpenListModel): string {
  const lang = ctx.lang;
  const unseen = m.notices.filter((n) => !n.seen_at);
  const banner = unseen.length
    ? html`<div class="govuk-notification-banner" role="region" aria-labelledby="cmp-notices">
<div class="govuk-notification-banner__header">
<h2 class="govuk-notification-banner__title" id="cmp-notices">${p.t(lang, 'cmp.notices.title')}</h2></div>
<div class="govuk-notification-banner__content"><ul class="govuk-list">
${unseen.map(
  (n) => html`<li>${link(
    `/complaints/${n.complaint_id}`,
    p.t(lang, 'cmp.notices.item', {
      reference: n.reference,
      prison: n.prison_code,
      category: categoryLabel(lang, n.category as Category),
    }),
  )}</li>
`,
)}</ul></div></div>`
    : undefined;
  return pageLayout(
    ctx,
    p.t(lang, 'cmp.list.title', { prison: m.prison.name }),
    html`
<p class="govuk-body">${p.t(lang, 'cmp.list.intro')}</p>
<ul class="govuk-list">
${m.mayRecord ? html`<li>${link(`/complaints/new?prison=${m.prison.code}`, p.t(lang, 'cmp.list.new'))}</li>` : null}
<li>${link(`/complaints/statistics?prison=${m.prison.code}`, p.t(lang, 'cmp.list.statistics'))}</li>
<li>${link(`/complaints/warnings?prison=${m.prison.code}`, p.t(lang, 'cmp.list.warnings'))}</li>
</ul>
${
  m.prisons.length > 1
    ? html`<p class="govuk-body">${p.t(lang, 'cmp.list.prisons')}${colon(lang)}${m.prisons.map(
        (x, i) => html`${i ? ' · ' : ''}${link(`/complaints?prison=${x.code}`, x.code)}`,
      )}</p>
`
    : null
}
${complaintTable(lang, m.items)}
${
  m.leaders.length
    ? html`<h2 class="govuk-heading-m">${p.t(lang, 'cmp.leaders.title')}</h2>
<p class="govuk-body">${p.t(lang, 'cmp.leaders.intro')}</p>
${tableScroll(
  p.t(lang, 'cmp.leaders.title'),
  table({
    head: [
      { text: p.t(lang, 'cmp.leaders.cell') },
      { text: p.t(lang, 'cmp.leaders.subject') },
      { text: p.t(lang, 'cmp.leaders.leader') },
      { text: p.t(lang, 'cmp.col.age'), format: 'numeric' },
    ],
    rows: m.leaders.map((r) => [
      { html: link(`/cells/${r.cell_id}`, `${r.unit_code} / ${r.cell_code}`) },
      { text: r.detail ? `${r.subject} — ${r.detail}` : r.subject },
      { text: r.leader ?? '' },
      { text: String(r.age_days), format: 'numeric' as const },
    ]),
  }),
)}`
    : null
}`,
    { banner },
  );
}

export function inspectorView(ctx: PageContext, m: { body: string; items: readonly ComplaintItemView[] }): string {
  const lang = ctx.lang;
  return pageLayout(
    ctx,
    p.t(lang, 'cmp.inspector.title', { body: m.body }),
    html`<p class="govuk-body">${p.t(lang, 'cmp.inspector.intro')}</p>
<p class="govuk-body">${link('/complaints/warnings', p.t(lang, 'cmp.list.warnings'))}</p>
${complaintTable(lang, m.items, { prison: true })}`,
  );
}

export function personView(
  ctx: PageContext,
  m: { personId: string; admissionId: string | null; items: readonly ComplaintItemView[]; mayRecord: boolean },
): string {
  const lang = ctx.lang;
  return pageLayout(
    ctx,
    p.t(lang, 'cmp.person.title'),
    html`
${
  m.mayRecord && m.admissionId
    ? html`<p class="govuk-body">${link(`/complaints/new?admission=${m.admissionId}`, p.t(lang, 'cmp.person.new'))}</p>
`
    : null
}
${m.items.length ? complaintTable(lang, m.items, { prison: true }) : html`<p class="govuk-body">${p.t(lang, 'cmp.person.none')}</p>`}`,
    { back: `/people/${m.personId}` },
  );
}

type Count = { key: string; count: number };
export function statisticsView(
  ctx: PageContext,
  m: {
    scope: string;
    stats: { total: number; by_category: Count[]; by_quarter: Count[]; by_unit: Count[]; by_quarter_category: Count[] };
  },
): string {
  const lang = ctx.lang;
  const t = (caption: string, rows: Count[], label: (k: string) => string = (k) => k) =>
    table({
      caption,
      captionClasses: 'govuk-table__caption--m',
      head: [{ text: p.t(lang, 'cmp.stats.key') }, { text: p.t(lang, 'cmp.stats.count'), format: 'numeric' }],
      rows: rows.map((r) => [{ text: label(r.key) }, { text: String(r.count), format: 'numeric' as const }]),
    });
  const cat = (k: string) => categoryLabel(lang, k as Category);
  const qc = (k: string) => {
    const [q, c] = k.split(' ');
    return `${q} — ${cat(c)}`;
  };
  return pageLayout(
    ctx,
    p.t(lang, 'cmp.stats.title', { scope: m.scope }),
    html`
<p class="govuk-body">${p.t(lang, 'cmp.stats.total')}${colon(lang)}<strong>${String(m.stats.total)}</strong></p>
${t(p.t(lang, 'cmp.stats.by_category'), m.stats.by_category, cat)}
${t(p.t(lang, 'cmp.stats.by_quarter'), m.stats.by_quarter)}
${t(p.t(lang, 'cmp.stats.by_unit'), m.stats.by_unit)}
${t(p.t(lang, 'cmp.stats.by_quarter_category'), m.stats.by_quarter_category, qc)}`,
  );
}

export interface WarningItem {
  complaint_id: string;
  reference: string;
  person_id: string;
  person_name: string;
  event: string;
  event_at: string;
  triggered_by: string | null;
  seen_by: { name: string; at: string }[];
}
export function warningsView(
  ctx: PageContext,
  m: { items: readonly WarningItem[]; eventLabel: (e: string) => string },
): string {
  const lang = ctx.lang;
  return pageLayout(
    ctx,
    p.t(lang, 'cmp.warn.title'),
    html`<p class="govuk-body">${p.t(lang, 'cmp.warn.intro')}</p>
${
  m.items.length
    ? tableScroll(
        p.t(lang, 'cmp.warn.title'),
        table({
          head: [
            { text: p.t(lang, 'cmp.col.reference') },
            { text: p.t(lang, 'cmp.col.person') },
            { text: p.t(lang, 'cmp.warn.event') },
            { text: p.t(lang, 'cmp.warn.by') },
            { text: p.t(lang, 'cmp.warn.seen') },
          ],
          rows: m.items.map((w) => [
            { html: link(`/complaints/${w.complaint_id}`, w.reference) },
            { text: w.person_name },
            { text: `${m.eventLabel(w.event)} — ${formatDateTime(lang, w.event_at)}` },
            { text: w.triggered_by ?? '' },
            { text: w.seen_by.map((s) => `${s.name} (${formatDate(lang, s.at)})`).join(', ') },
          ]),
        }),
      )
    : html`<p class="govuk-body">${p.t(lang, 'cmp.warn.none')}</p>`
}`,
  );
}
