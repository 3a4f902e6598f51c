import assert from 'node:assert/strict';
import { test } from 'node:test';
import { congestionRate, hasRoom, occupancy, sumCapacity } from './rules.js';

test('congestion rate is population over official capacity, as a percentage', () => {
  assert.equal(congestionRate(2000, 400), 500);
  assert.equal(congestionRate(3364, 400), 841);
  assert.equal(congestionRate(1, 3), 33.3);
});

test('an unknown or zero capacity gives an unknown rate, never 0', () => {
  assert.equal(congestionRate(120, null), null);
  assert.equal(congestionRate(120, 0), null);
  assert.deepEqual(occupancy(5, null), { population: 5, capacity: null, congestion_rate: null });
});

test('capacities sum only what is known and count the unknown', () => {
  assert.deepEqual(sumCapacity([400, 200, null, 50]), { known: 650, unknown: 1 });
});

test('room in a cell', () => {
  assert.equal(hasRoom(3, 4), true);
  assert.equal(hasRoom(4, 4), false);
  assert.equal(hasRoom(4, null), null);
});
