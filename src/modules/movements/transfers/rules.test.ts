import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  arrivalErrors,
  deciderSide,
  type DecisionFacts,
  directionFor,
  isActive,
  mayDo,
  moneyTotals,
  noticeErrors,
  propertyFromInventory,
  requestErrors,
  stateAfterDecision,
  stateAfterDirectors,
  TRANSFER_STATES,
} from './rules.js';

const BKO = 'bko',
  KNB = 'knb';
const fresh = (over: Partial<DecisionFacts> = {}): DecisionFacts => ({
  state: 'requested',
  fromPrisonId: BKO,
  toPrisonId: KNB,
  sending: { decision: null, by: null },
  receiving: { decision: null, by: null },
  ...over,
});
const director = (userId: string, prisons: string[]) => ({ userId, national: false, prisonIds: prisons });
const national = { userId: 'dnap', national: true, prisonIds: [] };

test('the state machine: which action in which state', () => {
  assert.ok(mayDo('requested', 'decide'));
  assert.ok(mayDo('escalated', 'decide'));
  assert.ok(!mayDo('approved', 'decide'));
  assert.ok(mayDo('approved', 'depart'));
  assert.ok(!mayDo('requested', 'depart'), 'no departure before the decision');
  assert.ok(!mayDo('escalated', 'depart'));
  assert.ok(mayDo('in_transit', 'arrive'));
  assert.ok(!mayDo('approved', 'arrive'), 'no arrival before the departure');
  assert.ok(mayDo('approved', 'cancel'));
  assert.ok(!mayDo('in_transit', 'cancel'), 'no cancelling once on the road');
  for (const s of ['arrived', 'refused', 'cancelled'] as const)
    for (const a of ['decide', 'depart', 'arrive', 'cancel', 'assign'] as const) assert.ok(!mayDo(s, a), `${s} ${a}`);
  assert.deepEqual(TRANSFER_STATES.filter(isActive), ['requested', 'escalated', 'approved', 'in_transit']);
});

test('two directors agree, refuse, or disagree (then the national administration decides)', () => {
  assert.equal(stateAfterDirectors(null, null), 'requested');
  assert.equal(stateAfterDirectors('approved', null), 'requested');
  assert.equal(stateAfterDirectors('refused', null), 'requested');
  assert.equal(stateAfterDirectors('approved', 'approved'), 'approved');
  assert.equal(stateAfterDirectors('refused', 'refused'), 'refused');
  assert.equal(stateAfterDirectors('approved', 'refused'), 'escalated');
  assert.equal(stateAfterDirectors('refused', 'approved'), 'escalated');
  const t = fresh({ sending: { decision: 'approved', by: 'd1' } });
  assert.equal(stateAfterDecision(t, 'receiving', 'refused'), 'escalated');
  assert.equal(stateAfterDecision(t, 'receiving', 'approved'), 'approved');
  assert.equal(stateAfterDecision(fresh({ state: 'escalated' }), 'national', 'approved'), 'approved');
  assert.equal(stateAfterDecision(fresh({ state: 'escalated' }), 'national', 'refused'), 'refused');
});

test('who may decide: each director for their own prison, the national level only when they disagree', () => {
  assert.deepEqual(deciderSide(director('d1', [BKO]), fresh()), { side: 'sending' });
  assert.deepEqual(deciderSide(director('d2', [KNB]), fresh()), { side: 'receiving' });
  assert.deepEqual(deciderSide(director('d3', ['klk']), fresh()), { refusal: 'error.out_of_scope' });
  assert.deepEqual(deciderSide(national, fresh()), { refusal: 'movements.transfers.directors_first' });
  assert.deepEqual(deciderSide(national, fresh({ state: 'escalated' })), { side: 'national' });
  assert.deepEqual(deciderSide(director('d1', [BKO]), fresh({ state: 'escalated' })), {
    refusal: 'movements.transfers.national_decides',
  });
  // A director already heard is not heard twice.
  assert.deepEqual(deciderSide(director('d1', [BKO]), fresh({ sending: { decision: 'approved', by: 'd1' } })), {
    refusal: 'movements.transfers.already_decided',
  });
  // Someone with both prisons in scope decides for one side only.
  assert.deepEqual(deciderSide(director('d1', [BKO, KNB]), fresh({ sending: { decision: 'approved', by: 'd1' } })), {
    refusal: 'movements.transfers.both_sides',
  });
  assert.deepEqual(deciderSide(director('d1', [BKO]), fresh({ state: 'approved' })), {
    refusal: 'movements.transfers.not_now',
  });
});

test('a request: another prison, open, the person held in the sending one and not already moving', () => {
  const ok = { fromPrisonId: BKO, toPrisonId: KNB, toStatus: 'open', heldInSendingPrison: true, activeTransfer: false };
  assert.deepEqual(requestErrors(ok), []);
  assert.deepEqual(
    requestErrors({ ...ok, toPrisonId: BKO }).map((e) => e.key),
    ['movements.transfers.same_prison'],
  );
  assert.deepEqual(
    requestErrors({ ...ok, toStatus: 'closed' }).map((e) => e.key),
    ['movements.transfers.prison_closed'],
  );
  assert.deepEqual(
    requestErrors({ ...ok, toStatus: 'destroyed' }).map((e) => e.field),
    ['/to_prison'],
  );
  assert.deepEqual(
    requestErrors({ ...ok, toPrisonId: null }).map((e) => e.key),
    ['movements.transfers.prison_unknown'],
  );
  assert.deepEqual(
    requestErrors({ ...ok, activeTransfer: true }).map((e) => e.key),
    ['movements.transfers.already_moving'],
  );
  assert.deepEqual(
    requestErrors({ ...ok, heldInSendingPrison: false }).map((e) => e.key),
    ['movements.transfers.not_held'],
  );
});

test('family notice: who, how, when — or why not', () => {
  assert.deepEqual(noticeErrors({ notified: true, relative: 'Awa Maïga (épouse)', method: 'phone' }), []);
  assert.deepEqual(
    noticeErrors({ notified: true, relative: ' ', method: null }).map((e) => e.field),
    ['/relative', '/method'],
  );
  assert.deepEqual(
    noticeErrors({ notified: false }).map((e) => e.key),
    ['movements.transfers.notice_why_not'],
  );
  assert.deepEqual(noticeErrors({ notified: false, reason_not: 'Aucun proche connu, refus du détenu' }), []);
  const now = new Date('2026-12-01T10:00:00Z');
  assert.deepEqual(
    noticeErrors({ notified: true, relative: 'x', method: 'letter', notified_at: '2026-12-02T10:00:00Z' }, now).map(
      (e) => e.key,
    ),
    ['field.date_in_future'],
  );
});

test('arrival: the three checks of the shortened reception, after the departure', () => {
  const dep = new Date('2026-12-01T06:00:00Z');
  const base = { security_check: true, medical_check: true, registry_check: true, departedAt: dep };
  assert.deepEqual(arrivalErrors({ ...base, arrivedAt: new Date('2026-12-01T11:00:00Z') }), []);
  assert.deepEqual(
    arrivalErrors({ ...base, medical_check: false, arrivedAt: new Date('2026-12-01T11:00:00Z') }).map((e) => e.field),
    ['/medical_check'],
  );
  assert.deepEqual(
    arrivalErrors({ ...base, arrivedAt: new Date('2026-12-01T05:00:00Z') }).map((e) => e.key),
    ['movements.transfers.arrival_before_departure'],
  );
});

test('property from the registry inventory, money totalled by currency', () => {
  const p = propertyFromInventory({
    items: [
      { item: 'Montre', quantity: 1 },
      { item: 'Ceinture', quantity: 1, description: 'cuir' },
    ],
    money: [
      { amount: 12500, currency: 'XOF' },
      { amount: 2500, currency: 'XOF' },
      { amount: 20, currency: 'EUR' },
    ],
    phones: [{ description: 'Itel', imei: '356789' }],
    notes: 'ignored',
  });
  assert.equal(p.items.length, 2);
  assert.equal(p.items[1].description, 'cuir');
  assert.deepEqual(moneyTotals(p), [
    { currency: 'EUR', amount: 20 },
    { currency: 'XOF', amount: 15000 },
  ]);
  assert.deepEqual(propertyFromInventory(null), { items: [], money: [], id_documents: [], phones: [] });
  assert.deepEqual(propertyFromInventory({ items: 'nonsense' }).items, []);
});

test('the board: leaving, coming, or not this prison', () => {
  assert.equal(directionFor(BKO, { fromPrisonId: BKO, toPrisonId: KNB }), 'out');
  assert.equal(directionFor(KNB, { fromPrisonId: BKO, toPrisonId: KNB }), 'in');
  assert.equal(directionFor('klk', { fromPrisonId: BKO, toPrisonId: KNB }), null);
});
