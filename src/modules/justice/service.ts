/**
 * The justice chain: legal titles (and their corrections), the derived legal status kept in
 * admission.legal_status, pre-trial limits and alerts, hearings and the court list, release dates,
 * the backlog, and justice partners (prosecutors' offices and courts) scoped to their jurisdiction.
 * Authorisation is checked here: staff by permission and prison scope; partners (role prosecutor) by
 * permission and jurisdiction, every access audited (category 'partner').
 *
 * The use cases live in service/ by section (titles, hearings, alerts, backlog, settings, partners,
 * the stored state, …); this file gathers them so that callers import one place.
 */
export { documentTitle, rowTitle, ruleFromRow, loadSettings } from './service/load.js';
export { isPartner } from './service/access.js';
export type { TitleView, HearingView, AlertView } from './service/views.js';
export { justiceFileOf, type JusticeFile, getJusticeFile } from './service/file.js';
export { type TitleInput, validateTitle } from './service/title-input.js';
export { syncLegalStatus, addTitle, correctTitle, withdrawTitle } from './service/titles.js';
export {
  type HearingInput,
  scheduleHearing,
  recordHearingOutcome,
  updateHearing,
  type CourtListItem,
  type CourtList,
  courtList,
} from './service/hearings.js';
export { justiceAlertsForPrison, justiceAlertSummary, listAlerts } from './service/alerts.js';
export { type BacklogReport, backlog, backlogCsv } from './service/backlog.js';
export {
  type RuleInput,
  type RuleView,
  listRules,
  createRule,
  updateRule,
  getSettings,
  updateSettings,
} from './service/settings.js';
export {
  type JurisdictionView,
  listJurisdictions,
  createJurisdiction,
  addPartnerMember,
  partnerCases,
  partnerAccessLog,
} from './service/partners.js';
export { validateSentenceFields } from './service/sentences.js';
export { refreshJusticeStates } from './service/episodes.js';
export { refreshJusticeState } from './service/stored.js';
export type { EpisodeView } from './service/history.js';
