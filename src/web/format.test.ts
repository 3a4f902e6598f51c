/** Dates, numbers, percentages and durations in French and English, through Intl, Bamako time. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  calendarDuration,
  formatBirth,
  formatDate,
  formatDateTime,
  formatDuration,
  formatMonth,
  formatNumber,
  formatPercent,
  formatTime,
  formatUnit,
} from './format.js';
import { formatBamako } from '../core/dates.js';

const NNBSP = '\u202f';

test('dates: dd/mm/yyyy in French, d Month yyyy in English; a calendar date never shifts; an instant in Bamako time', () => {
  assert.equal(formatDate('fr', '2026-11-25'), '25/11/2026');
  assert.equal(formatDate('en', '2026-11-25'), '25 November 2026');
  assert.equal(formatDate('en', '2026-07-05'), '5 July 2026');
  assert.equal(formatDate('fr', '2026-01-01T23:30:00Z'), '01/01/2026');
  assert.equal(formatDate('en', new Date('2026-03-01T00:10:00Z')), '1 March 2026');
  assert.equal(formatDate('fr', null), '');
  assert.equal(formatDate('fr', '2026-02-30'), '2026-02-30', 'an impossible date is shown as it is, never shifted');
});

test('formatBamako (core, for code outside the kit) writes an instant as the kit does', () => {
  for (const lang of ['fr', 'en'] as const)
    for (const at of ['2026-11-25T14:05:00Z', '2026-01-01T23:30:00Z', '2026-03-01T00:10:00+01:00'])
      assert.equal(formatBamako(at, lang), formatDateTime(lang, at));
  assert.equal(formatBamako('2026-11-25T14:05:00Z', 'fr'), '25/11/2026 à 14:05');
  assert.equal(formatBamako('2026-11-25T14:05:00Z', 'en'), '25 November 2026 at 14:05');
  assert.equal(formatBamako(null), '');
});

test('times HH:MM (24 hours) in both languages; date and time together', () => {
  assert.equal(formatTime('fr', '2026-11-25T14:05:00Z'), '14:05');
  assert.equal(formatTime('en', '2026-11-25T09:05:00Z'), '09:05');
  assert.equal(formatTime('en', '2026-11-25T00:00:00Z'), '00:00');
  assert.equal(formatDateTime('fr', '2026-11-25T14:05:00Z'), '25/11/2026 à 14:05');
  assert.equal(formatDateTime('en', '2026-11-25T14:05:00Z'), '25 November 2026 at 14:05');
});

test('months: 07/1991 or juillet 1991 in French, July 1991 in English', () => {
  assert.equal(formatMonth('fr', '1991-07'), '07/1991');
  assert.equal(formatMonth('fr', '1991-07', 'long'), 'juillet 1991');
  assert.equal(formatMonth('en', '1991-07'), 'July 1991');
});

test('a date of birth with its precision', () => {
  assert.equal(formatBirth('fr', { precision: 'exact', date: '1991-07-14' }), '14/07/1991');
  assert.equal(formatBirth('en', { precision: 'exact', date: '1991-07-14' }), '14 July 1991');
  assert.equal(formatBirth('fr', { precision: 'month', date: '1991-07' }), '07/1991');
  assert.equal(formatBirth('fr', { precision: 'month', date: '1991-07' }, { monthStyle: 'long' }), 'juillet 1991');
  assert.equal(formatBirth('en', { precision: 'month', date: '1991-07' }), 'July 1991');
  assert.equal(formatBirth('fr', { precision: 'year', date: '1991' }), '1991');
  assert.equal(formatBirth('fr', { precision: 'estimated', date: '1990-01-01' }), 'vers 1990');
  assert.equal(formatBirth('en', { precision: 'estimated', date: '1990' }), 'about 1990');
  assert.equal(formatBirth('fr', { precision: 'estimated', date: null }), 'inconnue');
  assert.equal(formatBirth('fr', { precision: 'month', date: '1990-03-01' }, { monthStyle: 'long' }), 'mars 1990');
  assert.equal(
    formatBirth('fr', { precision: 'estimated', estimated_age: 35, estimated_on: '2026-03-12' }),
    'environ 35 ans (estimé le 12/03/2026)',
  );
  assert.equal(
    formatBirth('en', { precision: 'estimated', estimated_age: 35, estimated_on: '2026-03-12' }),
    'about 35 years old (estimated on 12 March 2026)',
  );
  assert.equal(
    formatBirth('fr', { precision: 'estimated', estimated_age: null }),
    'inconnue',
    'never "âge estimé ? ans"',
  );
  assert.equal(formatBirth('fr', { precision: 'unknown' }), 'inconnue');
  assert.equal(formatBirth('en', null), 'unknown');
});

test('numbers and percentages by locale', () => {
  assert.equal(formatNumber('fr', 400.5), '400,5');
  assert.equal(formatNumber('en', 400.5), '400.5');
  assert.equal(formatNumber('fr', 3364), `3${NNBSP}364`);
  assert.equal(formatNumber('en', 3364), '3,364');
  assert.equal(formatNumber('fr', 2.25, { maximumFractionDigits: 2 }), '2,25');
  assert.equal(formatPercent('fr', 841), `841${NNBSP}%`);
  assert.equal(formatPercent('en', 841), '841%');
  assert.equal(formatPercent('fr', 81.06, { maximumFractionDigits: 1 }), `81,1${NNBSP}%`);
});

test('durations in days, months and years (French keeps the number and its unit together)', () => {
  const NBSP = '\u00a0';
  assert.equal(formatUnit('fr', 1, 'day'), `1${NBSP}jour`);
  assert.equal(formatUnit('fr', 12, 'day'), `12${NBSP}jours`);
  assert.equal(formatUnit('en', 1, 'year'), '1 year');
  assert.equal(formatUnit('fr', 3, 'month'), `3${NBSP}mois`);
  assert.equal(formatDuration('fr', { years: 1, months: 3, days: 2 }), `1${NBSP}an, 3${NBSP}mois et 2${NBSP}jours`);
  assert.equal(formatDuration('en', { years: 2, days: 1 }), '2 years and 1 day');
  assert.equal(formatDuration('en', 45), '45 days');
  assert.equal(formatDuration('fr', {}), `0${NBSP}jour`);
  assert.deepEqual(calendarDuration('2025-01-31', '2025-03-01'), { years: 0, months: 1, days: 1 });
  assert.deepEqual(calendarDuration('2025-01-15', '2025-02-10'), { years: 0, months: 0, days: 26 });
  assert.deepEqual(calendarDuration('2023-06-01', '2026-07-03'), { years: 3, months: 1, days: 2 });
  assert.deepEqual(calendarDuration('2026-07-03', '2023-06-01'), { years: -3, months: -1, days: -2 });
});
