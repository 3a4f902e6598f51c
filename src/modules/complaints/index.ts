/** The complaints module's front door: what the application and other modules may use. */
export { complaintsNav, complaintsPages } from './pages.js';
export { complaintsRoutes } from './routes.js';
export { checkReprisal, type ReprisalEvent, recordComplaint, act } from './service.js';
