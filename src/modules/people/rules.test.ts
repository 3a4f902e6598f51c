import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ageOn, birthRange, displayName, formatBirth, normaliseNina, ninaErrors, parseBirth } from './rules.js';

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
  assert.equal(parseBirth({ precision: 'exact', date: '1987-02-30' }, today).errors[0]!.field, '/birth/date');
  assert.equal(parseBirth({ precision: 'month', date: '1987-05-12' }, today).errors[0]!.key, 'person.birth_date_format.month');
  assert.equal(parseBirth({ precision: 'exact', date: '2027-01-01' }, today).errors[0]!.key, 'field.date_in_future');
  assert.equal(parseBirth({ precision: 'estimated', estimated_age: 200 }, today).errors[0]!.field, '/birth/estimated_age');
});

test('ranges follow the precision; an estimated age allows two years either side', () => {
  assert.deepEqual(birthRange(parseBirth({ precision: 'month', date: '2024-02' }, today).value!), { from: '2024-02-01', to: '2024-02-29' });
  assert.deepEqual(birthRange(parseBirth({ precision: 'year', date: '1987' }, today).value!), { from: '1987-01-01', to: '1987-12-31' });
  assert.deepEqual(birthRange(parseBirth({ precision: 'estimated', estimated_age: 30, estimated_on: '2026-01-10' }, today).value!), { from: '1993-01-10', to: '1998-01-10' });
});

test('age on a date is an interval for imprecise births', () => {
  assert.deepEqual(ageOn(parseBirth({ precision: 'exact', date: '2000-12-01' }, today).value!, today), { min: 25, max: 25 });
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
