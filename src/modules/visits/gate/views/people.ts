/** Visitor pages (search, register, one visitor with bans) and family contact (a person's tab, the no-contact list). */
import type { Lang } from '../../../../core/i18n.js';
import { colon } from '../../../../core/words.js';
import {
  button,
  type FieldSpecs,
  type FormBody,
  type FormErrors,
  formatDate,
  formatDateTime,
  formView,
  html,
  notificationBanner,
  type PageContext,
  pageLayout,
  summaryList,
  table,
  tableScroll,
  tag,
} from '../../../../web/index.js';
import {
  basisLabel,
  contactKindLabel,
  docLabel,
  m,
  relationshipLabel,
  scopeLabel,
  tracingStateLabel,
} from '../messages.js';
import {
  BAN_SCOPES,
  CONTACT_KINDS,
  ID_DOC_KINDS,
  RELATIONSHIPS,
  type RESTRICTION_BASES,
  type TRACING_STATES,
} from '../rules.js';
import type { ContactOverviewT, NoContactListT, VisitorViewT } from '../schemas.js';

const t = m.t.bind(m);
const link = (href: string, text: string) => html`<a class="govuk-link" href="${href}">${text}</a>`;
type Rel = (typeof RELATIONSHIPS)[number];
type Doc = (typeof ID_DOC_KINDS)[number];
const name = (v: { family_name: string; given_names: string }) => `${v.family_name} ${v.given_names}`.trim();

function visitorTable(lang: Lang, items: readonly VisitorViewT[]) {
  return tableScroll(
    t(lang, 'visits.visitors.title'),
    table({
      head: [
        { text: t(lang, 'visits.col.name') },
        { text: t(lang, 'visits.col.document') },
        { text: t(lang, 'visits.col.relationships') },
      ],
      rows: items.map((v) => [
        {
          html: html`${link(`/visits/visitors/${v.id}`, name(v))}${
            v.bans.some((b) => b.in_force)
              ? html` ${tag({ text: t(lang, 'visits.visitor.in_force'), meaning: 'critical' })}`
              : null
          }`,
        },
        { text: `${docLabel(lang, v.id_doc_kind as Doc)}${v.id_doc_number ? ` ${v.id_doc_number}` : ''}` },
        {
          text: v.relationships.map((r) => `${name(r)} (${relationshipLabel(lang, r.relationship as Rel)})`).join(', '),
        },
      ]),
    }),
  );
}

export function visitorsView(ctx: PageContext, model: { q: string; items: readonly VisitorViewT[]; mayGate: boolean }) {
  const lang = ctx.lang;
  return pageLayout(
    ctx,
    t(lang, 'visits.visitors.title'),
    html`<form method="get" action="/visits/visitors" novalidate>
<div class="govuk-form-group"><label class="govuk-label" for="q">${t(lang, 'visits.visitors.find')}</label>
<div id="q-hint" class="govuk-hint">${t(lang, 'visits.visitors.hint')}</div>
<input class="govuk-input" id="q" name="q" type="search" value="${model.q}" aria-describedby="q-hint"></div>
${button({ text: t(lang, 'visits.new.search') })}
</form>
${
  model.q
    ? model.items.length
      ? visitorTable(lang, model.items)
      : html`<p class="govuk-body">${t(lang, 'visits.visitors.none')}</p>`
    : null
}
${
  model.mayGate
    ? html`<p class="govuk-body">${button({
        text: t(lang, 'visits.visitors.new'),
        href: '/visits/visitors/new',
        classes: 'govuk-button--secondary',
      })}</p>`
    : null
}`,
  );
}

export interface NewVisitorModel {
  person: { person_id: string; admission_id: string; family_name: string; given_names: string } | null;
  values: FormBody | null;
  errors: FormErrors | null;
  fields: FieldSpecs;
}

export function newVisitorView(ctx: PageContext, model: NewVisitorModel): string {
  const lang = ctx.lang;
  const f = formView({
    lang,
    values: model.values ?? { id_doc_kind: 'nina_card' },
    errors: model.errors,
    fields: model.fields,
  });
  const p = model.person;
  return pageLayout(
    ctx,
    t(lang, 'visits.visitors.new'),
    html`<form method="post" action="/visits/visitors/new" novalidate>
${f.hidden('_csrf', ctx.csrf ?? '')}
${p ? html`${f.hidden('person_id', p.person_id)}${f.hidden('admission_id', p.admission_id)}` : null}
${f.input({ name: 'family_name', hint: t(lang, 'visits.f.family_name.hint'), spellcheck: false })}
${f.input({ name: 'given_names', spellcheck: false })}
${f.select({ name: 'id_doc_kind', items: ID_DOC_KINDS.map((k) => ({ value: k, text: docLabel(lang, k) })) })}
${f.input({ name: 'id_doc_number', classes: 'govuk-input--width-20' })}
${f.input({ name: 'phone', type: 'tel', classes: 'govuk-input--width-20' })}
${f.input({ name: 'bar_number', classes: 'govuk-input--width-10' })}
${
  p
    ? f.radios({
        name: 'relationship',
        small: true,
        items: RELATIONSHIPS.map((r) => ({ value: r, text: relationshipLabel(lang, r) })),
      })
    : null
}
${button({ text: t(lang, 'visits.visitors.new') })}
</form>`,
    {
      errors: f.summaryItems(),
      back: p ? `/visits/new?admission=${p.admission_id}` : '/visits/visitors',
      width: 'two-thirds',
      caption: p ? name(p) : undefined,
    },
  );
}

export interface VisitorModel {
  visitor: VisitorViewT;
  prisons: readonly { id: string; code: string; name: string }[];
  mayDecide: boolean;
  values: FormBody | null;
  errors: FormErrors | null;
  fields: FieldSpecs;
  done: string | null;
}

export function visitorView(ctx: PageContext, model: VisitorModel): string {
  const lang = ctx.lang;
  const v = model.visitor;
  const prisonName = (id: string | null) =>
    id ? (model.prisons.find((p) => p.id === id)?.name ?? '') : scopeLabel(lang, 'all');
  const f = formView({
    lang,
    values: model.values ?? { scope: 'prison', prison: model.prisons[0]?.code ?? '' },
    errors: model.errors,
    fields: model.fields,
  });
  const bans = v.bans.length
    ? html`<ul class="govuk-list">${v.bans.map(
        (b) =>
          html`<li>${tag({
            text: t(lang, b.in_force ? 'visits.visitor.in_force' : 'visits.visitor.lifted'),
            meaning: b.in_force ? 'critical' : 'neutral',
          })} ${t(lang, 'visits.visitor.ban_line', {
            scope: prisonName(b.prison_id),
            from: formatDate(lang, b.from_date),
            until: b.until_date ? t(lang, 'visits.visitor.until', { date: formatDate(lang, b.until_date) }) : '',
            reason: b.reason,
          })}</li>`,
      )}</ul>`
    : html`<p class="govuk-body">${t(lang, 'visits.visitor.no_bans')}</p>`;
  const rels = v.relationships.length
    ? html`<ul class="govuk-list">${v.relationships.map(
        (r) =>
          html`<li>${link(`/visits/people/${r.person_id}`, name(r))} — ${relationshipLabel(lang, r.relationship as Rel)}</li>`,
      )}</ul>`
    : html`<p class="govuk-body">${t(lang, 'visits.visitor.no_relationships')}</p>`;
  return pageLayout(
    ctx,
    name(v),
    html`${summaryList({
      rows: [
        {
          key: { text: t(lang, 'visits.f.id_doc_kind') },
          value: { text: `${docLabel(lang, v.id_doc_kind as Doc)} ${v.id_doc_number ?? ''}` },
        },
        v.phone ? { key: { text: t(lang, 'visits.f.phone') }, value: { text: v.phone } } : null,
        v.bar_number ? { key: { text: t(lang, 'visits.f.bar_number') }, value: { text: v.bar_number } } : null,
      ],
    })}
<h2 class="govuk-heading-m">${t(lang, 'visits.col.relationships')}</h2>
${rels}
<h2 class="govuk-heading-m">${t(lang, 'visits.visitor.bans')}</h2>
${bans}
${
  model.mayDecide
    ? html`<h3 class="govuk-heading-s">${t(lang, 'visits.visitor.ban')}</h3>
<form method="post" action="/visits/visitors/${v.id}/ban" novalidate>
${f.hidden('_csrf', ctx.csrf ?? '')}
${f.select({ name: 'prison', items: model.prisons.map((p) => ({ value: p.code, text: p.name })) })}
${f.radios({ name: 'scope', inline: true, items: BAN_SCOPES.map((s) => ({ value: s, text: scopeLabel(lang, s) })) })}
${f.textarea({ name: 'reason', rows: 3 })}
${f.input({ name: 'until', hint: t(lang, 'visits.f.until.hint'), classes: 'govuk-input--width-10' })}
${button({ text: t(lang, 'visits.visitor.ban'), classes: 'govuk-button--warning' })}
</form>`
    : null
}`,
    {
      errors: f.summaryItems(),
      back: '/visits/visitors',
      width: 'two-thirds',
      banner: model.done
        ? notificationBanner({
            type: 'success',
            lang,
            text: t(lang, model.done === 'ban' ? 'visits.done.ban' : 'visits.done.visitor'),
          })
        : undefined,
    },
  );
}

export interface ContactModel {
  o: ContactOverviewT;
  mayContact: boolean;
  contactValues: FormBody | null;
  contactErrors: FormErrors | null;
  tracingValues: FormBody | null;
  tracingErrors: FormErrors | null;
  contactFields: FieldSpecs;
  tracingFields: FieldSpecs;
  done: string | null;
  regionName: (code: string | null) => string;
}

export function contactView(ctx: PageContext, model: ContactModel): string {
  const lang = ctx.lang;
  const o = model.o;
  const fc = formView({
    lang,
    values: model.contactValues ?? { kind: 'call' },
    errors: model.contactErrors,
    fields: model.contactFields,
  });
  const ft = formView({
    lang,
    values: model.tracingValues ?? {},
    errors: model.tracingErrors,
    fields: model.tracingFields,
  });
  const distance =
    o.distance_km === null
      ? t(lang, 'visits.contact.distance_unknown')
      : t(lang, 'visits.contact.km', {
          km: o.distance_km,
          from: model.regionName(o.origin_region),
          to: model.regionName(o.prison_region),
        });
  const summary = summaryList({
    rows: [
      {
        key: { text: t(lang, 'visits.contact.last_visit') },
        value: {
          text: o.last_family_visit ? formatDateTime(lang, o.last_family_visit) : t(lang, 'visits.contact.never'),
        },
      },
      { key: { text: t(lang, 'visits.contact.visits_90') }, value: { text: String(o.family_visits_90_days) } },
      { key: { text: t(lang, 'visits.contact.legal_90') }, value: { text: String(o.legal_visits_90_days) } },
      { key: { text: t(lang, 'visits.contact.calls_90') }, value: { text: String(o.calls_90_days) } },
      { key: { text: t(lang, 'visits.contact.letters_90') }, value: { text: String(o.letters_90_days) } },
      {
        key: { text: t(lang, 'visits.contact.distance') },
        value: { html: html`${distance}<br><small>${t(lang, 'visits.contact.distance_hint')}</small>` },
      },
    ],
  });
  const calls = o.contacts.length
    ? html`<ul class="govuk-list">${o.contacts.map(
        (c) =>
          html`<li>${formatDateTime(lang, c.occurred_at)} — ${contactKindLabel(
            lang,
            c.kind as (typeof CONTACT_KINDS)[number],
          )} — ${c.with_whom}</li>`,
      )}</ul>`
    : html`<p class="govuk-body">${t(lang, 'visits.contact.none_calls')}</p>`;
  const restrictions = o.restrictions.length
    ? html`<ul class="govuk-list">${o.restrictions.map(
        (r) =>
          html`<li>${r.in_force ? tag({ text: t(lang, 'visits.visitor.in_force'), meaning: 'critical' }) : null} ${t(
            lang,
            'visits.contact.restriction_line',
            {
              basis: basisLabel(lang, r.basis as (typeof RESTRICTION_BASES)[number]),
              from: formatDate(lang, r.from_date),
              until: formatDate(lang, r.until_date),
              reason: r.reason,
            },
          )}</li>`,
      )}</ul>`
    : html`<p class="govuk-body">${t(lang, 'visits.contact.none_restrictions')}</p>`;
  const tracing = o.tracing.length
    ? html`<ul class="govuk-list">${o.tracing.map(
        (x) =>
          html`<li>${formatDate(lang, x.requested_on)} — ${x.partner} — ${x.sought} — ${tracingStateLabel(
            lang,
            x.state as (typeof TRACING_STATES)[number],
          )}${x.outcome ? `${colon(lang)}${x.outcome}` : ''}</li>`,
      )}</ul>`
    : html`<p class="govuk-body">${t(lang, 'visits.contact.none_tracing')}</p>`;
  const visitors = o.visitors.length
    ? html`<ul class="govuk-list">${o.visitors.map(
        (v) =>
          html`<li>${link(`/visits/visitors/${v.id}`, name(v))} — ${relationshipLabel(lang, v.relationship as Rel)}</li>`,
      )}</ul>`
    : html`<p class="govuk-body">${t(lang, 'visits.visitor.no_relationships')}</p>`;
  const banner = model.done
    ? notificationBanner({
        type: 'success',
        lang,
        text: t(lang, model.done === 'tracing' ? 'visits.done.tracing' : 'visits.done.contact'),
      })
    : undefined;
  return pageLayout(
    ctx,
    t(lang, 'visits.contact.title', { name: name(o) }),
    html`<h2 class="govuk-heading-m">${t(lang, 'visits.contact.summary')}</h2>
${summary}
<h2 class="govuk-heading-m">${t(lang, 'visits.contact.restrictions')}</h2>
${restrictions}
<h2 class="govuk-heading-m">${t(lang, 'visits.contact.visitors')}</h2>
${visitors}
<h2 class="govuk-heading-m">${t(lang, 'visits.contact.calls')}</h2>
${calls}
<h2 class="govuk-heading-m">${t(lang, 'visits.contact.tracing')}</h2>
${tracing}
${
  model.mayContact
    ? html`<h2 class="govuk-heading-m">${t(lang, 'visits.contact.record')}</h2>
<form method="post" action="/visits/people/${o.person_id}/contacts" novalidate>
${fc.hidden('_csrf', ctx.csrf ?? '')}
${fc.hidden('admission_id', o.admission_id)}
${fc.radios({ name: 'kind', small: true, items: CONTACT_KINDS.map((k) => ({ value: k, text: contactKindLabel(lang, k) })) })}
${fc.input({ name: 'with_whom', hint: t(lang, 'visits.f.with_whom.hint') })}
${button({ text: t(lang, 'visits.contact.record') })}
</form>
<h2 class="govuk-heading-m">${t(lang, 'visits.contact.request_tracing')}</h2>
<form method="post" action="/visits/people/${o.person_id}/tracing" novalidate>
${ft.hidden('_csrf', ctx.csrf ?? '')}
${ft.hidden('admission_id', o.admission_id)}
${ft.input({ name: 'partner' })}
${ft.textarea({ name: 'sought', hint: t(lang, 'visits.f.sought.hint'), rows: 3 })}
${button({ text: t(lang, 'visits.contact.request_tracing'), classes: 'govuk-button--secondary' })}
</form>`
    : null
}`,
    {
      errors: [...fc.summaryItems(), ...ft.summaryItems()],
      caption: o.committal_number,
      width: 'two-thirds',
      banner,
    },
  );
}

export function noContactView(ctx: PageContext, l: NoContactListT): string {
  const lang = ctx.lang;
  return pageLayout(
    ctx,
    t(lang, 'visits.no_contact.title', { prison: l.prison_name }),
    html`<form method="get" action="/visits/no-contact" novalidate class="pmis-no-print">
<input type="hidden" name="prison" value="${l.prison_code}">
<div class="govuk-form-group"><label class="govuk-label" for="days">${t(lang, 'visits.no_contact.days')}</label>
<input class="govuk-input govuk-input--width-4" id="days" name="days" inputmode="numeric" value="${String(l.days)}"></div>
${button({ text: t(lang, 'visits.no_contact.show'), classes: 'govuk-button--secondary' })}
</form>
<p class="govuk-body">${t(lang, 'visits.no_contact.intro', { n: l.items.length, days: l.days })}</p>
${
  l.items.length
    ? tableScroll(
        t(lang, 'visits.nav.no_contact'),
        table({
          head: [
            { text: t(lang, 'visits.col.person') },
            { text: t(lang, 'visits.col.last_contact') },
            { text: t(lang, 'visits.col.days'), format: 'numeric' },
            { text: t(lang, 'visits.col.distance'), format: 'numeric' },
          ],
          rows: l.items.map((x) => [
            {
              html: html`${link(`/visits/people/${x.person_id}`, name(x))}<br><small>${x.committal_number}</small>${
                x.open_tracing
                  ? html` ${tag({ text: t(lang, 'visits.no_contact.tracing_open'), meaning: 'neutral' })}`
                  : null
              }`,
            },
            { text: x.last_contact ? formatDate(lang, x.last_contact) : t(lang, 'visits.contact.never') },
            { text: String(x.days_without), format: 'numeric' },
            { text: x.distance_km === null ? '' : t(lang, 'visits.km', { km: x.distance_km }), format: 'numeric' },
          ]),
        }),
      )
    : html`<p class="govuk-body">${t(lang, 'visits.no_contact.none')}</p>`
}`,
  );
}
