import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  countsAgainstQuota,
  daysWithoutContact,
  refusalOf,
  regionDistanceKm,
  rulesFor,
  weekday,
  weekOf,
  type RuleFacts,
  type VisitFacts,
} from './rules.js';

const FRIDAY = '2026-12-04';
const rule = (over: Partial<RuleFacts> = {}): RuleFacts => ({
  id: 'r',
  unitId: null,
  regimeLevel: null,
  weekday: 5,
  starts: '08:00',
  ends: '12:00',
  perPersonWeek: 2,
  visitorsPerVisit: 3,
  roomCapacity: 50,
  ...over,
});
const facts = (over: Partial<VisitFacts> = {}): VisitFacts => ({
  kind: 'family',
  day: FRIDAY,
  time: '09:00',
  held: true,
  prisonId: 'BKO',
  visitors: [{ name: 'Awa Traoré', bans: [] }],
  restrictions: [],
  regime: { perWeek: 2, reason: null },
  rules: [rule()],
  weekCount: 0,
  roomCount: 0,
  ...over,
});

test('weekdays and weeks', () => {
  assert.equal(weekday(FRIDAY), 5);
  assert.equal(weekday('2026-12-06'), 7);
  assert.deepEqual(weekOf(FRIDAY), { from: '2026-11-30', to: '2026-12-07' });
});

test('a visit within the rules is accepted', () => {
  assert.equal(refusalOf(facts()), null);
});

test('a banned visitor is refused with the ban’s reason, a lifted or other prison’s ban is not', () => {
  const ban = { prisonId: 'BKO', reason: 'Téléphone', fromDate: '2026-01-01', untilDate: null, liftedAt: null };
  assert.deepEqual(refusalOf(facts({ visitors: [{ name: 'Awa', bans: [ban] }] })), {
    code: 'visitor_banned',
    detail: 'Téléphone (Awa)',
  });
  assert.equal(refusalOf(facts({ visitors: [{ name: 'Awa', bans: [{ ...ban, liftedAt: new Date() }] }] })), null);
  assert.equal(refusalOf(facts({ visitors: [{ name: 'Awa', bans: [{ ...ban, prisonId: 'KLK' }] }] })), null);
  assert.equal(refusalOf(facts({ visitors: [{ name: 'Awa', bans: [{ ...ban, untilDate: '2026-12-01' }] }] })), null);
  // Every prison's ban, and a legal visit too.
  assert.equal(
    refusalOf(facts({ kind: 'legal', visitors: [{ name: 'Me X', bans: [{ ...ban, prisonId: null }] }] }))?.code,
    'visitor_banned',
  );
});

test('a restriction refuses family visits only, with the decision’s reason', () => {
  const r = {
    basis: 'judicial_order',
    reason: 'Ordonnance',
    fromDate: '2026-12-01',
    untilDate: '2026-12-31',
    liftedAt: null,
  };
  assert.deepEqual(refusalOf(facts({ restrictions: [r] })), { code: 'person_restricted', detail: 'Ordonnance' });
  assert.equal(refusalOf(facts({ kind: 'legal', restrictions: [r] })), null);
  assert.equal(refusalOf(facts({ restrictions: [{ ...r, untilDate: '2026-12-02' }] })), null);
});

test('quota: the tighter of the regime and the rules; legal visits never count', () => {
  assert.equal(refusalOf(facts({ weekCount: 2 }))?.code, 'weekly_quota');
  assert.equal(
    refusalOf(facts({ weekCount: 1, regime: { perWeek: 1, reason: 'Décision du 2 mars' } }))?.detail,
    '1/1 — Décision du 2 mars',
  );
  assert.equal(refusalOf(facts({ kind: 'legal', weekCount: 9 })), null);
  assert.equal(countsAgainstQuota({ kind: 'legal', state: 'ended' }), false);
  assert.equal(countsAgainstQuota({ kind: 'family', state: 'refused' }), false);
  assert.equal(countsAgainstQuota({ kind: 'family', state: 'booked' }), true);
});

test('hours, visitors per visit, room capacity', () => {
  assert.equal(refusalOf(facts({ time: '13:00' }))?.code, 'outside_hours');
  assert.equal(refusalOf(facts({ day: '2026-12-03' }))?.code, 'outside_hours');
  const four = [1, 2, 3, 4].map((i) => ({ name: `V${i}`, bans: [] }));
  assert.equal(refusalOf(facts({ visitors: four }))?.code, 'too_many_visitors');
  assert.equal(refusalOf(facts({ roomCount: 50 }))?.code, 'room_full');
  // No rules set: no hours to keep.
  assert.equal(refusalOf(facts({ rules: [], time: '22:00' })), null);
});

test('special rules of a unit or a regime level replace the general ones', () => {
  const general = rule({ id: 'g' });
  const high = rule({ id: 'h', regimeLevel: 'high', weekday: 3 });
  const unitB = rule({ id: 'u', unitId: 'B', weekday: 2 });
  const all = [general, high, unitB];
  assert.deepEqual(
    rulesFor(all, { unitId: 'A', regimeLevel: 'medium' }).map((r) => r.id),
    ['g'],
  );
  assert.deepEqual(
    rulesFor(all, { unitId: 'A', regimeLevel: 'high' }).map((r) => r.id),
    ['h'],
  );
  assert.deepEqual(
    rulesFor(all, { unitId: 'B', regimeLevel: null }).map((r) => r.id),
    ['u'],
  );
});

test('distance between regions: great circle between chefs-lieux, rounded to 10 km', () => {
  assert.equal(regionDistanceKm('BKO', 'BKO'), 0);
  const gao = regionDistanceKm('GAO', 'BKO')!;
  assert.ok(gao > 900 && gao < 1000, String(gao));
  assert.equal(regionDistanceKm('GAO', 'BKO'), regionDistanceKm('BKO', 'GAO'));
  assert.equal(regionDistanceKm(null, 'BKO'), null);
  assert.equal(regionDistanceKm('ATLANTIS', 'BKO'), null);
});

test('days without contact count from the last contact, or the admission', () => {
  const now = new Date('2026-12-04T12:00:00Z');
  assert.equal(daysWithoutContact(null, new Date('2026-09-01T00:00:00Z'), now), 94);
  assert.equal(daysWithoutContact(new Date('2026-12-01T12:00:00Z'), new Date('2026-09-01T00:00:00Z'), now), 3);
});
