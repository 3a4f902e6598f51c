/**
 * The movements module's front door (issue 13): transfers, escorts and the count, releases; one line
 * per export, each part in its own folder (docs/movements-*.md).
 */
export { countNav, countPages } from './count/pages.js';
export { countRoutes } from './count/routes.js';
export { dailyState, nationalState } from './count/daily.js';
export { escortBoard, recordEscort, recordEscortBack } from './count/escorts.js';
export { countDay, countSheet, recount, startCount, validateCount } from './count/service.js';
export { releaseRoutes } from './release/routes.js';
export { releaseNav, releasePages, releaseDueSection } from './release/pages.js';
export { provideIncidentChecklist } from './release/incident-port.js';
export { transferRoutes } from './transfers/routes.js';
export { transferNav, transferPages } from './transfers/pages.js';
export {
  createConvoy,
  decideTransfer,
  departConvoy,
  receiveTransfer,
  recordNotice,
  requestTransfer,
  transfersOfPerson,
  transferUnderWay,
} from './transfers/service.js';
export {
  addIncidentNotice,
  addReleaseNotice,
  checkRelease,
  completeRelease,
  confirmRelease,
  putReleaseSettings,
  recordEscape,
  releaseDueList,
} from './release/service.js';
