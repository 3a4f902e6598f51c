/**
 * One sentence's release date, pure: the term, the suspended part, the remand credit and the
 * reductions, each step explained. See release.ts for the conventions and docs/justice.md.
 */
import { addDays, isEmptyPeriod, lastDayOf, type Period, subtractPeriod } from '../calendar.js';

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

export function periodParams(p: Period): Record<string, number> {
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
