import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addMonths, addPeriod, daysBetween, lastDayOf, subtractPeriod, workingDaysBefore } from './calendar.js';
import {
  alertsForCase,
  backlogFigures,
  type CaseInput,
  computePretrial,
  computeReleaseDate,
  DEFAULT_PRETRIAL_RULES,
  DEFAULT_SETTINGS,
  deriveLegalSituation,
  effectiveTitles,
  evaluateCase,
  type LegalTitle,
  median,
  offenceCategoryOf,
  percent,
  type PretrialRule,
  releaseFromTitles,
  ruleFor,
  sortAlerts,
  titleVersions,
  validateRule,
  versionProblems,
} from './rules.js';

let seq = 0;
function title(kind: LegalTitle['kind'], issuedOn: string, over: Partial<LegalTitle> = {}): LegalTitle {
  seq++;
  return {
    id: `t${String(seq).padStart(4, '0')}`,
    kind,
    issuedOn,
    authorityKind: 'investigating_judge',
    authority: 'Cabinet 1, TGI Commune VI',
    reference: `REF-${seq}`,
    ...over,
  };
}
const R = DEFAULT_PRETRIAL_RULES;

describe('calendar', () => {
  test('month arithmetic clamps at month ends, leap years included', () => {
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonths('2028-01-31', 1), '2028-02-29');
    assert.equal(addMonths('2026-03-31', -1), '2026-02-28');
    assert.equal(addMonths('2026-12-15', 1), '2027-01-15');
    assert.equal(addMonths('2026-01-15', -13), '2024-12-15');
    assert.equal(addPeriod('2024-02-29', { years: 1 }), '2025-02-28');
    assert.equal(addPeriod('2024-02-29', { years: 4 }), '2028-02-29');
    assert.equal(lastDayOf('2026-03-09', { months: 6 }), '2026-09-08');
    assert.equal(lastDayOf('2026-01-01', { years: 1 }), '2026-12-31');
    assert.equal(lastDayOf('2026-01-01', { days: 10 }), '2026-01-10');
    assert.equal(subtractPeriod('2027-12-31', { months: 3 }), '2027-09-30');
    assert.equal(daysBetween('2024-02-28', '2024-03-01'), 2);
    assert.equal(daysBetween('2026-02-28', '2026-03-01'), 1);
    assert.throws(() => daysBetween('2026-02-29', '2026-03-01'));
  });

  test('working days skip weekends', () => {
    // Friday 2026-11-27; 8 working days before Monday 2026-11-30 starts on Wednesday 2026-11-18.
    assert.equal(workingDaysBefore('2026-11-30', 1), '2026-11-27');
    assert.equal(workingDaysBefore('2026-11-30', 8), '2026-11-18');
  });
});

describe('legal titles and the legal situation', () => {
  test('the status and basis follow the titles, stage by stage', () => {
    const co = title('committal_order', '2026-03-09');
    const ext = title('extension_order', '2026-09-01');
    const cft = title('committal_for_trial', '2027-01-10', { authorityKind: 'indictment_chamber' });
    const conv = title('conviction', '2027-05-02', { authorityKind: 'assize_court', sentence: { years: 5 } });
    const app = title('appeal', '2027-05-10');
    const acq = title('acquittal', '2027-11-20', { authorityKind: 'appeal_court' });
    const all = [acq, app, conv, cft, ext, co]; // order given does not matter
    const at = (d: string) => deriveLegalSituation(all, d);
    assert.equal(at('2026-03-09').status, 'under_investigation');
    assert.equal(at('2026-03-09').basis?.id, co.id);
    assert.equal(at('2026-09-02').basis?.id, ext.id);
    assert.deepEqual(
      at('2026-09-02').detentionOrders.map((t) => t.id),
      [co.id, ext.id],
    );
    assert.equal(at('2027-01-10').status, 'awaiting_trial');
    assert.equal(at('2027-01-10').basis?.id, cft.id);
    assert.equal(at('2027-05-02').status, 'convicted');
    assert.equal(at('2027-05-02').basis?.id, conv.id);
    assert.equal(at('2027-05-11').status, 'appealing');
    assert.equal(at('2027-05-11').basis?.id, conv.id);
    const end = at('2027-12-01');
    assert.equal(end.status, 'acquitted');
    assert.equal(end.admissionStatus, 'appealing');
    assert.equal(end.basis, null);
    assert.equal(end.outcome?.id, acq.id);
  });

  test('a release order ends the basis; a new committal order starts a new case', () => {
    const co = title('committal_order', '2026-01-05');
    const rel = title('release_order', '2026-02-01');
    const co2 = title('committal_order', '2026-04-01');
    assert.equal(deriveLegalSituation([co, rel]).status, 'released');
    assert.equal(deriveLegalSituation([co, rel]).admissionStatus, 'under_investigation');
    const s = deriveLegalSituation([co, rel, co2]);
    assert.equal(s.status, 'under_investigation');
    assert.deepEqual(
      s.detentionOrders.map((t) => t.id),
      [co2.id],
    );
  });

  test('a trial court committal order does not send a convicted person back to investigation', () => {
    const conv = title('conviction', '2026-05-02', { sentence: { years: 2 } });
    const co = title('committal_order', '2026-05-02', { authorityKind: 'court_first_instance' });
    assert.equal(deriveLegalSituation([title('committal_order', '2026-01-01'), conv, co]).status, 'convicted');
  });

  test('out-of-sequence titles are kept and reported, not applied', () => {
    const s = deriveLegalSituation([
      title('committal_order', '2026-01-01'),
      title('appeal', '2026-02-01'),
      title('remission', '2026-03-01', { reduction: { months: 1 } }),
    ]);
    assert.equal(s.status, 'under_investigation');
    assert.deepEqual(
      s.warnings.map((w) => w.key),
      ['justice.warn.appeal_without_judgment', 'justice.warn.remission_without_judgment'],
    );
    assert.deepEqual(
      deriveLegalSituation([]).warnings.map((w) => w.key),
      ['justice.warn.no_title'],
    );
  });

  test('a correction supersedes, never replaces: derivation reads only the version in force', () => {
    const co = title('committal_order', '2026-03-09');
    const wrong = title('conviction', '2026-06-01', { sentence: { years: 1 } });
    const fixed = title('committal_for_trial', '2026-06-01', {
      supersedesId: wrong.id,
      correctionReason: 'Mauvais type de titre saisi',
    });
    const all = [co, wrong, fixed];
    assert.deepEqual(
      effectiveTitles(all).map((t) => t.id),
      [co.id, fixed.id],
    );
    assert.equal(deriveLegalSituation(all).status, 'awaiting_trial');
    // A second correction of the correction: only the last version counts; the chain is kept.
    const fixed2 = title('committal_for_trial', '2026-06-02', { supersedesId: fixed.id, correctionReason: 'Date' });
    assert.deepEqual(
      titleVersions([...all, fixed2], wrong.id).map((t) => t.id),
      [wrong.id, fixed.id, fixed2.id],
    );
    assert.deepEqual(
      effectiveTitles([...all, fixed2]).map((t) => t.id),
      [co.id, fixed2.id],
    );
    // A title withdrawn (recorded in error) no longer counts.
    assert.equal(
      deriveLegalSituation(
        [co, { ...fixed, withdrawn: true, withdrawnReason: 'autre détenu' }, wrong].filter((t) => t.id !== wrong.id),
      ).status,
      'under_investigation',
    );
    assert.deepEqual(
      versionProblems([co, wrong, fixed, title('committal_for_trial', '2026-06-03', { supersedesId: wrong.id })]).map(
        (p) => p.key,
      ),
      ['justice.warn.corrected_twice'],
    );
  });

  test('titles of the same day keep the order they were recorded in', () => {
    const conv = title('conviction', '2026-05-02', { sentence: { years: 1 }, recordedAt: '2026-05-02T10:00:00Z' });
    const app = title('appeal', '2026-05-02', { recordedAt: '2026-05-02T15:00:00Z' });
    assert.equal(deriveLegalSituation([app, conv]).status, 'appealing');
  });
});

describe('pre-trial limits', () => {
  test('rules are versioned by date and category', () => {
    const newer: PretrialRule = {
      ...R.find((r) => r.category === 'felony')!,
      id: 'test-2025',
      effectiveFrom: '2025-06-13',
      initial: { months: 4 },
    };
    const rules = [...R, newer];
    assert.equal(ruleFor(rules, 'felony', '2025-06-12')?.id, 'cpp2001-art135');
    assert.equal(ruleFor(rules, 'felony', '2025-06-13')?.id, 'test-2025');
    assert.equal(ruleFor(rules, 'felony', '1999-01-01'), null);
    const closed = [{ ...R[0], effectiveTo: '2025-06-13' }];
    assert.equal(ruleFor(closed, 'misdemeanour_2y_or_less', '2025-06-13'), null);
    const p = computePretrial({
      titles: [title('committal_order', '2025-07-01')],
      category: 'felony',
      rules,
      asOf: '2025-07-02',
    });
    assert.equal(p.expiresOn, '2025-10-31');
    assert.equal(p.periods[0].ruleId, 'test-2025');
  });

  test('art. 127: six months, one extension of six, twelve in all; an extension issued on the day the title expires continues it', () => {
    const co = title('committal_order', '2026-03-09');
    const asOf = '2026-09-01';
    let p = computePretrial({ titles: [co], category: 'misdemeanour_over_2y', rules: R, asOf });
    assert.equal(p.expiresOn, '2026-09-08');
    assert.equal(p.daysLeft, 7);
    assert.equal(p.daysInPretrial, daysBetween('2026-03-09', asOf) + 1);
    assert.equal(p.legalMaximumOn, '2027-03-08');
    const ext = title('extension_order', '2026-09-08');
    p = computePretrial({ titles: [co, ext], category: 'misdemeanour_over_2y', rules: R, asOf: '2026-09-08' });
    assert.equal(p.periods[1].from, '2026-09-09');
    assert.equal(p.periods[1].to, '2027-03-08');
    assert.deepEqual(p.periods[1].flags, []);
    assert.equal(p.expiresOn, '2027-03-08');
    assert.equal(p.currentTitleId, co.id); // the extension takes over the next day
    assert.equal(p.gaps.length, 0);
    assert.equal(p.expired, false);
    // A second extension is beyond the law: it gives nothing past twelve months.
    const ext2 = title('extension_order', '2027-03-01');
    p = computePretrial({ titles: [co, ext, ext2], category: 'misdemeanour_over_2y', rules: R, asOf: '2027-03-09' });
    assert.ok(p.periods[2].flags.includes('renewals_exceeded'));
    assert.ok(p.periods[2].flags.includes('no_validity'));
    assert.equal(p.expiresOn, '2027-03-08');
    assert.equal(p.daysLeft, -1);
    assert.equal(p.expired, true);
    assert.equal(p.renewalsUsed, 2);
    assert.equal(p.renewalsAllowed, 1);
  });

  test('an extension issued the day after expiry is late: the person was held without a title', () => {
    const co = title('committal_order', '2026-03-09');
    let p = computePretrial({
      titles: [co, title('extension_order', '2026-09-09')],
      category: 'misdemeanour_over_2y',
      rules: R,
      asOf: '2026-10-01',
    });
    assert.deepEqual(p.periods[1].flags, ['late']);
    assert.equal(p.periods[1].from, '2026-09-09');
    assert.deepEqual(p.gaps, []);
    p = computePretrial({
      titles: [co, title('extension_order', '2026-09-20')],
      category: 'misdemeanour_over_2y',
      rules: R,
      asOf: '2026-10-01',
    });
    assert.deepEqual(p.gaps, [{ from: '2026-09-09', to: '2026-09-19', days: 11, closedBy: p.periods[1].titleId }]);
    // The late order runs from its date, to the end a timely renewal would have given (not six months from its date).
    assert.equal(p.periods[1].from, '2026-09-20');
    assert.equal(p.periods[1].to, '2027-03-08');
    assert.deepEqual(p.periods[1].flags, ['late']);
    assert.equal(p.daysWithoutTitle, 11);
  });

  test('art. 125: one month, no extension; month ends', () => {
    const co = title('committal_order', '2026-01-31');
    let p = computePretrial({ titles: [co], category: 'misdemeanour_2y_or_less', rules: R, asOf: '2026-02-27' });
    assert.equal(p.expiresOn, '2026-02-27');
    assert.equal(p.daysLeft, 0);
    assert.equal(p.expired, false);
    p = computePretrial({
      titles: [co, title('extension_order', '2026-02-20')],
      category: 'misdemeanour_2y_or_less',
      rules: R,
      asOf: '2026-02-28',
    });
    assert.ok(p.periods[1].flags.includes('renewal_not_provided'));
    assert.equal(p.expiresOn, '2026-02-27');
    assert.equal(p.expired, true);
  });

  test('art. 135: a year, renewable yearly within 8 working days of expiry, three years in all, across leap years', () => {
    const co = title('committal_order', '2024-02-29', { offenceCategory: 'felony' });
    let p = computePretrial({ titles: [co], category: 'misdemeanour_over_2y', rules: R, asOf: '2025-02-01' });
    assert.equal(p.category, 'felony'); // the order's own category wins over the charges
    assert.equal(p.expiresOn, '2025-02-27');
    assert.equal(p.legalMaximumOn, '2027-02-27');
    const e1 = title('extension_order', '2025-02-20'); // Thursday 27 Feb 2025 expiry: window opens Tue 18 Feb
    const e2 = title('extension_order', '2026-01-05'); // far too early for a 26 Feb 2026 expiry
    const e3 = title('extension_order', '2027-02-22');
    p = computePretrial({ titles: [co, e1, e2, e3], category: 'felony', rules: R, asOf: '2027-02-25' });
    assert.deepEqual(
      p.periods.map((x) => [x.from, x.to]),
      [
        ['2024-02-29', '2025-02-27'],
        ['2025-02-28', '2026-02-27'],
        ['2026-02-28', '2027-02-27'],
        ['2027-02-28', '2027-02-27'],
      ],
    );
    assert.deepEqual(p.periods[1].flags, []);
    assert.deepEqual(p.periods[2].flags, ['early']);
    assert.ok(p.periods[3].flags.includes('no_validity'));
    assert.equal(p.expiresOn, '2027-02-27');
    assert.equal(p.daysLeft, 2);
    // 29 Feb 2024 to 25 Feb 2027, both ends counted.
    assert.equal(p.daysInPretrial, 366 + 365 + 362);
  });

  test('a committal for trial ends the investigation limits; the judgment ends pre-trial days', () => {
    const co = title('committal_order', '2026-01-10');
    const cft = title('committal_for_trial', '2026-08-01');
    let p = computePretrial({ titles: [co, cft], category: 'felony', rules: R, asOf: '2027-06-01' });
    assert.equal(p.applies, false);
    assert.equal(p.expiresOn, null);
    assert.equal(p.daysInPretrial, daysBetween('2026-01-10', '2027-06-01') + 1);
    p = computePretrial({
      titles: [co, cft, title('conviction', '2027-01-10', { sentence: { years: 3 } })],
      category: 'felony',
      rules: R,
      asOf: '2027-06-01',
    });
    assert.equal(p.daysInPretrial, 365);
  });

  test('the start is the earlier of the first order and the admission', () => {
    const p = computePretrial({
      titles: [title('committal_order', '2026-03-09')],
      category: 'felony',
      rules: R,
      detentionStart: '2026-03-10',
      asOf: '2026-03-10',
    });
    assert.equal(p.start, '2026-03-09');
    assert.equal(p.daysInPretrial, 2);
    const q = computePretrial({
      titles: [title('committal_order', '2026-03-09', { validUntil: '2026-04-30' })],
      category: 'felony',
      rules: [],
      asOf: '2026-05-01',
    });
    assert.deepEqual(q.periods[0].flags, ['no_rule']);
    assert.equal(q.expiresOn, '2026-04-30');
    assert.equal(q.expired, true);
  });

  test('the category follows the charges; art. 125 needs the maximum penalty and residence', () => {
    assert.deepEqual(offenceCategoryOf([{ category: 'felony', terrorismRelated: true }]), {
      category: 'terrorism',
      assumed: false,
    });
    assert.deepEqual(
      offenceCategoryOf([
        { category: 'misdemeanour', terrorismRelated: false },
        { category: 'felony', terrorismRelated: false },
      ]),
      { category: 'felony', assumed: false },
    );
    assert.deepEqual(
      offenceCategoryOf([{ category: 'misdemeanour', terrorismRelated: false, maxPenaltyMonths: 12 }], {
        residentInMali: true,
      }),
      { category: 'misdemeanour_2y_or_less', assumed: false },
    );
    // Residence unknown: doubt protects (art. 125), and the category is shown as assumed.
    assert.deepEqual(offenceCategoryOf([{ category: 'misdemeanour', terrorismRelated: false, maxPenaltyMonths: 12 }]), {
      category: 'misdemeanour_2y_or_less',
      assumed: true,
    });
    assert.deepEqual(
      offenceCategoryOf([{ category: 'misdemeanour', terrorismRelated: false, maxPenaltyMonths: 12 }], {
        residentInMali: false,
      }),
      { category: 'misdemeanour_over_2y', assumed: false },
    );
    assert.deepEqual(offenceCategoryOf([{ category: 'misdemeanour', terrorismRelated: false, maxPenaltyMonths: 60 }]), {
      category: 'misdemeanour_over_2y',
      assumed: false,
    });
  });

  test('the seeded rules are valid and flag what is not confirmed', () => {
    for (const r of R) assert.deepEqual(validateRule(r), [], r.id);
    assert.ok(R.find((r) => r.category === 'terrorism')!.toConfirm.includes('absoluteMax'));
    assert.ok(!R.find((r) => r.category === 'felony')!.toConfirm.includes('absoluteMax'));
    assert.deepEqual(
      validateRule({
        ...R[1],
        initial: {},
        maxRenewals: 2,
        renewal: null,
        absoluteMax: { months: 1, days: -1 },
        effectiveTo: '2000-01-01',
      })
        .map((e) => e.field)
        .sort(),
      ['/absolute_max', '/effective_to', '/initial', '/renewal'],
    );
  });
});

describe('release dates', () => {
  test('sentence, remand credit and remissions, step by step', () => {
    const r = computeReleaseDate({
      sentence: { years: 2 },
      sentenceStart: '2026-01-01',
      remandCreditDays: 100,
      reductions: [{ kind: 'remission', reference: 'D-2027-12', issuedOn: '2027-01-01', period: { months: 3 } }],
    });
    assert.equal(r.sentenceEnd, '2027-12-31');
    assert.equal(r.releaseOn, '2027-06-22'); // 31 Dec − 100 days = 22 Sep; − 3 months = 22 Jun
    assert.deepEqual(
      r.steps.map((s) => [s.key, s.date]),
      [
        ['justice.release.step.sentence', undefined],
        ['justice.release.step.start', '2026-01-01'],
        ['justice.release.step.end', '2027-12-31'],
        ['justice.release.step.remand_credit', '2027-09-22'],
        ['justice.release.step.remission', '2027-06-22'],
        ['justice.release.step.result', '2027-06-22'],
      ],
    );
    assert.equal(r.steps[0].params.years, 2);
  });

  test('leap day sentences, life, and credit that covers the whole sentence', () => {
    assert.equal(
      computeReleaseDate({ sentence: { months: 1 }, sentenceStart: '2028-01-31', remandCreditDays: 0, reductions: [] })
        .releaseOn,
      '2028-02-28',
    );
    assert.equal(
      computeReleaseDate({ sentence: { years: 1 }, sentenceStart: '2028-02-29', remandCreditDays: 0, reductions: [] })
        .releaseOn,
      '2029-02-27',
    );
    assert.equal(
      computeReleaseDate({ sentence: { days: 30 }, sentenceStart: '2028-02-15', remandCreditDays: 0, reductions: [] })
        .releaseOn,
      '2028-03-15',
    );
    const life = computeReleaseDate({
      sentence: { life: true },
      sentenceStart: '2026-01-01',
      remandCreditDays: 10,
      reductions: [],
    });
    assert.equal(life.releaseOn, null);
    const served = computeReleaseDate({
      sentence: { months: 6 },
      sentenceStart: '2026-06-01',
      remandCreditDays: 400,
      reductions: [],
    });
    assert.equal(served.servedInFull, true);
    assert.equal(served.releaseOn, '2026-06-01');
    assert.equal(served.steps.at(-1)!.key, 'justice.release.step.served_in_full');
  });

  test('from the titles: remand credit from the first order to the day before the judgment', () => {
    const co = title('committal_order', '2025-01-10');
    const conv = title('conviction', '2026-01-10', {
      authorityKind: 'pole_judiciaire_specialise',
      sentence: { years: 3 },
    });
    const rem = title('remission', '2026-06-01', { authorityKind: 'head_of_state', reduction: { months: 2 } });
    const r = releaseFromTitles([co, conv, rem], '2025-01-11')!;
    // 3 years from 10 Jan 2026 → last day 9 Jan 2029; credit 365 days → 10 Jan 2028; − 2 months → 10 Nov 2027.
    assert.equal(r.sentenceEnd, '2029-01-09');
    const credit = r.steps.find((s) => s.key === 'justice.release.step.remand_credit_computed')!;
    assert.deepEqual(
      [credit.params.days, credit.params.from, credit.params.to, credit.date],
      [365, '2025-01-10', '2026-01-09', '2028-01-10'],
    );
    assert.equal(r.releaseOn, '2027-11-10');
    // The court stated the credit itself, and the sentence start: both are used as written.
    const conv2 = { ...conv, id: 'c2', supersedesId: conv.id, remandCreditDays: 0, sentenceStart: '2025-01-10' };
    assert.equal(releaseFromTitles([co, conv, conv2], null)!.releaseOn, '2028-01-09');
    // A full pardon releases on its date.
    const pardon = title('pardon', '2026-12-31', { authorityKind: 'head_of_state', pardonScope: 'full' });
    assert.equal(releaseFromTitles([co, conv, pardon], null)!.releaseOn, '2026-12-31');
    assert.equal(releaseFromTitles([co], null), null);
  });
});

function caseOf(over: Partial<CaseInput> & { titles: LegalTitle[] }): CaseInput {
  seq++;
  return {
    admissionId: `a${String(seq).padStart(4, '0')}`,
    prisonId: 'BKO',
    admittedOn: over.titles[0]?.issuedOn ?? '2026-01-01',
    charges: [{ category: 'felony', terrorismRelated: false }],
    hearings: [],
    ...over,
  };
}

describe('alerts', () => {
  test('a person held past an expired title is the most serious alert, with the art. 129 duty', () => {
    const c = caseOf({
      titles: [title('committal_order', '2025-01-10')],
      charges: [{ category: 'misdemeanour', terrorismRelated: false, maxPenaltyMonths: 60 }],
      hearings: [{ date: '2025-06-01', outcome: 'held' }],
    });
    const asOf = '2025-07-20'; // six months ended on 9 July
    const alerts = alertsForCase(evaluateCase(c, asOf));
    assert.deepEqual(
      alerts.map((a) => [a.kind, a.severity, a.date, a.days, a.actionKey]),
      [['expired', 'critical', '2025-07-09', 11, 'justice.action.art129']],
    );
    // Released on time (admission ended): no alert.
    assert.deepEqual(alertsForCase(evaluateCase({ ...c, endedOn: '2025-07-09' }, asOf)), []);
    // On the last day: expiring, not expired.
    assert.deepEqual(
      alertsForCase(evaluateCase(c, '2025-07-09')).map((a) => [a.kind, a.days]),
      [['expiring', 0]],
    );
  });

  test('expiring within N days', () => {
    const c = caseOf({
      titles: [title('committal_order', '2026-01-01')],
      hearings: [{ date: '2026-10-01', outcome: 'held' }],
    }); // felony: last day 31 Dec 2026
    assert.deepEqual(
      alertsForCase(evaluateCase(c, '2026-12-01')).map((a) => [a.kind, a.days]),
      [['expiring', 30]],
    );
    assert.deepEqual(alertsForCase(evaluateCase(c, '2026-11-30')), []);
    assert.deepEqual(
      alertsForCase(evaluateCase(c, '2026-11-20', { ...DEFAULT_SETTINGS, expiringWithinDays: 45 }), {
        expiringWithinDays: 45,
        noHearingMonths: 12,
      }).map((a) => a.kind),
      ['expiring'],
    );
  });

  test('no hearing for M months counts only appearances that took place', () => {
    const c = caseOf({
      titles: [title('committal_order', '2026-01-01'), title('committal_for_trial', '2026-02-01')],
      hearings: [
        { date: '2026-01-15', outcome: 'held' },
        { date: '2026-05-01', outcome: 'not_produced' },
        { date: '2026-09-01', outcome: null },
      ],
    });
    assert.deepEqual(alertsForCase(evaluateCase(c, '2026-07-14')), []);
    const a = alertsForCase(evaluateCase(c, '2026-07-15'));
    assert.deepEqual(
      a.map((x) => [x.kind, x.date, x.days]),
      [['no_hearing', '2026-01-15', 181]],
    );
    assert.equal(evaluateCase(c, '2026-07-15').nextHearingOn, '2026-09-01');
    // With no hearing at all, counted from the start of detention.
    const d = caseOf({ titles: [title('committal_order', '2026-01-01')] });
    assert.deepEqual(
      alertsForCase(evaluateCase(d, '2026-07-01')).map((x) => x.kind),
      ['no_hearing'],
    );
  });

  test('release due: sentence served, or acquitted and still held', () => {
    const served = caseOf({
      titles: [title('committal_order', '2026-01-01'), title('conviction', '2026-03-01', { sentence: { months: 3 } })],
    });
    // 3 months from 1 Mar → 31 May, minus 59 days of remand credit → 2 Apr.
    assert.equal(evaluateCase(served, '2026-04-01').release?.releaseOn, '2026-04-02');
    // The day before: the release is near (within the expiring window), not yet due.
    assert.deepEqual(
      alertsForCase(evaluateCase(served, '2026-04-01')).map((a) => [a.kind, a.severity, a.days]),
      [['release_soon', 'warning', 1]],
    );
    assert.deepEqual(alertsForCase(evaluateCase(served, '2026-02-01')), []);
    assert.deepEqual(
      alertsForCase(evaluateCase(served, '2026-04-03')).map((a) => [a.kind, a.days]),
      [['release_due', 1]],
    );
    const acq = caseOf({ titles: [title('committal_order', '2026-01-01'), title('acquittal', '2026-03-01')] });
    assert.deepEqual(
      alertsForCase(evaluateCase(acq, '2026-03-01')).map((a) => [a.kind, a.severity]),
      [['release_due', 'critical']],
    );
  });

  test('alerts sort most serious first', () => {
    const list = sortAlerts([
      {
        kind: 'no_hearing',
        severity: 'warning',
        admissionId: 'a',
        prisonId: 'p',
        date: null,
        days: 300,
        titleId: null,
        actionKey: '',
      },
      {
        kind: 'expiring',
        severity: 'warning',
        admissionId: 'b',
        prisonId: 'p',
        date: null,
        days: 9,
        titleId: null,
        actionKey: '',
      },
      {
        kind: 'expiring',
        severity: 'warning',
        admissionId: 'c',
        prisonId: 'p',
        date: null,
        days: 2,
        titleId: null,
        actionKey: '',
      },
      {
        kind: 'expired',
        severity: 'critical',
        admissionId: 'd',
        prisonId: 'p',
        date: null,
        days: 1,
        titleId: null,
        actionKey: '',
      },
      {
        kind: 'expired',
        severity: 'critical',
        admissionId: 'e',
        prisonId: 'p',
        date: null,
        days: 40,
        titleId: null,
        actionKey: '',
      },
    ]);
    assert.deepEqual(
      list.map((a) => a.admissionId),
      ['e', 'd', 'c', 'b', 'a'],
    );
  });
});

describe('backlog figures', () => {
  test('shares round half up', () => {
    assert.equal(percent(7, 270), 3);
    assert.equal(percent(10, 49), 20);
    assert.equal(percent(1, 8), 13);
    assert.equal(percent(0, 0), null);
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([]), null);
  });

  test('counts, durations, expired titles and hearings as of a date', () => {
    const asOf = '2026-11-25';
    const terror = [{ category: 'felony', terrorismRelated: true }];
    const cases: CaseInput[] = [
      // untried, 10 days
      caseOf({ titles: [title('committal_order', '2026-11-16')], charges: terror }),
      // untried, awaiting trial, since 2024-11-25 (731 days), hearings
      caseOf({
        titles: [title('committal_order', '2024-11-25'), title('committal_for_trial', '2025-10-01')],
        charges: terror,
        hearings: [
          { date: '2026-10-05', outcome: 'held' },
          { date: '2026-11-03', outcome: 'adjourned' },
          { date: '2026-11-10', outcome: 'not_produced' },
        ],
      }),
      // untried, misdemeanour, title expired (6 months from 2026-01-01)
      caseOf({
        titles: [title('committal_order', '2026-01-01')],
        charges: [{ category: 'misdemeanour', terrorismRelated: false, maxPenaltyMonths: 36 }],
      }),
      // convicted
      caseOf({
        titles: [title('committal_order', '2025-01-01'), title('conviction', '2026-01-01', { sentence: { years: 5 } })],
        charges: terror,
      }),
      // appealing
      caseOf({
        titles: [title('conviction', '2026-05-01', { sentence: { years: 2 } }), title('appeal', '2026-05-05')],
      }),
      // released before asOf: not held
      caseOf({
        titles: [title('committal_order', '2026-01-01')],
        endedOn: '2026-06-01',
        hearings: [{ date: '2026-03-01', outcome: 'held' }],
      }),
      // admitted after asOf: not held
      caseOf({ titles: [title('committal_order', '2026-12-01')] }),
    ];
    const f = backlogFigures(cases, asOf);
    assert.equal(f.all.total, 5);
    assert.equal(f.all.untried, 3);
    assert.equal(f.all.underInvestigation, 2);
    assert.equal(f.all.awaitingTrial, 1);
    assert.equal(f.all.sentenced, 2);
    assert.equal(f.all.convicted, 1);
    assert.equal(f.all.appealing, 1);
    assert.equal(f.all.sentencedPercent, 40);
    assert.equal(f.all.untriedPercent, 60);
    assert.equal(f.all.pretrial.count, 3);
    assert.equal(f.all.pretrial.longestDays, 731);
    assert.equal(f.all.pretrial.longestAdmissionId, cases[1].admissionId);
    assert.equal(f.all.pretrial.medianDays, daysBetween('2026-01-01', asOf) + 1);
    assert.deepEqual(
      f.all.pretrial.distribution.map((b) => b.count),
      [1, 0, 0, 1, 0, 1, 0],
    );
    assert.equal(f.all.expiredTitles, 1);
    assert.equal(f.terrorismRelated.total, 3);
    assert.equal(f.terrorismRelated.sentenced, 1);
    assert.equal(f.terrorismRelated.sentencedPercent, 33);
    assert.equal(f.hearingsPerMonth.length, 12);
    assert.deepEqual(f.hearingsPerMonth.at(-1), { month: '2026-11', count: 1 });
    assert.deepEqual(
      f.hearingsPerMonth.find((m) => m.month === '2026-10'),
      { month: '2026-10', count: 1 },
    );
    assert.deepEqual(
      f.hearingsPerMonth.find((m) => m.month === '2026-03'),
      { month: '2026-03', count: 1 },
    );
    // The same records seen a year earlier.
    const before = backlogFigures(cases, '2025-11-25');
    assert.equal(before.all.total, 2);
    assert.equal(before.all.untried, 2);
    assert.equal(before.all.sentenced, 0);
  });
});
