import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  birthInterval,
  compareIdentities,
  type IdentityRecord,
  nameSetSimilarity,
  THRESHOLDS,
  tokenSimilarity,
} from './score.js';

const reason = (r: ReturnType<typeof compareIdentities>, field: string) => r.reasons.find((x) => x.field === field)!;

test('token similarity says how names agree', () => {
  assert.equal(tokenSimilarity('mohamed', 'mohamed').how, 'identical');
  assert.equal(tokenSimilarity('mohamed', 'muhammad').how, 'equivalent');
  assert.equal(tokenSimilarity('belmokhtar', 'belmukhtar').how, 'phonetic');
  assert.equal(nameSetSimilarity(['maha', 'madou'], ['mahamadou']).sim, 1);
  assert.equal(tokenSimilarity('m', 'mamadou').how, 'initial');
  assert.equal(tokenSimilarity('b', 'mamadou').how, 'none');
  assert.equal(tokenSimilarity('sangare', 'sangame').how, 'typo');
  assert.equal(tokenSimilarity('traore', 'diallo').how, 'none');
  // same consonant skeleton (bkr) but two different names
  assert.equal(tokenSimilarity('boubacar', 'bakary').how, 'none');
});

test('name sets: order free, a missing middle name costs little', () => {
  assert.equal(nameSetSimilarity(['moussa', 'traore'], ['traore', 'moussa']).sim, 1);
  const missing = nameSetSimilarity(['drissa', 'sekou', 'bah'], ['drissa', 'bah']).sim;
  assert.ok(missing > 0.9 && missing < 1, String(missing));
  assert.ok(nameSetSimilarity(['mamadou', 'traore'], ['mamadou', 'coulibaly']).sim < 0.8);
});

test('birth intervals follow the precision', () => {
  assert.equal(birthInterval('1987-05-03', 'exact')!.precision, 'exact');
  const m = birthInterval('1987-05', 'month')!;
  assert.equal(m.to - m.from, 30);
  const y = birthInterval('1987', null)!;
  assert.equal(y.precision, 'year');
  const e = birthInterval('1987', 'estimated')!;
  assert.ok(e.to - e.from > 6 * 365);
  assert.equal(birthInterval('', 'exact'), null);
  assert.equal(birthInterval('1987-13', 'month'), null);
  assert.equal(birthInterval('1987', 'unknown'), null);
});

const intalla: IdentityRecord = {
  family_name: 'Ag Intalla',
  given_names: 'Mohamed',
  father_name: 'Intalla Ag Attaher',
  mother_name: 'Fadimata Wallet Sidi',
  birth_date: '1985',
  birth_precision: 'year',
  birth_place: 'Kidal',
};

test('the same person spelled differently is "same", with the reasons', () => {
  const r = compareIdentities(intalla, {
    family_name: 'AG INTALLAH',
    given_names: 'Mohammed',
    father_name: 'Intallah',
    mother_name: 'Fadimata',
    birth_date: '1985-03-02',
    birth_precision: 'exact',
    birth_place: 'KIDAL',
  });
  assert.equal(r.decision, 'same');
  assert.ok(r.score >= THRESHOLDS.same);
  assert.equal(reason(r, 'name').verdict, 'equivalent');
  assert.equal(reason(r, 'birth_date').verdict, 'compatible');
  assert.ok(['equivalent', 'similar'].includes(reason(r, 'father_name').verdict));
  assert.equal(reason(r, 'birth_place').verdict, 'identical');
});

test('family and given names swapped are recognised', () => {
  const r = compareIdentities(
    {
      family_name: 'Traoré',
      given_names: 'Moussa',
      father_name: 'Bakary',
      birth_date: '1990-02-01',
      birth_precision: 'exact',
    },
    {
      family_name: 'MOUSSA',
      given_names: 'TRAORE',
      father_name: 'Bakari Traoré',
      birth_date: '1990-02-01',
      birth_precision: 'exact',
    },
  );
  assert.equal(r.decision, 'same');
  assert.equal(reason(r, 'family_name').verdict, 'swapped');
});

test('namesakes with different fathers are never "same"', () => {
  const r = compareIdentities(
    {
      family_name: 'Traoré',
      given_names: 'Moussa',
      father_name: 'Bakary',
      birth_date: '1985',
      birth_precision: 'year',
      birth_place: 'Ségou',
    },
    {
      family_name: 'Traore',
      given_names: 'Moussa',
      father_name: 'Sékou',
      birth_date: '1985',
      birth_precision: 'year',
      birth_place: 'Segou',
    },
  );
  assert.notEqual(r.decision, 'same');
  assert.equal(reason(r, 'father_name').verdict, 'different');
});

test('namesakes with incompatible dates are never "same"', () => {
  const r = compareIdentities(
    {
      family_name: 'Maïga',
      given_names: 'Hama',
      father_name: 'Ali',
      birth_date: '1960-01-01',
      birth_precision: 'exact',
    },
    { family_name: 'Maiga', given_names: 'Hama', father_name: 'Ali', birth_date: '1992', birth_precision: 'estimated' },
  );
  assert.notEqual(r.decision, 'same');
  assert.equal(reason(r, 'birth_date').verdict, 'incompatible');
  assert.ok(r.score < THRESHOLDS.same);
});

test('dates within their precision are compatible; an estimate allows ±3 years', () => {
  const base = { family_name: 'Diallo', given_names: 'Aminata', father_name: 'Boubacar' };
  assert.equal(
    reason(
      compareIdentities(
        { ...base, birth_date: '1987-05', birth_precision: 'month' },
        { ...base, birth_date: '1987-05-20', birth_precision: 'exact' },
      ),
      'birth_date',
    ).verdict,
    'compatible',
  );
  assert.equal(
    reason(
      compareIdentities(
        { ...base, birth_date: '1984', birth_precision: 'estimated' },
        { ...base, birth_date: '1987-05-20', birth_precision: 'exact' },
      ),
      'birth_date',
    ).verdict,
    'compatible',
  );
  assert.equal(
    reason(
      compareIdentities(
        { ...base, birth_date: '1987-05-20', birth_precision: 'exact' },
        { ...base, birth_date: '1987-20-05'.replace('20-05', '05-20'), birth_precision: 'exact' },
      ),
      'birth_date',
    ).verdict,
    'identical',
  );
  assert.equal(
    reason(
      compareIdentities(
        { ...base, birth_date: '1987-03-04', birth_precision: 'exact' },
        { ...base, birth_date: '1987-04-03', birth_precision: 'exact' },
      ),
      'birth_date',
    ).verdict,
    'probable_typo',
  );
  assert.equal(
    reason(
      compareIdentities(
        { ...base, birth_date: '1987', birth_precision: 'year' },
        { ...base, birth_date: '1988-01-10', birth_precision: 'exact' },
      ),
      'birth_date',
    ).verdict,
    'similar',
  );
});

test('NINA: equal is strong evidence, different forbids "same"', () => {
  const a = { family_name: 'Koné', given_names: 'Adama', nina: '1 2345 6789 AB' };
  const eq = compareIdentities(a, { family_name: 'Kone', given_names: 'Adama', nina: '123456789ab' });
  assert.equal(reason(eq, 'nina').verdict, 'identical');
  assert.equal(eq.decision, 'same');
  const ne = compareIdentities(
    { ...a, father_name: 'Issa', birth_date: '1990-01-01', birth_precision: 'exact' },
    {
      family_name: 'Kone',
      given_names: 'Adama',
      father_name: 'Issa',
      birth_date: '1990-01-01',
      birth_precision: 'exact',
      nina: '99999999ZZ',
    },
  );
  assert.equal(reason(ne, 'nina').verdict, 'different');
  assert.notEqual(ne.decision, 'same');
});

test('brothers (same parents, other given name) are "different"', () => {
  const r = compareIdentities(
    {
      family_name: 'Coulibaly',
      given_names: 'Siaka',
      father_name: 'Drissa Coulibaly',
      mother_name: 'Awa Diarra',
      birth_date: '1980',
      birth_precision: 'year',
    },
    {
      family_name: 'Coulibaly',
      given_names: 'Lassina',
      father_name: 'Drissa Coulibaly',
      mother_name: 'Awa Diarra',
      birth_date: '1986',
      birth_precision: 'year',
    },
  );
  assert.equal(r.decision, 'different');
});

test('only a name in common is "review", not "same"', () => {
  const r = compareIdentities(
    { family_name: 'Sangaré', given_names: 'Oumar' },
    { family_name: 'Sangare', given_names: 'Omar' },
  );
  assert.equal(r.decision, 'review');
});

test('unrelated people are "different" with a low score', () => {
  const r = compareIdentities(intalla, {
    family_name: 'Dembélé',
    given_names: 'Kadiatou',
    father_name: 'Modibo',
    birth_date: '2001',
    birth_precision: 'year',
  });
  assert.equal(r.decision, 'different');
  assert.ok(r.score < 0.05);
});

test('every reason has a weight and a message code', () => {
  const r = compareIdentities(intalla, intalla);
  assert.equal(r.decision, 'same');
  for (const x of r.reasons) assert.match(x.code, /^identity\.reason\./);
  assert.deepEqual(
    r.reasons.map((x) => x.field).filter((f) => !['family_name', 'given_names'].includes(f)),
    ['name', 'birth_date', 'father_name', 'mother_name', 'birth_place', 'nina'],
  );
});
