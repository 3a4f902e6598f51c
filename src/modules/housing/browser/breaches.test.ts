/** The daily breach report in a real browser, in French and English: on the director's home page and as its own page. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bamakoDate } from '../../../core/dates.js';
import { auth } from '../../../../test/helpers.js';
import { browserHarness } from '../../../../test/browser/harness.js';

const { base, fx, session } = await browserHarness();
const CHARGE = 'Association de malfaiteurs en relation avec une entreprise terroriste';
/** The charge in running text (lower-cased first letter, after an elided "d'" in French). */
const CHARGE_TEXT = 'association de malfaiteurs en relation avec une entreprise terroriste';

async function api(method: 'POST' | 'PUT', url: string, token: string, payload: unknown) {
  const r = await fetch(`${base}${url}`, {
    method,
    headers: { ...auth(token), 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  const body: unknown = await r.json();
  assert.ok(r.status < 300, JSON.stringify(body));
  return body as { id: string; person_id: string };
}

async function admitted(name: string, o: { convicted?: boolean; birth?: Record<string, unknown>; cell?: string } = {}) {
  return api('POST', '/api/admissions', fx.tokens['clerk.bko'], {
    prison: 'BKO',
    person: {
      family_name: name,
      given_names: 'Moussa',
      sex: 'male',
      birth: o.birth ?? { precision: 'year', date: '1988' },
    },
    admitted_at: '2025-09-01T09:00:00Z',
    arresting_authority: 'gendarmerie',
    legal_document: o.convicted
      ? {
          kind: 'conviction',
          authority: 'Tribunal de grande instance de la Commune III',
          reference: `JUG-${name}`,
          issued_on: '2025-08-31',
        }
      : {
          kind: 'committal_order',
          authority: 'Pôle judiciaire spécialisé',
          reference: `MD-${name}`,
          issued_on: '2025-08-31',
        },
    charges: [
      o.convicted
        ? { qualification: 'Vol qualifié', category: 'felony' }
        : { qualification: CHARGE, category: 'felony', terrorism_related: true },
    ],
    ...(o.cell ? { cell_id: o.cell } : {}),
  });
}

const W = {
  fr: {
    title: /^Séparation non respectée \(\d+\)$/,
    page: /^Séparation non respectée — /,
    rule: 'Prévenus avec condamnés',
    minors: 'Mineurs avec adultes',
    covered: 'Couvert par la dérogation du directeur',
    todo: 'À traiter',
    accused: `inculpé d'${CHARGE_TEXT}`,
    adult: 'Majeur(e) selon l’évaluation de l’âge du',
  },
  en: {
    title: /^Separation breaches \(\d+\)$/,
    page: /^Separation breaches — /,
    rule: 'Untried with convicted',
    minors: 'Minors with adults',
    covered: 'Covered by the director’s override',
    todo: 'To act on',
    accused: `accused of ${CHARGE_TEXT}`,
    adult: 'Adult according to the age assessment of',
  },
} as const;

for (const lang of ['fr', 'en'] as const) {
  test(`the breach report on the director's home page and its own page (${lang})`, { timeout: 180_000 }, async () => {
    const w = W[lang];
    const cell = await api('POST', '/api/prisons/BKO/cells', fx.tokens.admin, {
      unit_id: fx.prisons.BKO.units[0],
      code: `BR-${lang}`,
      capacity: 10,
    });
    // Covered: the director places an untried man among convicted men, with a reason.
    await admitted(`Condamne${lang}`, { convicted: true, cell: cell.id });
    const untried = await admitted(`Prevenu${lang}`);
    await api('POST', `/api/admissions/${untried.id}/allocate`, fx.tokens['director.bko'], {
      cell_id: cell.id,
      reason: 'Isolement respiratoire',
      override_reason: `Seule cellule ventilée ${lang}`,
    });
    // Not covered: an age assessment finds an adult among minors.
    const minors = await api('POST', '/api/prisons/BKO/cells', fx.tokens.admin, {
      unit_id: fx.prisons.BKO.units[0],
      code: `MN-${lang}`,
      capacity: 10,
    });
    const year = Number(bamakoDate().slice(0, 4));
    await admitted(`Enfant${lang}`, { birth: { precision: 'year', date: String(year - 15) }, cell: minors.id });
    const young = await admitted(`Jeune${lang}`, {
      birth: { precision: 'estimated', estimated_age: 18, estimated_on: bamakoDate() },
      cell: minors.id,
    });
    await api('POST', `/api/persons/${young.person_id}/age-assessments`, fx.tokens['clerk.bko'], {
      method: 'documents',
      assessed_by: 'Greffe',
      assessed_on: bamakoDate(),
      result: 'adult',
      minimum_age: 18,
    });

    const { ctx, page } = await session(lang, 'director.bko', '/');
    const heading = page.getByRole('heading', { level: 2, name: w.title });
    await heading.waitFor();
    const section = page.locator('section[aria-labelledby="breach-h"]');
    assert.match((await section.textContent())!, new RegExp(`BR-${lang}`));
    await Promise.all([page.waitForURL(/\/breaches\?prison=BKO$/), heading.getByRole('link').click()]);
    await page.getByRole('heading', { level: 1, name: w.page }).waitFor();
    const covered = page.locator(`section.breach:has(h3:has-text("BR-${lang}"))`);
    const text = (await covered.textContent())!;
    assert.ok(
      text.includes(w.rule) && text.includes(w.covered) && text.includes(`Seule cellule ventilée ${lang}`),
      text,
    );
    assert.ok(text.includes(w.accused), 'the untried man is named by what he is accused of');
    assert.doesNotMatch(text.split(CHARGE).join('').split(CHARGE_TEXT).join(''), /terroris|\bVEO\b|extr[ée]mist/i);
    const open = (await page.locator(`section.breach:has(h3:has-text("MN-${lang}"))`).textContent())!;
    assert.ok(open.includes(w.minors) && open.includes(w.todo) && open.includes(w.adult), open);
    // The person links to the file.
    assert.equal(
      await covered.getByRole('link', { name: new RegExp(`Prevenu${lang}`) }).getAttribute('href'),
      `/people/${untried.person_id}`,
    );
    await ctx.close();
  });
}
