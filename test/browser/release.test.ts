/** Issue 9 in the browser: the prisoner file shows the release date with its calculation, in French and in English. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { admit } from '../../src/modules/custody/service.js';
import { addTitle } from '../../src/modules/justice/service.js';
import { browserHarness } from './harness.js';

const { database, fx, base, browser: chromiumBrowser } = await browserHarness();

test('the release date and its breakdown on the prisoner file, French then English', { timeout: 120_000 }, async () => {
  const clerk = fx.actors['clerk.bko'];
  const a = await admit(database.db, clerk, {
    prison: 'BKO',
    admitted_at: '2025-01-10T10:00:00Z',
    arresting_authority: 'gendarmerie',
    person: { family_name: 'Keïta', given_names: 'Bakary', sex: 'male', birth: { precision: 'year', date: '1985' } },
    legal_document: {
      kind: 'committal_order',
      authority: "Juge d'instruction, TGI Commune III",
      reference: 'MD-2025-10',
      issued_on: '2025-01-10',
    },
    charges: [{ qualification: 'Vol qualifié', category: 'felony' }],
  });
  const court = { authority_kind: 'court_first_instance', authority: 'TGI Commune III' } as const;
  const f = await addTitle(database.db, clerk, a.id, {
    ...court,
    kind: 'conviction',
    reference: 'JUG-A',
    issued_on: '2025-07-10',
    sentence: { years: 2 },
    case_ref: 'RP-A',
  });
  const A = f.titles.find((x) => x.reference === 'JUG-A')!;
  await addTitle(database.db, clerk, a.id, {
    ...court,
    kind: 'conviction',
    reference: 'JUG-B',
    issued_on: '2025-09-01',
    sentence: { years: 1 },
    case_ref: 'RP-B',
    sentence_relation: 'consecutive',
    related_to_id: A.id,
  });
  await addTitle(database.db, clerk, a.id, {
    authority_kind: 'head_of_state',
    authority: 'Président de la Transition',
    kind: 'remission',
    reference: 'DEC-2026-1',
    issued_on: '2026-01-01',
    reduction: { months: 3 },
    applies_to_id: A.id,
  });

  const ctx = await chromiumBrowser().newContext({ locale: 'fr-FR' });
  const page = await ctx.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${base}/people/${a.person_id}`);
  await page.getByLabel("Nom d'utilisateur").fill('clerk.bko');
  await page.getByLabel('Mot de passe').fill('correct horse battery');
  await Promise.all([
    page.waitForURL(`${base}/people/${a.person_id}`),
    page.getByRole('button', { name: 'Se connecter' }).click(),
  ]);

  const fr = page.getByRole('region', { name: 'Date de libération' });
  await fr.waitFor();
  const frText = (await fr.textContent())!;
  assert.match(frText, /Libération le 2027-10-09/);
  assert.match(frText, /Détention provisoire imputée, du 2025-01-10 au 2025-07-09 : 181 jour\(s\)/);
  assert.match(frText, /Remise de peine DEC-2026-1 : 0 an\(s\), 3 mois/);
  assert.match(frText, /Exécutée à la suite de la peine JUG-A : début le 2026-10-10/);
  assert.match(frText, /toutes peines comprises \(2\) : 2027-10-09/);
  // The steps are in order: the remission under the first sentence, before the second one starts.
  assert.ok(frText.indexOf('DEC-2026-1') < frText.indexOf('JUG-B'));

  await Promise.all([
    page.waitForURL(`${base}/people/${a.person_id}`),
    page.getByRole('link', { name: 'English' }).click(),
  ]);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  const en = page.getByRole('region', { name: 'Release date' });
  await en.waitFor();
  const enText = (await en.textContent())!;
  assert.match(enText, /Release on 2027-10-09/);
  assert.match(enText, /Remand credit, 2025-01-10 to 2025-07-09: 181 day\(s\)/);
  assert.match(enText, /Served after sentence JUG-A: starts 2026-10-10/);
  assert.match(enText, /Release date, all 2 sentences counted: 2027-10-09/);
  assert.doesNotMatch(enText, /Libération|peine/);
  await ctx.close();
});
