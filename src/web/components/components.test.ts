/** What pmis adds to or changes in the GOV.UK markup, and what every page relies on: ids, aria, errors, escaping, words. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { html } from '../html.js';
import {
  backLink,
  barChart,
  button,
  checkboxes,
  dateInput,
  dateInputFirstId,
  errorMessage,
  errorSummary,
  footer,
  header,
  input,
  letterhead,
  notificationBanner,
  pagination,
  paginationItems,
  radios,
  select,
  statTiles,
  subNavigation,
  summaryList,
  table,
  tableScroll,
  tag,
  taskList,
  textarea,
  warningText,
} from './index.js';

const EVIL = '<script>alert("x")</script>';

test('text is escaped everywhere; html is trusted markup', () => {
  const out = [
    input({
      name: 'n',
      label: { text: EVIL },
      hint: { text: EVIL },
      value: EVIL,
      errorMessage: { text: EVIL, lang: 'fr' },
    }),
    select({ name: 's', label: { text: 'S' }, items: [{ value: EVIL, text: EVIL }] }),
    radios({ name: 'r', fieldset: { legend: { text: EVIL } }, items: [{ value: EVIL, text: EVIL }] }),
    textarea({ name: 't', label: { text: 'T' }, value: `</textarea>${EVIL}` }),
    summaryList({ rows: [{ key: { text: EVIL }, value: { text: EVIL } }] }),
    table({ caption: EVIL, head: [{ text: EVIL }], rows: [[{ text: EVIL }]] }),
    tag({ text: EVIL }),
    errorSummary({ lang: 'fr', errorList: [{ text: EVIL, href: '#x' }] }),
  ]
    .map((r) => r.value)
    .join('');
  assert.ok(!out.includes('<script>'), 'no raw script tag');
  assert.ok(out.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
  assert.ok(!out.includes('</textarea><script'));
  assert.match(tag({ html: html`<em>${EVIL}</em>` }).value, /<em>&lt;script/);
});

test('input: label for its id; hint and error ids in aria-describedby; error classes; French hidden prefix with a no-break space', () => {
  const out = input({
    id: 'person-family_name',
    name: 'person.family_name',
    label: { text: 'Nom de famille' },
    hint: { text: 'Comme sur le titre' },
    errorMessage: { text: 'Nom de famille : indiquez le nom de famille', lang: 'fr' },
    value: '',
  }).value;
  assert.match(out, /<label class="govuk-label" for="person-family_name">Nom de famille<\/label>/);
  assert.match(out, /id="person-family_name" name="person.family_name"/);
  assert.match(out, /aria-describedby="person-family_name-hint person-family_name-error"/);
  assert.match(out, /class="govuk-form-group govuk-form-group--error"/);
  assert.match(out, /class="govuk-input govuk-input--error"/);
  assert.match(out, /<span class="govuk-visually-hidden">Erreur\u00a0:<\/span> Nom de famille/);
  assert.match(errorMessage({ text: 'x', lang: 'en' }).value, /<span class="govuk-visually-hidden">Error:<\/span> x/);
  assert.match(
    input({ name: 'a', label: { text: 'A', isPageHeading: true } }).value,
    /<h1 class="govuk-label-wrapper"><label/,
  );
});

test(
  'radios: the first radio carries the group id (the error summary links there); divider; inline; conditional ' +
    'content after the group, always shown',
  () => {
    const out = radios({
      name: 'level',
      idPrefix: 'level',
      value: 'high',
      classes: 'govuk-radios--inline',
      fieldset: { legend: { text: 'Niveau' } },
      errorMessage: { text: 'Niveau : choisissez une réponse', lang: 'fr' },
      items: [
        { value: 'low', text: 'Faible' },
        { value: 'high', text: 'Élevé', conditional: { html: html`<p>Si élevé : motif</p>` } },
        { divider: 'ou' },
        { value: 'none', text: 'Aucun' },
      ],
    }).value;
    assert.match(out, /<input class="govuk-radios__input" id="level" name="level" type="radio" value="low">/);
    assert.match(
      out,
      /id="level-2" name="level" type="radio" value="high" checked data-aria-controls="conditional-level-2"/,
    );
    assert.match(out, /<div class="govuk-radios__divider">ou<\/div>/);
    assert.match(out, /id="level-4"/);
    assert.match(out, /<fieldset class="govuk-fieldset" aria-describedby="level-error">/);
    assert.match(out, /class="govuk-radios govuk-radios--inline"/);
    const group = out.indexOf('data-module="govuk-radios"');
    const cond = out.indexOf('id="conditional-level-2"');
    assert.ok(cond > out.lastIndexOf('govuk-radios__item'), 'conditional content after every radio');
    assert.ok(group > 0 && !/conditional--hidden/.test(out), 'never hidden');
  },
);

test('checkboxes: one name repeated, ticked from values; a single box', () => {
  const out = checkboxes({
    name: 'needs',
    values: ['health', 'diet'],
    items: [
      { value: 'health', text: 'Santé' },
      { value: 'literacy', text: 'Alphabétisation' },
      { value: 'diet', text: 'Régime' },
    ],
  }).value;
  assert.equal((out.match(/name="needs"/g) ?? []).length, 3);
  assert.equal((out.match(/ checked/g) ?? []).length, 2);
  assert.match(
    checkboxes({
      name: 'charges.0.terrorism_related',
      idPrefix: 'charges-0-terrorism_related',
      values: ['1'],
      items: [{ value: '1', text: 'Lié au terrorisme' }],
    }).value,
    /id="charges-0-terrorism_related" name="charges.0.terrorism_related" type="checkbox" value="1" checked/,
  );
});

test('date input: parts named prefix.day/.month/.year with ids id-day…; month+year and year-only variants; French labels', () => {
  const full = dateInput({
    id: 'person-birth-date',
    namePrefix: 'person.birth.date',
    lang: 'fr',
    values: { day: '14', month: '7', year: '1991' },
    fieldset: { legend: { text: 'Date de naissance' } },
  }).value;
  assert.match(
    full,
    /id="person-birth-date-day" name="person.birth.date.day" type="text" value="14" inputmode="numeric"/,
  );
  assert.match(full, /for="person-birth-date-month">Mois</);
  assert.match(full, /<fieldset class="govuk-fieldset" role="group">/);
  const month = dateInput({ id: 'd', namePrefix: 'd', lang: 'en', variant: 'month' }).value;
  assert.ok(!month.includes('d.day') && month.includes('name="d.month"') && month.includes('name="d.year"'));
  const year = dateInput({ id: 'd', namePrefix: 'd', lang: 'en', variant: 'year' }).value;
  assert.ok(!year.includes('d.month') && year.includes('govuk-input--width-4'));
  assert.equal(dateInputFirstId('d'), 'd-day');
  assert.equal(dateInputFirstId('d', 'month'), 'd-month');
  assert.equal(dateInputFirstId('d', 'year'), 'd-year');
  const err = dateInput({ id: 'd', namePrefix: 'd', lang: 'fr', errorMessage: { text: 'x', lang: 'fr' } }).value;
  assert.equal((err.match(/govuk-input--error/g) ?? []).length, 3, 'every part outlined when the whole date is wrong');
});

test('error summary: heading, one link per field, focus moved without JavaScript', () => {
  const out = errorSummary({
    lang: 'fr',
    errorList: [
      { text: 'Nom de famille : indiquez le nom de famille', href: '#person-family_name' },
      { text: 'Date : la date doit être une vraie date', href: '#d-day' },
    ],
  }).value;
  assert.match(out, /class="govuk-error-summary" data-module="govuk-error-summary" tabindex="-1" autofocus/);
  assert.match(out, /<div role="alert">\s*<h2 class="govuk-error-summary__title">Il y a un problème<\/h2>/);
  assert.match(out, /<a href="#person-family_name">Nom de famille : indiquez le nom de famille<\/a>/);
  assert.match(out, /<a href="#d-day">/);
  assert.match(errorSummary({ lang: 'en', errorList: [] }).value, /There is a problem/);
});

test('button and link-button; summary list with actions; table with caption and numeric columns', () => {
  assert.match(
    button({ text: 'Enregistrer' }).value,
    /^<button type="submit" class="govuk-button" data-module="govuk-button">Enregistrer<\/button>$/,
  );
  assert.match(
    button({ text: 'Imprimer', href: '/print', classes: 'govuk-button--secondary' }).value,
    /<a href="\/print" role="button" draggable="false" class="govuk-button govuk-button--secondary"/,
  );
  const list = summaryList({
    rows: [
      {
        key: { text: 'Nom' },
        value: { text: 'Keïta' },
        actions: { items: [{ href: '/x', text: 'Corriger', visuallyHiddenText: 'le nom' }] },
      },
      { key: { text: 'Sexe' }, value: { text: 'Homme' } },
    ],
  }).value;
  assert.match(
    list,
    /<a class="govuk-link" href="\/x">Corriger<span class="govuk-visually-hidden"> le nom<\/span><\/a>/,
  );
  assert.match(list, /govuk-summary-list__row govuk-summary-list__row--no-actions/);
  const tbl = table({
    caption: 'Population',
    head: [{ text: 'Prison' }, { text: 'Détenus', format: 'numeric' }],
    rows: [[{ text: 'Bamako' }, { text: '3 364', format: 'numeric' }]],
    firstCellIsHeader: true,
  }).value;
  assert.match(tbl, /<caption class="govuk-table__caption">Population<\/caption>/);
  assert.match(tbl, /<th scope="col" class="govuk-table__header govuk-table__header--numeric">Détenus<\/th>/);
  assert.match(tbl, /<th scope="row" class="govuk-table__header">Bamako<\/th>/);
  assert.match(tbl, /<td class="govuk-table__cell govuk-table__cell--numeric">3 364<\/td>/);
  assert.match(
    tableScroll('Population', html`<table></table>`).value,
    /class="pmis-table-scroll" role="region" aria-label="Population" tabindex="0"/,
  );
});

test('tags by meaning; banners, warning and back link in the page language', () => {
  assert.match(tag({ text: 'Titre expiré', meaning: 'critical' }).value, /class="govuk-tag govuk-tag--red"/);
  assert.match(tag({ text: 'À suivre', meaning: 'warning' }).value, /govuk-tag--yellow/);
  assert.match(tag({ text: 'Valide', meaning: 'ok' }).value, /govuk-tag--green/);
  assert.match(tag({ text: 'Info', meaning: 'info' }).value, /class="govuk-tag"/);
  assert.match(
    notificationBanner({ lang: 'fr', type: 'success', text: 'Admission enregistrée' }).value,
    /role="alert"[^>]*>[\s\S]*Enregistré<\/h2>[\s\S]*Admission enregistrée/,
  );
  assert.match(notificationBanner({ lang: 'en', text: 'x' }).value, /role="region"[\s\S]*>Important</);
  assert.match(
    warningText({ lang: 'fr', text: 'Ne pas libérer' }).value,
    /<span class="govuk-visually-hidden">Attention<\/span> Ne pas libérer/,
  );
  assert.match(backLink({ lang: 'fr', href: '/people' }).value, />Retour<\/a>$/);
});

test('pagination: numbered pages with ellipses, current page marked, labels in the page language', () => {
  const items = paginationItems(5, 12, (n) => `/people?page=${n}`);
  assert.deepEqual(
    items.map((i) => (i.ellipsis ? '…' : i.number)),
    [1, '…', 4, 5, 6, '…', 12],
  );
  const out = pagination({
    lang: 'fr',
    items,
    previous: { href: '/people?page=4' },
    next: { href: '/people?page=6' },
  }).value;
  assert.match(out, /aria-label="Pages"/);
  assert.match(out, /aria-label="Page 5" aria-current="page"/);
  assert.match(out, /Page précédente/);
  assert.match(out, /Page suivante/);
  assert.match(out, /&ctdot;/);
});

test('task list: each step with its status; a link step is described by its status', () => {
  const out = taskList({
    idPrefix: 'steps',
    items: [
      { title: { text: 'Sécurité' }, href: '/r/1/security', status: { tag: { text: 'À faire', meaning: 'info' } } },
      { title: { text: 'Greffe' }, status: { text: 'Terminé' } },
    ],
  }).value;
  assert.match(out, /href="\/r\/1\/security" aria-describedby="steps-1-status">Sécurité<\/a>/);
  assert.match(out, /id="steps-2-status">Terminé</);
});

test(
  'header: the service name (no crown, no GOV.UK), navigation given as a list with the current item, language ' +
    'switch, user and logout with CSRF',
  () => {
    const out = header({
      lang: 'fr',
      user: { name: 'Awa Traoré', logoutAction: '/logout', csrf: 'tok"en' },
      navigation: [
        { href: '/', text: 'Accueil' },
        { href: '/people', text: 'Recherche', current: true },
      ],
      languageLinks: { fr: '/lang/fr?next=%2Fpeople', en: '/lang/en?next=%2Fpeople' },
    }).value;
    assert.ok(!/crown|GOV\.UK|govuk-logo/i.test(out));
    assert.match(out, /PMIS<span class="pmis-header__tagline">Administration pénitentiaire<\/span>/);
    assert.match(
      out,
      /<a class="govuk-service-navigation__link" href="\/people" aria-current="page"><strong class="govuk-service-navigation__active-fallback">Recherche<\/strong><\/a>/,
    );
    assert.match(out, /<span class="govuk-language-navigation__text" aria-current="true" lang="fr">Français<\/span>/);
    assert.match(
      out,
      /<a class="govuk-language-navigation__link" href="\/lang\/en\?next=%2Fpeople" rel="alternate" lang="en" hreflang="en">English<\/a>/,
    );
    assert.match(
      out,
      /<form class="pmis-header__user" method="post" action="\/logout"><span>Connecté\(e\)\u00a0: Awa Traoré<\/span><input type="hidden" name="_csrf" value="tok&quot;en">/,
    );
    const anonymous = header({ lang: 'en', navigation: [], languageLinks: { fr: '/lang/fr', en: '/lang/en' } }).value;
    assert.ok(!anonymous.includes('logout') && !anonymous.includes('govuk-service-navigation__list'));
    assert.ok(!/crown|Crown copyright|Open Government Licence/.test(footer({ lang: 'en' }).value));
  },
);

test('sub-navigation (the no-JavaScript tabs): links, the current one with aria-current', () => {
  const out = subNavigation({
    lang: 'en',
    items: [
      { href: '/people/1', text: 'Identity' },
      { href: '/people/1/justice', text: 'Justice', current: true },
    ],
  }).value;
  assert.match(out, /<nav class="pmis-sub-navigation" aria-label="Sections">/);
  assert.match(out, /href="\/people\/1\/justice" aria-current="page">Justice</);
  assert.ok(!/aria-current[^>]*>Identity/.test(out));
});

test('stat tiles, bar chart and letterhead write their figures by locale', () => {
  const tiles = statTiles('fr', [
    { label: 'Population', value: 3364 },
    { label: 'Taux', value: '841 %', meaning: 'critical' },
  ]).value;
  assert.match(tiles, /<span class="pmis-stat__value">3\u202f364<\/span>/);
  assert.match(tiles, /pmis-stat pmis-stat--critical/);
  const chart = barChart('en', {
    caption: 'Time in pre-trial detention',
    bars: [
      { label: '< 1 month', value: 400.5 },
      { label: '> 1 year', value: 801 },
    ],
  }).value;
  assert.match(chart, /<figcaption class="pmis-chart__caption">Time in pre-trial detention<\/figcaption>/);
  assert.match(chart, /style="width:50\.0%"><\/span><span class="pmis-chart__value">400\.5</);
  assert.match(chart, /style="width:100\.0%"/);
  const head = letterhead('fr', {
    prison: "Maison centrale d'arrêt de Bamako",
    printedBy: 'Awa Traoré',
    printedAt: new Date('2026-03-01T09:05:00Z'),
  }).value;
  assert.match(head, /Maison centrale d&#39;arrêt de Bamako/);
  assert.match(head, /Imprimé le 01\/03\/2026 à 09:05 par Awa Traoré/);
});
