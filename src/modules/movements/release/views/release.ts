/** Releases: the release-due list (page and home section), the check form, the release page, the certificate. */
import type { Lang } from '../../../../core/i18n.js';
import {
  button,
  type FormBody,
  type FormErrors,
  formatDate,
  formatDateTime,
  formView,
  html,
  insetText,
  notificationBanner,
  type PageContext,
  pageLayout,
  panel,
  type Raw,
  summaryList,
  table,
  tableScroll,
  tag,
  warningText,
} from '../../../../web/index.js';
import { checkFields, completionFields, confirmFields, noticeFields } from '../forms.js';
import { audienceLabel, channelLabel, dueLabel, incidentLabel, reasonLabel, stateLabel } from '../messages.js';
import { p } from '../page-messages.js';
import {
  AUDIENCES,
  type Audience,
  type Channel,
  CHANNELS,
  type DueKind,
  type IncidentKind,
  RELEASE_REASONS,
  type ReleaseReason,
  type ReleaseState,
} from '../rules.js';
import type { DueReplyT, ReleaseViewT } from '../schemas.js';

const yesNo = (lang: Lang, v: boolean | null) =>
  v === null ? '' : v ? p.t(lang, 'movements.release.yes') : p.t(lang, 'movements.release.no');

/** The release-due rows (the page and the director's home page). */
export function dueTable(lang: Lang, items: DueReplyT['items'], opts: { mayPrepare: boolean }): Raw {
  return tableScroll(
    p.t(lang, 'movements.release.due.title'),
    table({
      head: [
        { text: p.t(lang, 'movements.release.col.why') },
        { text: p.t(lang, 'movements.release.col.committal') },
        { text: p.t(lang, 'movements.release.col.person') },
        { text: p.t(lang, 'movements.release.col.justice') },
        { text: p.t(lang, 'movements.release.col.next') },
      ],
      rows: items.map((i) => [
        {
          html: tag({
            text: dueLabel(lang, i.due as DueKind),
            meaning:
              i.due === 'expired_title' || i.due === 'no_title' || i.due === 'release_due' ? 'critical' : 'warning',
          }),
        },
        { text: i.committal_number ?? '' },
        {
          html: i.person_id
            ? html`<a class="govuk-link" href="/people/${i.person_id}">${i.person_name ?? ''}</a>`
            : html`${i.person_name ?? ''}`,
        },
        { text: i.label },
        {
          html: i.release_id
            ? html`<a class="govuk-link" href="/movements/releases/${i.release_id}">${p.t(lang, 'movements.release.due.open')}</a> (${stateLabel(lang, i.release_state as ReleaseState)})`
            : opts.mayPrepare
              ? html`<a class="govuk-link" href="/movements/releases/new?admission=${i.admission_id}">${p.t(lang, 'movements.release.due.prepare')}</a>`
              : html`${i.action}`,
        },
      ]),
    }),
  );
}

export interface DueModel {
  due: DueReplyT;
  prisons: readonly { code: string; name: string }[];
  recent: {
    releases: { id: string; person_name: string; reason: string; state: string; at: string }[];
    incidents: { id: string; person_name: string; kind: string; at: string; recaptured: boolean }[];
  };
}

export function dueView(ctx: PageContext, mdl: DueModel): string {
  const lang = ctx.lang;
  const d = mdl.due;
  return pageLayout(
    ctx,
    `${p.t(lang, 'movements.release.due.title')} — ${d.prison.name}`,
    html`<p class="govuk-body">${p.t(lang, 'movements.release.due.intro')}</p>
${
  mdl.prisons.length > 1
    ? html`<form method="get" action="/movements/release-due" class="pmis-no-print">
<div class="govuk-form-group"><label class="govuk-label" for="prison">${p.t(lang, 'movements.release.prison')}</label>
<select class="govuk-select" id="prison" name="prison">${mdl.prisons.map(
        (x) => html`<option value="${x.code}"${x.code === d.prison.code ? html` selected` : null}>${x.name}</option>`,
      )}</select></div>
${button({ text: p.t(lang, 'movements.release.choose_prison'), classes: 'govuk-button--secondary' })}
</form>`
    : null
}
${d.items.length ? dueTable(lang, d.items, { mayPrepare: true }) : html`<p class="govuk-body">${p.t(lang, 'movements.release.due.none')}</p>`}
${
  mdl.recent.releases.length
    ? html`<h2 class="govuk-heading-m">${p.t(lang, 'movements.release.recent')}</h2>
${tableScroll(
  p.t(lang, 'movements.release.recent'),
  table({
    head: [
      { text: p.t(lang, 'movements.release.col.person') },
      { text: p.t(lang, 'movements.release.col.why') },
      { text: p.t(lang, 'movements.release.col.state') },
      { text: p.t(lang, 'movements.release.col.when') },
    ],
    rows: mdl.recent.releases.map((r) => [
      { html: html`<a class="govuk-link" href="/movements/releases/${r.id}">${r.person_name}</a>` },
      { text: reasonLabel(lang, r.reason as ReleaseReason) },
      { text: stateLabel(lang, r.state as ReleaseState) },
      { text: formatDateTime(lang, r.at) },
    ]),
  }),
)}`
    : null
}
${
  mdl.recent.incidents.length
    ? html`<h2 class="govuk-heading-m">${p.t(lang, 'movements.release.recent_incidents')}</h2>
${tableScroll(
  p.t(lang, 'movements.release.recent_incidents'),
  table({
    head: [
      { text: p.t(lang, 'movements.release.col.person') },
      { text: p.t(lang, 'movements.release.col.why') },
      { text: p.t(lang, 'movements.release.col.when') },
    ],
    rows: mdl.recent.incidents.map((i) => [
      { html: html`<a class="govuk-link" href="/movements/incidents/${i.id}">${i.person_name}</a>` },
      {
        text: `${incidentLabel(lang, i.kind as IncidentKind)}${i.recaptured ? ` (${p.t(lang, 'movements.release.recaptured')})` : ''}`,
      },
      { text: formatDateTime(lang, i.at) },
    ]),
  }),
)}`
    : null
}`,
  );
}

export interface CheckModel {
  admissionId: string;
  name: string;
  committal: string;
  justiceStatus: string | null;
  releaseOn: string | null;
  charges: string[];
  terrorism: boolean;
  jurisdictions: readonly { id: string; name: string }[];
  values: FormBody | null;
  errors: FormErrors | null;
}

export function checkView(ctx: PageContext, mdl: CheckModel): string {
  const lang = ctx.lang;
  const f = formView({ lang, values: mdl.values, errors: mdl.errors, fields: checkFields(lang) });
  const yn = [
    { value: '1', text: p.t(lang, 'movements.release.yes') },
    { value: '0', text: p.t(lang, 'movements.release.no') },
  ];
  return pageLayout(
    ctx,
    p.t(lang, 'movements.release.new.title'),
    html`<p class="govuk-body">${p.t(lang, 'movements.release.new.intro')}</p>
${summaryList({
  rows: [
    { key: { text: p.t(lang, 'movements.release.col.person') }, value: { text: mdl.name } },
    { key: { text: p.t(lang, 'movements.release.col.committal') }, value: { text: mdl.committal } },
    mdl.justiceStatus
      ? { key: { text: p.t(lang, 'movements.release.justice_status') }, value: { text: mdl.justiceStatus } }
      : null,
    mdl.releaseOn
      ? { key: { text: p.t(lang, 'movements.release.release_on') }, value: { text: formatDate(lang, mdl.releaseOn) } }
      : null,
    { key: { text: p.t(lang, 'movements.release.charges') }, value: { text: mdl.charges.join(' ; ') } },
  ],
})}
${mdl.terrorism ? insetText({ text: p.t(lang, 'movements.release.terrorism_notice') }) : null}
<form method="post" action="/movements/releases/new?admission=${mdl.admissionId}" novalidate>
${f.hidden('_csrf', ctx.csrf ?? '')}${f.hidden('admission_id', mdl.admissionId)}
${f.select({
  name: 'reason',
  placeholder: p.t(lang, 'movements.release.f.none'),
  items: RELEASE_REASONS.filter((r) => r !== 'death').map((r) => ({ value: r, text: reasonLabel(lang, r) })),
})}
<h2 class="govuk-heading-s">${p.t(lang, 'movements.release.f.order')}</h2>
<p class="govuk-hint">${p.t(lang, 'movements.release.f.order_hint')}</p>
${f.select({
  name: 'order_jurisdiction_id',
  placeholder: p.t(lang, 'movements.release.f.none'),
  items: mdl.jurisdictions.map((j) => ({ value: j.id, text: j.name })),
})}
${f.input({ name: 'order_reference', autocomplete: 'off', spellcheck: false })}
${f.date({ name: 'order_date' })}
${f.textarea({ name: 'justice_basis', rows: 2 })}
${f.input({ name: 'transfer_authority' })}
${f.radios({ name: 'photo_shown', inline: true, small: true, items: yn })}
${f.radios({ name: 'fingerprints_taken', inline: true, small: true, items: yn })}
${f.checkbox({ name: 'identity_verified' })}
${f.textarea({ name: 'check_notes', rows: 2 })}
${button({ text: p.t(lang, 'movements.release.f.submit_check') })}
</form>`,
    { errors: f.summaryItems(), width: 'two-thirds', back: '/movements/release-due' },
  );
}

export interface ShowModel {
  r: ReleaseViewT;
  done: boolean;
  mayConfirm: boolean;
  mayRelease: boolean;
  confirmValues?: FormBody | null;
  confirmErrors?: FormErrors | null;
  completeValues?: FormBody | null;
  completeErrors?: FormErrors | null;
  noticeValues?: FormBody | null;
  noticeErrors?: FormErrors | null;
}

/** The notifications table and form (releases and incidents). */
export function noticesBlock(
  lang: Lang,
  o: {
    notices: ReleaseViewT['notices'];
    action: string | null;
    csrf: string;
    values?: FormBody | null;
    errors?: FormErrors | null;
    audiences?: readonly Audience[];
  },
): Raw {
  const f = formView({ lang, values: o.values ?? { channel: 'phone' }, errors: o.errors, fields: noticeFields(lang) });
  return html`${
    o.notices.length
      ? table({
          head: [
            { text: p.t(lang, 'movements.release.col.audience') },
            { text: p.t(lang, 'movements.release.col.recipient') },
            { text: p.t(lang, 'movements.release.col.channel') },
            { text: p.t(lang, 'movements.release.col.when') },
            { text: p.t(lang, 'movements.release.col.by') },
          ],
          rows: o.notices.map((n) => [
            { text: audienceLabel(lang, n.audience as Audience) },
            { text: n.recipient },
            { text: channelLabel(lang, n.channel as Channel) },
            { text: formatDateTime(lang, n.notified_at) },
            { text: n.recorded_by ?? '' },
          ]),
        })
      : html`<p class="govuk-body">${p.t(lang, 'movements.release.notices_none')}</p>`
  }
${
  o.action
    ? html`<form method="post" action="${o.action}" novalidate class="pmis-no-print">${f.hidden('_csrf', o.csrf)}
${f.radios({
  name: 'audience',
  small: true,
  items: (o.audiences ?? AUDIENCES).map((a) => ({ value: a, text: audienceLabel(lang, a) })),
})}
${f.input({ name: 'recipient' })}
${f.radios({ name: 'channel', small: true, inline: true, items: CHANNELS.map((c) => ({ value: c, text: channelLabel(lang, c) })) })}
${f.date({ name: 'notified_at', hint: p.t(lang, 'movements.release.f.time_hint') })}
${f.input({ name: 'notified_time', classes: 'govuk-input--width-5', inputmode: 'numeric', hint: p.t(lang, 'movements.release.f.time_hint') })}
${f.textarea({ name: 'notes', rows: 2 })}
${button({ text: p.t(lang, 'movements.release.f.submit_notice'), classes: 'govuk-button--secondary' })}
</form>`
    : null
}`;
}

function orderText(lang: Lang, r: ReleaseViewT): string {
  if (!r.order) return r.justice_basis ?? '';
  return p.t(lang, 'movements.release.cert.order', {
    authority: r.order.jurisdiction_name ?? '',
    reference: r.order.reference ?? '',
    date: formatDate(lang, r.order.date),
  });
}

export function showView(ctx: PageContext, mdl: ShowModel): string {
  const lang = ctx.lang;
  const r = mdl.r;
  const name = `${r.person.family_name} ${r.person.given_names}`.trim();
  const cf = formView({ lang, values: mdl.confirmValues, errors: mdl.confirmErrors, fields: confirmFields(lang) });
  const kf = formView({ lang, values: mdl.completeValues, errors: mdl.completeErrors, fields: completionFields(lang) });
  const errors = [...cf.summaryItems(), ...kf.summaryItems()];
  const noticeErrors = mdl.noticeErrors;
  const noticeSummary = formView({ lang, errors: noticeErrors, fields: noticeFields(lang) }).summaryItems();
  const yn = [
    { value: '1', text: p.t(lang, 'movements.release.yes') },
    { value: '0', text: p.t(lang, 'movements.release.no') },
  ];
  return pageLayout(
    ctx,
    p.t(lang, 'movements.release.show.title', { name }),
    html`${mdl.done ? notificationBanner({ lang, type: 'success', text: p.t(lang, 'movements.release.show.done') }) : null}
<p class="govuk-body">${tag({ text: stateLabel(lang, r.state as ReleaseState), meaning: r.state === 'released' ? 'ok' : r.state === 'cancelled' ? 'neutral' : 'warning' })}</p>
<h2 class="govuk-heading-m">${p.t(lang, 'movements.release.show.check')}</h2>
${summaryList({
  rows: [
    { key: { text: p.t(lang, 'movements.release.col.committal') }, value: { text: r.person.committal_number } },
    {
      key: { text: p.t(lang, 'movements.release.f.reason') },
      value: { text: reasonLabel(lang, r.reason as ReleaseReason) },
    },
    {
      key: { text: r.order ? p.t(lang, 'movements.release.f.order') : p.t(lang, 'movements.release.f.justice_basis') },
      value: { text: orderText(lang, r) },
    },
    r.transfer_authority
      ? { key: { text: p.t(lang, 'movements.release.f.transfer_authority') }, value: { text: r.transfer_authority } }
      : null,
    {
      key: { text: p.t(lang, 'movements.release.f.identity_verified') },
      value: { text: yesNo(lang, r.identity_verified) },
    },
    { key: { text: p.t(lang, 'movements.release.f.photo_shown') }, value: { text: yesNo(lang, r.photo_shown) } },
    {
      key: { text: p.t(lang, 'movements.release.f.fingerprints_taken') },
      value: { text: yesNo(lang, r.fingerprints_taken) },
    },
    r.check_notes
      ? { key: { text: p.t(lang, 'movements.release.f.check_notes') }, value: { text: r.check_notes } }
      : null,
    {
      key: { text: p.t(lang, 'movements.release.show.checked_by') },
      value: { text: `${r.checked_by_name ?? ''} — ${formatDateTime(lang, r.checked_at)}` },
    },
  ],
})}
<h2 class="govuk-heading-m">${p.t(lang, 'movements.release.show.confirm')}</h2>
${
  r.confirmed_by
    ? summaryList({
        rows: [
          {
            key: { text: p.t(lang, 'movements.release.show.confirmed_by') },
            value: { text: `${r.confirmed_by_name ?? ''} — ${formatDateTime(lang, r.confirmed_at)}` },
          },
        ],
      })
    : r.state === 'checked'
      ? html`<p class="govuk-body">${p.t(lang, 'movements.release.show.awaiting_confirmation', { name: r.checked_by_name ?? '' })}</p>
${
  mdl.mayConfirm
    ? html`<form method="post" action="/movements/releases/${r.id}/confirm" novalidate>${cf.hidden('_csrf', ctx.csrf ?? '')}
${cf.textarea({ name: 'notes', rows: 2 })}
${button({ text: p.t(lang, 'movements.release.show.confirm_button') })}
</form>`
    : null
}`
      : null
}
<h2 class="govuk-heading-m">${p.t(lang, 'movements.release.show.complete')}</h2>
<h3 class="govuk-heading-s">${p.t(lang, 'movements.release.show.inventory')}</h3>
${
  r.inventory.length
    ? html`<ul class="govuk-list govuk-list--bullet">${r.inventory.map((l) => html`<li>${l.text}</li>`)}</ul>`
    : html`<p class="govuk-body">${p.t(lang, 'movements.release.show.inventory_none')}</p>`
}
${
  r.state === 'released'
    ? html`${panel({
        titleText: stateLabel(lang, 'released'),
        headingLevel: 3,
        text: p.t(lang, 'movements.release.show.released', {
          date: formatDateTime(lang, r.released_at),
          number: r.certificate_number ?? '',
        }),
      })}
<p class="govuk-body">${
        r.all_returned
          ? p.t(lang, 'movements.release.show.returned_all')
          : p.t(lang, 'movements.release.show.returned_partly', { notes: r.returned_notes ?? '' })
      }</p>
<p class="govuk-body"><a class="govuk-link" href="/movements/releases/${r.id}/certificate">${p.t(lang, 'movements.release.show.certificate')}</a></p>`
    : r.state === 'confirmed' && mdl.mayRelease
      ? html`<form method="post" action="/movements/releases/${r.id}/complete" novalidate>${kf.hidden('_csrf', ctx.csrf ?? '')}
${kf.radios({ name: 'all_returned', inline: true, small: true, items: yn })}
${kf.textarea({ name: 'returned_notes', rows: 2 })}
${kf.checkbox({ name: 'signed_by_person' })}
${kf.date({ name: 'released_at', hint: p.t(lang, 'movements.release.f.time_hint') })}
${kf.input({ name: 'released_time', classes: 'govuk-input--width-5', inputmode: 'numeric', hint: p.t(lang, 'movements.release.f.time_hint') })}
${button({ text: p.t(lang, 'movements.release.f.submit_complete'), classes: 'govuk-button--warning' })}
</form>`
      : r.state === 'checked'
        ? warningText({ lang, text: p.t(lang, 'movements.release.show.awaiting_step2') })
        : null
}
<h2 class="govuk-heading-m">${p.t(lang, 'movements.release.show.notices')}</h2>
${r.missing_notices.map((n) =>
  warningText({
    lang,
    text:
      n.audience === 'family'
        ? p.t(lang, 'movements.release.show.missing_family')
        : p.t(lang, 'movements.release.show.missing_authority', { name: n.recipient ?? '' }),
  }),
)}
${noticesBlock(lang, {
  notices: r.notices,
  action: mdl.mayRelease && r.state !== 'cancelled' ? `/movements/releases/${r.id}/notify` : null,
  csrf: ctx.csrf ?? '',
  values: mdl.noticeValues,
  errors: noticeErrors,
  audiences: ['family', 'authority', 'prosecutor', 'other'],
})}
<p class="govuk-body"><a class="govuk-link" href="/people/${r.person.id}">${p.t(lang, 'movements.incident.file')}</a></p>`,
    { errors: [...errors, ...noticeSummary], back: `/movements/release-due?prison=${r.prison_code}` },
  );
}

export function certificateView(ctx: PageContext, r: ReleaseViewT, printedBy: string): string {
  const lang = ctx.lang;
  const name = `${r.person.family_name} ${r.person.given_names}`.trim();
  if (r.state !== 'released')
    return pageLayout(
      ctx,
      p.t(lang, 'movements.release.cert.title'),
      html`<p class="govuk-body">${p.t(lang, 'movements.release.cert.not_released')}</p>`,
      { back: `/movements/releases/${r.id}` },
    );
  return pageLayout(
    ctx,
    p.t(lang, 'movements.release.cert.title'),
    html`<p class="govuk-body"><strong>${p.t(lang, 'movements.release.cert.number', { number: r.certificate_number ?? '' })}</strong></p>
<p class="govuk-body">${p.t(lang, 'movements.release.cert.text', {
      prison: r.prison_name,
      committal: r.person.committal_number,
      date: formatDateTime(lang, r.released_at),
    })}</p>
${summaryList({
  rows: [
    { key: { text: p.t(lang, 'movements.release.cert.name') }, value: { text: name } },
    {
      key: { text: p.t(lang, 'movements.release.cert.reason') },
      value: { text: reasonLabel(lang, r.reason as ReleaseReason) },
    },
    { key: { text: p.t(lang, 'movements.release.cert.basis') }, value: { text: orderText(lang, r) } },
    {
      key: { text: p.t(lang, 'movements.release.show.inventory') },
      value: {
        text: r.all_returned
          ? p.t(lang, 'movements.release.show.returned_all')
          : p.t(lang, 'movements.release.show.returned_partly', { notes: r.returned_notes ?? '' }),
      },
    },
    { key: { text: p.t(lang, 'movements.release.show.checked_by') }, value: { text: r.checked_by_name ?? '' } },
    { key: { text: p.t(lang, 'movements.release.show.confirmed_by') }, value: { text: r.confirmed_by_name ?? '' } },
  ],
})}
<h2 class="govuk-heading-s">${p.t(lang, 'movements.release.cert.signatures')}</h2>
${table({
  head: [
    { text: p.t(lang, 'movements.release.cert.sign_person') },
    { text: p.t(lang, 'movements.release.cert.sign_officer') },
    { text: p.t(lang, 'movements.release.cert.sign_director') },
  ],
  rows: [[{ html: html`<br><br><br>` }, { html: html`<br><br><br>` }, { html: html`<br><br><br>` }]],
})}
<p class="govuk-body pmis-no-print">${p.t(lang, 'movements.release.print')}</p>`,
    { width: 'two-thirds', letterhead: { prison: r.prison_name, printedBy }, back: `/movements/releases/${r.id}` },
  );
}
