/** The movements module's front door: transfers, escorts and the count, releases (docs/movements-*.md). */
export { countNav, countPages } from './count/pages.js';
export { countRoutes } from './count/routes.js';
export { dailyState, nationalState } from './count/daily.js';
export { escortBoard, recordEscort, recordEscortBack } from './count/escorts.js';
export { countDay, countSheet, recount, startCount, validateCount } from './count/service.js';
/** The movements module's front door (issue 13): each part's exports, one line each (docs/architecture.md). */
export { releaseRoutes } from './release/routes.js';
export { releaseNav, releasePages, releaseDueSection } from './release/pages.js';
export { provideIncidentChecklist } from './release/incident-port.js';
export { releaseDueList } from './release/service.js';
