/**
 * The count pages: the day's roll calls of a prison, the count sheet of a unit (a large grid, one
 * box per cell, for a tablet; no script), and a round with its discrepancies, recount and closing.
 */
import type { Lang } from '../../../../core/i18n.js';
import { formatNumber } from '../../../../web/format.js';
import {
  button,
  type FormBody,
  type FormErrors,
  formatDate,
  formatDateTime,
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
import { countFields, validateFields } from '../forms.js';
import { m, slotLabel, stateLabel } from '../messages.js';
import type { RoundState } from '../rules.js';
import type { CountDayT, CountRoundViewT, RoundSummaryT } from '../schemas.js';

const t = m.t.bind(m);
const link = (href: string, text: string) => html`<a class="govuk-link" href="${href}">${text}</a>`;
const signed = (lang: Lang, n: number) => (n > 0 ? `+${formatNumber(lang, n)}` : formatNumber(lang, n));

export function resultTag(lang: Lang, r: { balanced: boolean; difference: number; mismatched: number }): Raw {
  return r.balanced
    ? tag({ text: t(lang, 'movements.count.balanced'), meaning: 'ok' })
    : tag({
        text: t(lang, 'movements.count.mismatch', { difference: signed(lang, r.difference) }),
        meaning: 'critical',
      });
}

type Person = { family_name: string; given_names: string; committal_number: string };
const people = (list: readonly Person[]) =>
  html`<ul class="govuk-list">${list.map((p) => html`<li><strong>${p.family_name}</strong> ${p.given_names} — ${p.committal_number}</li>`)}</ul>`;

export function dayView(ctx: PageContext, d: CountDayT, mayCount: boolean): string {
  const lang = ctx.lang;
  const round = (unitId: string, slot: string): RoundSummaryT | undefined =>
    d.rounds.find((r) => r.unit_id === unitId && r.slot === slot);
  const cell = (unitId: string, slot: string): Raw => {
    const r = round(unitId, slot);
    if (r)
      return html`${link(`/movements/count/${r.id}`, stateLabel(lang, r.state as RoundState))} ${resultTag(lang, r)}`;
    return mayCount
      ? link(
          `/movements/count/sheet?unit=${unitId}&slot=${encodeURIComponent(slot)}`,
          `${t(lang, 'movements.count.day.begin')} — ${slotLabel(lang, slot)}`,
        )
      : html`${t(lang, 'movements.count.not_counted')}`;
  };
  const grid = d.units.length
    ? tableScroll(
        t(lang, 'movements.count.nav.count'),
        table({
          head: [{ text: t(lang, 'movements.count.day.unit') }, ...d.slots.map((s) => ({ text: slotLabel(lang, s) }))],
          rows: d.units.map((u) => [
            { html: html`<strong>${u.code}</strong> ${u.name}` },
            ...d.slots.map((s) => ({ html: cell(u.id, s) })),
          ]),
        }),
      )
    : html`<p class="govuk-body">${t(lang, 'movements.count.day.none_units')}</p>`;
  return pageLayout(
    ctx,
    t(lang, 'movements.count.day.title', { prison: d.prison_name }),
    html`${grid}
${d.unplaced.length ? html`<h2 class="govuk-heading-m">${t(lang, 'movements.count.day.unplaced')}</h2>${people(d.unplaced)}` : null}`,
    { caption: formatDate(lang, d.date) },
  );
}

export interface SheetModel {
  sheet: CountRoundViewT;
  values: FormBody | null;
  errors: FormErrors | null;
}

/** The count grid: one large box per cell (the figure seen), the cell's code as its label. */
function grid(
  lang: Lang,
  f: ReturnType<typeof formView>,
  cells: readonly CountRoundViewT['cells'][number][],
  opts: { expected: boolean },
): Raw {
  return html`<ul class="pmis-count">${cells.map((c, i) => {
    const mismatch = opts.expected && c.difference !== null && c.difference !== 0;
    return html`<li class="pmis-count__cell${mismatch ? ' pmis-count__cell--mismatch' : ''}">
${f.hidden(`counts.${i}.cell_id`, c.cell_id)}
${f.input({ name: `counts.${i}.counted`, inputmode: 'numeric', classes: 'govuk-input--width-3' })}
${
  opts.expected
    ? html`<span class="pmis-count__expected">${t(lang, 'movements.count.round.expected', { n: formatNumber(lang, c.expected) })}${
        c.out ? html` (${t(lang, 'movements.count.round.out', { n: formatNumber(lang, c.out) })})` : null
      }</span>`
    : null
}
</li>`;
  })}</ul>`;
}

export function sheetView(ctx: PageContext, model: SheetModel): string {
  const lang = ctx.lang;
  const s = model.sheet;
  const f = formView({ lang, values: model.values, errors: model.errors, fields: countFields(lang, s.cells) });
  return pageLayout(
    ctx,
    t(lang, 'movements.count.sheet.title', { slot: slotLabel(lang, s.slot), unit: s.unit_code }),
    s.cells.length
      ? html`<p class="govuk-body">${t(lang, 'movements.count.sheet.intro')}</p>
<form method="post" action="/movements/count/sheet" novalidate>
${f.hidden('_csrf', ctx.csrf ?? '')}
${f.hidden('unit_id', s.unit_id)}
${f.hidden('slot', s.slot)}
${grid(lang, f, s.cells, { expected: false })}
${button({ text: t(lang, 'movements.count.sheet.submit'), classes: 'govuk-button--start' })}
</form>
${s.unplaced.length ? html`<h2 class="govuk-heading-m">${t(lang, 'movements.count.unplaced_unit')}</h2>${people(s.unplaced)}` : null}`
      : html`<p class="govuk-body">${t(lang, 'movements.count.sheet.no_cells')}</p>`,
    {
      errors: f.summaryItems(),
      back: `/movements/count?prison=${s.prison_code}`,
      caption: `${s.unit_name} — ${formatDate(lang, s.day)}`,
    },
  );
}

export interface RoundModel {
  round: CountRoundViewT;
  mayCount: boolean;
  saved?: boolean;
  recount?: { values: FormBody | null; errors: FormErrors | null };
  validate?: { values: FormBody | null; errors: FormErrors | null };
}

export function roundView(ctx: PageContext, model: RoundModel): string {
  const lang = ctx.lang;
  const r = model.round;
  const open = r.state === 'open' && model.mayCount;
  const toRecount = r.cells.filter((c) => c.difference !== 0);
  const rf = formView({
    lang,
    values: model.recount?.values ?? null,
    errors: model.recount?.errors ?? null,
    fields: countFields(lang, toRecount),
  });
  const vf = formView({
    lang,
    values: model.validate?.values ?? null,
    errors: model.validate?.errors ?? null,
    fields: validateFields(lang),
  });
  const cells = tableScroll(
    t(lang, 'movements.count.round.cells'),
    table({
      head: [
        { text: t(lang, 'movements.count.col.cell') },
        { text: t(lang, 'movements.count.col.expected'), format: 'numeric' },
        { text: t(lang, 'movements.count.sheet.counted'), format: 'numeric' },
        { text: t(lang, 'movements.count.daily.result') },
        { text: t(lang, 'movements.count.round.attempts') },
        { text: t(lang, 'movements.count.round.out_people') },
      ],
      rows: r.cells.map((c) => [
        { html: html`<strong>${c.code}</strong>` },
        {
          html: html`${formatNumber(lang, c.expected)}${c.out ? html`<br><small>${t(lang, 'movements.count.round.out', { n: formatNumber(lang, c.out) })}</small>` : null}`,
          format: 'numeric',
        },
        { text: c.counted === null ? '' : formatNumber(lang, c.counted), format: 'numeric' },
        {
          html:
            c.difference === null
              ? html`${t(lang, 'movements.count.not_counted')}`
              : resultTag(lang, { balanced: c.difference === 0, difference: c.difference, mismatched: 0 }),
        },
        {
          html: html`${c.attempts.map(
            (a) =>
              html`${t(lang, 'movements.count.round.attempt', {
                attempt: a.attempt,
                counted: formatNumber(lang, a.counted),
                expected: formatNumber(lang, a.expected),
              })}<br>`,
          )}`,
        },
        {
          html: html`${c.out_people.map((p) => html`${p.family_name} ${p.given_names}<br>`)}`,
        },
      ]),
    }),
  );
  const recountForm =
    open && toRecount.length
      ? html`<h2 class="govuk-heading-m">${t(lang, 'movements.count.round.recount')}</h2>
<p class="govuk-body">${t(lang, 'movements.count.round.recount_hint')}</p>
<form method="post" action="/movements/count/${r.id}/recount" novalidate>
${rf.hidden('_csrf', ctx.csrf ?? '')}
${grid(lang, rf, toRecount, { expected: true })}
${button({ text: t(lang, 'movements.count.round.recount_submit') })}
</form>`
      : null;
  const validateForm = open
    ? html`<h2 class="govuk-heading-m">${t(lang, 'movements.count.round.validate')}</h2>
<form method="post" action="/movements/count/${r.id}/validate" novalidate>
${vf.hidden('_csrf', ctx.csrf ?? '')}
${vf.textarea({ name: 'note', hint: t(lang, 'movements.count.round.note_hint'), rows: 3 })}
${button({ text: t(lang, 'movements.count.round.validate'), classes: 'govuk-button--secondary' })}
</form>`
    : null;
  const who = html`<p class="govuk-body">${r.started_by && r.started_at ? t(lang, 'movements.count.round.started', { name: r.started_by, date: formatDateTime(lang, r.started_at) }) : null}${
    r.validated_by && r.validated_at
      ? html`<br>${t(lang, 'movements.count.round.validated', { name: r.validated_by, date: formatDateTime(lang, r.validated_at) })}`
      : null
  }${r.validation_note ? html`<br>${r.validation_note}` : null}</p>`;
  return pageLayout(
    ctx,
    t(lang, 'movements.count.round.title', {
      slot: slotLabel(lang, r.slot),
      date: formatDate(lang, r.day),
      unit: r.unit_code,
    }),
    html`<p class="govuk-body-l">${t(lang, 'movements.count.round.summary', {
      expected: formatNumber(lang, r.expected),
      counted: formatNumber(lang, r.counted),
      difference: signed(lang, r.difference),
    })} ${resultTag(lang, r)} ${r.state ? tag({ text: stateLabel(lang, r.state as RoundState), meaning: r.state === 'validated' ? 'neutral' : 'info' }) : null}</p>
${who}
${cells}
${r.unplaced.length ? html`<h2 class="govuk-heading-m">${t(lang, 'movements.count.unplaced_unit')}</h2>${people(r.unplaced)}` : null}
${recountForm}
${validateForm}`,
    {
      errors: [...rf.summaryItems(), ...vf.summaryItems()],
      back: `/movements/count?prison=${r.prison_code}`,
      caption: r.unit_name,
      banner: model.saved
        ? notificationBanner({ type: 'success', lang, text: t(lang, 'movements.count.round.saved') })
        : undefined,
    },
  );
}
