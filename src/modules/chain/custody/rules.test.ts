/** Custody before prison's rules, without a database. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  creditFrom,
  DEFAULT_CUSTODY_RULES,
  evaluateCustody,
  heldWithoutCharge,
  hoursText,
  ruleFor,
  type StageFacts,
} from './rules.js';

const at = (s: string) => new Date(s);
const stage = (over: Partial<StageFacts> & Pick<StageFacts, 'fromAt'>): StageFacts => ({
  id: 's',
  toAt: null,
  legalBasis: 'garde_a_vue',
  extensions: 0,
  terrorism: false,
  ...over,
});
const R = DEFAULT_CUSTODY_RULES;

test('a garde à vue within 48 hours is not flagged; past it, it is, by the minutes over', () => {
  const ok = evaluateCustody(
    [stage({ fromAt: at('2026-11-01T08:00:00Z'), toAt: at('2026-11-03T08:00:00Z') })],
    R,
    at('2026-11-03T10:00:00Z'),
  );
  assert.equal(ok.countedMinutes, 48 * 60);
  assert.equal(ok.limitMinutes, 48 * 60);
  assert.equal(ok.over, false);
  const over = evaluateCustody([stage({ fromAt: at('2026-11-01T08:00:00Z') })], R, at('2026-11-04T09:30:00Z'));
  assert.equal(over.over, true);
  assert.equal(over.overMinutes, 25 * 60 + 30);
  assert.equal(hoursText(over.overMinutes), '25 h 30');
});

test('an extension adds its hours, never more than the rule allows; terrorism has three', () => {
  const s = [stage({ fromAt: at('2026-11-01T08:00:00Z'), toAt: at('2026-11-05T08:00:00Z'), extensions: 2 })];
  const ordinary = evaluateCustody(s, R, at('2026-11-06T00:00:00Z'));
  assert.equal(ordinary.limitMinutes, 96 * 60);
  assert.equal(ordinary.extensionsBeyondRule, true);
  assert.equal(ordinary.over, false);
  const longer = [{ ...s[0], toAt: at('2026-11-07T08:00:00Z') }];
  assert.equal(evaluateCustody(longer, R, at('2026-11-08T00:00:00Z')).over, true);
  const terror = evaluateCustody(
    longer.map((x) => ({ ...x, terrorism: true })),
    R,
    at('2026-11-08T00:00:00Z'),
  );
  assert.equal(terror.category, 'terrorism');
  assert.equal(terror.limitMinutes, 144 * 60);
  assert.equal(terror.extensionsBeyondRule, false);
  assert.equal(terror.over, false);
});

test('a chain of stages adds up (overlaps once); a prosecutor’s order stops the clock', () => {
  const e = evaluateCustody(
    [
      stage({ id: 'a', fromAt: at('2026-11-01T08:00:00Z'), toAt: at('2026-11-02T08:00:00Z') }),
      stage({
        id: 'b',
        fromAt: at('2026-11-02T06:00:00Z'),
        toAt: at('2026-11-03T20:00:00Z'),
        legalBasis: 'not_stated',
      }),
      stage({ id: 'c', fromAt: at('2026-11-03T20:00:00Z'), legalBasis: 'prosecutor_order' }),
    ],
    R,
    at('2026-11-10T08:00:00Z'),
  );
  assert.equal(e.countedMinutes, 60 * 60);
  assert.equal(e.overMinutes, 12 * 60);
  assert.equal(e.firstDay, '2026-11-01');
  assert.equal(creditFrom(e, true), '2026-11-01');
  assert.equal(creditFrom(e, false), null);
});

test('no stage: nothing counted, nothing flagged, nothing credited', () => {
  const e = evaluateCustody([], R, at('2026-11-10T08:00:00Z'));
  assert.equal(e.over, false);
  assert.equal(e.firstDay, null);
});

test('the rule in force on the first day: a later rule applies from its date only', () => {
  const later = { ...R[0], id: 'x', effectiveFrom: '2026-06-13', initialHours: 72 };
  assert.equal(ruleFor([...R, later], 'ordinary', '2026-06-12')?.initialHours, 48);
  assert.equal(ruleFor([...R, later], 'ordinary', '2026-06-13')?.initialHours, 72);
});

test('held without charge: after the set time, no committal order or judgment; charged is never alerted', () => {
  const arrivedAt = at('2026-11-01T10:00:00Z');
  assert.equal(
    heldWithoutCharge({ arrivedAt, charged: false, now: at('2026-11-03T10:00:00Z'), thresholdHours: 48 }).alert,
    false,
  );
  const late = heldWithoutCharge({ arrivedAt, charged: false, now: at('2026-11-04T10:00:00Z'), thresholdHours: 48 });
  assert.equal(late.alert, true);
  assert.equal(late.hoursOver, 24);
  assert.equal(
    heldWithoutCharge({ arrivedAt, charged: true, now: at('2026-12-04T10:00:00Z'), thresholdHours: 48 }).alert,
    false,
  );
});

test('the seeded rules agree with DEFAULT_CUSTODY_RULES', () => {
  const sql = readFileSync(new URL('../../../../migrations/20261203_1000_chain_custody.sql', import.meta.url), 'utf8');
  for (const r of DEFAULT_CUSTODY_RULES)
    assert.ok(
      sql.includes(
        `('${r.id}', '${r.category}', '${r.effectiveFrom}', ${r.initialHours}, ${r.extensionHours}, ${r.maxExtensions},`,
      ),
      r.category,
    );
});
