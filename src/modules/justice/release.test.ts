import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { addDays, daysBetween, lastDayOf, type Period } from './calendar.js';
import {
  computeRelease,
  computeReleaseDate,
  releaseFromTitles,
  type SentenceRecord,
  type SentenceReduction,
} from './release.js';
import { evaluateCase, alertsForCase, type LegalTitle } from './rules.js';

let seq = 0;
function title(kind: LegalTitle['kind'], issuedOn: string, over: Partial<LegalTitle> = {}): LegalTitle {
  seq++;
  return {
    id: `r${String(seq).padStart(4, '0')}`,
    kind,
    issuedOn,
    authorityKind: 'court_first_instance',
    authority: 'TGI Commune III',
    reference: `REF-${seq}`,
    ...over,
  };
}

describe('release from several sentences', () => {
  test('two consecutive and two concurrent sentences, remand credit once for its own case, a remission on the first only', () => {
    // Case A: committal order 10 Jan 2024, judged 10 Jul 2024: 2 years; remission of 3 months on A alone.
    const coA = title('committal_order', '2024-01-10', { caseRef: 'RP-A' });
    const A = title('conviction', '2024-07-10', { caseRef: 'RP-A', sentence: { years: 2 } });
    // Case B: committal order while serving A; judged 1 Mar 2025: 1 year, consecutive to A.
    const coB = title('committal_order', '2025-02-01', { caseRef: 'RP-B' });
    const B = title('conviction', '2025-03-01', {
      caseRef: 'RP-B',
      sentence: { years: 1 },
      relation: 'consecutive',
      relatedToId: A.id,
    });
    const remA = title('remission', '2025-05-01', {
      authorityKind: 'head_of_state',
      caseRef: 'RP-A',
      reduction: { months: 3 },
      appliesToId: A.id,
    });
    // Case C: 6 months concurrent with A (confusion ordered); case D: 3 months concurrent with B.
    const C = title('conviction', '2025-06-01', {
      caseRef: 'RP-C',
      sentence: { months: 6 },
      relation: 'concurrent',
      relatedToId: A.id,
    });
    const D = title('conviction', '2025-09-01', {
      caseRef: 'RP-D',
      sentence: { months: 3 },
      relation: 'concurrent',
      relatedToId: B.id,
    });
    const r = releaseFromTitles([coA, A, coB, B, remA, C, D], '2024-01-10')!;
    const by = new Map(r.sentences.map((s) => [s.id, s]));
    // A: 10 Jul 2024 + 2 years → 9 Jul 2026; remand 10 Jan – 9 Jul 2024 = 182 days → 8 Jan 2026; − 3 months → 8 Oct 2025.
    assert.equal(by.get(A.id)!.creditDays, 182);
    assert.equal(by.get(A.id)!.releaseOn, '2025-10-08');
    // B starts the day after A ends; its case's remand was spent serving A: no credit; A's remission is not B's.
    assert.equal(by.get(B.id)!.start, '2025-10-09');
    assert.equal(by.get(B.id)!.creditDays, 0);
    assert.equal(by.get(B.id)!.releaseOn, '2026-10-08');
    assert.equal(by.get(C.id)!.start, '2025-06-01');
    assert.equal(by.get(C.id)!.releaseOn, '2025-11-30');
    assert.equal(by.get(D.id)!.releaseOn, '2025-11-30');
    assert.equal(r.creditDays, 182);
    assert.equal(r.releaseOn, '2026-10-08');
    // The breakdown names each sentence; one remission step, under A.
    const keys = r.steps.map((s) => s.key);
    assert.equal(keys.filter((k) => k === 'justice.release.step.remission').length, 1);
    assert.ok(keys.indexOf('justice.release.step.remission') < keys.indexOf('justice.release.step.consecutive'));
    assert.equal(keys.at(-1), 'justice.release.step.result_all');
    assert.equal(r.steps.at(-1)!.params.count, 4);
    // The old answer (the last judgment only) would have been 30 Nov 2025: release due fires 10 months early.
    const c = {
      admissionId: 'a1',
      prisonId: 'p1',
      admittedOn: '2024-01-10',
      titles: [coA, A, coB, B, remA, C, D],
      charges: [],
      hearings: [],
    };
    assert.deepEqual(
      alertsForCase(evaluateCase(c, '2025-12-01')).filter((a) => a.kind === 'release_due'),
      [],
    );
    assert.equal(alertsForCase(evaluateCase(c, '2026-10-09')).filter((a) => a.kind === 'release_due').length, 1);
  });

  test('a second sentence with no stated relation adds up, and says so', () => {
    const co = title('committal_order', '2025-01-01');
    const A = title('conviction', '2025-02-01', { sentence: { months: 6 } });
    const B = title('conviction', '2025-03-01', { sentence: { months: 2 } });
    const r = releaseFromTitles([co, A, B], '2025-01-01')!;
    // A: 1 Feb → 31 Jul, − 31 days of remand → 30 Jun. B follows: 1 Jul → 31 Aug (no credit: same sequence, already credited).
    assert.equal(r.sentences[0].releaseOn, '2025-06-30');
    assert.equal(r.sentences[1].start, '2025-07-01');
    assert.equal(r.sentences[1].relationAssumed, true);
    assert.equal(r.releaseOn, '2025-08-31');
    assert.ok(r.steps.some((s) => s.key === 'justice.release.step.consecutive_assumed'));
  });

  test('a remission that names no sentence goes to the sentence in force on its date, flagged', () => {
    const A = title('conviction', '2025-01-01', { caseRef: 'X', sentence: { years: 1 } });
    const rem = title('remission', '2025-06-01', { authorityKind: 'head_of_state', reduction: { months: 1 } });
    const B = title('conviction', '2025-07-01', {
      caseRef: 'Y',
      sentence: { months: 6 },
      relation: 'concurrent',
      relatedToId: A.id,
    });
    const r = releaseFromTitles([A, rem, B], null)!;
    assert.equal(r.sentences[0].releaseOn, '2025-11-30');
    assert.equal(r.sentences[1].releaseOn, '2025-12-31');
    assert.ok(
      r.steps.some((s) => s.key === 'justice.release.step.remission' && String(s.params.reference).endsWith('*')),
    );
  });

  test('suspended part', () => {
    const r = computeReleaseDate({
      sentence: { years: 2, suspended: { years: 1 } },
      sentenceStart: '2026-01-01',
      remandCreditDays: 10,
      reductions: [],
    });
    // 31 Dec 2027 − 1 year suspended → 31 Dec 2026 − 10 days → 21 Dec 2026.
    assert.equal(r.releaseOn, '2026-12-21');
    assert.deepEqual(
      r.steps.map((s) => s.key),
      [
        'justice.release.step.sentence',
        'justice.release.step.start',
        'justice.release.step.end',
        'justice.release.step.suspended',
        'justice.release.step.remand_credit',
        'justice.release.step.result',
      ],
    );
  });

  test('a fine alone gives no release date and holds nobody', () => {
    const r = computeReleaseDate({
      sentence: { fine: 500000 },
      sentenceStart: '2026-01-01',
      remandCreditDays: 0,
      reductions: [],
    });
    assert.equal(r.releaseOn, null);
    assert.equal(r.steps[0].key, 'justice.release.step.fine_only');
    // With a custodial sentence beside it, the fine changes nothing.
    const m = computeRelease({
      sentences: [
        { id: 'f', reference: 'F', caseKey: 'F', judgedOn: '2026-01-01', sentence: { fine: 100000 } },
        { id: 't', reference: 'T', caseKey: 'T', judgedOn: '2026-02-01', sentence: { months: 1 } },
      ],
      reductions: [],
      remand: [],
    });
    assert.equal(m.releaseOn, '2026-02-28');
  });

  test('life and death: no date, stated; commuted to a term: a date from the original start', () => {
    const life: SentenceRecord = {
      id: 'l',
      reference: 'AR-12',
      caseKey: 'K',
      judgedOn: '2010-03-01',
      sentence: { life: true },
    };
    const none = computeRelease({
      sentences: [life],
      reductions: [],
      remand: [{ caseKey: 'K', from: '2009-03-01', to: '2010-02-28' }],
    });
    assert.equal(none.releaseOn, null);
    assert.deepEqual(
      none.steps.map((s) => s.key),
      ['justice.release.step.life'],
    );
    const commutation: SentenceReduction = {
      id: 'g',
      kind: 'commutation',
      reference: 'D-2020-1',
      issuedOn: '2020-01-01',
      sentenceId: 'l',
      commutedTo: { years: 20 },
    };
    const r = computeRelease({
      sentences: [life],
      reductions: [commutation],
      remand: [{ caseKey: 'K', from: '2009-03-01', to: '2010-02-28' }],
    });
    // 20 years from 1 Mar 2010 → 28 Feb 2030; remand 365 days → 28 Feb 2029.
    assert.equal(r.sentences[0].creditDays, 365);
    assert.equal(r.releaseOn, '2029-02-28');
    assert.equal(r.steps[0].key, 'justice.release.step.commuted_life');
    const death = computeRelease({ sentences: [{ ...life, sentence: { death: true } }], reductions: [], remand: [] });
    assert.deepEqual([death.releaseOn, death.steps[0].key], [null, 'justice.release.step.death']);
    // A life sentence beside a term: no date for the person.
    const both = computeRelease({
      sentences: [life, { id: 't', reference: 'T', caseKey: 'T2', judgedOn: '2012-01-01', sentence: { years: 1 } }],
      reductions: [],
      remand: [],
    });
    assert.equal(both.releaseOn, null);
    assert.equal(both.steps.at(-1)!.key, 'justice.release.step.no_date');
  });

  test('commutation through the titles', () => {
    const A = title('conviction', '2015-01-01', { sentence: { death: true } });
    const g = title('pardon', '2020-06-01', {
      authorityKind: 'head_of_state',
      pardonScope: 'partial',
      commutedTo: { years: 15 },
      appliesToId: A.id,
    });
    assert.equal(releaseFromTitles([A], null)!.releaseOn, null);
    assert.equal(releaseFromTitles([A, g], null)!.releaseOn, '2029-12-31');
  });

  test('a full pardon naming one sentence ends that one only', () => {
    const A = title('conviction', '2025-01-01', { caseRef: 'X', sentence: { years: 3 } });
    const B = title('conviction', '2025-02-01', {
      caseRef: 'Y',
      sentence: { years: 1 },
      relation: 'concurrent',
      relatedToId: A.id,
    });
    const g = title('pardon', '2025-06-01', { authorityKind: 'head_of_state', pardonScope: 'full', appliesToId: A.id });
    const r = releaseFromTitles([A, B, g], null)!;
    assert.equal(r.releaseOn, '2026-01-31');
    const onlyA = releaseFromTitles([A, g], null)!;
    assert.equal(onlyA.releaseOn, '2025-06-01');
  });

  test('an appeal judgment replaces the judgment appealed', () => {
    const A = title('conviction', '2025-01-01', { caseRef: 'X', sentence: { years: 3 } });
    const ap = title('appeal', '2025-01-05', { caseRef: 'X', appliesToId: A.id });
    const A2 = title('conviction', '2025-09-01', {
      caseRef: 'X',
      authorityKind: 'appeal_court',
      sentence: { years: 1 },
      sentenceStart: '2025-01-01',
    });
    const r = releaseFromTitles([A, ap, A2], null)!;
    assert.equal(r.sentences.length, 1);
    assert.equal(r.releaseOn, '2025-12-31');
    assert.ok(releaseFromTitles([A, ap], null)!.steps.some((s) => s.key === 'justice.release.step.appeal_pending'));
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const dateArb = fc.integer({ min: 0, max: 365 * 40 }).map((n) => addDays('2000-01-01', n));
const termArb = fc
  .record({
    years: fc.integer({ min: 0, max: 30 }),
    months: fc.integer({ min: 0, max: 11 }),
    days: fc.integer({ min: 0, max: 30 }),
  })
  .filter((p) => p.years + p.months + p.days > 0);
const reductionArb = fc.record({
  years: fc.integer({ min: 0, max: 2 }),
  months: fc.integer({ min: 0, max: 11 }),
  days: fc.integer({ min: 0, max: 30 }),
});
/** An upper bound of a period in days (a year ≤ 366, a month ≤ 31). */
const maxDays = (p: Period) => (p.years ?? 0) * 366 + (p.months ?? 0) * 31 + (p.days ?? 0);

describe('release date properties', () => {
  test('one sentence: never after start + sentence, never before start + sentence − credit − remissions', () => {
    fc.assert(
      fc.property(
        dateArb,
        termArb,
        fc.integer({ min: 0, max: 2000 }),
        fc.array(reductionArb, { maxLength: 4 }),
        (start, term, credit, reds) => {
          const r = computeReleaseDate({
            sentence: term,
            sentenceStart: start,
            remandCreditDays: credit,
            reductions: reds.map((p, i) => ({
              kind: 'remission' as const,
              reference: `R${i}`,
              issuedOn: start,
              period: p,
            })),
          });
          const full = lastDayOf(start, term);
          assert.ok(r.releaseOn! <= full, `${r.releaseOn} after ${full}`);
          const floor = addDays(full, -(credit + reds.reduce((a, p) => a + maxDays(p), 0)));
          assert.ok(r.releaseOn! >= floor || r.releaseOn === start, `${r.releaseOn} before ${floor}`);
          assert.ok(r.releaseOn! >= start);
          assert.equal(r.servedInFull, r.steps.at(-1)!.key === 'justice.release.step.served_in_full');
        },
      ),
      { numRuns: 500 },
    );
  });

  test('several sentences: deductions never lengthen, credit counted once per case and never more than the remand', () => {
    const sentenceArb = fc.record({
      judged: fc.integer({ min: 0, max: 3000 }),
      term: termArb,
      rel: fc.constantFrom('consecutive', 'concurrent', null),
      relTo: fc.nat(),
      caseNo: fc.integer({ min: 0, max: 2 }),
    });
    fc.assert(
      fc.property(
        fc.array(sentenceArb, { minLength: 1, maxLength: 5 }),
        fc.array(
          fc.record({
            caseNo: fc.integer({ min: 0, max: 2 }),
            from: fc.integer({ min: 0, max: 3000 }),
            len: fc.integer({ min: 0, max: 700 }),
          }),
          { maxLength: 3 },
        ),
        fc.array(fc.record({ target: fc.nat(), p: reductionArb }), { maxLength: 4 }),
        (ss, rem, reds) => {
          const sentences: SentenceRecord[] = ss.map((s, i) => ({
            id: `s${i}`,
            reference: `S${i}`,
            caseKey: `K${s.caseNo}`,
            judgedOn: addDays('2020-01-01', s.judged),
            sentence: s.term,
            relation: s.rel,
            relatedTo: i > 0 && s.rel ? `s${s.relTo % i}` : null,
          }));
          const remand = rem.map((x) => ({
            caseKey: `K${x.caseNo}`,
            from: addDays('2019-06-01', x.from),
            to: addDays('2019-06-01', x.from + x.len),
          }));
          const reductions: SentenceReduction[] = reds.map((x, i) => ({
            id: `g${i}`,
            kind: 'remission',
            reference: `G${i}`,
            issuedOn: '2030-01-01',
            sentenceId: `s${x.target % ss.length}`,
            period: x.p,
          }));
          const bare = computeRelease({ sentences, reductions: [], remand: [] });
          const r = computeRelease({ sentences, reductions, remand });
          assert.ok(r.releaseOn! <= bare.releaseOn!, `${r.releaseOn} after ${bare.releaseOn}`);
          for (const s of r.sentences) assert.ok(s.releaseOn! >= s.start);
          // Each case credited at most once, and never more than its remand days.
          const perCase = new Map<string, number>();
          for (const s of r.sentences)
            if (s.creditDays) {
              assert.ok(!perCase.has(s.caseKey), 'credited twice');
              perCase.set(s.caseKey, s.creditDays);
            }
          for (const [k, d] of perCase) {
            const days = remand.filter((x) => x.caseKey === k).reduce((a, x) => a + daysBetween(x.from, x.to) + 1, 0);
            assert.ok(d <= days, `${k}: ${d} > ${days}`);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
