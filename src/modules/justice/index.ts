/** The justice module's front door: what the application and other modules may use (docs/architecture.md). */
export { alertHistorySection, releaseSection } from './pages.js';
export { justiceRoutes } from './routes.js';
export { justiceNav, justicePages } from './pages/index.js';
export { justiceSection } from './views/file.js';
export type { BacklogGroup } from './rules.js';
export {
  addPartnerMember,
  addTitle,
  backlog,
  courtList,
  correctTitle,
  createJurisdiction,
  getJusticeFile,
  justiceAlertSummary,
  justiceAlertsForPrison,
  listJurisdictions,
  recordHearingOutcome,
  scheduleHearing,
} from './service.js';
export { addDays, daysBetween, lastDayOf, minDate, workingDaysBefore } from './calendar.js';
export { jurisdictions as jurisdictionRows, jurisdictionsOfUser } from './repository.js';
export { provideCustodyBeforePrison } from './custody-port.js';
export { chargedAdmissions } from './service/charged.js';
