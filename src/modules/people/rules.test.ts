import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ageOn,
  birthRange,
  displayName,
  formatBirth,
  minorReading,
  normaliseNina,
  ninaErrors,
  parseBirth,
} from './rules.js';

const today = '2026-11-25';

test('a date of birth keeps its precision through storage', () => {
  for (const b of [
    { precision: 'exact' as const, date: '1987-05-12' },
    { precision: 'month' as const, date: '1987-05' },
    { precision: 'year' as const, date: '1987' },
    { precision: 'estimated' as const, estimated_age: 30, estimated_on: '2026-01-10' },
    { precision: 'unknown' as const },
  ]) {
    const { value, errors } = parseBirth(b, today);
    assert.deepEqual(errors, []);
    assert.deepEqual(formatBirth(value!), b);
  }
});

test('month and year precision store the first day of the period', () => {
  assert.equal(parseBirth({ precision: 'month', date: '1990-02' }, today).value!.birthDate, '1990-02-01');
  assert.equal(parseBirth({ precision: 'year', date: '1990' }, today).value!.birthDate, '1990-01-01');
});

test('bad dates of birth are refused with the field named', () => {
  assert.equal(parseBirth({ precision: 'exact', date: '1987-02-30' }, today).errors[0].field, '/birth/date');
  assert.equal(
    parseBirth({ precision: 'month', date: '1987-05-12' }, today).errors[0].key,
    'person.birth_date_format.month',
  );
  assert.equal(parseBirth({ precision: 'exact', date: '2027-01-01' }, today).errors[0].key, 'field.date_in_future');
  assert.equal(
    parseBirth({ precision: 'estimated', estimated_age: 200 }, today).errors[0].field,
    '/birth/estimated_age',
  );
});

test('ranges follow the precision; an estimated age allows two years either side', () => {
  assert.deepEqual(birthRange(parseBirth({ precision: 'month', date: '2024-02' }, today).value!), {
    from: '2024-02-01',
    to: '2024-02-29',
  });
  assert.deepEqual(birthRange(parseBirth({ precision: 'year', date: '1987' }, today).value!), {
    from: '1987-01-01',
    to: '1987-12-31',
  });
  assert.deepEqual(
    birthRange(parseBirth({ precision: 'estimated', estimated_age: 30, estimated_on: '2026-01-10' }, today).value!),
    { from: '1993-01-10', to: '1998-01-10' },
  );
});

test('age on a date is an interval for imprecise births', () => {
  assert.deepEqual(ageOn(parseBirth({ precision: 'exact', date: '2000-12-01' }, today).value!, today), {
    min: 25,
    max: 25,
  });
  assert.deepEqual(ageOn(parseBirth({ precision: 'year', date: '2008' }, today).value!, today), { min: 17, max: 18 });
});

test('NINA is normalised and checked', () => {
  assert.equal(normaliseNina(' 1234 5678-901a '), '12345678901A');
  assert.equal(normaliseNina('  '), null);
  assert.deepEqual(ninaErrors('12AB'), [{ field: '/nina', key: 'person.nina_format' }]);
  assert.deepEqual(ninaErrors(null), []);
});

test('display name puts the family name first in capitals', () => {
  assert.equal(displayName('Ag Intalla', 'Mohamed'), 'AG INTALLA Mohamed');
});

const born = (b: Parameters<typeof parseBirth>[0]) => parseBirth(b, today).value!;

test('doubt protects: a person born "2008" is treated as a minor in 2026 until an age assessment (CRC GC 24)', () => {
  const y2008 = born({ precision: 'year', date: '2008' });
  assert.deepEqual(minorReading(y2008, '2026-06-15'), { minor: true, assumed: true, basis: 'age_uncertain' });
  // Every possible date makes them 18 by the last day of 2026; in 2027 they are an adult.
  assert.deepEqual(minorReading(y2008, '2026-12-31'), { minor: false, assumed: false, basis: 'birth_date' });
  // Certainly under 18 in 2025.
  assert.deepEqual(minorReading(y2008, '2025-12-31'), { minor: true, assumed: false, basis: 'birth_date' });
  // An assessment settles it: adult from the day of the assessment, not before.
  const adult = [{ assessedOn: '2026-06-01', result: 'adult' as const, minimumAge: 18 }];
  assert.deepEqual(minorReading(y2008, '2026-06-15', adult), {
    minor: false,
    assumed: false,
    basis: 'assessment',
    assessedOn: '2026-06-01',
  });
  assert.equal(minorReading(y2008, '2026-05-31', adult).minor, true);
  // An inconclusive assessment settles nothing: the benefit of the doubt stays.
  const unsure = [{ assessedOn: '2026-06-01', result: 'inconclusive' as const, minimumAge: null }];
  assert.deepEqual(minorReading(y2008, '2026-06-15', unsure), {
    minor: true,
    assumed: true,
    basis: 'age_uncertain',
    inconclusive: true,
  });
});

test('month, estimated age with its tolerance and unknown birth all read protectively', () => {
  // Born in December 2008: a minor until the whole month has passed in 2026.
  assert.equal(minorReading(born({ precision: 'month', date: '2008-12' }), '2026-12-15').minor, true);
  assert.equal(minorReading(born({ precision: 'month', date: '2008-12' }), '2027-01-01').minor, false);
  // Estimated at 19 on the day: may be 17 (two years either side).
  assert.deepEqual(
    minorReading(born({ precision: 'estimated', estimated_age: 19, estimated_on: '2026-03-01' }), '2026-03-01'),
    { minor: true, assumed: true, basis: 'age_uncertain' },
  );
  assert.equal(
    minorReading(born({ precision: 'estimated', estimated_age: 21, estimated_on: '2026-03-01' }), '2026-03-01').minor,
    false,
  );
  // Unknown: treated as a minor until assessed.
  assert.deepEqual(minorReading(born({ precision: 'unknown' }), today), {
    minor: true,
    assumed: true,
    basis: 'age_unknown',
  });
  // An exact date leaves no doubt either way.
  assert.deepEqual(minorReading(born({ precision: 'exact', date: '1990-04-02' }), today), {
    minor: false,
    assumed: false,
    basis: 'birth_date',
  });
  assert.deepEqual(minorReading(born({ precision: 'exact', date: '2010-04-02' }), today), {
    minor: true,
    assumed: false,
    basis: 'birth_date',
  });
});

test('an assessment that finds a minor counts the years since, from the lowest age it supports', () => {
  const unknown = born({ precision: 'unknown' });
  const minor16 = [{ assessedOn: '2025-01-10', result: 'minor' as const, minimumAge: 16 }];
  assert.deepEqual(minorReading(unknown, '2026-01-09', minor16), {
    minor: true,
    assumed: false,
    basis: 'assessment',
    assessedOn: '2025-01-10',
  });
  assert.equal(minorReading(unknown, '2027-01-10', minor16).minor, false, '16 + 2 full years = 18');
  // The latest assessment counts; on the same day, the later recorded.
  const two = [
    { assessedOn: '2026-02-01', result: 'adult' as const, minimumAge: null, recordedAt: '2026-02-01T10:00:00Z' },
    { assessedOn: '2026-02-01', result: 'minor' as const, minimumAge: 15, recordedAt: '2026-02-01T11:00:00Z' },
  ];
  assert.equal(minorReading(unknown, '2026-03-01', two).minor, true);
});
