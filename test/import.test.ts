import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import iconv from 'iconv-lite';
import pg from 'pg';
import { importRegister } from '../src/cli/import.js';
import { AppError } from '../src/core/errors.js';
import { t } from '../src/core/i18n.js';
import { fixture, testDatabase } from './helpers.js';

const database = await testDatabase();
const fx = await fixture(database);

test('a paper register loads row by row: good rows written, bad rows reported with line and reason', async () => {
  const report = await importRegister(
    database.db,
    fx.actors['clerk.bko'],
    path.resolve('examples/register-sample.csv'),
    'BKO',
    { lang: 'en' },
  );
  assert.equal(report.rows, 5);
  assert.equal(report.imported, 3);
  assert.equal(report.failed, 2);
  // Line numbers are the spreadsheet's: the header is line 1.
  const byLine = (l: number) => report.errors.filter((e) => e.line === l).map((e) => `${e.field}: ${e.message}`);
  assert.deepEqual(byLine(5), ['birth_date: Date of birth as YYYY-MM-DD.']);
  assert.deepEqual(byLine(6).sort(), ['family_name: This field is required.', 'sex: Sex: M or F.']);
  const rows = (
    await database.pool.query<{
      committal_number: string;
      family_name: string;
      birth_precision: string;
      birth_estimated_age: number | null;
      legal_status: string;
      terror: boolean | null;
    }>(`SELECT a.committal_number, p.family_name, p.birth_precision, p.birth_estimated_age, a.legal_status,
      (SELECT bool_or(terrorism_related) FROM charge c WHERE c.admission_id = a.id) AS terror
      FROM admission a JOIN person p ON p.id = a.person_id ORDER BY a.committal_number`)
  ).rows;
  assert.deepEqual(
    rows.map((r) => r.committal_number),
    ['BKO-2024-000101', 'BKO-2024-000102', 'BKO-2024-000103'],
  );
  assert.equal(rows[2].birth_precision, 'estimated');
  assert.equal(rows[2].birth_estimated_age, 30);
  assert.equal(rows[1].terror, true);
  // Bad rows wrote nothing: no person named Coulibaly.
  assert.equal(
    (await database.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM person WHERE family_name = 'Coulibaly'`))
      .rows[0].n,
    0,
  );
});

test('importing the same register again refuses every row already there, by committal number', async () => {
  const report = await importRegister(
    database.db,
    fx.actors['clerk.bko'],
    path.resolve('examples/register-sample.csv'),
    'BKO',
    { lang: 'fr' },
  );
  assert.equal(report.imported, 0);
  assert.ok(
    report.errors.some(
      (e) =>
        e.line === 2 &&
        e.field === 'committal_number' &&
        e.message === "Ce numéro d'écrou existe déjà dans cet établissement.",
    ),
  );
});

test('numbers generated after an import continue after the highest imported one', async () => {
  const { admit } = await import('../src/modules/custody/service.js');
  const a = await admit(database.db, fx.actors['clerk.bko'], {
    prison: 'BKO',
    admitted_at: '2024-06-01T10:00:00Z',
    person: { family_name: 'Keïta', sex: 'male', birth: { precision: 'unknown' } },
    arresting_authority: 'police',
    legal_document: { kind: 'committal_order', authority: 'TGI', reference: 'X', issued_on: '2024-05-31' },
    charges: [{ qualification: 'Vol simple', category: 'misdemeanour' }],
  });
  assert.equal(a.committal_number, 'BKO-2024-000104');
});

test('a clerk cannot import into a prison outside their scope', async () => {
  const report = await importRegister(
    database.db,
    fx.actors['clerk.klk'],
    path.resolve('examples/register-sample.csv'),
    'BKO',
    { lang: 'en' },
  );
  assert.equal(report.imported, 0);
  assert.ok(report.errors.every((e) => e.message === 'This prison is outside your scope.' || e.line >= 5));
});

// ---------------------------------------------------------------- files that are not what they should be
const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pmis-import-'));
after(() => fs.rm(dir, { recursive: true, force: true }));
const HEADER =
  'committal_number,admitted_at,family_name,given_names,sex,birth_date,arresting_authority,document_kind,document_authority,document_reference,document_date,charge,charge_category';
const row = (n: number, over: Partial<Record<'family' | 'birth' | 'docDate' | 'charge', string>> = {}) =>
  `KLK-2023-${String(n).padStart(6, '0')},2023-05-0${(n % 9) + 1},${over.family ?? `Famille${n}`},Moussa,M,${over.birth ?? '1990'},police,committal_order,TGI Koulikoro,MD-${n},${over.docDate ?? '2023-05-01'},${over.charge ?? 'Vol simple'},délit`;
async function write(name: string, content: string | Buffer): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, content);
  return file;
}
const admittedNames = async (prefix: string) =>
  (
    await database.pool.query<{ family_name: string }>(
      `SELECT family_name FROM person WHERE family_name LIKE $1 ORDER BY family_name`,
      [`${prefix}%`],
    )
  ).rows.map((r) => r.family_name);

test('a Latin-1 register is refused with a clear message naming the first bad line; with --encoding latin1 it imports "Traoré"', async () => {
  const text = `${HEADER}\n${row(1, { family: 'Latin1Diarra' })}\n${row(2, { family: 'Latin1Traoré' })}\n${row(3, { family: 'Latin1Koné' })}\n`;
  const file = await write('latin1.csv', iconv.encode(text, 'latin1'));
  await assert.rejects(importRegister(database.db, fx.actors.admin, file, 'KLK', { lang: 'en' }), (e: unknown) => {
    assert.ok(e instanceof AppError);
    assert.equal(e.key, 'import.not_utf8');
    // Line 2 is the first with a letter outside ASCII ("délit").
    assert.equal(
      t('en', e.key, e.params),
      'The file is not UTF-8 (line 2): it is probably Latin-1/Windows-1252, as Excel saves it. Save it as "CSV UTF-8" or run again with --encoding latin1. Nothing was imported.',
    );
    return true;
  });
  assert.deepEqual(await admittedNames('Latin1'), [], 'nothing imported, not even the lines before');
  const report = await importRegister(database.db, fx.actors.admin, file, 'KLK', { lang: 'en', encoding: 'latin1' });
  assert.deepEqual([report.rows, report.imported, report.failed], [3, 3, 0], JSON.stringify(report.errors));
  assert.deepEqual(await admittedNames('Latin1'), ['Latin1Diarra', 'Latin1Koné', 'Latin1Traoré']);
  await assert.rejects(
    importRegister(database.db, fx.actors.admin, file, 'KLK', { encoding: 'klingon' }),
    (e: unknown) => e instanceof AppError && e.key === 'import.encoding_unknown',
  );
});

test('a register with a row PostgreSQL refuses imports every other row; impossible dates and NUL bytes are refused by column', async () => {
  // A constraint only the database knows (as a CHECK added by a later migration would be).
  // DDL needs the owner (the application's role may not alter tables).
  const owner = new pg.Pool({ connectionString: database.ownerUrl!, max: 1 });
  await owner.query(`ALTER TABLE person ADD CONSTRAINT test_import_db_refusal CHECK (family_name <> 'DbRefuse')`);
  after(async () => {
    await owner.query('ALTER TABLE person DROP CONSTRAINT IF EXISTS test_import_db_refusal');
    await owner.end();
  });
  const lines = [HEADER];
  for (let n = 100; n < 520; n++) {
    if (n === 150) lines.push(row(n, { family: 'DbRefuse' }));
    else if (n === 300) lines.push(row(n, { family: 'DbRows', docDate: '2023-02-30' }));
    else if (n === 301) lines.push(row(n, { family: 'DbRows', docDate: '0000-00-00' }));
    else if (n === 302) lines.push(row(n, { family: 'DbRows\u0000Nul' }));
    else if (n === 303) lines.push(`${row(n, { family: 'DbRows' })},extra`);
    else lines.push(row(n, { family: `DbRows${String(n).padStart(3, '0')}` }));
  }
  const file = await write('db-refusal.csv', `${lines.join('\r\n')}\r\n`);
  const report = await importRegister(database.db, fx.actors.admin, file, 'KLK', { lang: 'en' });
  assert.equal(report.rows, 420);
  assert.equal(report.imported, 415);
  assert.equal(report.failed, 5);
  const byLine = (l: number) => report.errors.filter((e) => e.line === l).map((e) => `${e.field}: ${e.message}`);
  // Line numbers: the header is line 1, so row n is line n - 98.
  assert.deepEqual(
    byLine(52),
    [': Refused by a rule of the database (test_import_db_refusal).'],
    JSON.stringify(report.errors),
  );
  assert.deepEqual(byLine(202), [
    'document_date: Invalid date: a real date YYYY-MM-DD between 1900 and 2199 is expected.',
  ]);
  assert.deepEqual(byLine(203), [
    'document_date: Invalid date: a real date YYYY-MM-DD between 1900 and 2199 is expected.',
  ]);
  assert.deepEqual(byLine(204), ['family_name: The text contains a NUL character (U+0000), which is refused.']);
  assert.deepEqual(byLine(205), [': 14 columns instead of 13 (those of the header line).']);
  assert.equal((await admittedNames('DbRows')).length, 415);
  assert.deepEqual(await admittedNames('DbRefuse'), []);
});

test('a batch with one row PostgreSQL refuses in the middle: every other row imported, the line reported, numbers gapless, history as a row written alone', async () => {
  const owner = new pg.Pool({ connectionString: database.ownerUrl!, max: 1 });
  await owner.query(`ALTER TABLE person ADD CONSTRAINT test_import_batch_refusal CHECK (family_name <> 'BatchRefuse')`);
  after(async () => {
    await owner.query('ALTER TABLE person DROP CONSTRAINT IF EXISTS test_import_batch_refusal');
    await owner.end();
  });
  const counter = async () =>
    (
      await database.pool.query<{ last: number }>(
        `SELECT c.last FROM committal_counter c JOIN prison p ON p.id = c.prison_id WHERE p.code = 'KLK' AND c.year = 2025`,
      )
    ).rows[0]?.last ?? 0;
  const before = await counter();
  // Rows without a committal number (pmis gives the next ones), admitted in 2025.
  const line = (n: number, family: string) =>
    row(n, { family })
      .replace(/^KLK-2023-\d+/, '')
      .replace(',2023-05-0', ',2025-05-0')
      .replace(',2023-05-01,', ',2025-05-01,');
  const batchFile = async (name: string, families: string[]) =>
    write(name, `${HEADER}\n${families.map((f, k) => line(k + 1, f)).join('\n')}\n`);
  const families = Array.from({ length: 30 }, (_, k) =>
    k === 14 ? 'BatchRefuse' : `BatchRow${String(k).padStart(2, '0')}`,
  );
  const report = await importRegister(
    database.db,
    fx.actors.admin,
    await batchFile('batch-refusal.csv', families),
    'KLK',
    { lang: 'en' },
  );
  assert.equal(report.imported, 29);
  assert.deepEqual(
    report.errors.map((e) => [e.line, e.message]),
    [[16, 'Refused by a rule of the database (test_import_batch_refusal).']],
  );
  // A clean batch, written set-based.
  const clean = await importRegister(
    database.db,
    fx.actors.admin,
    await batchFile(
      'batch-clean.csv',
      Array.from({ length: 30 }, (_, k) => `BatchClean${String(k).padStart(2, '0')}`),
    ),
    'KLK',
    { lang: 'en' },
  );
  assert.equal(clean.imported, 30);
  // Gapless: 59 numbers taken, 59 numbers given, no hole.
  assert.equal((await counter()) - before, 59);
  const numbers = (
    await database.pool.query<{ n: string }>(
      `SELECT a.committal_number AS n FROM admission a JOIN person p ON p.id = a.person_id WHERE p.family_name LIKE 'Batch%' ORDER BY 1`,
    )
  ).rows.map((r) => r.n);
  assert.deepEqual(
    numbers,
    Array.from({ length: 59 }, (_, k) => `KLK-2025-${String(before + k + 1).padStart(6, '0')}`),
  );
  // History: each person has their creation, then their admission, with the number given.
  const history = async (family: string) =>
    (
      await database.pool.query<{ entity: string; action: string; after: Record<string, unknown> }>(
        `SELECT c.entity, c.action, c.after FROM change_log c JOIN person p ON p.id = c.person_id WHERE p.family_name = $1
          ORDER BY c.at, c.id`,
        [family],
      )
    ).rows;
  const alone = await history('BatchRow20'); // written again on its own after the batch was refused
  const inBatch = await history('BatchClean20'); // written set-based
  assert.deepEqual(
    alone.map((h) => `${h.entity}.${h.action}`),
    ['person.create', 'admission.create'],
  );
  assert.deepEqual(
    inBatch.map((h) => `${h.entity}.${h.action}`),
    ['person.create', 'admission.create'],
  );
  const comparable = (h: { after: Record<string, unknown> }[]) =>
    h.map((e) => ({
      ...e,
      after: {
        ...e.after,
        committal_number: '?',
        family_name: '?',
        legal_document: { ...(e.after.legal_document as object), reference: '?' },
      },
    }));
  assert.deepEqual(comparable(inBatch), comparable(alone));
  assert.match(String(inBatch[1].after.committal_number), /^KLK-2025-\d{6}$/);
  assert.equal(inBatch[0].after.family_name, 'BatchClean20');
  // Identity keys (search) written for people imported set-based.
  const { search } = await import('../src/modules/custody/service.js');
  assert.ok((await search(database.db, fx.actors.admin, 'BatchClean20')).length >= 1);
});

test('an empty register, or one with only its header, is an error; so is a header without the required columns', async () => {
  for (const content of ['', '\ufeff', `${HEADER}\n`, '\n\n']) {
    const file = await write('empty.csv', content);
    await assert.rejects(
      importRegister(database.db, fx.actors.admin, file, 'KLK'),
      (e: unknown) => e instanceof AppError && e.key === 'import.empty',
      JSON.stringify(content),
    );
  }
  const file = await write('columns.csv', 'nom,prenom\nDiarra,Awa\n');
  await assert.rejects(
    importRegister(database.db, fx.actors.admin, file, 'KLK', { lang: 'en' }),
    (e: unknown) =>
      e instanceof AppError &&
      e.key === 'import.missing_columns' &&
      String(e.params.columns).startsWith('admitted_at, family_name'),
  );
});

test('the command line: exit 0 when every row is imported, 2 when a row is refused, 1 when the file cannot be read; the summary names the refused lines', async () => {
  const run = (file: string, ...extra: string[]) =>
    new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const child = spawn(process.execPath, ['bin/pmis.js', 'import', file, '--prison', 'KLK', ...extra], {
        env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'silent', PMIS_LANG: 'en' },
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
      });
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
      });
      child.on('close', (code) => {
        resolve({ code, out, err });
      });
    });
  const good = await run(await write('cli-good.csv', `${HEADER}\n${row(900, { family: 'CliOne' })}\n`));
  assert.equal(good.code, 0, good.out + good.err);
  assert.match(good.out, /1 imported, 0 refused, 1 rows/);
  const some = await run(
    await write(
      'cli-some.csv',
      `${HEADER}\n${row(901, { family: 'CliTwo' })}\n${row(902, { family: 'CliThree', docDate: '2023-02-30' })}\n`,
    ),
  );
  assert.equal(some.code, 2, some.out + some.err);
  assert.match(some.out, /line 3: document_date: /);
  assert.match(some.out, /1 imported, 1 refused, 2 rows .*refused lines: 3/);
  const latin = await run(
    await write('cli-latin.csv', iconv.encode(`${HEADER}\n${row(903, { family: 'CliTraoré' })}\n`, 'latin1')),
  );
  assert.equal(latin.code, 1, latin.out + latin.err);
  assert.match(latin.err, /line 2.*--encoding latin1/);
  const converted = await run(
    await write('cli-latin.csv', iconv.encode(`${HEADER}\n${row(903, { family: 'CliTraoré' })}\n`, 'latin1')),
    '--encoding',
    'latin1',
  );
  assert.equal(converted.code, 0, converted.out + converted.err);
  assert.deepEqual(await admittedNames('CliTraor'), ['CliTraoré']);
  const empty = await run(await write('cli-empty.csv', ''));
  assert.equal(empty.code, 1);
});
