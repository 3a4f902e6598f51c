/**
 * Release dates, pure: a person's legal situation is a set of cases; each conviction in force carries
 * its sentence, runs concurrently with another (confusion des peines, ordered by a court) or
 * consecutively; the release date comes from ALL the sentences in force. No database, no clock.
 *
 * Conventions (see docs/justice.md, "Release dates"):
 * - A sentence counts its first day: one year from 1 January ends on 31 December (its last day is the
 *   release date). Years and months are calendar months counted date to date; a day that does not
 *   exist in the target month is that month's last day (31 January + 1 month → 28/29 February).
 *   Malian law, in the texts gathered so far, does not state the month rule for sentences: this is the
 *   rule chosen (the French-model "de date à date" reading), the same as the pre-trial periods.
 * - Deductions in order: suspended part, remand credit (days), then each remission or partial pardon
 *   naming this sentence, in date order (calendar subtraction: days first, then months).
 * - Remand credit: the days in pre-trial detention of the sentence's own case, before the sentence
 *   starts, that were not spent serving another sentence; counted once (the first sentence of the
 *   case gets it), never for another case. A credit stated by the court is used as written.
 * - Without a court order of confusion, sentences add up (consecutive): the glossary's French-model
 *   rule, to confirm for Mali; pmis then says the relation was assumed.
 * - Life and death sentences have no release date unless commuted to a term (the term runs from the
 *   original start).
 */
import {
  addDays,
  daysBetween,
  isEmptyPeriod,
  lastDayOf,
  maxDate,
  minDate,
  type Period,
  subtractPeriod,
} from './calendar.js';
import { deriveLegalSituation, isReleaseOutcome } from './rules/situation.js';
import { effectiveTitles, type LegalTitle } from './rules/titles.js';

export interface Sentence extends Period {
  /** Life imprisonment: no release date unless commuted. */
  life?: boolean;
  /** Death sentence (still in Malian law; moratorium on executions): no release date unless commuted. */
  death?: boolean;
  /** The part of the term the court suspended (sursis): not served. */
  suspended?: Period;
  /** Fine, in CFA francs (a fine alone holds nobody). */
  fine?: number;
}

/** One line of a calculation shown on the file: a message key (fr/en) with its values. */
export interface Step {
  key: string;
  params: Record<string, string | number>;
  /** The date this step arrives at, when it moves one. */
  date?: string;
}

export interface Reduction {
  kind: 'remission' | 'pardon';
  reference: string;
  issuedOn: string;
  period: Period;
}

export interface ReleaseInput {
  sentence: Sentence;
  /** First day of the sentence. */
  sentenceStart: string;
  /** Days of pre-trial detention credited against the sentence. */
  remandCreditDays: number;
  reductions: readonly Reduction[];
}

export interface ReleaseComputation {
  /** The day the person is to be released (the last day of the sentence); null for life, death, or no custodial term. */
  releaseOn: string | null;
  /** The last day of the sentence before any deduction. */
  sentenceEnd: string | null;
  /** The deductions exceed the sentence: release is due at once. */
  servedInFull: boolean;
  steps: Step[];
}

function periodParams(p: Period): Record<string, number> {
  return { years: p.years ?? 0, months: p.months ?? 0, days: p.days ?? 0 };
}

/** The custodial term: nothing for a fine alone. */
export function hasCustodialTerm(s: Sentence): boolean {
  return !!s.life || !!s.death || !isEmptyPeriod(s);
}

/**
 * Release date of ONE sentence from its start, the remand credit and the reductions, in that order.
 * The sentence counts its first day: one year from 1 January 2026 ends on 31 December 2026.
 */
export function computeReleaseDate(input: ReleaseInput): ReleaseComputation {
  const steps: Step[] = [];
  const s = input.sentence;
  if (s.life || s.death) {
    steps.push({ key: s.death ? 'justice.release.step.death' : 'justice.release.step.life', params: {} });
    return { releaseOn: null, sentenceEnd: null, servedInFull: false, steps };
  }
  if (isEmptyPeriod(s)) {
    steps.push({ key: 'justice.release.step.fine_only', params: { fine: s.fine ?? 0 } });
    return { releaseOn: null, sentenceEnd: null, servedInFull: false, steps };
  }
  steps.push({ key: 'justice.release.step.sentence', params: periodParams(s) });
  if (s.fine) steps.push({ key: 'justice.release.step.fine', params: { fine: s.fine } });
  steps.push({ key: 'justice.release.step.start', params: { date: input.sentenceStart }, date: input.sentenceStart });
  const sentenceEnd = lastDayOf(input.sentenceStart, s);
  steps.push({ key: 'justice.release.step.end', params: { date: sentenceEnd }, date: sentenceEnd });
  let end = sentenceEnd;
  if (s.suspended && !isEmptyPeriod(s.suspended)) {
    end = subtractPeriod(end, s.suspended);
    steps.push({
      key: 'justice.release.step.suspended',
      params: { ...periodParams(s.suspended), date: end },
      date: end,
    });
  }
  if (input.remandCreditDays > 0) {
    end = addDays(end, -input.remandCreditDays);
    steps.push({
      key: 'justice.release.step.remand_credit',
      params: { days: input.remandCreditDays, date: end },
      date: end,
    });
  }
  for (const r of [...input.reductions].sort((a, b) =>
    a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : 0,
  )) {
    end = subtractPeriod(end, r.period);
    steps.push({
      key: r.kind === 'pardon' ? 'justice.release.step.pardon_partial' : 'justice.release.step.remission',
      params: { reference: r.reference, ...periodParams(r.period), date: end },
      date: end,
    });
  }
  const servedInFull = end < input.sentenceStart;
  const releaseOn = servedInFull ? input.sentenceStart : end;
  steps.push(
    servedInFull
      ? { key: 'justice.release.step.served_in_full', params: { date: releaseOn }, date: releaseOn }
      : { key: 'justice.release.step.result', params: { date: releaseOn }, date: releaseOn },
  );
  return { releaseOn, sentenceEnd, servedInFull, steps };
}

// ---------------------------------------------------------------------------------------------
// All the sentences in force
// ---------------------------------------------------------------------------------------------

export type SentenceRelation = 'consecutive' | 'concurrent';

export interface SentenceRecord {
  /** The conviction (title id). */
  id: string;
  reference: string;
  /** The case it belongs to (case number, or the sequence of titles when none is recorded). */
  caseKey: string;
  judgedOn: string;
  sentence: Sentence;
  /** First day stated by the court (else the day of the judgment). */
  start?: string | null;
  /** Runs concurrently with (confusion ordered by a court) or consecutively to `relatedTo`. */
  relation?: SentenceRelation | null;
  relatedTo?: string | null;
  /** Credit stated by the court, in days (else computed from the case's remand). */
  remandCreditDays?: number | null;
  /** Final (appeal period passed, or appeal decided) on this date, when recorded. */
  finalOn?: string | null;
  /** An appeal lodged and not yet decided. */
  appealPending?: boolean;
}

export interface SentenceReduction {
  id: string;
  kind: 'remission' | 'pardon' | 'commutation';
  reference: string;
  issuedOn: string;
  /** The sentence it names. */
  sentenceId: string;
  /** Remission, partial pardon. */
  period?: Period | null;
  /** Commutation of a life or death sentence (or of a term) to this term. */
  commutedTo?: Period | null;
  /** Full pardon of this sentence. */
  full?: boolean;
  /** The sentence was not named on the title: pmis applied it to the sentence in force on its date. */
  assumed?: boolean;
}

/** Days in pre-trial detention of a case, both ends included. */
export interface RemandSpan {
  caseKey: string;
  from: string;
  to: string;
}

export interface SentenceResult {
  id: string;
  reference: string;
  caseKey: string;
  start: string;
  relation: SentenceRelation | null;
  relatedTo: string | null;
  relationAssumed: boolean;
  creditDays: number;
  /** Last day served under this sentence; null when it has none (life, death, fine only). */
  releaseOn: string | null;
  noCustody: boolean;
  computation: ReleaseComputation;
}

export interface MultiReleaseInput {
  sentences: readonly SentenceRecord[];
  reductions: readonly SentenceReduction[];
  remand: readonly RemandSpan[];
}

export interface MultiRelease extends ReleaseComputation {
  sentences: SentenceResult[];
  /** Total remand days credited (each case once). */
  creditDays: number;
}

/** Days of [from, to] not covered by any of the intervals. */
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

// ---------------------------------------------------------------------------------------------
// From the titles
// ---------------------------------------------------------------------------------------------

/** A case a title belongs to: its case number when recorded, else the sequence (a new committal order after a release opens a new case). */
function caseKeys(list: readonly LegalTitle[]): { keys: Map<string, string>; remandOwner: (t: LegalTitle) => string } {
  const keys = new Map<string, string>();
  const seqOf = new Map<string, number>();
  const firstConviction = new Map<number, string>();
  let seq = 0;
  let released = false;
  for (const t of list) {
    if ((t.kind === 'committal_order' || t.kind === 'arrest_warrant') && released) {
      seq++;
      released = false;
    }
    if (t.kind === 'acquittal' || t.kind === 'release_order') released = true;
    const key = t.caseRef?.trim() ? t.caseRef.trim() : `seq:${seq}`;
    keys.set(t.id, key);
    seqOf.set(t.id, seq);
    if (t.kind === 'conviction' && t.sentence && !firstConviction.has(seq)) firstConviction.set(seq, key);
  }
  // A detention order with no case number is remand for the first case judged in its sequence.
  const remandOwner = (t: LegalTitle) =>
    t.caseRef?.trim() ? keys.get(t.id)! : (firstConviction.get(seqOf.get(t.id)!) ?? keys.get(t.id)!);
  return { keys, remandOwner };
}

const APPEAL_COURTS = new Set(['appeal_court', 'supreme_court']);

/**
 * The sentences in force, their reductions and each case's remand, from the titles (of every
 * admission of the person that the titles followed across transfers).
 */
export function sentencesFromTitles(
  titles: readonly LegalTitle[],
  detentionStart: string | null,
  asOf?: string,
): MultiReleaseInput & { pardonedAll: LegalTitle | null } {
  const list = effectiveTitles(titles).filter((t) => !asOf || t.issuedOn <= asOf);
  const { keys, remandOwner } = caseKeys(list);
  const convictions = list.filter((t) => t.kind === 'conviction' && t.sentence);
  // An appeal court's judgment replaces the earlier judgment of the same case that was appealed.
  const replaced = new Set<string>();
  for (const c of convictions) {
    if (!APPEAL_COURTS.has(c.authorityKind)) continue;
    for (const e of convictions) {
      if (e === c || keys.get(e.id) !== keys.get(c.id) || e.issuedOn > c.issuedOn) continue;
      const appealed = list.some(
        (a) =>
          a.kind === 'appeal' &&
          (a.appliesToId ? a.appliesToId === e.id : keys.get(a.id) === keys.get(e.id)) &&
          a.issuedOn >= e.issuedOn &&
          a.issuedOn <= c.issuedOn,
      );
      if (appealed && (c.relation === null || c.relation === undefined)) replaced.add(e.id);
    }
  }
  // Acquittal or release order: ends the sentences of its case judged before it (a retrial, an appeal acquitting).
  for (const o of list.filter((t) => t.kind === 'acquittal' || t.kind === 'release_order')) {
    for (const c of convictions) if (keys.get(c.id) === keys.get(o.id) && c.issuedOn <= o.issuedOn) replaced.add(c.id);
  }
  const inForce = convictions.filter((c) => !replaced.has(c.id));
  const sentences: SentenceRecord[] = inForce.map((c) => ({
    id: c.id,
    reference: c.reference,
    caseKey: keys.get(c.id)!,
    judgedOn: c.issuedOn,
    sentence: c.sentence!,
    start: c.sentenceStart ?? null,
    relation: c.relation ?? null,
    relatedTo: c.relatedToId ?? null,
    remandCreditDays: c.remandCreditDays ?? null,
    finalOn: c.finalOn ?? null,
    appealPending: list.some(
      (a) =>
        a.kind === 'appeal' &&
        (a.appliesToId ? a.appliesToId === c.id : keys.get(a.id) === keys.get(c.id)) &&
        a.issuedOn >= c.issuedOn,
    ),
  }));
  const ids = new Set(sentences.map((s) => s.id));
  const reductions: SentenceReduction[] = [];
  let pardonedAll: LegalTitle | null = null;
  for (const r of list.filter((t) => t.kind === 'remission' || t.kind === 'pardon')) {
    let sentenceId = r.appliesToId && ids.has(r.appliesToId) ? r.appliesToId : null;
    const assumed = !sentenceId;
    if (!sentenceId) {
      // Not named: the latest sentence judged on or before it (the rule before sentences were named).
      const before = sentences.filter((s) => s.judgedOn <= r.issuedOn);
      sentenceId = before[before.length - 1]?.id ?? null;
    }
    if (!sentenceId) continue;
    const full =
      r.kind === 'pardon' &&
      (r.pardonScope ?? (isEmptyPeriod(r.reduction) && isEmptyPeriod(r.commutedTo) ? 'full' : 'partial')) === 'full';
    if (full && assumed) {
      pardonedAll = r;
      continue;
    }
    if (r.commutedTo && !isEmptyPeriod(r.commutedTo))
      reductions.push({
        id: r.id,
        kind: 'commutation',
        reference: r.reference,
        issuedOn: r.issuedOn,
        sentenceId,
        commutedTo: r.commutedTo,
        assumed,
      });
    if (!isEmptyPeriod(r.reduction) || full)
      reductions.push({
        id: r.id,
        kind: r.kind as 'remission' | 'pardon',
        reference: r.reference,
        issuedOn: r.issuedOn,
        sentenceId,
        period: r.reduction ?? null,
        full,
        assumed,
      });
  }
  // Remand per case: from its first detention order (the first case: or the first day in detention) to the day before its first judgment.
  const remand: RemandSpan[] = [];
  const firstKey = list[0] ? remandOwner(list[0]) : undefined;
  for (const key of new Set(sentences.map((s) => s.caseKey))) {
    const orders = list.filter(
      (t) =>
        remandOwner(t) === key &&
        (t.kind === 'committal_order' || t.kind === 'arrest_warrant' || t.kind === 'extension_order'),
    );
    const judged = convictions
      .filter((t) => keys.get(t.id) === key)
      .map((t) => t.issuedOn)
      .sort()[0];
    let from = orders[0] ? (orders[0].effectiveFrom ?? orders[0].issuedOn) : null;
    if (key === firstKey && detentionStart) from = from ? minDate(from, detentionStart) : detentionStart;
    if (from && judged && from < judged) remand.push({ caseKey: key, from, to: addDays(judged, -1) });
  }
  return { sentences, reductions, remand, pardonedAll };
}

/**
 * The release date of a convicted person from their titles: every sentence in force, each with its
 * case's remand credit and the reductions naming it. A full pardon that names no sentence releases on
 * its date (the rule before sentences were named).
 */
export function releaseFromTitles(
  titles: readonly LegalTitle[],
  detentionStart: string | null,
  asOf?: string,
): MultiRelease | null {
  const sit = deriveLegalSituation(titles, asOf);
  const input = sentencesFromTitles(titles, detentionStart, asOf);
  if (sit.status === 'pardoned' && sit.outcome && input.pardonedAll) {
    const o = sit.outcome;
    return {
      releaseOn: o.issuedOn,
      sentenceEnd: null,
      servedInFull: false,
      steps: [
        {
          key: 'justice.release.step.pardon_full',
          params: { reference: o.reference, date: o.issuedOn },
          date: o.issuedOn,
        },
      ],
      sentences: [],
      creditDays: 0,
    };
  }
  if (isReleaseOutcome(sit.status) && sit.status !== 'pardoned') return null;
  if (!input.sentences.length) return null;
  return computeRelease(input);
}
