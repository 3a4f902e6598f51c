import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  joinInstant,
  parseCheckForm,
  parseCompletionForm,
  parseEscapeForm,
  parseNoticeForm,
  parseRecaptureForm,
} from './forms.js';

const ADM = '018f0000-0000-7000-8000-000000000001';

test('the check form parses into the API body; a bad reason is a field error; missing choices are named', () => {
  const ok = parseCheckForm(
    {
      admission_id: ADM,
      reason: 'release_order',
      order_jurisdiction_id: ADM,
      order_reference: 'OML-1',
      'order_date.day': '2',
      'order_date.month': '12',
      'order_date.year': '2026',
      photo_shown: '1',
      fingerprints_taken: '0',
      identity_verified: '1',
      justice_basis: '',
    },
    'fr',
  );
  assert.ok(ok.ok);
  assert.equal(ok.value.order_date, '2026-12-02');
  assert.equal(ok.value.identity_verified, true);
  assert.equal(ok.value.fingerprints_taken, false);
  assert.equal(ok.value.justice_basis, null);
  const bad = parseCheckForm({ admission_id: ADM, reason: 'freed', photo_shown: '1', fingerprints_taken: '0' }, 'en');
  assert.equal(bad.ok, false);
  if (!bad.ok) {
    assert.deepEqual(
      bad.errors.map((e) => e.name),
      ['reason'],
    );
    assert.match(bad.errors[0].message, /^Reason for release/);
  }
  const empty = parseCheckForm({ admission_id: ADM }, 'fr');
  assert.equal(empty.ok, false);
  if (!empty.ok)
    assert.deepEqual(
      empty.errors.map((e) => e.name),
      ['reason', 'photo_shown', 'fingerprints_taken'],
    );
});

test('date boxes and a time join into the instant (Bamako is UTC+0); an empty one is left out', () => {
  assert.deepEqual(
    joinInstant({ 'x.day': '1', 'x.month': '12', 'x.year': '2026', x_time: '8h05', y: 'z' }, 'x', 'x_time'),
    { y: 'z', x: '2026-12-01T08:05:00Z' },
  );
  assert.deepEqual(joinInstant({ 'x.day': '', 'x.month': '', 'x.year': '', x_time: '' }, 'x', 'x_time'), {});
  const r = parseEscapeForm(
    {
      admission_id: ADM,
      'occurred_at.day': '31',
      'occurred_at.month': '2',
      'occurred_at.year': '2026',
      occurred_time: '25:00',
      place: 'Cour',
      circumstances: 'Mur',
    },
    'fr',
  );
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.errors[0].name, 'occurred_at');
    assert.equal(r.errors[0].id, 'occurred_at-day'); // the summary links to the first box
  }
});

test('completion, notification and recapture forms: bad enums and missing fields are field errors', () => {
  const c = parseCompletionForm({ all_returned: '1', signed_by_person: '1' }, 'fr');
  assert.ok(c.ok);
  assert.equal(c.value.released_at, undefined);
  const c2 = parseCompletionForm({}, 'fr');
  assert.equal(c2.ok, false);
  if (!c2.ok)
    assert.deepEqual(
      c2.errors.map((e) => e.name),
      ['all_returned'],
    );
  const n = parseNoticeForm({ audience: 'neighbours', recipient: 'Awa', channel: 'pigeon' }, 'en');
  assert.equal(n.ok, false);
  if (!n.ok) assert.deepEqual(n.errors.map((e) => e.name).sort(), ['audience', 'channel']);
  const n2 = parseNoticeForm(
    {
      audience: 'family',
      recipient: 'Awa',
      channel: 'phone',
      'notified_at.day': '2',
      'notified_at.month': '12',
      'notified_at.year': '2026',
      notified_time: '09:15',
    },
    'en',
  );
  assert.ok(n2.ok);
  assert.equal(n2.value.notified_at, '2026-12-02T09:15:00Z');
  const r = parseRecaptureForm({ place: 'Kati', arresting_authority: 'gendarmerie' }, 'fr');
  assert.equal(r.ok, false);
  if (!r.ok)
    assert.deepEqual(
      r.errors.map((e) => e.name),
      ['recaptured_at'],
    );
});
