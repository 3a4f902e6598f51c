/** The justice forms' parsers: the API's input from a form body, or errors naming each field. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHearingForm, parseOutcomeForm, parseTitleForm } from './forms.js';

const title = {
  kind: 'extension_order',
  authority_kind: 'investigating_judge',
  authority: 'Juge du 1er cabinet',
  reference: 'PROL-1',
  'issued_on.day': '2',
  'issued_on.month': '1',
  'issued_on.year': '2026',
  'period.months': '6',
  'period.days': '',
  'sentence.years': '',
  'sentence.months': '',
  'sentence.days': '',
};

test('a title: the API input, empty groups left out', () => {
  const r = parseTitleForm(title, 'fr');
  assert.ok(r.ok);
  assert.equal(r.value.issued_on, '2026-01-02');
  assert.deepEqual(r.value.period, { months: 6 });
  assert.equal(r.value.sentence, undefined);
});

for (const lang of ['fr', 'en'] as const)
  test(`a bad kind is a field error, a missing reference is named (${lang})`, () => {
    const r = parseTitleForm({ ...title, kind: 'banana', reference: '' }, lang);
    assert.ok(!r.ok);
    const kind = r.errors.find((e) => e.name === 'kind');
    assert.ok(kind, JSON.stringify(r.errors));
    assert.match(kind.message, lang === 'fr' ? /^Nature du titre/ : /^Kind of title/);
    assert.ok(r.errors.some((e) => e.name === 'reference'));
  });

test('a hearing: day, month, year and time become the instant; a bad time names the date', () => {
  const ok = parseHearingForm(
    {
      court: 'TPI',
      'scheduled_at.day': '5',
      'scheduled_at.month': '3',
      'scheduled_at.year': '2027',
      scheduled_time: '9:30',
    },
    'en',
  );
  assert.ok(ok.ok);
  assert.equal(ok.value.scheduled_at, '2027-03-05T09:30:00Z');
  const bad = parseHearingForm(
    {
      court: 'TPI',
      'scheduled_at.day': '31',
      'scheduled_at.month': '2',
      'scheduled_at.year': '2027',
      scheduled_time: '09:30',
    },
    'en',
  );
  assert.ok(!bad.ok);
  assert.equal(bad.errors[0]!.id, 'scheduled-at-day');
});

test('an outcome outside the list is a field error', () => {
  const r = parseOutcomeForm({ outcome: 'postponed' }, 'fr');
  assert.ok(!r.ok);
  assert.equal(r.errors[0]!.name, 'outcome');
});
