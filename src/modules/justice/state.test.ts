import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { addDays, addMonths } from './calendar.js';
import {
  alertsForCase,
  backlogFigures,
  DEFAULT_SETTINGS,
  evaluateCase,
  type LegalTitle,
  type TitleKind,
} from './rules.js';
import { alertsFromSnapshot, backlogFromSnapshots, monthsReached, snapshotOf } from './state.js';

const KINDS: TitleKind[] = [
  'committal_order',
  'arrest_warrant',
  'extension_order',
  'extension_order',
  'committal_for_trial',
  'conviction',
  'remission',
  'acquittal',
  'appeal',
];
const CHARGES = [
  [{ category: 'felony', terrorismRelated: false }],
  [{ category: 'misdemeanour', terrorismRelated: false }],
  [{ category: 'felony', terrorismRelated: true }],
  [],
];

/** A random case whose titles and hearings all come before `computedOn` (what the service guarantees). */
const caseArb = (computedOn: string) =>
  fc
    .record({
      admittedBack: fc.integer({ min: 0, max: 1500 }),
      ended: fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }),
      titles: fc.array(
        fc.record({
          kind: fc.constantFrom(...KINDS),
          after: fc.integer({ min: 0, max: 500 }),
          stated: fc.option(fc.constantFrom('felony', 'misdemeanour_over_2y', 'misdemeanour_2y_or_less'), {
            nil: null,
          }),
        }),
        { maxLength: 6 },
      ),
      charges: fc.integer({ min: 0, max: CHARGES.length - 1 }),
      hearings: fc.array(
        fc.record({
          back: fc.integer({ min: 0, max: 800 }),
          outcome: fc.constantFrom('held', 'adjourned', 'not_produced', null),
        }),
        { maxLength: 3 },
      ),
    })
    .map((r) => {
      const admittedOn = addDays(computedOn, -r.admittedBack);
      let d = admittedOn;
      const titles: LegalTitle[] = r.titles.map((t, i) => {
        d = addDays(d, t.after);
        const issuedOn = d > computedOn ? computedOn : d;
        return {
          id: `s${i}`,
          kind: t.kind,
          issuedOn,
          authorityKind: 'investigating_judge',
          authority: 'TGI',
          reference: `R${i}`,
          offenceCategory: t.kind === 'committal_order' ? t.stated : null,
          sentence: t.kind === 'conviction' ? { years: 1, months: i } : null,
          reduction: t.kind === 'remission' ? { months: 2 } : null,
        };
      });
      return {
        admissionId: 'a',
        prisonId: 'P',
        admittedOn,
        endedOn: r.ended ? addDays(admittedOn, r.ended + r.admittedBack) : null,
        titles,
        charges: CHARGES[r.charges],
        hearings: r.hearings.map((h) => ({ date: addDays(computedOn, -h.back), outcome: h.outcome })),
      };
    });

test('alerts from the stored state equal the alerts recomputed from the titles, on the day and after', () => {
  const computedOn = '2026-06-15';
  fc.assert(
    fc.property(caseArb(computedOn), fc.integer({ min: 0, max: 900 }), (c, later) => {
      const snap = snapshotOf(evaluateCase(c, computedOn), c);
      const asOf = addDays(computedOn, later);
      assert.deepEqual(
        alertsFromSnapshot(snap, asOf, DEFAULT_SETTINGS),
        alertsForCase(evaluateCase(c, asOf), DEFAULT_SETTINGS),
      );
    }),
    { numRuns: 3000, seed: 9 },
  );
});

test('the backlog from stored states equals the backlog recomputed from the cases', () => {
  const computedOn = '2026-06-15';
  fc.assert(
    fc.property(fc.array(caseArb(computedOn), { maxLength: 12 }), fc.integer({ min: 0, max: 400 }), (cases0, later) => {
      const cases = cases0.map((c, i) => ({ ...c, admissionId: `a${i}` }));
      const asOf = addDays(computedOn, later);
      const expected = backlogFigures(cases, asOf, DEFAULT_SETTINGS);
      const months = new Map<string, number>();
      for (const c of cases)
        for (const h of c.hearings)
          if (h.outcome === 'held' || h.outcome === 'adjourned')
            months.set(h.date.slice(0, 7), (months.get(h.date.slice(0, 7)) ?? 0) + 1);
      const got = backlogFromSnapshots(
        cases.map((c) => snapshotOf(evaluateCase(c, computedOn), c)),
        asOf,
        DEFAULT_SETTINGS,
        months,
      );
      assert.deepEqual(got, expected);
    }),
    { numRuns: 500, seed: 9 },
  );
});

test('the no-hearing threshold compared without building the date equals addMonths(since, n) <= asOf (month ends, leap years)', () => {
  const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2023-01-01', n));
  fc.assert(
    fc.property(day, fc.integer({ min: 0, max: 40 }), fc.integer({ min: -5, max: 400 }), (since, months, later) => {
      const asOf = addDays(addMonths(since, months), later - 200 > 0 ? later - 200 : (later % 5) - 2);
      assert.equal(
        monthsReached(since, months, asOf),
        addMonths(since, months) <= asOf,
        `${since} + ${months} months vs ${asOf}`,
      );
    }),
    { numRuns: 20000, seed: 9 },
  );
  assert.equal(monthsReached('2026-01-31', 1, '2026-02-28'), true);
  assert.equal(monthsReached('2026-01-31', 1, '2026-02-27'), false);
  assert.equal(monthsReached('2024-01-31', 1, '2024-02-28'), false);
});
