/** Escapes and deaths in custody: the forms, the incident page (alerts, recapture), the printable alert sheet. */
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
  summaryList,
  warningText,
} from '../../../../web/index.js';
import { incidentFields, noticeFields, recaptureFields } from '../forms.js';
import { audienceLabel, incidentLabel } from '../messages.js';
import { p } from '../page-messages.js';
import type { IncidentKind } from '../rules.js';
import type { IncidentViewT } from '../schemas.js';
import { noticesBlock } from './release.js';

export interface IncidentFormModel {
  kind: IncidentKind;
  admissionId: string;
  personId: string;
  name: string;
  committal: string;
  values: FormBody | null;
  errors: FormErrors | null;
}

export function incidentFormView(ctx: PageContext, mdl: IncidentFormModel): string {
  const lang = ctx.lang;
  const f = formView({ lang, values: mdl.values, errors: mdl.errors, fields: incidentFields(lang, mdl.kind) });
  const escape = mdl.kind === 'escape';
  return pageLayout(
    ctx,
    escape ? p.t(lang, 'movements.incident.escape.title') : p.t(lang, 'movements.incident.death.title'),
    html`${summaryList({
      rows: [
        { key: { text: p.t(lang, 'movements.release.col.person') }, value: { text: mdl.name } },
        { key: { text: p.t(lang, 'movements.release.col.committal') }, value: { text: mdl.committal } },
      ],
    })}
${warningText({
  lang,
  text: escape ? p.t(lang, 'movements.incident.escape.intro') : p.t(lang, 'movements.incident.death.intro'),
})}
<form method="post" action="/movements/${escape ? 'escapes' : 'deaths'}/new?admission=${mdl.admissionId}" novalidate>
${f.hidden('_csrf', ctx.csrf ?? '')}${f.hidden('admission_id', mdl.admissionId)}
${f.date({ name: 'occurred_at' })}
${f.input({ name: 'occurred_time', classes: 'govuk-input--width-5', inputmode: 'numeric' })}
${f.input({ name: 'place' })}
${f.textarea({ name: 'circumstances', rows: 4 })}
${escape ? null : f.input({ name: 'cause_reported' })}
${button({ text: p.t(lang, 'movements.incident.f.submit'), classes: 'govuk-button--warning' })}
</form>`,
    { errors: f.summaryItems(), width: 'two-thirds', back: `/people/${mdl.personId}` },
  );
}

export interface IncidentShowModel {
  i: IncidentViewT;
  done: boolean;
  authorities: readonly { code: string; label: string }[];
  noticeValues?: FormBody | null;
  noticeErrors?: FormErrors | null;
  recaptureValues?: FormBody | null;
  recaptureErrors?: FormErrors | null;
}

export function incidentView(ctx: PageContext, mdl: IncidentShowModel): string {
  const lang = ctx.lang;
  const i = mdl.i;
  const name = `${i.person.family_name} ${i.person.given_names}`.trim();
  const kind = incidentLabel(lang, i.kind as IncidentKind);
  const rf = formView({
    lang,
    values: mdl.recaptureValues,
    errors: mdl.recaptureErrors,
    fields: recaptureFields(lang),
  });
  const noticeSummary = formView({ lang, errors: mdl.noticeErrors, fields: noticeFields(lang) }).summaryItems();
  return pageLayout(
    ctx,
    p.t(lang, 'movements.incident.show.title', { kind, name }),
    html`${mdl.done ? notificationBanner({ lang, type: 'success', text: p.t(lang, 'movements.release.show.done') }) : null}
${summaryList({
  rows: [
    { key: { text: p.t(lang, 'movements.release.col.committal') }, value: { text: i.person.committal_number } },
    { key: { text: p.t(lang, 'movements.incident.when') }, value: { text: formatDateTime(lang, i.occurred_at) } },
    { key: { text: p.t(lang, 'movements.incident.where') }, value: { text: i.place } },
    { key: { text: p.t(lang, 'movements.incident.how') }, value: { text: i.circumstances } },
    i.cause_reported
      ? { key: { text: p.t(lang, 'movements.incident.f.cause_reported') }, value: { text: i.cause_reported } }
      : null,
    { key: { text: p.t(lang, 'movements.incident.recorded_by') }, value: { text: i.recorded_by_name ?? '' } },
  ],
})}
${
  i.kind === 'death'
    ? html`<h2 class="govuk-heading-m">${p.t(lang, 'movements.incident.checklist')}</h2>
${
  i.incident_checklist.href
    ? html`<p class="govuk-body"><a class="govuk-link" href="${i.incident_checklist.href}">${p.t(lang, 'movements.incident.checklist_open')}</a></p>`
    : insetText({ text: p.t(lang, 'movements.incident.checklist_missing') })
}`
    : null
}
<h2 class="govuk-heading-m">${p.t(lang, 'movements.incident.alerts')}</h2>
${
  i.missing_alerts.length
    ? warningText({
        lang,
        text: p.t(lang, 'movements.incident.alerts_missing', {
          who: i.missing_alerts.map((a) => audienceLabel(lang, a as 'police' | 'gendarmerie')).join(', '),
        }),
      })
    : null
}
${
  i.kind === 'escape'
    ? html`<p class="govuk-body"><a class="govuk-link" href="/movements/incidents/${i.id}/alert-sheet">${p.t(lang, 'movements.incident.alert_sheet')}</a></p>`
    : null
}
${noticesBlock(lang, {
  notices: i.notices,
  action: `/movements/incidents/${i.id}/notify`,
  csrf: ctx.csrf ?? '',
  values: mdl.noticeValues,
  errors: mdl.noticeErrors,
  audiences:
    i.kind === 'escape'
      ? ['police', 'gendarmerie', 'prosecutor', 'family', 'other']
      : ['family', 'prosecutor', 'other'],
})}
${
  i.kind === 'escape'
    ? html`<h2 class="govuk-heading-m">${p.t(lang, 'movements.incident.recapture')}</h2>
${
  i.recaptured_at
    ? html`<p class="govuk-body">${p.t(lang, 'movements.incident.recaptured', {
        date: formatDateTime(lang, i.recaptured_at),
        place: i.recapture_place ?? '',
      })}</p>`
    : html`<p class="govuk-body">${p.t(lang, 'movements.incident.recapture_intro')}</p>
<form method="post" action="/movements/incidents/${i.id}/recapture" novalidate>${rf.hidden('_csrf', ctx.csrf ?? '')}
${rf.date({ name: 'recaptured_at' })}
${rf.input({ name: 'recaptured_time', classes: 'govuk-input--width-5', inputmode: 'numeric' })}
${rf.input({ name: 'place' })}
${rf.select({
  name: 'arresting_authority',
  placeholder: p.t(lang, 'movements.release.f.none'),
  items: mdl.authorities.map((a) => ({ value: a.code, text: a.label })),
})}
${button({ text: p.t(lang, 'movements.incident.f.submit_recapture') })}
</form>`
}`
    : null
}
<p class="govuk-body"><a class="govuk-link" href="/people/${i.person.id}">${p.t(lang, 'movements.incident.file')}</a></p>`,
    { errors: [...rf.summaryItems(), ...noticeSummary], back: `/movements/release-due?prison=${i.prison_code}` },
  );
}

export function alertSheetView(ctx: PageContext, i: IncidentViewT, o: { printedBy: string; sex: string }): string {
  const lang: Lang = ctx.lang;
  const name = `${i.person.family_name} ${i.person.given_names}`.trim();
  return pageLayout(
    ctx,
    `${p.t(lang, 'movements.incident.sheet.title')} — ${name}`,
    html`<p class="govuk-body">${p.t(lang, 'movements.incident.sheet.intro', {
      prison: i.prison_name,
      date: formatDateTime(lang, i.occurred_at),
      place: i.place,
    })}</p>
${
  i.person.photo_attachment_id
    ? html`<p><img src="/api/attachments/${i.person.photo_attachment_id}" alt="${p.t(lang, 'movements.incident.sheet.photo_alt', { name })}" style="max-width: 12rem; height: auto"></p>`
    : html`<p class="govuk-body">${p.t(lang, 'movements.incident.sheet.photo_none')}</p>`
}
${summaryList({
  rows: [
    { key: { text: p.t(lang, 'movements.release.cert.name') }, value: { text: name } },
    { key: { text: p.t(lang, 'movements.release.col.committal') }, value: { text: i.person.committal_number } },
    { key: { text: p.t(lang, 'movements.incident.sheet.sex') }, value: { text: o.sex } },
    { key: { text: p.t(lang, 'movements.incident.sheet.birth') }, value: { text: formatDate(lang, i.person.birth) } },
    {
      key: { text: p.t(lang, 'movements.incident.sheet.parents') },
      value: { text: [i.person.father_name, i.person.mother_name].filter(Boolean).join(' / ') },
    },
    { key: { text: p.t(lang, 'movements.incident.sheet.nationality') }, value: { text: i.person.nationality ?? '' } },
    { key: { text: p.t(lang, 'movements.incident.sheet.charges') }, value: { text: i.charges.join(' ; ') } },
    { key: { text: p.t(lang, 'movements.incident.how') }, value: { text: i.circumstances } },
  ],
})}
<p class="govuk-body pmis-no-print">${p.t(lang, 'movements.release.print')}</p>`,
    {
      width: 'two-thirds',
      letterhead: { prison: i.prison_name, printedBy: o.printedBy },
      back: `/movements/incidents/${i.id}`,
    },
  );
}
