import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { importRegister } from '../src/cli/import.js';
import { fixture, testDatabase } from './helpers.js';

const database = await testDatabase();
const fx = await fixture(database);

test('a paper register loads row by row: good rows written, bad rows reported with line and reason', async () => {
  const report = await importRegister(database.db, fx.actors['clerk.bko']!, path.resolve('examples/register-sample.csv'), 'BKO', { lang: 'en' });
  assert.equal(report.rows, 5);
  assert.equal(report.imported, 3);
  assert.equal(report.failed, 2);
  // Line numbers are the spreadsheet's: the header is line 1.
  const byLine = (l: number) => report.errors.filter((e) => e.line === l).map((e) => `${e.field}: ${e.message}`);
  assert.deepEqual(byLine(5), ['birth_date: Date of birth as YYYY-MM-DD.']);
  assert.deepEqual(byLine(6).sort(), ['family_name: This field is required.', 'sex: Sex: M or F.']);
  const rows = (await database.pool.query(`SELECT a.committal_number, p.family_name, p.birth_precision, p.birth_estimated_age, a.legal_status,
      (SELECT bool_or(terrorism_related) FROM charge c WHERE c.admission_id = a.id) AS terror
      FROM admission a JOIN person p ON p.id = a.person_id ORDER BY a.committal_number`)).rows;
  assert.deepEqual(rows.map((r) => r.committal_number), ['BKO-2024-000101', 'BKO-2024-000102', 'BKO-2024-000103']);
  assert.equal(rows[2].birth_precision, 'estimated');
  assert.equal(rows[2].birth_estimated_age, 30);
  assert.equal(rows[1].terror, true);
  // Bad rows wrote nothing: no person named Coulibaly.
  assert.equal((await database.pool.query(`SELECT count(*)::int AS n FROM person WHERE family_name = 'Coulibaly'`)).rows[0].n, 0);
});

test('importing the same register again refuses every row already there, by committal number', async () => {
  const report = await importRegister(database.db, fx.actors['clerk.bko']!, path.resolve('examples/register-sample.csv'), 'BKO', { lang: 'fr' });
  assert.equal(report.imported, 0);
  assert.ok(report.errors.some((e) => e.line === 2 && e.field === 'committal_number' && e.message === "Ce numéro d'écrou existe déjà dans cet établissement."));
});

test('numbers generated after an import continue after the highest imported one', async () => {
  const { admit } = await import('../src/modules/custody/service.js');
  const a = await admit(database.db, fx.actors['clerk.bko']!, {
    prison: 'BKO', admitted_at: '2024-06-01T10:00:00Z', person: { family_name: 'Keïta', sex: 'male', birth: { precision: 'unknown' } },
    arresting_authority: 'police', legal_document: { kind: 'committal_order', authority: 'TGI', reference: 'X', issued_on: '2024-05-31' },
    charges: [{ qualification: 'Vol simple', category: 'misdemeanour' }],
  });
  assert.equal(a.committal_number, 'BKO-2024-000104');
});

test('a clerk cannot import into a prison outside their scope', async () => {
  const report = await importRegister(database.db, fx.actors['clerk.klk']!, path.resolve('examples/register-sample.csv'), 'BKO', { lang: 'en' });
  assert.equal(report.imported, 0);
  assert.ok(report.errors.every((e) => e.message === 'This prison is outside your scope.' || e.line >= 5));
});
