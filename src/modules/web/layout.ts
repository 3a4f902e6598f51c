/** The page shell: French by default, English switch, skip link, navigation, one shared stylesheet. */
import type { FastifyRequest } from 'fastify';
import { t, type Lang } from '../../core/i18n.js';
import { colon } from '../../core/words.js';
import { placeErrorSummary } from './forms.js';
import { html, type Raw, raw, type Value } from './html.js';
import { safeNext } from '../../web/layout.js';
import { navFor } from '../../web/page.js';
import './messages.js';

export const CSS_VERSION = '4';

export { safeNext } from '../../web/layout.js';

export function layout(req: FastifyRequest, title: string, body: Value, opts: { bare?: boolean } = {}): string {
  const lang: Lang = req.lang;
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  const a = req.actor;
  const here = safeNext(req.url);
  // The error summary goes first in the main content, its links naming the fields (forms.ts);
  // a wide table scrolls in its own box, so that the page never scrolls sideways on a phone.
  const placed = placeErrorSummary(html`${body}`.value);
  const content = raw(
    placed.body
      .replace(
        /<table\b/g,
        `<div class="table-scroll" role="region" tabindex="0" aria-label="${t(lang, 'web.table')}"><table`,
      )
      .replace(/<\/table>/g, '</table></div>'),
  );
  const docTitle = placed.summary ? `${t(lang, 'web.errors.title')}${colon(lang)}${title}` : title;
  const nav =
    a && !opts.bare
      ? html`<nav aria-label="${t(lang, 'web.nav')}"><ul>
${navFor(req.server.pmisNav, a, lang).map((n) => html`<li><a href="${n.href}">${n.text}</a></li>`)}
</ul></nav>
<form class="logout" method="post" action="/logout"><span>${t(lang, 'web.signed_in_as', { name: a.displayName })}</span>
<input type="hidden" name="_csrf" value="${req.sessionCsrf ?? ''}"><button type="submit">${t(lang, 'web.logout')}</button></form>`
      : null;
  return (
    '<!doctype html>' +
    html`<html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${docTitle} · PMIS</title>
<link rel="stylesheet" href="/assets/app.css?v=${CSS_VERSION}">
</head><body>
<a class="skip" href="#main">${t(lang, 'web.skip')}</a>
<header class="top"><div class="wrap">
<p class="brand">${t(lang, 'web.app_name')}</p>
<p class="lang">${t(
      lang,
      'web.switch_lang_label',
    )}${colon(lang)}<a href="/lang/${other}?next=${encodeURIComponent(here)}" lang="${other}" hreflang="${other}">${t(lang, 'web.switch_lang')}</a>
</p>
${nav}
</div></header>
<main id="main" tabindex="-1" class="wrap">${raw(placed.summary)}<h1>${title}</h1>
${content}
</main></body></html>`.value
  );
}

/** A table of label/value pairs. */
export function dl(rows: [string, Value][]): Raw {
  return html`<dl class="facts">${rows.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>`;
}

export const APP_CSS = `/* pmis staff pages: one shared stylesheet. Colours meet WCAG 2.2 AA contrast (4.5:1 text). */
*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:100%;line-height:1.5;color:#1b1b1b;background:#fff}
body{margin:0}
.wrap{max-width:72rem;margin:0 auto;padding:0 1rem}
a{color:#0b4f8a}a:visited{color:#5a2a82}
a:focus,button:focus,input:focus,select:focus,textarea:focus,main:focus-visible{outline:3px solid #b35c00;outline-offset:2px}
main:focus{outline:none}
.skip{position:absolute;left:-999px;top:0;background:#fff;color:#0b4f8a;padding:.5rem 1rem;z-index:10}
.skip:focus{left:0}
.top{background:#0b3d2e;color:#fff;padding:.5rem 0;margin-bottom:1rem}
.top a,.top a:visited{color:#fff}
.top .wrap{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center}
.brand{font-weight:700;margin:0}
.lang{margin:0}
.top nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:1rem}
.logout{margin-left:auto;display:flex;gap:.5rem;align-items:center}
.logout button{background:#fff;color:#0b3d2e;border:0}
h1{font-size:1.75rem;margin:.5rem 0 1rem}
h2{font-size:1.35rem;margin:1.5rem 0 .5rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #767676;vertical-align:top}
th{background:#eef2f0}
.num{text-align:right;font-variant-numeric:tabular-nums}
.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.5rem 1rem;margin:0 0 1rem}
.facts div{border-left:4px solid #0b3d2e;padding-left:.5rem}
.facts dt{font-weight:600}
.facts dd{margin:0;font-size:1.15rem}
.over{color:#a10000;font-weight:700}
label{display:block;font-weight:600;margin-top:.75rem}
.radio,.checkbox{display:flex;flex-wrap:wrap;align-items:flex-start;gap:.25rem .6rem;margin:.5rem 0}
.radio input,.checkbox input{flex:none;width:1.5rem;height:1.5rem;min-height:0;margin:.1rem 0 0;padding:0;accent-color:#0b3d2e}
.radio label,.checkbox label{display:block;flex:1 1 0;min-width:0;margin:0;font-weight:400}
.checkbox .field-error{flex-basis:100%}
/* position: the hidden words of a link in a cell (position: absolute) scroll with the table, not the page. */
.table-scroll{position:relative;max-width:100%;overflow-x:auto;margin:.5rem 0 1rem}
.table-scroll table{margin:0}
main{overflow-wrap:break-word}
input,select,textarea{font:inherit;padding:.35rem;border:2px solid #595959;border-radius:2px;max-width:100%;min-height:2.5rem}
input[type=text],input[type=password],input[type=search],input:not([type]){width:24rem}
fieldset{border:1px solid #767676;margin:1rem 0;padding:.5rem 1rem 1rem;min-width:0}
legend{font-weight:700;font-size:1.1rem;padding:0 .25rem}
button,.button{font:inherit;background:#0b3d2e;color:#fff;border:2px solid #0b3d2e;padding:.45rem 1rem;cursor:pointer;min-height:2.5rem;margin-top:1rem}
.hint{color:#4a4a4a;margin:.1rem 0}
.field-error{color:#a10000;font-weight:600;margin:.2rem 0}
.has-error input,.has-error select{border-color:#a10000;border-width:3px}
.error-summary{border:4px solid #a10000;padding:.75rem 1rem;margin:0 0 1.5rem}
.error-summary h2{margin-top:0}
.error-summary a{color:#a10000;font-weight:600}
.notice{border-left:6px solid #0b4f8a;padding:.5rem 1rem;background:#f0f4f8}
.chart{max-width:460px}
.qr svg{display:block;max-width:100%;height:auto}
.qr code{font-size:1.1rem;letter-spacing:.05em}
form.action{margin:0 0 1rem}
.identity{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}
.identity .facts{flex:1 1 20rem}
.photo{display:block;width:9rem;max-width:100%;height:auto;border:1px solid #767676}
h3{font-size:1.2rem;margin:1.25rem 0 .5rem}
h4{font-size:1.1rem;margin:1rem 0 .4rem}
h5{font-size:1rem;margin:1rem 0 .35rem}
/* Parts drawn by the web kit (the justice section of the file, the release date) inside these pages. */
.govuk-visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;clip-path:inset(50%)!important;border:0!important;white-space:nowrap!important}
.govuk-summary-list{margin:0 0 1rem}
.govuk-summary-list__row{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,2fr);gap:.15rem 1rem;padding:.4rem 0;border-bottom:1px solid #b1b4b6}
.govuk-summary-list__key{font-weight:600;margin:0}
.govuk-summary-list__value{margin:0}
.govuk-summary-list__actions{margin:0;grid-column:1/-1}
@media (max-width:40rem){.govuk-summary-list__row{grid-template-columns:minmax(0,1fr)}}
.govuk-table__caption{text-align:left;font-weight:700;font-size:1.05rem;margin:.75rem 0 .35rem}
.govuk-list{list-style:none;padding:0;margin:0 0 1rem}
.govuk-list li{margin:.25rem 0}
.govuk-tag{display:inline-block;padding:.05rem .45rem;font-weight:600;background:#dde7e4;color:#0b3d2e}
.govuk-tag--red{background:#f4cdc6;color:#6a0000}
.govuk-tag--yellow{background:#fff2a8;color:#4a3b00}
.govuk-tag--green{background:#cce2d8;color:#005a30}
.govuk-tag--grey{background:#e5e6e7;color:#282d30}
.govuk-body{margin:0 0 1rem}
@media print{
  .top,.skip,nav,.logout,.lang,form.search,button{display:none!important}
  html{font-size:11pt;color:#000}
  a{color:#000;text-decoration:none}
  .wrap{max-width:none;padding:0}
  table{page-break-inside:auto}tr{page-break-inside:avoid}
}
`;
