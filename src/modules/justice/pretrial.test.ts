import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  alertsForCase,
  backlogFigures,
  type CaseInput,
  computePretrial,
  DEFAULT_PRETRIAL_RULES,
  DEFAULT_SETTINGS,
  evaluateCase,
  expiredEpisodes,
  type LegalTitle,
  ruleFor,
  validateRule,
} from './rules.js';

let seq = 0;
function title(kind: LegalTitle['kind'], issuedOn: string, over: Partial<LegalTitle> = {}): LegalTitle {
  seq++;
  return {
    id: `p${String(seq).padStart(4, '0')}`,
    kind,
    issuedOn,
    authorityKind: 'investigating_judge',
    authority: 'Cabinet 2, TGI Commune III',
    reference: `PT-${seq}`,
    ...over,
  };
}
const R = DEFAULT_PRETRIAL_RULES;
const kase = (titles: LegalTitle[], over: Partial<CaseInput> = {}): CaseInput => ({
  admissionId: `a${++seq}`,
  prisonId: 'BKO',
  admittedOn: titles[0].issuedOn,
  titles,
  charges: [{ category: 'felony', terrorismRelated: false }],
  hearings: [],
  ...over,
});

describe('late extensions (art. 135: renewal before expiry)', () => {
  test('a late extension leaves the gap held without a valid title and gives no more than a timely renewal', () => {
    const co = title('committal_order', '2026-01-05');
    const late = title('extension_order', '2027-02-10');
    const p = computePretrial({ titles: [co, late], category: 'felony', rules: R, asOf: '2027-02-15' });
    assert.equal(p.periods[0].to, '2027-01-04');
    // Runs from its own date, to the end a renewal issued in time would have given: 4 January 2028.
    assert.equal(p.periods[1].from, '2027-02-10');
    assert.equal(p.periods[1].to, '2028-01-04');
    assert.deepEqual(p.periods[1].flags, ['late']);
    assert.deepEqual(p.gaps, [{ from: '2027-01-05', to: '2027-02-09', days: 36, closedBy: late.id }]);
    assert.equal(p.daysWithoutTitle, 36);
    assert.equal(p.expired, false);
    // The expired episode stays in the history, closed by the late extension.
    assert.deepEqual(expiredEpisodes(p), [
      { kind: 'expired', from: '2027-01-05', to: '2027-02-09', resolvedByTitleId: late.id },
    ]);
  });

  test('before the late extension the alert is on and open; after, it is gone from the list but kept in the figures', () => {
    const co = title('committal_order', '2026-01-05');
    const before = evaluateCase(kase([co]), '2027-02-01');
    assert.equal(alertsForCase(before)[0]?.kind, 'expired');
    assert.deepEqual(expiredEpisodes(before.pretrial), [
      { kind: 'expired', from: '2027-01-05', to: null, resolvedByTitleId: null },
    ]);
    assert.equal(before.pretrial.daysWithoutTitle, 28);
    const c = kase([co, title('extension_order', '2027-02-10')]);
    const after = evaluateCase(c, '2027-02-15');
    assert.ok(!alertsForCase(after).some((a) => a.kind === 'expired'));
    const b = backlogFigures([c], '2027-02-15');
    assert.deepEqual(b.all.withoutTitle, { people: 1, days: 36 });
    assert.equal(b.all.expiredTitles, 0);
  });

  test('a late extension issued after even a timely renewal would have ended covers nothing', () => {
    const co = title('committal_order', '2026-01-05', { offenceCategory: 'misdemeanour_over_2y' });
    const p = computePretrial({
      titles: [co, title('extension_order', '2027-02-01')],
      category: 'felony',
      rules: R,
      asOf: '2027-02-02',
    });
    // Art. 127: the renewal would have ended on 4 January 2027 — already the twelve-month maximum.
    assert.ok(p.periods[1].flags.includes('no_validity'));
    assert.equal(p.expiresOn, '2026-07-04');
    assert.equal(p.expired, true);
    assert.deepEqual(p.gaps, []);
    assert.equal(p.daysWithoutTitle, 213);
  });
});

describe('arrest warrants', () => {
  test('an arrest warrant holds only the short period of its rule, from the day the person is brought in', () => {
    const aw = title('arrest_warrant', '2025-06-01');
    const p = computePretrial({
      titles: [aw],
      category: 'felony',
      rules: R,
      detentionStart: '2026-03-02',
      asOf: '2026-03-05',
    });
    assert.equal(p.start, '2026-03-02');
    assert.equal(p.periods[0].from, '2026-03-02');
    assert.equal(p.periods[0].to, '2026-03-03');
    assert.equal(p.periods[0].ruleId, 'cpp2001-arrest-warrant');
    assert.match(p.periods[0].legalBasis!, /art\. 114/);
    assert.ok(p.periods[0].flags.includes('arrest_warrant_short_period'));
    assert.equal(p.expired, true);
    assert.equal(p.daysLeft, -2);
    // Not a one-year title: the alert is on.
    const e = evaluateCase(kase([aw], { admittedOn: '2026-03-02' }), '2026-03-05');
    assert.equal(alertsForCase(e)[0]?.kind, 'expired');
  });

  test('the arrest-warrant rule is data: an administrator can change it', () => {
    const rules = R.map((r) => (r.category === 'arrest_warrant' ? { ...r, initial: { days: 5 } } : r));
    const p = computePretrial({
      titles: [title('arrest_warrant', '2026-03-02')],
      category: 'felony',
      rules,
      asOf: '2026-03-05',
    });
    assert.equal(p.expiresOn, '2026-03-06');
    assert.deepEqual(validateRule(ruleFor(R, 'arrest_warrant', '2026-01-01')!), []);
  });

  test('the committal order runs from the committal and never restarts the legal maximum', () => {
    const aw = title('arrest_warrant', '2026-01-10');
    const co = title('committal_order', '2026-01-11');
    // Art. 127: six months from the committal, one extension; twelve months in all from 10 January.
    const ext = title('extension_order', '2026-07-01');
    const p = computePretrial({
      titles: [aw, co, ext],
      category: 'misdemeanour_over_2y',
      rules: R,
      asOf: '2026-08-01',
    });
    assert.equal(p.start, '2026-01-10');
    assert.equal(p.periods[1].from, '2026-01-11');
    assert.equal(p.periods[1].to, '2026-07-10');
    assert.equal(p.legalMaximumOn, '2027-01-09');
    assert.equal(p.periods[2].to, '2027-01-09');
    assert.ok(p.periods[2].flags.includes('capped_at_legal_maximum'));
    assert.equal(p.expiresOn, '2027-01-09');
    // A committal order issued later (a new judge) is capped at the same maximum: nothing restarts.
    const again = title('committal_order', '2026-12-01');
    const q = computePretrial({
      titles: [aw, co, ext, again],
      category: 'misdemeanour_over_2y',
      rules: R,
      asOf: '2026-12-02',
    });
    assert.equal(q.periods[3].to, '2027-01-09');
    assert.ok(q.periods[3].flags.includes('capped_at_legal_maximum'));
  });

  test('a committal order brought after the short period leaves a gap', () => {
    const p = computePretrial({
      titles: [title('arrest_warrant', '2026-03-02'), title('committal_order', '2026-03-10')],
      category: 'felony',
      rules: R,
      asOf: '2026-03-12',
    });
    assert.equal(p.gaps.length, 1);
    assert.equal(p.gaps[0].from, '2026-03-04');
    assert.equal(p.gaps[0].to, '2026-03-09');
    assert.equal(p.periods[1].to, '2027-03-09');
    assert.equal(p.legalMaximumOn, '2029-03-01');
  });
});

describe('caps and the category', () => {
  test('an extension stating more than the rule allows is capped at the legal period, flag kept', () => {
    const co = title('committal_order', '2026-03-09');
    const long = title('extension_order', '2026-09-01', { period: { months: 12 } });
    const p = computePretrial({ titles: [co, long], category: 'misdemeanour_over_2y', rules: R, asOf: '2026-09-02' });
    assert.equal(p.periods[1].to, '2027-03-08');
    assert.ok(p.periods[1].flags.includes('period_exceeds_rule'));
    const felony = computePretrial({
      titles: [
        title('committal_order', '2026-01-05'),
        title('extension_order', '2026-12-28', { validUntil: '2028-06-30' }),
      ],
      category: 'felony',
      rules: R,
      asOf: '2027-01-02',
    });
    assert.equal(felony.periods[1].to, '2028-01-04');
    assert.ok(felony.periods[1].flags.includes('period_exceeds_rule'));
    const co2 = computePretrial({
      titles: [title('committal_order', '2026-01-05', { validUntil: '2027-12-31' })],
      category: 'felony',
      rules: R,
      asOf: '2026-01-06',
    });
    assert.equal(co2.periods[0].to, '2027-01-04');
    assert.ok(co2.periods[0].flags.includes('period_exceeds_rule'));
  });

  test('an unknown misdemeanour category takes art. 125 (one month), shown as assumed, with an alert', () => {
    const c = kase([title('committal_order', '2026-03-09')], {
      charges: [{ category: 'misdemeanour', terrorismRelated: false }],
    });
    const e = evaluateCase(c, '2026-03-20');
    assert.equal(e.category, 'misdemeanour_2y_or_less');
    assert.equal(e.categoryAssumed, true);
    assert.equal(e.pretrial.expiresOn, '2026-04-08');
    assert.ok(e.pretrial.periods[0].flags.includes('category_assumed'));
    assert.deepEqual(
      alertsForCase(e, DEFAULT_SETTINGS).map((a) => a.kind),
      ['expiring', 'category_assumed'],
    );
    // A category stated on the order is not assumed.
    const stated = evaluateCase(
      kase([title('committal_order', '2026-03-09', { offenceCategory: 'misdemeanour_over_2y' })], {
        charges: [{ category: 'misdemeanour', terrorismRelated: false }],
      }),
      '2026-03-20',
    );
    assert.equal(stated.categoryAssumed, false);
    assert.equal(stated.pretrial.expiresOn, '2026-09-08');
    assert.ok(!alertsForCase(stated).some((a) => a.kind === 'category_assumed'));
  });
});
