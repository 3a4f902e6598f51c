import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArrivalForm, parseConvoyForm, parseDecisionForm, parseNoticeForm, parseRequestForm } from './forms.js';

const ADM = '01900000-0000-7000-8000-000000000001';

test('a good request parses into the API input', () => {
  const r = parseRequestForm({ admission_id: ADM, to_prison: 'KNB', reason: 'congestion', note: '' }, 'fr');
  assert.ok(r.ok);
  assert.deepEqual(r.value, { admission_id: ADM, to_prison: 'KNB', reason: 'congestion', note: null });
});

test('a bad enum value is a field error naming the field, in the user language', () => {
  const r = parseRequestForm({ admission_id: ADM, to_prison: 'KNB', reason: 'punishment' }, 'en');
  assert.ok(!r.ok);
  assert.deepEqual(
    r.errors.map((e) => e.name),
    ['reason'],
  );
  assert.match(r.errors[0].message, /^Reason/);
  const d = parseDecisionForm({ decision: 'maybe', reason: 'x' }, 'fr');
  assert.ok(!d.ok);
  assert.deepEqual(
    d.errors.map((e) => e.name),
    ['decision'],
  );
  assert.match(d.errors[0].message, /^Décision/);
  const n = parseNoticeForm({ notified: 'true', relative: 'Awa', method: 'pigeon' }, 'fr');
  assert.ok(!n.ok);
  assert.deepEqual(
    n.errors.map((e) => e.name),
    ['method'],
  );
});

test('missing fields are named', () => {
  const r = parseRequestForm({}, 'fr');
  assert.ok(!r.ok);
  assert.deepEqual(r.errors.map((e) => e.name).sort(), ['admission_id', 'reason', 'to_prison']);
});

test('a Bamako time typed in a date-time box is the instant the API takes; checkboxes unticked are false', () => {
  const c = parseConvoyForm(
    {
      to_prison: 'KNB',
      escort_force: 'Garde nationale',
      vehicle: 'Camion',
      officers: 'Sgt Diarra',
      planned_departure_at: '2026-12-03T06:30',
      transfer_ids: [ADM],
    },
    'fr',
  );
  assert.ok(c.ok);
  assert.equal(c.value.planned_departure_at, '2026-12-03T06:30:00Z');
  assert.deepEqual(c.value.transfer_ids, [ADM]);
  const a = parseArrivalForm({ security_check: '1', registry_check: '1' }, 'fr');
  assert.ok(a.ok);
  assert.equal(a.value.medical_check, false);
  assert.equal(a.value.security_check, true);
  const bad = parseConvoyForm({ to_prison: 'KNB', planned_departure_at: 'demain' }, 'en');
  assert.ok(!bad.ok);
  assert.ok(bad.errors.some((e) => e.name === 'planned_departure_at'));
});
