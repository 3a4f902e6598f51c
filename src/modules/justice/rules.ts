/**
 * The justice chain, pure: legal titles over time and the legal situation they found, pre-trial
 * detention limits as versioned data with their arithmetic, release dates explained step by step,
 * alerts and backlog figures. No database, no clock: every function takes the date it reasons on
 * (a Bamako calendar date, "YYYY-MM-DD").
 *
 * Conventions (see docs/justice.md):
 * - A period counts its first day: a 6-month order starting 9 March covers 9 March to 8 September.
 *   `expiresOn` is that last covered day; the person is held without a title from the day after.
 * - An extension continues the previous period (it starts the day after the previous last day),
 *   whenever it is issued on or before that last day; issued later, it is late and starts on its date.
 * - A title is never replaced: a correction is a new version that supersedes the old one (with a
 *   reason), a withdrawal keeps the row and says why; derivation reads only the versions in force.
 *
 * The rules live in rules/ by section (titles, situation, cases, alerts, backlog); this file gathers
 * them so that callers import one place.
 */
export {
  TITLE_KINDS,
  type TitleKind,
  DETENTION_ORDER_KINDS,
  AUTHORITY_KINDS,
  type AuthorityKind,
  OFFENCE_CATEGORIES,
  type OffenceCategory,
  type LegalTitle,
  compareTitles,
  effectiveTitles,
  titleVersions,
  versionProblems,
} from './rules/titles.js';
export {
  ADMISSION_LEGAL_STATUSES,
  type AdmissionLegalStatus,
  LEGAL_STATUSES,
  type LegalStatus,
  isUntried,
  isSentenced,
  isReleaseOutcome,
  type LegalSituation,
  deriveLegalSituation,
} from './rules/situation.js';
export {
  HEARING_OUTCOMES,
  type HearingOutcome,
  hearingTookPlace,
  type HearingFacts,
  type CaseInput,
  type CaseEvaluation,
  heldOn,
  evaluateCase,
  type AtLarge,
  daysAtLarge,
  withTimeAtLarge,
} from './rules/cases.js';
export { ALERT_KINDS, type AlertKind, type JusticeAlert, alertsForCase, sortAlerts } from './rules/alerts.js';
export {
  DURATION_BUCKETS,
  type BacklogGroup,
  type BacklogFigures,
  percent,
  median,
  monthsUpTo,
  backlogFigures,
} from './rules/backlog.js';
export type { Period } from './calendar.js';
export type { Sentence } from './release.js';

// Pre-trial detention limits: see pretrial.ts (re-exported here so callers compile unchanged).
export * from './pretrial.js';

// Release dates: in release.ts (every sentence in force, each case's remand credit once).
export {
  computeRelease,
  computeReleaseDate,
  hasCustodialTerm,
  releaseFromTitles,
  sentencesFromTitles,
  type MultiRelease,
  type MultiReleaseInput,
  type Reduction,
  type ReleaseComputation,
  type ReleaseInput,
  type RemandSpan,
  type SentenceRecord,
  type SentenceReduction,
  type SentenceRelation,
  type SentenceResult,
  type Step,
} from './release.js';
