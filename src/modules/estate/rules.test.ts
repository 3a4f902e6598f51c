import assert from 'node:assert/strict';
import { test } from 'node:test';
import { congestionRate, hasRoom, inForce, occupancy, placesOn, sumCapacity } from './rules.js';

test('congestion rate is population over official capacity, as a percentage', () => {
  assert.equal(congestionRate(2000, 400), 500);
  assert.equal(congestionRate(3364, 400), 841);
  assert.equal(congestionRate(1, 3), 33.3);
});

test('an unknown or zero capacity gives an unknown rate, never 0', () => {
  assert.equal(congestionRate(120, null), null);
  assert.equal(congestionRate(120, 0), null);
  assert.deepEqual(occupancy(5, null), {
    population: 5,
    capacity: null,
    occupancy_rate: null,
    over_capacity: null,
    congestion_rate: null,
  });
});

test('capacities sum only what is known and count the unknown', () => {
  assert.deepEqual(sumCapacity([400, 200, null, 50]), { known: 650, unknown: 1 });
});

test('room in a cell', () => {
  assert.equal(hasRoom(3, 4), true);
  assert.equal(hasRoom(4, 4), false);
  assert.equal(hasRoom(4, null), null);
});

test('occupancy rate at every level; overcrowding is only the part above capacity', () => {
  assert.deepEqual(occupancy(3364, 400), {
    population: 3364,
    capacity: 400,
    occupancy_rate: 841,
    over_capacity: 2964,
    congestion_rate: 841,
  });
  assert.deepEqual(occupancy(300, 400), {
    population: 300,
    capacity: 400,
    occupancy_rate: 75,
    over_capacity: 0,
    congestion_rate: 75,
  });
});

test('the capacity in force on a date: the latest effective on or before it, a same-day correction winning', () => {
  const h = [
    { value: 400, effectiveFrom: null, recordedAt: '2026-01-01T00:00:00Z' },
    { value: 600, effectiveFrom: '2026-06-01', recordedAt: '2026-06-02T00:00:00Z' },
    { value: 650, effectiveFrom: '2026-06-01', recordedAt: '2026-06-03T00:00:00Z' },
    { value: 500, effectiveFrom: '2025-01-01', recordedAt: '2026-07-01T00:00:00Z' },
  ];
  assert.equal(inForce(h, '2024-12-31')!.value, 400, 'since before the records');
  assert.equal(inForce(h, '2025-06-01')!.value, 500, 'recorded late, in force from its own date');
  assert.equal(inForce(h, '2026-06-01')!.value, 650);
  assert.equal(inForce([{ value: 1, effectiveFrom: '2026-01-01', recordedAt: 'x' }], '2025-12-31'), undefined);
  // A prison closed, destroyed or under reconstruction offers no places.
  const cap = { value: 400, effectiveFrom: null, recordedAt: '' };
  assert.equal(placesOn(cap, { value: 'open', effectiveFrom: null, recordedAt: '' }), 400);
  assert.equal(placesOn(cap, { value: 'destroyed', effectiveFrom: '2012-04-01', recordedAt: '' }), 0);
  assert.equal(placesOn(undefined, undefined), null);
});
