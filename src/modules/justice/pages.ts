/** Printable documents of the justice chain (server-rendered HTML, French or English). */
import { t, type Lang } from '../../core/i18n.js';
import { formatDate } from '../../web/index.js';
import { html, type Raw } from '../web/index.js';
import './messages.js';
import type { CourtList, JusticeFile } from './service.js';

/** Tomorrow's list of people to take to court: one row per hearing, with the escort, ready to print. */
export function courtListPage(list: CourtList, lang: Lang): Raw {
  const title = t(lang, 'justice.court_list.title', { prison: list.prison_name, date: formatDate(lang, list.date) });
  return html`<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${title}</title>
<style>
  body { font: 11pt/1.35 system-ui, sans-serif; margin: 1.5cm; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #444; padding: 4px 6px; vertical-align: top; text-align: left; }
  th { background: #eee; }
  .sign { margin-top: 2cm; display: flex; justify-content: space-between; }
  @media print { body { margin: 0; } }
</style></head>
<body>
<h1>${title}</h1>
<p>${t(lang, 'justice.court_list.count', { count: list.items.length })}</p>
${
  list.items.length
    ? html`<table>
<thead><tr>
  <th>${t(lang, 'justice.court_list.time')}</th><th>${t(lang, 'justice.court_list.detainee')}</th><th>${t(
    lang,
    'justice.court_list.committal',
  )}</th>
  <th>${t(lang, 'justice.court_list.cell')}</th><th>${t(lang, 'justice.court_list.court')}</th><th>${t(
    lang,
    'justice.court_list.charges',
  )}</th>
  <th>${t(lang, 'justice.court_list.order')}</th><th>${t(lang, 'justice.court_list.escort')}</th>
</tr></thead>
<tbody>
${list.items.map(
  (i) => html`<tr>
  <td>${i.scheduled_local.split(' ').slice(-1)[0]}</td>
  <td><strong>${i.family_name}</strong> ${i.given_names}${
    i.father_name ? html`<br><small>${t(lang, 'justice.court_list.son_of', { name: i.father_name })}</small>` : ''
  }</td>
  <td>${i.committal_number}</td>
  <td>${i.cell ?? ''}</td>
  <td>${i.court}${i.purpose ? html`<br><small>${i.purpose}</small>` : ''}</td>
  <td>${i.charges.map((c) => html`${c}<br>`)}</td>
  <td>${i.production_order_ref ?? ''}${i.ordered_by ? html`<br><small>${i.ordered_by}</small>` : ''}</td>
  <td>${[
    i.escort_unit,
    i.escort_leader,
    i.escort_size !== null ? t(lang, 'justice.court_list.escort_size', { count: i.escort_size }) : null,
    i.vehicle,
  ]
    .filter(Boolean)
    .join(' · ')}</td>
</tr>`,
)}
</tbody></table>`
    : html`<p>${t(lang, 'justice.court_list.empty')}</p>`
}
<div class="sign"><span>${t(lang, 'justice.court_list.registry_signature')}</span><span>${t(
    lang,
    'justice.court_list.escort_signature',
  )}</span></div>
</body></html>`;
}

/**
 * The release date of a file with its calculation, step by step (every sentence in force, each
 * case's remand credit, the reductions naming each sentence). For the prisoner file page.
 */
export function releaseSection(file: JusticeFile, lang: Lang): Raw | null {
  const r = file.release;
  if (!r) return null;
  const id = `release-${file.admission.id}`;
  return html`<section class="release" aria-labelledby="${id}"><h4 id="${id}">${t(lang, 'justice.release.title')}</h4>
<p><strong>${r.release_on ? t(lang, 'justice.release.date', { date: r.release_on }) : t(lang, 'justice.release.no_date')}</strong></p>
<details open><summary>${t(lang, 'justice.release.breakdown')}</summary>
<ol class="release-steps">${r.steps.map((s) => html`<li>${t(lang, s.key, s.params)}</li>`)}</ol></details>
<p class="govuk-hint">${t(lang, 'justice.release.rule_note')}</p></section>`;
}

/**
 * The alert history of a file (issue 9): every episode — held without a valid title, no title,
 * release due, category assumed — with its first and last day, its days, and the title that closed
 * it (kind and reference). A late extension does not erase the gap: it stays here. For the prisoner
 * file page; worded in the page's language (the file's labels are in the account's).
 */
export function alertHistorySection(file: JusticeFile, lang: Lang): Raw {
  const id = `alert-history-${file.admission.id}`;
  const titles = new Map(file.titles.map((x) => [x.id, x]));
  const closedBy = (titleId: string | null) => {
    const x = titleId ? titles.get(titleId) : undefined;
    return x ? `${t(lang, `justice.title.${x.kind}`)} ${x.reference} (${x.issued_on})` : '';
  };
  return html`<section class="alert-history" aria-labelledby="${id}"><h4 id="${id}">${t(lang, 'justice.history.title')}</h4>
${
  file.alert_history.length
    ? html`<table><thead><tr><th scope="col">${t(lang, 'justice.history.kind')}</th><th scope="col">${t(
        lang,
        'justice.history.from',
      )}</th><th scope="col">${t(lang, 'justice.history.to')}</th><th scope="col">${t(
        lang,
        'justice.history.days',
      )}</th><th scope="col">${t(lang, 'justice.history.closed_by')}</th></tr></thead><tbody>
${file.alert_history.map(
  (e) =>
    html`<tr><td>${t(lang, `justice.episode.${e.kind}`)}</td><td>${e.from}</td><td>${
      e.to ?? t(lang, 'justice.history.open')
    }</td><td>${String(e.days)}</td><td>${closedBy(e.resolved_by_title_id)}</td></tr>`,
)}</tbody></table>`
    : html`<p>${t(lang, 'justice.history.none')}</p>`
}</section>`;
}
