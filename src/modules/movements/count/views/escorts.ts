/** Escort pages: the day's board (out, back, court productions) and the departure form. */
import type { Lang } from '../../../../core/i18n.js';
import {
  button,
  type FieldSpecs,
  type FormBody,
  type FormErrors,
  formatDate,
  formatDateTime,
  formatTime,
  formView,
  html,
  notificationBanner,
  type PageContext,
  pageLayout,
  type Raw,
  table,
  tableScroll,
  tag,
} from '../../../../web/index.js';
import { m, purposeLabel } from '../messages.js';
import { ESCORT_PURPOSES, type EscortPurpose } from '../rules.js';
import type { EscortBoardT, EscortViewT } from '../schemas.js';

const t = m.t.bind(m);
const link = (href: string, text: string) => html`<a class="govuk-link" href="${href}">${text}</a>`;
const who = (e: { family_name: string; given_names: string }) =>
  html`<strong>${e.family_name}</strong> ${e.given_names}`;

function escortTable(
  lang: Lang,
  caption: string,
  rows: readonly EscortViewT[],
  action?: (e: EscortViewT) => Raw | null,
) {
  return tableScroll(
    caption,
    table({
      head: [
        { text: t(lang, 'movements.count.col.person') },
        { text: t(lang, 'movements.count.col.purpose') },
        { text: t(lang, 'movements.count.col.destination') },
        { text: t(lang, 'movements.count.col.officers') },
        { text: t(lang, 'movements.count.col.out') },
        { text: t(lang, action ? 'movements.count.col.expected_back' : 'movements.count.col.back') },
        ...(action ? [{ text: t(lang, 'movements.count.col.action') }] : []),
      ],
      rows: rows.map((e) => [
        { html: html`${who(e)}<br><small>${e.committal_number}</small>` },
        { text: purposeLabel(lang, e.purpose as EscortPurpose) },
        { text: e.destination },
        { text: e.officers },
        { text: formatTime(lang, e.out_at) },
        {
          html: action
            ? html`${formatDateTime(lang, e.expected_back_at)}${
                e.overdue
                  ? html` ${tag({ text: t(lang, 'movements.count.escorts.overdue'), meaning: 'critical' })}`
                  : null
              }`
            : html`${e.back_at ? formatTime(lang, e.back_at) : ''}`,
        },
        ...(action ? [{ html: action(e) ?? html`` }] : []),
      ]),
    }),
  );
}

export interface BoardModel {
  board: EscortBoardT;
  mayEscort: boolean;
  done?: 'out' | 'back' | null;
}

export function boardView(ctx: PageContext, model: BoardModel): string {
  const lang = ctx.lang;
  const b = model.board;
  const backForm = (e: EscortViewT) =>
    model.mayEscort
      ? html`<form method="post" action="/movements/escorts/${e.id}/back" class="pmis-no-print">
<input type="hidden" name="_csrf" value="${ctx.csrf ?? ''}">
${button({ text: t(lang, 'movements.count.escorts.back'), classes: 'govuk-button--secondary govuk-!-margin-bottom-0', attributes: { 'aria-label': `${t(lang, 'movements.count.escorts.back')} — ${e.family_name} ${e.given_names}` } })}
</form>`
      : null;
  const productions = b.productions.length
    ? tableScroll(
        t(lang, 'movements.count.escorts.productions'),
        table({
          head: [
            { text: t(lang, 'movements.count.col.time') },
            { text: t(lang, 'movements.count.col.person') },
            { text: t(lang, 'movements.count.col.cell') },
            { text: t(lang, 'movements.count.col.court') },
            { text: t(lang, 'movements.count.col.order') },
            { text: t(lang, 'movements.count.col.action') },
          ],
          rows: b.productions.map((p) => [
            { text: formatTime(lang, p.scheduled_at) },
            { html: html`${who(p)}<br><small>${p.committal_number}</small>` },
            { text: p.cell ?? '' },
            { text: p.court },
            { text: p.production_order_ref ?? '' },
            {
              html: p.escort_id
                ? html`${tag({ text: t(lang, 'movements.count.escorts.recorded'), meaning: 'ok' })}`
                : model.mayEscort
                  ? link(
                      `/movements/escorts/new?admission=${p.admission_id}&hearing=${p.hearing_id}`,
                      t(lang, 'movements.count.escorts.depart'),
                    )
                  : html``,
            },
          ]),
        }),
      )
    : html`<p class="govuk-body">${t(lang, 'movements.count.escorts.none_productions')}</p>`;
  const banner = model.done
    ? notificationBanner({
        type: 'success',
        lang,
        text: t(lang, model.done === 'out' ? 'movements.count.escorts.recorded' : 'movements.count.escorts.returned'),
      })
    : undefined;
  return pageLayout(
    ctx,
    t(lang, 'movements.count.escorts.title', { prison: b.prison_name }),
    html`${
      model.mayEscort
        ? html`<p class="govuk-body pmis-no-print">${button({ text: t(lang, 'movements.count.escorts.new'), href: `/movements/escorts/new?prison=${b.prison_code}` })}</p>`
        : null
    }
<h2 class="govuk-heading-m">${t(lang, 'movements.count.escorts.out')}</h2>
${b.out.length ? escortTable(lang, t(lang, 'movements.count.escorts.out'), b.out, backForm) : html`<p class="govuk-body">${t(lang, 'movements.count.escorts.none_out')}</p>`}
<h2 class="govuk-heading-m">${t(lang, 'movements.count.escorts.productions')}</h2>
${productions}
<h2 class="govuk-heading-m">${t(lang, 'movements.count.escorts.back_today')}</h2>
${b.back.length ? escortTable(lang, t(lang, 'movements.count.escorts.back_today'), b.back) : html`<p class="govuk-body">${t(lang, 'movements.count.escorts.none_back')}</p>`}`,
    { banner, caption: formatDate(lang, b.date) },
  );
}

export interface NewEscortModel {
  prison: { code: string; name: string };
  person: { admission_id: string; family_name: string; given_names: string; committal_number: string } | null;
  hearing: { id: string; court: string; scheduled_at: string } | null;
  q: string;
  matches: readonly { admission_id: string; family_name: string; given_names: string; committal_number: string }[];
  values: FormBody | null;
  errors: FormErrors | null;
  fields: FieldSpecs;
}

export function newEscortView(ctx: PageContext, model: NewEscortModel): string {
  const lang = ctx.lang;
  const title = t(lang, 'movements.count.escorts.new');
  if (!model.person) {
    const results = model.q
      ? model.matches.length
        ? html`<ul class="govuk-list">${model.matches.map(
            (p) =>
              html`<li>${link(`/movements/escorts/new?admission=${p.admission_id}`, `${p.family_name} ${p.given_names} — ${p.committal_number}`)}</li>`,
          )}</ul>`
        : html`<p class="govuk-body">${t(lang, 'movements.count.escorts.no_match')}</p>`
      : null;
    return pageLayout(
      ctx,
      title,
      html`<form method="get" action="/movements/escorts/new" novalidate>
<input type="hidden" name="prison" value="${model.prison.code}">
<div class="govuk-form-group"><label class="govuk-label" for="q">${t(lang, 'movements.count.escorts.find')}</label>
<div id="q-hint" class="govuk-hint">${t(lang, 'movements.count.escorts.find_hint')}</div>
<input class="govuk-input" id="q" name="q" type="search" value="${model.q}" aria-describedby="q-hint"></div>
${button({ text: t(lang, 'movements.count.escorts.search') })}
</form>
${results}`,
      { back: `/movements/escorts?prison=${model.prison.code}`, width: 'two-thirds', caption: model.prison.name },
    );
  }
  const f = formView({
    lang,
    values: model.values ?? { purpose: model.hearing ? 'court' : '' },
    errors: model.errors,
    fields: model.fields,
  });
  const p = model.person;
  return pageLayout(
    ctx,
    title,
    html`<p class="govuk-body-l">${who(p)} — ${p.committal_number}</p>
${model.hearing ? html`<p class="govuk-body">${t(lang, 'movements.count.escorts.hearing', { court: model.hearing.court, time: formatDateTime(lang, model.hearing.scheduled_at) })}</p>` : null}
<form method="post" action="/movements/escorts/new" novalidate>
${f.hidden('_csrf', ctx.csrf ?? '')}
${f.hidden('admission_id', p.admission_id)}
${model.hearing ? f.hidden('hearing_id', model.hearing.id) : null}
${f.radios({ name: 'purpose', items: ESCORT_PURPOSES.map((x) => ({ value: x, text: purposeLabel(lang, x) })) })}
${f.input({ name: 'destination', hint: t(lang, 'movements.count.f.destination.hint') })}
${f.textarea({ name: 'officers', hint: t(lang, 'movements.count.f.officers.hint'), rows: 2 })}
${f.input({ name: 'out_at', hint: t(lang, 'movements.count.f.out_at.hint'), classes: 'govuk-input--width-5', inputmode: 'numeric' })}
${f.input({ name: 'expected_back_at', hint: t(lang, 'movements.count.f.expected_back_at.hint'), classes: 'govuk-input--width-5', inputmode: 'numeric' })}
${f.textarea({ name: 'notes', rows: 2 })}
${button({ text: t(lang, 'movements.count.escorts.depart') })}
</form>`,
    {
      errors: f.summaryItems(),
      back: `/movements/escorts?prison=${model.prison.code}`,
      width: 'two-thirds',
      caption: model.prison.name,
    },
  );
}
