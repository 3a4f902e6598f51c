/** The classification module's front door: what the application and other modules may use (docs/architecture.md). */
export { NEVER_FOR_UNTRIED, personLabel } from './labels.js';
export { classificationPages } from './pages.js';
export { classificationRoutes } from './routes.js';
export { classificationsDueForReview } from './service.js';
