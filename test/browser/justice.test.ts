/**
 * The justice chain in the browser (issue 12): a registry clerk opens a prisoner's file, follows its
 * links to record an extension of the detention, a title (the committal for trial) and a hearing,
 * filling the forms as a person would (labels, the three date boxes), with a refused first attempt
 * whose error summary names the fields; then the file shows each of them — in French and in English.
 * The boxes of a date or a duration sit side by side, at 1280 and at 390 px. The court list for the
 * hearing's day lists the person. A second visit to the file fetches the page alone: the stylesheet
 * comes from the browser's cache, and the page stays under 150 KB.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { auth, newArrival } from '../helpers.js';
import { browserHarness } from './harness.js';

const harness = await browserHarness();
const { base, fx } = harness;

/** A day counted from today, as the API and the date boxes want it. */
function day(offset: number): { iso: string; d: string; m: string; y: string } {
  const t = new Date(Date.now() + offset * 86_400_000);
  const iso = t.toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-');
  return { iso, d: String(Number(d)), m: String(Number(m)), y };
}

async function admit(n: number): Promise<{ id: string; person_id: string; committal_number: string }> {
  const issued = day(-50);
  const r = await fetch(`${base}/api/admissions`, {
    method: 'POST',
    headers: { ...auth(fx.tokens['clerk.bko']), 'content-type': 'application/json' },
    body: JSON.stringify(
      newArrival({
        person: {
          family_name: 'Sangaré',
          given_names: `Moussa ${n}`,
          sex: 'male',
          birth: { precision: 'year', date: '1992' },
        },
        admitted_at: `${issued.iso}T10:00:00Z`,
        legal_document: {
          kind: 'committal_order',
          authority: 'Juge d’instruction du 2e cabinet',
          reference: `MD-JB-${n}`,
          issued_on: issued.iso,
        },
        charges: [{ qualification: 'Vol qualifié', category: 'felony', terrorism_related: false }],
      }),
    ),
  });
  const body = (await r.json()) as { id: string; person_id: string; committal_number: string };
  assert.equal(r.status, 201, JSON.stringify(body));
  return body;
}

const WORDS = {
  fr: {
    extension: 'Enregistrer une prolongation',
    title: 'Enregistrer un titre',
    hearing: 'Programmer une audience',
    kind: 'Nature du titre',
    authorityKind: 'Autorité qui l’a délivré',
    authority: 'Nom de la juridiction ou du magistrat',
    reference: 'Référence',
    issued: 'Date du titre',
    months: 'Mois de prolongation',
    court: 'Juridiction',
    when: 'Date de l’audience',
    time: 'Heure',
    purpose: 'Objet',
    day: 'Jour',
    month: 'Mois',
    year: 'Année',
    save: 'Enregistrer',
    problem: 'Il y a un problème',
    section: 'Situation pénale',
    inForce: 'En vigueur',
    nextHearing: 'Prochaine audience',
    extensionKind: 'Ordonnance de prolongation de la détention',
    forTrialKind: 'Ordonnance de renvoi / mise en accusation',
    switchTo: 'English',
  },
  en: {
    extension: 'Record an extension',
    title: 'Record a title',
    hearing: 'Schedule a hearing',
    kind: 'Kind of title',
    authorityKind: 'Issuing authority',
    authority: 'Name of the court or judge',
    reference: 'Reference',
    issued: 'Date of issue',
    months: 'Months of extension',
    court: 'Court',
    when: 'Date of the hearing',
    time: 'Time',
    purpose: 'Purpose',
    day: 'Day',
    month: 'Month',
    year: 'Year',
    save: 'Save',
    problem: 'There is a problem',
    section: 'Legal situation',
    inForce: 'In force',
    nextHearing: 'Next hearing',
    extensionKind: 'Extension order',
    forTrialKind: 'Committal for trial',
    switchTo: 'Français',
  },
} as const;

async function fillDate(page: Page, lang: 'fr' | 'en', group: string, d: { d: string; m: string; y: string }) {
  const w = WORDS[lang];
  const g = page.getByRole('group', { name: group });
  await g.getByLabel(w.day, { exact: true }).fill(d.d);
  await g.getByLabel(w.month, { exact: true }).fill(d.m);
  await g.getByLabel(w.year, { exact: true }).fill(d.y);
}

async function save(page: Page, lang: 'fr' | 'en', personId: string): Promise<void> {
  await Promise.all([
    page.waitForURL(new RegExp(`/people/${personId}#justice-[0-9a-f-]+$`)),
    page.getByRole('button', { name: WORDS[lang].save, exact: true }).click(),
  ]);
}

/** The justice section of the file: its text, in the language shown. */
async function justiceText(page: Page, lang: 'fr' | 'en'): Promise<string> {
  const section = page.getByRole('region', { name: WORDS[lang].section });
  await section.waitFor();
  return (await section.textContent())!.replace(/\s+/g, ' ');
}

let n = 0;
for (const lang of ['fr', 'en'] as const) {
  test(
    `${lang}: an extension, a title and a hearing recorded through the forms, then seen in the file in both languages`,
    { timeout: 240_000 },
    async () => {
      const w = WORDS[lang];
      const other = lang === 'fr' ? 'en' : 'fr';
      const a = await admit(++n);
      const ref = `${lang.toUpperCase()}-${n}`;
      const { ctx, page } = await harness.session(lang, 'clerk.bko', `/people/${a.person_id}`);
      assert.match(await justiceText(page, lang), new RegExp(`MD-JB-${n}`));

      // The extension: the kind is chosen by the link; sent without a reference first, refused.
      await Promise.all([
        page.waitForURL(/\/titles\/new\?kind=extension_order$/),
        page.getByRole('link', { name: w.extension }).click(),
      ]);
      assert.equal(await page.getByLabel(w.kind).inputValue(), 'extension_order');
      // Day, month and year (and the months and days of the extension, the years, months and days of
      // a sentence) sit side by side: each group's boxes on one line, left to right.
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        const groups = await page.evaluate(() =>
          [...document.querySelectorAll('main .govuk-date-input')].map((g) =>
            [...g.querySelectorAll('.govuk-date-input__item input')].map((i) => {
              const r = i.getBoundingClientRect();
              return { name: i.getAttribute('name'), top: Math.round(r.top), left: r.left, right: r.right };
            }),
          ),
        );
        assert.ok(groups.length >= 5, `${groups.length} groups of boxes`);
        for (const g of groups) {
          assert.ok(g.length >= 2, JSON.stringify(g));
          for (let i = 1; i < g.length; i++)
            assert.ok(
              g[i].top === g[0].top && g[i].left >= g[i - 1].right,
              `${width} px, stacked: ${JSON.stringify(g)}`,
            );
        }
      }
      await page.getByLabel(w.authority).fill('Juge d’instruction du 2e cabinet');
      await fillDate(page, lang, w.issued, day(-2));
      await page.getByLabel(w.months).fill('4');
      await page.getByRole('button', { name: w.save, exact: true }).click();
      const summary = page.getByRole('alert');
      await summary.waitFor();
      assert.equal((await summary.getByRole('heading').textContent())?.trim(), w.problem);
      const link = summary.getByRole('link', { name: new RegExp(w.reference) });
      assert.equal(await link.count(), 1, 'the summary names the reference');
      await link.click();
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'reference');
      // What was typed is kept.
      assert.equal(await page.getByLabel(w.months).inputValue(), '4');
      await page.getByLabel(w.reference, { exact: true }).fill(`PROL-${ref}`);
      await save(page, lang, a.person_id);
      let text = await justiceText(page, lang);
      assert.match(text, new RegExp(`${w.extensionKind} PROL-${ref}`));

      // A title: the committal for trial.
      await Promise.all([
        page.waitForURL(/\/titles\/new$/),
        page.getByRole('link', { name: w.title, exact: true }).click(),
      ]);
      await page.getByLabel(w.kind).selectOption('committal_for_trial');
      await page.getByLabel(w.authorityKind).selectOption('indictment_chamber');
      await page.getByLabel(w.authority).fill('Chambre d’accusation de la Cour d’appel de Bamako');
      await page.getByLabel(w.reference, { exact: true }).fill(`REN-${ref}`);
      await fillDate(page, lang, w.issued, day(-1));
      await save(page, lang, a.person_id);
      text = await justiceText(page, lang);
      assert.match(text, new RegExp(`${w.forTrialKind} REN-${ref}`));

      // A hearing next month.
      const when = day(30);
      const court = `Cour d’assises de Bamako ${ref}`;
      await Promise.all([page.waitForURL(/\/hearings\/new$/), page.getByRole('link', { name: w.hearing }).click()]);
      await page.getByLabel(w.court, { exact: true }).fill(court);
      await fillDate(page, lang, w.when, when);
      await page.getByLabel(w.time, { exact: true }).fill('09:30');
      await page.getByLabel(w.purpose, { exact: true }).fill('Jugement');
      await save(page, lang, a.person_id);
      text = await justiceText(page, lang);
      assert.ok(text.includes(court), 'the hearing is in the file');
      assert.match(text, new RegExp(`${w.nextHearing}[^—]*09:30 — ${court}`), text);

      // Read back in the other language: the same records, the other words.
      for (const l of [other, lang] as const) {
        if (l !== lang || (await page.getAttribute('html', 'lang')) !== l)
          await Promise.all([
            page.waitForURL(new RegExp(`/people/${a.person_id}(#.*)?$`)),
            page.getByRole('link', { name: WORDS[l === 'fr' ? 'en' : 'fr'].switchTo }).click(),
          ]);
        assert.equal(await page.getAttribute('html', 'lang'), l);
        const t = await justiceText(page, l);
        assert.match(t, new RegExp(`${WORDS[l].extensionKind} PROL-${ref}`), `${l}: the extension`);
        assert.match(t, new RegExp(`${WORDS[l].forTrialKind} REN-${ref}`), `${l}: the title`);
        assert.ok(t.includes(court), `${l}: the hearing`);
        assert.ok(t.includes(WORDS[l].inForce), `${l}: a title in force`);
      }

      // The court list of the hearing's day lists the person.
      await page.goto(
        `${base}/justice/court-list?prison=BKO&date.day=${when.d}&date.month=${when.m}&date.year=${when.y}`,
      );
      const list = (await page.locator('main').textContent())!;
      assert.ok(list.includes(court), 'the hearing on the court list');
      assert.ok(list.includes(a.committal_number), 'the person on the court list');

      // The file again: the stylesheet comes from the browser's cache (only the page is fetched), and
      // the page's HTML is under 150 KB.
      await page.goto(`${base}/people/${a.person_id}`);
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Network.enable');
      const sheets = new Map<string, string>();
      const cached = new Set<string>();
      cdp.on('Network.requestWillBeSent', (e) => {
        if (e.type === 'Stylesheet') sheets.set(e.requestId, e.request.url);
      });
      cdp.on('Network.requestServedFromCache', (e) => cached.add(e.requestId));
      cdp.on('Network.responseReceived', (e) => {
        if (e.response.fromDiskCache || e.response.fromPrefetchCache) cached.add(e.requestId);
      });
      const res = await page.goto(`${base}/people/${a.person_id}`);
      const size = (await res!.body()).length;
      assert.ok(size < 150 * 1024, `${size} bytes of HTML`);
      assert.ok(await page.locator('link[rel=stylesheet]').count(), 'the page has a stylesheet');
      const fetchedAgain = [...sheets].filter(([id]) => !cached.has(id)).map(([, url]) => url);
      assert.deepEqual(fetchedAgain, [], 'no stylesheet fetched again');
      await cdp.detach();
      await ctx.close();
    },
  );
}
