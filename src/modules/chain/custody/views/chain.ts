/** Custody before prison: the chain page (stages, limit, held without charge), the stage forms, the home and file sections. */
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
  type Raw,
  summaryList,
  table,
  tableScroll,
  warningText,
} from '../../../../web/index.js';
import { stageFields } from '../forms.js';
import { basisLabel, m, placeLabel } from '../messages.js';
import { LEGAL_BASES, PLACE_KINDS } from '../rules.js';
import type { ChainViewT, StageViewT, WithoutChargeReplyT } from '../schemas.js';

const stageRow = (lang: Lang, s: Omit<StageViewT, 'previous'>, action: Raw | null) => [
  { text: [s.force_label, s.unit].filter(Boolean).join(', ') },
  { text: [s.place_label, s.place_name].filter(Boolean).join(' — ') },
  {
    text: `${formatDateTime(lang, s.from_at)} → ${
      s.to_at ? formatDateTime(lang, s.to_at) : m.t(lang, 'chain.custody.page.until_handover')
    }`,
  },
  {
    text: [
      s.basis_label,
      s.extensions ? m.t(lang, 'chain.custody.page.extensions', { n: s.extensions }) : '',
      s.terrorism ? m.t(lang, 'chain.custody.page.terrorism') : '',
    ]
      .filter(Boolean)
      .join(', '),
  },
  {
    text: [
      s.document_reference,
      s.correction_reason ? m.t(lang, 'chain.custody.page.corrected_because', { reason: s.correction_reason }) : '',
    ]
      .filter(Boolean)
      .join(' · '),
  },
  action ? { html: action } : { text: '' },
];

const head = (lang: Lang) =>
  (
    [
      'chain.custody.page.col.force',
      'chain.custody.page.col.place',
      'chain.custody.page.col.period',
      'chain.custody.page.col.basis',
      'chain.custody.page.col.document',
      'chain.custody.page.col.action',
    ] as const
  ).map((k) => ({ text: m.t(lang, k) }));

export interface ChainModel {
  chain: ChainViewT;
  name: string;
  mayAdd: boolean;
  mayCorrect: boolean;
  done: boolean;
}

export function chainView(ctx: PageContext, mdl: ChainModel): string {
  const lang = ctx.lang;
  const c = mdl.chain;
  const e = c.evaluation;
  const w = c.without_charge;
  return pageLayout(
    ctx,
    `${m.t(lang, 'chain.custody.page.title')} — ${mdl.name}`,
    html`${mdl.done ? notificationBanner({ lang, type: 'success', text: m.t(lang, 'chain.custody.page.done') }) : null}
${e.over ? warningText({ lang, text: e.text }) : null}
${
  w.alert
    ? warningText({
        lang,
        text: `${m.t(lang, 'chain.custody.without_charge', { date: formatDate(lang, c.admitted_at), hours: w.hours_over })} ${m.t(
          lang,
          'chain.custody.without_charge_action',
        )}`,
      })
    : null
}
${summaryList({
  rows: [
    { key: { text: m.t(lang, 'chain.custody.page.committal') }, value: { text: c.committal_number } },
    { key: { text: m.t(lang, 'chain.custody.page.arrived') }, value: { text: formatDateTime(lang, c.admitted_at) } },
    { key: { text: m.t(lang, 'chain.custody.page.limit') }, value: { text: e.text } },
    {
      key: { text: m.t(lang, 'chain.custody.page.source') },
      value: e.rule_source
        ? {
            html: html`<span lang="fr">${e.rule_source}</span>${e.rule_to_confirm ? ` ${m.t(lang, 'chain.custody.page.to_confirm')}` : ''}`,
          }
        : { text: '—' },
    },
    {
      key: { text: m.t(lang, 'chain.custody.page.credit') },
      value: { text: e.credited_from ? formatDate(lang, e.credited_from) : m.t(lang, 'chain.custody.page.no_credit') },
    },
    {
      key: { text: m.t(lang, 'chain.custody.page.charge') },
      value: { text: m.t(lang, w.charged ? 'chain.custody.page.charged' : 'chain.custody.page.not_charged') },
    },
  ],
})}
<h2 class="govuk-heading-m">${m.t(lang, 'chain.custody.page.stages')}</h2>
${
  c.stages.length
    ? tableScroll(
        m.t(lang, 'chain.custody.page.stages'),
        table({
          head: head(lang),
          rows: c.stages.map((s) =>
            stageRow(
              lang,
              s,
              mdl.mayCorrect
                ? html`<a class="govuk-link" href="/chain/custody/stages/${s.id}/correct">${m.t(lang, 'chain.custody.page.correct')}</a>`
                : null,
            ),
          ),
        }),
      )
    : insetText({ text: m.t(lang, 'chain.custody.page.none') })
}
${
  c.stages.some((s) => s.previous.length)
    ? html`<h2 class="govuk-heading-m">${m.t(lang, 'chain.custody.page.previous')}</h2>
${tableScroll(
  m.t(lang, 'chain.custody.page.previous'),
  table({ head: head(lang), rows: c.stages.flatMap((s) => s.previous.map((p) => stageRow(lang, p, null))) }),
)}`
    : null
}
${
  mdl.mayAdd && !c.ended
    ? html`<p class="govuk-body"><a class="govuk-button" href="/chain/admissions/${c.admission_id}/custody/new">${m.t(
        lang,
        'chain.custody.page.add',
      )}</a></p>`
    : null
}`,
    { back: `/people/${c.person_id}` },
  );
}

export interface StageFormModel {
  action: string;
  title: string;
  back: string;
  correction: boolean;
  forces: readonly { value: string; text: string }[];
  jurisdictions: readonly { value: string; text: string }[];
  values: FormBody | null;
  errors: FormErrors | null;
}

export function stageFormView(ctx: PageContext, mdl: StageFormModel): string {
  const lang = ctx.lang;
  const f = formView({ lang, values: mdl.values, errors: mdl.errors, fields: stageFields(lang) });
  return pageLayout(
    ctx,
    mdl.title,
    html`<p class="govuk-body">${m.t(lang, 'chain.custody.page.intro')}</p>
<form method="post" action="${mdl.action}" novalidate>
${f.hidden('_csrf', ctx.csrf ?? '')}
${f.select({ name: 'force', items: mdl.forces })}
${f.input({ name: 'unit' })}
${f.select({ name: 'place_kind', items: PLACE_KINDS.map((k) => ({ value: k, text: placeLabel(lang, k) })) })}
${f.input({ name: 'place_name' })}
${f.date({ name: 'from_at' })}
${f.input({ name: 'from_time', classes: 'govuk-input--width-5', inputmode: 'numeric' })}
${f.date({ name: 'to_at' })}
${f.input({ name: 'to_time', classes: 'govuk-input--width-5', inputmode: 'numeric' })}
${f.select({ name: 'legal_basis', items: LEGAL_BASES.map((k) => ({ value: k, text: basisLabel(lang, k) })) })}
${f.input({ name: 'extensions', classes: 'govuk-input--width-3', inputmode: 'numeric' })}
${f.input({ name: 'extension_reference' })}
${f.checkbox({ name: 'terrorism' })}
${f.input({ name: 'document_reference' })}
${f.select({
  name: 'prosecutor_jurisdiction_id',
  items: [{ value: '', text: m.t(lang, 'chain.custody.f.none') }, ...mdl.jurisdictions],
})}
${f.textarea({ name: 'notes', rows: 3 })}
${mdl.correction ? f.textarea({ name: 'reason', rows: 2 }) : null}
${button({ text: m.t(lang, 'chain.custody.page.save') })}
</form>`,
    { errors: f.summaryItems(), width: 'two-thirds', back: mdl.back },
  );
}

/** The director's (or the prosecutor's) home page: held without charge. */
export function withoutChargeBlock(lang: Lang, reply: WithoutChargeReplyT, limit = 10): Raw {
  return html`<section aria-labelledby="without-charge-h">
<h2 id="without-charge-h">${m.t(lang, 'chain.custody.home.title')} (${reply.count})</h2>
<p>${m.t(lang, 'chain.custody.home.intro', { hours: reply.threshold_hours })}</p>
${
  reply.items.length
    ? html`<ul>
${reply.items.slice(0, limit).map(
  (i) => html`<li><strong class="over">${i.person_name}</strong> — ${i.committal_number} — ${i.label} ${i.action}</li>
`,
)}</ul>`
    : html`<p>${m.t(lang, 'chain.custody.home.none')}</p>`
}</section>`;
}

/** On the prisoner file, under an admission: the custody chain's limit, held without charge, and the link. */
export function fileBlock(lang: Lang, c: ChainViewT): Raw {
  return html`<section aria-labelledby="custody-${c.admission_id}-h">
<h3 id="custody-${c.admission_id}-h">${m.t(lang, 'chain.custody.page.title')}</h3>
<p>${
    c.stages.length
      ? c.evaluation.over
        ? html`<strong class="over">${c.evaluation.text}</strong>`
        : c.evaluation.text
      : m.t(lang, 'chain.custody.page.none')
  }
${
  c.without_charge.alert
    ? html`<br><strong class="over">${m.t(lang, 'chain.custody.without_charge', {
        date: formatDate(lang, c.admitted_at),
        hours: c.without_charge.hours_over,
      })}</strong>`
    : null
}</p>
<p><a href="/chain/admissions/${c.admission_id}/custody">${m.t(lang, 'chain.custody.page.file_link')}</a></p>
</section>`;
}
