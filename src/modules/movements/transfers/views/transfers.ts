/** The transfer pages: a prison's transfers, the in-transit board, the request, one transfer, the vehicle list. */
import type { Lang } from '../../../../core/i18n.js';
import {
  button,
  type FormBody,
  type FormErrors,
  formatDateTime,
  formView,
  html,
  insetText,
  type PageContext,
  pageLayout,
  type Raw,
  summaryList,
  table,
  tableScroll,
  tag,
} from '../../../../web/index.js';
import {
  arrivalFields,
  cancelFields,
  convoyFields,
  decisionFields,
  departFields,
  noticeFields,
  requestFields,
} from '../forms.js';
import { decisionLabel, m, methodLabel, reasonLabel, stateLabel } from '../messages.js';
import {
  type Decision,
  DECISIONS,
  NOTICE_METHODS,
  type NoticeMethod,
  TRANSFER_REASONS,
  type TransferState,
} from '../rules.js';
import type { ConvoyView, TransferView } from '../schemas.js';
import { colon } from '../../../../core/words.js';

/** A date and time box (Bamako time = UTC); the kit's input names only the common types. */
const DATETIME = 'datetime-local' as 'text';

type Prison = { id: string; code: string; name: string };
const link = (href: string, text: string) => html`<a class="govuk-link" href="${href}">${text}</a>`;
const personName = (t: TransferView) => `${t.person.family_name} ${t.person.given_names}`.trim();
const MEANING: Record<TransferState, 'critical' | 'warning' | 'ok' | 'info' | 'neutral'> = {
  requested: 'info',
  escalated: 'warning',
  approved: 'ok',
  refused: 'critical',
  in_transit: 'warning',
  arrived: 'neutral',
  cancelled: 'neutral',
};
const stateTag = (lang: Lang, s: TransferState) => tag({ text: stateLabel(lang, s), meaning: MEANING[s] });
const csrfField = (ctx: PageContext) => html`<input type="hidden" name="_csrf" value="${ctx.csrf ?? ''}">`;

function transferTable(lang: Lang, caption: string, items: readonly TransferView[]): Raw {
  if (!items.length) return html`<p class="govuk-body">${m.t(lang, 'movements.transfers.none')}</p>`;
  return tableScroll(
    caption,
    table({
      caption,
      captionClasses: 'govuk-table__caption--m',
      head: [
        { text: m.t(lang, 'movements.transfers.col.person') },
        { text: m.t(lang, 'movements.transfers.col.from') },
        { text: m.t(lang, 'movements.transfers.col.to') },
        { text: m.t(lang, 'movements.transfers.col.reason') },
        { text: m.t(lang, 'movements.transfers.col.state') },
        { text: m.t(lang, 'movements.transfers.col.requested') },
      ],
      rows: items.map((t) => [
        { html: html`${link(`/movements/transfers/${t.id}`, personName(t))}<br>${t.from_admission.committal_number}` },
        { text: t.from_prison.name },
        { text: t.to_prison.name },
        { text: reasonLabel(lang, t.reason) },
        { html: stateTag(lang, t.state) },
        { text: formatDateTime(lang, t.requested_at) },
      ]),
    }),
  );
}

export function listView(
  ctx: PageContext,
  v: { prison: Prison; items: readonly TransferView[]; mayRequest: boolean; convoys: readonly ConvoyView[] },
): string {
  const lang = ctx.lang;
  const q = `?prison=${encodeURIComponent(v.prison.code)}`;
  return pageLayout(
    ctx,
    m.t(lang, 'movements.transfers.title', { prison: v.prison.name }),
    html`<p class="govuk-body">${link(`/movements/transfers/board${q}`, m.t(lang, 'movements.transfers.board.link'))}${
      v.mayRequest
        ? html` · ${link(`/movements/transfers/new${q}`, m.t(lang, 'movements.transfers.new.link'))} · ${link(
            `/movements/convoys/new${q}`,
            m.t(lang, 'movements.transfers.convoy.new'),
          )}`
        : null
    }</p>
${transferTable(lang, m.t(lang, 'movements.transfers.nav'), v.items)}
${
  v.convoys.length
    ? html`<h2 class="govuk-heading-m">${m.t(lang, 'movements.transfers.convoy.title')}</h2><ul class="govuk-list">
${v.convoys.map(
  (c) =>
    html`<li>${link(`/movements/convoys/${c.id}`, `${c.vehicle} — ${c.to_prison.name}, ${formatDateTime(lang, c.planned_departure_at)}`)}</li>`,
)}</ul>`
    : null
}`,
  );
}

export function boardView(
  ctx: PageContext,
  v: { prison: Prison; leaving: readonly TransferView[]; arriving: readonly TransferView[] },
): string {
  const lang = ctx.lang;
  const rows = (items: readonly TransferView[], other: (t: TransferView) => string) =>
    items.map((t) => [
      { html: link(`/movements/transfers/${t.id}`, personName(t)) },
      { text: t.from_admission.committal_number },
      { text: other(t) },
      { text: t.departed_at ? formatDateTime(lang, t.departed_at) : '' },
      { text: t.convoy ? `${t.convoy.vehicle} (${t.convoy.escort_force})` : '' },
    ]);
  const head = (dir: 'from' | 'to') => [
    { text: m.t(lang, 'movements.transfers.col.person') },
    { text: m.t(lang, 'movements.transfers.col.committal') },
    { text: m.t(lang, dir === 'to' ? 'movements.transfers.col.to' : 'movements.transfers.col.from') },
    { text: m.t(lang, 'movements.transfers.col.departed') },
    { text: m.t(lang, 'movements.transfers.col.vehicle') },
  ];
  const section = (caption: string, items: readonly TransferView[], dir: 'from' | 'to') =>
    items.length
      ? tableScroll(
          caption,
          table({
            caption,
            captionClasses: 'govuk-table__caption--m',
            head: head(dir),
            rows: rows(items, (t) => (dir === 'to' ? t.to_prison.name : t.from_prison.name)),
          }),
        )
      : html`<h2 class="govuk-heading-m">${caption}</h2><p class="govuk-body">${m.t(lang, 'movements.transfers.none')}</p>`;
  return pageLayout(
    ctx,
    m.t(lang, 'movements.transfers.board.title', { prison: v.prison.name }),
    html`${insetText({ text: m.t(lang, 'movements.transfers.board.hint') })}
${section(m.t(lang, 'movements.transfers.board.leaving'), v.leaving, 'to')}
${section(m.t(lang, 'movements.transfers.board.arriving'), v.arriving, 'from')}`,
    { back: `/movements/transfers?prison=${encodeURIComponent(v.prison.code)}` },
  );
}

export function newView(
  ctx: PageContext,
  v: {
    prison: Prison;
    held: readonly { admission_id: string; label: string }[];
    destinations: readonly Prison[];
    values: FormBody | null;
    errors: FormErrors | null;
  },
): string {
  const lang = ctx.lang;
  const f = formView({ lang, values: v.values, errors: v.errors, fields: requestFields(lang) });
  return pageLayout(
    ctx,
    m.t(lang, 'movements.transfers.new.title'),
    html`<form method="post" action="/movements/transfers/new?prison=${v.prison.code}" novalidate>${csrfField(ctx)}
${f.select({ name: 'admission_id', placeholder: '', items: v.held.map((h) => ({ value: h.admission_id, text: h.label })) })}
${f.select({
  name: 'to_prison',
  placeholder: '',
  items: v.destinations.filter((p) => p.id !== v.prison.id).map((p) => ({ value: p.code, text: p.name })),
})}
${f.radios({ name: 'reason', small: true, items: TRANSFER_REASONS.map((r) => ({ value: r, text: reasonLabel(lang, r) })) })}
${f.textarea({ name: 'note', rows: 3 })}
${button({ text: m.t(lang, 'movements.transfers.a.request') })}</form>`,
    {
      errors: f.summaryItems(),
      width: 'two-thirds',
      caption: v.prison.name,
      back: `/movements/transfers?prison=${encodeURIComponent(v.prison.code)}`,
    },
  );
}

export interface ShowForms {
  decision?: { values: FormBody | null; errors: FormErrors | null };
  cancel?: { values: FormBody | null; errors: FormErrors | null };
  notice?: { values: FormBody | null; errors: FormErrors | null };
  arrival?: { values: FormBody | null; errors: FormErrors | null };
}

function decisionText(lang: Lang, d: TransferView['sending']): string {
  if (!d) return m.t(lang, 'movements.transfers.s.pending');
  return m.t(lang, 'movements.transfers.s.decided', {
    decision: decisionLabel(lang, d.decision as Decision),
    name: d.by?.name ?? '',
    at: formatDateTime(lang, d.at),
    reason: d.reason ?? '',
  });
}

function propertyList(lang: Lang, t: TransferView): Raw {
  const p = t.property;
  if (!p) return html``;
  const lines = [
    ...p.items.map((x) => `${x.quantity} × ${x.item}${x.description ? ` (${x.description})` : ''}`),
    ...p.money.map((x) => `${x.amount} ${x.currency}`),
    ...p.id_documents.map((x) => `${x.kind}${x.number ? ` ${x.number}` : ''}`),
    ...p.phones.map((x) => `${x.description}${x.imei ? ` (IMEI ${x.imei})` : ''}`),
  ];
  if (!lines.length) return html`<p class="govuk-body">${m.t(lang, 'movements.transfers.s.property_none')}</p>`;
  return html`<ul class="govuk-list govuk-list--bullet">${lines.map((x) => html`<li>${x}</li>`)}</ul>`;
}

export function showView(
  ctx: PageContext,
  v: {
    t: TransferView;
    may: { decide: boolean; cancel: boolean; notice: boolean; arrive: boolean };
    cells: readonly { id: string; code: string }[];
    forms: ShowForms;
    done: boolean;
  },
): string {
  const lang = ctx.lang;
  const t = v.t;
  const base = `/movements/transfers/${t.id}`;
  const errors = [
    ...(v.forms.decision?.errors ?? []),
    ...(v.forms.cancel?.errors ?? []),
    ...(v.forms.notice?.errors ?? []),
    ...(v.forms.arrival?.errors ?? []),
  ];
  const summary = summaryList({
    rows: [
      { key: { text: m.t(lang, 'movements.transfers.col.state') }, value: { html: stateTag(lang, t.state) } },
      {
        key: { text: m.t(lang, 'movements.transfers.col.from') },
        value: { text: `${t.from_prison.name} — ${t.from_admission.committal_number}` },
      },
      { key: { text: m.t(lang, 'movements.transfers.col.to') }, value: { text: t.to_prison.name } },
      { key: { text: m.t(lang, 'movements.transfers.col.reason') }, value: { text: reasonLabel(lang, t.reason) } },
      t.note ? { key: { text: m.t(lang, 'movements.transfers.f.note') }, value: { text: t.note } } : null,
      {
        key: { text: m.t(lang, 'movements.transfers.s.request') },
        value: {
          text: m.t(lang, 'movements.transfers.s.requested_by', {
            name: t.requested_by?.name ?? '',
            at: formatDateTime(lang, t.requested_at),
          }),
        },
      },
    ],
  });
  const decisions = summaryList({
    rows: [
      { key: { text: m.t(lang, 'movements.transfers.s.sending') }, value: { text: decisionText(lang, t.sending) } },
      { key: { text: m.t(lang, 'movements.transfers.s.receiving') }, value: { text: decisionText(lang, t.receiving) } },
      t.national || t.state === 'escalated'
        ? {
            key: { text: m.t(lang, 'movements.transfers.s.national') },
            value: { text: decisionText(lang, t.national) },
          }
        : null,
    ],
  });
  const escort = t.convoy
    ? html`<p class="govuk-body">${link(`/movements/convoys/${t.convoy.id}`, `${t.convoy.vehicle} — ${t.convoy.escort_force}`)}<br>${t.convoy.officers}<br>${formatDateTime(lang, t.convoy.planned_departure_at)}</p>`
    : html`<p class="govuk-body">${m.t(lang, 'movements.transfers.s.no_convoy')}</p>`;
  const property = html`${propertyList(lang, t)}${
    t.property_out
      ? html`<p class="govuk-body">${m.t(lang, 'movements.transfers.s.signed_out', {
          name: t.property_out.by?.name ?? '',
          at: formatDateTime(lang, t.property_out.at),
        })}</p>`
      : null
  }${
    t.property_in
      ? html`<p class="govuk-body">${m.t(lang, 'movements.transfers.s.signed_in', {
          name: t.property_in.by?.name ?? '',
          at: formatDateTime(lang, t.property_in.at),
        })}${
          t.property_in.discrepancies
            ? html`<br>${m.t(lang, 'movements.transfers.s.discrepancies', { text: t.property_in.discrepancies })}`
            : null
        }</p>`
      : null
  }`;
  const arrival = t.arrival
    ? html`<h2 class="govuk-heading-m">${m.t(lang, 'movements.transfers.s.arrival')}</h2>
<p class="govuk-body">${m.t(lang, 'movements.transfers.s.arrived', {
        at: formatDateTime(lang, t.arrival.at),
        name: t.arrival.by?.name ?? '',
        committal: t.to_admission?.committal_number ?? '',
      })}<br>${m.t(lang, 'movements.transfers.s.previous', {
        committal: t.from_admission.committal_number,
        prison: t.from_prison.name,
      })}</p>`
    : null;
  const notices = t.notices.length
    ? html`<ul class="govuk-list">${t.notices.map(
        (n) =>
          html`<li>${
            n.notified
              ? m.t(lang, 'movements.transfers.s.notice', {
                  relative: n.relative ?? '',
                  method: n.method ? methodLabel(lang, n.method as NoticeMethod) : '',
                  at: n.notified_at ? formatDateTime(lang, n.notified_at) : '',
                  name: n.recorded_by?.name ?? '',
                })
              : m.t(lang, 'movements.transfers.s.notice_not', {
                  reason: n.reason_not ?? '',
                  name: n.recorded_by?.name ?? '',
                })
          }</li>`,
      )}</ul>`
    : html`<p class="govuk-body">${m.t(lang, 'movements.transfers.s.family_none')}</p>`;
  const cancelled = t.cancelled
    ? insetText({
        text: m.t(lang, 'movements.transfers.s.cancelled', {
          at: formatDateTime(lang, t.cancelled.at),
          name: t.cancelled.by?.name ?? '',
          reason: t.cancelled.reason,
        }),
      })
    : null;

  const df = formView({
    lang,
    values: v.forms.decision?.values,
    errors: v.forms.decision?.errors,
    fields: decisionFields(lang),
  });
  const decideForm = v.may.decide
    ? html`<h2 class="govuk-heading-m">${m.t(lang, 'movements.transfers.a.decide')}</h2>
<form method="post" action="${base}/decision" novalidate>${csrfField(ctx)}
${df.radios({ name: 'decision', inline: true, small: true, items: DECISIONS.map((d) => ({ value: d, text: decisionLabel(lang, d) })) })}
${df.textarea({ name: 'reason', rows: 3 })}
${button({ text: m.t(lang, 'movements.transfers.a.save') })}</form>`
    : null;
  const nf = formView({
    lang,
    values: v.forms.notice?.values,
    errors: v.forms.notice?.errors,
    fields: noticeFields(lang),
  });
  const noticeForm = v.may.notice
    ? html`<h3 class="govuk-heading-s">${m.t(lang, 'movements.transfers.a.notice')}</h3>
<form method="post" action="${base}/notice" novalidate>${csrfField(ctx)}
${nf.radios({
  name: 'notified',
  inline: true,
  small: true,
  items: [
    { value: 'true', text: m.t(lang, 'movements.transfers.yes') },
    { value: 'false', text: m.t(lang, 'movements.transfers.no') },
  ],
})}
${nf.input({ name: 'relative' })}
${nf.radios({ name: 'method', inline: true, small: true, items: NOTICE_METHODS.map((x) => ({ value: x, text: methodLabel(lang, x) })) })}
${nf.input({ name: 'notified_at', type: DATETIME })}
${nf.textarea({ name: 'reason_not', rows: 2 })}
${button({ text: m.t(lang, 'movements.transfers.a.save'), classes: 'govuk-button--secondary' })}</form>`
    : null;
  const af = formView({
    lang,
    values: v.forms.arrival?.values,
    errors: v.forms.arrival?.errors,
    fields: arrivalFields(lang),
  });
  const arriveForm = v.may.arrive
    ? html`<h2 class="govuk-heading-m">${m.t(lang, 'movements.transfers.a.arrive')}</h2>
<form method="post" action="${base}/arrival" novalidate>${csrfField(ctx)}
${af.input({ name: 'arrived_at', type: DATETIME })}
${af.checkbox({ name: 'security_check' })}
${af.checkbox({ name: 'medical_check' })}
${af.checkbox({ name: 'registry_check' })}
${af.textarea({ name: 'property_discrepancies', rows: 2 })}
${v.cells.length ? af.select({ name: 'cell_id', placeholder: '', items: v.cells.map((c) => ({ value: c.id, text: c.code })) }) : null}
${af.textarea({ name: 'note', rows: 2 })}
${button({ text: m.t(lang, 'movements.transfers.a.save') })}</form>`
    : null;
  const cf = formView({
    lang,
    values: v.forms.cancel?.values,
    errors: v.forms.cancel?.errors,
    fields: cancelFields(lang),
  });
  const cancelForm = v.may.cancel
    ? html`<h2 class="govuk-heading-m">${m.t(lang, 'movements.transfers.a.cancel')}</h2>
<form method="post" action="${base}/cancel" novalidate>${csrfField(ctx)}
${cf.textarea({ name: 'reason', rows: 2 })}
${button({ text: m.t(lang, 'movements.transfers.a.cancel'), classes: 'govuk-button--warning' })}</form>`
    : null;

  return pageLayout(
    ctx,
    m.t(lang, 'movements.transfers.show.title', { name: personName(t) }),
    html`${cancelled}${summary}
<h2 class="govuk-heading-m">${m.t(lang, 'movements.transfers.s.decisions')}</h2>${decisions}
${decideForm}
<h2 class="govuk-heading-m">${m.t(lang, 'movements.transfers.s.escort')}</h2>${escort}
<h2 class="govuk-heading-m">${m.t(lang, 'movements.transfers.s.property')}</h2>${property}
${arrival}
<h2 class="govuk-heading-m">${m.t(lang, 'movements.transfers.s.family')}</h2>${notices}
${noticeForm}
${arriveForm}
${cancelForm}`,
    {
      errors: errors.length
        ? [...df.summaryItems(), ...cf.summaryItems(), ...nf.summaryItems(), ...af.summaryItems()]
        : null,
      back: `/movements/transfers?prison=${encodeURIComponent(t.from_prison.code)}`,
      banner: v.done
        ? html`<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="mv-done"><div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="mv-done">${m.t(lang, 'movements.transfers.done.saved')}</h2></div></div>`
        : undefined,
    },
  );
}

export function convoyNewView(
  ctx: PageContext,
  v: {
    prison: Prison;
    destinations: readonly Prison[];
    candidates: readonly TransferView[];
    values: FormBody | null;
    errors: FormErrors | null;
  },
): string {
  const lang = ctx.lang;
  const f = formView({ lang, values: v.values, errors: v.errors, fields: convoyFields(lang) });
  return pageLayout(
    ctx,
    m.t(lang, 'movements.transfers.convoy.new'),
    html`<form method="post" action="/movements/convoys/new?prison=${v.prison.code}" novalidate>${csrfField(ctx)}
${f.select({
  name: 'to_prison',
  placeholder: '',
  items: v.destinations.filter((p) => p.id !== v.prison.id).map((p) => ({ value: p.code, text: p.name })),
})}
${
  v.candidates.length
    ? f.checkboxes({
        name: 'transfer_ids',
        small: true,
        items: v.candidates.map((t) => ({
          value: t.id,
          text: `${personName(t)} — ${t.from_admission.committal_number} → ${t.to_prison.name}`,
          hint: stateLabel(lang, t.state),
        })),
      })
    : html`<p class="govuk-body">${m.t(lang, 'movements.transfers.convoy.none')}</p>`
}
${f.input({ name: 'escort_force' })}
${f.input({ name: 'vehicle' })}
${f.textarea({ name: 'officers', rows: 3 })}
${f.input({ name: 'planned_departure_at', type: DATETIME })}
${button({ text: m.t(lang, 'movements.transfers.a.convoy') })}</form>`,
    {
      errors: f.summaryItems(),
      width: 'two-thirds',
      caption: v.prison.name,
      back: `/movements/transfers?prison=${encodeURIComponent(v.prison.code)}`,
    },
  );
}

export function convoyView(
  ctx: PageContext,
  v: {
    convoy: ConvoyView;
    transfers: readonly TransferView[];
    mayDepart: boolean;
    printedBy: string;
    values: FormBody | null;
    errors: FormErrors | null;
  },
): string {
  const lang = ctx.lang;
  const c = v.convoy;
  const f = formView({ lang, values: v.values, errors: v.errors, fields: departFields(lang) });
  const caption = m.t(lang, 'movements.transfers.convoy.title');
  const list = tableScroll(
    caption,
    table({
      head: [
        { text: m.t(lang, 'movements.transfers.col.person') },
        { text: m.t(lang, 'movements.transfers.col.committal') },
        { text: m.t(lang, 'movements.transfers.col.state') },
        { text: m.t(lang, 'movements.transfers.col.property') },
        { text: m.t(lang, 'movements.transfers.convoy.signature') },
      ],
      rows: v.transfers.map((t) => [
        { html: link(`/movements/transfers/${t.id}`, personName(t)) },
        { text: t.from_admission.committal_number },
        { text: stateLabel(lang, t.state) },
        { html: propertyList(lang, t) },
        { text: '' },
      ]),
    }),
  );
  const depart =
    v.mayDepart && !c.departed_at
      ? html`<form method="post" action="/movements/convoys/${c.id}/departure" class="govuk-!-display-none-print" novalidate>${csrfField(ctx)}
${f.input({ name: 'departed_at', type: DATETIME })}
${f.checkbox({ name: 'property_signed_out' })}
${button({ text: m.t(lang, 'movements.transfers.convoy.depart') })}</form>`
      : null;
  return pageLayout(
    ctx,
    caption,
    html`${summaryList({
      rows: [
        { key: { text: m.t(lang, 'movements.transfers.col.from') }, value: { text: c.from_prison.name } },
        { key: { text: m.t(lang, 'movements.transfers.col.to') }, value: { text: c.to_prison.name } },
        { key: { text: m.t(lang, 'movements.transfers.f.escort_force') }, value: { text: c.escort_force } },
        { key: { text: m.t(lang, 'movements.transfers.f.vehicle') }, value: { text: c.vehicle } },
        { key: { text: m.t(lang, 'movements.transfers.f.officers') }, value: { text: c.officers } },
        {
          key: { text: m.t(lang, 'movements.transfers.f.planned_departure_at') },
          value: { text: formatDateTime(lang, c.planned_departure_at) },
        },
        c.departed_at
          ? {
              key: { text: m.t(lang, 'movements.transfers.col.departed') },
              value: { text: formatDateTime(lang, c.departed_at) },
            }
          : null,
      ],
    })}
${list}
<p class="govuk-body">${m.t(lang, 'movements.transfers.convoy.escort_signature')}${colon(lang)}____________________</p>
<p class="govuk-body">${m.t(lang, 'movements.transfers.convoy.registry_signature')}${colon(lang)}____________________</p>
${depart}`,
    {
      errors: f.summaryItems(),
      letterhead: { prison: c.from_prison.name, printedBy: v.printedBy },
      back: `/movements/transfers?prison=${encodeURIComponent(c.from_prison.code)}`,
    },
  );
}
