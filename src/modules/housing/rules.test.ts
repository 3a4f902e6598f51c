import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type BreachOccupant, cellBreaches, checkAllocation, type Occupant, resolveRefusals } from './rules.js';

const p = (id: string, o: Partial<Occupant> = {}): Occupant => ({
  personId: id,
  sex: 'male',
  untried: true,
  minor: false,
  level: 'medium',
  ...o,
});
const cell = (occupants: Occupant[], capacity: number | null = 4, unitId = 'U1') => ({
  id: 'C1',
  unitId,
  capacity,
  occupants,
});
const mixed = { highRisk: 'mixed' as const, unitId: null };
const codes = (r: { code: string }[]) => r.map((x) => x.code);

test('a cell with room, same category: allowed', () => {
  assert.deepEqual(checkAllocation({ person: p('a'), cell: cell([p('b')]), keepApart: new Set(), policy: mixed }), []);
});

test('every reason is given at once', () => {
  const r = checkAllocation({
    person: p('a'),
    cell: cell([p('b', { untried: false }), p('c', { sex: 'female' }), p('d', { minor: true }), p('e')], 4),
    keepApart: new Set(['e']),
    policy: mixed,
  });
  assert.deepEqual(codes(r), [
    'capacity',
    'untried_with_convicted',
    'women_with_men',
    'minor_with_adult',
    'keep_apart',
  ]);
});

test('an unknown capacity never refuses', () => {
  assert.deepEqual(
    checkAllocation({
      person: p('a'),
      cell: cell(
        Array.from({ length: 40 }, (_, i) => p(`x${i}`)),
        null,
      ),
      keepApart: new Set(),
      policy: mixed,
    }),
    [],
  );
});

test('a person whose minority is assumed (age uncertain) is kept from adults, and may share with minors', () => {
  const doubt = p('a', { minor: true, minorAssumed: true });
  assert.deepEqual(checkAllocation({ person: doubt, cell: cell([p('b')]), keepApart: new Set(), policy: mixed }), [
    { code: 'minor_with_adult', assumed: true },
  ]);
  assert.deepEqual(checkAllocation({ person: p('c'), cell: cell([doubt]), keepApart: new Set(), policy: mixed }), [
    { code: 'minor_with_adult', assumed: true },
  ]);
  assert.deepEqual(
    checkAllocation({ person: doubt, cell: cell([p('d', { minor: true })]), keepApart: new Set(), policy: mixed }),
    [],
  );
  assert.deepEqual(
    checkAllocation({ person: p('e', { minor: true }), cell: cell([p('f')]), keepApart: new Set(), policy: mixed }),
    [{ code: 'minor_with_adult', assumed: false }],
  );
});

test('only a director overrides a rule; a standing delegation lets the officer exceed capacity only', () => {
  const full = { code: 'capacity' as const, population: 30, capacity: 30 };
  const mix = { code: 'untried_with_convicted' as const };
  const officer = {
    director: false,
    overrideReason: null,
    overCapacityReason: 'Aucune place ailleurs',
    capacityDelegated: true,
  };
  assert.deepEqual(resolveRefusals([full], officer), {
    standing: [],
    waived: [full],
    byDelegation: true,
    needsDirector: false,
  });
  assert.deepEqual(resolveRefusals([full, mix], officer).standing, [mix], 'separation is never delegated');
  assert.deepEqual(
    resolveRefusals([full], { ...officer, capacityDelegated: false }).standing,
    [full],
    'default: not delegated',
  );
  assert.deepEqual(
    resolveRefusals([full], { ...officer, overCapacityReason: null }).standing,
    [full],
    'a reason for each placement',
  );
  assert.equal(resolveRefusals([mix], { ...officer, overrideReason: 'x' }).needsDirector, true);
  const director = {
    director: true,
    overrideReason: 'Seule cellule sous surveillance',
    overCapacityReason: null,
    capacityDelegated: false,
  };
  assert.deepEqual(resolveRefusals([full, mix], director), {
    standing: [],
    waived: [full, mix],
    byDelegation: false,
    needsDirector: false,
  });
  assert.deepEqual(
    resolveRefusals([full, mix], { ...director, overrideReason: null }).standing,
    [full, mix],
    'without a reason, nothing is overridden',
  );
});

test('breaches: every separation rule the occupants break now, and whether an override covers it', () => {
  const b = (id: string, o: Partial<BreachOccupant> = {}): BreachOccupant => ({ ...p(id), overridden: [], ...o });
  assert.deepEqual(cellBreaches([b('a'), b('b')]), []);
  // A conviction after placement: untried and convicted now share the cell, nobody overrode it.
  assert.deepEqual(cellBreaches([b('a'), b('b', { untried: false })]), [
    { rule: 'untried_with_convicted', sides: [['a'], ['b']], overriddenBy: [], covered: false },
  ]);
  // The director placed an untried man among convicted men, with a reason: covered.
  const cov = cellBreaches([
    b('a', { overridden: ['untried_with_convicted'] }),
    b('b', { untried: false }),
    b('c', { untried: false }),
  ]);
  assert.deepEqual(cov, [
    { rule: 'untried_with_convicted', sides: [['a'], ['b', 'c']], overriddenBy: ['a'], covered: true },
  ]);
  // ... but not a second untried person who was never the object of an override.
  assert.equal(
    cellBreaches([b('a', { overridden: ['untried_with_convicted'] }), b('d'), b('b', { untried: false })])[0].covered,
    false,
  );
  // Women with men, minors with adults (assumed minors included), keep-apart pairs.
  const all = cellBreaches(
    [b('a'), b('w', { sex: 'female' }), b('m', { minor: true, minorAssumed: true }), b('k')],
    [
      ['a', 'k'],
      ['k', 'a'],
      ['a', 'gone'],
    ],
  );
  assert.deepEqual(
    all.map((x) => [x.rule, x.sides]),
    [
      ['women_with_men', [['w'], ['a', 'm', 'k']]],
      ['minor_with_adult', [['m'], ['a', 'w', 'k']]],
      ['keep_apart', [['a'], ['k']]],
    ],
  );
});

test('high-risk policy: concentrate in a unit, or disperse', () => {
  const conc = { highRisk: 'concentrate' as const, unitId: 'QS' };
  assert.deepEqual(
    codes(
      checkAllocation({
        person: p('a', { level: 'high' }),
        cell: cell([], 4, 'U1'),
        keepApart: new Set(),
        policy: conc,
      }),
    ),
    ['policy_concentrate_outside'],
  );
  assert.deepEqual(
    codes(
      checkAllocation({
        person: p('a', { level: 'low' }),
        cell: cell([], 4, 'QS'),
        keepApart: new Set(),
        policy: conc,
      }),
    ),
    ['policy_concentrate_reserved'],
  );
  assert.deepEqual(
    checkAllocation({ person: p('a', { level: 'high' }), cell: cell([], 4, 'QS'), keepApart: new Set(), policy: conc }),
    [],
  );
  assert.deepEqual(
    codes(
      checkAllocation({
        person: p('a', { level: 'high' }),
        cell: cell([p('b', { level: 'high' })]),
        keepApart: new Set(),
        policy: { highRisk: 'disperse', unitId: null },
      }),
    ),
    ['policy_disperse'],
  );
});

test('ethnicity and religion cannot separate anyone: the inputs do not carry them', () => {
  const withEthnicity = (id: string, ethnicity: string) => ({ ...p(id), ethnicity, religion: 'x' }) as Occupant;
  assert.deepEqual(
    checkAllocation({
      person: withEthnicity('a', 'peul'),
      cell: cell([withEthnicity('b', 'bambara'), withEthnicity('c', 'tamasheq')]),
      keepApart: new Set(),
      policy: mixed,
    }),
    [],
  );
});
