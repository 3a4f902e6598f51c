/** The movements module's front door (issue 13): each part's exports, one line each (docs/architecture.md). */
export { releaseRoutes } from './release/routes.js';
export { releaseNav, releasePages, releaseDueSection } from './release/pages.js';
export { provideIncidentChecklist } from './release/incident-port.js';
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
