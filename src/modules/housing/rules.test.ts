import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkAllocation, type Occupant } from './rules.js';

const p = (id: string, o: Partial<Occupant> = {}): Occupant => ({ personId: id, sex: 'male', untried: true, minor: false, level: 'medium', ...o });
const cell = (occupants: Occupant[], capacity: number | null = 4, unitId = 'U1') => ({ id: 'C1', unitId, capacity, occupants });
const mixed = { highRisk: 'mixed' as const, unitId: null };
const codes = (r: { code: string }[]) => r.map((x) => x.code);

test('a cell with room, same category: allowed', () => {
  assert.deepEqual(checkAllocation({ person: p('a'), cell: cell([p('b')]), keepApart: new Set(), policy: mixed }), []);
});

test('every reason is given at once', () => {
  const r = checkAllocation({ person: p('a'), cell: cell([p('b', { untried: false }), p('c', { sex: 'female' }), p('d', { minor: true }), p('e')], 4), keepApart: new Set(['e']), policy: mixed });
  assert.deepEqual(codes(r), ['capacity', 'untried_with_convicted', 'women_with_men', 'minor_with_adult', 'keep_apart']);
});

test('an unknown capacity never refuses; an unknown age never counts as a minor', () => {
  assert.deepEqual(checkAllocation({ person: p('a', { minor: null }), cell: cell(Array.from({ length: 40 }, (_, i) => p(`x${i}`, { minor: true })), null), keepApart: new Set(), policy: mixed }), []);
});

test('high-risk policy: concentrate in a unit, or disperse', () => {
  const conc = { highRisk: 'concentrate' as const, unitId: 'QS' };
  assert.deepEqual(codes(checkAllocation({ person: p('a', { level: 'high' }), cell: cell([], 4, 'U1'), keepApart: new Set(), policy: conc })), ['policy_concentrate_outside']);
  assert.deepEqual(codes(checkAllocation({ person: p('a', { level: 'low' }), cell: cell([], 4, 'QS'), keepApart: new Set(), policy: conc })), ['policy_concentrate_reserved']);
  assert.deepEqual(checkAllocation({ person: p('a', { level: 'high' }), cell: cell([], 4, 'QS'), keepApart: new Set(), policy: conc }), []);
  assert.deepEqual(codes(checkAllocation({ person: p('a', { level: 'high' }), cell: cell([p('b', { level: 'high' })]), keepApart: new Set(), policy: { highRisk: 'disperse', unitId: null } })), ['policy_disperse']);
});

test('ethnicity and religion cannot separate anyone: the inputs do not carry them', () => {
  const withEthnicity = (id: string, ethnicity: string) => ({ ...p(id), ethnicity, religion: 'x' }) as Occupant;
  assert.deepEqual(checkAllocation({ person: withEthnicity('a', 'peul'), cell: cell([withEthnicity('b', 'bambara'), withEthnicity('c', 'tamasheq')]), keepApart: new Set(), policy: mixed }), []);
});
