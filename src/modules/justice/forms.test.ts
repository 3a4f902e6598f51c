/** The justice forms' parsers: the API's input from a form body, or errors naming each field. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  parseCorrectionForm,
  parseHearingChangeForm,
  parseHearingForm,
  parseOutcomeForm,
  parseTitleForm,
  parseWithdrawalForm,
} from './forms.js';

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
  assert.equal(bad.errors[0].id, 'scheduled_at-day'); // the day box's id on the form
});

test('an outcome outside the list is a field error', () => {
  const r = parseOutcomeForm({ outcome: 'postponed' }, 'fr');
  assert.ok(!r.ok);
  assert.equal(r.errors[0].name, 'outcome');
});

test('a correction: a kind outside the list is a field error on changes.kind; no reason is named', () => {
  const r = parseCorrectionForm({ 'changes.kind': 'banana', 'changes.reference': 'ORD-2', reason: '' }, 'en');
  assert.ok(!r.ok);
  const kind = r.errors.find((e) => e.name === 'changes.kind');
  assert.ok(kind, JSON.stringify(r.errors));
  assert.match(kind.message, /^Kind of title/);
  assert.ok(r.errors.some((e) => e.name === 'reason'));
});

const change = {
  'changes.court': 'Tribunal de la Commune III',
  'changes.scheduled_at.day': '16',
  'changes.scheduled_at.month': '6',
  'changes.scheduled_at.year': '2030',
  'changes.scheduled_time': '10h15',
  'changes.escort_size': '',
  'changes.vehicle': 'Toyota 12-3456',
  reason: 'Audience reportée par le greffe',
  version: '2',
};

test('a hearing change: the API PATCH body, the date and time joined, an empty box is null', () => {
  const r = parseHearingChangeForm(change, 'fr');
  assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
  assert.equal(r.value.changes.scheduled_at, '2030-06-16T10:15:00Z');
  assert.equal(r.value.changes.court, 'Tribunal de la Commune III');
  assert.equal(r.value.changes.escort_size, null);
  assert.equal(r.value.reason, 'Audience reportée par le greffe');
  assert.equal(r.value.version, 2);
});

for (const lang of ['fr', 'en'] as const)
  test(`a hearing change without a reason, a bad date or a bad number names each field (${lang})`, () => {
    const r = parseHearingChangeForm(
      {
        ...change,
        reason: ' ',
        'changes.scheduled_at.day': '31',
        'changes.scheduled_at.month': '2',
        'changes.escort_size': 'six',
      },
      lang,
    );
    assert.ok(!r.ok);
    const by = (n: string) => r.errors.find((e) => e.name === n);
    assert.ok(by('reason'), JSON.stringify(r.errors));
    assert.match(by('reason')!.message, lang === 'fr' ? /^Raison du changement/ : /^Reason for the change/);
    assert.equal(by('changes.scheduled_at')?.id, 'changes-scheduled_at-day');
    assert.ok(by('changes.escort_size'), JSON.stringify(r.errors));
  });

test('a hearing change: an extra field (an outcome slipped in) is refused, not ignored', () => {
  const r = parseHearingChangeForm({ ...change, 'changes.outcome': 'held' }, 'en');
  assert.ok(!r.ok);
  assert.ok(
    r.errors.some((e) => e.name === 'changes.outcome'),
    JSON.stringify(r.errors),
  );
});

test('a withdrawal: the reason, or an error naming it', () => {
  const ok = parseWithdrawalForm({ reason: 'Saisi deux fois' }, 'fr');
  assert.ok(ok.ok);
  assert.deepEqual(ok.value, { reason: 'Saisi deux fois' });
  const bad = parseWithdrawalForm({ reason: '' }, 'en');
  assert.ok(!bad.ok);
  assert.equal(bad.errors[0].name, 'reason');
  assert.match(bad.errors[0].message, /^Reason for withdrawing it/);
});
