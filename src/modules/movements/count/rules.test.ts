import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  dailyBalance,
  dailyMovements,
  discrepancy,
  escortTimeErrors,
  expectedPerCell,
  isOutAt,
  isOverdue,
  missingCells,
  nextAttempt,
  roundResult,
  slotsOf,
  sumDaily,
  unplaced,
  validationRefusal,
} from './rules.js';

const at = (hhmm: string) => new Date(`2026-12-02T${hhmm}:00Z`);

test('an escort is out between leaving and coming back, overdue once past the expected time', () => {
  const e = { out_at: at('08:00'), expected_back_at: at('14:00'), back_at: null };
  assert.equal(isOutAt(e, at('07:59')), false);
  assert.equal(isOutAt(e, at('08:00')), true);
  assert.equal(isOutAt(e, at('20:00')), true);
  assert.equal(isOverdue(e, at('13:59')), false);
  assert.equal(isOverdue(e, at('14:01')), true);
  const back = { ...e, back_at: at('15:00') };
  assert.equal(isOutAt(back, at('15:00')), false);
  assert.equal(isOutAt(back, at('14:59')), true);
  assert.equal(isOverdue(back, at('16:00')), false, 'back: no longer overdue');
});

test('escort times: the expected return after departure, the return not before departure', () => {
  assert.deepEqual(escortTimeErrors(at('08:00'), at('14:00')), []);
  assert.deepEqual(
    escortTimeErrors(at('08:00'), at('08:00')).map((e) => e.field),
    ['/expected_back_at'],
  );
  assert.deepEqual(
    escortTimeErrors(at('08:00'), at('09:00'), at('07:00')).map((e) => e.field),
    ['/back_at'],
  );
});

const held = [
  { admission_id: 'a1', unit_id: 'U', cell_id: 'c1' },
  { admission_id: 'a2', unit_id: 'U', cell_id: 'c1' },
  { admission_id: 'a3', unit_id: 'U', cell_id: 'c1' },
  { admission_id: 'a4', unit_id: 'U', cell_id: 'c2' },
  { admission_id: 'a5', unit_id: 'U', cell_id: null },
  { admission_id: 'a6', unit_id: null, cell_id: null },
  { admission_id: 'a7', unit_id: 'V', cell_id: 'elsewhere' },
];

test('expected per cell: open placements minus the people out on escort', () => {
  const e = expectedPerCell(['c1', 'c2', 'c3'], held, new Set(['a2', 'a7']));
  assert.deepEqual(e, [
    { cell_id: 'c1', placed: 3, out: 1, expected: 2 },
    { cell_id: 'c2', placed: 1, out: 0, expected: 1 },
    { cell_id: 'c3', placed: 0, out: 0, expected: 0 },
  ]);
});

test('people admitted but not placed in a cell, by unit and with no placement at all', () => {
  assert.deepEqual(
    unplaced(held, 'U').map((h) => h.admission_id),
    ['a5'],
  );
  assert.deepEqual(
    unplaced(held, null).map((h) => h.admission_id),
    ['a6'],
  );
});

test('discrepancy: counted minus expected', () => {
  assert.equal(discrepancy(3, 3), 0);
  assert.equal(discrepancy(3, 2), -1);
  assert.equal(discrepancy(0, 1), 1);
});

test('attempts and the cells a first count leaves out', () => {
  assert.equal(nextAttempt([]), 1);
  assert.equal(nextAttempt([{ attempt: 1 }, { attempt: 2 }, { attempt: 1 }]), 3);
  assert.deepEqual(missingCells(['c1', 'c2', 'c3'], [{ cell_id: 'c2' }]), ['c1', 'c3']);
});

const cells = [
  { cell_id: 'c1', placed: 3, out: 1, expected: 2 },
  { cell_id: 'c2', placed: 1, out: 0, expected: 1 },
];

test('a count discrepancy is shown per cell and for the unit; the recount is kept beside the first figures', () => {
  const first = [
    { cell_id: 'c1', attempt: 1, counted: 1, placed: 3, out: 1 },
    { cell_id: 'c2', attempt: 1, counted: 1, placed: 1, out: 0 },
  ];
  const r1 = roundResult(cells, first);
  assert.equal(r1.cells[0].difference, -1);
  assert.equal(r1.cells[1].difference, 0);
  assert.equal(r1.mismatched, 1);
  assert.equal(r1.expected, 3);
  assert.equal(r1.counted, 2);
  assert.equal(r1.difference, -1);
  assert.equal(r1.complete, true);
  assert.equal(r1.balanced, false);

  const r2 = roundResult(cells, [...first, { cell_id: 'c1', attempt: 2, counted: 2, placed: 3, out: 1 }]);
  assert.equal(r2.cells[0].counted, 2);
  assert.equal(r2.cells[0].difference, 0);
  assert.deepEqual(
    r2.cells[0].attempts.map((a) => [a.attempt, a.counted, a.difference]),
    [
      [1, 1, -1],
      [2, 2, 0],
    ],
  );
  assert.equal(r2.balanced, true);
});

test('the expected figure of an attempt is that of its moment (someone back from court between count and recount)', () => {
  const r = roundResult(cells, [
    { cell_id: 'c1', attempt: 1, counted: 2, placed: 3, out: 1 },
    { cell_id: 'c2', attempt: 1, counted: 1, placed: 1, out: 0 },
    { cell_id: 'c1', attempt: 2, counted: 3, placed: 3, out: 0 },
  ]);
  assert.deepEqual(
    r.cells[0].attempts.map((a) => a.expected),
    [2, 3],
  );
  assert.equal(r.cells[0].expected, 3);
  assert.equal(r.balanced, true);
});

test('a round not complete until every cell is counted; closing needs a note while a discrepancy remains', () => {
  const partial = roundResult(cells, [{ cell_id: 'c1', attempt: 1, counted: 2, placed: 3, out: 1 }]);
  assert.equal(partial.complete, false);
  assert.equal(partial.cells[1].counted, null);
  assert.equal(validationRefusal(partial, 'x'), 'movements.count.incomplete');
  const off = roundResult(cells, [
    { cell_id: 'c1', attempt: 1, counted: 1, placed: 3, out: 1 },
    { cell_id: 'c2', attempt: 1, counted: 1, placed: 1, out: 0 },
  ]);
  assert.equal(validationRefusal(off, null), 'movements.count.note_required');
  assert.equal(validationRefusal(off, '   '), 'movements.count.note_required');
  assert.equal(validationRefusal(off, 'Transféré à l’infirmerie, vérifié'), null);
  const ok = roundResult(cells, [
    { cell_id: 'c1', attempt: 1, counted: 2, placed: 3, out: 1 },
    { cell_id: 'c2', attempt: 1, counted: 1, placed: 1, out: 0 },
  ]);
  assert.equal(validationRefusal(ok, null), null);
});

test('count times: configured names, else morning, noon and evening', () => {
  assert.deepEqual(slotsOf(null), ['morning', 'noon', 'evening']);
  assert.deepEqual(slotsOf([' ', '']), ['morning', 'noon', 'evening']);
  assert.deepEqual(slotsOf(['Appel de 6 h', 'Appel de 18 h', 'Appel de 6 h']), ['Appel de 6 h', 'Appel de 18 h']);
});

test('daily state arithmetic: start + in − out = end, by reason', () => {
  const mv = dailyMovements(
    [{ transfer: false }, { transfer: false }, { transfer: true }],
    [{ reason: 'release' }, { reason: 'release' }, { reason: 'transfer' }, { reason: 'escape' }, { reason: 'death' }],
  );
  assert.deepEqual(mv, { admissions: 2, transfers_in: 1, releases: 2, transfers_out: 1, escapes: 1, deaths: 1 });
  const f = { population_start: 100, population_end: 98, ...mv };
  assert.deepEqual(dailyBalance(f), { total_in: 3, total_out: 5, computed_end: 98, balanced: true });
  assert.equal(dailyBalance({ ...f, population_end: 97 }).balanced, false);
});

test('the national state sums the prisons', () => {
  const a = {
    population_start: 10,
    population_end: 11,
    out_on_escort: 2,
    admissions: 1,
    transfers_in: 0,
    releases: 0,
    transfers_out: 0,
    escapes: 0,
    deaths: 0,
    by_status: { awaiting_trial: 8, convicted: 3 },
  };
  const b = { ...a, population_start: 5, population_end: 4, releases: 1, admissions: 0, by_status: { convicted: 4 } };
  const t = sumDaily([a, b]);
  assert.equal(t.population_start, 15);
  assert.equal(t.population_end, 15);
  assert.equal(t.out_on_escort, 4);
  assert.equal(t.releases, 1);
  assert.deepEqual(t.by_status, { awaiting_trial: 8, convicted: 7 });
  assert.equal(dailyBalance(t).balanced, true);
});
