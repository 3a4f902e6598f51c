/** One complaint: the recording form, the printable receipt, the handling page. */
import type { Lang } from '../../../core/i18n.js';
import {
  button,
  type FormBody,
  type FormErrors,
  formatDateTime,
  formView,
  html,
  type PageContext,
  pageLayout,
  panel,
  summaryList,
  table,
  tableScroll,
} from '../../../web/index.js';
import { complaintFields, noteFields, actionFields } from '../forms.js';
import {
  actionLabel,
  addresseeLabel,
  categoryLabel,
  channelLabel,
  kindLabel,
  m,
  outcomeLabel,
  ownerLabel,
  stateLabel,
} from '../messages.js';
import { p } from '../page-messages.js';
import {
  ACTIONS,
  ADDRESSEES,
  CATEGORIES,
  CHANNELS,
  type Category,
  type Channel,
  type Addressee,
  KINDS,
  type Kind,
  type Outcome,
  OUTCOMES,
  type Owner,
  type State,
  type Action,
} from '../rules.js';
import { NOTE_KINDS, type ComplaintDetailView } from '../schemas.js';

export interface NewModel {
  body: string;
  admissionId: string | null;
  /** From the reception's injury report: the allegation is linked to that medical check. */
  receptionId: string | null;
  cells: readonly { id: string; code: string }[];
  values: FormBody | null;
  errors: FormErrors | null;
  prison: string;
}

export function newView(ctx: PageContext, mdl: NewModel): string {
  const lang = ctx.lang;
  const values = mdl.values ?? {
    kind: 'complaint',
    channel: 'in_person',
    addressee: 'director',
    ...(mdl.admissionId ? { admission_id: mdl.admissionId } : {}),
    ...(mdl.receptionId ? { category: 'ill_treatment' } : {}),
  };
  const f = formView({ lang, values, errors: mdl.errors, fields: complaintFields(lang) });
  return pageLayout(
    ctx,
    p.t(lang, 'cmp.new.title'),
    html`<p class="govuk-body">${p.t(lang, 'cmp.new.intro', { body: mdl.body })}</p>
<form method="post" action="/complaints/new?prison=${mdl.prison}" novalidate>${f.hidden('_csrf', ctx.csrf ?? '')}
${
  mdl.receptionId
    ? f.hidden('reception_id', mdl.receptionId)
    : typeof mdl.values?.reception_id === 'string' && mdl.values.reception_id
      ? f.hidden('reception_id', mdl.values.reception_id)
      : null
}
${
  mdl.admissionId
    ? f.hidden('admission_id', mdl.admissionId)
    : f.input({
        name: 'admission_id',
        hint: p.t(lang, 'cmp.f.admission_hint'),
        autocomplete: 'off',
        spellcheck: false,
      })
}
${
  mdl.cells.length
    ? f.select({
        name: 'cell_id',
        placeholder: p.t(lang, 'cmp.f.cell_none'),
        items: mdl.cells.map((c) => ({
          value: c.id,
          text: c.code,
        })),
      })
    : null
}
${f.radios({ name: 'kind', inline: true, small: true, items: KINDS.map((k) => ({ value: k, text: kindLabel(lang, k) })) })}
${f.select({ name: 'category', placeholder: '', items: CATEGORIES.map((c) => ({ value: c, text: categoryLabel(lang, c) })) })}
${f.radios({ name: 'channel', small: true, items: CHANNELS.map((c) => ({ value: c, text: channelLabel(lang, c) })) })}
${f.radios({
  name: 'addressee',
  small: true,
  items: ADDRESSEES.map((a) => ({
    value: a,
    text: a === 'inspector' ? `${addresseeLabel(lang, a)} — ${mdl.body}` : addresseeLabel(lang, a),
  })),
})}
${f.checkbox({ name: 'urgent' })}
${f.textarea({ name: 'words', rows: 6 })}
${f.input({ name: 'named_staff_text' })}
${f.input({ name: 'named_staff.0', hint: p.t(lang, 'cmp.f.named_staff_hint'), autocomplete: 'off', spellcheck: false })}
${button({ text: p.t(lang, 'cmp.f.submit') })}
</form>`,
    { errors: f.summaryItems(), width: 'two-thirds' },
  );
}

export function receiptView(
  ctx: PageContext,
  c: ComplaintDetailView,
  o: { body: string; prison: string; printedBy: string },
): string {
  const lang = ctx.lang;
  const kind = kindLabel(lang, c.kind as Kind).toLowerCase();
  return pageLayout(
    ctx,
    p.t(lang, 'cmp.receipt.title', { reference: c.reference }),
    html`
${panel({ titleText: p.t(lang, 'cmp.receipt.panel'), headingLevel: 2, html: html`<strong>${c.reference}</strong>` })}
<p class="govuk-body">${p.t(lang, 'cmp.receipt.text', {
      kind,
      date: formatDateTime(lang, c.received_at),
      due: formatDateTime(lang, c.due_at),
    })}</p>
${summaryList({
  rows: [
    {
      key: { text: p.t(lang, 'cmp.col.person') },
      value: { text: `${c.person_name ?? ''}${c.cell ? ` (${p.t(lang, 'cmp.cell', { cell: c.cell })})` : ''}` },
    },
    { key: { text: p.t(lang, 'cmp.col.category') }, value: { text: categoryLabel(lang, c.category as Category) } },
    { key: { text: p.t(lang, 'cmp.show.addressee') }, value: { text: addresseeLabel(lang, c.addressee as Addressee) } },
  ],
})}
${c.confidential ? html`<p class="govuk-body">${p.t(lang, 'cmp.receipt.confidential', { body: o.body })}</p>` : null}
<p class="govuk-body pmis-no-print">${p.t(lang, 'cmp.receipt.print')}</p>
${
  c.confidential
    ? null
    : html`<p class="govuk-body pmis-no-print"><a class="govuk-link" href="/complaints/${c.id}">${p.t(lang, 'cmp.receipt.open')}</a>
</p>`
}`,
    { width: 'two-thirds', letterhead: { prison: o.prison, printedBy: o.printedBy } },
  );
}

const eventLabel = (lang: Lang, k: string) =>
  (m.table as Record<string, { fr: string; en: string }>)[`complaints.event.${k}`]?.[lang] ?? k;

export interface ShowModel {
  c: ComplaintDetailView;
  done: boolean;
  mayNote: boolean;
  inspector: boolean;
  /** May open the prison's list (the independent body may not: its list is its own). */
  mayList?: boolean;
  actionValues?: FormBody | null;
  actionErrors?: FormErrors | null;
  noteValues?: FormBody | null;
  noteErrors?: FormErrors | null;
}

export function showView(ctx: PageContext, mdl: ShowModel): string {
  const lang = ctx.lang;
  const c = mdl.c;
  const fa = formView({
    lang,
    values: mdl.actionValues ?? {},
    errors: mdl.actionErrors ?? null,
    fields: actionFields(lang),
  });
  const fn = formView({
    lang,
    values: mdl.noteValues ?? { kind: 'note' },
    errors: mdl.noteErrors ?? null,
    fields: noteFields(lang),
    // The action form has a "text" field too: the note's ids are its own.
    idPrefix: 'note-',
  });
  const actions = c.allowed_actions.filter((a): a is Action => (ACTIONS as readonly string[]).includes(a));
  const noteKinds = NOTE_KINDS.filter(
    (k) => mdl.inspector || !['facts_requested', 'facts', 'recommendation'].includes(k),
  );
  const errors = [...fa.summaryItems(), ...fn.summaryItems()];
  return pageLayout(
    ctx,
    p.t(lang, 'cmp.show.title', { kind: kindLabel(lang, c.kind as Kind), reference: c.reference }),
    html`
${
  mdl.done
    ? html`<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="cmp-done">
<div class="govuk-notification-banner__header">
<h2 class="govuk-notification-banner__title" id="cmp-done">${p.t(lang, 'cmp.done')}</h2></div></div>`
    : null
}
${summaryList({
  rows: [
    {
      key: { text: p.t(lang, 'cmp.col.person') },
      value: {
        html: html`${
          c.person_id
            ? html`<a class="govuk-link" href="/complaints/person/${c.person_id}">${c.person_name ?? ''}</a>`
            : ''
        }${c.cell ? ` (${p.t(lang, 'cmp.cell', { cell: c.cell })})` : ''} — ${c.prison_code}`,
      },
    },
    {
      key: { text: p.t(lang, 'cmp.col.category') },
      value: {
        text: `${categoryLabel(lang, c.category as Category)}${c.urgent ? ` — ${p.t(lang, 'cmp.urgent')}` : ''}${
          c.confidential ? ` — ${p.t(lang, 'cmp.confidential')}` : ''
        }`,
      },
    },
    {
      key: { text: p.t(lang, 'cmp.col.state') },
      value: { text: `${stateLabel(lang, c.state as State)}${c.overdue ? ` — ${p.t(lang, 'cmp.overdue')}` : ''}` },
    },
    { key: { text: p.t(lang, 'cmp.show.received') }, value: { text: formatDateTime(lang, c.received_at) } },
    { key: { text: p.t(lang, 'cmp.col.due') }, value: { text: formatDateTime(lang, c.due_at) } },
    { key: { text: p.t(lang, 'cmp.show.channel') }, value: { text: channelLabel(lang, c.channel as Channel) } },
    { key: { text: p.t(lang, 'cmp.show.addressee') }, value: { text: addresseeLabel(lang, c.addressee as Addressee) } },
    { key: { text: p.t(lang, 'cmp.col.owner') }, value: { text: ownerLabel(lang, c.owner as Owner) } },
    c.reception_id
      ? {
          key: { text: p.t(lang, 'cmp.show.reception') },
          value: {
            html: html`<a class="govuk-link" href="/receptions/${c.reception_id}">${p.t(lang, 'cmp.show.reception_link')}</a>`,
          },
        }
      : null,
    c.named_staff_text ? { key: { text: p.t(lang, 'cmp.show.named') }, value: { text: c.named_staff_text } } : null,
    { key: { text: p.t(lang, 'cmp.show.words') }, value: { text: c.words } },
    c.answer ? { key: { text: p.t(lang, 'cmp.show.answer') }, value: { text: c.answer } } : null,
    c.outcome
      ? { key: { text: p.t(lang, 'cmp.show.outcome') }, value: { text: outcomeLabel(lang, c.outcome as Outcome) } }
      : null,
    c.action_taken ? { key: { text: p.t(lang, 'cmp.show.action_taken') }, value: { text: c.action_taken } } : null,
    c.answer_read_at
      ? { key: { text: p.t(lang, 'cmp.show.read') }, value: { text: formatDateTime(lang, c.answer_read_at) } }
      : null,
    c.appealed_at
      ? {
          key: { text: p.t(lang, 'cmp.show.appeal') },
          value: { text: `${formatDateTime(lang, c.appealed_at)}${c.appeal_reason ? ` — ${c.appeal_reason}` : ''}` },
        }
      : null,
  ],
})}
<p class="govuk-body"><a class="govuk-link" href="/complaints/${c.id}/receipt">${p.t(lang, 'cmp.show.receipt')}</a></p>
${html`<h2 class="govuk-heading-m">${p.t(lang, 'cmp.act.title')}</h2>
${
  actions.length
    ? html`<form method="post" action="/complaints/${c.id}/action" novalidate>${fa.hidden('_csrf', ctx.csrf ?? '')}
${fa.radios({ name: 'action', small: true, items: actions.map((a) => ({ value: a, text: actionLabel(lang, a) })) })}
${
  actions.includes('answer')
    ? html`${fa.textarea({ name: 'answer', rows: 5 })}
${fa.radios({
  name: 'outcome',
  small: true,
  items: OUTCOMES.filter((o) => o !== 'withdrawn').map((o) => ({
    value: o,
    text: outcomeLabel(lang, o),
  })),
})}
${fa.input({ name: 'action_taken' })}`
    : null
}
${fa.input({ name: 'text' })}
${button({ text: p.t(lang, 'cmp.act.submit') })}</form>`
    : html`<p class="govuk-body">${p.t(lang, 'cmp.act.none')}</p>`
}
${
  mdl.mayNote
    ? html`<h2 class="govuk-heading-m">${p.t(lang, 'cmp.note.title')}</h2>
<form method="post" action="/complaints/${c.id}/note" novalidate>${fn.hidden('_csrf', ctx.csrf ?? '')}
${fn.radios({ name: 'kind', small: true, items: noteKinds.map((k) => ({ value: k, text: eventLabel(lang, k) })) })}
${fn.textarea({ name: 'text', rows: 4 })}
${button({ text: p.t(lang, 'cmp.note.submit'), classes: 'govuk-button--secondary' })}</form>`
    : null
}`}
<h2 class="govuk-heading-m">${p.t(lang, 'cmp.show.history')}</h2>
${tableScroll(
  p.t(lang, 'cmp.show.history'),
  table({
    head: [
      { text: p.t(lang, 'cmp.show.at') },
      { text: p.t(lang, 'cmp.show.what') },
      { text: p.t(lang, 'cmp.show.by') },
      { text: p.t(lang, 'cmp.show.note') },
    ],
    rows: c.events.map((e) => [
      { text: formatDateTime(lang, e.at) },
      { text: eventLabel(lang, e.kind) },
      { text: e.by ?? '' },
      { text: e.text ?? '' },
    ]),
  }),
)}`,
    {
      errors,
      back: c.confidential || mdl.mayList === false ? '/complaints/inspector' : `/complaints?prison=${c.prison_code}`,
    },
  );
}
