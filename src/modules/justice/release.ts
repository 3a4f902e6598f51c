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
 *
 * The parts live in release/ (sentence, records, multi, titles); this file gathers them.
 */
export {
  type Sentence,
  type Step,
  type Reduction,
  type ReleaseInput,
  type ReleaseComputation,
  hasCustodialTerm,
  computeReleaseDate,
} from './release/sentence.js';
export type {
  SentenceRelation,
  SentenceRecord,
  SentenceReduction,
  RemandSpan,
  SentenceResult,
  MultiReleaseInput,
  MultiRelease,
} from './release/records.js';
export { computeRelease } from './release/multi.js';
export { sentencesFromTitles, releaseFromTitles } from './release/titles.js';
