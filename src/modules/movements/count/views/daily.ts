/** The daily state ("situation journalière") of a prison, printable for the director, and the national view. */
import type { Lang } from '../../../../core/i18n.js';
import { addDays } from '../../../justice/index.js';
import { legalStatusLabel, LEGAL_STATUSES, type LegalStatus } from '../../../custody/index.js';
import {
  formatDate,
  formatNumber,
  formatTime,
  html,
  type PageContext,
  pageLayout,
  summaryList,
  table,
  tableScroll,
  warningText,
} from '../../../../web/index.js';
import { m, purposeLabel, slotLabel, stateLabel } from '../messages.js';
import type { EscortPurpose, RoundState } from '../rules.js';
import type { DailyStateT, NationalStateT } from '../schemas.js';
import { resultTag } from './count.js';

const t = m.t.bind(m);
const n = (lang: Lang, x: number) => formatNumber(lang, x);
type Fig = Pick<
  DailyStateT,
  | 'population_start'
  | 'population_end'
  | 'admissions'
  | 'transfers_in'
  | 'releases'
  | 'transfers_out'
  | 'escapes'
  | 'deaths'
  | 'total_in'
  | 'total_out'
  | 'computed_end'
  | 'balanced'
  | 'by_status'
  | 'out_on_escort'
>;

function dayLinks(lang: Lang, base: string, date: string) {
  const sep = base.includes('?') ? '&' : '?';
  return html`<p class="govuk-body pmis-no-print"><a class="govuk-link" href="${base}${sep}date=${addDays(date, -1)}">${t(lang, 'movements.count.daily.previous')}</a> · <a class="govuk-link" href="${base}${sep}date=${addDays(date, 1)}">${t(lang, 'movements.count.daily.next')}</a></p>`;
}

function figures(lang: Lang, f: Fig) {
  const row = (key: Parameters<typeof t>[1], v: number, strong = false) => ({
    key: { text: t(lang, key as 'movements.count.daily.admissions') },
    value: strong ? { html: html`<strong>${n(lang, v)}</strong>` } : { text: n(lang, v) },
  });
  return html`${summaryList({
    rows: [
      row('movements.count.daily.population_start', f.population_start, true),
      row('movements.count.daily.admissions', f.admissions),
      row('movements.count.daily.transfers_in', f.transfers_in),
      row('movements.count.daily.total_in', f.total_in),
      row('movements.count.daily.releases', f.releases),
      row('movements.count.daily.transfers_out', f.transfers_out),
      row('movements.count.daily.escapes', f.escapes),
      row('movements.count.daily.deaths', f.deaths),
      row('movements.count.daily.total_out', f.total_out),
      row('movements.count.daily.population_end', f.population_end, true),
      row('movements.count.daily.out_on_escort', f.out_on_escort),
    ],
  })}${
    f.balanced
      ? null
      : warningText({
          lang,
          text: t(lang, 'movements.count.daily.unbalanced', {
            computed: n(lang, f.computed_end),
            end: n(lang, f.population_end),
          }),
        })
  }`;
}

function byStatus(lang: Lang, f: Fig) {
  const statuses = [
    ...LEGAL_STATUSES,
    ...Object.keys(f.by_status).filter((s) => !(LEGAL_STATUSES as readonly string[]).includes(s)),
  ];
  return tableScroll(
    t(lang, 'movements.count.daily.by_status'),
    table({
      head: [
        { text: t(lang, 'movements.count.daily.status') },
        { text: t(lang, 'movements.count.daily.number'), format: 'numeric' },
      ],
      rows: statuses.map((s) => [
        {
          text: (LEGAL_STATUSES as readonly string[]).includes(s)
            ? legalStatusLabel(lang, { status: s as LegalStatus })
            : s,
        },
        { text: n(lang, f.by_status[s] ?? 0), format: 'numeric' },
      ]),
    }),
  );
}

export function dailyView(ctx: PageContext, d: DailyStateT, printedBy: string): string {
  const lang = ctx.lang;
  const escorts = d.escorts.length
    ? tableScroll(
        t(lang, 'movements.count.daily.escorts'),
        table({
          head: [
            { text: t(lang, 'movements.count.col.person') },
            { text: t(lang, 'movements.count.col.purpose') },
            { text: t(lang, 'movements.count.col.destination') },
            { text: t(lang, 'movements.count.col.out') },
            { text: t(lang, 'movements.count.col.back') },
          ],
          rows: d.escorts.map((e) => [
            { html: html`<strong>${e.family_name}</strong> ${e.given_names}` },
            { text: purposeLabel(lang, e.purpose as EscortPurpose) },
            { text: e.destination },
            { text: formatTime(lang, e.out_at) },
            { text: e.back_at ? formatTime(lang, e.back_at) : '—' },
          ]),
        }),
      )
    : null;
  const counts = d.rounds.length
    ? tableScroll(
        t(lang, 'movements.count.daily.counts'),
        table({
          head: [
            { text: t(lang, 'movements.count.day.unit') },
            { text: t(lang, 'movements.count.nav.count') },
            { text: t(lang, 'movements.count.col.expected'), format: 'numeric' },
            { text: t(lang, 'movements.count.sheet.counted'), format: 'numeric' },
            { text: t(lang, 'movements.count.daily.result') },
            { text: t(lang, 'movements.count.daily.state') },
          ],
          rows: d.rounds.map((r) => [
            { text: r.unit_code },
            { html: html`<a class="govuk-link" href="/movements/count/${r.id}">${slotLabel(lang, r.slot)}</a>` },
            { text: n(lang, r.expected), format: 'numeric' },
            { text: n(lang, r.counted), format: 'numeric' },
            { html: resultTag(lang, r) },
            { text: `${stateLabel(lang, r.state as RoundState)}${r.validated_by ? ` (${r.validated_by})` : ''}` },
          ]),
        }),
      )
    : html`<p class="govuk-body">${t(lang, 'movements.count.daily.no_counts')}</p>`;
  return pageLayout(
    ctx,
    t(lang, 'movements.count.daily.title', { prison: d.prison_name }),
    html`${dayLinks(lang, `/movements/daily-state?prison=${d.prison_code}`, d.date)}
<h2 class="govuk-heading-m">${t(lang, 'movements.count.daily.movements')}</h2>
${figures(lang, d)}
<h2 class="govuk-heading-m">${t(lang, 'movements.count.daily.by_status')}</h2>
${byStatus(lang, d)}
<h2 class="govuk-heading-m">${t(lang, 'movements.count.daily.escorts')}</h2>
${escorts ?? html`<p class="govuk-body">${t(lang, 'movements.count.escorts.none_out')}</p>`}
<h2 class="govuk-heading-m">${t(lang, 'movements.count.daily.counts')}</h2>
${counts}`,
    {
      caption: t(lang, 'movements.count.daily.of', { date: formatDate(lang, d.date) }),
      letterhead: { prison: d.prison_name, printedBy },
    },
  );
}

export function nationalView(ctx: PageContext, s: NationalStateT, printedBy: string): string {
  const lang = ctx.lang;
  const cols = (f: Fig) => [
    { text: n(lang, f.population_start), format: 'numeric' as const },
    { text: n(lang, f.total_in), format: 'numeric' as const },
    { text: n(lang, f.total_out), format: 'numeric' as const },
    { text: n(lang, f.escapes), format: 'numeric' as const },
    { text: n(lang, f.deaths), format: 'numeric' as const },
    { text: n(lang, f.population_end), format: 'numeric' as const },
    { text: n(lang, f.out_on_escort), format: 'numeric' as const },
  ];
  return pageLayout(
    ctx,
    t(lang, 'movements.count.national.title'),
    html`${dayLinks(lang, '/movements/daily-state/national', s.date)}
${tableScroll(
  t(lang, 'movements.count.national.title'),
  table({
    head: [
      { text: t(lang, 'movements.count.national.prison') },
      { text: t(lang, 'movements.count.national.start'), format: 'numeric' },
      { text: t(lang, 'movements.count.national.in'), format: 'numeric' },
      { text: t(lang, 'movements.count.national.out'), format: 'numeric' },
      { text: t(lang, 'movements.count.daily.escapes'), format: 'numeric' },
      { text: t(lang, 'movements.count.daily.deaths'), format: 'numeric' },
      { text: t(lang, 'movements.count.national.end'), format: 'numeric' },
      { text: t(lang, 'movements.count.daily.out_on_escort'), format: 'numeric' },
    ],
    rows: [
      ...s.prisons.map((p) => [
        {
          html: html`<a class="govuk-link" href="/movements/daily-state?prison=${p.prison_code}&date=${s.date}">${p.prison_name}</a>`,
        },
        ...cols(p),
      ]),
      [{ html: html`<strong>${t(lang, 'movements.count.national.total')}</strong>` }, ...cols(s)],
    ],
  }),
)}
<h2 class="govuk-heading-m">${t(lang, 'movements.count.daily.movements')}</h2>
${figures(lang, s)}
<h2 class="govuk-heading-m">${t(lang, 'movements.count.daily.by_status')}</h2>
${byStatus(lang, s)}`,
    {
      caption: t(lang, 'movements.count.daily.of', { date: formatDate(lang, s.date) }),
      letterhead: { prison: t(lang, 'movements.count.national.title'), printedBy },
    },
  );
}
