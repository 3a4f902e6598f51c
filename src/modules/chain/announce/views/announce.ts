/**
 * The announced arrivals' pages: the list, the announcement form (usable on a phone), one
 * announcement, the figures, the partners' view.
 */
import type { Lang } from '../../../../core/i18n.js';
import {
  button,
  type FormBody,
  type FormErrors,
  formatDate,
  formView,
  html,
  type PageContext,
  pageLayout,
  type Raw,
  summaryList,
  table,
  tableScroll,
} from '../../../../web/index.js';
import { announcementFields } from '../forms.js';
import { legalBasisLabel, missingLabel, precisionLabel, sourceLabel, statusLabel } from '../messages.js';
import { p } from '../page-messages.js';
import {
  BIRTH_PRECISIONS,
  type BirthPrecision,
  LEGAL_BASES,
  type LegalBasis,
  MISSING,
  type Missing,
  SOURCES,
  type Source,
  STATUSES,
  type Status,
} from '../rules.js';
import type { AnnouncementViewT, PartnerReplyT } from '../schemas.js';

const link = (href: string, text: string) => html`<a class="govuk-link" href="${href}">${text}</a>`;
const isOf =
  <T extends string>(xs: readonly T[]) =>
  (s: string): s is T =>
    (xs as readonly string[]).includes(s);
const word = <T extends string>(xs: readonly T[], f: (l: Lang, v: T) => string, lang: Lang, v: string) =>
  isOf(xs)(v) ? f(lang, v) : v;
const status = (lang: Lang, s: string) => word<Status>(STATUSES, statusLabel, lang, s);
const missing = (lang: Lang, xs: readonly string[]) =>
  xs.map((x) => word<Missing>(MISSING, missingLabel, lang, x)).join(', ');
/** "décembre 2026" / "December 2026": a month in words, never as an ISO date. */
const monthWords = (lang: Lang, month: string) =>
  new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
const name = (a: { family_name: string; given_names: string | null }) =>
  [a.family_name, a.given_names].filter(Boolean).join(' ');

function announcementTable(lang: Lang, items: readonly AnnouncementViewT[]): Raw {
  return tableScroll(
    p.t(lang, 'chn.list.title'),
    table({
      head: [
        { text: p.t(lang, 'chn.col.expected_on') },
        { text: p.t(lang, 'chn.col.name') },
        { text: p.t(lang, 'chn.col.unit') },
        { text: p.t(lang, 'chn.col.prison') },
        { text: p.t(lang, 'chn.col.status') },
        { text: p.t(lang, 'chn.col.missing') },
      ],
      rows: items.map((a) => [
        { text: formatDate(lang, a.expected_on) },
        { html: link(`/chain/announcements/${a.id}`, name(a)) },
        { text: a.unit_name },
        { text: a.prison_code },
        { text: status(lang, a.status) },
        { text: missing(lang, a.missing) || '—' },
      ]),
    }),
  );
}

export function listView(
  ctx: PageContext,
  m: { items: readonly AnnouncementViewT[]; mayAnnounce: boolean; mayFigures: boolean; mayPartner: boolean },
): string {
  const lang = ctx.lang;
  return pageLayout(
    ctx,
    p.t(lang, 'chn.list.title'),
    html`<p class="govuk-body">${p.t(lang, 'chn.list.intro')}</p>
<ul class="govuk-list">
${m.mayAnnounce ? html`<li>${link('/chain/announcements/new', p.t(lang, 'chn.list.new'))}</li>` : null}
${m.mayFigures ? html`<li>${link('/chain/nothing-shared', p.t(lang, 'chn.list.nothing_shared'))}</li>` : null}
${m.mayPartner ? html`<li>${link('/chain/partner', p.t(lang, 'chn.list.partner'))}</li>` : null}
</ul>
${m.items.length ? announcementTable(lang, m.items) : html`<p class="govuk-body">${p.t(lang, 'chn.list.none')}</p>`}`,
  );
}

/** The reception page's section (the legacy reception page takes it as a string). */
export function expectedSection(lang: Lang, items: readonly AnnouncementViewT[]): string {
  if (!items.length) return '';
  return html`<section aria-labelledby="chain-expected"><h2 class="govuk-heading-m" id="chain-expected">${p.t(
    lang,
    'chn.expected.title',
  )}</h2>
${announcementTable(lang, items)}</section>`.value;
}

export interface NewModel {
  values: FormBody | null;
  errors: FormErrors | null;
  units: readonly { code: string; name: string }[];
  prisons: readonly { code: string; name: string }[];
  jurisdictions: readonly { code: string; name: string }[];
}

export function newView(ctx: PageContext, mdl: NewModel): string {
  const lang = ctx.lang;
  const values = mdl.values ?? { birth_precision: 'year', legal_basis: 'police_custody' };
  const f = formView({ lang, values, errors: mdl.errors, fields: announcementFields(lang) });
  return pageLayout(
    ctx,
    p.t(lang, 'chn.new.title'),
    html`<p class="govuk-body">${p.t(lang, 'chn.new.intro')}</p>
<form method="post" action="/chain/announcements/new" novalidate>${f.hidden('_csrf', ctx.csrf ?? '')}
${
  mdl.units.length > 1
    ? f.select({ name: 'unit', placeholder: '', items: mdl.units.map((u) => ({ value: u.code, text: u.name })) })
    : mdl.units.length === 1
      ? f.hidden('unit', mdl.units[0].code)
      : null
}
${f.select({ name: 'prison', placeholder: '', items: mdl.prisons.map((x) => ({ value: x.code, text: x.name })) })}
<h2 class="govuk-heading-m">${p.t(lang, 'chn.new.identity')}</h2>
${f.input({ name: 'family_name', autocomplete: 'off', spellcheck: false })}
${f.input({ name: 'given_names', autocomplete: 'off', spellcheck: false })}
${f.radios({
  name: 'sex',
  inline: true,
  small: true,
  items: [
    { value: 'male', text: p.t(lang, 'chn.f.sex.male') },
    { value: 'female', text: p.t(lang, 'chn.f.sex.female') },
  ],
})}
${f.select({
  name: 'birth_precision',
  items: BIRTH_PRECISIONS.map((x) => ({ value: x, text: precisionLabel(lang, x) })),
})}
${f.input({ name: 'birth_date', hint: p.t(lang, 'chn.f.birth_date_hint'), classes: 'govuk-input--width-10', spellcheck: false })}
${f.input({ name: 'estimated_age', inputmode: 'numeric', classes: 'govuk-input--width-3' })}
<h2 class="govuk-heading-m">${p.t(lang, 'chn.new.transfer')}</h2>
${f.input({ name: 'from_place', hint: p.t(lang, 'chn.f.from_place_hint') })}
${f.date({ name: 'expected_on' })}
${f.select({ name: 'legal_basis', items: LEGAL_BASES.map((x) => ({ value: x, text: legalBasisLabel(lang, x) })) })}
${f.input({ name: 'legal_reference', spellcheck: false })}
${f.select({ name: 'jurisdiction', placeholder: '', items: mdl.jurisdictions.map((j) => ({ value: j.code, text: j.name })) })}
${f.input({ name: 'charge' })}
${f.checkbox({ name: 'terrorism_related' })}
<h2 class="govuk-heading-m">${p.t(lang, 'chn.new.shared')}</h2>
${f.textarea({ name: 'information', rows: 4 })}
${f.textarea({ name: 'evidence', rows: 4 })}
${button({ text: p.t(lang, 'chn.new.submit') })}
</form>`,
    { errors: f.summaryItems(), width: 'two-thirds', back: '/chain/announcements' },
  );
}

export function showView(ctx: PageContext, a: AnnouncementViewT, m: { done: boolean; mayReceive: boolean }): string {
  const lang = ctx.lang;
  const birth =
    a.birth_precision === 'estimated'
      ? p.t(lang, 'chn.show.age', { age: a.estimated_age ?? '?' })
      : a.birth_precision === 'exact' && a.birth_date
        ? formatDate(lang, a.birth_date)
        : a.birth_precision === 'month' && a.birth_date
          ? monthWords(lang, a.birth_date)
          : (a.birth_date ?? word<BirthPrecision>(BIRTH_PRECISIONS, precisionLabel, lang, a.birth_precision));
  const row = (key: string, value: string | null | undefined) => ({
    key: { text: key },
    value: { text: value || '—' },
  });
  return pageLayout(
    ctx,
    p.t(lang, 'chn.show.title', { name: name(a) }),
    html`${summaryList({
      rows: [
        row(p.t(lang, 'chn.col.status'), status(lang, a.status)),
        row(p.t(lang, 'chn.col.unit'), `${a.unit_name} (${a.unit_code})`),
        row(p.t(lang, 'chn.f.prison'), a.prison_name),
        row(p.t(lang, 'chn.f.expected_on'), formatDate(lang, a.expected_on)),
        row(p.t(lang, 'chn.f.from_place'), a.from_place),
        row(p.t(lang, 'chn.show.birth'), birth),
        row(p.t(lang, 'chn.f.legal_basis'), word<LegalBasis>(LEGAL_BASES, legalBasisLabel, lang, a.legal_basis)),
        row(p.t(lang, 'chn.f.legal_reference'), a.legal_reference),
        row(p.t(lang, 'chn.f.jurisdiction'), a.jurisdiction_name),
        row(p.t(lang, 'chn.f.charge'), a.charge),
        row(p.t(lang, 'chn.f.information'), a.information),
        row(p.t(lang, 'chn.f.evidence'), a.evidence),
      ],
    })}
<h2 class="govuk-heading-m">${p.t(lang, 'chn.show.missing')}</h2>
<p class="govuk-body">${a.missing.length ? missing(lang, a.missing) : p.t(lang, 'chn.show.nothing_missing')}</p>
<h2 class="govuk-heading-m">${p.t(lang, 'chn.show.documents')}</h2>
${
  a.documents
    ? a.documents.length
      ? html`<ul class="govuk-list">${a.documents.map(
          (d) =>
            html`<li>${link(`/chain/documents/${d.id}`, d.title)} — ${word<Source>(SOURCES, sourceLabel, lang, d.source)}</li>`,
        )}</ul>`
      : html`<p class="govuk-body">${p.t(lang, 'chn.show.no_documents')}</p>`
    : html`<p class="govuk-body">${
        a.document_count
          ? p.t(lang, 'chn.show.documents_count', { count: a.document_count })
          : p.t(lang, 'chn.show.no_documents')
      }</p>`
}
${
  a.reception_id && m.mayReceive
    ? html`<p class="govuk-body">${link(`/receptions/${a.reception_id}`, p.t(lang, 'chn.show.reception'))}</p>`
    : null
}
${
  m.mayReceive && a.status === 'announced'
    ? html`<form method="post" action="/chain/announcements/${a.id}/receive" novalidate>
<input type="hidden" name="_csrf" value="${ctx.csrf ?? ''}">${button({ text: p.t(lang, 'chn.show.receive') })}</form>`
    : null
}`,
    {
      back: '/chain/announcements',
      banner: m.done
        ? html`<div class="govuk-notification-banner govuk-notification-banner--success" role="status">
<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${p.t(lang, 'chn.show.done')}</p></div></div>`
        : undefined,
    },
  );
}

export function nothingSharedView(
  ctx: PageContext,
  m: {
    from: string;
    to: string;
    rows: readonly {
      authority_label: string;
      month: string;
      arrivals: number;
      unannounced: number;
      announced_without_information: number;
      nothing_shared: number;
    }[];
  },
): string {
  const lang = ctx.lang;
  const n = (x: number) => ({ text: String(x), format: 'numeric' as const });
  return pageLayout(
    ctx,
    p.t(lang, 'chn.ns.title'),
    html`<p class="govuk-body">${p.t(lang, 'chn.ns.intro', { from: formatDate(lang, m.from), to: formatDate(lang, m.to) })}</p>
${
  m.rows.length
    ? tableScroll(
        p.t(lang, 'chn.ns.title'),
        table({
          head: [
            { text: p.t(lang, 'chn.col.force') },
            { text: p.t(lang, 'chn.col.month') },
            { text: p.t(lang, 'chn.col.arrivals'), format: 'numeric' },
            { text: p.t(lang, 'chn.col.unannounced'), format: 'numeric' },
            { text: p.t(lang, 'chn.col.without_information'), format: 'numeric' },
            { text: p.t(lang, 'chn.col.nothing_shared'), format: 'numeric' },
          ],
          rows: m.rows.map((r) => [
            { text: r.authority_label },
            { text: monthWords(lang, r.month) },
            n(r.arrivals),
            n(r.unannounced),
            n(r.announced_without_information),
            n(r.nothing_shared),
          ]),
        }),
      )
    : html`<p class="govuk-body">${p.t(lang, 'chn.ns.none')}</p>`
}`,
  );
}

export function partnerPage(ctx: PageContext, v: PartnerReplyT): string {
  const lang = ctx.lang;
  const n = (x: number) => ({ text: String(x), format: 'numeric' as const });
  return pageLayout(
    ctx,
    p.t(lang, 'chn.partner.title'),
    html`<p class="govuk-body">${
      v.scope === 'national'
        ? p.t(lang, 'chn.partner.scope_national')
        : p.t(lang, 'chn.partner.scope_jurisdiction', { names: v.jurisdictions.join(', ') || '—' })
    }</p>
<h2 class="govuk-heading-m">${p.t(lang, 'chn.partner.by_force')}</h2>
${tableScroll(
  p.t(lang, 'chn.partner.by_force'),
  table({
    head: [
      { text: p.t(lang, 'chn.col.force') },
      { text: p.t(lang, 'chn.col.announced'), format: 'numeric' },
      { text: p.t(lang, 'chn.col.received'), format: 'numeric' },
      { text: p.t(lang, 'chn.col.awaiting'), format: 'numeric' },
      { text: p.t(lang, 'chn.col.with_missing'), format: 'numeric' },
    ],
    rows: [
      ...v.by_force.map((f) => [
        { text: f.authority_label },
        n(f.announced),
        n(f.received),
        n(f.awaiting),
        n(f.with_missing_information),
      ]),
      [{ text: '∑' }, n(v.announced), n(v.received), n(v.awaiting), n(v.cases.filter((c) => c.missing.length).length)],
    ],
  }),
)}
<h2 class="govuk-heading-m">${p.t(lang, 'chn.partner.custody')}</h2>
${
  v.custody
    ? summaryList({
        rows: [
          {
            key: { text: p.t(lang, 'chn.partner.held_without_charge') },
            value: { text: String(v.custody.held_without_charge) },
          },
          {
            key: { text: p.t(lang, 'chn.partner.custody_breaches') },
            value: { text: String(v.custody.custody_limit_breaches) },
          },
        ],
      })
    : html`<p class="govuk-body">${p.t(lang, 'chn.partner.custody_pending')}</p>`
}
<h2 class="govuk-heading-m">${p.t(lang, 'chn.partner.cases')}</h2>
${tableScroll(
  p.t(lang, 'chn.partner.cases'),
  table({
    head: [
      { text: p.t(lang, 'chn.col.name') },
      { text: p.t(lang, 'chn.col.force') },
      { text: p.t(lang, 'chn.col.prison') },
      { text: p.t(lang, 'chn.col.status') },
      { text: p.t(lang, 'chn.col.missing') },
      { text: p.t(lang, 'chn.col.documents'), format: 'numeric' },
    ],
    rows: v.cases.map((c) => [
      { html: link(`/chain/announcements/${c.id}`, c.name) },
      { text: `${c.authority} — ${c.unit_name}` },
      { text: c.prison_code },
      { text: status(lang, c.status) },
      { text: missing(lang, c.missing) || '—' },
      n(c.document_count),
    ]),
  }),
)}`,
  );
}
