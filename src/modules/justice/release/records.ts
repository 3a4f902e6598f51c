/**
 * All the sentences in force: what is known of each (its case, its relation to the others, its
 * reductions) and what the computation gives back. See release.ts.
 */
import type { Period } from '../calendar.js';
import type { ReleaseComputation, Sentence } from './sentence.js';

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
