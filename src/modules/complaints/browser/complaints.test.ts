/**
 * Requests and complaints in a real browser, in French and English: a clerk records a complaint at
 * the detainee's word and gets the receipt's reference; the director finds it on the prison's list
 * and acknowledges it; a confidential complaint is not on the director's list but is on the
 * independent body's.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addUser } from '../../access/index.js';
import { auth } from '../../../../test/helpers.js';
import { browserHarness } from '../../../../test/browser/harness.js';

const { base, fx, database, session } = await browserHarness();
await addUser(database.db, null, {
  username: 'cndh',
  display_name: 'CNDH',
  password: 'correct horse battery',
  roles: ['inspector'],
  national: true,
});

async function api(url: string, token: string, payload: unknown) {
  const r = await fetch(`${base}${url}`, {
    method: 'POST',
    headers: { ...auth(token), 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  const body: unknown = await r.json();
  assert.ok(r.status < 300, JSON.stringify(body));
  return body as { id: string; person_id: string; reference: string };
}

const W = {
  fr: {
    complaint: 'Plainte',
    category: 'Catégorie',
    food: 'Alimentation',
    channel: 'Recueillie oralement par un agent',
    director: 'Direction de l’établissement',
    words: 'Les mots de la personne',
    submit: 'Enregistrer et imprimer le récépissé',
    receipt: 'Récépissé',
    list: /^Requêtes et plaintes en cours — /,
    ack: 'Accuser réception',
    save: 'Enregistrer',
    acknowledged: 'Accusé de réception',
    inspector: /^Plaintes confidentielles et allégations/,
    menu: 'Requêtes et plaintes',
    error: 'Les mots de la personne',
  },
  en: {
    complaint: 'Complaint',
    category: 'Category',
    food: 'Food',
    channel: 'Taken down by staff at the detainee’s word',
    director: 'Prison director',
    words: 'The person’s own words',
    submit: 'Record and print the receipt',
    receipt: 'Receipt',
    list: /^Open requests and complaints — /,
    ack: 'Acknowledge',
    save: 'Save',
    acknowledged: 'Acknowledged',
    inspector: /^Confidential complaints and allegations/,
    menu: 'Requests and complaints',
    error: 'The person’s own words',
  },
} as const;

for (const lang of ['fr', 'en'] as const) {
  test(
    `record, receipt, the prison's list, acknowledge; the confidential channel (${lang})`,
    { timeout: 180_000 },
    async () => {
      const w = W[lang];
      const a = await api('/api/admissions', fx.tokens['clerk.bko'], {
        prison: 'BKO',
        person: {
          family_name: `Plaignant${lang}`,
          given_names: 'Moussa',
          sex: 'male',
          birth: { precision: 'year', date: '1988' },
        },
        admitted_at: '2025-09-01T09:00:00Z',
        arresting_authority: 'police',
        legal_document: {
          kind: 'committal_order',
          authority: 'TGI Commune III',
          reference: `MD-C-${lang}`,
          issued_on: '2025-08-31',
        },
        charges: [{ qualification: 'Vol', category: 'misdemeanour' }],
        cell_id: fx.prisons.BKO.cells[0],
      });
      const words = `Le riz manque depuis une semaine (${lang})`;
      const clerk = await session(lang, 'clerk.bko', `/complaints/new?admission=${a.id}`);
      // Without the words: the form again, the field named.
      await clerk.page.getByLabel(w.complaint, { exact: true }).check();
      await clerk.page.getByLabel(w.category).selectOption('food');
      await clerk.page.getByLabel(w.channel).check();
      await clerk.page.getByLabel(w.director).check();
      await clerk.page.getByRole('button', { name: w.submit }).click();
      await clerk.page.locator('.govuk-error-summary').waitFor();
      assert.match((await clerk.page.locator('.govuk-error-summary').textContent())!, new RegExp(w.error));
      await clerk.page.getByLabel(w.words).fill(words);
      await Promise.all([
        clerk.page.waitForURL(/\/complaints\/[0-9a-f-]+\/receipt$/),
        clerk.page.getByRole('button', { name: w.submit }).click(),
      ]);
      const title = (await clerk.page.getByRole('heading', { level: 1 }).textContent())!;
      const ref = /PL-BKO-\d{4}-\d{5}/.exec(title)?.[0];
      assert.ok(ref && title.startsWith(w.receipt), title);
      await clerk.ctx.close();

      const confidential = await api('/api/complaints', fx.tokens['clerk.bko'], {
        admission_id: a.id,
        kind: 'complaint',
        category: 'staff_treatment',
        channel: 'paper_slip',
        addressee: 'inspector',
        words: `Racket (${lang})`,
      });

      const dir = await session(lang, 'director.bko', '/complaints?prison=BKO');
      await dir.page.getByRole('heading', { level: 1, name: w.list }).waitFor();
      assert.ok(await dir.page.getByRole('link', { name: w.menu }).count(), 'the menu entry');
      const body = (await dir.page.locator('main').textContent())!;
      assert.ok(body.includes(ref), 'the new complaint is on the list');
      assert.ok(!body.includes(confidential.reference), 'the confidential one is not');
      await Promise.all([
        dir.page.waitForURL(/\/complaints\/[0-9a-f-]+$/),
        dir.page.getByRole('link', { name: ref }).click(),
      ]);
      assert.ok((await dir.page.locator('main').textContent())!.includes(words));
      await dir.page.getByLabel(w.ack).check();
      await Promise.all([
        dir.page.waitForURL(/\?done=1$/),
        dir.page.getByRole('button', { name: w.save, exact: true }).click(),
      ]);
      assert.ok((await dir.page.locator('.govuk-summary-list').textContent())!.includes(w.acknowledged));
      const hidden = await dir.page.goto(`${base}/complaints/${confidential.id}`);
      assert.equal(hidden?.status(), 404);
      await dir.ctx.close();

      const insp = await session(lang, 'cndh', '/complaints/inspector');
      await insp.page.getByRole('heading', { level: 1, name: w.inspector }).waitFor();
      assert.ok((await insp.page.locator('main').textContent())!.includes(confidential.reference));
      await insp.ctx.close();
    },
  );
}
