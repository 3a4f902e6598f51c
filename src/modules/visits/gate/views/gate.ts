/** The gate: the day's visits (printable), registering a visit, one visit with its items. */
import type { Lang } from '../../../../core/i18n.js';
import { colon } from '../../../../core/words.js';
import {
  button,
  type FieldSpecs,
  type FormBody,
  type FormErrors,
  formatDate,
  formatTime,
  formView,
  html,
  insetText,
  notificationBanner,
  type PageContext,
  pageLayout,
  type Raw,
  table,
  tableScroll,
  tag,
} from '../../../../web/index.js';
import {
  channelLabel,
  itemKindLabel,
  kindLabel,
  m,
  outcomeLabel,
  refusalLabel,
  relationshipLabel,
  stateLabel,
  weekdayLabel,
} from '../messages.js';
import {
  ITEM_KINDS,
  ITEM_OUTCOMES,
  RELATIONSHIPS,
  VISIT_CHANNELS,
  VISIT_KINDS,
  type RefusalCode,
  type VisitKind,
  type VisitState,
} from '../rules.js';
import type { DayListT, RuleViewT, VisitViewT } from '../schemas.js';

const t = m.t.bind(m);
const link = (href: string, text: string) => html`<a class="govuk-link" href="${href}">${text}</a>`;
const who = (v: { family_name: string; given_names: string }) =>
  html`<strong>${v.family_name}</strong> ${v.given_names}`;
const WD = ['1', '2', '3', '4', '5', '6', '7'] as const;
const dayName = (lang: Lang, n: number) => weekdayLabel(lang, WD[n - 1] ?? '1');

export function rulesText(lang: Lang, rules: readonly RuleViewT[]): Raw {
  if (!rules.length) return html`<p class="govuk-body">${t(lang, 'visits.gate.no_rules')}</p>`;
  return html`<ul class="govuk-list govuk-list--bullet">${rules.map(
    (r) =>
      html`<li>${t(lang, 'visits.gate.rule', {
        day: dayName(lang, r.weekday),
        starts: r.starts,
        ends: r.ends,
        per_week: r.per_person_week,
        visitors: r.visitors_per_visit,
        capacity: r.room_capacity,
      })}${r.regime_level ? ` (${r.regime_level})` : ''}</li>`,
  )}</ul>`;
}

const refusalText = (lang: Lang, v: VisitViewT) =>
  v.refusal_code
    ? `${refusalLabel(lang, v.refusal_code as RefusalCode)}${v.refusal_detail ? ` — ${v.refusal_detail}` : ''}`
    : '';

function stateTag(lang: Lang, v: VisitViewT): Raw {
  const meaning = v.state === 'refused' ? 'critical' : v.state === 'in_progress' ? 'ok' : 'neutral';
  return tag({ text: stateLabel(lang, v.state as VisitState), meaning });
}

export interface GateModel {
  list: DayListT;
  mayGate: boolean;
  done: string | null;
  reason: string | null;
  printedBy: string;
}

export function gateView(ctx: PageContext, model: GateModel): string {
  const lang = ctx.lang;
  const l = model.list;
  const csrf = ctx.csrf ?? '';
  const post = (v: VisitViewT, step: 'arrival' | 'departure', text: string) =>
    html`<form method="post" action="/visits/${v.id}/${step}" class="pmis-no-print">
<input type="hidden" name="_csrf" value="${csrf}">
${button({
  text,
  classes: 'govuk-button--secondary govuk-!-margin-bottom-0',
  attributes: { 'aria-label': `${text} — ${v.family_name} ${v.given_names}` },
})}
</form>`;
  const action = (v: VisitViewT): Raw => {
    if (!model.mayGate) return html``;
    if (v.state === 'booked') return post(v, 'arrival', t(lang, 'visits.gate.arrived'));
    if (v.state === 'in_progress') return post(v, 'departure', t(lang, 'visits.gate.left'));
    return html``;
  };
  const accepted = l.visits.filter((v) => v.state !== 'refused');
  const refused = l.visits.filter((v) => v.state === 'refused');
  const visitorsOf = (v: VisitViewT) => v.visitors.map((x) => `${x.family_name} ${x.given_names}`.trim()).join(', ');
  const rows = tableScroll(
    t(lang, 'visits.gate.list'),
    table({
      head: [
        { text: t(lang, 'visits.col.time') },
        { text: t(lang, 'visits.col.person') },
        { text: t(lang, 'visits.col.visitors') },
        { text: t(lang, 'visits.col.kind') },
        { text: t(lang, 'visits.col.state') },
        { text: t(lang, 'visits.col.action') },
      ],
      rows: accepted.map((v) => [
        {
          text: v.arrived_at
            ? `${formatTime(lang, v.arrived_at)}${v.left_at ? `–${formatTime(lang, v.left_at)}` : ''}`
            : (v.planned_time ?? ''),
        },
        {
          html: html`${link(`/visits/${v.id}`, `${v.family_name} ${v.given_names}`)}<br><small>${v.committal_number}</small>`,
        },
        { text: visitorsOf(v) },
        { text: kindLabel(lang, v.kind as VisitKind) },
        { html: stateTag(lang, v) },
        { html: action(v) },
      ]),
    }),
  );
  const refusedRows = tableScroll(
    t(lang, 'visits.gate.refused'),
    table({
      head: [
        { text: t(lang, 'visits.col.person') },
        { text: t(lang, 'visits.col.visitors') },
        { text: t(lang, 'visits.col.reason') },
      ],
      rows: refused.map((v) => [{ html: who(v) }, { text: visitorsOf(v) }, { text: refusalText(lang, v) }]),
    }),
  );
  const banner = model.done
    ? notificationBanner({
        type: model.done === 'refused' ? undefined : 'success',
        lang,
        text:
          model.done === 'refused'
            ? t(lang, 'visits.done.refused', { reason: model.reason ?? '' })
            : model.done === 'arrived'
              ? t(lang, 'visits.done.arrived')
              : model.done === 'left'
                ? t(lang, 'visits.done.left')
                : t(lang, 'visits.done.booked'),
      })
    : undefined;
  return pageLayout(
    ctx,
    t(lang, 'visits.gate.title', { prison: l.prison_name }),
    html`${
      model.mayGate
        ? html`<p class="govuk-body pmis-no-print">${button({
            text: t(lang, 'visits.gate.new'),
            href: `/visits/new?prison=${l.prison_code}`,
          })}</p>`
        : null
    }
<h2 class="govuk-heading-m">${t(lang, 'visits.gate.hours')}</h2>
${rulesText(lang, l.rules)}
<h2 class="govuk-heading-m">${t(lang, 'visits.gate.list')}</h2>
${accepted.length ? rows : html`<p class="govuk-body">${t(lang, 'visits.gate.none')}</p>`}
<h2 class="govuk-heading-m">${t(lang, 'visits.gate.refused')}</h2>
${refused.length ? refusedRows : html`<p class="govuk-body">${t(lang, 'visits.gate.none_refused')}</p>`}`,
    { banner, caption: formatDate(lang, l.date), letterhead: { prison: l.prison_name, printedBy: model.printedBy } },
  );
}

export interface NewVisitModel {
  prison: { code: string; name: string };
  person: {
    admission_id: string;
    person_id: string;
    family_name: string;
    given_names: string;
    committal_number: string;
  } | null;
  q: string;
  matches: readonly { admission_id: string; family_name: string; given_names: string; committal_number: string }[];
  visitors: readonly { id: string; family_name: string; given_names: string; relationship: string }[];
  values: FormBody | null;
  errors: FormErrors | null;
  fields: FieldSpecs;
}

export function newVisitView(ctx: PageContext, model: NewVisitModel): string {
  const lang = ctx.lang;
  const title = t(lang, 'visits.new.title');
  const back = `/visits/gate?prison=${model.prison.code}`;
  if (!model.person) {
    const results = model.q
      ? model.matches.length
        ? html`<ul class="govuk-list">${model.matches.map(
            (p) =>
              html`<li>${link(
                `/visits/new?prison=${model.prison.code}&admission=${p.admission_id}`,
                `${p.family_name} ${p.given_names} — ${p.committal_number}`,
              )}</li>`,
          )}</ul>`
        : html`<p class="govuk-body">${t(lang, 'visits.new.no_match')}</p>`
      : null;
    return pageLayout(
      ctx,
      title,
      html`<form method="get" action="/visits/new" novalidate>
<input type="hidden" name="prison" value="${model.prison.code}">
<div class="govuk-form-group"><label class="govuk-label" for="q">${t(lang, 'visits.new.find')}</label>
<input class="govuk-input" id="q" name="q" type="search" value="${model.q}"></div>
${button({ text: t(lang, 'visits.new.search') })}
</form>
${results}`,
      { back, width: 'two-thirds', caption: model.prison.name },
    );
  }
  const p = model.person;
  const f = formView({
    lang,
    values: model.values ?? { kind: 'family', channel: 'walk_in' },
    errors: model.errors,
    fields: model.fields,
  });
  const newVisitor = link(
    `/visits/visitors/new?admission=${p.admission_id}&person=${p.person_id}`,
    t(lang, 'visits.new.find_visitor'),
  );
  return pageLayout(
    ctx,
    title,
    html`<p class="govuk-body-l">${who(p)} — ${p.committal_number}</p>
${model.visitors.length ? null : insetText({ text: t(lang, 'visits.new.no_visitors') })}
<p class="govuk-body">${newVisitor}</p>
${
  model.visitors.length
    ? html`<form method="post" action="/visits/new" novalidate>
${f.hidden('_csrf', ctx.csrf ?? '')}
${f.hidden('admission_id', p.admission_id)}
${f.checkboxes({
  name: 'visitor_ids',
  items: model.visitors.map((v) => ({
    value: v.id,
    text: `${v.family_name} ${v.given_names}`.trim(),
    hint: relationshipLabel(lang, v.relationship as (typeof RELATIONSHIPS)[number]),
  })),
})}
${f.radios({ name: 'kind', inline: true, items: VISIT_KINDS.map((k) => ({ value: k, text: kindLabel(lang, k) })) })}
${f.radios({ name: 'channel', small: true, items: VISIT_CHANNELS.map((k) => ({ value: k, text: channelLabel(lang, k) })) })}
${f.input({ name: 'day', hint: t(lang, 'visits.f.day.hint'), classes: 'govuk-input--width-10' })}
${f.input({ name: 'time', hint: t(lang, 'visits.f.time.hint'), classes: 'govuk-input--width-5', inputmode: 'numeric' })}
${f.input({ name: 'bar_number', classes: 'govuk-input--width-10' })}
${f.input({ name: 'staff_on_duty' })}
${button({ text: t(lang, 'visits.new.submit') })}
</form>`
    : null
}`,
    { errors: f.summaryItems(), back, width: 'two-thirds', caption: model.prison.name },
  );
}

export interface VisitModel {
  visit: VisitViewT;
  mayGate: boolean;
  values: FormBody | null;
  errors: FormErrors | null;
  fields: FieldSpecs;
  done: boolean;
  prisonCode: string;
}

export function visitView(ctx: PageContext, model: VisitModel): string {
  const lang = ctx.lang;
  const v = model.visit;
  const f = formView({ lang, values: model.values ?? {}, errors: model.errors, fields: model.fields });
  const open = v.state === 'booked' || v.state === 'in_progress';
  const items = v.items.length
    ? tableScroll(
        t(lang, 'visits.visit.items'),
        table({
          head: [
            { text: t(lang, 'visits.col.item') },
            { text: t(lang, 'visits.f.description') },
            { text: t(lang, 'visits.col.outcome') },
          ],
          rows: v.items.map((i) => [
            { text: itemKindLabel(lang, i.kind as (typeof ITEM_KINDS)[number]) },
            { text: i.description },
            {
              text: `${outcomeLabel(lang, i.outcome as (typeof ITEM_OUTCOMES)[number])}${i.refusal_reason ? ` — ${i.refusal_reason}` : ''}`,
            },
          ]),
        }),
      )
    : html`<p class="govuk-body">${t(lang, 'visits.visit.no_items')}</p>`;
  return pageLayout(
    ctx,
    t(lang, 'visits.visit.title', { name: `${v.family_name} ${v.given_names}` }),
    html`<p class="govuk-body">${kindLabel(lang, v.kind as VisitKind)} · ${channelLabel(
      lang,
      v.channel as (typeof VISIT_CHANNELS)[number],
    )} · ${stateTag(lang, v)}</p>
${v.kind === 'legal' ? insetText({ text: t(lang, 'visits.out_of_hearing') }) : null}
${
  v.refusal_code
    ? html`<p class="govuk-body"><strong>${t(lang, 'visits.col.reason')}</strong>${colon(lang)}${refusalText(lang, v)}</p>`
    : null
}
<p class="govuk-body">${t(lang, 'visits.col.visitors')}${colon(lang)}${v.visitors
      .map((x) => `${x.family_name} ${x.given_names}`.trim())
      .join(', ')}</p>
<h2 class="govuk-heading-m">${t(lang, 'visits.visit.items')}</h2>
${items}
${
  model.mayGate && open
    ? html`<h3 class="govuk-heading-s">${t(lang, 'visits.visit.add_item')}</h3>
<form method="post" action="/visits/${v.id}/items" novalidate>
${f.hidden('_csrf', ctx.csrf ?? '')}
${f.select({ name: 'kind', items: ITEM_KINDS.map((k) => ({ value: k, text: itemKindLabel(lang, k) })) })}
${f.input({ name: 'description' })}
${f.radios({ name: 'outcome', inline: true, items: ITEM_OUTCOMES.map((k) => ({ value: k, text: outcomeLabel(lang, k) })) })}
${f.input({ name: 'refusal_reason' })}
${button({ text: t(lang, 'visits.visit.add_item') })}
</form>`
    : null
}`,
    {
      errors: f.summaryItems(),
      back: `/visits/gate?prison=${model.prisonCode}&date=${v.day}`,
      width: 'two-thirds',
      caption: formatDate(lang, v.day),
      banner: model.done ? notificationBanner({ type: 'success', lang, text: t(lang, 'visits.done.item') }) : undefined,
    },
  );
}
