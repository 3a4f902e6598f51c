/** The justice module's front door: what the application and other modules may use (docs/architecture.md). */
export { alertHistorySection, releaseSection } from './pages.js';
export { justiceRoutes } from './routes.js';
export type { BacklogGroup } from './rules.js';
export { addTitle, backlog, getJusticeFile, justiceAlertSummary } from './service.js';
