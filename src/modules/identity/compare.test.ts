import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { AppError } from '../../core/errors.js';
import { compareCsvText } from './compare.js';

const CSV = [
  'id,label,a_family_name,a_given_names,a_father_name,a_mother_name,a_birth_date,a_birth_precision,a_birth_place,a_nina,b_family_name,b_given_names,b_father_name,b_mother_name,b_birth_date,b_birth_precision,b_birth_place,b_nina',
  'x1,same,Ag Intalla,Mohamed,Intalla Ag Attaher,,1985,year,Kidal,,AG INTALLAH,Mohammed,Intallah,,1985-03-02,exact,Kidal,',
  'x2,different,Traoré,Moussa,Bakary,,1985,year,,,Traore,Moussa,Sékou,,1985,year,,',
].join('\n');

test('compare: copies every column through and adds score, decision, reasons', async () => {
  const out = parse<Record<string, string>>(await compareCsvText(CSV), { columns: true });
  assert.equal(out.length, 2);
  assert.equal(out[0].id, 'x1');
  assert.equal(out[0].label, 'same');
  assert.equal(out[0].b_family_name, 'AG INTALLAH');
  assert.equal(out[0].decision, 'same');
  assert.ok(Number(out[0].score) >= 0.9);
  assert.match(out[0].reasons, /name:equivalent/);
  assert.notEqual(out[1].decision, 'same');
  assert.match(out[1].reasons, /father_name:different/);
});

test('compare: reasons written out in French or English', async () => {
  const fr = parse<Record<string, string>>(await compareCsvText(CSV, { lang: 'fr' }), { columns: true });
  assert.match(fr[1].reasons, /Pères différents/);
  // precision words and how the names agree are in French too
  assert.match(fr[0].reasons, /1985 \(année\) \/ 1985-03-02 \(date exacte\)/);
  assert.match(fr[0].reasons, /\(variante\)/);
  assert.doesNotMatch(fr[0].reasons, /\((year|exact|equivalent)\)/);
  const en = parse<Record<string, string>>(await compareCsvText(CSV, { lang: 'en' }), { columns: true });
  assert.match(en[1].reasons, /Different fathers/);
});

test('compare: missing columns and bad precisions are refused, naming them', async () => {
  await assert.rejects(
    compareCsvText('x,y\n1,2\n'),
    (e: unknown) =>
      e instanceof AppError &&
      e.key === 'identity.compare.missing_columns' &&
      String(e.params.columns).includes('a_family_name'),
  );
  await assert.rejects(
    compareCsvText('a_family_name,b_family_name,a_birth_precision\nA,B,roughly\n'),
    (e: unknown) => e instanceof AppError && e.key === 'identity.compare.bad_precision' && e.params.row === 2,
  );
});

test('compare: a partial file (only names) is scored, absent columns read as empty', async () => {
  const out = parse<Record<string, string>>(
    await compareCsvText('a_family_name,a_given_names,b_family_name,b_given_names\nDiallo,Aminata,Diallo,Aminatou\n'),
    { columns: true },
  );
  assert.equal(out[0].decision, 'review');
});

test('compare: no cell of the output can run as a spreadsheet formula (= + - @ tab CR get a leading quote)', async () => {
  const text = await compareCsvText(
    'a_family_name,a_given_names,b_family_name,b_given_names,a_birth_place\n"=HYPERLINK(""http://example.invalid"",""x"")",+1,@SUM(A1),-2+3,"\tTab"\n',
  );
  const out = parse<Record<string, string>>(text, { columns: true });
  assert.equal(out[0].a_family_name, `'=HYPERLINK("http://example.invalid","x")`);
  assert.equal(out[0].a_given_names, "'+1");
  assert.equal(out[0].b_family_name, "'@SUM(A1)");
  assert.equal(out[0].b_given_names, "'-2+3");
  assert.equal(out[0].a_birth_place, "'\tTab");
  assert.match(out[0].score, /^0(\.\d+)?$|^1$/, 'numbers stay numbers');
});
