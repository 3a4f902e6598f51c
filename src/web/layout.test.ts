/** The page shell, the error pages and the stylesheet: one hashed URL, long cache, gzip, no GOV.UK branding. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { html } from './html.js';
import { compileStylesheet, inputHash, stylesheet, webAssetRoutes } from './assets.js';
import { errorPage, markCurrent, pageLayout, type PageContext, safeNext } from './layout.js';

const ctx: PageContext = {
  lang: 'fr',
  path: '/people/42?tab=justice',
  csrf: 'csrf-token',
  user: { name: 'Awa Traoré' },
  nav: [
    { href: '/', text: 'Accueil' },
    { href: '/people', text: 'Recherche de détenus' },
    { href: '/estate', text: 'Établissement' },
  ],
};

test('a page: doctype, lang, title, one hashed stylesheet, skip link to the main content, header, footer', () => {
  const page = pageLayout(ctx, 'Dossier', html`<p class="govuk-body">Contenu</p>`);
  assert.match(page, /^<!DOCTYPE html>\n<html lang="fr" class="govuk-template">/);
  assert.match(page, /<title>Dossier · PMIS<\/title>/);
  assert.match(page, new RegExp(`<link rel="stylesheet" href="/assets/pmis-${stylesheet().hash}\\.css">`));
  assert.equal((page.match(/<link rel="stylesheet"/g) ?? []).length, 1);
  assert.match(
    page,
    /<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Aller au contenu principal<\/a>/,
  );
  assert.match(page, /<main class="govuk-main-wrapper" id="main-content" tabindex="-1">/);
  assert.match(page, /<h1 class="govuk-heading-l">Dossier<\/h1>/);
  assert.match(page, /lang="en" hreflang="en">English<\/a>/);
  assert.match(page, /href="\/lang\/en\?next=%2Fpeople%2F42%3Ftab%3Djustice"/);
  assert.match(page, /name="_csrf" value="csrf-token"/);
  assert.ok(!/<script/i.test(page), 'no JavaScript');
});

test('the current navigation item: the page itself, or the section it is in', () => {
  const marked = markCurrent(ctx.nav, '/people/42?tab=justice');
  assert.deepEqual(
    marked.map((n) => [n.href, !!n.current, !!n.active]),
    [
      ['/', false, false],
      ['/people', false, true],
      ['/estate', false, false],
    ],
  );
  assert.equal(markCurrent(ctx.nav, '/').find((n) => n.current)?.href, '/');
  assert.equal(safeNext('//evil.example/x'), '/');
  assert.equal(safeNext('/\\evil'), '/');
});

test('a page with errors: the summary first in the main content, before the h1; the title says there is an error', () => {
  const page = pageLayout({ ...ctx, lang: 'en' }, 'New admission', html`<form></form>`, {
    errors: [{ text: 'Family name: enter the family name', href: '#person-family_name' }],
  });
  const main = page.slice(page.indexOf('<main'));
  assert.ok(main.indexOf('govuk-error-summary') < main.indexOf('<h1'), 'summary before the heading');
  assert.match(page, /<title>Error: New admission · PMIS<\/title>/);
  assert.match(main, /autofocus/);
  assert.match(
    pageLayout(ctx, 'Admission', '', { errors: [{ text: 'x', href: '#x' }] }),
    /<title>Erreur\u00a0: Admission · PMIS<\/title>/,
  );
});

test('a page for print carries the letterhead; the signed-out page has no navigation and no logout', () => {
  const page = pageLayout(ctx, 'Reçu des effets personnels', '', {
    letterhead: { prison: 'Maison centrale de Bamako', printedBy: 'Awa Traoré' },
  });
  assert.match(page, /class="pmis-letterhead"[\s\S]*Maison centrale de Bamako/);
  const anon = pageLayout({ lang: 'fr', path: '/login', nav: ctx.nav }, 'Connexion', '');
  assert.ok(!anon.includes('govuk-service-navigation__list') && !anon.includes('/logout'));
});

test('error pages 404, 403, 500 in French and English, with a way home', () => {
  for (const lang of ['fr', 'en'] as const) {
    for (const status of [404, 403, 500] as const) {
      const page = errorPage({ ...ctx, lang }, status, { reference: 'req-7' });
      assert.match(page, new RegExp(`<html lang="${lang}"`));
      assert.match(page, /<a class="govuk-link" href="\/">/);
      if (status === 500) assert.match(page, /req-7/);
    }
  }
  assert.match(errorPage(ctx, 404), /<h1 class="govuk-heading-l">Page introuvable<\/h1>/);
  assert.match(errorPage({ ...ctx, lang: 'en' }, 403), /You cannot see this page/);
  assert.match(errorPage({ ...ctx, lang: 'en' }, 500), /Sorry, there is a problem with the service/);
});

test('the stylesheet: pmis colours and system fonts, no GOV.UK typeface, crown or image; cached by its inputs', (t) => {
  const s = stylesheet();
  assert.match(s.css, /#0b3d2e/i);
  assert.match(s.css, /font-family:system-ui/);
  assert.ok(!/GDS Transport|@font-face|govuk-crest|url\(/i.test(s.css), 'no GOV.UK font, no crest, no image');
  assert.match(s.css, /\.govuk-radios__item/);
  assert.match(s.css, /\.pmis-letterhead/);
  assert.match(s.css, /@media print/);
  assert.match(inputHash(), /^[0-9a-f]{24}$/);
  assert.equal(gunzipSync(s.gzip).toString(), s.css);
  t.diagnostic(`stylesheet: ${s.css.length} bytes, ${s.gzip.length} bytes gzipped (${s.source})`);
  assert.ok(s.gzip.length < 20_000, `gzipped CSS under 20 KB (${s.gzip.length})`);
});

test('compiling again gives the same CSS (the URL changes only when the CSS does)', () => {
  assert.equal(compileStylesheet(), stylesheet().css);
});

test('GET /assets/pmis-<hash>.css: public, immutable for a year, gzip when accepted; another hash is 404', async () => {
  const app = Fastify();
  await webAssetRoutes(app);
  const s = stylesheet();
  const plain = await app.inject({ url: s.url });
  assert.equal(plain.statusCode, 200);
  assert.equal(plain.headers['content-type'], 'text/css; charset=utf-8');
  assert.equal(plain.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal(plain.body, s.css);
  const gz = await app.inject({ url: s.url, headers: { 'accept-encoding': 'gzip, br' } });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(gunzipSync(gz.rawPayload).toString(), s.css);
  const old = await app.inject({ url: '/assets/pmis-0000000000000000.css' });
  assert.equal(old.statusCode, 404);
  assert.equal(old.headers['cache-control'], 'no-store');
  await app.close();
});
