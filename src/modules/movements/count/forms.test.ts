/** The escort and count forms: parsed by the API's schemas; a bad enum value is a field error. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startOfBamakoDay } from '../../../core/dates.js';
import { parseCountForm, parseEscortForm, parseRecountForm, parseValidateForm, timeToday } from './forms.js';

const A = '0190f1a2-0000-7000-8000-000000000001';
const C1 = '0190f1a2-0000-7000-8000-0000000000c1';
const C2 = '0190f1a2-0000-7000-8000-0000000000c2';

test('a time of day becomes today’s instant in Bamako; anything else is left for the validator', () => {
  assert.equal(
    timeToday('08:30', '2026-12-02'),
    new Date(startOfBamakoDay('2026-12-02').getTime() + 510 * 60_000).toISOString(),
  );
  assert.equal(timeToday('8h05', '2026-12-02'), '2026-12-02T08:05:00.000Z');
  assert.equal(timeToday('25:00', '2026-12-02'), '25:00');
  assert.equal(timeToday('demain', '2026-12-02'), 'demain');
});

test('a good escort form gives the API input', () => {
  const r = parseEscortForm(
    {
      _csrf: 'x',
      admission_id: A,
      purpose: 'hospital',
      destination: 'Hôpital du Point G',
      officers: 'Sgt Traoré',
      out_at: '',
      expected_back_at: '14:00',
      notes: '',
    },
    'fr',
    '2026-12-02',
  );
  assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
  assert.equal(r.value.purpose, 'hospital');
  assert.equal(r.value.expected_back_at, '2026-12-02T14:00:00.000Z');
  assert.equal(r.value.out_at, null);
});

test('the escort form: missing fields, a bad purpose and a bad time are field errors naming the field', () => {
  const r = parseEscortForm(
    { admission_id: A, purpose: 'picnic', destination: '', officers: '', expected_back_at: 'bientôt' },
    'fr',
  );
  assert.ok(!r.ok);
  const by = Object.fromEntries(r.errors.map((e) => [e.name, e]));
  assert.equal(by.purpose.kind, 'enum');
  assert.match(by.purpose.message, /^Motif de la sortie/);
  assert.equal(by.destination.kind, 'required');
  assert.equal(by.officers.kind, 'required');
  assert.equal(by.expected_back_at.kind, 'format');
  assert.match(by.expected_back_at.message, /08:30/);
  const en = parseEscortForm(
    { admission_id: A, purpose: 'picnic', destination: 'x', officers: 'y', expected_back_at: '10:00' },
    'en',
  );
  assert.ok(!en.ok);
  assert.match(en.errors[0].message, /^Purpose/);
});

test('the count grid: one figure per cell; an empty box or a negative figure names its cell', () => {
  const cells = [{ code: 'A-01' }, { code: 'A-02' }];
  const ok = parseCountForm(
    {
      unit_id: A,
      slot: 'morning',
      'counts.0.cell_id': C1,
      'counts.0.counted': '3',
      'counts.1.cell_id': C2,
      'counts.1.counted': '0',
    },
    'fr',
    cells,
  );
  assert.ok(ok.ok, JSON.stringify(!ok.ok && ok.errors));
  assert.deepEqual(ok.value.counts, [
    { cell_id: C1, counted: 3 },
    { cell_id: C2, counted: 0 },
  ]);
  const bad = parseCountForm(
    {
      unit_id: A,
      slot: 'morning',
      'counts.0.cell_id': C1,
      'counts.0.counted': '',
      'counts.1.cell_id': C2,
      'counts.1.counted': '-1',
    },
    'en',
    cells,
  );
  assert.ok(!bad.ok);
  assert.deepEqual(
    bad.errors.map((e) => e.name),
    ['counts.0.counted', 'counts.1.counted'],
  );
  assert.match(bad.errors[0].message, /^Cell A-01/);
  assert.match(bad.errors[1].message, /^Cell A-02/);
  const recount = parseRecountForm({ 'counts.0.cell_id': C1, 'counts.0.counted': 'trois' }, 'fr', [{ code: 'A-01' }]);
  assert.ok(!recount.ok);
  assert.match(recount.errors[0].message, /^Cellule A-01/);
});

test('the closing form takes an optional note', () => {
  const r = parseValidateForm({ note: '' }, 'fr');
  assert.ok(r.ok);
  assert.equal(r.value.note ?? null, null);
  const long = parseValidateForm({ note: 'x'.repeat(2001) }, 'fr');
  assert.ok(!long.ok);
});
