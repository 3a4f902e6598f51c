/** A specimen page of the web kit: every component, in error where it can be, for the browser test (test-only). */
import type { Lang } from '../../src/core/i18n.js';
import {
  backLink,
  barChart,
  button,
  buttonGroup,
  checkboxes,
  details,
  formView,
  html,
  input,
  insetText,
  notificationBanner,
  pageLayout,
  pagination,
  paginationItems,
  panel,
  parseForm,
  radios,
  statTiles,
  summaryList,
  table,
  tableScroll,
  tag,
  taskList,
  textarea,
  warningText,
  formatDate,
  formatNumber,
  formatPercent,
} from '../../src/web/index.js';
import { Type } from '@sinclair/typebox';

const Specimen = Type.Object(
  {
    family_name: Type.String({ minLength: 1, maxLength: 200 }),
    sex: Type.Union([Type.Literal('male'), Type.Literal('female')]),
    birth: Type.String(),
    issued_on: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    needs: Type.Array(Type.String(), { minItems: 1 }),
    level: Type.Union([Type.Literal('low'), Type.Literal('medium'), Type.Literal('high')]),
  },
  { additionalProperties: false },
);

const LONG = {
  fr: 'Partiellement présent : la personne reconnaît certains faits mais conteste la qualification retenue par le juge',
  en: 'Partly present: the person admits some facts but disputes the charge as the judge framed it',
};

export function specimenPage(lang: Lang, path: string): string {
  const fr = lang === 'fr';
  const labels = {
    family_name: {
      label: fr ? 'Nom de famille' : 'Family name',
      messages: { required: fr ? 'indiquez le nom de famille' : 'enter the family name' },
    },
    sex: { label: fr ? 'Sexe' : 'Sex' },
    birth: { label: fr ? 'Date de naissance' : 'Date of birth', date: 'partial' as const },
    issued_on: { label: fr ? 'Date du titre' : 'Date of the order' },
    needs: { label: fr ? 'Besoins' : 'Needs' },
    level: { label: fr ? 'Niveau' : 'Level' },
  };
  const body = {
    family_name: '',
    sex: 'other',
    'birth.day': '',
    'birth.month': '7',
    'birth.year': '1991',
    'issued_on.day': '31',
    'issued_on.month': '2',
    'issued_on.year': '2026',
    level: '',
  };
  const parsed = parseForm(Specimen, body, { lang, fields: labels });
  const errors = parsed.ok ? null : parsed.errors;
  const f = formView({ lang, values: body, errors, fields: labels });
  const main = html`
${backLink({ lang, href: '/' })}
${notificationBanner({ lang, type: 'success', text: fr ? 'Admission enregistrée' : 'Admission recorded' })}
${statTiles(lang, [
  {
    label: fr ? 'Population carcérale' : 'Prison population',
    value: 3364,
    note: { text: fr ? 'au 01/03/2026' : 'on 1 March 2026' },
  },
  { label: fr ? "Capacité d'accueil officielle" : 'Official capacity', value: 400 },
  { label: fr ? 'Taux de surpopulation' : 'Congestion rate', value: formatPercent(lang, 841), meaning: 'critical' },
  { label: fr ? 'Titres expirés' : 'Expired titles', value: 12, meaning: 'warning', href: '/alerts' },
])}
<form method="post" action="/specimen" novalidate>
${f.input({ name: 'family_name', autocomplete: 'off' })}
${f.radios({
  name: 'sex',
  items: [
    { value: 'male', text: fr ? 'Homme' : 'Male' },
    { value: 'female', text: fr ? 'Femme' : 'Female' },
  ],
  inline: true,
})}
${f.date({ name: 'birth', hint: fr ? 'Par exemple 14 7 1991 ; laissez le jour vide si seul le mois est connu' : 'For example 14 7 1991; leave the day empty if only the month is known' })}
${f.date({ name: 'issued_on' })}
${f.date({ name: 'month_only', legend: fr ? 'Mois et année' : 'Month and year', variant: 'month' })}
${f.date({ name: 'year_only', legend: fr ? 'Année seule' : 'Year only', variant: 'year' })}
${f.checkboxes({
  name: 'needs',
  items: [
    { value: 'health', text: fr ? 'Santé' : 'Health' },
    {
      value: 'literacy',
      text: fr ? 'Alphabétisation' : 'Literacy',
      hint: fr ? 'Cours au quartier des mineurs' : 'Classes in the juvenile wing',
    },
    { value: 'partial', text: LONG[lang] },
  ],
})}
${f.radios({ name: 'level', items: [{ value: 'low', text: fr ? 'Absent' : 'Absent' }, { value: 'medium', text: LONG[lang] }, { value: 'high', text: fr ? 'Présent' : 'Present' }, { divider: fr ? 'ou' : 'or' }, { value: 'unknown', text: fr ? 'Ne sait pas' : 'Does not know', conditional: html`<p class="govuk-body">${fr ? 'Si « Ne sait pas » : dites pourquoi dans les notes.' : 'If "Does not know": say why in the notes.'}</p>` }] })}
${radios({
  name: 'small',
  idPrefix: 'small',
  classes: 'govuk-radios--small',
  fieldset: { legend: { text: fr ? 'Petits boutons' : 'Small radios', classes: 'govuk-fieldset__legend--s' } },
  items: [
    { value: 'a', text: 'A' },
    { value: 'b', text: LONG[lang] },
  ],
})}
${checkboxes({ name: 'terrorism', idPrefix: 'terrorism', classes: 'govuk-checkboxes--small', items: [{ value: '1', text: fr ? 'Infraction liée au terrorisme' : 'Terrorism-related offence' }] })}
${f.checkbox({ name: 'consent', label: fr ? 'La personne a reçu le règlement intérieur' : 'The person received the prison rules' })}
${f.select({
  name: 'authority',
  label: fr ? "Autorité d'arrestation" : 'Arresting authority',
  items: [
    { value: 'police', text: 'Police' },
    { value: 'gendarmerie', text: 'Gendarmerie' },
  ],
  placeholder: fr ? 'Choisir' : 'Choose',
})}
${textarea({ id: 'notes', name: 'notes', label: { text: 'Notes' }, hint: { text: fr ? 'Visible dans le dossier' : 'Shown on the file' } })}
${input({ id: 'count', name: 'count', type: 'text', inputmode: 'numeric', classes: 'govuk-input--width-4', label: { text: fr ? 'Nombre' : 'Number' } })}
${buttonGroup(button({ text: fr ? 'Enregistrer' : 'Save' }), button({ text: fr ? 'Imprimer' : 'Print', href: '#', classes: 'govuk-button--secondary' }))}
</form>
${summaryList({
  rows: [
    {
      key: { text: fr ? 'Nom' : 'Name' },
      value: { text: 'Keïta Oumar' },
      actions: {
        items: [{ href: '#', text: fr ? 'Corriger' : 'Correct', visuallyHiddenText: fr ? 'le nom' : 'the name' }],
      },
    },
    { key: { text: fr ? 'Date de naissance' : 'Date of birth' }, value: { text: formatDate(lang, '1991-07-14') } },
    {
      key: { text: fr ? 'Situation pénale' : 'Legal status' },
      value: { html: tag({ text: fr ? 'Titre expiré' : 'Title expired', meaning: 'critical' }) },
    },
  ],
})}
${tableScroll(
  fr ? 'Population par établissement' : 'Population by prison',
  table({
    caption: fr ? 'Population par établissement' : 'Population by prison',
    captionClasses: 'govuk-table__caption--m',
    firstCellIsHeader: true,
    head: [
      { text: fr ? 'Établissement' : 'Prison' },
      { text: fr ? 'Détenus' : 'Held', format: 'numeric' },
      { text: fr ? 'Capacité' : 'Capacity', format: 'numeric' },
      { text: fr ? 'Taux' : 'Rate', format: 'numeric' },
      { text: fr ? 'Non jugés' : 'Untried', format: 'numeric' },
      { text: fr ? 'Titres expirés' : 'Expired titles', format: 'numeric' },
      { text: fr ? 'Dernière admission' : 'Last admission' },
    ],
    rows: [
      [
        { text: "Maison centrale d'arrêt de Bamako" },
        { text: formatNumber(lang, 3364), format: 'numeric' },
        { text: formatNumber(lang, 400), format: 'numeric' },
        { text: formatPercent(lang, 841), format: 'numeric' },
        { text: formatNumber(lang, 2910), format: 'numeric' },
        { text: '12', format: 'numeric' },
        { text: formatDate(lang, '2026-03-01') },
      ],
      [
        { text: 'Koulikoro' },
        { text: formatNumber(lang, 312), format: 'numeric' },
        { text: formatNumber(lang, 200), format: 'numeric' },
        { text: formatPercent(lang, 156), format: 'numeric' },
        { text: '201', format: 'numeric' },
        { text: '0', format: 'numeric' },
        { text: formatDate(lang, '2026-02-27') },
      ],
    ],
  }),
)}
${barChart(lang, {
  caption: fr ? 'Durée de la détention provisoire' : 'Time in pre-trial detention',
  bars: [
    { label: fr ? 'moins de 1 mois' : 'under 1 month', value: 120 },
    { label: fr ? '1 à 6 mois' : '1 to 6 months', value: 640 },
    { label: fr ? '6 à 12 mois' : '6 to 12 months', value: 900, meaning: 'warning' },
    { label: fr ? 'plus de 3 ans' : 'over 3 years', value: 45, meaning: 'critical' },
  ],
})}
${taskList({
  idPrefix: 'steps',
  items: [
    {
      title: { text: fr ? 'Remise par la force' : 'Handover' },
      href: '#',
      status: { text: fr ? 'Terminé' : 'Completed' },
    },
    {
      title: { text: fr ? 'Sécurité' : 'Security' },
      href: '#',
      hint: { text: fr ? 'Fouille, effets personnels' : 'Search, belongings' },
      status: { tag: { text: fr ? 'À faire' : 'To do', meaning: 'info' } },
    },
  ],
})}
<ul class="pmis-count">${['A-01', 'A-02', 'A-03'].map((c, i) => html`<li class="pmis-count__cell${i === 1 ? ' pmis-count__cell--mismatch' : ''}">${input({ id: `count-${c}`, name: `counts.${c}`, inputmode: 'numeric', label: { text: c }, hint: { text: fr ? 'attendus : 8' : 'expected: 8' } })}</li>`)}</ul>
${insetText({ text: fr ? 'Inculpé(e) de vol qualifié (présumé innocent).' : 'Accused of aggravated theft (presumed innocent).' })}
${warningText({ lang, text: fr ? 'Titre de détention expiré : informer le juge (art. 129).' : 'Detention order expired: inform the judge (art. 129).' })}
${details({ summaryText: fr ? 'Comment est calculée la date ?' : 'How is the date worked out?', text: fr ? 'Date du titre + durée.' : 'Date of the order + period.' })}
${panel({ titleText: fr ? 'Admission enregistrée' : 'Admission recorded', html: html`${fr ? "Numéro d'écrou" : 'Committal number'}<br><strong>BKO-2026-000123</strong>`, headingLevel: 2 })}
${pagination({ lang, items: paginationItems(5, 12, (n) => `?page=${n}`), previous: { href: '?page=4' }, next: { href: '?page=6' } })}`;
  return pageLayout(
    {
      lang,
      path,
      csrf: 'specimen-csrf',
      user: { name: 'Awa Traoré' },
      nav: [
        { href: '/', text: fr ? 'Accueil' : 'Home' },
        { href: '/specimen', text: fr ? 'Spécimen' : 'Specimen' },
        { href: '/people', text: fr ? 'Recherche de détenus' : 'Prisoner search' },
        { href: '/receptions', text: fr ? 'Réception des arrivants' : 'Reception' },
        { href: '/backlog', text: fr ? 'Détention provisoire' : 'Pre-trial detention' },
      ],
    },
    fr ? 'Spécimen du kit' : 'Kit specimen',
    main,
    {
      errors: f.summaryItems(),
      caption: 'pmis',
      sections: [
        { href: '/specimen', text: fr ? 'Identité' : 'Identity', current: true },
        { href: '/specimen/justice', text: 'Justice' },
        { href: '/specimen/classification', text: 'Classification' },
      ],
      letterhead: { prison: "Maison centrale d'arrêt de Bamako", printedBy: 'Awa Traoré' },
    },
  );
}
