/**
 * The release date from all the sentences in force, pure: concurrent and consecutive sentences, each
 * case's remand credit counted once. See release.ts for the conventions.
 */
import { addDays, daysBetween, isEmptyPeriod, maxDate, minDate } from '../calendar.js';
import type { MultiRelease, MultiReleaseInput, SentenceRecord, SentenceRelation, SentenceResult } from './records.js';
import { computeReleaseDate, hasCustodialTerm, periodParams, type Sentence, type Step } from './sentence.js';

function daysOutside(from: string, to: string, intervals: readonly { from: string; to: string }[]): number {
  if (to < from) return 0;
  let total = daysBetween(from, to) + 1;
  const clipped = intervals
    .map((i) => ({ from: maxDate(i.from, from), to: minDate(i.to, to) }))
    .filter((i) => i.from <= i.to)
    .sort((a, b) => (a.from < b.from ? -1 : 1));
  let covered: { from: string; to: string } | null = null;
  for (const i of clipped) {
    if (covered && i.from <= addDays(covered.to, 1)) {
      covered.to = maxDate(covered.to, i.to);
      continue;
    }
    if (covered) total -= daysBetween(covered.from, covered.to) + 1;
    covered = { ...i };
  }
  if (covered) total -= daysBetween(covered.from, covered.to) + 1;
  return total;
}

/**
 * The release date from every sentence in force: each sentence computed on its own (its suspended
 * part, its case's remand credit, the reductions that name it), consecutive sentences starting the day
 * after the one they follow ends, concurrent ones running from their own start. The release date is
 * the latest last day; null (stated in the steps) while a life or death sentence is not commuted.
 */
export function computeRelease(input: MultiReleaseInput): MultiRelease {
  const byId = new Map(input.sentences.map((s) => [s.id, s]));
  const ordered = [...input.sentences].sort((a, b) =>
    a.judgedOn !== b.judgedOn ? (a.judgedOn < b.judgedOn ? -1 : 1) : a.id < b.id ? -1 : 1,
  );
  const results = new Map<string, SentenceResult>();
  const served: { from: string; to: string }[] = [];
  const creditedCases = new Set<string>();
  const visiting = new Set<string>();
  const steps: Step[] = [];
  let creditTotal = 0;

  const compute = (s: SentenceRecord): SentenceResult => {
    const done = results.get(s.id);
    if (done) return done;
    visiting.add(s.id);
    const own = s.start ?? s.judgedOn;
    let start = own;
    let relation: SentenceRelation | null = s.relation ?? null;
    let relatedTo: string | null =
      s.relatedTo && byId.has(s.relatedTo) && !visiting.has(s.relatedTo) ? s.relatedTo : null;
    let relationAssumed = false;
    if (!relation || !relatedTo) {
      // Not stated: sentences add up. Follow the sentence computed so far that ends last, if it is still running on this one's start.
      let latest: SentenceResult | null = null;
      for (const r of results.values())
        if (r.releaseOn && r.releaseOn >= own && (!latest || (latest.releaseOn ?? '') < r.releaseOn)) latest = r;
      const endless = [...results.values()].find((r) => !r.noCustody && r.releaseOn === null);
      if (latest && !endless) {
        relation = 'consecutive';
        relatedTo = latest.id;
        relationAssumed = true;
      } else {
        relation = null;
        relatedTo = null;
      }
    }
    if (relation === 'consecutive' && relatedTo) {
      const prev = compute(byId.get(relatedTo)!);
      if (prev.releaseOn) start = maxDate(own, addDays(prev.releaseOn, 1));
    }
    // Commutation replaces the term; a full pardon of this sentence removes it.
    const mine = input.reductions
      .filter((r) => r.sentenceId === s.id)
      .sort((a, b) => (a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : 0));
    let sentence: Sentence = s.sentence;
    const pre: Step[] = [];
    for (const c of mine.filter((r) => r.kind === 'commutation' && r.commutedTo && !isEmptyPeriod(r.commutedTo))) {
      pre.push({
        key: s.sentence.death
          ? 'justice.release.step.commuted_death'
          : s.sentence.life
            ? 'justice.release.step.commuted_life'
            : 'justice.release.step.commuted',
        params: { reference: c.reference, issued_on: c.issuedOn, ...periodParams(c.commutedTo!) },
      });
      sentence = { ...c.commutedTo!, ...(s.sentence.fine ? { fine: s.sentence.fine } : {}) };
    }
    const fullPardon = mine.find((r) => r.full);
    let credit = 0;
    let creditSpan: { from: string; to: string } | null = null;
    if (typeof s.remandCreditDays === 'number') credit = s.remandCreditDays;
    else if (hasCustodialTerm(sentence) && !creditedCases.has(s.caseKey)) {
      for (const span of input.remand.filter((x) => x.caseKey === s.caseKey)) {
        const to = minDate(span.to, addDays(start, -1));
        const d = daysOutside(span.from, to, served);
        if (d > 0) {
          credit += d;
          creditSpan = {
            from: creditSpan ? minDate(creditSpan.from, span.from) : span.from,
            to: creditSpan ? maxDate(creditSpan.to, to) : to,
          };
        }
      }
    }
    if (credit > 0 || typeof s.remandCreditDays === 'number') creditedCases.add(s.caseKey);
    creditTotal += credit;
    const computation = fullPardon
      ? {
          releaseOn: null,
          sentenceEnd: null,
          servedInFull: false,
          steps: [
            {
              key: 'justice.release.step.pardon_full_sentence',
              params: { reference: fullPardon.reference, date: fullPardon.issuedOn },
              date: fullPardon.issuedOn,
            },
          ],
        }
      : computeReleaseDate({
          sentence,
          sentenceStart: start,
          remandCreditDays: credit,
          reductions: mine
            .filter(
              (r) => (r.kind === 'remission' || r.kind === 'pardon') && !r.full && r.period && !isEmptyPeriod(r.period),
            )
            .map((r) => ({
              kind: r.kind === 'pardon' ? ('pardon' as const) : ('remission' as const),
              reference: r.reference + (r.assumed ? ' *' : ''),
              issuedOn: r.issuedOn,
              period: r.period!,
            })),
        });
    if (creditSpan && credit > 0) {
      const i = computation.steps.findIndex((x) => x.key === 'justice.release.step.remand_credit');
      if (i >= 0)
        computation.steps[i] = {
          ...computation.steps[i],
          key: 'justice.release.step.remand_credit_computed',
          params: { ...computation.steps[i].params, from: creditSpan.from, to: creditSpan.to },
        };
    }
    computation.steps.unshift(...pre);
    const noCustody = !!fullPardon || !hasCustodialTerm(sentence);
    const releaseOn = fullPardon ? null : computation.releaseOn;
    if (releaseOn && !computation.servedInFull) served.push({ from: start, to: releaseOn });
    const r: SentenceResult = {
      id: s.id,
      reference: s.reference,
      caseKey: s.caseKey,
      start,
      relation,
      relatedTo,
      relationAssumed,
      creditDays: credit,
      releaseOn,
      noCustody,
      computation,
    };
    results.set(s.id, r);
    visiting.delete(s.id);
    return r;
  };
  for (const s of ordered) compute(s);

  const all = ordered.map((s) => results.get(s.id)!);
  const multi = all.length > 1;
  for (const r of all) {
    const s = byId.get(r.id)!;
    if (multi) {
      steps.push({
        key: 'justice.release.step.sentence_of',
        params: { reference: r.reference, judged_on: s.judgedOn, case: r.caseKey.startsWith('seq:') ? '' : r.caseKey },
      });
      if (r.relation && r.relatedTo) {
        const other = byId.get(r.relatedTo)!;
        steps.push({
          key: `justice.release.step.${r.relation}${r.relationAssumed ? '_assumed' : ''}`,
          params: { reference: other.reference, date: r.start },
          date: r.start,
        });
      }
    }
    if (s.finalOn) steps.push({ key: 'justice.release.step.final', params: { date: s.finalOn } });
    else if (s.appealPending) steps.push({ key: 'justice.release.step.appeal_pending', params: {} });
    for (const st of r.computation.steps) {
      if (multi && (st.key === 'justice.release.step.result' || st.key === 'justice.release.step.served_in_full')) {
        steps.push({
          ...st,
          key: st.key === 'justice.release.step.result' ? 'justice.release.step.sentence_result' : st.key,
          params: { ...st.params, reference: r.reference },
        });
      } else steps.push(st);
    }
  }
  const custodial = all.filter((r) => !r.noCustody);
  const endless = custodial.some((r) => r.releaseOn === null);
  let releaseOn: string | null = null;
  let sentenceEnd: string | null = null;
  let servedInFull = false;
  if (!endless && custodial.length) {
    releaseOn = custodial.map((r) => r.releaseOn!).reduce((a, b) => maxDate(a, b));
    sentenceEnd = custodial.map((r) => r.computation.sentenceEnd!).reduce((a, b) => maxDate(a, b));
    servedInFull = custodial.every((r) => r.computation.servedInFull);
    if (multi)
      steps.push(
        servedInFull
          ? { key: 'justice.release.step.served_in_full', params: { date: releaseOn }, date: releaseOn }
          : {
              key: 'justice.release.step.result_all',
              params: { date: releaseOn, count: custodial.length },
              date: releaseOn,
            },
      );
  } else if (!endless && all.length && all.every((r) => r.noCustody)) {
    // Every custodial sentence pardoned in full: released on the last of those pardons.
    const pardons = input.reductions
      .filter((r) => r.full && results.has(r.sentenceId))
      .map((r) => r.issuedOn)
      .sort();
    if (pardons.length) {
      releaseOn = pardons[pardons.length - 1]!;
      steps.push({
        key: 'justice.release.step.pardon_full',
        params: {
          reference: input.reductions.find((r) => r.full && r.issuedOn === releaseOn)!.reference,
          date: releaseOn,
        },
        date: releaseOn,
      });
    }
  } else if (endless) {
    if (multi) steps.push({ key: 'justice.release.step.no_date', params: {} });
  }
  return { releaseOn, sentenceEnd, servedInFull, steps, sentences: all, creditDays: creditTotal };
}
